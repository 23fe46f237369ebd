using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Options;

namespace CreditPolicy.WindowService;

/// <summary>The window service's own settings (section <c>WindowService</c>).</summary>
internal sealed class WindowServiceOptions
{
    /// <summary>The SQLite file of the audit trail; relative to the content root.</summary>
    public string AuditDatabase { get; set; } = "App_Data/audit.db";

    /// <summary>
    /// How long writing an audit row waits for a database another connection holds locked; then the request is
    /// refused with 503 (no decision without an audit row).
    /// </summary>
    public TimeSpan AuditBusyTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest request body accepted, in bytes (413 beyond).</summary>
    public long MaxRequestBodyBytes { get; set; } = 30_000_000;

    /// <summary>The most profiles one request may hold (413 beyond).</summary>
    public int MaxProfiles { get; set; } = 10_000;

    /// <summary>
    /// The stated purposes (<c>X-Purpose</c>) for which a personal id may be shown whole: only the letter the subject
    /// signs needs the whole certificate number (C3); everything else shows it masked (R8, C5).
    /// </summary>
    public IList<string> UnmaskPurposes { get; } = [];
}

/// <summary>Checks <see cref="WindowServiceOptions"/> on start, every problem at once, each naming its setting.</summary>
internal sealed class WindowServiceOptionsValidator : IValidateOptions<WindowServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, WindowServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AuditDatabase))
        {
            problems.Add("WindowService:AuditDatabase must name the SQLite file of the audit trail (e.g. App_Data/audit.db), not be blank.");
        }
        else if (Directory.Exists(options.AuditDatabase) || options.AuditDatabase.EndsWith('/') || options.AuditDatabase.EndsWith('\\'))
        {
            problems.Add($"WindowService:AuditDatabase '{Subjects.PersonalIds.ForOutput(options.AuditDatabase)}' is a folder; name the SQLite file in it (e.g. audit.db).");
        }

        if (options.AuditBusyTimeout < TimeSpan.FromSeconds(1) || options.AuditBusyTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add($"WindowService:AuditBusyTimeout must be between 00:00:01 and 00:01:00, not {options.AuditBusyTimeout:c}.");
        }

        if (options.MaxRequestBodyBytes < 1)
        {
            problems.Add($"WindowService:MaxRequestBodyBytes must be at least 1, not {options.MaxRequestBodyBytes}.");
        }

        if (options.MaxProfiles < 1)
        {
            problems.Add($"WindowService:MaxProfiles must be at least 1, not {options.MaxProfiles}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
