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
        var id = new Option<string?>("--commitment") { Description = context.Text("letter.commitment"), HelpName = "ID" };
        var forPublication = new Option<bool>("--public") { Description = context.Text("letter.public") };
        var file = new Argument<string>("FILE") { Description = context.Text("letter.file") };
        var command = new Command(
            "letter",
            context.Text("letter.description"));
        command.Options.Add(id);
        command.Options.Add(forPublication);
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            using var stream = context.OpenInput(parse.GetValue(file));
            var read = ProfileJson.Read(context.ReadAll(stream), context.ProfileRead);
            if (!read.Succeeded)
            {
                context.ReportErrors(read.Errors);
                throw new UsageException(context.Text("letter.profile-invalid"));
            }

            var commitments = read.Value.Commitments;
            var wanted = parse.GetValue(id);
            var commitment = wanted is null
                ? commitments.Length switch
                {
                    0 => throw new UsageException(context.Text("letter.no-commitment")),
                    1 => commitments[0],
                    _ => throw new UsageException(context.Text("letter.several-commitments", commitments.Length, string.Join(context.Text("list.separator"), commitments.Select(c => PersonalIds.ForOutput(c.Id))))),
                }
                : commitments.FirstOrDefault(c => c.Id == wanted) ?? throw new UsageException(context.Text("letter.unknown-commitment", PersonalIds.ForOutput(wanted)));

            // C3: a letter takes effect on signature; what the profile lacks is a blank to fill in, named on stderr.
            foreach (var gap in commitment.LetterGaps(read.Value.Subject, context.Culture))
            {
                context.Error.WriteLine(context.Text("letter.gap", PersonalIds.ForOutput(commitment.Id), gap.Field, gap.Message));
            }

            context.Out.Write(CommitmentLetter.Render(read.Value.Subject, commitment, parse.GetValue(forPublication)));
            return 0;
        });
        return command;
    }
}
