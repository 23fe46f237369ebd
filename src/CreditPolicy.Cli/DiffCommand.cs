using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System;
using CreditPolicy.Evaluation;
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
            "Evaluate every profile under both rule sets and write one JSON object: old and new (id, version, sha256), profiles, changed, "
            + "measures (per code: gained, lost) and changes (line, subject with masked id, gained, lost). Exit 0; 1 if a rule file is invalid; "
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
            var latest = before.EffectiveFrom > after.EffectiveFrom ? before.EffectiveFrom : after.EffectiveFrom;
            if (day < latest)
            {
                throw new UsageException($"--as-of: both rule sets must be in force; the later takes effect on {latest:uuuu-MM-dd}.");
            }

            var oldEvaluator = new PolicyEvaluator(before, new PolicyEvaluatorOptions { FiledAgencies = registry });
            var newEvaluator = new PolicyEvaluator(after, new PolicyEvaluatorOptions { FiledAgencies = registry });
            var report = new DiffReport(before, after, day);
            using var stream = context.OpenInput(parse.GetValue(input));
            context.Out.Flush();
            var output = context.Console.Out;
            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ProfileJson.Encoder });
            report.WriteStart(writer);
            var rejected = 0L;
            var progress = context.Progress("profiles");
            OrderedBatchPipeline.RunAsync(
                stream,
                batch => Compare(batch, oldEvaluator, newEvaluator, day),
                result =>
                {
                    foreach (var rejection in result.Rejected)
                    {
                        rejected++;
                        context.ReportRejected(rejection);
                    }

                    report.Add(result.Profiles, result.Changes, writer);
                    progress?.Invoke(report.Profiles + rejected);
                },
                Environment.ProcessorCount,
                default,
                ProfileReadOptions.Default.MaxProfileBytes,
                context.InputEncoding).GetAwaiter().GetResult();
            report.WriteEnd(writer);
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

    private static BatchComparison Compare(LineBatch batch, PolicyEvaluator before, PolicyEvaluator after, NodaTime.LocalDate day)
    {
        var changes = new List<ProfileChange>();
        var rejected = new List<RejectedProfile>();
        var profiles = 0;
        for (var i = 0; i < batch.Items.Count; i++)
        {
            var line = batch.LineOf(i);
            var read = ProfileJson.Read(batch[i], ProfileReadOptions.Default with { FirstLineNumber = line });
            if (!read.Succeeded)
            {
                rejected.Add(new RejectedProfile(line, read.Errors));
                continue;
            }

            // Only the codes are compared: the measures-only evaluation, without evidence or warnings.
            HashSet<string> was, now;
            try
            {
                was = Codes(before.EvaluateMeasures(read.Value, day));
                now = Codes(after.EvaluateMeasures(read.Value, day));
            }
            catch (RuleEvaluationException ex)
            {
                rejected.Add(new RejectedProfile(line, [new InputError("$", line, ex.Message)]));
                continue;
            }

            profiles++;
            if (!was.SetEquals(now))
            {
                changes.Add(new ProfileChange(
                    line,
                    read.Value.Subject,
                    [.. now.Except(was).Order(StringComparer.Ordinal)],
                    [.. was.Except(now).Order(StringComparer.Ordinal)]));
            }
        }

        batch.Release();
        return new BatchComparison(profiles, changes, rejected);
    }

    private static HashSet<string> Codes(ApplicableMeasureSet measures)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            codes.Add(measure.Code);
        }

        return codes;
    }

    private sealed record BatchComparison(int Profiles, List<ProfileChange> Changes, List<RejectedProfile> Rejected);
}
