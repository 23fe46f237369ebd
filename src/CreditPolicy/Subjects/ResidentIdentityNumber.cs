using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace CreditPolicy.Subjects;

/// <summary>
/// Resident identity number (公民身份号码) of GB 11643-1999: a natural person's certificate number (C3).
/// 18 characters: address code (6 digits), birth date (8 digits, <c>yyyyMMdd</c>), sequence (3 digits, odd
/// for men) and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
/// <remarks>
/// Personal information (R8, C5): <see cref="ToString()"/>, every exception message and every output of the
/// library show it masked (by default <c>410425********1233</c>; see <see cref="IdentityMask"/>), and the
/// birth date is never visible. Only <see cref="RevealUnmasked"/> and <see cref="RevealBirthDate"/> give the
/// personal parts, so that every disclosure is a deliberate, searchable call. Immutable and thread-safe.
/// </remarks>
public readonly struct ResidentIdentityNumber : IEquatable<ResidentIdentityNumber>
{
    /// <summary>The length of a number, 18.</summary>
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private readonly string? _value;

    private ResidentIdentityNumber(string value) => _value = value;

    private string Value => _value ?? throw new InvalidOperationException("This ResidentIdentityNumber is the default value, not a parsed number.");

    /// <summary>The 6-digit address (administrative division) code, positions 1–6.</summary>
    public string DivisionCode => Value[..6];

    /// <summary>
    /// The full, unmasked number. Personal information (R8): call it only where the law requires the
    /// whole number (e.g. a signed commitment letter), never for logs or publication.
    /// </summary>
    public string RevealUnmasked() => Value;

    /// <summary>The birth date encoded in positions 7–14. Personal information (R8): see <see cref="RevealUnmasked"/>.</summary>
    public LocalDate RevealBirthDate() => ParseBirthDate(Value.AsSpan(6, 8))!.Value;

    /// <summary>Reads a number; a lowercase <c>x</c> check character is accepted and stored as <c>X</c>.</summary>
    /// <exception cref="FormatException">The text is not a valid number; the message says why and never contains the number.</exception>
    public static ResidentIdentityNumber Parse(string? text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>Tries to read a number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ResidentIdentityNumber number) =>
        TryParse(text, out number, out _);

    /// <summary>Tries to read a number; on failure <paramref name="error"/> says what is wrong without repeating the number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ResidentIdentityNumber number, [NotNullWhen(false)] out string? error) =>
        TryParseIn(text, out number, out error, zh: false);

    /// <summary>Tries to read a number; <paramref name="error"/> in Chinese when <paramref name="zh"/>.</summary>
    internal static bool TryParseIn([NotNullWhen(true)] string? text, out ResidentIdentityNumber number, [NotNullWhen(false)] out string? error, bool zh)
    {
        number = default;
        if (string.IsNullOrEmpty(text))
        {
            error = Messages.Get(zh, "rin.required");
            return false;
        }

        if (text.Length != Length)
        {
            error = Messages.Get(zh, "rin.length", text.Length);
            return false;
        }

        if (text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            error = Messages.Get(zh, "rin.digits");
            return false;
        }

        if (text[0] is '0' or '9')
        {
            error = Messages.Get(zh, "rin.province");
            return false;
        }

        if (ParseBirthDate(text.AsSpan(6, 8)) is null)
        {
            error = Messages.Get(zh, "rin.birth-date");
            return false;
        }

        var actual = char.ToUpperInvariant(text[17]);
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (actual != expected)
        {
            error = actual is (>= '0' and <= '9') or 'X'
                ? Messages.Get(zh, "rin.check")
                : Messages.Get(zh, "rin.last");
            return false;
        }

        number = new ResidentIdentityNumber(actual == text[17] ? text : string.Concat(text.AsSpan(0, 17), "X"));
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape of a resident identity number — 17 digits and a digit or
    /// X — valid or not: such a value is never repeated in a message (contract v2, R8).
    /// </summary>
    public static bool HasShape(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        return text.Length == 18 && !text[..17].ContainsAnyExceptInRange('0', '9') && (char.IsAsciiDigit(text[17]) || text[17] is 'X' or 'x');
    }

    /// <summary>Computes the ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    /// <exception cref="ArgumentException">The text is not 17 digits.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1 || first17.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException("Expected the first 17 digits of a resident identity number.", nameof(first17));
        }

        return CheckCharacter(first17);
    }

    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static LocalDate? ParseBirthDate(ReadOnlySpan<char> digits)
    {
        var year = int.Parse(digits[..4], NumberStyles.None, CultureInfo.InvariantCulture);
        var month = int.Parse(digits.Slice(4, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(digits.Slice(6, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return null;
        }

        return new LocalDate(year, month, day);
    }

    /// <summary>The number masked with <paramref name="mask"/> (<see cref="IdentityMask.Default"/> when <see langword="null"/>); no mask shows the birth date.</summary>
    public string Mask(IdentityMask? mask = null) => (mask ?? IdentityMask.Default).Apply(Value);

    /// <summary>The number masked with <see cref="IdentityMask.Default"/> (never the whole number).</summary>
    public override string ToString() => _value is null ? string.Empty : Mask();

    /// <inheritdoc />
    public bool Equals(ResidentIdentityNumber other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ResidentIdentityNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Whether two numbers are the same.</summary>
    public static bool operator ==(ResidentIdentityNumber left, ResidentIdentityNumber right) => left.Equals(right);

    /// <summary>Whether two numbers differ.</summary>
    public static bool operator !=(ResidentIdentityNumber left, ResidentIdentityNumber right) => !left.Equals(right);
}
