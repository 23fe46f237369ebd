using System.CommandLine;
using System.Linq;
using CreditPolicy.Rules;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy test FILE…</c>.</summary>
internal static class TestCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Rule files whose example cases to run.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "test",
            "Run the example cases a rule file carries. Prints PASS or FAIL for each case and, for a failure, the measures expected and received. "
            + "Exit 0 when all pass, 1 when any fails (or a file is invalid).\n\nExample:\n  creditpolicy test rules/jia-county-2022-8.json");
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var paths = CommandContext.ExistingFiles(parse.GetValue(files));
            var failed = 0;
            foreach (var path in paths)
            {
                var load = RuleSet.LoadFile(path, encoding: context.InputEncoding);
                if (!load.Succeeded)
                {
                    foreach (var error in load.Errors)
                    {
                        context.Out.WriteLine(error);
                    }

                    context.Out.WriteLine($"{path}: invalid rule file, no case run");
                    failed++;
                    continue;
                }

                var results = new CreditPolicy.Evaluation.PolicyEvaluator(load.Value).RunCases();
                foreach (var problem in load.Value.CaseProblems)
                {
                    context.Out.WriteLine(problem);
                }

                foreach (var result in results)
                {
                    context.Out.WriteLine(result);
                }

                var failures = results.Count(r => !r.Passed) + load.Value.CaseProblems.Length;
                failed += failures;
                context.Out.WriteLine($"{path}: {results.Count(r => r.Passed)} cases passed, {failures} failed");
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
