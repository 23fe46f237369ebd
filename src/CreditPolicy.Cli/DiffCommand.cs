using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy diff --old FILE… --new FILE… [--as-of DATE] [--html REPORT] [FILE|-]</c>: several <c>--old</c> or <c>--new</c> are composed (issue 13).</summary>
internal static class DiffCommand
{
    internal static Command Create(CommandContext context)
    {
        var oldRules = new Option<string[]>("--old") { Description = context.Text("diff.old"), HelpName = "FILE", Required = true };
        var newRules = new Option<string[]>("--new") { Description = context.Text("diff.new"), HelpName = "FILE", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = context.Text("option.as-of"), HelpName = "DATE" };
        var html = new Option<string?>("--html") { Description = context.Text("diff.html"), HelpName = "REPORT" };
        var agencies = new Option<string?>("--agencies") { Description = context.Text("diff.agencies"), HelpName = "FILE" };
        var input = new Argument<string?>("FILE") { Description = context.Text("diff.input"), Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "diff",
            context.Text("diff.description"));
        foreach (var option in new Option[] { oldRules, newRules, asOf, html, agencies })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            if (parse.GetValue(html) is { } reportPath)
            {
                // The report is written at the end: refuse now what would fail or destroy an input then.
                if (Directory.Exists(reportPath))
                {
                    throw new UsageException(context.Text("error.is-directory", reportPath));
                }

                if (new[] { parse.GetValue(agencies), parse.GetValue(input) }.Concat(parse.GetValue(oldRules) ?? []).Concat(parse.GetValue(newRules) ?? []).Any(i => i is not null and not "-" && CommandContext.SameFile(i, reportPath)))
                {
                    throw new UsageException(context.Text("diff.html-is-input", reportPath));
                }
            }

            var before = context.LoadRules(parse.GetValue(oldRules), invalidExitCode: 1);
            var after = context.LoadRules(parse.GetValue(newRules), invalidExitCode: 1);
            var registry = context.LoadAgencies(parse.GetValue(agencies));
            var day = context.AsOf(parse.GetValue(asOf));
            var comparer = new PolicyComparer(
                new PolicyEvaluator(before, new PolicyEvaluatorOptions { FiledAgencies = registry, Culture = context.Culture }),
                new PolicyEvaluator(after, new PolicyEvaluatorOptions { FiledAgencies = registry, Culture = context.Culture }));
            try
            {
                comparer.EnsureInForce(day);
            }
            catch (RuleSetNotInForceException ex)
            {
                throw new UsageException(context.Text("diff.not-in-force", ex.EffectiveFrom.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), CreditPolicy.Subjects.PersonalIds.ForOutput(ex.RuleSetId)));
            }

            var tally = new ComparisonTally();
            var report = new DiffReport(comparer, day, tally);
            using var stream = context.OpenInput(parse.GetValue(input));
            context.Out.Flush();
            var output = context.Console.Out;
            using var writer = new Utf8JsonWriter(output, ProfileJson.WriterOptions());
            ComparisonJson.WriteStart(writer, comparer, day);
            var rejected = 0L;
            var progress = context.Progress("progress.profiles");
            ProfileStreamReader.ProcessAsync(
                stream,
                line => Compare(line, comparer, day),
                compared =>
                {
                    if (compared.Rejected is { } rejection)
                    {
                        rejected++;
                        context.ReportRejected(rejection);
                    }
                    else
                    {
                        tally.Add(compared.Change!);
                        if (compared.Change!.Changed)
                        {
                            ComparisonJson.WriteChange(writer, compared.Line, compared.Change);
                            report.Keep(compared.Line, compared.Change);
                        }
                    }

                    if (writer.BytesPending > 16384)
                    {
                        writer.Flush();
                    }

                    progress?.Invoke(tally.Profiles + rejected);
                },
                new ProfileStreamOptions { InputEncoding = context.InputEncoding, Culture = context.Culture }).GetAwaiter().GetResult();
            ComparisonJson.WriteEnd(writer, tally);
            writer.Flush();
            output.WriteByte((byte)'\n');
            output.Flush();
            context.EndProgress();
            if (parse.GetValue(html) is { } htmlPath)
            {
                File.WriteAllText(htmlPath, report.ToHtml(), CliApplication.Utf8);
            }

            return rejected > 0 ? 2 : 0;
        });
        return command;
    }

    /// <summary>One profile compared, or why it could not be (read errors, or a rule that failed on it).</summary>
    private static Compared Compare(ProfileLine line, PolicyComparer comparer, NodaTime.LocalDate day)
    {
        if (line.Profile is not { } profile)
        {
            return new Compared(line.Line, null, new RejectedProfile(line.Line, line.Result.Errors));
        }

        try
        {
            return new Compared(line.Line, comparer.Compare(profile, day), null);
        }
        catch (RuleEvaluationException ex)
        {
            return new Compared(line.Line, null, new RejectedProfile(line.Line, [new InputError("$", line.Line, ex.Reason)]));
        }
    }

    private sealed record Compared(int Line, ProfileComparison? Change, RejectedProfile? Rejected);
}
