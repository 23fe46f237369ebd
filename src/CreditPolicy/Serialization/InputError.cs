using System.Globalization;
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
/// <param name="Message">What is wrong, in the language the reader was given (English by default).</param>
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
    public override string ToString() => Format(null);

    /// <summary>
    /// The same format with its markers in the language of <paramref name="culture"/>: <c>第 LINE 行</c> and
    /// <c>规则 'NAME'</c> when its name starts with <c>zh</c>, English otherwise. The message is in the language the
    /// reader was given; paths, file names and rule names never change.
    /// </summary>
    public string Format(CultureInfo? culture)
    {
        var zh = Messages.IsChinese(culture);
        var text = new StringBuilder();
        _ = File is null ? text.Append(Messages.Get(zh, "format.line", Line)) : text.Append(PersonalIds.ForOutput(File)).Append(':').Append(Line);
        text.Append(": ");
        if (RuleName is not null)
        {
            text.Append(Messages.Get(zh, "format.rule", PersonalIds.ForOutput(RuleName))).Append(": ");
        }

        if (!string.IsNullOrEmpty(Path))
        {
            text.Append(PersonalIds.ForMessage(Path)).Append(": ");
        }

        text.Append(PersonalIds.ForOutput(Message));
        return zh ? text.Replace(PersonalIds.RedactedPlaceholder, Messages.Get(zh, "format.redacted")).ToString() : text.ToString();
    }
}
