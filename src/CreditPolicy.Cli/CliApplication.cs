using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;

namespace CreditPolicy.Cli;

/// <summary>
/// The <c>creditpolicy</c> tool, as <c>docs/contract/README.md</c> fixes it: <c>evaluate</c>, <c>validate</c>,
/// <c>test</c>, <c>letter</c> and <c>diff</c>, with the contract's exit codes. Usage errors exit 2 with one
/// line; nothing prints a stack trace for a user's mistake.
/// </summary>
internal static class CliApplication
{
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the tool with <paramref name="args"/>.</summary>
    /// <param name="args">The command line, without the tool's name.</param>
    /// <param name="console">The standard streams.</param>
    /// <param name="clock">The clock (today is in China Standard Time).</param>
    /// <param name="environment">Reads an environment variable (the locale: <c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>); none when omitted.</param>
    internal static int Run(string[] args, CliConsole console, IClock clock, Func<string, string?>? environment = null)
    {
        var language = CliLanguages.Choose(args, environment ?? (_ => null));
        args = WithoutLanguageBeforeVersion(args);
        var stdout = new StreamWriter(console.Out, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        try
        {
            var tool = Build(new CommandContext(console, stdout, clock, language));
            var parse = tool.Root.Parse(args);
            if (parse.Errors.Count == 0 && parse.GetValue(tool.Language) is { } named && CliLanguages.FromName(named) is { } chosen && chosen != language)
            {
                // --lang came from where the first look could not see it (a response file): build again in it.
                language = chosen;
                tool = Build(new CommandContext(console, stdout, clock, language));
                parse = tool.Root.Parse(args);
            }

            if (UnknownOption(parse, args) is { } unknown && !parse.Errors.Any(e => IsAbout(e.SymbolResult, tool.Language)))
            {
                // System.CommandLine takes '--bogus' for a file name ("file not found: --bogus", or the real file unrecognized).
                console.Error.WriteLine($"creditpolicy: {CliText.Get("parse.try-help", language, CliText.Get("parse.unknown-option", language, unknown))}");
                return 2;
            }

            if (parse.Errors.Count > 0)
            {
                // A bad --lang first: it says why the rest is not in the language asked for.
                // Then a word the tool does not know ('creditpolicy frobnicate'), which says more than "no command".
                var error = parse.Errors.FirstOrDefault(e => IsAbout(e.SymbolResult, tool.Language))
                    ?? parse.Errors.FirstOrDefault(e => parse.UnmatchedTokens.Count > 0 && e.Message.Contains($"'{parse.UnmatchedTokens[0]}'", StringComparison.Ordinal))
                    ?? parse.Errors[0];
                console.Error.WriteLine($"creditpolicy: {CliText.Get("parse.try-help", language, CliHelp.ParseError(error.Message, language))}");
                return 2;
            }

            tool.Context.InputEncoding = Serialization.InputEncodings.FromName(parse.GetValue(tool.Encoding));

            var code = CliHelp.InvokeHelp(parse, language, stdout, console.Error)
                ?? parse.Invoke(new InvocationConfiguration { Output = stdout, Error = console.Error, EnableDefaultExceptionHandler = false });
            stdout.Flush(); // here, so that a full disk is an input/output error, not a silent success
            console.Out.Flush();
            return code;
        }
        catch (UsageException ex)
        {
            stdout.Flush();
            console.Error.WriteLine($"creditpolicy: {ex.Message}");
            return ex.ExitCode;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The environment, not a bug: a full disk, a closed pipe, an unreadable file (sysexits EX_IOERR).
            TryFlush(stdout);
            console.Error.WriteLine($"creditpolicy: {CliText.Get("error.io", language, IoMessage(ex, language))}");
            return 74;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TryFlush(stdout);
            console.Error.WriteLine($"creditpolicy: {CliText.Get("error.internal", language, ex.GetType().Name, ex.Message)}");
            return 70;
        }
        finally
        {
            TryFlush(stdout);
            try
            {
                stdout.Dispose();
            }
            catch (IOException)
            {
                // Reported above, or nothing more can be written.
            }

            console.Error.Flush();
        }
    }

    /// <summary>
    /// What the operating system said, in Chinese for the common cases (.NET gives these in English under the
    /// tool's invariant globalization); the path it names is kept. Anything else is passed on as it is.
    /// </summary>
    private static string IoMessage(Exception ex, CliLanguage language)
    {
        if (language != CliLanguage.Chinese)
        {
            return ex.Message;
        }

        foreach (var (pattern, key) in IoPatterns)
        {
            if (System.Text.RegularExpressions.Regex.Match(ex.Message, pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)) is { Success: true } match)
            {
                return CliText.Get(key, language, match.Groups[1].Value);
            }
        }

        return ex.Message;
    }

    private static readonly (string Pattern, string Key)[] IoPatterns =
    [
        (@"^Access to the path '(.*)' is denied\.$", "io.access-denied"),
        (@"^The file '(.*)' already exists\.$", "io.exists"),
        (@"^Could not find a part of the path '(.*)'\.$", "io.no-path"),
        (@"^Could not find file '(.*)'\.$", "io.no-file"),
        (@"^No space left on device : '(.*)'", "io.disk-full"),
        (@"^(Broken pipe)", "io.broken-pipe"),
        (@"^Is a directory : '(.*)'", "io.is-directory"),
    ];

    /// <summary>
    /// <c>--version</c> with nothing but <c>--lang</c> beside it is <c>--version</c> (the version is the same in
    /// every language): System.CommandLine's version option refuses any other token, and a staff member who sets
    /// <c>--lang zh</c> in a script or alias should still get the version.
    /// </summary>
    private static string[] WithoutLanguageBeforeVersion(string[] args)
    {
        if (!args.Contains("--version", StringComparer.Ordinal))
        {
            return args;
        }

        var rest = new System.Collections.Generic.List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == CliLanguages.OptionName && i + 1 < args.Length && CliLanguages.FromName(args[i + 1]) is not null)
            {
                i++;
            }
            else if (!(args[i].StartsWith(CliLanguages.OptionName + "=", StringComparison.Ordinal) && CliLanguages.FromName(args[i][(CliLanguages.OptionName.Length + 1)..]) is not null))
            {
                rest.Add(args[i]);
            }
        }

        return rest is ["--version"] ? [.. rest] : args;
    }

    /// <summary>The command tree, its texts in the context's language.</summary>
    private static Tool Build(CommandContext context)
    {
        // A plain command named like the tool, so that help says 'creditpolicy' whatever the executable is called.
        var root = new Command("creditpolicy", context.Text("root.description"));
        var help = new HelpOption { Recursive = true, Description = context.Text("option.help") };
        root.Options.Add(help);
        var encoding = new Option<string>("--encoding")
        {
            Description = context.Text("option.encoding"),
            HelpName = "utf-8|gb18030",
            Recursive = true,
            DefaultValueFactory = _ => "utf-8",
        };
        encoding.AcceptOnlyFromAmong("utf-8", "gb18030");
        root.Options.Add(encoding);
        var language = new Option<string?>(CliLanguages.OptionName)
        {
            Description = context.Text("option.lang"),
            HelpName = string.Join("|", CliLanguages.Accepted),
            Recursive = true,
        };
        language.AcceptOnlyFromAmong(CliLanguages.Accepted);
        root.Options.Add(language);
        root.Options.Add(new VersionOption { Description = context.Text("option.version") });
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(TestCommand.Create(context));
        root.Subcommands.Add(LetterCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(AnalyzeCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(ImportCommand.Create(context));
        return new Tool(context, root, encoding, language);
    }

    /// <summary>
    /// The first word before <c>--</c> that looks like an option (<c>-x</c>, <c>--xyz</c>, <c>--xyz=value</c>) and is
    /// not one of the command's or its parents' options; <see langword="null"/> when there is none. A file whose
    /// name starts with '-' is still reachable as <c>./-name</c> or after <c>--</c>.
    /// </summary>
    private static string? UnknownOption(ParseResult parse, string[] args)
    {
        var known = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                foreach (var option in command.Command.Options)
                {
                    known.Add(option.Name);
                    known.UnionWith(option.Aliases);
                }
            }
        }

        foreach (var arg in args)
        {
            if (arg == "--")
            {
                break;
            }

            if (arg.Length > 1 && arg[0] == '-' && !char.IsAsciiDigit(arg[1]))
            {
                var name = arg.Split('=', ':')[0];
                if (!known.Contains(name))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static bool IsAbout(SymbolResult? result, Option option) => result switch
    {
        OptionResult o => o.Option == option,
        ArgumentResult { Parent: OptionResult o } => o.Option == option,
        _ => false,
    };

    private sealed record Tool(CommandContext Context, Command Root, Option<string> Encoding, Option<string?> Language);

    private static void TryFlush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
            // The output is gone (a full disk, a closed pipe); the caller says so on stderr.
        }
    }
}
