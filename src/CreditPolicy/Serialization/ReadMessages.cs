using System.Text;

namespace CreditPolicy.Serialization;

/// <summary>
/// The messages every reader gives for the same kind of problem (profiles, rule files, agency files), so
/// that a bad date or an unknown value reads the same wherever it is, in English or Chinese
/// (the <c>zh</c> flag, from <see cref="Messages"/>). Values quoted from the input are truncated; callers
/// pass messages through <see cref="Subjects.PersonalIds"/> before showing them.
/// </summary>
internal static class ReadMessages
{
    internal static string ExpectedObject(bool zh) => Messages.Get(zh, "read.expected-object");

    internal static string ExpectedArray(bool zh) => Messages.Get(zh, "read.expected-array");

    internal static string ExpectedString(bool zh) => Messages.Get(zh, "read.expected-string");

    internal static string Blank(bool zh) => Messages.Get(zh, "read.blank");

    internal static string NullElement(bool zh) => Messages.Get(zh, "read.null-element");

    internal static string ExpectedDate(bool zh) => Messages.Get(zh, "read.expected-date");

    internal static string Missing(bool zh, string name) => Messages.Get(zh, "read.missing", name);

    internal static string GivenTwice(bool zh, string name) => Messages.Get(zh, "read.given-twice", name);

    internal static string NonEmptyString(bool zh, string name) => Messages.Get(zh, "read.non-empty-string", name);

    internal static string UnknownValue(bool zh, string? text, string expected) => Messages.Get(zh, "read.unknown-value", Truncate(text), expected);

    internal static string ExpectedOneOf(bool zh, string expected) => Messages.Get(zh, "read.expected-one-of", expected);

    internal static string ListedTwice(bool zh, string value) => Messages.Get(zh, "read.listed-twice", value);

    internal static string NotARealDate(bool zh, string text) => Messages.Get(zh, "read.not-a-real-date", Truncate(text));

    internal static string NotADate(bool zh, string text) => Messages.Get(zh, "read.not-a-date", Truncate(text));

    /// <summary>The message for a date string that <see cref="IsoDateReader"/> did not accept.</summary>
    internal static string BadDate(bool zh, IsoDateReader.Outcome outcome, string text) =>
        outcome == IsoDateReader.Outcome.Impossible ? NotARealDate(zh, text) : NotADate(zh, text);

    internal static string UnknownField(bool zh, string name, string? suggestion) => suggestion is null
        ? Messages.Get(zh, "read.unknown-field", name)
        : Messages.Get(zh, "read.unknown-field-suggestion", name, suggestion);

    internal static string Truncate(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? string.Empty;

    /// <summary>The UTF-8 text of a date string, for a message.</summary>
    internal static string Text(System.ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
