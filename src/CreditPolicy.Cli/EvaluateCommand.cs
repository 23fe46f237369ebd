using System.CommandLine;
using CreditPolicy.Evaluation;
using CreditPolicy.Streaming;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy evaluate [--rules FILE]… [--agencies FILE] [--as-of DATE] [FILE|-]</c>: several <c>--rules</c> are composed (issue 13).</summary>
internal static class EvaluateCommand
{
    internal static Command Create(CommandContext context)
    {
        var rules = new Option<string[]>("--rules") { Description = context.Text("evaluate.rules"), HelpName = "FILE" };
        var agencies = new Option<string?>("--agencies") { Description = context.Text("evaluate.agencies"), HelpName = "FILE" };
        var asOf = new Option<string?>("--as-of") { Description = context.Text("option.as-of"), HelpName = "DATE" };
        var input = new Argument<string?>("FILE") { Description = context.Text("evaluate.input"), Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "evaluate",
            context.Text("evaluate.description"));
        command.Options.Add(rules);
        command.Options.Add(agencies);
        command.Options.Add(asOf);
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var ruleSet = context.LoadRules(parse.GetValue(rules), invalidExitCode: 2);
            var registry = context.LoadAgencies(parse.GetValue(agencies));
            var day = context.AsOf(parse.GetValue(asOf));
            var evaluator = new PolicyEvaluator(ruleSet, new PolicyEvaluatorOptions { FiledAgencies = registry, Culture = context.Culture });
            try
            {
                evaluator.EnsureInForce(day);
            }
            catch (RuleSetNotInForceException ex)
            {
                throw new UsageException(context.Text("error.as-of-not-in-force", ex.Reason));
            }

            using var stream = context.OpenInput(parse.GetValue(input));
            context.Out.Flush();
            var summary = DecisionPipeline.Evaluate(
                stream,
                context.Console.Out,
                evaluator,
                day,
                new DecisionPipelineOptions { Read = context.ProfileRead, OnRejected = context.ReportRejected, OnProgress = context.Progress("progress.profiles"), InputEncoding = context.InputEncoding });
            context.EndProgress();
            return summary.Rejected > 0 ? 2 : 0;
        });
        return command;
    }
}
