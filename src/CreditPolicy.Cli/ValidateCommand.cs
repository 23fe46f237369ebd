using System.CommandLine;
using System.Linq;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy validate FILE…</c>, or <c>validate --rules FILE --rules FILE…</c>: that the files compose (issue 13).</summary>
internal static class ValidateCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = context.Text("validate.files"), Arity = ArgumentArity.ZeroOrMore };
        var rules = new Option<string[]>("--rules") { Description = context.Text("compose.rules-option"), HelpName = "FILE" };
        var command = new Command(
            "validate",
            context.Text("validate.description"));
        command.Arguments.Add(files);
        command.Options.Add(rules);
        RuleComposition.RequireFilesOrRules(command, files, rules);
        command.SetAction(parse =>
        {
            var paths = context.ExistingFiles(parse.GetValue(files));
            var composed = context.ExistingFiles(parse.GetValue(rules));
            var problems = composed.Length == 0 ? 0 : ValidateComposed(context, composed);
            foreach (var path in paths)
            {
                var result = RuleSet.LoadFile(path, encoding: context.InputEncoding, culture: context.Culture);
                foreach (var error in result.Errors)
                {
                    context.Out.WriteLine(error.Format(context.Culture));
                }

                problems += result.Errors.Length;
                if (result.Succeeded)
                {
                    var rules = result.Value;
                    foreach (var problem in rules.CaseProblems)
                    {
                        context.Out.WriteLine(problem.Format(context.Culture));
                    }

                    problems += rules.CaseProblems.Length;
                    var caseProblems = rules.CaseProblems.IsEmpty ? string.Empty : context.Text("validate.case-problems", rules.CaseProblems.Length);
                    context.Out.WriteLine(context.Text(
                        "validate.valid",
                        path,
                        PersonalIds.ForOutput(rules.Id),
                        PersonalIds.ForOutput(rules.Version),
                        rules.Measures.Count(m => m.Enabled),
                        rules.Measures.Length,
                        rules.Cases.Length,
                        caseProblems));
                }
            }

            return problems > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Checks that <paramref name="paths"/> are valid and compose (issue 13), noting the rules a higher level replaces; the number of problems.</summary>
    private static int ValidateComposed(CommandContext context, string[] paths)
    {
        var composition = RuleComposition.Load(context, paths);
        if (composition.Rules is not { } rules)
        {
            return 1;
        }

        foreach (var problem in rules.CaseProblems)
        {
            context.Out.WriteLine(problem.Format(context.Culture));
        }

        context.Out.WriteLine(context.Text(
            "compose.valid",
            composition.Name,
            PersonalIds.ForOutput(rules.Id),
            rules.Measures.Count(m => m.Enabled),
            rules.Overridden.Length,
            rules.Cases.Length));
        return rules.CaseProblems.Length;
    }
}
