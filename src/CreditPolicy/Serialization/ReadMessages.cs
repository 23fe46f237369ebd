using System.Text;

namespace CreditPolicy.Serialization;

/// <summary>
/// The messages every reader gives for the same kind of problem (profiles, rule files, agency files), so
/// that a bad date or an unknown value reads the same wherever it is. Values quoted from the input are
/// truncated; callers pass messages through <see cref="Subjects.PersonalIds"/> before showing them.
/// </summary>
internal static class ReadMessages
{
    internal const string ExpectedObject = "Expected an object.";

    internal const string ExpectedArray = "Expected an array.";

    internal const string ExpectedString = "Expected a string.";

    internal const string Blank = "Must not be blank.";

    internal const string NullElement = "An array element must not be null.";

    internal const string ExpectedDate = "Expected a date string YYYY-MM-DD.";

    internal static string Missing(string name) => $"Missing required field '{name}'.";

    internal static string GivenTwice(string name) => $"Field '{name}' is given twice.";

    internal static string NonEmptyString(string name) => $"'{name}' must be a non-empty string.";

    internal static string UnknownValue(string? text, string expected) => $"Unknown value '{Truncate(text)}'; expected one of: {expected}.";

    internal static string ExpectedOneOf(string expected) => $"Expected a string, one of: {expected}.";

    internal static string ListedTwice(string value) => $"'{value}' is listed twice.";

    internal static string NotARealDate(string text) => $"'{Truncate(text)}' is not a real calendar date.";

    internal static string NotADate(string text) => $"'{Truncate(text)}' is not a date; expected YYYY-MM-DD.";

    /// <summary>The message for a date string that <see cref="IsoDateReader"/> did not accept.</summary>
    internal static string BadDate(IsoDateReader.Outcome outcome, string text) =>
        outcome == IsoDateReader.Outcome.Impossible ? NotARealDate(text) : NotADate(text);

    internal static string UnknownField(string name, string suggestion) => $"Unknown field '{name}'{suggestion}; it would be silently ignored.";

    internal static string Truncate(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? string.Empty;

    /// <summary>The UTF-8 text of a date string, for a message.</summary>
    internal static string Text(System.ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
