using CreditPolicy.Reports;

namespace CreditPolicy.Facts;

/// <summary>The decision warning for a credit report that does not count.</summary>
internal static class ReportWarnings
{
    /// <summary>
    /// The warning in English, or in Chinese when <paramref name="zh"/>; kept beside the report when
    /// <paramref name="keep"/> (<see cref="KeptTexts"/>), made afresh otherwise (a stream meets each report once).
    /// </summary>
    internal static string For(CreditReport report, ReportStanding standing, bool zh = false, bool keep = true) =>
        keep
            ? KeptTexts.Get(report, null, (int)standing + (zh ? 4 : 0), (report, standing, zh), static s => Make(s.report, s.standing, s.zh))
            : Make(report, standing, zh);

    private static string Make(CreditReport report, ReportStanding standing, bool zh) => Messages.Get(zh, "report.ignored", report.ExplainIn(standing, zh));
}
