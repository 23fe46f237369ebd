namespace CreditPolicy.Measures;

/// <summary>Whether a measure is a joint incentive (联合激励, R6) or a joint disciplinary measure (联合惩戒, R7).</summary>
public enum MeasureKind
{
    /// <summary>A joint incentive measure of R6, <c>incentive</c>.</summary>
    Incentive = 1,

    /// <summary>A joint disciplinary measure of R7, <c>penalty</c>.</summary>
    Penalty,
}
