using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CreditPolicy.Measures;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using Xunit;

namespace CreditPolicy.Tests.Schemas;

/// <summary>
/// Contract v2, "JSON Schemas": a schema that names a field the reader does not know, or misses one it
/// knows, would have an editor underline correct files or pass wrong ones. These tests hold every object's
/// fields and every enumeration of the schemas to the readers' own lists (RuleFileReader's Fields,
/// ProfileParser's FieldSets, AgencyRegistryJson, ContractNames, ClauseId), and fail naming the field or value.
/// </summary>
public sealed class SchemaAgreementTests
{
    public static TheoryData<string> RuleFileObjects => [.. RuleFileReader.ObjectFields.Select(o => o.Name)];

    public static TheoryData<string> ProfileObjects => [.. ProfileParser.ObjectFields.Select(o => o.Name)];

    public static TheoryData<string> Enumerations => [.. Spellings.Keys];

    /// <summary>Each enumeration of the schemas (file and definition) and the reader's spellings of it, in the reader's order.</summary>
    private static readonly Dictionary<string, string[]> Spellings = new(StringComparer.Ordinal)
    {
        [$"{SchemaFiles.Profile}#subjectKind"] = SchemaFiles.Spellings(ContractNames.SubjectKinds),
        [$"{SchemaFiles.Profile}#idType"] = SchemaFiles.Spellings(ContractNames.IdentifierTypes),
        [$"{SchemaFiles.Profile}#recordCategory"] = SchemaFiles.Spellings(ContractNames.RecordCategories),
        [$"{SchemaFiles.Profile}#severity"] = SchemaFiles.Spellings(ContractNames.Severities),
        [$"{SchemaFiles.Profile}#reportKind"] = SchemaFiles.Spellings(ContractNames.ReportKinds),
        [$"{SchemaFiles.Profile}#reportSource"] = SchemaFiles.Spellings(ContractNames.ReportSources),
        [$"{SchemaFiles.Profile}#rating"] = [.. CreditRating.All.Reverse().Select(r => r.ToString())],
        [$"{SchemaFiles.Profile}#commitmentType"] = SchemaFiles.Spellings(ContractNames.CommitmentTypes),
        [$"{SchemaFiles.Profile}#convenience"] = SchemaFiles.Spellings(ContractNames.Conveniences),
        [$"{SchemaFiles.RuleFile}#convenience"] = SchemaFiles.Spellings(ContractNames.Conveniences),
        [$"{SchemaFiles.RuleFile}#measureKind"] = SchemaFiles.Spellings(ContractNames.MeasureKinds),
        [$"{SchemaFiles.RuleFile}#evidenceSet"] = SchemaFiles.Spellings(ContractNames.EvidenceSets),
        [$"{SchemaFiles.RuleFile}#policyClause"] = [.. ClauseId.All.Where(id => ClauseId.Parse(id) is { IsIncentiveClause: true } or { IsPenaltyClause: true })],
        [$"{SchemaFiles.RuleFile}#ruleSetLevel"] = SchemaFiles.Spellings(RuleSetLevels.Spelling),
        [$"{SchemaFiles.RuleFile}#operator"] = [.. RuleFileReader.RuleOperators],
        [$"{SchemaFiles.RuleFile}#expressionType"] = ["LambdaExpression"], // RuleFileReader.CheckExpressionType
    };

    [Theory]
    [MemberData(nameof(RuleFileObjects))]
    public void Contract_The_rule_file_schema_and_reader_know_the_same_fields_of_each_object(string name)
    {
        var reader = RuleFileReader.ObjectFields.Single(o => o.Name == name).Fields;
        var schema = SchemaObject(SchemaFiles.RuleFile, name == "workflow" ? SchemaWalk.RootName : name);

        AssertSameFields($"{SchemaFiles.RuleFile} '{name}'", SchemaWalk.PropertyNames(schema), reader.Known);
        Assert.True(schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False, $"'{name}': the reader rejects unknown fields, so the schema must set additionalProperties: false");
        Assert.True(
            !reader.Rejected.Any(r => schema.GetProperty("properties").TryGetProperty(r, out var p) && p.ValueKind != JsonValueKind.False),
            $"'{name}': the schema offers a RulesEngine field the reader rejects by name ({string.Join(", ", reader.Rejected)})");
    }

    [Theory]
    [MemberData(nameof(ProfileObjects))]
    public void Contract_The_profile_schema_and_reader_know_the_same_fields_and_require_the_same_of_each_object(string name)
    {
        var (_, fields, required) = ProfileParser.ObjectFields.Single(o => o.Name == name);
        var schema = SchemaObject(SchemaFiles.Profile, name == "profile" ? SchemaWalk.RootName : name);

        AssertSameFields($"{SchemaFiles.Profile} '{name}'", SchemaWalk.PropertyNames(schema), fields);
        AssertSameFields($"{SchemaFiles.Profile} '{name}' (required)", SchemaWalk.Required(schema), required);
        Assert.False(schema.TryGetProperty("additionalProperties", out _), $"'{name}': the profile reader skips unknown fields, so the schema must not forbid them");
    }

    [Fact]
    public void R3_The_agency_schema_and_reader_know_the_same_fields_and_the_profile_names_an_agency_alike()
    {
        var schema = SchemaObject(SchemaFiles.Agencies, "agency");

        AssertSameFields($"{SchemaFiles.Agencies} 'agency'", SchemaWalk.PropertyNames(schema), AgencyRegistryJson.Fields.Known);
        AssertSameFields($"{SchemaFiles.Agencies} 'agency' (required)", SchemaWalk.Required(schema), AgencyRegistryJson.Fields.Known);
        Assert.True(schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False, "the agency reader rejects unknown fields, so the schema must set additionalProperties: false");
        AssertSameFields($"{SchemaFiles.Profile} 'agency'", SchemaWalk.PropertyNames(SchemaObject(SchemaFiles.Profile, "agency")), AgencyRegistryJson.Fields.Known);
    }

    [Theory]
    [InlineData(SchemaFiles.RuleFile)]
    [InlineData(SchemaFiles.Profile)]
    [InlineData(SchemaFiles.Agencies)]
    public void Contract_Every_object_a_schema_describes_is_one_a_reader_reads(string file)
    {
        var read = file switch
        {
            SchemaFiles.RuleFile => RuleFileReader.ObjectFields.Select(o => o.Name == "workflow" ? SchemaWalk.RootName : o.Name),
            SchemaFiles.Profile => ProfileParser.ObjectFields.Select(o => o.Name == "profile" ? SchemaWalk.RootName : o.Name),
            _ => ["agency"],
        };

        var unread = SchemaWalk.Objects(SchemaFiles.Document(file)).Keys.Except(read, StringComparer.Ordinal).ToArray();

        Assert.True(unread.Length == 0, $"{file} describes objects no reader's field list names: {string.Join(", ", unread)}");
    }

    [Theory]
    [MemberData(nameof(Enumerations))]
    public void Contract_Each_enumeration_of_the_schemas_spells_the_readers_values_in_their_order(string key)
    {
        var (file, definition) = (key[..key.IndexOf('#', StringComparison.Ordinal)], key[(key.IndexOf('#', StringComparison.Ordinal) + 1)..]);
        var schema = SchemaWalk.Enum(SchemaFiles.Document(file), definition);
        var reader = Spellings[key];

        AssertSameFields($"{file} enumeration '{definition}'", schema, reader);
        Assert.Equal(reader, schema);
    }

    [Theory]
    [InlineData(SchemaFiles.RuleFile)]
    [InlineData(SchemaFiles.Profile)]
    [InlineData(SchemaFiles.Agencies)]
    public void Contract_Every_enumeration_a_schema_defines_is_held_to_a_reader_and_every_value_it_names_is_one_a_reader_spells(string file)
    {
        var document = SchemaFiles.Document(file);
        var untested = document.GetProperty("$defs").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("enum", out _) && !Spellings.ContainsKey($"{file}#{d.Name}"))
            .Select(d => d.Name)
            .ToArray();
        var known = new HashSet<string>(Spellings.Values.SelectMany(v => v).Concat(RuleFileReader.ContractMeasureCodes.Keys).Append(RuleSet.NationalPublicityPolicy.Id), StringComparer.Ordinal);

        var unknown = SchemaWalk.EnumeratedStrings(document).Where(v => !known.Contains(v.Value)).Select(v => $"'{v.Value}' at {v.Path}").ToArray();

        Assert.True(untested.Length == 0, $"{file}: enumerations no test holds to a reader (add them to Spellings): {string.Join(", ", untested)}");
        Assert.True(unknown.Length == 0, $"{file} names values no reader spells:\n{string.Join("\n", unknown)}");
    }

    [Fact]
    public void R6_R7_Measure_codes_are_the_readers_pattern_with_the_contracts_seven_codes_as_examples_each_citing_its_clause()
    {
        var defs = SchemaFiles.Document(SchemaFiles.RuleFile).GetProperty("$defs");
        var code = defs.GetProperty("measureCode");
        var examples = code.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToArray();

        Assert.Equal(RuleFileReader.MeasureCodePattern.ToString(), code.GetProperty("pattern").GetString());
        AssertSameFields("measure code examples", examples, RuleFileReader.ContractMeasureCodes.Keys);
        Assert.All(examples, e => Assert.Matches(RuleFileReader.MeasureCodePattern, e));
        Assert.Equal(
            RuleFileReader.ContractMeasureCodes.OrderBy(p => p.Key, StringComparer.Ordinal),
            SchemaWalk.CodeClauses(defs.GetProperty("measure")).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Contract_Parameter_names_the_national_publicity_policy_and_the_references_between_schemas_are_the_readers()
    {
        var defs = SchemaFiles.Document(SchemaFiles.RuleFile).GetProperty("$defs");

        Assert.Equal(RuleFileReader.ParameterNamePattern.ToString(), defs.GetProperty("param").GetProperty("properties").GetProperty("Name").GetProperty("pattern").GetString());
        Assert.Equal(RuleSet.NationalPublicityPolicy.Id, defs.GetProperty("ruleSet").GetProperty("properties").GetProperty("publicityPolicy").GetProperty("anyOf")[0].GetProperty("const").GetString());
        Assert.Equal(SchemaFiles.Agencies, defs.GetProperty("ruleSet").GetProperty("properties").GetProperty("filedAgencies").GetProperty("$ref").GetString());
        Assert.Equal(SchemaFiles.Agencies, defs.GetProperty("case").GetProperty("properties").GetProperty("filedAgencies").GetProperty("$ref").GetString());
        Assert.Equal(SchemaFiles.Profile, defs.GetProperty("case").GetProperty("properties").GetProperty("profile").GetProperty("$ref").GetString());
    }

    private static JsonElement SchemaObject(string file, string name) =>
        SchemaWalk.Objects(SchemaFiles.Document(file)).TryGetValue(name, out var schema)
            ? schema
            : throw new Xunit.Sdk.XunitException($"{file} has no object '{name}' (a $defs entry with properties), which the reader reads.");

    /// <summary>Fails naming every field (or value) that one side has and the other has not.</summary>
    private static void AssertSameFields(string what, IEnumerable<string> schema, IEnumerable<string> reader)
    {
        var onlySchema = schema.Except(reader, StringComparer.Ordinal).ToArray();
        var onlyReader = reader.Except(schema, StringComparer.Ordinal).ToArray();

        Assert.True(
            onlySchema.Length == 0 && onlyReader.Length == 0,
            $"{what}: in the schema but not the reader: [{string.Join(", ", onlySchema)}]; in the reader but not the schema: [{string.Join(", ", onlyReader)}]");
    }
}
