using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

/// <summary>
/// Issue 14: the evaluator fuses every rule into one delegate that reads the facts by reference. Whatever rule
/// file the reader accepts (GlobalParams used by several rules, the same LocalParams name in several rules,
/// nested And/Or rules with their own LocalParams, disabled children, checked arithmetic that throws), the fused
/// delegate says exactly what each rule's own compiled predicate says, and a failing profile names the first rule
/// (in clause, then code order) whose predicate throws.
/// </summary>
public sealed class FusedRuleAttackTests
{
    private static readonly FiledAgencyRegistry Agencies = AttackHelpers.Agencies;

    private static readonly string[] IntFacts =
    [
        "ActiveNegativeRecords", "ActiveSeriousNegativeRecords", "ActiveMinorNegativeRecords", "ActiveAdministrativePenalties",
        "ActiveDishonestJudgmentDebtorListings", "ActiveSeriousDishonestyListings", "ActivePositiveRecords", "ActiveCommendations",
        "ActiveRedListEntries", "BreachedCommitments", "ActiveFalseCommitments", "CommitmentsInEffect", "FulfilledCommitments",
        "TerminatedCommitments", "CountingReports", "CountingCreditReferenceCenterReports", "BestRating", "WorstRating",
        "EnjoyedConveniences", "DaysSinceCreditCheck",
    ];

    private static readonly string[] BoolFacts =
        ["IsNaturalPerson", "HasBadCreditRecord", "EnjoysGreenChannel", "EnjoysAcceptanceWithMissingMaterials", "EnjoysPrioritySupport", "CreditChecked"];

    private static readonly string[] Evidence = AttackHelpers.EvidenceSets;

    /// <summary>A random rule file the reader accepts: GlobalParams, LocalParams (the same names in several rules), nested rules, arithmetic that may throw.</summary>
    private sealed class RuleFileMaker(int seed, string id)
    {
        private readonly Random _random = new(seed);
        private int _names;

        private int Pick(int n) => _random.Next(n);

        private string IntExpr(IReadOnlyList<string> ints, int depth)
        {
            var choice = depth <= 0 ? Pick(3) : Pick(10);
            return choice switch
            {
                0 => "facts." + IntFacts[Pick(IntFacts.Length)],
                1 => Pick(4).ToString(CultureInfo.InvariantCulture),
                2 => ints.Count > 0 ? ints[Pick(ints.Count)] : "facts." + IntFacts[Pick(IntFacts.Length)],
                3 => $"({IntExpr(ints, depth - 1)} + {IntExpr(ints, depth - 1)})",
                4 => $"({IntExpr(ints, depth - 1)} - {IntExpr(ints, depth - 1)})",
                5 => $"({IntExpr(ints, depth - 1)} * {IntExpr(ints, depth - 1)})",
                6 => $"({IntExpr(ints, depth - 1)} / (facts.{IntFacts[Pick(IntFacts.Length)]} - {Pick(3)}))", // divides by zero on some facts
                7 => $"({IntExpr(ints, depth - 1)} % (facts.{IntFacts[Pick(IntFacts.Length)]} - {Pick(3)}))",
                8 => $"iif({BoolExpr(ints, depth - 1)}, {IntExpr(ints, depth - 1)}, {IntExpr(ints, depth - 1)})",
                _ => "(facts.DaysSinceCreditCheck * 1000)", // overflows for a profile nobody checked
            };
        }

        private string BoolExpr(IReadOnlyList<string> ints, int depth)
        {
            var choice = depth <= 0 ? Pick(3) : Pick(9);
            string[] comparisons = ["<", "<=", ">", ">=", "==", "!="];
            return choice switch
            {
                0 => "facts." + BoolFacts[Pick(BoolFacts.Length)],
                1 => $"{IntExpr(ints, 0)} {comparisons[Pick(comparisons.Length)]} {Pick(3)}",
                2 => Pick(2) == 0 ? "facts.Kind == \"enterprise\"" : "true",
                3 => $"!({BoolExpr(ints, depth - 1)})",
                4 => $"({BoolExpr(ints, depth - 1)} && {BoolExpr(ints, depth - 1)})",
                5 => $"({BoolExpr(ints, depth - 1)} || {BoolExpr(ints, depth - 1)})",
                6 => $"{IntExpr(ints, depth - 1)} * 1.5m > {IntExpr(ints, depth - 1)} / 2.0m",
                7 => $"{IntExpr(ints, depth - 1)} / 3.0 < {IntExpr(ints, depth - 1)}",
                _ => $"{IntExpr(ints, depth - 1)} {comparisons[Pick(comparisons.Length)]} {IntExpr(ints, depth - 1)}",
            };
        }

        private void WriteBody(Utf8JsonWriter w, List<string> visible, int depth, bool top)
        {
            w.WriteString("RuleName", $"{id}-rule-{_names++}");
            var locals = new List<string>(visible);
            if (Pick(2) == 0)
            {
                w.WriteStartArray("LocalParams");
                // Top-level rules reuse the same names ("t", "u"); nested ones their depth's names.
                var names = top ? new[] { "t", "u" } : new[] { $"n{depth}a", $"n{depth}b" };
                foreach (var name in names.Take(1 + Pick(2)))
                {
                    w.WriteStartObject();
                    w.WriteString("Name", name);
                    w.WriteString("Expression", IntExpr(locals, 2));
                    w.WriteEndObject();
                    locals.Add(name);
                }

                w.WriteEndArray();
            }

            if (depth < 3 && Pick(3) == 0)
            {
                w.WriteString("Operator", new[] { "And", "AndAlso", "Or", "OrElse" }[Pick(4)]);
                w.WriteStartArray("Rules");
                var children = Pick(4); // none enabled (or none at all) means false
                for (var i = 0; i < children; i++)
                {
                    w.WriteStartObject();
                    WriteBody(w, locals, depth + 1, top: false);
                    if (Pick(5) == 0)
                    {
                        w.WriteBoolean("Enabled", false);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }
            else
            {
                w.WriteString("Expression", BoolExpr(locals, 3));
            }
        }

        internal byte[] Make(int rules)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                AttackHelpers.WriteRuleSetHeader(w, id);

                var globals = new List<string>();
                if (Pick(4) != 0)
                {
                    w.WriteStartArray("GlobalParams");
                    for (var g = 0; g < 1 + Pick(3); g++)
                    {
                        w.WriteStartObject();
                        w.WriteString("Name", $"g{g}");
                        w.WriteString("Expression", IntExpr(globals, 2));
                        w.WriteEndObject();
                        globals.Add($"g{g}");
                    }

                    w.WriteEndArray();
                }

                w.WriteStartArray("Rules");
                for (var r = 0; r < rules; r++)
                {
                    w.WriteStartObject();
                    WriteBody(w, globals, 1, top: true);
                    if (Pick(8) == 0)
                    {
                        w.WriteBoolean("Enabled", false);
                    }

                    var penalty = Pick(2) == 0;
                    var clause = penalty ? $"R7.{1 + Pick(3)}" : $"R6.{1 + Pick(3)}";
                    AttackHelpers.WriteMeasureProperties(w, $"{(penalty ? "penalty" : "incentive")}.{id}-m{r}", penalty ? "penalty" : "incentive", clause, [.. Evidence.Where(_ => Pick(3) == 0)]);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }

    private static RuleSet Load(int seed, string id, int rules)
    {
        var bytes = new RuleFileMaker(seed, id).Make(rules);
        var result = RuleSet.Load(bytes, id + ".json");
        Assert.True(result.Succeeded, Encoding.UTF8.GetString(bytes) + "\n" + string.Join("\n", result.Errors));
        return result.Value!;
    }

    private static readonly (CreditProfile Profile, LocalDate Day)[] Samples =
        [.. (from profile in Generators.Profiles from day in Generators.Date(new LocalDate(2022, 3, 11), 2200) select (profile, day)).Sample(60)];

    /// <summary>The fused delegate against each rule's predicate on every sample; returns how many samples failed (threw).</summary>
    private static int AssertFusedAgreesWithPredicates(RuleSet rules)
    {
        var evaluator = new PolicyEvaluator(rules, new PolicyEvaluatorOptions { FiledAgencies = Agencies });
        var ordered = rules.Compiled.OrderBy(m => m.Definition.Clause).ThenBy(m => m.Definition.Code, StringComparer.Ordinal).ToArray();
        var failures = 0;
        foreach (var (profile, day) in Samples)
        {
            var facts = evaluator.FactsOf(profile, day);
            var expected = new List<string>();
            CompiledMeasure? firstFailing = null;
            foreach (var measure in ordered)
            {
                try
                {
                    if (measure.Predicate(facts))
                    {
                        expected.Add(measure.Definition.Code);
                    }
                }
                catch (Exception ex) when (ex is ArithmeticException)
                {
                    firstFailing ??= measure;
                }
            }

            if (firstFailing is not null)
            {
                failures++;
                var ex = Assert.Throws<RuleEvaluationException>(() => evaluator.MatchingRules(profile, day));
                Assert.Equal(firstFailing.Definition.Code, ex.Code);
                Assert.Equal(firstFailing.Definition.RuleName, ex.RuleName);
                Assert.Throws<RuleEvaluationException>(() => evaluator.Evaluate(profile, day));
                continue;
            }

            var matched = new List<string>();
            foreach (var definition in evaluator.MatchingRules(profile, day))
            {
                matched.Add(definition.Code);
            }

            Assert.Equal(expected, matched);
            var applicable = new List<string>();
            foreach (var definition in evaluator.EvaluateMeasures(profile, day))
            {
                applicable.Add(definition.Code);
            }

            Assert.Equal(applicable, evaluator.Evaluate(profile, day).ApplicableMeasures.Select(m => m.Code));
        }

        return failures;
    }

    [Fact]
    public void Issue14_The_fused_rules_match_exactly_what_each_rule_predicate_matches_for_generated_rule_files()
    {
        var failures = 0;
        var rules = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var set = Load(seed, $"fuzz-{seed}", 1 + (seed % 20));
            rules += set.Compiled.Length;
            failures += AssertFusedAgreesWithPredicates(set);
        }

        // The generator must reach both kinds of outcome, or this test proves little.
        Assert.True(rules > 150, $"{rules} rules");
        Assert.True(failures > 0, "no sample made a rule throw");
    }

    [Fact]
    public void Issue14_Globals_read_by_every_rule_and_the_same_local_name_in_each_rule_fuse_like_the_rules_alone()
    {
        // 64 enabled rules (the most a set may have), each reading the same GlobalParams and declaring the same LocalParams names.
        var set = Load(4242, "many", 64);
        Assert.True(set.Compiled.Length is > 40 and <= 64);
        AssertFusedAgreesWithPredicates(set);
    }

    [Fact]
    public void Issue14_A_composition_of_generated_rule_sets_fuses_rules_from_files_with_their_own_facts_parameter()
    {
        // Each file has its own facts parameter and its own g0, g1 … variables; the fused delegate replaces each rule's own.
        for (var seed = 100; seed < 106; seed++)
        {
            var composed = RuleSet.Compose([Load(seed, $"left-{seed}", 12), Load(seed + 1000, $"right-{seed}", 12), RuleSet.JiaCounty2022No8]);
            Assert.True(composed.Succeeded, string.Join("\n", composed.Errors));
            AssertFusedAgreesWithPredicates(composed.Value!);
        }
    }
}
