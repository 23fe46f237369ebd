using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using CreditPolicy.Commitments;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;

namespace CreditPolicy.Evaluation;

/// <summary>
/// Checks what a rule set <em>can</em> do, not only what its cases show (contract v2, <c>analyze</c>): for
/// every enabled rule it searches the space of facts for a subject the rule applies to and one it does not,
/// and reports rules that can never apply, penalties that can apply without an active bad credit record
/// (R7's premise), rules that treat a subject with fewer commitments made or kept worse than the same subject
/// with more, or whose outcome for a case changes with a commitment never signed (C4), incentives that every
/// applying subject loses to penalties, and clauses R6.1–R7.3 with no enabled rule (for a rule set that cites
/// only clauses it declares: its declared clauses of a kind with no enabled rule).
/// </summary>
/// <remarks>
/// The search: for the facts a rule reads and those they are defined from, every combination of 0, 1, 2,
/// each number the rule file fixes (literals, and values computed from them only, such as a parameter
/// <c>3 + 4</c>; reals as their floor and ceiling) and its neighbours, every rating, both truth values and
/// every subject kind, made consistent by the facts' definitions. It is exhaustive (<see cref="RuleWitnesses.Exact"/>)
/// for a rule whose count facts are only compared directly with such values, whatever it does with truth
/// values, kinds, ratings and the number of conveniences: the grid then holds a subject on each side of every
/// comparison. A count fact in arithmetic, compared with another fact or used as a value has its values
/// widened (the numbers' products, quotients, sums and differences, and 2 to 10), which finds most subjects
/// but not all: such a rule is not exact, and "no subject found" for it is a warning, not an error. A grid
/// larger than <see cref="MaxCandidates"/> is sampled, and is not exact either. What is found — a witness, a
/// failure, a penalty without a bad record, a C4 violation — is always real.
/// <para>
/// C4, a commitment is voluntary: for every rule reading <see cref="SubjectFacts.CommitmentsInEffect"/> or
/// <see cref="SubjectFacts.FulfilledCommitments"/>, each candidate is compared with the same subject given the
/// next larger value of one of them; a penalty that applies with fewer and not with more, or an incentive that
/// applies with more and not with fewer, is an error naming both. Comparing neighbours finds every such pair
/// of the grid, since any pair is joined by a chain of single steps. Breached and terminated commitments are
/// not counted as commitments made: a breach is a bad credit record (C1). On the rule file's case profiles, a
/// commitment never signed, or signed only after the day, added to each must change no rule's outcome.
/// </para>
/// </remarks>
public static class RuleSetAnalyzer
{
    /// <summary>Candidates searched at most per question; beyond, a fixed-seed sample of this many.</summary>
    public const long MaxCandidates = 2_000_000;

    /// <summary>The clauses that prescribe measures: incentives R6.1–R6.3, penalties R7.1–R7.3.</summary>
    private static readonly string[] MeasureClauses = ["R6.1", "R6.2", "R6.3", "R7.1", "R7.2", "R7.3"];

    /// <summary>The facts that count commitments made and kept (C4): a subject with fewer must never be treated worse. Breached and terminated ones are not: a breach is a bad credit record (C1).</summary>
    private static readonly string[] CommitmentFacts = [nameof(SubjectFacts.CommitmentsInEffect), nameof(SubjectFacts.FulfilledCommitments)];

    /// <summary>Analyses <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="culture">The language of the findings' messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    public static RuleSetAnalysis Analyze(RuleSet ruleSet, System.Globalization.CultureInfo? culture = null)
    {
        Guard.Against.Null(ruleSet);
        var zh = Messages.IsChinese(culture);
        var findings = new List<AnalysisFinding>();
        var witnesses = new List<RuleWitnesses>();
        long searched = 0;
        var sampled = false;
        var compiled = ruleSet.Compiled;
        var penalties = compiled.Where(m => m.Definition.Kind == MeasureKind.Penalty).ToArray();
        var reads = compiled.ToDictionary(m => m, m => RuleReading.Of(m.Rule));

        foreach (var measure in compiled)
        {
            var definition = measure.Definition;
            var reading = reads[measure];
            var facts = reading.Facts;
            var penalty = definition.Kind == MeasureKind.Penalty;
            SubjectFacts? applies = null, doesNot = null, premise = null, fails = null;
            (SubjectFacts Fewer, string Fact, int More)? declined = null;
            Exception? failure = null;
            var varied = FactSpace.Vary(penalty ? facts.Append(nameof(SubjectFacts.ActiveNegativeRecords)) : facts);
            var ruleSampled = false;
            var commitments = varied.Where(CommitmentFacts.Contains).Select(f => (Fact: f, Values: FactSpace.Values(f, reading).Cast<int>().ToArray())).ToArray();
            foreach (var candidate in Search(varied, reading, ref searched, ref ruleSampled))
            {
                if (Evaluate(measure, candidate, out var thrown) is not { } holds)
                {
                    // The whole grid is searched for this: a rule that divides by a fact that can be 0 fails only there.
                    fails ??= candidate;
                    failure ??= thrown;
                    continue;
                }

                if (holds)
                {
                    applies ??= candidate;
                    if (penalty && !candidate.HasBadCreditRecord)
                    {
                        premise ??= candidate;
                    }
                }
                else
                {
                    doesNot ??= candidate;
                }

                // C4: the same subject with one more commitment made or kept, the next value of the grid, must not be treated better.
                if (declined is null && holds == penalty)
                {
                    foreach (var (fact, values) in commitments)
                    {
                        var now = Count(candidate, fact);
                        if (Array.Find(values, v => v > now) is var more && more > now && Evaluate(measure, WithCount(candidate, fact, more), out _) == !penalty)
                        {
                            declined = (candidate, fact, more);
                            break;
                        }
                    }
                }
            }

            sampled |= ruleSampled;
            var exact = reading.Exact && !ruleSampled;
            witnesses.Add(new RuleWitnesses(definition, applies, doesNot, exact));
            if (applies is null)
            {
                findings.Add(exact ? Error(definition, Messages.Get(zh, "analyze.never-applies")) : Warning(definition, Messages.Get(zh, "analyze.none-found")));
            }
            else if (doesNot is null)
            {
                findings.Add(Warning(definition, Messages.Get(zh, exact ? "analyze.always-applies" : "analyze.none-found-not")));
            }

            if (fails is { } f)
            {
                findings.Add(Error(definition, Messages.Get(zh, "analyze.fails", ForeignMessages.Translate(failure!.Message, zh).TrimEnd('.', '。'), Describe(f, facts))));
            }

            if (premise is { } p)
            {
                findings.Add(Error(definition, Messages.Get(zh, "analyze.penalty-premise", Describe(p, facts.Append(nameof(SubjectFacts.ActiveNegativeRecords)).Distinct(StringComparer.Ordinal)))));
            }

            if (declined is { } d)
            {
                findings.Add(Error(definition, Messages.Get(zh, penalty ? "analyze.c4-penalty" : "analyze.c4-incentive", Describe(d.Fewer, facts), Describe(WithCount(d.Fewer, d.Fact, d.More), [d.Fact]))));
            }

            if (definition.Kind == MeasureKind.Incentive && applies is not null && penalties.Length > 0)
            {
                var union = RuleReading.Union(penalties.Select(q => reads[q]).Prepend(reading));
                var free = false;
                foreach (var candidate in Search(FactSpace.Vary(union.Facts), union, ref searched, ref sampled))
                {
                    if (Holds(measure, candidate) && !penalties.Any(q => Holds(q, candidate)))
                    {
                        free = true;
                        break;
                    }
                }

                if (!free)
                {
                    findings.Add(Warning(definition, Messages.Get(zh, "analyze.dominated")));
                }
            }
        }

        findings.AddRange(DeclinedCommitmentFindings(ruleSet, zh));
        // A rule set that declares its own clauses and cites none of the policy's (a national one) is held to its own declarations.
        var ownClausesOnly = !ruleSet.Clauses.IsEmpty && !ruleSet.Measures.Any(m => m.Clause.IsPolicyClause);
        var prescribing = ownClausesOnly ? ruleSet.Clauses.Where(c => c.Kind is not null).Select(c => c.Id.ToString()) : MeasureClauses;
        foreach (var clause in prescribing.Where(c => !compiled.Any(m => m.Definition.Clause.ToString() == c)))
        {
            findings.Add(new AnalysisFinding(FindingSeverity.Warning, null, null, clause, ruleSet.Measures.IsEmpty ? 0 : ruleSet.Measures.Min(m => m.Line), Messages.Get(zh, "analyze.clause-without-rule", clause)));
        }

        return new RuleSetAnalysis(ruleSet, [.. findings.OrderBy(f => f.Line).ThenBy(f => f.Severity)], [.. witnesses], searched, sampled, !sampled && witnesses.All(w => w.Exact));
    }

    private static IEnumerable<SubjectFacts> Search(string[] varied, RuleReading reading, ref long searched, ref bool sampled)
    {
        var domains = varied.Select(f => FactSpace.Values(f, reading)).ToArray();
        var total = FactSpace.Count(domains);
        sampled |= total > MaxCandidates;
        searched += Math.Min(total, MaxCandidates);
        return FactSpace.Candidates(varied, domains, MaxCandidates);
    }

    private static int Count(SubjectFacts facts, string fact) => fact == nameof(SubjectFacts.CommitmentsInEffect) ? facts.CommitmentsInEffect : facts.FulfilledCommitments;

    private static SubjectFacts WithCount(SubjectFacts facts, string fact, int value) =>
        fact == nameof(SubjectFacts.CommitmentsInEffect) ? facts with { CommitmentsInEffect = value } : facts with { FulfilledCommitments = value };

    private static bool Holds(CompiledMeasure measure, SubjectFacts facts) => Evaluate(measure, facts, out _) ?? false; // a rule that fails rejects that profile; it does not apply

    /// <summary>Whether the rule applies to <paramref name="facts"/>; <see langword="null"/> when it fails on them (as the evaluator would, rejecting the profile), with what it threw.</summary>
    private static bool? Evaluate(CompiledMeasure measure, SubjectFacts facts, out Exception? thrown)
    {
        thrown = null;
        try
        {
            return measure.Predicate(facts);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            thrown = ex;
            return null;
        }
    }

    /// <summary>C4: a commitment never signed, or signed after the day, added to any case profile changes no rule's outcome.</summary>
    private static IEnumerable<AnalysisFinding> DeclinedCommitmentFindings(RuleSet ruleSet, bool zh)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ruleCase in ruleSet.Cases)
        {
            var day = ruleCase.AsOf;
            var agencies = ruleCase.FiledAgencies ?? ruleSet.FiledAgencies;
            var before = SubjectFacts.Compute(ruleCase.Profile, day, agencies, ruleSet.PublicityPolicy);
            CreditCommitment[] unsigned =
            [
                new("analyze-c4-disclosure", CommitmentType.ProactiveDisclosure, "analyze", day),
                new("analyze-c4-missing", CommitmentType.AcceptanceWithMissingMaterials, "analyze", day, missingMaterials: ["analyze"], remedyDeadline: day.PlusDays(30)),
                new("analyze-c4-substitution", CommitmentType.ApprovalSubstitution, "analyze", day, replacedCertificates: ["analyze"]),
                new("analyze-c4-signed-later", CommitmentType.ProactiveDisclosure, "analyze", day, signedOn: day.PlusDays(1)),
            ];
            var profile = new CreditProfile(
                ruleCase.Profile.Subject,
                ruleCase.Profile.Records,
                ruleCase.Profile.Reports,
                ruleCase.Profile.Commitments.Concat(unsigned.Where(c => ruleCase.Profile.Commitments.All(o => o.Id != c.Id))),
                ruleCase.Profile.Conveniences,
                ruleCase.Profile.CreditCheckedOn);
            var after = SubjectFacts.Compute(profile, day, agencies, ruleSet.PublicityPolicy);
            foreach (var measure in ruleSet.Compiled)
            {
                if (Holds(measure, before) != Holds(measure, after) && reported.Add(measure.Definition.Code))
                {
                    yield return Error(measure.Definition, Messages.Get(zh, "analyze.unsigned-commitment", ruleCase.Name));
                }
            }
        }
    }

    private static AnalysisFinding Error(MeasureDefinition d, string message) => new(FindingSeverity.Error, d.RuleName, d.Code, d.Clause.ToString(), d.Line, message);

    private static AnalysisFinding Warning(MeasureDefinition d, string message) => new(FindingSeverity.Warning, d.RuleName, d.Code, d.Clause.ToString(), d.Line, message);

    /// <summary>The facts a rule reads, with their values in <paramref name="facts"/>.</summary>
    internal static string Describe(SubjectFacts facts, IEnumerable<string> read) =>
        string.Join(", ", read.Order(StringComparer.Ordinal).Select(name => $"{name} = {Value(typeof(SubjectFacts).GetProperty(name)!.GetValue(facts))}"));

    private static string Value(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => $"'{s}'",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}

/// <summary>How serious a finding of <see cref="RuleSetAnalyzer"/> is.</summary>
public enum FindingSeverity
{
    /// <summary>The rule set is wrong (<c>analyze</c> exits 1).</summary>
    Error,

    /// <summary>Worth a look; the rule set may still be what the county wants.</summary>
    Warning,
}

/// <summary>One finding of <see cref="RuleSetAnalyzer"/>.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="RuleName">The rule, when the finding is about one.</param>
/// <param name="Code">The rule's measure code, when the finding is about a rule.</param>
/// <param name="Clause">The clause concerned.</param>
/// <param name="Line">The rule file's line (the rule's; for a clause without a rule, the first rule's).</param>
/// <param name="Message">What was found, in English.</param>
public sealed record AnalysisFinding(FindingSeverity Severity, string? RuleName, string? Code, string Clause, int Line, string Message)
{
    /// <summary><c>LINE: rule 'NAME': error: MESSAGE</c> (without the file, which the caller knows).</summary>
    public override string ToString() => Format(null);

    /// <summary>
    /// <c>LINE: rule 'NAME': error: MESSAGE</c>, the markers in the language of <paramref name="culture"/>
    /// (<c>规则 'NAME'</c>, <c>错误</c>/<c>警告</c> when its name starts with <c>zh</c>); the message stays in the
    /// language it was found in (<see cref="RuleSetAnalyzer.Analyze"/>'s culture).
    /// </summary>
    public string Format(System.Globalization.CultureInfo? culture)
    {
        var zh = Messages.IsChinese(culture);
        var rule = RuleName is null ? string.Empty : Messages.Get(zh, "format.rule", Subjects.PersonalIds.ForOutput(RuleName)) + ": ";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Line}: {rule}{Messages.Get(zh, Severity == FindingSeverity.Error ? "format.error" : "format.warning")}: {Subjects.PersonalIds.ForOutput(Message)}");
    }
}

/// <summary>For one enabled rule: a subject's facts it applies to and one it does not, or <see langword="null"/> when none was found.</summary>
/// <param name="Measure">The rule's measure.</param>
/// <param name="AppliesTo">Facts of a subject the rule applies to.</param>
/// <param name="DoesNotApplyTo">Facts of a subject it does not apply to.</param>
/// <param name="Exact">
/// Whether the search was exhaustive for this rule, so that a witness not found does not exist: its count
/// facts are only compared directly with values the rule file fixes, and its grid was not sampled. When
/// <see langword="false"/> (arithmetic on a count fact, a comparison of two, a sampled grid), a witness not
/// found may still exist.
/// </param>
public sealed record RuleWitnesses(MeasureDefinition Measure, SubjectFacts? AppliesTo, SubjectFacts? DoesNotApplyTo, bool Exact);

/// <summary>What <see cref="RuleSetAnalyzer.Analyze"/> found.</summary>
/// <param name="RuleSet">The rule set analysed.</param>
/// <param name="Findings">Errors and warnings, in line order.</param>
/// <param name="Witnesses">Per enabled rule, the witnesses found.</param>
/// <param name="Candidates">How many fact combinations were tried in all.</param>
/// <param name="Sampled">Whether some grid was larger than <see cref="RuleSetAnalyzer.MaxCandidates"/> and was sampled.</param>
/// <param name="Exact">Whether the search was exhaustive for every rule (<see cref="RuleWitnesses.Exact"/>) and no grid was sampled: then what was not found does not exist.</param>
public sealed record RuleSetAnalysis(RuleSet RuleSet, ImmutableArray<AnalysisFinding> Findings, ImmutableArray<RuleWitnesses> Witnesses, long Candidates, bool Sampled, bool Exact)
{
    /// <summary>Whether any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}
