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

    private const string ResidentId = "11010519491231002X";

    private static void AssertSafe(InputError error)
    {
        var text = error.ToString();
        Assert.DoesNotContain(ResidentId, text, System.StringComparison.Ordinal);
        Assert.DoesNotContain(text, char.IsControl);
        Assert.DoesNotContain(ResidentId, error.Path ?? string.Empty, System.StringComparison.Ordinal);
        Assert.DoesNotContain(error.Path ?? string.Empty, char.IsControl);
    }

    [Fact]
    public void An_unknown_field_named_like_a_resident_id_or_holding_an_escape_never_reaches_the_error_path_raw()
    {
        // The JSON path of an unknown field is built from the field's name, which is input like any other (contract v2, "Personal ids").
        var agencies = AgencyRegistryJson.Read(Encoding.UTF8.GetBytes("[{\"name\":\"a\",\"filingNumber\":\"b\",\"\\u001b[31m" + ResidentId + "\":1}]"), "agencies.json");
        var rules = RuleSet.Load(Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(System.IO.Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "rules", "jia-county-2022-8.json"))
            .Replace("\"WorkflowName\"", "\"" + ResidentId + "\\u0007\": 1, \"WorkflowName\"", System.StringComparison.Ordinal)), "r.json");

        AssertSafe(Assert.Single(agencies.Errors));
        AssertSafe(Assert.Single(rules.Errors));
        Assert.Equal(1, Assert.Single(agencies.Errors).Line);
    }

    [Fact]
    public void A_file_name_holding_a_resident_id_or_an_escape_is_shown_masked_and_escaped()
    {
        var named = AgencyRegistryJson.Read(Encoding.UTF8.GetBytes("{}"), "uploads/" + ResidentId + "\u001b[2J.json");
        var unreadable = RuleSet.LoadFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-dir-" + System.Guid.NewGuid().ToString("N"), ResidentId + "\u001b.json"));

        AssertSafe(Assert.Single(named.Errors));
        AssertSafe(Assert.Single(unreadable.Errors));
        Assert.StartsWith("uploads/110105********002X\\u001B[2J.json:1: $: ", Assert.Single(named.Errors).ToString(), System.StringComparison.Ordinal);
    }
}
