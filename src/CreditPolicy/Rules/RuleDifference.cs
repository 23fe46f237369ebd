using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Ardalis.GuardClauses;
using CreditPolicy.Measures;
using CreditPolicy.Serialization;

namespace CreditPolicy.Rules;

/// <summary>How a rule differs between two rule sets.</summary>
public enum RuleChange
{
    /// <summary>The rule (its measure code) is only in the new rule set.</summary>
    Added,

    /// <summary>The rule is only in the old rule set.</summary>
    Removed,

    /// <summary>The rule is in both, with a different expression, <c>Enabled</c>, parameters or metadata.</summary>
    Changed,
}

/// <summary>
/// One rule that differs between two rule sets (contract v2, <c>diff</c>'s <c>rules[]</c>): matched by measure
/// code, with the fields that differ and their values before and after.
/// </summary>
/// <param name="Code">The measure code.</param>
/// <param name="RuleName">The rule's name (the new one when it changed).</param>
/// <param name="Clause">The clause (the new one when it changed).</param>
/// <param name="Change">Added, removed or changed.</param>
/// <param name="Fields">
/// What differs, by rule-file field name: <c>Expression</c>, <c>Rules</c> (nested rules and their
/// <c>Operator</c>), <c>LocalParams</c>, <c>GlobalParams</c> (a global parameter the rule uses),
/// <c>Enabled</c>, <c>RuleName</c>, and the metadata <c>kind</c>, <c>clause</c>, <c>titleZh</c>,
/// <c>titleEn</c>, <c>evidence</c>, <c>revokes</c>. Empty for an added or removed rule.
/// </param>
/// <param name="Before">Each differing field's old value as text (absent for an added rule).</param>
/// <param name="After">Each differing field's new value as text (absent for a removed rule).</param>
public sealed record RuleDifference(
    string Code,
    string RuleName,
    ClauseId Clause,
    RuleChange Change,
    ImmutableArray<string> Fields,
    ImmutableSortedDictionary<string, string> Before,
    ImmutableSortedDictionary<string, string> After)
{
    /// <summary>Every rule that differs between <paramref name="before"/> and <paramref name="after"/>, in the new set's order, removed rules last.</summary>
    public static ImmutableArray<RuleDifference> Compare(RuleSet before, RuleSet after)
    {
        Guard.Against.Null(before);
        Guard.Against.Null(after);
        var old = before.Measures.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var changedGlobals = ChangedGlobals(before, after);
        var differences = ImmutableArray.CreateBuilder<RuleDifference>();
        foreach (var now in after.Measures)
        {
            if (!old.TryGetValue(now.Code, out var was))
            {
                differences.Add(new RuleDifference(now.Code, now.RuleName, now.Clause, RuleChange.Added, [], ImmutableSortedDictionary<string, string>.Empty, Describe(now)));
                continue;
            }

            var wasValues = Describe(was);
            var nowValues = Describe(now);
            var fields = nowValues.Keys.Union(wasValues.Keys)
                .Where(k => !string.Equals(wasValues.GetValueOrDefault(k), nowValues.GetValueOrDefault(k), StringComparison.Ordinal))
                .ToList();
            var usedGlobals = changedGlobals.Where(g => Uses(was, g) || Uses(now, g)).ToArray();
            if (usedGlobals.Length > 0)
            {
                fields.Add("GlobalParams");
                wasValues = wasValues.Add("GlobalParams", Globals(before, usedGlobals));
                nowValues = nowValues.Add("GlobalParams", Globals(after, usedGlobals));
            }

            if (fields.Count > 0)
            {
                var order = FieldOrder;
                fields.Sort((a, b) => order.IndexOf(a).CompareTo(order.IndexOf(b)));
                differences.Add(new RuleDifference(
                    now.Code,
                    now.RuleName,
                    now.Clause,
                    RuleChange.Changed,
                    [.. fields],
                    Only(wasValues, fields),
                    Only(nowValues, fields)));
            }
        }

        var current = after.Measures.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var was in before.Measures.Where(m => !current.Contains(m.Code)))
        {
            differences.Add(new RuleDifference(was.Code, was.RuleName, was.Clause, RuleChange.Removed, [], Describe(was), ImmutableSortedDictionary<string, string>.Empty));
        }

        return differences.ToImmutable();
    }

    private static readonly ImmutableArray<string> FieldOrder =
        ["Expression", "Rules", "LocalParams", "GlobalParams", "Enabled", "RuleName", "kind", "clause", "titleZh", "titleEn", "evidence", "revokes"];

    /// <summary>A rule's comparable fields as text.</summary>
    private static ImmutableSortedDictionary<string, string> Describe(MeasureDefinition m)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        values["Enabled"] = m.Enabled ? "true" : "false";
        values["RuleName"] = m.RuleName;
        values["kind"] = ContractNames.MeasureKinds.Name(m.Kind);
        values["clause"] = m.Clause.ToString();
        values["titleZh"] = m.TitleZh;
        values["titleEn"] = m.TitleEn;
        values["evidence"] = string.Join(", ", m.Evidence.Select(ContractNames.EvidenceSets.Name));
        values["revokes"] = string.Join(", ", m.Revokes.Select(c => c.ContractName()));
        if (m.Expression is { } expression)
        {
            values["Expression"] = expression;
        }

        if (m.NestedRules is { } nested)
        {
            values["Rules"] = nested;
        }

        if (m.LocalParams is { } local)
        {
            values["LocalParams"] = local;
        }

        return values.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, string> Only(ImmutableSortedDictionary<string, string> values, List<string> fields) =>
        values.Where(v => fields.Contains(v.Key)).ToImmutableSortedDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>Names of global parameters added, removed or redefined.</summary>
    private static string[] ChangedGlobals(RuleSet before, RuleSet after)
    {
        var was = before.GlobalParams.ToDictionary(g => g.Name, g => g.Expression, StringComparer.Ordinal);
        var now = after.GlobalParams.ToDictionary(g => g.Name, g => g.Expression, StringComparer.Ordinal);
        return [.. was.Keys.Union(now.Keys, StringComparer.Ordinal).Where(n => !string.Equals(was.GetValueOrDefault(n), now.GetValueOrDefault(n), StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    private static bool Uses(MeasureDefinition m, string name)
    {
        var pattern = new Regex($@"\b{Regex.Escape(name)}\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return (m.Expression is { } e && pattern.IsMatch(e)) || (m.NestedRules is { } n && pattern.IsMatch(n)) || (m.LocalParams is { } l && pattern.IsMatch(l));
    }

    private static string Globals(RuleSet rules, string[] names) =>
        string.Join("; ", names.Select(n => rules.GlobalParams.FirstOrDefault(g => g.Name == n) is { Name: not null } g ? $"{g.Name} = {g.Expression}" : $"{n} (none)"));
}
