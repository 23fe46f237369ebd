using System.CommandLine;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy analyze FILE…</c> (contract v2): what a rule set can do, found by search over the facts.</summary>
internal static class AnalyzeCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = context.Text("analyze.files"), Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "analyze",
            context.Text("analyze.description"));
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var paths = context.ExistingFiles(parse.GetValue(files));
            var failed = false;
            foreach (var path in paths)
            {
                var load = RuleSet.LoadFile(path, encoding: context.InputEncoding, culture: context.Culture);
                if (!load.Succeeded)
                {
                    foreach (var error in load.Errors)
                    {
                        context.Out.WriteLine(error.Format(context.Culture));
                    }

                    context.Out.WriteLine(context.Text("analyze.invalid", path));
                    failed = true;
                    continue;
                }

                var analysis = RuleSetAnalyzer.Analyze(load.Value, context.Culture);
                foreach (var finding in analysis.Findings)
                {
                    context.Out.WriteLine($"{path}:{finding.Format(context.Culture)}");
                }

                var errors = analysis.Findings.Count(f => f.Severity == FindingSeverity.Error);
                var warnings = analysis.Findings.Length - errors;
                failed |= errors > 0;
                context.Out.WriteLine(context.Text(
                    "analyze.summary",
                    path,
                    analysis.Witnesses.Length,
                    errors,
                    warnings,
                    analysis.Candidates,
                    (analysis.Sampled ? context.Text("analyze.sampled") : string.Empty)
                        + (analysis.Witnesses.Count(w => !w.Exact) is var inexact and > 0 ? context.Text("analyze.not-exhaustive", inexact) : string.Empty)));
            }

            return failed ? 1 : 0;
        });
        return command;
    }
}
