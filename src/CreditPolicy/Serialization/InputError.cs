using System.Text;
using CreditPolicy.Subjects;

namespace CreditPolicy.Serialization;

/// <summary>
/// One problem in an input document — a profile, a rule file, a registry of agencies: where (file, line,
/// rule, JSON path) and what. Every reader of the library reports its problems in this one shape. The
/// message never contains a natural person's identity number (R8).
/// </summary>
/// <param name="Path">JSON path of the value at fault, e.g. <c>$.records[1].decidedOn</c>; <see langword="null"/> when the problem is not in one value (the file cannot be read, invalid JSON).</param>
/// <param name="Line">1-based line of the input where the value starts (counted from the line the caller says the document starts on); 0 when the file could not be read at all.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record InputError(string? Path, int Line, string Message)
{
    /// <summary>The file's name as given to the reader, when the input is a named file.</summary>
    public string? File { get; init; }

    /// <summary>The rule the problem is in, for a problem in a rule file's rule.</summary>
    public string? RuleName { get; init; }

    /// <summary>
    /// The one format of every located problem: <c>FILE:LINE: rule 'NAME': PATH: MESSAGE</c>, or
    /// <c>line LINE: …</c> without a file; the rule and the path only when there are. Every part is shown as
    /// output may show input (contract v2, "Personal ids"): resident identity numbers masked (in the path, which
    /// names fields of the input, redacted) and control characters escaped — a file's name is input too.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        _ = File is null ? text.Append("line ").Append(Line) : text.Append(PersonalIds.ForOutput(File)).Append(':').Append(Line);
        text.Append(": ");
        if (RuleName is not null)
        {
            text.Append("rule '").Append(PersonalIds.ForOutput(RuleName)).Append("': ");
        }

        if (!string.IsNullOrEmpty(Path))
        {
            text.Append(PersonalIds.ForMessage(Path)).Append(": ");
        }

        return text.Append(PersonalIds.ForOutput(Message)).ToString();
    }
}
