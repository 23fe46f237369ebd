using System.Linq;
using System;
using CreditPolicy.Output;
using CreditPolicy.Commitments;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;
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

    private static CreditProfile With(CreditProfile p, CreditRecord[]? records = null, CreditCommitment[]? commitments = null, CreditReport[]? reports = null, LocalDate? checkedOn = null) =>
        new(p.Subject, records ?? [.. p.Records], reports ?? [.. p.Reports], commitments ?? [.. p.Commitments], p.Conveniences, checkedOn ?? p.CreditCheckedOn);

    /// <summary>The commitment with its breach repaired on <paramref name="repairedOn"/> (when it has a breach).</summary>
    private static CreditCommitment RepairBreach(CreditCommitment c, LocalDate repairedOn) =>
        c.BreachedOn is not { } breached ? c : new CreditCommitment(
            c.Id, c.Type, c.Matter, c.CommittedOn, c.Window, c.SignedOn, c.MissingMaterials, c.RemedyDeadline, c.MaterialsSubmittedOn, c.BreachedOn, c.Agent,
            c.BreachSeverity, c.BreachRepairedOn is { } on && on <= repairedOn ? on : (repairedOn < breached ? breached : repairedOn), c.ReplacedCertificates);

    [Property(MaxTest = 300)]
    public Property R6_R7_Penalties_dominate_any_bad_credit_record_means_no_incentive() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var decision = Evaluator.Evaluate(t.Profile, t.Day);
            var bad = SubjectFacts.Compute(t.Profile, t.Day, Agencies, RuleSet.NationalPublicityPolicy).HasBadCreditRecord;
            return !bad || decision.ApplicableMeasures.All(m => m.Kind == MeasureKind.Penalty);
        });

    [Property(MaxTest = 500)]
    public Property C4_Declining_never_making_or_not_signing_a_commitment_changes_nothing() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            // Keep only the commitments signed by the day: the others were declined, not yet made or never signed.
            // (A breach record naming a dropped commitment is dated after the day, since a breach needs a signature.)
            var kept = t.Profile.Commitments.Where(c => c.SignedOn <= t.Day).ToArray();
            var records = t.Profile.Records.Where(r => r.CommitmentId is null || kept.Any(c => c.Id == r.CommitmentId)).ToArray();
            var signedOnly = With(t.Profile, records: records, commitments: kept);
            return Json(Evaluator.Evaluate(t.Profile, t.Day)) == Json(Evaluator.Evaluate(signedOnly, t.Day));
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

    [Property(MaxTest = 500)]
    public Property R2_Repairing_every_negative_record_and_breach_restores_the_R6_incentives() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var repaired = t.Profile.Records
                .Select(r => r.Polarity == RecordPolarity.Negative && r.DecidedOn <= t.Day
                    ? new CreditRecord(r.Id, r.Category, r.DecidedOn, r.StatedSeverity, r.Authority, r.PublicUntil, r.RepairedOn is { } on && on <= t.Day ? on : t.Day, r.CommitmentId)
                    : r)
                .ToArray();
            var commitments = t.Profile.Commitments.Select(c => c.IsBreachedOn(t.Day) ? RepairBreach(c, t.Day) : c).ToArray();
            var decision = Evaluator.Evaluate(With(t.Profile, records: repaired, commitments: commitments, checkedOn: t.Day), t.Day);
            string[] conveniences = ["incentive.acceptance-with-missing-materials", "incentive.green-channel", "incentive.priority-support"];
            return conveniences.All(decision.IsApplicable)
                && decision.ApplicableMeasures.All(m => m.Kind == MeasureKind.Incentive)
                && decision.RevokedConveniences.IsEmpty;
        });

    [Property(MaxTest = 500)]
    public Property R2_A_negative_record_never_counts_after_its_class_maximum_whatever_its_dates() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var regime = Rules.PublicityPolicy.RegimeOn(t.Day)!;
            var lapsed = t.Profile.Records.Select(r => (Id: r.Id, Record: r, OnCommitment: false))
                .Concat(t.Profile.Commitments.Where(c => c.Breach is not null).Select(c => (Id: c.Id, Record: c.Breach!, OnCommitment: true)))
                .Where(x => x.Record.Category.PublicityInformation() is { } information
                    && (regime.LastDayFor(information, x.Record.Severity!.Value, x.Record.DecidedOn) < t.Day
                        || (x.Record.Severity == RecordSeverity.Minor && x.Record.PublicUntil is null)))
                .ToArray();
            var cited = Evaluator.Evaluate(t.Profile, t.Day).ApplicableMeasures.SelectMany(m => m.Evidence).ToHashSet();
            return lapsed.All(x => !x.Record.IsActiveOn(t.Day, Rules.PublicityPolicy) && (x.OnCommitment || !cited.Contains(x.Id)))
                .Classify(lapsed.Length > 0, "some record lapsed");
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
                    p.Conveniences.OrderBy(_ => random.Next()),
                    p.CreditCheckedOn);
                var once = Json(Evaluator.Evaluate(p, t.Day));
                return once == Json(Evaluator.Evaluate(p, t.Day)) && once == Json(Evaluator.Evaluate(shuffled, t.Day));
            });

    [Property(MaxTest = 300)]
    public Property Every_measure_in_a_decision_comes_from_an_enabled_rule_that_matched() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var facts = SubjectFacts.Compute(t.Profile, t.Day, Agencies, RuleSet.NationalPublicityPolicy);
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
    public Property Evidence_is_sorted_ordinally_without_repeats_and_warnings_are_sorted_ordinally() =>
        Prop.ForAll(ProfilesAndDays, t =>
        {
            var decision = Evaluator.Evaluate(t.Profile, t.Day);
            static bool Sorted(System.Collections.Immutable.ImmutableArray<string> items, bool strictly) =>
                items.Zip(items.Skip(1)).All(pair => string.CompareOrdinal(pair.First, pair.Second) is var c && (strictly ? c < 0 : c <= 0));
            return decision.ApplicableMeasures.All(m => Sorted(m.Evidence, strictly: true)) && Sorted(decision.Warnings, strictly: false);
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
