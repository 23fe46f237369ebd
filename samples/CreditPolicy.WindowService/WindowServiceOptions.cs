using System.Collections.Generic;

namespace CreditPolicy.WindowService;

/// <summary>The window service's own settings (section <c>WindowService</c>).</summary>
internal sealed class WindowServiceOptions
{
    /// <summary>The SQLite file of the audit trail; relative to the content root.</summary>
    public string AuditDatabase { get; set; } = "App_Data/audit.db";

    /// <summary>
    /// The stated purposes (<c>X-Purpose</c>) for which a personal id may be shown whole: only the letter the subject
    /// signs needs the whole certificate number (C3); everything else shows it masked (R8, C5).
    /// </summary>
    public IList<string> UnmaskPurposes { get; } = [];
}
