using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;

namespace CreditPolicy.Rules;

/// <summary>Composition: several rule sets (national, provincial, municipal, county) evaluated as one (issue 13).</summary>
public sealed partial class RuleSet
{
    /// <summary>The level of the body that issued the document (<c>RuleSet.level</c>; <see cref="RuleSetLevel.County"/> when the file does not say); for a composition, the highest of its components'.</summary>
    public RuleSetLevel Level { get; }

    /// <summary>
    /// For a composition (<see cref="Compose"/>), the rule sets composed, highest level first, then by id
    /// (ordinal); empty for a rule set read from one file.
    /// </summary>
    public ImmutableArray<RuleSet> Components { get; private init; } = [];

    /// <summary>Whether this is a composition of several rule sets (<see cref="Components"/> is not empty).</summary>
    public bool IsComposite => !Components.IsEmpty;

    /// <summary>
    /// For a composition, the enabled rules of a lower level that an enabled rule of a higher level with the same
    /// measure code replaced: they are not evaluated. In the order of <see cref="Components"/>, then of the files.
    /// Empty for a rule set read from one file.
    /// </summary>
    public ImmutableArray<RuleOverride> Overridden { get; private init; } = [];

    /// <summary>The name the rule set was read under (the file given to <see cref="Load"/> or <see cref="LoadFile"/>), for locating problems of a composition.</summary>
    internal string? FileName { get; init; }

    /// <summary>The line of the file's <c>RuleSet</c> header, for locating problems of a composition.</summary>
    internal int HeaderLine { get; init; } = 1;

    /// <summary>The component that takes effect last (this set itself when it is not a composition): the one a not-in-force error names.</summary>
    internal RuleSet TakesEffectLast => Components.IsEmpty ? this : Components.MaxBy(c => c.EffectiveFrom)!;

    /// <summary>
    /// Composes rule sets into one that evaluates them together, as one fused rule set: penalties of any set
    /// dominate incentives of every set (R6, R7), and where enabled rules of two sets give the same measure code,
    /// the higher <see cref="Level"/>'s rule is evaluated and the lower's is <see cref="Overridden"/>.
    /// </summary>
    /// <remarks>
    /// One rule set (after flattening compositions given) is returned as it is, so that its decisions stay those of
    /// the set alone. A composition's <see cref="Components"/> are ordered by level (highest first), then by id, so
    /// that the order of <paramref name="ruleSets"/> changes nothing. Its <see cref="Id"/> and
    /// <see cref="Version"/> are the components' joined with <c>+</c> in that order; its <see cref="Sha256"/> is the
    /// SHA-256 of the components' hashes (lowercase hex), each followed by a line feed, in that order; it takes effect
    /// when the last of them does; its registry of filed agencies unites theirs (a filing number given twice keeps
    /// the first, higher-level entry); its <see cref="PenaltySeverity"/> is that of the highest-level set that changes the
    /// default table; its cases and case problems are all of theirs.
    /// Errors (each located in the file of the set at fault): two sets with the same id; enabled rules with the
    /// same measure code in two sets of the same level; different publicity policies (the facts are computed once
    /// per subject); a clause id that two sets declare differently; more enabled rules in all than the evaluator's limit of 64. A code's kind is fixed by its
    /// prefix (<c>incentive.</c>, <c>penalty.</c>), so one code is never an incentive in one set and a penalty in another.
    /// </remarks>
    /// <param name="ruleSets">The rule sets, at least one; a composition among them counts as its components.</param>
    /// <param name="culture">The language of the problems' messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    /// <exception cref="ArgumentException">No rule set was given.</exception>
    public static ReadResult<RuleSet> Compose(IEnumerable<RuleSet> ruleSets, CultureInfo? culture = null)
    {
        Guard.Against.Null(ruleSets);
        var given = new List<RuleSet>();
        foreach (var set in ruleSets)
        {
            Guard.Against.Null(set);
            given.AddRange(set.IsComposite ? set.Components : [set]);
        }

        if (given.Count == 0)
        {
            throw new ArgumentException("Compose at least one rule set.", nameof(ruleSets));
        }

        if (given.Count == 1)
        {
            return new ReadResult<RuleSet>(given[0], []);
        }

        var zh = Messages.IsChinese(culture);
        var errors = new List<InputError>();
        var byId = new Dictionary<string, RuleSet>(StringComparer.Ordinal);
        foreach (var set in given)
        {
            if (set.Id.Contains('+', StringComparison.Ordinal))
            {
                // A composition's id joins its sets' ids with '+': a '+' in one would make two compositions look alike.
                errors.Add(ComposeError(set, "$.RuleSet.id", set.HeaderLine, null, Messages.Get(zh, "compose.plus-in-id", set.Id)));
            }
            else if (!byId.TryAdd(set.Id, set))
            {
                errors.Add(ComposeError(set, "$.RuleSet.id", set.HeaderLine, null, Messages.Get(zh, "compose.same-id", set.Id, NameOf(byId[set.Id]))));
            }
        }

        if (errors.Count > 0)
        {
            return new ReadResult<RuleSet>(null, [.. errors]);
        }

        ImmutableArray<RuleSet> sets = [.. given.OrderByDescending(s => s.Level).ThenBy(s => s.Id, StringComparer.Ordinal)];
        var policy = sets[0].PublicityPolicy;
        foreach (var set in sets.Skip(1).Where(s => !SamePolicy(s.PublicityPolicy, policy)))
        {
            errors.Add(ComposeError(set, "$.RuleSet.publicityPolicy", set.HeaderLine, null, Messages.Get(zh, "compose.publicity-differs", set.PublicityPolicy.Id, policy.Id, sets[0].Id)));
        }

        // A clause id declared by two sets must be the same clause: decisions cite it without naming the set's text.
        var clauses = new Dictionary<string, (RuleSet Set, ClauseDeclaration Clause)>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            for (var i = 0; i < set.Clauses.Length; i++)
            {
                var clause = set.Clauses[i];
                if (!clauses.TryAdd(clause.Id.ToString(), (set, clause)) && clauses[clause.Id.ToString()] is var (first, declared)
                    && (declared.Source != clause.Source || declared.TextZh != clause.TextZh || declared.TextEn != clause.TextEn || declared.Kind != clause.Kind))
                {
                    errors.Add(ComposeError(set, $"$.RuleSet.clauses[{i}].id", set.HeaderLine, null, Messages.Get(zh, "compose.clause-differs", clause.Id, first.Id)));
                }
            }
        }

        var kept = new Dictionary<string, CompiledMeasure>(StringComparer.Ordinal);
        var sameLevel = new Dictionary<(string Code, RuleSetLevel Level), MeasureDefinition>();
        var overridden = ImmutableArray.CreateBuilder<RuleOverride>();
        foreach (var set in sets)
        {
            foreach (var measure in set.Compiled)
            {
                var definition = measure.Definition;
                if (!sameLevel.TryAdd((definition.Code, set.Level), definition) && sameLevel[(definition.Code, set.Level)] is var first)
                {
                    // Two sets of one level giving one code cannot be ordered, whether or not a higher level replaces both.
                    var path = $"$.Rules[{set.Measures.IndexOf(definition)}].Properties.code";
                    errors.Add(ComposeError(set, path, definition.Line, definition.RuleName, Messages.Get(zh, "compose.same-level-code", definition.Code, first.RuleName, first.RuleSetId, LevelText(zh, set.Level))));
                }
                else if (!kept.TryGetValue(definition.Code, out var winner))
                {
                    kept.Add(definition.Code, measure);
                }
                else
                {
                    overridden.Add(new RuleOverride(definition, winner.Definition));
                }
            }
        }

        if (kept.Count > RuleFileReader.MaxEnabledRules)
        {
            var last = sets[^1];
            errors.Add(ComposeError(last, "$.Rules", last.Measures.IsEmpty ? last.HeaderLine : last.Measures[0].Line, null, Messages.Get(zh, "compose.too-many-enabled", RuleFileReader.MaxEnabledRules, kept.Count)));
        }

        if (errors.Count > 0)
        {
            return new ReadResult<RuleSet>(null, [.. errors]);
        }

        return new ReadResult<RuleSet>(Composite(sets, kept, overridden.ToImmutable(), zh), []);
    }

    /// <summary>The composition of <paramref name="sets"/> (ordered, checked) with the enabled rules <paramref name="kept"/>.</summary>
    private static RuleSet Composite(ImmutableArray<RuleSet> sets, Dictionary<string, CompiledMeasure> kept, ImmutableArray<RuleOverride> overridden, bool zh)
    {
        // One definition per code: the enabled one kept, else (no set enables it) the highest set's.
        var measures = ImmutableArray.CreateBuilder<MeasureDefinition>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in sets.SelectMany(s => s.Measures))
        {
            var keep = kept.TryGetValue(measure.Code, out var winner) ? ReferenceEquals(winner.Definition, measure) : !codes.Contains(measure.Code);
            if (keep && codes.Add(measure.Code))
            {
                measures.Add(measure);
            }
        }

        var agencies = new List<CreditServiceAgency>();
        var filings = new HashSet<string>(StringComparer.Ordinal);
        agencies.AddRange(sets.SelectMany(s => s.FiledAgencies.Agencies).Where(a => filings.Add(a.FilingNumber)));
        var header = new RuleSetHeader(
            string.Join('+', sets.Select(s => s.Id)),
            string.Join('+', sets.Select(s => s.Version)),
            string.Join(" + ", sets.Select(s => s.Source)),
            string.Join(" + ", sets.Select(s => s.Issuer)),
            null,
            null,
            sets.Max(s => s.EffectiveFrom),
            new FiledAgencyRegistry(agencies),
            sets[0].PublicityPolicy)
        {
            Level = sets[0].Level,
            Clauses = [.. sets.SelectMany(s => s.Clauses).DistinctBy(c => c.Id)],

            // The highest-level set that changes the importer's severity table decides it (higher level wins).
            PenaltySeverity = sets.Select(s => s.PenaltySeverity).FirstOrDefault(t => !ReferenceEquals(t, PenaltySeverityTable.Default)) ?? PenaltySeverityTable.Default,
        };
        // A case dated before the last set takes effect cannot run against the composition (R9): a case problem, located in its file.
        var effective = header.EffectiveFrom;
        var cases = ImmutableArray.CreateBuilder<RuleCase>();
        var caseProblems = ImmutableArray.CreateBuilder<InputError>();
        foreach (var set in sets)
        {
            caseProblems.AddRange(set.CaseProblems);
            for (var i = 0; i < set.Cases.Length; i++)
            {
                var ruleCase = set.Cases[i];
                if (ruleCase.AsOf >= effective)
                {
                    cases.Add(ruleCase);
                    continue;
                }

                var last = sets.Where(s => s.EffectiveFrom == effective).Select(s => s.Id).First();
                caseProblems.Add(new InputError("$.Cases.asOf", ruleCase.Line, PersonalIds.ForMessage(Messages.Get(zh, "compose.case-before-effective", PersonalIds.ForOutput(ruleCase.Name), IsoDate.Format(ruleCase.AsOf), last, IsoDate.Format(effective))))
                {
                    File = NameOf(set),
                });
            }
        }

        var hashes = Encoding.UTF8.GetBytes(string.Concat(sets.Select(s => s.Sha256 + "\n")));
        return new RuleSet(
            header,
            Convert.ToHexString(SHA256.HashData(hashes)).ToLowerInvariant(),
            measures.ToImmutable(),
            [.. sets.SelectMany(s => s.Compiled).Where(m => ReferenceEquals(kept[m.Definition.Code], m))],
            cases.ToImmutable(),
            caseProblems.ToImmutable(),
            [.. sets.SelectMany(s => s.GlobalParams)])
        {
            Components = sets,
            Overridden = overridden,
        };
    }

    /// <summary>Whether two publicity policies are the same: the same object, or the same id with the same regimes.</summary>
    private static bool SamePolicy(PublicityPolicy a, PublicityPolicy b) =>
        ReferenceEquals(a, b)
        || (string.Equals(a.Id, b.Id, StringComparison.Ordinal)
            && a.Regimes.Length == b.Regimes.Length
            && a.Regimes.Zip(b.Regimes).All(p => string.Equals(p.First.Id, p.Second.Id, StringComparison.Ordinal) && p.First.EffectiveFrom == p.Second.EffectiveFrom && p.First.Maxima.SequenceEqual(p.Second.Maxima)));

    /// <summary>A level as rule files and decisions spell it: <c>national</c>, <c>provincial</c>, <c>municipal</c>, <c>county</c>.</summary>
    internal static string LevelName(RuleSetLevel level) => RuleSetLevels.Spelling.Name(level);

    private static string NameOf(RuleSet set) => set.FileName ?? set.Id;

    /// <summary>A level in the messages' language (国家级 … 县级 in Chinese).</summary>
    private static string LevelText(bool zh, RuleSetLevel level) => level switch
    {
        RuleSetLevel.National => Messages.Get(zh, "level.national"),
        RuleSetLevel.Provincial => Messages.Get(zh, "level.provincial"),
        RuleSetLevel.Municipal => Messages.Get(zh, "level.municipal"),
        _ => Messages.Get(zh, "level.county"),
    };

    /// <summary>A problem of a composition, located in the file of <paramref name="set"/> (personal numbers never shown, R8).</summary>
    private static InputError ComposeError(RuleSet set, string path, int line, string? ruleName, string message) =>
        new(path, line, PersonalIds.ForMessage(message))
        {
            File = NameOf(set),
            RuleName = ruleName is null ? null : PersonalIds.ForMessage(ruleName),
        };
}

/// <summary>An enabled rule of a composed rule set that a higher level's rule with the same measure code replaced (<see cref="RuleSet.Overridden"/>).</summary>
/// <param name="Rule">The rule replaced, not evaluated (its <see cref="MeasureDefinition.RuleSetId"/> names its set).</param>
/// <param name="By">The rule evaluated instead, of a set of a higher level.</param>
public sealed record RuleOverride(MeasureDefinition Rule, MeasureDefinition By);
