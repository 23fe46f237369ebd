using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CreditPolicy.Import;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime.Text;

namespace CreditPolicy.Cli;

/// <summary>
/// <c>creditpolicy import [--kind penalty|license] [--rules FILE] [--checked-on DATE] [--out FILE] FILE…</c>:
/// the national 双公示 exports (CSV or XLSX) as profiles, JSON Lines, one per subject (issue 13, docs/import.md).
/// </summary>
internal static class ImportCommand
{
    internal static Command Create(CommandContext context)
    {
        var kind = new Option<string?>("--kind") { Description = context.Text("import.kind"), HelpName = "penalty|license" };
        kind.AcceptOnlyFromAmong("penalty", "license");
        var rules = new Option<string?>("--rules") { Description = context.Text("import.rules"), HelpName = "FILE" };
        var checkedOn = new Option<string?>("--checked-on") { Description = context.Text("import.checked-on"), HelpName = "DATE" };
        var output = new Option<string?>("--out") { Description = context.Text("import.out"), HelpName = "FILE" };
        var files = new Argument<string[]>("FILE") { Description = context.Text("import.files"), Arity = ArgumentArity.OneOrMore };
        var command = new Command("import", context.Text("import.description"));
        command.Options.Add(kind);
        command.Options.Add(rules);
        command.Options.Add(checkedOn);
        command.Options.Add(output);
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var day = parse.GetValue(checkedOn) is { } text
                ? LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : throw new UsageException(context.Text("error.checked-on-not-a-date", text))
                : (NodaTime.LocalDate?)null;
            var ruleSet = context.LoadRules(parse.GetValue(rules), invalidExitCode: 2);
            var options = new ImportOptions
            {
                Kind = parse.GetValue(kind) switch { "penalty" => PublicityDataKind.Penalty, "license" => PublicityDataKind.License, _ => null },
                CheckedOn = day,
                SeverityTable = ruleSet.PenaltySeverity,
                Encoding = context.InputEncoding,
                Culture = context.Culture,
            };
            var paths = parse.GetValue(files) ?? [];
            var outPath = parse.GetValue(output);
            if (outPath is not null && paths.FirstOrDefault(p => p != "-" && CommandContext.SameFile(p, outPath)) is { } same)
            {
                throw new UsageException(context.Text("import.out-is-input", PersonalIds.ForOutput(same)));
            }

            for (var i = 1; i < paths.Length; i++)
            {
                if (paths[i] != "-" && paths.Take(i).Any(p => p != "-" && CommandContext.SameFile(p, paths[i])))
                {
                    throw new UsageException(context.Text("import.file-twice", PersonalIds.ForOutput(paths[i])));
                }
            }

            if (outPath is not null && Directory.Exists(outPath))
            {
                throw new UsageException(context.Text("error.is-directory", PersonalIds.ForOutput(outPath)));
            }

            var streams = new List<(string, Stream)>();
            try
            {
                foreach (var path in paths)
                {
                    streams.Add((path, context.OpenInput(path)));
                }

                var result = PublicityDataImporter.ReadAll(streams, options);
                Write(context, result, outPath);
                foreach (var file in result.Files.Where(f => f.Kind is not null))
                {
                    context.Error.WriteLine(context.Text(
                        file.KindDetected ? "import.file-detected" : "import.file-given",
                        PersonalIds.ForOutput(file.Name),
                        context.Text(file.Kind == PublicityDataKind.Penalty ? "import.kind-penalty" : "import.kind-license"),
                        file.Rows,
                        file.RejectedRows));
                }

                foreach (var warning in result.Warnings)
                {
                    context.Error.WriteLine(context.Text("import.warning", warning.Format(context.Culture)));
                }

                foreach (var error in result.Errors)
                {
                    context.Error.WriteLine(error.Format(context.Culture));
                }

                context.Error.WriteLine(context.Text("import.summary", result.Profiles.Length, result.Errors.Length));
                return result.Errors.IsEmpty ? 0 : 2;
            }
            finally
            {
                foreach (var (_, stream) in streams)
                {
                    if (stream != context.Console.In)
                    {
                        stream.Dispose();
                    }
                }
            }
        });
        return command;
    }

    /// <summary>Profiles are input for <c>evaluate</c>: a natural person's id is written whole, as the export has it (messages never show it).</summary>
    private static readonly ProfileWriteOptions Written = ProfileWriteOptions.Default with { RevealPersonalIdentifiers = true };

    /// <summary>The profiles as JSON Lines, to <c>--out</c> or standard output.</summary>
    private static void Write(CommandContext context, ImportResult result, string? path)
    {
        using var file = path is null ? null : new StreamWriter(File.Create(path), CliApplication.Utf8) { NewLine = "\n" };
        var writer = file ?? context.Out;
        foreach (var profile in result.Profiles)
        {
            writer.Write(ProfileJson.Write(profile, Written));
            writer.Write('\n');
        }

        writer.Flush();
    }
}
