namespace CreditPolicy.Reports;

/// <summary>Whether a report counts as a credit report (R3) on a given day, and if not, why.</summary>
public enum ReportStanding
{
    /// <summary>It counts: issued on or before the day, valid through it, from a filed agency or the PBoC Credit Reference Center.</summary>
    Counts = 0,

    /// <summary>Issued after the day: it does not exist yet.</summary>
    NotYetIssued,

    /// <summary>Its validity ended before the day.</summary>
    Expired,

    /// <summary>Its agency's filing number is not in the registry of filed agencies (R3).</summary>
    AgencyNotFiled,
}
