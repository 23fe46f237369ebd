using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using Json.Schema;
using Xunit;

namespace CreditPolicy.Tests.Schemas;

/// <summary>
/// Contract v2, "JSON Schemas": schemas/rule-file.schema.json, schemas/profile.schema.json and
/// schemas/agencies.schema.json describe the three input formats (draft 2020-12), and the shipped rule file
/// names its schema in <c>$schema</c>. These tests hold the schemas to the files the project ships; the
/// agreement of schemas and readers, field by field, is in <see cref="SchemaAgreementTests"/>.
/// </summary>
public sealed class SchemaTests
{
    public static TheoryData<string> SchemaNames => [.. SchemaFiles.Names];

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Contract_Each_schema_is_a_valid_draft_2020_12_schema_with_an_id_of_its_own(string name)
    {
        var document = SchemaFiles.Document(name);

        var againstMetaSchema = MetaSchemas.Draft202012.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(againstMetaSchema.IsValid, $"{name} is not a valid draft 2020-12 schema:\n{SchemaFiles.Describe(againstMetaSchema)}");
        Assert.Equal(SchemaFiles.Draft202012, document.GetProperty("$schema").GetString());
        Assert.Equal(SchemaFiles.IdBase + name, document.GetProperty("$id").GetString());
        Assert.NotNull(SchemaFiles.Get(name)); // built by JsonSchema.Net, references resolved
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Contract_Every_property_of_every_schema_is_described_in_Chinese_then_English(string name)
    {
        var undescribed = SchemaWalk.Properties(SchemaFiles.Document(name))
            .Where(p => !(p.Schema.ValueKind == JsonValueKind.False
                || (p.Schema.TryGetProperty("description", out var d) && IsChineseThenEnglish(d.GetString()!))))
            .Select(p => p.Path)
            .ToArray();

        Assert.True(undescribed.Length == 0, $"{name}: properties without a description \"中文 · English\":\n{string.Join("\n", undescribed)}");
    }

    [Fact]
    public void Contract_The_shipped_rule_file_names_its_schema_first_and_validates()
    {
        var path = SchemaFiles.RepositoryPath("rules", "jia-county-2022-8.json");
        var root = JsonDocument.Parse(File.ReadAllText(path), SchemaFiles.Lenient).RootElement;

        var first = root.EnumerateObject().First();
        Assert.Equal(("$schema", "../schemas/rule-file.schema.json"), (first.Name, first.Value.GetString()));
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, first.Value.GetString()!)), "$schema must point at the schema, relative to the rule file");
        AssertValid(SchemaFiles.RuleFile, root, "rules/jia-county-2022-8.json");
    }

    [Fact]
    public void Contract_Every_case_profile_of_the_shipped_rule_file_validates_against_the_profile_schema()
    {
        var root = JsonDocument.Parse(File.ReadAllText(SchemaFiles.RepositoryPath("rules", "jia-county-2022-8.json")), SchemaFiles.Lenient).RootElement;

        var cases = root.GetProperty("Cases").EnumerateArray().ToArray();

        Assert.NotEmpty(cases);
        Assert.All(cases, c => AssertValid(SchemaFiles.Profile, c.GetProperty("profile"), $"case '{c.GetProperty("name").GetString()}'"));
    }

    [Fact]
    public void Contract_Every_line_of_the_sample_profiles_validates()
    {
        var lines = File.ReadAllLines(SchemaFiles.RepositoryPath("samples", "profiles.jsonl"));

        var invalid = lines
            .Select((line, i) => (Line: i + 1, Result: SchemaFiles.Evaluate(SchemaFiles.Profile, line)))
            .Where(r => !r.Result.IsValid)
            .Select(r => $"line {r.Line}:\n{SchemaFiles.Describe(r.Result)}")
            .Take(5)
            .ToArray();

        Assert.True(lines.Length > 100, "samples/profiles.jsonl is the sample of many profiles");
        Assert.True(invalid.Length == 0, $"samples/profiles.jsonl does not validate against {SchemaFiles.Profile}:\n{string.Join("\n", invalid)}");
    }

    [Fact]
    public void Contract_The_contract_example_profile_validates()
    {
        AssertValid(SchemaFiles.Profile, JsonDocument.Parse(Fixtures.Read("contract/profile.example.json")).RootElement, "contract/profile.example.json");
    }

    [Fact]
    public void Contract_The_sample_registry_of_filed_agencies_validates()
    {
        var root = JsonDocument.Parse(File.ReadAllText(SchemaFiles.RepositoryPath("samples", "agencies.json")), SchemaFiles.Lenient).RootElement;

        Assert.NotEqual(0, root.GetArrayLength());
        AssertValid(SchemaFiles.Agencies, root, "samples/agencies.json");
    }

    [Fact]
    public void Contract_The_shipped_national_publicity_policy_validates_against_the_rule_files_publicity_policy()
    {
        var root = JsonDocument.Parse(File.ReadAllText(SchemaFiles.RepositoryPath("rules", "national", "publicity-policy.json")), SchemaFiles.Lenient).RootElement;

        AssertValid($"{SchemaFiles.RuleFile}#/$defs/publicityPolicy", root, "rules/national/publicity-policy.json");
    }

    [Fact]
    public void Contract_A_misspelt_field_in_a_rule_is_underlined_by_the_schema_as_the_reader_rejects_it()
    {
        var file = ShippedWith(root => Rename(root["Rules"]![0]!.AsObject(), "Expression", "Expresion"));

        var results = SchemaFiles.Evaluate(SchemaFiles.RuleFile, file);

        Assert.False(results.IsValid);
        Assert.Contains("/Rules/0/Expresion", SchemaFiles.FailingLocations(results));
        Assert.Contains(RuleSet.Load(Encoding.UTF8.GetBytes(file), "misspelt.json").Errors, e => e.Message.Contains("did you mean 'Expression'", StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_A_misspelt_field_of_a_case_is_rejected_by_schema_and_reader()
    {
        var file = ShippedWith(root => Rename(root["Cases"]![0]!.AsObject(), "mustReceive", "mustRecieve"));

        Assert.Contains("/Cases/0/mustRecieve", SchemaFiles.FailingLocations(SchemaFiles.Evaluate(SchemaFiles.RuleFile, file)));
        Assert.NotEmpty(RuleSet.Load(Encoding.UTF8.GetBytes(file), "misspelt.json").Value!.CaseProblems);
    }

    [Fact]
    public void C1_An_unknown_subject_kind_is_rejected_by_schema_and_reader()
    {
        var profile = JsonNode.Parse(Fixtures.Read("contract/profile.example.json"))!;
        profile["subject"]!["kind"] = "company";

        Assert.Contains("/subject/kind", SchemaFiles.FailingLocations(SchemaFiles.Evaluate(SchemaFiles.Profile, profile)));
        Assert.False(ProfileJson.Read(profile.ToJsonString()).Succeeded);
    }

    [Fact]
    public void R6_R7_A_measure_citing_the_wrong_clause_or_a_malformed_code_is_rejected_by_the_schema()
    {
        var wrongClause = ShippedWith(root => root["Rules"]![0]!["Properties"]!["clause"] = "R7.1");
        var wrongCode = ShippedWith(root => root["Rules"]![0]!["Properties"]!["code"] = "incentive.Integrity_Publicity");
        var contractCodeElsewhere = ShippedWith(root => root["Rules"]![1]!["Properties"]!["clause"] = "R6.3");

        foreach (var file in new[] { wrongClause, wrongCode, contractCodeElsewhere })
        {
            Assert.False(SchemaFiles.Evaluate(SchemaFiles.RuleFile, file).IsValid);
            Assert.False(RuleSet.Load(Encoding.UTF8.GetBytes(file), "wrong.json").Succeeded);
        }
    }

    [Fact]
    public void R3_A_misspelt_field_in_a_registry_of_filed_agencies_is_rejected_by_schema_and_reader()
    {
        const string registry = """[{ "name": "某信用评级有限公司", "filingNumer": "PBC-HN-2021-001" }]""";

        Assert.Contains("/0/filingNumer", SchemaFiles.FailingLocations(SchemaFiles.Evaluate(SchemaFiles.Agencies, registry)));
        Assert.False(AgencyRegistryJson.Read(Encoding.UTF8.GetBytes(registry)).Succeeded);
    }

    [Fact]
    public void Contract_A_field_of_a_profile_that_the_contract_does_not_name_is_ignored_by_the_reader_and_allowed_by_the_schema()
    {
        var profile = JsonNode.Parse(Fixtures.Read("contract/profile.example.json"))!;
        profile["$schema"] = "../schemas/profile.schema.json";
        profile["subject"]!["registeredCapital"] = "100万元";

        Assert.True(SchemaFiles.Evaluate(SchemaFiles.Profile, profile).IsValid);
        Assert.True(ProfileJson.Read(profile.ToJsonString()).Succeeded);
    }

    [Fact]
    public void Contract_A_rule_file_may_name_its_schema_in_a_string_and_in_nothing_else()
    {
        var named = ShippedWith(root => root["$schema"] = "https://creditpolicy.example/schemas/rule-file.schema.json");
        var number = ShippedWith(root => root["$schema"] = 2020);
        var blank = ShippedWith(root => root["$schema"] = " ");

        Assert.True(RuleSet.Load(Encoding.UTF8.GetBytes(named), "named.json").Succeeded);
        foreach (var file in new[] { number, blank })
        {
            var error = Assert.Single(RuleSet.Load(Encoding.UTF8.GetBytes(file), "bad.json").Errors);
            Assert.Equal("$.$schema", error.Path);
            Assert.False(SchemaFiles.Evaluate(SchemaFiles.RuleFile, file).IsValid);
        }

        var policy = JsonNode.Parse(File.ReadAllText(SchemaFiles.RepositoryPath("rules", "national", "publicity-policy.json")))!;
        policy["$schema"] = 2020; // a publicity policy file may name its schema too, in a string
        var policyError = Assert.Single(new RuleFileReader(Encoding.UTF8.GetBytes(policy.ToJsonString()), "policy.json").ReadPublicityPolicyFile().Errors);
        Assert.Equal("$.$schema", policyError.Path);
    }

    [Fact]
    public void Contract_A_null_profile_field_counts_as_absent_for_schema_and_reader_alike()
    {
        var profile = JsonNode.Parse(Fixtures.Read("contract/profile.example.json"))!;
        profile["records"]![0]!["publicUntil"] = null;
        profile["reports"] = null;

        Assert.True(SchemaFiles.Evaluate(SchemaFiles.Profile, profile).IsValid);
        Assert.True(ProfileJson.Read(profile.ToJsonString()).Succeeded);
    }

    /// <summary>The shipped rule file, changed by <paramref name="change"/>, as JSON text.</summary>
    internal static string ShippedWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaFiles.RepositoryPath("rules", "jia-county-2022-8.json")), documentOptions: SchemaFiles.Lenient)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    private static void Rename(JsonObject node, string from, string to)
    {
        var value = node[from];
        node.Remove(from);
        node[to] = value;
    }

    private static void AssertValid(string schema, JsonElement instance, string what)
    {
        var results = SchemaFiles.Evaluate(schema, instance);
        Assert.True(results.IsValid, $"{what} does not validate against {schema}:\n{SchemaFiles.Describe(results)}");
    }

    /// <summary>"中文 · English": Chinese first, then, after a middle dot, English.</summary>
    private static bool IsChineseThenEnglish(string description)
    {
        var dot = description.IndexOf(" · ", StringComparison.Ordinal);
        return dot > 0
            && description[..dot].Any(c => c is >= '\u4e00' and <= '\u9fff')
            && description[(dot + 3)..].Any(char.IsAsciiLetter);
    }
}
