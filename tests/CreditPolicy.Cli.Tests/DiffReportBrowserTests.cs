using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PuppeteerSharp;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>
/// The HTML report of <c>diff</c> opened in a real browser (issue 11): headless Chromium, no console error,
/// no request leaves the machine (the report works offline), the chart's numbers equal the JSON's, and a
/// screenshot is kept under the test output (<c>browser/diff-report.png</c>). <c>.ci/run</c> installs
/// Debian's <c>chromium</c> and requires this test to run; elsewhere it is skipped when no browser is found.
/// </summary>
public sealed class DiffReportBrowserTests
{
    private static readonly string Shipped = Cli.Repo("rules/jia-county-2022-8.json");

    private static string? Browser() =>
        Environment.GetEnvironmentVariable("CREDITPOLICY_BROWSER") is { Length: > 0 } configured ? configured
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    [SkippableFact]
    public async Task The_HTML_report_opens_in_a_browser_without_errors_and_its_chart_matches_the_JSON()
    {
        var browserPath = Browser();
        var required = Environment.GetEnvironmentVariable("CREDITPOLICY_REQUIRE_BROWSER") == "1";
        Assert.False(required && browserPath is null, "CREDITPOLICY_REQUIRE_BROWSER=1 but no browser: install chromium (apt-get install chromium) or set CREDITPOLICY_BROWSER.");
        Skip.If(browserPath is null, "No Chromium found (apt-get install chromium, or set CREDITPOLICY_BROWSER); .ci/run requires it.");

        // Two rule changes, so that one measure is lost and another gained.
        var proposed = Cli.TempFile(File.ReadAllText(Shipped)
            .Replace("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1", StringComparison.Ordinal)
            .Replace("\"Expression\": \"facts.HasBadCreditRecord && facts.EnjoyedConveniences > 0\"", "\"Expression\": \"facts.HasBadCreditRecord\"", StringComparison.Ordinal));
        var html = Path.Combine(Path.GetTempPath(), $"creditpolicy-report-{Guid.NewGuid():N}.html");
        var result = Cli.Run("diff", "--old", Shipped, "--new", proposed, "--as-of", "2026-11-27", "--agencies", Cli.Repo("samples/agencies.json"), "--html", html, Cli.Repo("samples/profiles.jsonl"));
        Assert.Equal(0, result.ExitCode);
        var expected = JsonDocument.Parse(result.Out).RootElement.GetProperty("measures").EnumerateObject()
            .Select(m => (Code: m.Name, Gained: m.Value.GetProperty("gained").GetInt64(), Lost: m.Value.GetProperty("lost").GetInt64()))
            .ToArray();
        Assert.Contains(expected, m => m.Gained > 0);
        Assert.Contains(expected, m => m.Lost > 0);

        var problems = new List<string>();
        await using var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = browserPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        await using var page = await browser.NewPageAsync();
        page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                problems.Add("console error: " + e.Message.Text);
            }
        };
        page.PageError += (_, e) => problems.Add("page error: " + e.Message);
        await page.SetRequestInterceptionAsync(true);
        page.Request += async (_, e) =>
        {
            if (e.Request.Url.StartsWith("file:", StringComparison.Ordinal) || e.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await e.Request.ContinueAsync();
            }
            else
            {
                problems.Add("network request (the report must work offline): " + e.Request.Url);
                await e.Request.AbortAsync();
            }
        };

        var response = await page.GoToAsync(new Uri(html).AbsoluteUri, WaitUntilNavigation.Load);
        Assert.True(response.Ok);
        var chart = await page.EvaluateExpressionAsync<ChartBar[]>(
            "Array.from(document.querySelectorAll('svg g.measure')).map(g => ({ code: g.dataset.code, gained: Number(g.dataset.gained), lost: Number(g.dataset.lost), "
            + "gainedLabel: g.querySelector('text.gained').textContent, lostLabel: g.querySelector('text.lost').textContent, "
            + "gainedWidth: g.querySelector('rect.g').getBBox().width, lostWidth: g.querySelector('rect.l').getBBox().width }))");
        var title = await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent");
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser"));
        var screenshot = Path.Combine(AppContext.BaseDirectory, "browser", "diff-report.png");
        await page.ScreenshotAsync(screenshot, new ScreenshotOptions { FullPage = true });

        Assert.Empty(problems);
        Assert.StartsWith("规则集差异报告", title, StringComparison.Ordinal); // Chinese first
        Assert.Equal(expected.Select(m => m.Code), chart.Select(b => b.Code));
        Assert.Equal(expected.Select(m => (m.Gained, m.Lost)), chart.Select(b => (b.Gained, b.Lost)));
        Assert.Equal(expected.Select(m => $"+{m.Gained}"), chart.Select(b => b.GainedLabel));
        Assert.Equal(expected.Select(m => $"−{m.Lost}"), chart.Select(b => b.LostLabel));
        var widest = expected.Max(m => Math.Max(m.Gained, m.Lost));
        Assert.All(chart, b => Assert.Equal(400.0 * b.Gained / widest, b.GainedWidth, 0.2)); // bars drawn to scale
        Assert.All(chart, b => Assert.Equal(400.0 * b.Lost / widest, b.LostWidth, 0.2));
        Assert.True(new FileInfo(screenshot).Length > 1000);
    }

    /// <summary>One bar group of the chart, as the browser sees it.</summary>
    public sealed record ChartBar(string Code, long Gained, long Lost, string GainedLabel, string LostLabel, double GainedWidth, double LostWidth);
}
