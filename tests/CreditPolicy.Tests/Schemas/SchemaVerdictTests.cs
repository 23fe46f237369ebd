using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CreditPolicy.Tests.Schemas;

/// <summary>
/// Contract v2, "JSON Schemas": beyond names, a schema and its reader must give the same verdict. Fields are
/// left out, set to null and combined (the conditions a schema can state: which report source needs an
/// agency, which commitment type has missing materials, which record category has a severity), and each
/// variant is judged by both. What no schema can say (dates in order, unique ids, check characters,
/// expressions that compile) is left to the readers.
/// </summary>
public sealed class SchemaVerdictTests
{
    private static readonly string ShippedRuleFile = File.ReadAllText(SchemaFiles.RepositoryPath("rules", "jia-county-2022-8.json"));

    [Fact]
    public void Contract_Leaving_out_any_field_of_the_shipped_rule_file_is_an_error_for_the_schema_exactly_when_it_is_for_the_reader()
    {
        // Case profiles are the profile reader's: the profile test below leaves out their fields.
        var mismatches = Variants(Parse(ShippedRuleFile), remove: true, skipUnder: "profile")
            .Select(v => Judge(v.What, v.Json, SchemaFiles.RuleFile, json =>
            {
                var read = RuleSet.Load(Encoding.UTF8.GetBytes(json), "variant.json");
                return read.Succeeded ? read.Value.CaseProblems.Select(p => p.ToString()).FirstOrDefault() : read.Errors[0].ToString();
            }))
            .OfType<string>()
            .ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Contract_Leaving_out_or_nulling_any_field_of_a_profile_is_an_error_for_the_schema_exactly_when_it_is_for_the_reader(bool remove)
    {
        var shipped = Parse(ShippedRuleFile);
        IEnumerable<JsonNode> profiles = [
            Parse(Fixtures.Read("contract/profile.example.json")),
            .. shipped["Cases"]!.AsArray().Select(c => c!["profile"]!.DeepClone()),
            .. File.ReadLines(SchemaFiles.RepositoryPath("samples", "profiles.jsonl")).Take(20).Select(Parse),
        ];
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var mismatches = profiles
            .SelectMany(p => Variants(p, remove, skipUnder: null, seen))
            .Select(v => Judge(v.What, v.Json, SchemaFiles.Profile, ProfileProblem))
            .OfType<string>()
            .ToArray();

        Assert.True(seen.Count > 50, "the profiles have fields to leave out");
        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void R3_Leaving_out_any_field_of_an_agency_is_an_error_for_the_schema_exactly_when_it_is_for_the_reader()
    {
        var mismatches = Variants(Parse(File.ReadAllText(SchemaFiles.RepositoryPath("samples", "agencies.json"))), remove: true, skipUnder: null)
            .Select(v => Judge(v.What, v.Json, SchemaFiles.Agencies, json => AgencyRegistryJson.Read(Encoding.UTF8.GetBytes(json)).Errors.FirstOrDefault()?.ToString()))
            .OfType<string>()
            .ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Contract_Leaving_out_any_field_of_the_national_publicity_policy_is_an_error_for_the_schema_exactly_when_it_is_for_the_reader()
    {
        var mismatches = Variants(Parse(File.ReadAllText(SchemaFiles.RepositoryPath("rules", "national", "publicity-policy.json"))), remove: true, skipUnder: null)
            .Select(v => Judge(v.What, v.Json, $"{SchemaFiles.RuleFile}#/$defs/publicityPolicy", json =>
                new RuleFileReader(Encoding.UTF8.GetBytes(json), "policy.json").ReadPublicityPolicyFile().Errors.FirstOrDefault()?.ToString()))
            .OfType<string>()
            .ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void C1_C3_Schema_and_reader_agree_on_which_kind_of_subject_may_hold_which_type_of_certificate()
    {
        var ids = new Dictionary<string, string> { ["uscc"] = "91410425MA40C1A22F", ["resident-id"] = "410425199001010021", ["other"] = "OTHER-0001" };

        var mismatches = (
            from kind in SchemaFiles.Spellings(ContractNames.SubjectKinds)
            from idType in SchemaFiles.Spellings(ContractNames.IdentifierTypes)
            let profile = new JsonObject { ["subject"] = new JsonObject { ["name"] = "某主体", ["kind"] = kind, ["idType"] = idType, ["id"] = ids[idType] } }
            select Judge($"a {kind} with a {idType}", profile.ToJsonString(), SchemaFiles.Profile, ProfileProblem)).OfType<string>().ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void R2_Schema_and_reader_agree_on_which_records_have_a_severity_and_which_name_a_commitment()
    {
        var mismatches = (
            from category in SchemaFiles.Spellings(ContractNames.RecordCategories)
            from severity in new[] { null, "minor", "general", "serious" }
            from commitmentId in new[] { null, "cmt-1" }
            let record = Object(("id", "rec-1"), ("category", category), ("decidedOn", "2026-02-01"), ("severity", severity), ("commitmentId", commitmentId))
            let commitment = Object(("id", "cmt-1"), ("type", "proactive-disclosure"), ("matter", "食品经营许可"), ("committedOn", "2026-01-01"), ("signedOn", "2026-01-01"))
            select Judge($"a {category} record, severity {severity ?? "absent"}, commitmentId {commitmentId ?? "absent"}", Profile(("records", record), ("commitments", commitment)), SchemaFiles.Profile, ProfileProblem))
            .OfType<string>()
            .ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void R3_Schema_and_reader_agree_that_a_filed_agencys_report_names_agency_and_rating_and_the_Credit_Reference_Centers_neither()
    {
        var mismatches = (
            from source in new[] { null, "filed-agency", "credit-reference-center" }
            from agency in new JsonNode?[] { null, new JsonObject { ["name"] = "某信用评级有限公司", ["filingNumber"] = "PBC-HN-2021-001" } }
            from rating in new[] { null, "AA" }
            let report = Object(("id", "rpt-1"), ("kind", "enterprise"), ("issuedOn", "2026-03-01"), ("validUntil", "2027-02-28"), ("source", source), ("agency", agency?.DeepClone()), ("rating", rating))
            select Judge($"a report from {source ?? "(no source)"}, agency {(agency is null ? "absent" : "given")}, rating {rating ?? "absent"}", Profile(("reports", report)), SchemaFiles.Profile, ProfileProblem))
            .OfType<string>()
            .ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void C2_Schema_and_reader_agree_on_the_fields_of_each_type_of_commitment()
    {
        var dated = from type in SchemaFiles.Spellings(ContractNames.CommitmentTypes)
                    from materials in new JsonNode?[] { null, new JsonArray(), new JsonArray("消防安全检查合格证明") }
                    from remedy in new[] { null, "2026-02-15" }
                    from submitted in new[] { null, "2026-02-10" }
                    from certificates in new JsonNode?[] { null, new JsonArray("建设工程规划许可证明") }
                    select (What: $"a {type} commitment, materials {materials?.ToJsonString() ?? "absent"}, remedy {remedy ?? "absent"}, submitted {submitted ?? "absent"}, certificates {certificates?.ToJsonString() ?? "absent"}",
                        Commitment: Object(("id", "cmt-1"), ("type", type), ("matter", "食品经营许可"), ("committedOn", "2026-01-01"),
                            ("missingMaterials", materials?.DeepClone()), ("remedyDeadline", remedy), ("materialsSubmittedOn", submitted), ("replacedCertificates", certificates?.DeepClone())));
        var breached = from signed in new[] { null, "2026-01-02" }
                       from breachedOn in new[] { null, "2026-03-01" }
                       from breachSeverity in new[] { null, "general" }
                       from repaired in new[] { null, "2026-04-01" }
                       select (What: $"a commitment signed {signed ?? "never"}, breached {breachedOn ?? "never"}, breach severity {breachSeverity ?? "absent"}, repaired {repaired ?? "never"}",
                           Commitment: Object(("id", "cmt-1"), ("type", "proactive-disclosure"), ("matter", "食品经营许可"), ("committedOn", "2026-01-01"),
                               ("signedOn", signed), ("breachedOn", breachedOn), ("breachSeverity", breachSeverity), ("breachRepairedOn", repaired)));

        var mismatches = dated.Concat(breached)
            .Select(c => Judge(c.What, Profile(("commitments", c.Commitment)), SchemaFiles.Profile, ProfileProblem))
            .OfType<string>()
            .ToArray();

        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches));
    }

    [Property(MaxTest = 100)]
    public Property Contract_Every_profile_the_library_writes_validates_against_the_profile_schema() =>
        Prop.ForAll(Arb.From(Generators.Profiles), profile =>
        {
            var results = SchemaFiles.Evaluate(SchemaFiles.Profile, ProfileJson.Write(profile, new ProfileWriteOptions { RevealPersonalIdentifiers = true }));
            return results.IsValid.Label(SchemaFiles.Describe(results));
        });

    /// <summary>A mismatch, described; <see langword="null"/> when schema and reader agree.</summary>
    /// <param name="problem">The reader's first problem with the JSON, or <see langword="null"/> when it accepts it.</param>
    private static string? Judge(string what, string json, string schema, Func<string, string?> problem)
    {
        var results = SchemaFiles.Evaluate(schema, json);
        var reader = problem(json);
        return (results.IsValid, reader) switch
        {
            (true, null) or (false, not null) => null,
            (true, _) => $"{what}: the reader rejects it ({reader}), the schema accepts it",
            _ => $"{what}: the reader accepts it, the schema rejects it:\n{SchemaFiles.Describe(results)}",
        };
    }

    /// <summary>
    /// The reader's first problem with a profile that a schema could state: not a link from a record to a
    /// commitment of the same profile that is not there (leaving out <c>commitments</c> breaks one).
    /// </summary>
    private static string? ProfileProblem(string json) =>
        ProfileJson.Read(json).Errors.FirstOrDefault(e => !e.Message.StartsWith("No commitment of this profile has the id", StringComparison.Ordinal))?.ToString();

    /// <summary>
    /// The document with one field left out (or set to null), for each field of each object, once per kind of
    /// place: the same field of objects at the same path, with the same fields and the same type, category,
    /// source and kind, is left out once (<paramref name="seen"/>, shared across documents).
    /// </summary>
    private static IEnumerable<(string What, string Json)> Variants(JsonNode root, bool remove, string? skipUnder, HashSet<string>? seen = null)
    {
        seen ??= new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, node) in Objects(root, "$", skipUnder))
        {
            var keys = node.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
            var kind = string.Join(",", new[] { "type", "category", "source", "kind" }.Select(k => node[k] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "-"));
            foreach (var key in keys)
            {
                if (!seen.Add($"{Shape(path)}.{key}|{string.Join(",", keys)}|{kind}"))
                {
                    continue;
                }

                var value = node[key];
                if (remove)
                {
                    node.Remove(key);
                }
                else
                {
                    node[key] = null;
                }

                var json = root.ToJsonString();
                node.Remove(key);
                node[key] = value; // put back, in its place or at the end: the order of fields means nothing to either
                yield return ($"{(remove ? "without" : "with null for")} {path}.{key}", json);
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path, string? skipUnder)
    {
        switch (node)
        {
            case JsonObject o:
                yield return (path, o);
                foreach (var (key, value) in o.ToArray())
                {
                    if (key != skipUnder)
                    {
                        foreach (var found in Objects(value, $"{path}.{key}", skipUnder))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var found in Objects(a[i], $"{path}[{i}]", skipUnder))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    private static string Shape(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "[]");

    private static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: SchemaFiles.Lenient)!;

    /// <summary>An object of the given fields, those with a null value left out.</summary>
    private static JsonObject Object(params (string Key, JsonNode? Value)[] fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value)));

    /// <summary>A profile of a clean enterprise with one item in each of the given arrays.</summary>
    private static string Profile(params (string Array, JsonObject Item)[] items)
    {
        var profile = new JsonObject { ["subject"] = new JsonObject { ["name"] = "郏县示例有限公司", ["kind"] = "enterprise", ["idType"] = "uscc", ["id"] = "91410425MA40C1A22F" } };
        foreach (var (array, item) in items)
        {
            profile[array] = new JsonArray(item);
        }

        return profile.ToJsonString();
    }
}
