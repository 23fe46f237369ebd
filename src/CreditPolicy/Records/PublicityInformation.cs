namespace CreditPolicy.Records;

/// <summary>
/// The kinds of negative information whose publicity a <see cref="PublicityRegime"/> limits: each has a
/// maximum publicity period per class (minor, general, serious). Listings (dishonest judgment debtors,
/// the serious dishonesty list) are not among them: they last until their removal.
/// </summary>
public enum PublicityInformation
{
    /// <summary>Administrative-penalty information (行政处罚信息), records of category <c>administrative-penalty</c>.</summary>
    AdministrativePenalty = 0,

    /// <summary>Other negative information (其他失信信息), records of category <c>other-negative</c>.</summary>
    OtherNegative = 1,

    /// <summary>Breaches of credit commitments (违背信用承诺), records of category <c>commitment-breach</c> and breaches given on a commitment.</summary>
    CommitmentBreach = 2,
}
