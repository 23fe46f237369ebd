using System.CommandLine;
using System.Linq;
using CreditPolicy.Rules;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy test FILE…</c>, or <c>test --rules FILE --rules FILE…</c>: the cases of every rule set composed, run against the composition (issue 13).</summary>
internal static class TestCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = context.Text("test.files"), Arity = ArgumentArity.ZeroOrMore };
        var rules = new Option<string[]>("--rules") { Description = context.Text("compose.rules-option"), HelpName = "FILE" };
        var command = new Command(
            "test",
            context.Text("test.description"));
        command.Arguments.Add(files);
        command.Options.Add(rules);
        RuleComposition.RequireFilesOrRules(command, files, rules);
        command.SetAction(parse =>
        {
            var paths = context.ExistingFiles(parse.GetValue(files));
            var composed = context.ExistingFiles(parse.GetValue(rules));
            var failed = composed.Length == 0 ? 0 : RunComposed(context, composed);
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

                failed += Run(context, load.Value, path);
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Runs every component's cases against the composition of <paramref name="paths"/> (issue 13); the number of failures.</summary>
    private static int RunComposed(CommandContext context, string[] paths)
    {
        var composition = RuleComposition.Load(context, paths);
        if (composition.Rules is not { } rules)
        {
            return 1;
        }

        return Run(context, rules, composition.Name);
    }

    /// <summary>Runs the cases of <paramref name="rules"/>, printing each result and a summary under <paramref name="name"/>; the number of failures.</summary>
    private static int Run(CommandContext context, RuleSet rules, string name)
    {
        var results = new CreditPolicy.Evaluation.PolicyEvaluator(rules, new CreditPolicy.Evaluation.PolicyEvaluatorOptions { Culture = context.Culture }).RunCases();
        foreach (var problem in rules.CaseProblems)
        {
            context.Out.WriteLine(problem.Format(context.Culture));
        }

        foreach (var result in results)
        {
            // In a composition, a case's line is in one of several files: name it.
            var text = result.Describe(context.Culture);
            context.Out.WriteLine(rules.IsComposite && !result.Passed ? $"{CreditPolicy.Subjects.PersonalIds.ForOutput(result.Case.File)}: {text}" : text);
        }

        var failures = results.Count(r => !r.Passed) + rules.CaseProblems.Length;
        context.Out.WriteLine(context.Text("test.summary", name, results.Count(r => r.Passed), failures));
        return failures;
    }
}
