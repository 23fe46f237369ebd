using System.CommandLine;
using System.Linq;
using CreditPolicy.Rules;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy test FILE…</c>.</summary>
internal static class TestCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = context.Text("test.files"), Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "test",
            context.Text("test.description"));
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var paths = context.ExistingFiles(parse.GetValue(files));
            var failed = 0;
            foreach (var path in paths)
            {
                var load = RuleSet.LoadFile(path, encoding: context.InputEncoding, culture: context.Culture);
                if (!load.Succeeded)
                {
                    foreach (var error in load.Errors)
                    {
                        context.Out.WriteLine(error.Format(context.Culture));
                    }

                    context.Out.WriteLine(context.Text("test.invalid", path));
                    failed++;
                    continue;
                }

                var results = new CreditPolicy.Evaluation.PolicyEvaluator(load.Value, new CreditPolicy.Evaluation.PolicyEvaluatorOptions { Culture = context.Culture }).RunCases();
                foreach (var problem in load.Value.CaseProblems)
                {
                    context.Out.WriteLine(problem.Format(context.Culture));
                }

                foreach (var result in results)
                {
                    context.Out.WriteLine(result.Describe(context.Culture));
                }

                var failures = results.Count(r => !r.Passed) + load.Value.CaseProblems.Length;
                failed += failures;
                context.Out.WriteLine(context.Text("test.summary", path, results.Count(r => r.Passed), failures));
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
