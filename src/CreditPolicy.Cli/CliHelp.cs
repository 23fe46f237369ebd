using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CreditPolicy.Cli;

/// <summary>
/// What System.CommandLine writes itself, in the tool's language. Its texts are English under invariant
/// globalization: for Chinese, help is written by <see cref="ChineseHelpAction"/> (System.CommandLine's layout,
/// with its headings and labels replaced) and the common parse errors are mapped to the tool's own messages.
/// The English texts of the <c>help.*</c> and <c>parse.*</c> keys are System.CommandLine's own, used to find them.
/// </summary>
internal static class CliHelp
{
    /// <summary>The parse errors the tool translates, by key; the English text of each is System.CommandLine's template.</summary>
    private static readonly string[] ParseErrorKeys =
    [
        "parse.command-missing",
        "parse.unrecognized",
        "parse.option-required",
        "parse.command-argument-missing",
        "parse.rules-and-files",
        "parse.option-argument-missing",
        "parse.not-one-of",
        "parse.single-argument",
        "parse.cannot-combine",
        "parse.cannot-parse-option",
        "parse.response-file-missing",
    ];

    private static readonly Lazy<(string Key, Regex Pattern)[]> ParseErrorPatterns = new(() =>
        [.. ParseErrorKeys.Select(key => (key, Template(CliText.Get(key, CliLanguage.English))))]);

    /// <summary>
    /// Runs help in <paramref name="language"/>: for Chinese, System.CommandLine's help is written to memory (unwrapped:
    /// it counts characters, not the width of Chinese ones), then its headings and labels are replaced.
    /// </summary>
    /// <returns>The exit code, or <see langword="null"/> when <paramref name="parse"/> does not ask for help in Chinese.</returns>
    internal static int? InvokeHelp(ParseResult parse, CliLanguage language, TextWriter output, TextWriter error)
    {
        if (language == CliLanguage.English || parse.Action is not HelpAction action)
        {
            return null;
        }

        action.MaxWidth = int.MaxValue;
        using var help = new StringWriter { NewLine = "\n" };
        var code = parse.Invoke(new InvocationConfiguration { Output = help, Error = error, EnableDefaultExceptionHandler = false });
        output.Write(TranslateHelp(help.ToString(), language));
        return code;
    }

    /// <summary>
    /// A message of System.CommandLine's in <paramref name="language"/>: the tool's own text for the common ones, else as
    /// it is. A value not among those accepted is named on one line, with the accepted ones, in English too (the contract's
    /// usage errors are one line).
    /// </summary>
    internal static string ParseError(string message, CliLanguage language)
    {
        foreach (var (key, pattern) in ParseErrorPatterns.Value)
        {
            var match = pattern.Match(message);
            if (!match.Success)
            {
                continue;
            }

            var args = match.Groups.Cast<Group>().Skip(1).Select(g => (object?)g.Value).ToArray();
            if (key == "parse.not-one-of")
            {
                // "\n\t'utf-8'\n\t'gb18030'": the accepted values, on one line.
                var accepted = ((string)args[1]!).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                args[1] = language == CliLanguage.English
                    ? " " + string.Join(", ", accepted) + "."
                    : string.Join(CliText.Get("list.separator", language), accepted.Select(v => v.Trim('\'')));
            }
            else if (language == CliLanguage.English)
            {
                return message;
            }

            return CliText.Get(key, language, args);
        }

        return message;
    }

    /// <summary>A pattern that matches a message formatted from <paramref name="template"/>, each placeholder a group.</summary>
    private static Regex Template(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template), @"\\\{(\d+)}", "(.*?)");
        return new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Replaces System.CommandLine's section headings, the placeholders of the usage line and the labels of options.</summary>
    internal static string TranslateHelp(string help, CliLanguage language)
    {
        var headings = ((string[])["help.description", "help.usage", "help.arguments", "help.options", "help.commands"])
            .ToDictionary(key => CliText.Get(key, CliLanguage.English), key => CliText.Get(key, language), StringComparer.Ordinal);
        var usageHeading = CliText.Get("help.usage", CliLanguage.English);
        var optionsHeading = CliText.Get("help.options", CliLanguage.English);
        var required = CliText.Get("help.required", CliLanguage.English);
        var defaultValue = Template(CliText.Get("help.default", CliLanguage.English));
        var lines = help.Split('\n');
        var section = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (headings.TryGetValue(line, out var heading))
            {
                section = line;
                lines[i] = heading;
            }
            else if (section == usageHeading)
            {
                lines[i] = line
                    .Replace(CliText.Get("help.options-placeholder", CliLanguage.English), CliText.Get("help.options-placeholder", language), StringComparison.Ordinal)
                    .Replace(CliText.Get("help.command-placeholder", CliLanguage.English), CliText.Get("help.command-placeholder", language), StringComparison.Ordinal);
            }
            else if (section == optionsHeading)
            {
                // Keep the second column where it was on screen: a Chinese character is two columns wide.
                var label = CliText.Get("help.required", language);
                var padding = Math.Max(0, required.Length - DisplayWidth(label));
                line = line.Replace(required, label + new string(' ', padding), StringComparison.Ordinal);
                var at = line.LastIndexOf(" [", StringComparison.Ordinal);
                if (at >= 0 && defaultValue.Match(line[(at + 1)..]) is { Success: true } match)
                {
                    line = line[..(at + 1)] + CliText.Get("help.default", language, match.Groups[1].Value);
                }

                lines[i] = line;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>How many terminal columns <paramref name="text"/> takes: two for each CJK character, one for the rest.</summary>
    private static int DisplayWidth(string text) => text.Sum(c => c >= '\u1100' ? 2 : 1);
}
