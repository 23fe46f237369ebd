using System.Linq;
using System.Text;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Tests.Rules;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

/// <summary>Every reader (profiles, rule files, agency files) shares one toolkit: one result shape, one error format, the same message for the same mistake (issue 10).</summary>
public sealed class ReadingToolkitTests
{
    [Fact]
    public void One_error_format_names_file_line_rule_path_and_message_when_there_are()
    {
        Assert.Equal("line 3: $.records[0].decidedOn: bad", new InputError("$.records[0].decidedOn", 3, "bad").ToString());
        Assert.Equal("r.json:7: rule 'green': $.Rules[0]: bad", new InputError("$.Rules[0]", 7, "bad") { File = "r.json", RuleName = "green" }.ToString());
        Assert.Equal("r.json:0: cannot read", new InputError(null, 0, "cannot read") { File = "r.json" }.ToString());
    }

    [Fact]
    public void An_impossible_date_reads_the_same_in_a_profile_and_a_rule_file()
    {
        var profile = ProfileJson.Read("""
            {"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038217"},
             "records":[{"id":"p","category":"administrative-penalty","decidedOn":"2023-02-30"}]}
            """);
        var rules = RuleSet.Load(Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(System.IO.Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json")).Replace("\"effectiveFrom\": \"2022-03-11\"", "\"effectiveFrom\": \"2023-02-30\"", System.StringComparison.Ordinal)), "r.json");

        var fromProfile = Assert.Single(profile.Errors, e => e.Path == "$.records[0].decidedOn");
        var fromRules = Assert.Single(rules.Errors, e => e.Path == "$.RuleSet.effectiveFrom");
        Assert.Equal("'2023-02-30' is not a real calendar date.", fromProfile.Message);
        Assert.Equal(fromProfile.Message, fromRules.Message);
        Assert.Equal("r.json", fromRules.File);
    }

    [Fact]
    public void An_agency_file_is_read_strictly_into_the_same_result_shape()
    {
        var result = AgencyRegistryJson.Read(Encoding.UTF8.GetBytes("[\n {\"name\": \"甲\", \"filingNumer\": \"X-1\"}\n]"), "agencies.json");

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.Equal(
            "agencies.json:2: $[0].filingNumer: Unknown field 'filingNumer' (did you mean 'filingNumber'?); it would be silently ignored.",
            Assert.Single(result.Errors).ToString());
        Assert.True(AgencyRegistryJson.Read(Encoding.UTF8.GetBytes("[{\"name\": \"甲\", \"filingNumber\": \"X-1\"}]")).Value!.IsFiled("X-1"));
    }
}
