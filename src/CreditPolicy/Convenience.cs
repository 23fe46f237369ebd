namespace CreditPolicy;

/// <summary>
/// An administrative convenience (行政便利措施) a subject enjoys now (R6.2); R7.3 cancels those already
/// enjoyed by a holder of bad credit records.
/// </summary>
public enum Convenience
{
    /// <summary>The green channel (绿色通道) in approval, <c>green-channel</c>.</summary>
    GreenChannel = 1,

    /// <summary>Acceptance with missing materials (容缺受理), <c>acceptance-with-missing-materials</c>.</summary>
    AcceptanceWithMissingMaterials,

    /// <summary>Priority support and convenience (重点支持和优先便利), <c>priority-support</c>.</summary>
    PrioritySupport,
}
