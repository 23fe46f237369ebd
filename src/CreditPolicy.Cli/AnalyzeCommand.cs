using System.CommandLine;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy analyze FILE…</c> (contract v2), or <c>analyze --rules FILE --rules FILE…</c> (issue 13): what a rule set, or a composition, can do, found by search over the facts.</summary>
internal static class AnalyzeCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = context.Text("analyze.files"), Arity = ArgumentArity.ZeroOrMore };
        var rules = new Option<string[]>("--rules") { Description = context.Text("compose.rules-option"), HelpName = "FILE" };
        var command = new Command(
            "analyze",
            context.Text("analyze.description"));
        command.Arguments.Add(files);
        command.Options.Add(rules);
        RuleComposition.RequireFilesOrRules(command, files, rules);
        command.SetAction(parse =>
        {
            var paths = context.ExistingFiles(parse.GetValue(files));
            var composed = context.ExistingFiles(parse.GetValue(rules));
            var failed = composed.Length > 0 && !AnalyzeComposed(context, composed);
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

                failed |= !Analyze(context, load.Value, path, _ => path);
            }

            return failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>Analyses the composition of <paramref name="paths"/> (issue 13): penalties dominating across sets, and conflicts at load; whether it has no error.</summary>
    private static bool AnalyzeComposed(CommandContext context, string[] paths)
    {
        var composition = RuleComposition.Load(context, paths);
        if (composition.Rules is not { } rules)
        {
            return false;
        }

        return Analyze(context, rules, composition.Name, composition.FileOf);
    }

    /// <summary>Prints the findings on <paramref name="rules"/>, each in the file <paramref name="fileOf"/> its measure code, and a summary; whether there is no error.</summary>
    private static bool Analyze(CommandContext context, RuleSet rules, string name, System.Func<string?, string> fileOf)
    {
        var analysis = RuleSetAnalyzer.Analyze(rules, context.Culture);
        foreach (var finding in analysis.Findings)
        {
            context.Out.WriteLine($"{fileOf(finding.Code)}:{finding.Format(context.Culture)}");
        }

        var errors = analysis.Findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = analysis.Findings.Length - errors;
        context.Out.WriteLine(context.Text(
            "analyze.summary",
            name,
            analysis.Witnesses.Length,
            errors,
            warnings,
            analysis.Candidates,
            (analysis.Sampled ? context.Text("analyze.sampled") : string.Empty)
                + (analysis.Witnesses.Count(w => !w.Exact) is var inexact and > 0 ? context.Text("analyze.not-exhaustive", inexact) : string.Empty)));
        return errors == 0;
    }
}
