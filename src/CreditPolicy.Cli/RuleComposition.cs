using System.Collections.Generic;
using System.IO;
using System.Linq;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;

namespace CreditPolicy.Cli;

/// <summary>
/// Several rule files given with <c>--rules</c> (issue 13): each read, then composed (<see cref="RuleSet.Compose"/>);
/// problems printed located, as <c>validate</c> prints them. For <c>validate</c>, <c>test</c> and <c>analyze</c>, which
/// report on standard output and go on.
/// </summary>
internal sealed class RuleComposition
{
    private RuleComposition(RuleSet? rules, Dictionary<string, string> files, string name)
    {
        Rules = rules;
        _files = files;
        Name = name;
    }

    private readonly Dictionary<string, string> _files;

    /// <summary>The composition (one set when one file was given); <see langword="null"/> when a file is invalid or the sets conflict.</summary>
    internal RuleSet? Rules { get; }

    /// <summary>The files, joined with <c> + </c>, for summary lines.</summary>
    internal string Name { get; }

    /// <summary>
    /// Makes <paramref name="command"/> need a FILE or a <c>--rules</c>, not both: without either, the parse error a
    /// missing argument has always given; with both, a usage error (exit 2, one line, in the tool's language).
    /// </summary>
    internal static void RequireFilesOrRules(System.CommandLine.Command command, System.CommandLine.Argument<string[]> files, System.CommandLine.Option<string[]> rules) =>
        command.Validators.Add(result =>
        {
            var hasFiles = result.GetValue(files) is { Length: > 0 };
            var hasRules = result.GetValue(rules) is { Length: > 0 };
            if (!hasFiles && !hasRules)
            {
                result.AddError(CliText.Get("parse.command-argument-missing", CliLanguage.English, command.Name));
            }
            else if (hasFiles && hasRules)
            {
                // FILE… are checked one by one and --rules are composed: given together, neither means what a user expects.
                result.AddError(CliText.Get("parse.rules-and-files", CliLanguage.English, command.Name));
            }
        });

    /// <summary>A level as the tool's texts name it.</summary>
    private static string LevelText(CommandContext context, RuleSetLevel level) => level switch
    {
        RuleSetLevel.National => context.Text("level.national"),
        RuleSetLevel.Provincial => context.Text("level.provincial"),
        RuleSetLevel.Municipal => context.Text("level.municipal"),
        _ => context.Text("level.county"),
    };

    /// <summary>
    /// Reads and composes <paramref name="paths"/>, printing to standard output every problem and a line saying the
    /// sets cannot be composed, or a note per rule a higher level's replaced.
    /// </summary>
    internal static RuleComposition Load(CommandContext context, string[] paths)
    {
        var output = context.Out;
        var sets = new List<RuleSet>();
        var files = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var name = string.Join(" + ", paths);
        foreach (var path in paths)
        {
            var load = RuleSet.LoadFile(path, encoding: context.InputEncoding, culture: context.Culture);
            foreach (var error in load.Errors)
            {
                output.WriteLine(error.Format(context.Culture));
            }

            if (load.Succeeded)
            {
                sets.Add(load.Value);
                files.TryAdd(load.Value.Id, path);
            }
        }

        if (sets.Count < paths.Length)
        {
            output.WriteLine(context.Text("compose.invalid", name));
            return new RuleComposition(null, files, name);
        }

        var composed = RuleSet.Compose(sets, context.Culture);
        foreach (var error in composed.Errors)
        {
            output.WriteLine(error.Format(context.Culture));
        }

        var composition = new RuleComposition(composed.Value, files, name);
        if (composed.Value is null)
        {
            output.WriteLine(context.Text("compose.invalid", name));
        }

        composition.ReportOverridden(context, output);
        return composition;
    }

    /// <summary>The file the measure with <paramref name="code"/> came from; the first file when there is no such measure.</summary>
    internal string FileOf(string? code) =>
        code is not null && Rules?.FindMeasure(code) is { } measure && _files.TryGetValue(measure.RuleSetId, out var file) ? file : _files.Values.First();

    /// <summary>Prints a note per rule a higher level's rule replaced: <c>FILE:LINE: rule 'NAME': note: …</c>.</summary>
    private void ReportOverridden(CommandContext context, TextWriter output)
    {
        foreach (var (rule, by) in Rules?.Overridden ?? [])
        {
            var level = Rules!.Components.First(c => c.Id == by.RuleSetId).Level;
            output.WriteLine(context.Text(
                "compose.overridden",
                _files[rule.RuleSetId],
                rule.Line,
                PersonalIds.ForOutput(rule.RuleName),
                PersonalIds.ForOutput(by.RuleName),
                PersonalIds.ForOutput(by.RuleSetId),
                LevelText(context, level)));
        }
    }
}
