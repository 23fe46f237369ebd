using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
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

    internal static int Run(string[] args, CliConsole console, IClock clock)
    {
        var stdout = new StreamWriter(console.Out, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        try
        {
            var context = new CommandContext(console, stdout, clock);
            // A plain command named like the tool, so that help says 'creditpolicy' whatever the executable is called.
            var root = new Command(
                "creditpolicy",
                "creditpolicy: credit records, reports and commitments in government services (郏政务和大数据〔2022〕8号).\n"
                + "Evaluate profiles against rule sets, check and test rule files, render commitment letters, compare rule sets.\n"
                + "Start in an empty folder with 'creditpolicy init': it writes the rules/, schemas/ and samples/ that every example uses.");
            root.Options.Add(new HelpOption { Recursive = true });
            var encoding = new Option<string>("--encoding")
            {
                Description = "How input files (profiles, rule files, agency files) are encoded: utf-8 (default; a byte-order mark is accepted) or gb18030 (files saved by Chinese Windows tools).",
                HelpName = "utf-8|gb18030",
                Recursive = true,
                DefaultValueFactory = _ => "utf-8",
            };
            encoding.AcceptOnlyFromAmong("utf-8", "gb18030");
            root.Options.Add(encoding);
            root.Options.Add(new VersionOption());
            root.Subcommands.Add(EvaluateCommand.Create(context));
            root.Subcommands.Add(ValidateCommand.Create(context));
            root.Subcommands.Add(TestCommand.Create(context));
            root.Subcommands.Add(LetterCommand.Create(context));
            root.Subcommands.Add(DiffCommand.Create(context));
            root.Subcommands.Add(AnalyzeCommand.Create(context));
            root.Subcommands.Add(InitCommand.Create(context));

            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                console.Error.WriteLine($"creditpolicy: {parse.Errors[0].Message} Try 'creditpolicy --help'.");
                return 2;
            }

            context.InputEncoding = Serialization.InputEncodings.FromName(parse.GetValue(encoding));

            var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = console.Error, EnableDefaultExceptionHandler = false });
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
            console.Error.WriteLine($"creditpolicy: input/output error: {ex.Message}");
            return 74;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            TryFlush(stdout);
            console.Error.WriteLine($"creditpolicy: internal error ({ex.GetType().Name}): {ex.Message} Please report it.");
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
