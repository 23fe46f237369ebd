using System.CommandLine;
using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;

namespace CreditPolicy.Cli;

/// <summary><c>creditpolicy letter [--commitment ID] [--public] FILE</c>.</summary>
internal static class LetterCommand
{
    internal static Command Create(CommandContext context)
    {
        var id = new Option<string?>("--commitment") { Description = "The commitment to render (needed when the profile has several).", HelpName = "ID" };
        var forPublication = new Option<bool>("--public") { Description = "Render the version for publication, with personal identity numbers masked (R8, C5)." };
        var file = new Argument<string>("FILE") { Description = "A profile (one JSON object); '-' for stdin." };
        var command = new Command(
            "letter",
            "Render a commitment letter (信用承诺书) in Chinese, as plain text: from template TP for proactive-disclosure, TD for "
            + "acceptance-with-missing-materials, and a letter in the same form for approval-substitution, with every C3 field and TD's "
            + "missing materials, remedy deadline and agent; an approval-substitution letter carries the notification of 告知承诺 (国办发〔2020〕42号). "
            + "A field the profile lacks is left blank to fill in, and named on stderr. Exit 0; 2 on input error.\n\nExample:\n  creditpolicy letter --public samples/profile.example.json");
        command.Options.Add(id);
        command.Options.Add(forPublication);
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            using var stream = context.OpenInput(parse.GetValue(file));
            var read = ProfileJson.Read(context.ReadAll(stream));
            if (!read.Succeeded)
            {
                context.ReportErrors(read.Errors);
                throw new UsageException("the profile is not valid; no letter rendered.");
            }

            var commitments = read.Value.Commitments;
            var wanted = parse.GetValue(id);
            var commitment = wanted is null
                ? commitments.Length switch
                {
                    0 => throw new UsageException("the profile has no commitment."),
                    1 => commitments[0],
                    _ => throw new UsageException($"the profile has {commitments.Length} commitments; choose one with --commitment ID ({string.Join(", ", commitments.Select(c => PersonalIds.ForOutput(c.Id)))})."),
                }
                : commitments.FirstOrDefault(c => c.Id == wanted) ?? throw new UsageException($"--commitment: the profile has no commitment '{PersonalIds.ForOutput(wanted)}'.");

            // C3: a letter takes effect on signature; what the profile lacks is a blank to fill in, named on stderr.
            foreach (var gap in commitment.LetterGaps(read.Value.Subject))
            {
                context.Error.WriteLine($"note: commitment {PersonalIds.ForOutput(commitment.Id)}: {gap.Field}: {gap.Message} The letter leaves it blank to fill in.");
            }

            context.Out.Write(CommitmentLetter.Render(read.Value.Subject, commitment, parse.GetValue(forPublication)));
            return 0;
        });
        return command;
    }
}
