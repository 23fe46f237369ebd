using System.CommandLine;
using System.IO;
using System.Text.Json;
using CreditPolicy.Evaluation;
using CreditPolicy.Output;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy diff --old FILE --new FILE [--as-of DATE] [--html REPORT] [FILE|-]</c>.</summary>
internal static class DiffCommand
{
    internal static Command Create(CommandContext context)
    {
        var oldRules = new Option<string>("--old") { Description = "The rule file in force now.", HelpName = "FILE", Required = true };
        var newRules = new Option<string>("--new") { Description = "The rule file proposed.", HelpName = "FILE", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate as of this day, YYYY-MM-DD (default: today in China Standard Time).", HelpName = "DATE" };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report, with charts, for policy staff.", HelpName = "REPORT" };
        var agencies = new Option<string?>("--agencies") { Description = "Registry of filed credit service agencies for both rule sets (default: each rule set's).", HelpName = "FILE" };
        var input = new Argument<string?>("FILE") { Description = "Profiles, as for evaluate; '-' or nothing for stdin.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "diff",
            "Evaluate every profile under both rule sets and write one JSON object: old and new (id, version, sha256), rules (each rule that differs: "
            + "code, ruleName, clause, change, fields, before, after), profiles, changed, measures (per code: gained, lost) and changes (line, subject "
            + "with masked id, gained, lost, because: the differing rules behind the change). Exit 0; 1 if a rule file is invalid; "
            + "2 on input error, as evaluate.\n\nExample:\n  creditpolicy diff --old rules/jia-county-2022-8.json --new my-rules.json --html report.html samples/profiles.jsonl");
        foreach (var option in new Option[] { oldRules, newRules, asOf, html, agencies })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var before = context.LoadRules(parse.GetValue(oldRules), invalidExitCode: 1);
            var after = context.LoadRules(parse.GetValue(newRules), invalidExitCode: 1);
            var registry = context.LoadAgencies(parse.GetValue(agencies));
            var day = context.AsOf(parse.GetValue(asOf));
            var comparer = new PolicyComparer(
                new PolicyEvaluator(before, new PolicyEvaluatorOptions { FiledAgencies = registry }),
                new PolicyEvaluator(after, new PolicyEvaluatorOptions { FiledAgencies = registry }));
            try
            {
                comparer.EnsureInForce(day);
            }
            catch (RuleSetNotInForceException ex)
            {
                throw new UsageException($"--as-of: both rule sets must be in force; the later takes effect on {ex.EffectiveFrom:uuuu-MM-dd} (R9).");
            }

            var tally = new ComparisonTally();
            var report = new DiffReport(comparer, day, tally);
            using var stream = context.OpenInput(parse.GetValue(input));
            context.Out.Flush();
            var output = context.Console.Out;
            using var writer = new Utf8JsonWriter(output, ProfileJson.WriterOptions());
            ComparisonJson.WriteStart(writer, comparer, day);
            var rejected = 0L;
            var progress = context.Progress("profiles");
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
                new ProfileStreamOptions { InputEncoding = context.InputEncoding }).GetAwaiter().GetResult();
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
            return new Compared(line.Line, null, new RejectedProfile(line.Line, [new InputError("$", line.Line, ex.Message)]));
        }
    }

    private sealed record Compared(int Line, ProfileComparison? Change, RejectedProfile? Rejected);
}
