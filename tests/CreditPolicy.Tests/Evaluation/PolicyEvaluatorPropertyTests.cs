using System;
using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CreditPolicy.Tests.Evaluation;

public sealed class PolicyEvaluatorPropertyTests
{
    private static readonly RuleSet Rules = RuleSet.JiaCounty2022No8;
    private static readonly FiledAgencyRegistry Agencies = new([new CreditServiceAgency("示例信用评级有限公司", "PBC-HN-2021-001")]);
    private static readonly PolicyEvaluator Evaluator = new(Rules, new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    private static Arbitrary<(CreditProfile Profile, LocalDate Day)> ProfilesAndDays =>
        Arb.From(from profile in Generators.Profiles from day in Generators.Date(Rules.EffectiveFrom, 2200) select (profile, day));

    private static string Json(AdvisoryDecision decision) => DecisionJson.Write(decision);

    private static CreditProfile With(CreditProfile p, CreditRecord[]? records = null, CreditCommitment[]? commitments = null, CreditReport[]? reports = null) =>
        new(p.Subject, records ?? [.. p.Records], reports ?? [.. p.Reports], commitments ?? [.. p.Commitments], p.Conveniences);

    [Property(MaxTest = 300)]
    public Property R6_R7_Penalties_dominate_any_bad_credit_record_means_no_incentive() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var decision = Evaluator.Evaluate(t.Profile, t.Day);
            var bad = SubjectFacts.Compute(t.Profile, t.Day, Agencies).HasBadCreditRecord;
            return !bad || decision.ApplicableMeasures.All(m => m.Kind == MeasureKind.Penalty);
        });

    [Property(MaxTest = 300)]
    public Property C4_Declining_a_commitment_never_adds_a_penalty_nor_changes_the_decision() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            // Remove every commitment not breached on the day: as if the subject had declined to make it.
            var declined = With(t.Profile, commitments: [.. t.Profile.Commitments.Where(c => c.IsBreachedOn(t.Day))]);
            var withCommitments = Evaluator.Evaluate(t.Profile, t.Day);
            var without = Evaluator.Evaluate(declined, t.Day);
            return without.ApplicableMeasures.Select(m => m.Code).SequenceEqual(withCommitments.ApplicableMeasures.Select(m => m.Code))
                && without.ApplicableMeasures.Count(m => m.Kind == MeasureKind.Penalty) <= withCommitments.ApplicableMeasures.Count(m => m.Kind == MeasureKind.Penalty);
        });

    [Property(MaxTest = 300)]
    public Property R2_Adding_a_record_dated_after_the_day_never_changes_the_decision_on_the_day() =>
        Prop.ForAll(
            Arb.From(
                from t in ProfilesAndDays.Generator
                from record in Generators.Records("future-record")
                from later in Gen.Choose(1, 900)
                select (t.Profile, t.Day, record, later)),
            t =>
            {
                var r = t.record;
                var future = new CreditRecord(r.Id, r.Category, t.Day.PlusDays(t.later), r.StatedSeverity, r.Authority, null, null);
                var before = Json(Evaluator.Evaluate(t.Profile, t.Day));
                return before == Json(Evaluator.Evaluate(With(t.Profile, records: [.. t.Profile.Records, future]), t.Day));
            });

    [Property(MaxTest = 300)]
    public Property R2_Repairing_every_bad_record_restores_the_incentives() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var repaired = t.Profile.Records
                .Select(r => r.Polarity == RecordPolarity.Negative && r.DecidedOn <= t.Day
                    ? new CreditRecord(r.Id, r.Category, r.DecidedOn, r.StatedSeverity, r.Authority, r.PublicUntil, r.RepairedOn is { } on && on <= t.Day ? on : t.Day)
                    : r)
                .ToArray();
            var unbreached = t.Profile.Commitments.Where(c => !c.IsBreachedOn(t.Day)).ToArray();
            var decision = Evaluator.Evaluate(With(t.Profile, records: repaired, commitments: unbreached), t.Day);
            string[] conveniences = ["incentive.acceptance-with-missing-materials", "incentive.green-channel", "incentive.priority-support"];
            return conveniences.All(decision.IsApplicable)
                && decision.ApplicableMeasures.All(m => m.Kind == MeasureKind.Incentive)
                && decision.RevokedConveniences.IsEmpty;
        });

    [Property(MaxTest = 200)]
    public Property Evaluation_is_deterministic_and_independent_of_the_order_of_items() =>
        Prop.ForAll(
            Arb.From(from t in ProfilesAndDays.Generator from seed in Gen.Choose(0, 1000) select (t.Profile, t.Day, seed)),
            t =>
            {
                var random = new Random(t.seed);
                var p = t.Profile;
                var shuffled = new CreditProfile(
                    p.Subject,
                    p.Records.OrderBy(_ => random.Next()),
                    p.Reports.OrderBy(_ => random.Next()),
                    p.Commitments.OrderBy(_ => random.Next()),
                    p.Conveniences.OrderBy(_ => random.Next()));
                var once = Json(Evaluator.Evaluate(p, t.Day));
                return once == Json(Evaluator.Evaluate(p, t.Day)) && once == Json(Evaluator.Evaluate(shuffled, t.Day));
            });

    [Property(MaxTest = 300)]
    public Property Every_measure_in_a_decision_comes_from_an_enabled_rule_that_matched() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var facts = SubjectFacts.Compute(t.Profile, t.Day, Agencies);
            return Evaluator.Evaluate(t.Profile, t.Day).ApplicableMeasures.All(m =>
                Rules.Compiled.Any(c => ReferenceEquals(c.Definition, m.Definition) && c.Definition.Enabled && c.Predicate(facts)));
        });

    [Property(MaxTest = 300)]
    public Property Measures_are_ordered_by_clause_then_code_and_cite_evidence_from_the_profile() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var measures = Evaluator.Evaluate(t.Profile, t.Day).ApplicableMeasures;
            var ids = t.Profile.Records.Select(r => r.Id).Concat(t.Profile.Reports.Select(r => r.Id)).Concat(t.Profile.Commitments.Select(c => c.Id)).ToHashSet();
            var ordered = measures.Zip(measures.Skip(1)).All(pair =>
                pair.First.Clause < pair.Second.Clause
                || (pair.First.Clause == pair.Second.Clause && string.CompareOrdinal(pair.First.Code, pair.Second.Code) < 0));
            var penaltiesCiteEvidence = measures.Where(m => m.Kind == MeasureKind.Penalty).All(m => !m.Evidence.IsEmpty);
            return ordered && penaltiesCiteEvidence && measures.All(m => m.Evidence.All(ids.Contains));
        });

    [Property(MaxTest = 300)]
    public Property R8_No_decision_ever_contains_a_natural_persons_full_number() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var json = Json(Evaluator.Evaluate(t.Profile, t.Day));
            var id = t.Profile.Subject.Identifier;
            return !id.IsPersonal || !json.Contains(id.RevealUnmasked(), StringComparison.Ordinal);
        });

    [Property(MaxTest = 300)]
    public Property The_measures_only_evaluation_agrees_with_the_full_decision() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var full = Evaluator.Evaluate(t.Profile, t.Day).ApplicableMeasures.Select(m => m.Code).ToList();
            var set = Evaluator.EvaluateMeasures(t.Profile, t.Day);
            var codes = new System.Collections.Generic.List<string>();
            foreach (var measure in set)
            {
                codes.Add(measure.Code);
            }

            return codes.SequenceEqual(full) && set.Count == full.Count && full.All(set.Contains);
        });
}
