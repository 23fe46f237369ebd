using System.Collections.Generic;
using System.Text.Json;
using Ardalis.GuardClauses;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Output;

/// <summary>
/// Writes a comparison as the contract's <c>diff</c> object: <c>old</c>, <c>new</c>, <c>asOf</c>, then
/// <c>changes[]</c> streamed one change at a time (memory stays flat), then <c>profiles</c>,
/// <c>changed</c> and <c>measures</c>. Subjects are written as in decisions, personal ids masked (R8).
/// </summary>
public static class ComparisonJson
{
    /// <summary>Opens the object: the two rule sets, the day, the rules that differ (<c>rules[]</c>, contract v2), and the <c>changes</c> array.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="comparer">The comparison: its two rule sets and the rules that differ.</param>
    /// <param name="asOf">The day compared.</param>
    /// <param name="mask">The mask for identity numbers in free text (rule set ids, versions, rule names); <see cref="IdentityMask.Default"/> when <see langword="null"/>.</param>
    public static void WriteStart(Utf8JsonWriter writer, PolicyComparer comparer, LocalDate asOf, IdentityMask? mask = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(comparer);
        writer.WriteStartObject();
        mask ??= IdentityMask.Default;
        WriteRuleSet(writer, "old", comparer.Before.RuleSet, mask);
        WriteRuleSet(writer, "new", comparer.After.RuleSet, mask);
        ProfileJson.WriteDate(writer, "asOf", asOf);
        writer.WriteStartArray("rules");
        foreach (var rule in comparer.Rules)
        {
            WriteRule(writer, rule, mask);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("changes");
    }

    /// <summary>One entry of <c>rules[]</c>: code, ruleName, clause, change, and what changed (fields, before, after).</summary>
    private static void WriteRule(Utf8JsonWriter writer, RuleDifference rule, IdentityMask mask)
    {
        writer.WriteStartObject();
        writer.WriteString("code", rule.Code);
        writer.WriteString("ruleName", PersonalIds.Mask(rule.RuleName, mask));
        writer.WriteString("clause", rule.Clause.ToString());
        writer.WriteString("change", rule.Change switch { RuleChange.Added => "added", RuleChange.Removed => "removed", _ => "changed" });
        WriteCodes(writer, "fields", rule.Fields);
        WriteValues(writer, "before", rule.Before, mask);
        WriteValues(writer, "after", rule.After, mask);
        writer.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> values, IdentityMask mask)
    {
        writer.WriteStartObject(name);
        foreach (var (field, value) in values)
        {
            writer.WriteString(field, PersonalIds.Mask(value, mask));
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one entry of <c>changes</c>: the line the profile starts on, its subject (masked), the codes gained and lost, the rules that explain it (<c>because</c>) and, when the rule sets' headers made them differ, the facts (<c>becauseFacts</c>).</summary>
    public static void WriteChange(Utf8JsonWriter writer, int line, ProfileComparison change, IdentityMask? mask = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(change);
        writer.WriteStartObject();
        writer.WriteNumber("line", line);
        DecisionJson.WriteSubject(writer, change.Subject, mask);
        WriteCodes(writer, "gained", change.Gained);
        WriteCodes(writer, "lost", change.Lost);
        WriteCodes(writer, "because", change.Because);
        if (!change.BecauseFacts.IsEmpty)
        {
            WriteCodes(writer, "becauseFacts", change.BecauseFacts); // optional, beyond the contract: only when the headers made the facts differ
        }

        writer.WriteEndObject();
    }

    /// <summary>Closes <c>changes</c> and writes the totals.</summary>
    public static void WriteEnd(Utf8JsonWriter writer, ComparisonTally tally)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(tally);
        writer.WriteEndArray();
        writer.WriteNumber("profiles", tally.Profiles);
        writer.WriteNumber("changed", tally.Changed);
        writer.WriteStartObject("measures");
        foreach (var (code, change) in tally.Measures)
        {
            writer.WriteStartObject(code);
            writer.WriteNumber("gained", change.Gained);
            writer.WriteNumber("lost", change.Lost);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRuleSet(Utf8JsonWriter writer, string name, RuleSet rules, IdentityMask mask)
    {
        writer.WriteStartObject(name);
        writer.WriteString("id", PersonalIds.Mask(rules.Id, mask));
        writer.WriteString("version", PersonalIds.Mask(rules.Version, mask));
        writer.WriteString("sha256", rules.Sha256);
        if (rules.IsComposite)
        {
            DecisionJson.WriteComponents(writer, rules, mask); // issue 13: each rule set composed, as decisions list them
        }

        writer.WriteEndObject();
    }

    private static void WriteCodes(Utf8JsonWriter writer, string name, IEnumerable<string> codes)
    {
        writer.WriteStartArray(name);
        foreach (var code in codes)
        {
            writer.WriteStringValue(code);
        }

        writer.WriteEndArray();
    }
}
