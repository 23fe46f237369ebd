namespace CreditPolicy.Records;

/// <summary>Whether a credit record counts against a subject, for it, or neither.</summary>
public enum RecordPolarity
{
    /// <summary>Neither good nor bad (e.g. a licence).</summary>
    Neutral = 0,

    /// <summary>A bad credit record (不良信用记录), the ground of R7 and the bar to R6.</summary>
    Negative,

    /// <summary>A good record (commendation, red list), the ground of R6.1's integrity model (诚信典型).</summary>
    Positive,
}
