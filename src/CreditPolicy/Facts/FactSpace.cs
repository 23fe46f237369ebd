using System;
using System.Collections.Generic;
using System.Linq;

namespace CreditPolicy.Facts;

/// <summary>
/// The space of facts <c>analyze</c> searches: for the facts a rule reads (and those they are defined
/// from), every combination of small values — 0, 1, 2, each number the rule file fixes (literals, values
/// computed from them only; reals as their floor and ceiling) and its neighbours, every rating, both truth
/// values, every subject kind — made consistent by the facts' definitions (a serious record is a bad record;
/// a rating needs a counting rated report; the conveniences enjoyed are counted; no check means never
/// checked). Every consistent combination of the grid is a candidate, so a rule that compares each count fact
/// only with values the file fixes is decided exactly; a count fact in arithmetic has its values widened
/// (<see cref="RuleReading"/>), and the search is then not exhaustive.
/// </summary>
internal static class FactSpace
{
    /// <summary>What each fact is defined from, so that reading it varies those too.</summary>
    private static readonly Dictionary<string, string[]> Closure = new(StringComparer.Ordinal)
    {
        [nameof(SubjectFacts.HasBadCreditRecord)] = [nameof(SubjectFacts.ActiveNegativeRecords)],
        [nameof(SubjectFacts.IsNaturalPerson)] = [nameof(SubjectFacts.Kind)],
        [nameof(SubjectFacts.BestRating)] = [nameof(SubjectFacts.CountingReports), nameof(SubjectFacts.CountingCreditReferenceCenterReports), nameof(SubjectFacts.BestRating), nameof(SubjectFacts.WorstRating)],
        [nameof(SubjectFacts.WorstRating)] = [nameof(SubjectFacts.CountingReports), nameof(SubjectFacts.CountingCreditReferenceCenterReports), nameof(SubjectFacts.BestRating), nameof(SubjectFacts.WorstRating)],
        [nameof(SubjectFacts.CountingCreditReferenceCenterReports)] = [nameof(SubjectFacts.CountingReports), nameof(SubjectFacts.CountingCreditReferenceCenterReports)],
        [nameof(SubjectFacts.EnjoyedConveniences)] = [nameof(SubjectFacts.EnjoysGreenChannel), nameof(SubjectFacts.EnjoysAcceptanceWithMissingMaterials), nameof(SubjectFacts.EnjoysPrioritySupport)],
    };

    private static readonly string[] Kinds = ["enterprise", "public-institution", "social-organization", "natural-person", "individual-business", "other-organization"];

    private static readonly HashSet<string> Ratings = [nameof(SubjectFacts.BestRating), nameof(SubjectFacts.WorstRating)];

    /// <summary>The facts to vary for <paramref name="facts"/>: each with what it is defined from.</summary>
    internal static string[] Vary(IEnumerable<string> facts) =>
        [.. facts.SelectMany(f => Closure.TryGetValue(f, out var from) ? from : [f]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The values tried for <paramref name="fact"/> under <paramref name="reading"/> (widened when the fact is one of its <see cref="RuleReading.Wide"/>).</summary>
    internal static object[] Values(string fact, RuleReading reading)
    {
        var constants = reading.Constants;
        var property = typeof(SubjectFacts).GetProperty(fact) ?? throw new ArgumentException($"No fact {fact}.", nameof(fact));
        if (fact == nameof(SubjectFacts.Kind))
        {
            return Kinds;
        }

        if (property.PropertyType == typeof(bool))
        {
            return [false, true];
        }

        if (Ratings.Contains(fact))
        {
            return [.. Enumerable.Range(0, 10).Cast<object>()];
        }

        var values = new SortedSet<int> { 0, 1, 2 };
        foreach (var c in constants.Where(c => c is >= 0 and <= 100_000))
        {
            values.Add(c);
            values.Add(c + 1);
            if (c > 0)
            {
                values.Add(c - 1);
            }
        }

        if (reading.Wide.Contains(fact))
        {
            values.UnionWith(reading.Widened());
        }

        if (fact == nameof(SubjectFacts.DaysSinceCreditCheck))
        {
            values.Add(int.MaxValue);
        }

        return [.. values.Cast<object>()];
    }

    /// <summary>How many candidates the grid over <paramref name="domains"/> holds.</summary>
    internal static long Count(IReadOnlyList<object[]> domains) => domains.Aggregate(1L, (n, d) => n > long.MaxValue / Math.Max(1, d.Length) ? long.MaxValue : n * d.Length);

    /// <summary>
    /// The candidates: every combination of the domains when there are at most <paramref name="limit"/>,
    /// else <paramref name="limit"/> combinations drawn with a fixed seed (deterministic).
    /// </summary>
    internal static IEnumerable<SubjectFacts> Candidates(string[] varied, IReadOnlyList<object[]> domains, long limit)
    {
        var total = Count(domains);
        if (total <= limit)
        {
            var index = new int[varied.Length];
            for (long n = 0; n < total; n++)
            {
                yield return Consistent(varied, domains, index);
                for (var i = 0; i < index.Length && ++index[i] == domains[i].Length; i++)
                {
                    index[i] = 0;
                }
            }

            yield break;
        }

        var random = new Random(20220311);
        var draw = new int[varied.Length];
        for (long n = 0; n < limit; n++)
        {
            for (var i = 0; i < draw.Length; i++)
            {
                draw[i] = random.Next(domains[i].Length);
            }

            yield return Consistent(varied, domains, draw);
        }
    }

    /// <summary>The facts with the chosen values, the others neutral (no records, reports, commitments or conveniences; an enterprise; checked today), made consistent.</summary>
    private static SubjectFacts Consistent(string[] varied, IReadOnlyList<object[]> domains, int[] index)
    {
        var v = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < varied.Length; i++)
        {
            v[varied[i]] = domains[i][index[i]];
        }

        int I(string name) => v.TryGetValue(name, out var x) ? (int)x : 0;
        bool B(string name, bool otherwise = false) => v.TryGetValue(name, out var x) ? (bool)x : otherwise;

        var kind = v.TryGetValue(nameof(SubjectFacts.Kind), out var k) ? (string)k : "enterprise";
        var serious = I(nameof(SubjectFacts.ActiveSeriousNegativeRecords));
        var minor = I(nameof(SubjectFacts.ActiveMinorNegativeRecords));
        var penalties = I(nameof(SubjectFacts.ActiveAdministrativePenalties));
        var debtor = I(nameof(SubjectFacts.ActiveDishonestJudgmentDebtorListings));
        var dishonesty = I(nameof(SubjectFacts.ActiveSeriousDishonestyListings));
        var breached = I(nameof(SubjectFacts.BreachedCommitments));
        var falseCommitments = I(nameof(SubjectFacts.ActiveFalseCommitments));
        var negative = Math.Max(I(nameof(SubjectFacts.ActiveNegativeRecords)), Math.Max(serious + minor, penalties + debtor + dishonesty + Math.Max(breached, falseCommitments)));
        var commendations = I(nameof(SubjectFacts.ActiveCommendations));
        var redList = I(nameof(SubjectFacts.ActiveRedListEntries));
        var positive = Math.Max(I(nameof(SubjectFacts.ActivePositiveRecords)), commendations + redList);
        var centre = I(nameof(SubjectFacts.CountingCreditReferenceCenterReports));
        var reports = Math.Max(I(nameof(SubjectFacts.CountingReports)), centre);
        int best = 0, worst = 0;
        if (reports > centre)
        {
            best = Math.Clamp(I(nameof(SubjectFacts.BestRating)), 1, 9);
            worst = Math.Clamp(I(nameof(SubjectFacts.WorstRating)), 1, best);
        }

        var green = B(nameof(SubjectFacts.EnjoysGreenChannel));
        var missing = B(nameof(SubjectFacts.EnjoysAcceptanceWithMissingMaterials));
        var priority = B(nameof(SubjectFacts.EnjoysPrioritySupport));
        var enjoyed = (green ? 1 : 0) + (missing ? 1 : 0) + (priority ? 1 : 0);
        int days;
        bool checkedOnce;
        if (v.ContainsKey(nameof(SubjectFacts.DaysSinceCreditCheck)))
        {
            days = I(nameof(SubjectFacts.DaysSinceCreditCheck));
            checkedOnce = days != int.MaxValue;
        }
        else
        {
            checkedOnce = B(nameof(SubjectFacts.CreditChecked), otherwise: true);
            days = checkedOnce ? 0 : int.MaxValue;
        }

        return new SubjectFacts
        {
            Kind = kind,
            IsNaturalPerson = kind == "natural-person",
            ActiveNegativeRecords = negative,
            ActiveSeriousNegativeRecords = serious,
            ActiveMinorNegativeRecords = minor,
            ActiveAdministrativePenalties = penalties,
            ActiveDishonestJudgmentDebtorListings = debtor,
            ActiveSeriousDishonestyListings = dishonesty,
            BreachedCommitments = breached,
            ActiveFalseCommitments = falseCommitments,
            ActivePositiveRecords = positive,
            ActiveCommendations = commendations,
            ActiveRedListEntries = redList,
            CommitmentsInEffect = I(nameof(SubjectFacts.CommitmentsInEffect)),
            FulfilledCommitments = I(nameof(SubjectFacts.FulfilledCommitments)),
            TerminatedCommitments = I(nameof(SubjectFacts.TerminatedCommitments)),
            CountingReports = reports,
            CountingCreditReferenceCenterReports = centre,
            BestRating = best,
            WorstRating = worst,
            EnjoysGreenChannel = green,
            EnjoysAcceptanceWithMissingMaterials = missing,
            EnjoysPrioritySupport = priority,
            EnjoyedConveniences = enjoyed,
            CreditChecked = checkedOnce,
            DaysSinceCreditCheck = days,
        };
    }
}
