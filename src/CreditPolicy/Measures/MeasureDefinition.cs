using System.Collections.Immutable;

namespace CreditPolicy.Measures;

/// <summary>
/// One incentive or disciplinary measure as a rule file defines it: the rule that decides when it is
/// applicable and the metadata (measure code, clause, titles, evidence) a decision cites.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class MeasureDefinition
{
    // The warning that a penalty suppressed it, made once per language (KeptTexts alone reads and writes this).
    private KeptTexts.Memo? _kept;

    /// <summary>Its kept texts' field, for <see cref="KeptTexts"/>.</summary>
    internal ref KeptTexts.Memo? Kept => ref _kept;

    internal MeasureDefinition(
        string ruleName,
        bool enabled,
        string? expression,
        string code,
        MeasureKind kind,
        ClauseId clause,
        string titleZh,
        string titleEn,
        ImmutableArray<EvidenceSet> evidence,
        ImmutableArray<Convenience> revokes,
        string? nestedRules = null,
        string? localParams = null,
        int line = 0)
    {
        Line = line;
        NestedRules = nestedRules;
        LocalParams = localParams;
        RuleName = ruleName;
        Enabled = enabled;
        Expression = expression;
        Code = code;
        Kind = kind;
        Clause = clause;
        TitleZh = titleZh;
        TitleEn = titleEn;
        Evidence = evidence;
        Revokes = revokes;
        foreach (var set in evidence)
        {
            EvidenceMask |= 1 << (int)set;
        }
    }

    /// <summary>
    /// The id of the rule set whose file defines the measure (its <c>RuleSet.id</c>): in a composed rule set
    /// (<c>RuleSet.Compose</c>), which of the component sets a measure came from.
    /// </summary>
    public string RuleSetId { get; internal init; } = string.Empty;

    /// <summary>The rule's <c>RuleName</c>.</summary>
    public string RuleName { get; }

    /// <summary>Whether the rule is evaluated (<c>Enabled</c>); a disabled rule is validated but never applies.</summary>
    public bool Enabled { get; }

    /// <summary>The rule's expression, or <see langword="null"/> when it combines nested rules with an <c>Operator</c>.</summary>
    public string? Expression { get; }

    /// <summary>The rule's <c>Operator</c> and nested <c>Rules</c> as compact JSON, when it combines nested rules; for comparing rule sets.</summary>
    internal string? NestedRules { get; }

    /// <summary>The line of the rule file where the rule starts (0 when not read from a file); for locating findings.</summary>
    public int Line { get; }

    /// <summary>The rule's <c>LocalParams</c> as compact JSON, when it has any; for comparing rule sets.</summary>
    internal string? LocalParams { get; }

    /// <summary>The measure code, e.g. <c>penalty.key-review</c>.</summary>
    public string Code { get; }

    /// <summary>Incentive (R6) or penalty (R7).</summary>
    public MeasureKind Kind { get; }

    /// <summary>The clause the measure applies, e.g. R7.2.</summary>
    public ClauseId Clause { get; }

    /// <summary>The measure's title in the policy's own Chinese words.</summary>
    public string TitleZh { get; }

    /// <summary>The measure's title in English.</summary>
    public string TitleEn { get; }

    /// <summary>What the decision cites as the evidence of this measure.</summary>
    public ImmutableArray<EvidenceSet> Evidence { get; }

    /// <summary>The evidence sets as bits (1 &lt;&lt; set), for the evaluator.</summary>
    internal int EvidenceMask { get; }

    /// <summary>For a measure that cancels conveniences (R7.3): which ones it cancels when the subject enjoys them.</summary>
    public ImmutableArray<Convenience> Revokes { get; }

    /// <summary>Clause, code and rule name.</summary>
    public override string ToString() => Subjects.PersonalIds.Mask($"{Clause} {Code} ('{RuleName}')"); // a rule name may hold a number (R8)
}
