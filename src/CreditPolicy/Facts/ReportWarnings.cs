using System.Runtime.CompilerServices;
using CreditPolicy.Reports;

namespace CreditPolicy.Facts;

/// <summary>
/// The decision warning for a credit report that does not count, made once per report and standing and
/// kept beside the report (the report itself holds no cache): evaluations meet the same reports again and
/// again, and a report that is gone takes its warnings with it.
/// </summary>
internal static class ReportWarnings
{
    private static readonly ConditionalWeakTable<CreditReport, string?[]> Made = [];

    /// <summary>The warning in English, or in Chinese when <paramref name="zh"/>: each language cached on its own.</summary>
    internal static string For(CreditReport report, ReportStanding standing, bool zh = false)
    {
        var warnings = Made.GetValue(report, static _ => new string?[8]);
        return warnings[(int)standing + (zh ? 4 : 0)] ??= Messages.Get(zh, "report.ignored", report.ExplainIn(standing, zh));
    }
}
