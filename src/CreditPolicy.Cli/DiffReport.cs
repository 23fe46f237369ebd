using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Cli;

/// <summary>
/// The HTML report of <c>diff</c>, for policy staff: built from the library's comparison (the JSON output is
/// written by <see cref="Output.ComparisonJson"/>), keeping the first changes for its table.
/// </summary>
internal sealed class DiffReport(PolicyComparer comparer, LocalDate asOf, ComparisonTally tally)
{
    private const int HtmlRows = 1000;

    private readonly List<(int Line, ProfileComparison Change)> _sample = [];

    private RuleSet Before => comparer.Before.RuleSet;

    private RuleSet After => comparer.After.RuleSet;

    private long Profiles => tally.Profiles;

    private long Changed => tally.Changed;

    /// <summary>Keeps a change for the table, while there is room.</summary>
    internal void Keep(int line, ProfileComparison change)
    {
        if (_sample.Count < HtmlRows)
        {
            _sample.Add((line, change));
        }
    }

    /// <summary>A self-contained HTML page: summary, a bar chart of gains and losses per measure (inline SVG), and the first changes.</summary>
    internal string ToHtml()
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>规则集差异报告 Rule set comparison</title>\n")
            .Append("<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2rem;color:#222}table{border-collapse:collapse}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.g{fill:#2e7d32}.l{fill:#c62828}")
            .Append(".num{text-align:right}</style></head><body>\n");
        html.Append("<h1>规则集差异报告 · Rule set comparison</h1>\n<table>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>原规则集 · old</th><td>{E(PersonalIds.ForOutput(Before.Id))} {E(PersonalIds.ForOutput(Before.Version))} <code>{E(Before.Sha256[..12])}</code></td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>新规则集 · new</th><td>{E(PersonalIds.ForOutput(After.Id))} {E(PersonalIds.ForOutput(After.Version))} <code>{E(After.Sha256[..12])}</code></td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>评估日 · as of</th><td>{asOf:uuuu-MM-dd}</td></tr>")
            .Append(CultureInfo.InvariantCulture, $"<tr><th>档案数 · profiles</th><td class=\"num\">{Profiles}</td></tr><tr><th>有变化 · changed</th><td class=\"num\">{Changed}</td></tr></table>\n");
        html.Append("<h2>规则变化 · Rules that differ</h2>\n");
        if (comparer.Rules.IsEmpty)
        {
            html.Append("<p>两个规则集的规则相同。 · The rules are the same in both rule sets.</p>\n");
        }
        else
        {
            html.Append("<table class=\"rules\"><tr><th>措施代码 · code</th><th>规则 · rule</th><th>条款 · clause</th><th>变化 · change</th><th>字段 · field</th><th>原规则 · old</th><th>新规则 · new</th></tr>\n");
            foreach (var rule in comparer.Rules)
            {
                var change = rule.Change switch { RuleChange.Added => "新增 · added", RuleChange.Removed => "删除 · removed", _ => "修改 · changed" };
                var fields = rule.Change == RuleChange.Changed ? rule.Fields.ToArray() : [.. rule.Before.Keys.Union(rule.After.Keys)];
                var first = true;
                foreach (var field in fields)
                {
                    html.Append("<tr>");
                    if (first)
                    {
                        html.Append(CultureInfo.InvariantCulture, $"<td rowspan=\"{fields.Length}\"><code>{E(PersonalIds.ForOutput(rule.Code))}</code></td><td rowspan=\"{fields.Length}\">{E(PersonalIds.ForOutput(rule.RuleName))}</td><td rowspan=\"{fields.Length}\">{E(rule.Clause.ToString())}</td><td rowspan=\"{fields.Length}\">{change}</td>");
                        first = false;
                    }

                    html.Append(CultureInfo.InvariantCulture, $"<td>{E(field)}</td><td><code>{E(PersonalIds.ForOutput(rule.Before.GetValueOrDefault(field, string.Empty)))}</code></td><td><code>{E(PersonalIds.ForOutput(rule.After.GetValueOrDefault(field, string.Empty)))}</code></td></tr>\n");
                }
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>措施变化 · Measures gained and lost</h2>\n");
        var max = System.Math.Max(1, tally.Measures.Values.Select(v => System.Math.Max(v.Gained, v.Lost)).DefaultIfEmpty(1).Max());
        var height = (tally.Measures.Count * 44) + 10;
        html.Append(CultureInfo.InvariantCulture, $"<svg width=\"760\" height=\"{height}\" role=\"img\" aria-label=\"gained and lost per measure\">\n");
        var y = 10;
        foreach (var (code, (gained, lost)) in tally.Measures)
        {
            var gainedWidth = 400.0 * gained / max;
            var lostWidth = 400.0 * lost / max;
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"measure\" data-code=\"{E(code)}\" data-gained=\"{gained}\" data-lost=\"{lost}\">")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"12\">{E(code)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"g\" x=\"300\" y=\"{y}\" width=\"{gainedWidth:F1}\" height=\"16\"/><text class=\"gained\" x=\"{305 + gainedWidth:F1}\" y=\"{y + 13}\" font-size=\"11\">+{gained}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"l\" x=\"300\" y=\"{y + 18}\" width=\"{lostWidth:F1}\" height=\"16\"/><text class=\"lost\" x=\"{305 + lostWidth:F1}\" y=\"{y + 31}\" font-size=\"11\">−{lost}</text></g>\n");
            y += 44;
        }

        html.Append("</svg>\n<table><tr><th>措施 · measure</th><th>获得 · gained</th><th>失去 · lost</th></tr>");
        foreach (var (code, (gained, lost)) in tally.Measures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(code)}</td><td class=\"num\">{gained}</td><td class=\"num\">{lost}</td></tr>");
        }

        html.Append("</table>\n<h2>变化的主体 · Changed subjects</h2>\n");
        if (Changed > _sample.Count)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>仅列出 {Changed} 项变化中的前 {_sample.Count} 项，JSON 输出列出全部。 · The first {_sample.Count} of {Changed} changes; the JSON output has them all.</p>\n");
        }

        html.Append("<table><tr><th>行 · line</th><th>主体 · subject</th><th>证件号码 · id</th><th>获得 · gained</th><th>失去 · lost</th><th>原因 · because</th></tr>\n");
        foreach (var (line, change) in _sample)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{line}</td><td>{E(PersonalIds.ForOutput(change.Subject.Name))}</td><td>{E(change.Subject.Identifier.ToString())}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", change.Gained))}</td><td>{E(string.Join(", ", change.Lost))}</td><td>{E(PersonalIds.ForOutput(string.Join(", ", change.Because.Concat(change.BecauseFacts.Select(f => "facts." + f)))))}</td></tr>\n");
        }

        html.Append("</table>\n<p>决定仅为建议：R6、R7 规定行政机关<em>可以</em>采取这些措施。 · Decisions are advice: R6 and R7 say the administration <em>may</em> apply these measures.</p>\n</body></html>\n");
        return html.ToString();
    }
}
