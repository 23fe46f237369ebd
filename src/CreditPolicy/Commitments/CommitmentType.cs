namespace CreditPolicy.Commitments;

/// <summary>The three types of credit commitment, by how it is made (C2).</summary>
public enum CommitmentType
{
    /// <summary>Proactive disclosure (主动公示型), C2.1, template TP; <c>proactive-disclosure</c>.</summary>
    ProactiveDisclosure = 1,

    /// <summary>Acceptance with missing materials (容缺受理型), C2.2, template TD; <c>acceptance-with-missing-materials</c>.</summary>
    AcceptanceWithMissingMaterials,

    /// <summary>Approval substitution (审批替代型) under the notification-and-commitment system, C2.3; <c>approval-substitution</c>.</summary>
    ApprovalSubstitution,
}
