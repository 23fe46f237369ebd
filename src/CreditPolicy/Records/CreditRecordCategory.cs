namespace CreditPolicy.Records;

/// <summary>The category of a credit record (信用记录, R2), as the contract spells it.</summary>
public enum CreditRecordCategory
{
    /// <summary>Negative: an administrative penalty (行政处罚), <c>administrative-penalty</c>.</summary>
    AdministrativePenalty = 1,

    /// <summary>Negative: listed as a dishonest judgment debtor (失信被执行人), <c>dishonest-judgment-debtor</c>; serious by default.</summary>
    DishonestJudgmentDebtor,

    /// <summary>Negative: on the list of seriously dishonest subjects (严重失信主体名单), <c>serious-dishonesty-list</c>; serious by default.</summary>
    SeriousDishonestyList,

    /// <summary>Negative: a breach of a credit commitment (C1), <c>commitment-breach</c>.</summary>
    CommitmentBreach,

    /// <summary>Negative: any other bad record, <c>other-negative</c>.</summary>
    OtherNegative,

    /// <summary>Positive: a commendation (表彰), <c>commendation</c>.</summary>
    Commendation,

    /// <summary>Positive: on a red list (红名单), <c>red-list</c>.</summary>
    RedList,

    /// <summary>Positive: any other good record, <c>other-positive</c>.</summary>
    OtherPositive,

    /// <summary>Neutral: an administrative licence (行政许可), <c>administrative-license</c>.</summary>
    AdministrativeLicense,

    /// <summary>Neutral: anything else, <c>other</c>.</summary>
    Other,
}
