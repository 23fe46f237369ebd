using System.CommandLine;
using CreditPolicy.Evaluation;
using CreditPolicy.Streaming;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy evaluate [--rules FILE] [--agencies FILE] [--as-of DATE] [FILE|-]</c>.</summary>
internal static class EvaluateCommand
{
    internal static Command Create(CommandContext context)
    {
        var rules = new Option<string?>("--rules") { Description = "Rule file (default: the shipped Jia County rules, 郏政务和大数据〔2022〕8号).", HelpName = "FILE" };
        var agencies = new Option<string?>("--agencies") { Description = "Registry of filed credit service agencies: a JSON array of { \"name\", \"filingNumber\" } (default: the rule set's).", HelpName = "FILE" };
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate as of this day, YYYY-MM-DD (default: today in China Standard Time).", HelpName = "DATE" };
        var input = new Argument<string?>("FILE") { Description = "Profiles: one JSON object, or JSON Lines with one profile a line; '-' or nothing for stdin.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "evaluate",
            "Evaluate profiles and write one decision per profile as JSON Lines, in input order. Exit 0; 2 if any profile was rejected "
            + "(each reported on stderr with its line and field; every valid profile is still evaluated).\n\n"
            + "Example:\n  creditpolicy evaluate --agencies samples/agencies.json --as-of 2026-11-27 samples/profiles.jsonl");
        command.Options.Add(rules);
        command.Options.Add(agencies);
        command.Options.Add(asOf);
        command.Arguments.Add(input);
        command.SetAction(parse =>
        {
            var ruleSet = context.LoadRules(parse.GetValue(rules), invalidExitCode: 2);
            var registry = context.LoadAgencies(parse.GetValue(agencies));
            var day = context.AsOf(parse.GetValue(asOf));
            var evaluator = new PolicyEvaluator(ruleSet, new PolicyEvaluatorOptions { FiledAgencies = registry });
            try
            {
                evaluator.EnsureInForce(day);
            }
            catch (RuleSetNotInForceException ex)
            {
                throw new UsageException("--as-of: " + ex.Reason);
            }

            using var stream = context.OpenInput(parse.GetValue(input));
            context.Out.Flush();
            var summary = DecisionPipeline.Evaluate(
                stream,
                context.Console.Out,
                evaluator,
                day,
                new DecisionPipelineOptions { OnRejected = context.ReportRejected, OnProgress = context.Progress("profiles"), InputEncoding = context.InputEncoding });
            context.EndProgress();
            return summary.Rejected > 0 ? 2 : 0;
        });
        return command;
    }
}
