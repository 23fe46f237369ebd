namespace CreditPolicy.Measures;

/// <summary>
/// A set of items of a profile that a rule cites as the evidence of its measure (its <c>evidence</c>
/// property in the rule file); a decision lists their ids.
/// </summary>
public enum EvidenceSet
{
    /// <summary>Records active on the day whose category is negative, <c>activeNegativeRecords</c>.</summary>
    ActiveNegativeRecords = 1,

    /// <summary>Active negative records of serious severity, <c>activeSeriousNegativeRecords</c>.</summary>
    ActiveSeriousNegativeRecords,

    /// <summary>Records active on the day whose category is positive (commendation, red list, …), <c>activePositiveRecords</c>.</summary>
    ActivePositiveRecords,

    /// <summary>Commitments breached by the day (C1), <c>breachedCommitments</c>.</summary>
    BreachedCommitments,

    /// <summary>Every bad credit record: active negative records and breached commitments, <c>badCreditRecords</c>.</summary>
    BadCreditRecords,

    /// <summary>Reports that count as credit reports on the day (R3), <c>countingReports</c>.</summary>
    CountingReports,

    /// <summary>
    /// Active breaches that are false commitments (虚假承诺, 国办发〔2020〕42号): the ids of the commitments, or of
    /// the <c>commitment-breach</c> records naming none, <c>falseCommitments</c>.
    /// </summary>
    FalseCommitments,
}
