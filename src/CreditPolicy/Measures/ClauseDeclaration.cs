namespace CreditPolicy.Measures;

/// <summary>
/// A clause id that a rule set declares in its header (<c>RuleSet.clauses</c>), so that its rules may cite a
/// document other than the county policy: a national rule set cites the paragraphs of 国办发〔2020〕42号 or
/// 国办发〔2019〕35号 by ids of its own, each with its source and its Chinese text.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ClauseDeclaration
{
    internal ClauseDeclaration(ClauseId id, string source, string textZh, string? textEn, MeasureKind? kind)
    {
        Id = id;
        Source = source;
        TextZh = textZh;
        TextEn = textEn;
        Kind = kind;
    }

    /// <summary>The clause id the rule set's measures cite, e.g. <c>GBF2020-42.6</c>.</summary>
    public ClauseId Id { get; }

    /// <summary>Where the clause is: the document and its paragraph, e.g. 国办发〔2020〕42号 三、（六）.</summary>
    public string Source { get; }

    /// <summary>The clause's words in Chinese, as the document gives them.</summary>
    public string TextZh { get; }

    /// <summary>An English rendering, if given.</summary>
    public string? TextEn { get; }

    /// <summary>Whether the clause prescribes incentives or penalties, if the declaration says; measures citing it must then be of that kind.</summary>
    public MeasureKind? Kind { get; }

    /// <summary>The id and the source.</summary>
    public override string ToString() => $"{Id} ({Source})";
}
