using System;
using System.Text.Json;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Output;

/// <summary>
/// <see cref="JsonSerializer"/> writes the contract's JSON through <see cref="CreditPolicyJson"/> (issue 12):
/// the same bytes as <see cref="DecisionJson"/> and <see cref="ProfileJson"/>, ids masked (R8).
/// </summary>
public sealed class CreditPolicyJsonTests
{
    private const string Person = "410425198503151233";
    private static readonly LocalDate Day = new(2026, 11, 27);
    private static readonly PolicyEvaluator Evaluator = new(RuleSet.JiaCounty2022No8);
    private static readonly JsonSerializerOptions Plain = new() { Encoder = CreditPolicyJson.Options.Encoder };

    private static CreditProfile Example() => ProfileJson.Read(Fixtures.Read("contract/profile.example.json")).Value!;

    [Fact]
    public void Serialize_decision_is_the_decision_writers_bytes()
    {
        var decision = Evaluator.Evaluate(Example(), Day);

        Assert.Equal(DecisionJson.Write(decision), JsonSerializer.Serialize(decision, CreditPolicyJson.Options));
    }

    [Fact]
    public void Serialize_decision_with_any_options_writes_the_contract_not_the_objects_properties()
    {
        var decision = Evaluator.Evaluate(Example(), Day);

        Assert.Equal(DecisionJson.Write(decision), JsonSerializer.Serialize(decision, Plain));
        var withDefaults = JsonSerializer.Serialize(decision); // no options at all: only the escaping differs
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(DecisionJson.Write(decision)), System.Text.Json.Nodes.JsonNode.Parse(withDefaults)), withDefaults);
        Assert.DoesNotContain("\"kind\":4", withDefaults, StringComparison.Ordinal);
        Assert.DoesNotContain("Calendar", withDefaults, StringComparison.Ordinal);
    }

    [Fact]
    public void R8_a_subject_serialized_alone_is_the_decisions_subject_masked()
    {
        var profile = ProfileJson.Read("{\"subject\":{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"resident-id\",\"id\":\"" + Person + "\"}}").Value!;

        var json = JsonSerializer.Serialize(profile.Subject, Plain);

        Assert.Equal("{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"resident-id\",\"id\":\"410425********1233\"}", json);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<CreditPolicy.Subjects.Subject>(json));
    }

    [Fact]
    public void A_profile_deserialized_with_default_options_is_read_and_checked_as_the_contract_says()
    {
        var json = Fixtures.Read("contract/profile.example.json");

        var profile = JsonSerializer.Deserialize<CreditProfile>(json)!;

        Assert.Equal(Example().Subject.Name, profile.Subject.Name);
        Assert.Equal(Example().Records.Length, profile.Records.Length);
        var bad = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreditProfile>("{\"subject\":{\"name\":\"\",\"kind\":\"enterprise\"}}"));
        Assert.Contains("$.subject.name", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R8_serialize_decision_masks_a_natural_persons_id()
    {
        var profile = ProfileJson.Read("{\"subject\":{\"name\":\"张三\",\"kind\":\"natural-person\",\"idType\":\"resident-id\",\"id\":\"" + Person + "\"}}").Value!;

        var json = JsonSerializer.Serialize(Evaluator.Evaluate(profile, Day), CreditPolicyJson.Options);

        Assert.DoesNotContain(Person, json, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"410425********1233\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConverters_to_an_apps_options_writes_the_same_json()
    {
        var options = CreditPolicyJson.AddConverters(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true });
        var decision = Evaluator.Evaluate(Example(), Day);

        Assert.Equal(DecisionJson.Write(decision, new DecisionWriteOptions { Indented = true }), JsonSerializer.Serialize(decision, options));
    }

    [Fact]
    public void Profiles_round_trip_where_the_contract_allows_when_personal_ids_are_revealed()
    {
        var profile = Example(); // its TD agent is a natural person
        var revealing = CreditPolicyJson.AddConverters(new JsonSerializerOptions { Encoder = CreditPolicyJson.Options.Encoder }, profilesWrite: new ProfileWriteOptions { RevealPersonalIdentifiers = true });

        var json = JsonSerializer.Serialize(profile, revealing);
        var back = JsonSerializer.Deserialize<CreditProfile>(json, revealing)!;

        Assert.Equal(ProfileJson.Write(profile, new ProfileWriteOptions { RevealPersonalIdentifiers = true }), json);
        Assert.Equal(json, JsonSerializer.Serialize(back, revealing));
        Assert.Equal(DecisionJson.Write(Evaluator.Evaluate(profile, Day)), DecisionJson.Write(Evaluator.Evaluate(back, Day)));
    }

    [Fact]
    public void R8_a_profile_is_written_masked_by_default_so_a_masked_id_does_not_read_back()
    {
        var json = JsonSerializer.Serialize(Example(), CreditPolicyJson.Options);

        Assert.Equal(ProfileJson.Write(Example()), json);
        Assert.DoesNotContain(Person, json, StringComparison.Ordinal);
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreditProfile>(json, CreditPolicyJson.Options));
        Assert.Contains("$.commitments[0].agent.id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_with_problems_is_a_json_exception_naming_each_located()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CreditProfile>(
            "{\"subject\":{\"name\":\"甲\",\"kind\":\"enterprise\",\"idType\":\"other\",\"id\":\"A-1\"},\n\"records\":[{\"id\":\"r1\",\"category\":\"administrative-penalty\",\"decidedOn\":\"2026-02-30\"}]}",
            CreditPolicyJson.Options));

        Assert.Contains("line 2: $.records[0].decidedOn:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_is_output_only()
    {
        var json = JsonSerializer.Serialize(Evaluator.Evaluate(Example(), Day), CreditPolicyJson.Options);

        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<AdvisoryDecision>(json, CreditPolicyJson.Options));
    }

    [Fact]
    public void The_ready_options_are_read_only()
    {
        Assert.True(CreditPolicyJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => CreditPolicyJson.AddConverters(CreditPolicyJson.Options));
    }
}
