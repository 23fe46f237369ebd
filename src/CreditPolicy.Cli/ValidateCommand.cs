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
        var files = new Argument<string[]>("FILE") { Description = "Rule files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(
            "validate",
            "Check rule files: JSON syntax, structure and field names, required metadata, clause ids and measure codes, every expression "
            + "compiled against the fact vocabulary, no disallowed code, example cases well formed. Prints every problem as FILE:LINE: rule 'NAME': "
            + "what is wrong. Exit 0 when all are valid, 1 when any has problems.\n\nExample:\n  creditpolicy validate rules/jia-county-2022-8.json");
        command.Arguments.Add(files);
        command.SetAction(parse =>
        {
            var paths = CommandContext.ExistingFiles(parse.GetValue(files));
            var problems = 0;
            foreach (var path in paths)
            {
                var result = RuleSet.LoadFile(path, encoding: context.InputEncoding);
                foreach (var error in result.Errors)
                {
                    context.Out.WriteLine(error);
                }

                problems += result.Errors.Length;
                if (result.Succeeded)
                {
                    var rules = result.Value;
                    foreach (var problem in rules.CaseProblems)
                    {
                        context.Out.WriteLine(problem);
                    }

                    problems += rules.CaseProblems.Length;
                    context.Out.WriteLine($"{path}: valid: {PersonalIds.ForOutput(rules.Id)} {PersonalIds.ForOutput(rules.Version)}, {rules.Measures.Count(m => m.Enabled)} enabled rules of {rules.Measures.Length}, {rules.Cases.Length} example cases{(rules.CaseProblems.IsEmpty ? string.Empty : $"; its cases have {rules.CaseProblems.Length} problem(s), which do not stop evaluate or diff")}");
                }
            }

            return problems > 0 ? 1 : 0;
        });
        return command;
    }
}
