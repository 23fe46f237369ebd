using System.CommandLine;
using System.Linq;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy validate FILE…</c>.</summary>
internal static class ValidateCommand
{
    internal static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = context.Text("validate.files"), Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "validate",
            context.Text("validate.description"));
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var paths = context.ExistingFiles(parse.GetValue(files));
            var problems = 0;
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
}
