using System;
using System.Collections.Generic;

namespace CreditPolicy.Cli;

/// <summary>The language of the tool's own output (contract v2, <c>--lang zh|en</c>).</summary>
internal enum CliLanguage
{
    English,
    Chinese,
}

/// <summary>Chooses the language once per run: <c>--lang</c>, else the locale variables, else English.</summary>
internal static class CliLanguages
{
    /// <summary>The option's name, and the values it accepts.</summary>
    internal const string OptionName = "--lang";

    internal static readonly string[] Accepted = ["zh", "en"];

    /// <summary>The locale variables, in the order POSIX gives them precedence: the first one set and non-empty wins.</summary>
    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>The language named by <paramref name="value"/> (<c>zh</c> or <c>en</c>), or <see langword="null"/>.</summary>
    internal static CliLanguage? FromName(string? value) => value switch
    {
        "zh" => CliLanguage.Chinese,
        "en" => CliLanguage.English,
        _ => null,
    };

    /// <summary>Chinese when the first of <c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c> that is set and non-empty starts with <c>zh</c>; else English.</summary>
    internal static CliLanguage FromLocale(Func<string, string?> environment)
    {
        foreach (var name in LocaleVariables)
        {
            if (environment(name) is { Length: > 0 } value)
            {
                return value.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? CliLanguage.Chinese : CliLanguage.English;
            }
        }

        return CliLanguage.English;
    }

    /// <summary>
    /// The language for a run, before the command line is parsed (help and descriptions are built in it):
    /// the value of <c>--lang</c> when it is one of the accepted ones, else the locale. An unaccepted value
    /// is left for the parser to report, in the locale's language.
    /// </summary>
    internal static CliLanguage Choose(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            string? value = null;
            if (arg == OptionName && i + 1 < args.Count)
            {
                value = args[i + 1];
            }
            else if (arg.StartsWith(OptionName + "=", StringComparison.Ordinal) || arg.StartsWith(OptionName + ":", StringComparison.Ordinal))
            {
                value = arg[(OptionName.Length + 1)..];
            }

            if (FromName(value) is { } named)
            {
                return named;
            }
        }

        return FromLocale(environment);
    }
}
