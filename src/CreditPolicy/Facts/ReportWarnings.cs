using CreditPolicy.Reports;

namespace CreditPolicy.Facts;

/// <summary>The decision warning for a credit report that does not count.</summary>
/// <remarks>
/// Made anew on each evaluation, not cached: a cache keyed by report (a <c>ConditionalWeakTable</c>, until
/// issue 14) only paid when the same report objects were evaluated again and again, as benchmarks do, while
/// a stream of profiles meets each report once and its dependent handles made every garbage collection
/// slower (total pause 3.3 s against 1.1 s over 800,000 streamed profiles).
/// </remarks>
internal static class ReportWarnings
{
    /// <summary>The warning in English, or in Chinese when <paramref name="zh"/>.</summary>
    internal static string For(CreditReport report, ReportStanding standing, bool zh = false) =>
        Messages.Get(zh, "report.ignored", report.ExplainIn(standing, zh));
}
