using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using System.Threading;
using System;
using Ardalis.GuardClauses;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using NodaTime;

namespace CreditPolicy.Evaluation;

/// <summary>
/// Evaluates profiles against a rule set: computes the facts once per subject as of a day, runs every
/// enabled rule's compiled predicate, and returns an <see cref="AdvisoryDecision"/> that cites clause and
/// evidence for each applicable measure.
/// </summary>
/// <remarks>
/// Penalties dominate incentives: when any penalty applies, no incentive does (an incentive rule that still
/// matched is named in a warning). R7.3 cancels each convenience the subject enjoys that the measure lists.
/// Deterministic: the same profile, day and rule set always give the same decision, whatever the order of
/// the profile's items (evidence ids and warnings are sorted ordinally; revoked conveniences follow the
/// rule's <c>revokes</c> order). Immutable and thread-safe: build one and share it.
/// </remarks>
public sealed class PolicyEvaluator
{
    /// <summary>China Standard Time, the zone of every legal date.</summary>
    public static readonly DateTimeZone ChinaStandardTime = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private readonly MeasureDefinition[] _definitions;
    private readonly CompiledMeasure[] _measures;
    private readonly FactsMatch _match;
    private readonly ImmutableArray<Convenience>[]?[] _revokedAlone;
    private readonly ulong _penalties;
    private readonly FiledAgencyRegistry _agencies;
    private readonly IClock? _clock;
    private readonly bool _zh;

    // The publicity regime of the last day evaluated, turned into day numbers: batches evaluate one day.
    private PublicityCutoffs _cutoffs;

    /// <summary>Creates an evaluator for a rule set.</summary>
    public PolicyEvaluator(RuleSet ruleSet, PolicyEvaluatorOptions? options = null)
    {
        RuleSet = Guard.Against.Null(ruleSet);
        options ??= PolicyEvaluatorOptions.Default;
        _agencies = options.FiledAgencies ?? ruleSet.FiledAgencies;
        _clock = options.Clock;
        _zh = Messages.IsChinese(options.Culture);
        _cutoffs = ruleSet.PublicityPolicy.CutoffsOn(ruleSet.EffectiveFrom);
        var measures = ruleSet.InEvaluationOrder;
        _measures = measures;
        _definitions = ruleSet.DefinitionsInEvaluationOrder;
        _match = Fuse(measures);
        _revokedAlone = RevokedAlone(_definitions);
        for (var i = 0; i < _definitions.Length; i++)
        {
            _penalties |= _definitions[i].Kind == MeasureKind.Penalty ? 1UL << i : 0;
        }
    }

    /// <summary>The rule set it evaluates.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Runs every example case the rule set carries (its <c>Cases</c>) with this evaluator.</summary>
    public ImmutableArray<RuleCaseResult> RunCases() => [.. RuleSet.Cases.Select(c => RuleCaseResult.Run(c, this))];

    /// <summary>Today's date in China Standard Time by <paramref name="clock"/>.</summary>
    public static LocalDate TodayInChina(IClock clock)
    {
        Guard.Against.Null(clock);
        return clock.GetCurrentInstant().InZone(ChinaStandardTime).Date;
    }

    /// <summary>Evaluates a profile as of today in China Standard Time, by the options' clock.</summary>
    /// <exception cref="InvalidOperationException">The options gave no clock.</exception>
    public AdvisoryDecision EvaluateToday(CreditProfile profile) =>
        Evaluate(profile, TodayInChina(_clock ?? throw new InvalidOperationException("No clock was given in PolicyEvaluatorOptions.Clock; evaluate as of an explicit day instead.")));

    /// <summary>Evaluates a profile as of <paramref name="asOf"/>: which measures the rules find applicable, and why.</summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    /// <exception cref="RuleEvaluationException">A rule's arithmetic overflowed or divided by zero on this profile: it has no decision.</exception>
    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf) => Evaluate(profile, asOf, _agencies);

    /// <summary>Evaluates with another registry of filed agencies: for a rule file's example cases, which may bring their own.</summary>
    internal AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry agencies) => Evaluate(profile, asOf, agencies, keepWarnings: true, measuresOnDemand: false);

    /// <summary>
    /// Evaluates a profile read for this one evaluation (a stream's), whose decision is written and dropped: its
    /// warnings are made afresh, not kept beside its items, and its measures' array is made only if read.
    /// </summary>
    internal AdvisoryDecision EvaluateOnce(CreditProfile profile, LocalDate asOf) => Evaluate(profile, asOf, _agencies, keepWarnings: false, measuresOnDemand: true);

    // measuresOnDemand: the decision keeps its measures as bits and makes their array when first read (AdvisoryDecision);
    // for decisions kept by the million (EvaluateAll) or written and dropped (a stream's). A caller handed one decision
    // reads its measures at once, and the array made here costs less than one made on first read (issue 14).
    private AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf, FiledAgencyRegistry agencies, bool keepWarnings, bool measuresOnDemand)
    {
        Guard.Against.Null(profile);
        Guard.Against.Null(agencies);
        EnsureInForce(asOf);

        var scratch = EvaluationScratch.Rent(_zh, keepWarnings);
        return Decide(profile, asOf, scratch, measuresOnDemand, SubjectFacts.Compute(profile, CutoffsOn(asOf), agencies, scratch));
    }

    /// <summary>
    /// The decision from the facts, read where <see cref="SubjectFacts.Compute(CreditProfile, PublicityCutoffs, FiledAgencyRegistry, EvaluationScratch?)"/>
    /// returned them: copying them into a local first made the copy's wide loads wait on Compute's last narrow
    /// stores (issue 14: 7 % of an evaluation of a population larger than the cache). Not inlined, so that it stays so.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private AdvisoryDecision Decide(CreditProfile profile, LocalDate asOf, EvaluationScratch scratch, bool measuresOnDemand, in SubjectFacts facts)
    {
        var matched = Match(facts);
        var applicable = Dominate(matched);
        var revoked = ImmutableArray<Convenience>.Empty;
        string[]? evidence = null; // the one evidence array the measures cite, if they cite only one
        var evidenceMask = -1; // the evidence sets it holds
        var emptyMask = 0; // the last evidence sets found empty
        var several = false;
        for (var remaining = matched; remaining != 0; remaining &= remaining - 1)
        {
            var index = BitOperations.TrailingZeroCount(remaining);
            var definition = _definitions[index];
            if ((applicable & (1UL << index)) == 0)
            {
                scratch.Warnings.Add(KeptTexts.Get(ref definition.Kept, null, _zh ? 1 : 0, (definition, _zh), static s => Messages.Get(s._zh, "warning.incentive-dominated", s.definition.Code, s.definition.Clause)));
                continue;
            }

            var mask = definition.EvidenceMask;
            if (!several && mask != evidenceMask && mask != emptyMask)
            {
                var ids = ImmutableCollectionsMarshal.AsArray(scratch.Evidence(mask))!;
                if (ids.Length == 0)
                {
                    emptyMask = mask;
                }
                else if (evidence is null)
                {
                    (evidence, evidenceMask) = (ids, mask);
                }
                else
                {
                    several = true;
                }
            }

            if (!definition.Revokes.IsEmpty && facts.EnjoyedConveniences > 0)
            {
                var enjoyed = EnjoyedMask(facts);
                revoked = revoked.IsEmpty ? _revokedAlone[index]![enjoyed] : Revoke(revoked, definition.Revokes, enjoyed);
            }
        }

        return several
            ? new AdvisoryDecision(profile.Subject, asOf, RuleSet, MeasuresCitingSeveral(applicable, scratch), revoked, scratch.SortedWarnings())
            : measuresOnDemand
            ? new AdvisoryDecision(profile.Subject, asOf, RuleSet, applicable, evidenceMask, evidence, revoked, scratch.SortedWarnings())
            : new AdvisoryDecision(profile.Subject, asOf, RuleSet, ImmutableCollectionsMarshal.AsImmutableArray(AdvisoryDecision.BuildMeasures(_definitions, applicable, evidenceMask, evidence)), revoked, scratch.SortedWarnings());
    }

    /// <summary>The applicable measures with their evidence as an array: for a decision whose measures cite more than one evidence array.</summary>
    private ImmutableArray<ApplicableMeasure> MeasuresCitingSeveral(ulong applicable, EvaluationScratch scratch)
    {
        var measures = new ApplicableMeasure[BitOperations.PopCount(applicable)];
        var lastMask = -1;
        ImmutableArray<string> lastEvidence = [];
        var next = 0;
        for (var remaining = applicable; remaining != 0; remaining &= remaining - 1)
        {
            var definition = _definitions[BitOperations.TrailingZeroCount(remaining)];
            if (lastMask != definition.EvidenceMask)
            {
                (lastMask, lastEvidence) = (definition.EvidenceMask, scratch.Evidence(definition.EvidenceMask));
            }

            measures[next++] = new ApplicableMeasure(definition, lastEvidence);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(measures);
    }

    /// <summary>
    /// The measures applicable to a profile as of a day, without evidence, revocations or warnings and
    /// without allocating: for callers that need only the measure codes. Penalties dominate incentives.
    /// </summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    public ApplicableMeasureSet EvaluateMeasures(CreditProfile profile, LocalDate asOf)
    {
        Guard.Against.Null(profile);
        EnsureInForce(asOf);
        return new ApplicableMeasureSet(_definitions, Dominate(Match(SubjectFacts.Compute(profile, CutoffsOn(asOf), _agencies, null))));
    }

    /// <summary>
    /// The measures whose rules' conditions hold for a profile as of a day, before penalties dominate
    /// incentives: which rules matched, for explaining a decision or a comparison (a matched incentive
    /// that a penalty suppresses is in this set and not in <see cref="EvaluateMeasures"/>).
    /// </summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    public ApplicableMeasureSet MatchingRules(CreditProfile profile, LocalDate asOf)
    {
        Guard.Against.Null(profile);
        EnsureInForce(asOf);
        return new ApplicableMeasureSet(_definitions, Match(SubjectFacts.Compute(profile, CutoffsOn(asOf), _agencies, null)));
    }

    /// <summary>The facts the rules see for <paramref name="profile"/> as of <paramref name="asOf"/> under this rule set's publicity policy and filed agencies.</summary>
    internal SubjectFacts FactsOf(CreditProfile profile, LocalDate asOf) => SubjectFacts.Compute(profile, CutoffsOn(asOf), _agencies, null);

    /// <summary>One bit per measure (in clause, then code order) whose rule matched the facts.</summary>
    /// <exception cref="RuleEvaluationException">A rule's arithmetic overflowed or divided by zero on these facts.</exception>
    private ulong Match(in SubjectFacts facts)
    {
        try
        {
            return _match(in facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever a rule throws on these facts fails this profile, naming the rule, never the run.
            throw Failure(facts);
        }
    }

    /// <summary>Which rule failed on <paramref name="facts"/> (each alone, in order), for the exception that names it.</summary>
    private RuleEvaluationException Failure(SubjectFacts facts)
    {
        foreach (var measure in _measures)
        {
            try
            {
                measure.Predicate(facts);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // In a composition rule names are unique only within their file: name the rule set too.
                return new RuleEvaluationException(measure.Definition.RuleName, measure.Definition.Code, ex, _zh, RuleSet.IsComposite ? measure.Definition.RuleSetId : null);
            }
        }

        return new RuleEvaluationException(Messages.Get(false, "rule.failed")) { Reason = Messages.Get(_zh, "rule.failed") };
    }

    /// <summary>The fused rules: the bits of the rules that match the facts, read where they lie (the facts are some hundred bytes).</summary>
    private delegate ulong FactsMatch(ref readonly SubjectFacts facts);

    /// <summary>
    /// Fuses every rule into one compiled delegate that returns the bits of the rules that match: one call
    /// per evaluation instead of one per rule, and no copy of the facts: each rule's body reads them through
    /// the fused delegate's reference (issue 14). A body holds no lambda that could capture that reference:
    /// <see cref="ExpressionGuard"/> rejects lambdas in rule expressions.
    /// </summary>
    private static FactsMatch Fuse(CompiledMeasure[] measures)
    {
        var facts = Expression.Parameter(typeof(SubjectFacts).MakeByRefType(), "facts");
        Expression bits = Expression.Constant(0UL);
        for (var i = 0; i < measures.Length; i++)
        {
            var rule = measures[i].Rule;
            var body = new ParameterReplacer(rule.Parameters[0], facts).Visit(rule.Body);
            bits = Expression.Or(bits, Expression.Condition(body, Expression.Constant(1UL << i), Expression.Constant(0UL)));
        }

        return Expression.Lambda<FactsMatch>(bits, facts).Compile();
    }

    /// <summary>Puts one parameter where another was.</summary>
    private sealed class ParameterReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>Penalties dominate incentives: when any penalty matched, only penalties apply.</summary>
    private ulong Dominate(ulong matched) => (matched & _penalties) != 0 ? matched & _penalties : matched;

    /// <summary>
    /// <paramref name="revoked"/> and each of <paramref name="revokes"/> the subject enjoys on the day (a TD
    /// commitment in effect counts as acceptance with missing materials), each once, in the rule's order.
    /// </summary>
    private static ImmutableArray<Convenience> Revoke(ImmutableArray<Convenience> revoked, ImmutableArray<Convenience> revokes, int enjoyed)
    {
        var result = revoked;
        foreach (var convenience in revokes)
        {
            if (Enjoys(enjoyed, convenience) && !result.Contains(convenience))
            {
                result = Appended(result, convenience);
            }
        }

        return result;
    }

    /// <summary>The conveniences the subject enjoys on the day, a bit each (<see cref="Convenience"/> value − 1), as <see cref="SubjectFacts.Enjoys"/> says.</summary>
    private static int EnjoyedMask(in SubjectFacts facts) =>
        (facts.Enjoys(Convenience.GreenChannel) ? 1 : 0)
        | (facts.Enjoys(Convenience.AcceptanceWithMissingMaterials) ? 2 : 0)
        | (facts.Enjoys(Convenience.PrioritySupport) ? 4 : 0);

    private static bool Enjoys(int enjoyed, Convenience convenience) =>
        convenience is >= Convenience.GreenChannel and <= Convenience.PrioritySupport && (enjoyed & (1 << ((int)convenience - 1))) != 0;

    /// <summary>
    /// Per measure that revokes conveniences (null for the others), what it revokes when no measure before it
    /// revoked any, for each set of enjoyed conveniences (<see cref="EnjoyedMask"/>): <see cref="Revoke"/> worked
    /// out once, for the usual case of a single revoking measure (issue 14).
    /// </summary>
    private static ImmutableArray<Convenience>[]?[] RevokedAlone(MeasureDefinition[] definitions) =>
        [.. definitions.Select(d => d.Revokes.IsEmpty ? null : Enumerable.Range(0, 8).Select(enjoyed => Revoke([], d.Revokes, enjoyed)).ToArray())];

    /// <summary>
    /// <paramref name="revoked"/> and <paramref name="convenience"/> after it, one shared array per sequence (there
    /// are a handful): a decision kept in memory holds no array of its own for what it revokes (issue 14).
    /// </summary>
    private static ImmutableArray<Convenience> Appended(ImmutableArray<Convenience> revoked, Convenience convenience)
    {
        // The sequence as one number, a byte per convenience in order (every value of the enumeration is a byte above 0).
        var code = 0UL;
        for (var i = 0; i <= revoked.Length; i++)
        {
            var item = i < revoked.Length ? revoked[i] : convenience;
            if ((int)item is <= 0 or >= 256 || code >= 1UL << 56)
            {
                return revoked.Add(convenience);
            }

            code = (code << 8) | (ulong)item;
        }

        return RevokedSequences.GetOrAdd(code, static (_, s) => s.revoked.Add(s.convenience), (revoked, convenience));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, ImmutableArray<Convenience>> RevokedSequences = new();

    /// <summary>
    /// Evaluates many profiles as of one day on several cores; the decisions come back in the order of
    /// <paramref name="profiles"/>.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; -1 (the default) for the thread pool's choice.</param>
    /// <remarks>
    /// Each decision keeps its measures compactly and makes its <see cref="AdvisoryDecision.ApplicableMeasures"/> array
    /// the first time it is read (the same array for every reader), so that a million kept decisions weigh little on
    /// the collector; a host keeping millions is faster still with the server collector.
    /// </remarks>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    public AdvisoryDecision[] EvaluateAll(IReadOnlyList<CreditProfile> profiles, LocalDate asOf, int maxDegreeOfParallelism = -1)
    {
        Guard.Against.Null(profiles);
        EnsureInForce(asOf);
        return ForAll(profiles, maxDegreeOfParallelism, profile => Evaluate(profile, asOf, _agencies, keepWarnings: true, measuresOnDemand: true));
    }

    /// <summary>
    /// Like <see cref="EvaluateAll"/>, but only which measures apply (see <see cref="EvaluateMeasures"/>):
    /// one array of values for the whole batch and nothing allocated per profile.
    /// </summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    public ApplicableMeasureSet[] EvaluateAllMeasures(IReadOnlyList<CreditProfile> profiles, LocalDate asOf, int maxDegreeOfParallelism = -1)
    {
        Guard.Against.Null(profiles);
        EnsureInForce(asOf);
        return ForAll(profiles, maxDegreeOfParallelism, profile => new ApplicableMeasureSet(_definitions, Dominate(Match(SubjectFacts.Compute(profile, CutoffsOn(asOf), _agencies, null)))));
    }

    /// <summary>
    /// Evaluates many profiles on several cores and hands each decision to <paramref name="consume"/> with
    /// the profile's index, without keeping the decisions: for bulk re-evaluation that writes or aggregates
    /// its results, where holding a million decisions would cost more than computing them.
    /// </summary>
    /// <param name="profiles">The profiles.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="consume">Called once per profile, from several threads at once and in no particular order: it must be thread-safe.</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; -1 (the default) for the thread pool's choice.</param>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    public void EvaluateEach(IReadOnlyList<CreditProfile> profiles, LocalDate asOf, Action<int, AdvisoryDecision> consume, int maxDegreeOfParallelism = -1)
    {
        Guard.Against.Null(profiles);
        Guard.Against.Null(consume);
        EnsureInForce(asOf);
        ForRanges(profiles.Count, maxDegreeOfParallelism, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                consume(i, Evaluate(profiles[i], asOf, _agencies));
            }
        });
    }

    private static T[] ForAll<T>(IReadOnlyList<CreditProfile> profiles, int maxDegreeOfParallelism, Func<CreditProfile, T> evaluate)
    {
        var results = new T[profiles.Count];
        ForRanges(results.Length, maxDegreeOfParallelism, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                results[i] = evaluate(profiles[i]);
            }
        });
        return results;
    }

    /// <summary>Runs <paramref name="body"/> over chunks of [0, <paramref name="count"/>) on the thread pool.</summary>
    private static void ForRanges(int count, int maxDegreeOfParallelism, Action<int, int> body)
    {
        if (count == 0)
        {
            return;
        }

        var chunk = Math.Max(64, count / (Environment.ProcessorCount * 8));
        Parallel.ForEach(
            Partitioner.Create(0, count, chunk),
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            range => body(range.Item1, range.Item2));
    }

    /// <summary>The publicity cutoffs of <paramref name="asOf"/> under the rule set's policy, computed once per day and shared.</summary>
    private PublicityCutoffs CutoffsOn(LocalDate asOf)
    {
        var cutoffs = Volatile.Read(ref _cutoffs);
        if (cutoffs.Date != asOf)
        {
            cutoffs = RuleSet.PublicityPolicy.CutoffsOn(asOf);
            Volatile.Write(ref _cutoffs, cutoffs);
        }

        return cutoffs;
    }

    /// <summary>Whether the rule set is in force on <paramref name="asOf"/>: on or after the day it takes effect (R9).</summary>
    public bool IsInForceOn(LocalDate asOf) => asOf >= RuleSet.EffectiveFrom;

    /// <summary>Throws when the rule set is not yet in force on <paramref name="asOf"/> (R9): the check every evaluation makes first. For a composition, the exception names the component that takes effect last.</summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect.</exception>
    public void EnsureInForce(LocalDate asOf)
    {
        if (!IsInForceOn(asOf))
        {
            throw new RuleSetNotInForceException(RuleSet.TakesEffectLast, asOf, _zh); // a composition names the set that is not yet in force
        }
    }
}
