namespace CreditPolicy.Commitments;

/// <summary>Where a credit commitment stands on a given day (C3, TD).</summary>
public enum CommitmentStatus
{
    /// <summary>The commitment date is after the day: it does not exist yet.</summary>
    NotYetMade = 0,

    /// <summary>Not signed or sealed by the day, so not in effect (C3).</summary>
    NotSigned,

    /// <summary>Signed and in effect; for TD, the remedy deadline has not passed and materials are still due.</summary>
    InEffect,

    /// <summary>TD: the missing materials were submitted by the remedy deadline.</summary>
    Fulfilled,

    /// <summary>TD: the remedy deadline passed without the materials, so the application is terminated and returned (终止退件).</summary>
    TerminatedAndReturned,

    /// <summary>A breach of the commitment was established: a bad credit record (C1).</summary>
    Breached,
}
