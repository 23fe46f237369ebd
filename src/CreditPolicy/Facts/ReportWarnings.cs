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

    internal static string For(CreditReport report, ReportStanding standing)
    {
        var warnings = Made.GetValue(report, static _ => new string?[4]);
        return warnings[(int)standing] ??= report.Explain(standing) + " It is ignored.";
    }
}
