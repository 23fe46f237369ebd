using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>
/// Issue 11, "a Chinese locale gets Chinese everywhere": a staff member's whole session under <c>LANG=zh_CN.UTF-8</c>
/// — every command, with the mistakes people make (a broken expression, an unknown fact, a typo, a cut-off file, a
/// GBK file, a failing case, a rule that overflows, a bad profile, a rule set not yet in force, a missing file) —
/// leaves no English in what the tool prints, beyond what never changes: codes, clause ids, field names and
/// paths, file and rule names, type names the expression quotes, and the input it echoes.
/// </summary>
public sealed partial class ChineseSessionTests : IDisposable
{
    private static readonly string Shipped = File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json"));

    private readonly string _directory = Directory.CreateTempSubdirectory("creditpolicy-zh-session-").FullName;

    public static TheoryData<string> Scenarios =>
    [
        "validate broken-expression.json",
        "validate unknown-fact.json",
        "validate forbidden-call.json",
        "validate not-a-condition.json",
        "validate misspelt-field.json",
        "validate cut-off.json",
        "validate gbk.json",
        "validate too-long.json",
        "validate unknown-clause.json",
        "validate no-such-file.json",
        "validate np.json",
        "validate empty-expression.json",
        "validate id-shaped-clause.json",
        "test failing-case.json",
        "test overflowing.json",
        "analyze never-applies.json",
        "evaluate --as-of 2026-11-27 broken.jsonl",
        "evaluate --rules overflowing.json --as-of 2026-11-27 profiles.jsonl",
        "evaluate --rules not-yet.json --as-of 2026-11-27 profiles.jsonl",
        "evaluate --as-of 2026-02-30 profiles.jsonl",
        "evaluate --agencies broken-agencies.json --as-of 2026-11-27 profiles.jsonl",
        "diff --old shipped.json --new failing-case.json --as-of 2026-11-27 broken.jsonl",
        "letter --commitment nope incomplete-letter.json",
        "letter incomplete-letter.json",
        "import --checked-on 2026-11-20 penalties-broken.csv",
        "import --kind penalty no-such-export.csv",
        "init existing",
        "init dangling",
        "--version",
        "frobnicate",
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void A_Chinese_locale_gets_no_English_left_in_a_whole_session(string commandLine)
    {
        WriteInputs();

        var result = Cli.RunWithEnvironment(LangZh, [.. commandLine.Split(' ').Select(InDirectory)]);

        var printed = result.Error + (commandLine.StartsWith("evaluate", StringComparison.Ordinal) ? Warnings(result.Out) : commandLine.StartsWith("import", StringComparison.Ordinal) ? string.Empty : result.Out);
        Assert.False(string.IsNullOrWhiteSpace(printed), $"'{commandLine}' printed nothing to check");
        var english = Leftovers(printed);
        Assert.True(english.Length == 0, $"English left under LANG=zh_CN.UTF-8 in 'creditpolicy {commandLine}': {string.Join(", ", english)}\n{printed}");
    }

    [Fact]
    public void The_session_check_sees_English_when_the_locale_is_English()
    {
        WriteInputs();

        var result = Cli.RunWithEnvironment(new System.Collections.Generic.Dictionary<string, string> { ["LANG"] = "en_US.UTF-8" }, "validate", InDirectory("broken-expression.json"));

        Assert.NotEmpty(Leftovers(result.Out + result.Error));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly System.Collections.Generic.Dictionary<string, string> LangZh = new() { ["LANG"] = "zh_CN.UTF-8" };

    private void WriteInputs()
    {
        Write("shipped.json", Shipped);
        Directory.CreateDirectory(Path.Combine(_directory, "existing", "rules"));
        Directory.CreateDirectory(Path.Combine(_directory, "dangling"));
        File.CreateSymbolicLink(Path.Combine(_directory, "dangling", "rules"), Path.Combine(_directory, "nowhere"));
        Write(Path.Combine("existing", "rules", "jia-county-2022-8.json"), Shipped);
        Write("broken-expression.json", Rule0("facts.CreditChecked && (("));
        Write("unknown-fact.json", Rule0("facts.NoSuchFact > 0"));
        Write("forbidden-call.json", Rule0("""System.IO.File.Exists(\"x\")"""));
        Write("not-a-condition.json", Rule0("facts.ActivePositiveRecords"));
        Write("misspelt-field.json", ReplaceFirst("\"Expression\":", "\"Expresion\":"));
        Write("cut-off.json", Shipped[..500]);
        File.WriteAllBytes(Path.Combine(_directory, "gbk.json"), CreditPolicy.Serialization.InputEncodings.Gb18030.GetBytes(Shipped));
        Write("too-long.json", Rule0(string.Concat(Enumerable.Repeat("facts.CreditChecked && ", 200)) + "facts.CreditChecked"));
        Write("unknown-clause.json", ReplaceFirst("\"clause\": \"R6.1\"", "\"clause\": \"R9.9\""));
        Write("failing-case.json", ReplaceFirst("\"mustNotReceive\": [", "\"mustNotReceive\": [\n        \"incentive.green-channel\","));
        Write("overflowing.json", Rule0("facts.ActivePositiveRecords * 2147483647 * 2 > 0"));
        Write("never-applies.json", Rule0("false"));
        Write("np.json", Rule0("np(facts.CreditChecked)"));
        Write("empty-expression.json", Rule0(string.Empty));
        Write("id-shaped-clause.json", ReplaceFirst("\"clause\": \"R6.1\"", "\"clause\": \"110101199003074514\""));
        Write("not-yet.json", Shipped.Replace("\"effectiveFrom\": \"2022-03-11\"", "\"effectiveFrom\": \"2030-01-01\"", StringComparison.Ordinal));
        Write("profiles.jsonl", File.ReadAllText(Cli.Repo("samples/profiles.jsonl")));
        File.Copy(Cli.Repo("samples/exports/penalties-broken.csv"), Path.Combine(_directory, "penalties-broken.csv"), overwrite: true);
        Write("broken-agencies.json", """[{"name": "", "filingNumber": "PBC-1"}, {"nmae": "x"}]""");
        Write("broken.jsonl", string.Join('\n',
            """{"subject":{"name":"","kind":"enterprise","idType":"uscc","id":"914403001922038217"}}""",
            "garbage",
            """{"subject":{"name":"张三","kind":"naturalPerson","idType":"resident","id":"110101199003074514"},"records":[{"id":"r","category":"bad","decidedOn":"2023-02-30"}]}""",
            """{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-01","reports":[{"id":"rep","agency":{"name":"未备案机构","filingNumber":"X-1"},"rating":"AA","issuedOn":"2024-01-01","validUntil":"2025-01-01"}]}""",
            """{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":[{"id":"r","category":"administrative-penalty","authority":"某局","decidedOn":"2026-01-01","publicUntil":"2040-01-01","severity":"general"}]}""",
            """{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""") + "\n");
        var letter = JsonNode(File.ReadAllText(Cli.Repo("docs/contract/profile.example.json")));
        var commitment = letter["commitments"]![0]!.AsObject();
        commitment.Remove("window");
        commitment.Remove("remedyDeadline");
        Write("incomplete-letter.json", letter.ToJsonString());
    }

    private static string ReplaceFirst(string old, string replacement)
    {
        var at = Shipped.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the shipped rule file no longer contains {old}");
        return string.Concat(Shipped.AsSpan(0, at), replacement, Shipped.AsSpan(at + old.Length));
    }

    private static System.Text.Json.Nodes.JsonNode JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!;

    private static string Rule0(string expression)
    {
        var start = Shipped.IndexOf("\"Expression\": \"", StringComparison.Ordinal) + "\"Expression\": \"".Length;
        var end = Shipped.IndexOf("\",", start, StringComparison.Ordinal);
        return string.Concat(Shipped.AsSpan(0, start), expression, Shipped.AsSpan(end));
    }

    /// <summary>A file or folder name of the session as a path in its folder; anything else as it is.</summary>
    private string InDirectory(string token) =>
        token is "existing" or "dangling" || token.EndsWith(".json", StringComparison.Ordinal) || token.EndsWith(".jsonl", StringComparison.Ordinal)
            ? Path.Combine(_directory, token)
            : token;

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory, name), content);

    /// <summary>The <c>warnings</c> of each decision line (the rest of a decision is field names, codes and data).</summary>
    private static string Warnings(string decisions) =>
        string.Join('\n', decisions.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => JsonDocument.Parse(line).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString())));

    /// <summary>
    /// Runs of three or more ASCII letters left once what stays untranslated is taken out: quoted names and values,
    /// JSON paths, codes and enum values, clause ids, file names, the version, case and rule names the tool echoes
    /// from the rule file, and a few terms that are the same in Chinese text (JSON, UTF-8, GBK…).
    /// </summary>
    internal static string[] Leftovers(string printed)
    {
        var text = printed;
        foreach (var pattern in (string[])[
            @"^(?:通过|未通过) .*$",                                                   // case names, echoed from the rule file
            @"\$[\w.\[\]]*",                                                           // JSON paths
            @"“[^”]*”", @"'[^'\n]*'", "\"[^\"\n]*\"", @"`[^`\n]*`", @"\[[^\]\n]*\]",      // quoted names and values, lists of codes
            @"(?:应为以下之一|可选值为)：[^。\n]*",                                        // enumerations of accepted values
            @"(?<![A-Za-z0-9-])--?[A-Za-z?][A-Za-z0-9-]*",                              // options
            @"\b(?:incentive|penalty)\.[a-z-]+",                                        // measure codes
            @"[A-Za-z0-9_-]+(?:-[A-Za-z0-9_]+)+",                                       // kebab-case codes and ids
            @"[A-Za-z0-9_./-]*\.(?:json|jsonl|html)\b",                                 // file names
            @"[A-Za-z0-9_.-]*/[A-Za-z0-9_./-]*",                                        // paths
            @"\d+\.\d+\.\d+\+[0-9a-f]+",                                                // the version
            @"(?<![A-Za-z])(?:R\d+(?:\.\d+)?|C\d+|TP|TD)(?![A-Za-z])",                  // clause ids
            @"(?<![A-Za-z])(?:creditpolicy|evaluate|validate|test|letter|diff|analyze|init)(?![A-Za-z])", // commands
            @"\b[a-z]+[A-Z][A-Za-z]*\b",                                                // camelCase field names
        ])
        {
            text = Regex.Replace(text, pattern, " ", RegexOptions.Multiline);
        }

        string[] allowed = ["JSON", "UTF", "GB18030", "GBK", "HTML", "CSV", "PBoC", "YYYY", "Schema"];
        return [.. Regex.Matches(text, "[A-Za-z]{3,}").Select(m => m.Value)
            .Where(word => !allowed.Contains(word, StringComparer.OrdinalIgnoreCase)).Distinct()];
    }
}
