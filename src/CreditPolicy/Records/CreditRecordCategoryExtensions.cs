namespace CreditPolicy.Records;

/// <summary>What a <see cref="CreditRecordCategory"/> implies.</summary>
public static class CreditRecordCategoryExtensions
{
    /// <summary>The polarity of records of this category (contract: negative, positive, neutral).</summary>
    public static RecordPolarity Polarity(this CreditRecordCategory category) => category switch
    {
        CreditRecordCategory.AdministrativePenalty or CreditRecordCategory.DishonestJudgmentDebtor or CreditRecordCategory.SeriousDishonestyList
            or CreditRecordCategory.CommitmentBreach or CreditRecordCategory.OtherNegative => RecordPolarity.Negative,
        CreditRecordCategory.Commendation or CreditRecordCategory.RedList or CreditRecordCategory.OtherPositive => RecordPolarity.Positive,
        _ => RecordPolarity.Neutral,
    };

    /// <summary>
    /// The severity a negative record of this category has when none is stated: serious for dishonest
    /// judgment debtors and the serious-dishonesty list, general otherwise; <see langword="null"/> for
    /// records that are not negative.
    /// </summary>
    public static RecordSeverity? DefaultSeverity(this CreditRecordCategory category) => category switch
    {
        CreditRecordCategory.DishonestJudgmentDebtor or CreditRecordCategory.SeriousDishonestyList => RecordSeverity.Serious,
        _ when category.Polarity() == RecordPolarity.Negative => RecordSeverity.General,
        _ => null,
    };

    /// <summary>
    /// The kind of information whose publicity the national regimes limit (contract v2, "Publicity end"):
    /// administrative penalties, other negative information and commitment breaches;
    /// <see langword="null"/> for listings (which last until removal) and for positive and neutral records.
    /// </summary>
    public static PublicityInformation? PublicityInformation(this CreditRecordCategory category) => category switch
    {
        CreditRecordCategory.AdministrativePenalty => Records.PublicityInformation.AdministrativePenalty,
        CreditRecordCategory.OtherNegative => Records.PublicityInformation.OtherNegative,
        CreditRecordCategory.CommitmentBreach => Records.PublicityInformation.CommitmentBreach,
        _ => null,
    };
}
