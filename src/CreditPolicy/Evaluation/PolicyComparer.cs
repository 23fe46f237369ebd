using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using System.Linq;
using CreditPolicy.Facts;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>
/// What-if comparison of two rule sets — the one in force and one proposed — over the same profiles:
/// which measure codes each subject gains or loses. What <c>creditpolicy diff</c> computes, as data.
/// Only the codes are compared, with the allocation-light measures-only evaluation.
/// </summary>
/// <remarks>Thread-safe: compare on as many threads as you like; tally on one (<see cref="ComparisonTally"/>).</remarks>
public sealed class PolicyComparer
{
    /// <summary>Compares <paramref name="before"/> (the rules in force) with <paramref name="after"/> (the rules proposed).</summary>
    public PolicyComparer(PolicyEvaluator before, PolicyEvaluator after)
    {
        Before = Guard.Against.Null(before);
        After = Guard.Against.Null(after);
        Rules = RuleDifference.Compare(before.RuleSet, after.RuleSet);
        _differing = new HashSet<string>(Rules.Select(r => r.Code), StringComparer.Ordinal);
    }

    private readonly HashSet<string> _differing;

    private static readonly System.Reflection.PropertyInfo[] FactProperties =
        typeof(SubjectFacts).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance);

    /// <summary>The rules that differ between the two rule sets (contract v2, <c>diff</c>'s <c>rules[]</c>).</summary>
    public ImmutableArray<RuleDifference> Rules { get; }

    /// <summary>The evaluator of the rules in force.</summary>
    public PolicyEvaluator Before { get; }

    /// <summary>The evaluator of the rules proposed.</summary>
    public PolicyEvaluator After { get; }

    /// <summary>The first day on which both rule sets are in force (R9).</summary>
    public LocalDate InForceFrom => LocalDate.Max(Before.RuleSet.EffectiveFrom, After.RuleSet.EffectiveFrom);

    /// <summary>Throws unless both rule sets are in force on <paramref name="asOf"/>.</summary>
    /// <exception cref="RuleSetNotInForceException">One of them is not yet in force (the later one is named).</exception>
    public void EnsureInForce(LocalDate asOf)
    {
        var later = Before.RuleSet.EffectiveFrom > After.RuleSet.EffectiveFrom ? Before : After;
        later.EnsureInForce(asOf);
        (later == Before ? After : Before).EnsureInForce(asOf);
    }

    /// <summary>Which measure codes <paramref name="profile"/> gains and loses as of <paramref name="asOf"/> when the proposed rules replace those in force.</summary>
    /// <exception cref="RuleSetNotInForceException">A rule set is not yet in force on <paramref name="asOf"/>.</exception>
    /// <exception cref="RuleEvaluationException">A rule of either set failed on this profile.</exception>
    public ProfileComparison Compare(CreditProfile profile, LocalDate asOf)
    {
        Guard.Against.Null(profile);
        var was = Codes(Before.EvaluateMeasures(profile, asOf));
        var now = Codes(After.EvaluateMeasures(profile, asOf));
        if (was.SetEquals(now))
        {
            return new ProfileComparison(profile.Subject, [], []);
        }

        // Why: the differing rules whose conditions hold for this subject under one set and not the other
        // (a penalty rule that stops matching explains the incentives that come back, too).
        var matchedBefore = Codes(Before.MatchingRules(profile, asOf));
        var matchedAfter = Codes(After.MatchingRules(profile, asOf));
        var because = new List<string>();
        foreach (var code in _differing)
        {
            if (matchedBefore.Contains(code) != matchedAfter.Contains(code))
            {
                because.Add(code);
            }
        }

        because.Sort(StringComparer.Ordinal);
        return new ProfileComparison(profile.Subject, Difference(now, was), Difference(was, now))
        {
            Because = [.. because],
            BecauseFacts = FactDifferences(Before.FactsOf(profile, asOf), After.FactsOf(profile, asOf)),
        };
    }

    /// <summary>The public facts whose values differ (by name, ordinally): the same profile seen through two publicity policies or registries of filed agencies.</summary>
    private static ImmutableArray<string> FactDifferences(SubjectFacts before, SubjectFacts after)
    {
        var names = new List<string>();
        foreach (var property in FactProperties)
        {
            if (!Equals(property.GetValue(before), property.GetValue(after)))
            {
                names.Add(property.Name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }

    private static HashSet<string> Codes(ApplicableMeasureSet measures)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            codes.Add(measure.Code);
        }

        return codes;
    }

    private static ImmutableArray<string> Difference(HashSet<string> of, HashSet<string> without)
    {
        var codes = new List<string>();
        foreach (var code in of)
        {
            if (!without.Contains(code))
            {
                codes.Add(code);
            }
        }

        codes.Sort(StringComparer.Ordinal);
        return [.. codes];
    }
}

/// <summary>One subject under two rule sets: the measure codes it gains and loses (each sorted ordinally).</summary>
/// <param name="Subject">The subject (its identifier masks itself when shown).</param>
/// <param name="Gained">Codes the proposed rules give and those in force do not.</param>
/// <param name="Lost">Codes the rules in force give and the proposed ones do not.</param>
public sealed record ProfileComparison(Subject Subject, ImmutableArray<string> Gained, ImmutableArray<string> Lost)
{
    /// <summary>
    /// The codes of the differing rules (<see cref="PolicyComparer.Rules"/>) that explain the change: those
    /// whose conditions hold for this subject under one rule set and not the other. Empty when nothing
    /// changed, or when the change comes from the rule sets' headers (publicity policy, filed agencies): then
    /// <see cref="BecauseFacts"/> says what.
    /// </summary>
    public ImmutableArray<string> Because { get; init; } = [];

    /// <summary>
    /// The facts (<c>facts.X</c>, by name) whose values differ for this subject between the two rule sets: the
    /// same profile seen through a different publicity policy (a record that ends earlier or later) or a
    /// different registry of filed agencies (a report that counts under one and not the other). Empty when the
    /// facts are the same, which they are whenever the headers agree.
    /// </summary>
    public ImmutableArray<string> BecauseFacts { get; init; } = [];

    /// <summary>Whether anything changes for this subject.</summary>
    public bool Changed => !Gained.IsEmpty || !Lost.IsEmpty;
}

/// <summary>How many subjects gain and lose one measure.</summary>
/// <param name="Gained">Subjects that gain it.</param>
/// <param name="Lost">Subjects that lose it.</param>
public readonly record struct MeasureChange(long Gained, long Lost);

/// <summary>
/// The totals of a comparison, added to one profile at a time: profiles compared, profiles changed, and
/// per measure code how many gained and lost it (codes in ordinal order).
/// </summary>
/// <remarks>Not thread-safe: add from one thread (as <c>ProfileStreamReader.ProcessAsync</c>'s consumer does).</remarks>
public sealed class ComparisonTally
{
    private readonly SortedDictionary<string, MeasureChange> _measures = new(StringComparer.Ordinal);

    /// <summary>Profiles compared.</summary>
    public long Profiles { get; private set; }

    /// <summary>Profiles whose measures changed.</summary>
    public long Changed { get; private set; }

    /// <summary>Per measure code, in ordinal order, how many subjects gained and lost it.</summary>
    public IReadOnlyDictionary<string, MeasureChange> Measures => _measures;

    /// <summary>Counts one compared profile.</summary>
    public void Add(ProfileComparison comparison)
    {
        Guard.Against.Null(comparison);
        Profiles++;
        if (!comparison.Changed)
        {
            return;
        }

        Changed++;
        foreach (var code in comparison.Gained)
        {
            var change = _measures.GetValueOrDefault(code);
            _measures[code] = change with { Gained = change.Gained + 1 };
        }

        foreach (var code in comparison.Lost)
        {
            var change = _measures.GetValueOrDefault(code);
            _measures[code] = change with { Lost = change.Lost + 1 };
        }
    }
}
