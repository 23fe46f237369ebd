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
        var files = new Argument<string[]>("FILE") { Description = "Rule files to analyse.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "analyze",
            "Check what each rule set can do, not only what its cases show: for every enabled rule, search the facts for a subject it applies "
            + "to and one it does not. Errors: a rule that can never apply, a penalty that can apply to a subject with no active bad credit "
            + "record (R7's premise), a rule whose outcome changes with a commitment never signed (C4). Warnings: an incentive every applying "
            + "subject loses to penalties, a rule that applies to everyone, a clause R6.1-R7.3 with no enabled rule. One line per finding: "
            + "FILE:LINE: rule 'NAME': error|warning: ... Exit 0; 1 on any error or an invalid file.\n\n"
            + "Example:\n  creditpolicy analyze rules/jia-county-2022-8.json");
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var paths = CommandContext.ExistingFiles(parse.GetValue(files));
            var failed = false;
            foreach (var path in paths)
            {
                var load = RuleSet.LoadFile(path, encoding: context.InputEncoding);
                if (!load.Succeeded)
                {
                    foreach (var error in load.Errors)
                    {
                        context.Out.WriteLine(error);
                    }

                    context.Out.WriteLine($"{path}: invalid rule file, not analysed");
                    failed = true;
                    continue;
                }

                var analysis = RuleSetAnalyzer.Analyze(load.Value);
                foreach (var finding in analysis.Findings)
                {
                    context.Out.WriteLine($"{path}:{finding}");
                }

                var errors = analysis.Findings.Count(f => f.Severity == FindingSeverity.Error);
                var warnings = analysis.Findings.Length - errors;
                failed |= errors > 0;
                context.Out.WriteLine(
                    $"{path}: {analysis.Witnesses.Length} enabled rules analysed: {errors} error(s), {warnings} warning(s); "
                    + $"{analysis.Candidates:N0} fact combinations searched{(analysis.Sampled ? " (some grids sampled)" : string.Empty)}");
            }

            return failed ? 1 : 0;
        });
        return command;
    }
}
