using System;
using System.Diagnostics.CodeAnalysis;

namespace CreditPolicy.Subjects;

/// <summary>
/// Unified social credit code (统一社会信用代码) of GB 32100-2015: the certificate number of every
/// organisation and individual business (C3). 18 characters: registration authority (1), category (1),
/// administrative division (6), the GB 11714 organisation code (9, its own check character last) and the
/// code's check character (1).
/// </summary>
/// <remarks>
/// Organisation codes are public information and are never masked. The value is immutable and
/// thread-safe. <see cref="Parse(string?)"/> is strict: both check characters must be right. A few early
/// pilot codes fail the checks; read those with <see cref="UsccParseMode.Lenient"/> and look at
/// <see cref="ChecksPass"/>.
/// </remarks>
public readonly struct UnifiedSocialCreditCode : IEquatable<UnifiedSocialCreditCode>
{
    /// <summary>The length of a code, 18.</summary>
    public const int Length = 18;

    /// <summary>The 31 characters a code is written with: 0–9 and A–Z without I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    // Value of each character in the alphabet, -1 for the others (ASCII only).
    private static readonly sbyte[] Values = BuildValues();

    private readonly string? _value;

    private UnifiedSocialCreditCode(string value, bool checksPass)
    {
        _value = value;
        ChecksPass = checksPass;
    }

    /// <summary>The 18 characters of the code (public information).</summary>
    public string Value => _value ?? throw new InvalidOperationException("This UnifiedSocialCreditCode is the default value, not a parsed code.");

    /// <summary>
    /// Whether both check characters (position 18, GB 32100; position 17, GB 11714) are right.
    /// Always <see langword="true"/> for a strictly parsed code.
    /// </summary>
    public bool ChecksPass { get; }

    /// <summary>Registration authority code, position 1 (e.g. <c>9</c> market regulation, <c>5</c> civil affairs, <c>1</c> staffing office).</summary>
    public char RegistrationAuthorityCode => Value[0];

    /// <summary>Category code within the authority, position 2 (e.g. <c>1</c> enterprise under authority <c>9</c>).</summary>
    public char CategoryCode => Value[1];

    /// <summary>What the first two characters say the holder is.</summary>
    public RegistrationCategory Category => RegistrationCategories.Of(Value[0], Value[1]);

    /// <summary>The 6-digit administrative division code (GB/T 2260), positions 3–8.</summary>
    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>The embedded GB 11714 organisation code, positions 9–17 (its check character last).</summary>
    public string OrganizationCode => Value.Substring(8, 9);

    /// <summary>Reads a code strictly: both check characters must be right.</summary>
    /// <exception cref="FormatException">The text is not a valid code; the message says why without repeating the text (a mistyped field may hold personal data).</exception>
    public static UnifiedSocialCreditCode Parse(string? text) => Parse(text, UsccParseMode.Strict);

    /// <summary>Reads a code in the given mode.</summary>
    /// <exception cref="FormatException">The text is not a valid code; the message says why without repeating the text (a mistyped field may hold personal data).</exception>
    public static UnifiedSocialCreditCode Parse(string? text, UsccParseMode mode) =>
        TryParse(text, mode, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Tries to read a code strictly.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UnifiedSocialCreditCode code) =>
        TryParse(text, UsccParseMode.Strict, out code, out _);

    /// <summary>Tries to read a code in the given mode; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        UsccParseMode mode,
        out UnifiedSocialCreditCode code,
        [NotNullWhen(false)] out string? error) =>
        TryParseIn(text, mode, out code, out error, zh: false);

    /// <summary>Tries to read a code in the given mode; <paramref name="error"/> in Chinese when <paramref name="zh"/>.</summary>
    internal static bool TryParseIn(
        [NotNullWhen(true)] string? text,
        UsccParseMode mode,
        out UnifiedSocialCreditCode code,
        [NotNullWhen(false)] out string? error,
        bool zh)
    {
        code = default;
        error = Check(text, mode, out var checksPass, zh);
        if (error is not null)
        {
            return false;
        }

        code = new UnifiedSocialCreditCode(text!, checksPass);
        return true;
    }

    /// <summary>Computes the check character (position 18) of the first 17 characters.</summary>
    /// <exception cref="ArgumentException">The text is not 17 characters of <see cref="Alphabet"/>.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Expected the first 17 characters of a unified social credit code.", nameof(first17));
        }

        for (var i = 0; i < first17.Length; i++)
        {
            if (ValueOf(first17[i]) < 0)
            {
                throw new ArgumentException($"Character {i + 1} '{first17[i]}' is not allowed in a unified social credit code.", nameof(first17));
            }
        }

        return CheckCharacter(first17);
    }

    /// <summary>The check character of 17 characters already known to be in the alphabet.</summary>
    private static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            sum += ValueOf(first17[i]) * CodeWeights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static int ValueOf(char c) => c < 128 ? Values[c] : -1;

    private static sbyte[] BuildValues()
    {
        var values = new sbyte[128];
        Array.Fill(values, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            values[Alphabet[i]] = (sbyte)i;
        }

        return values;
    }

    /// <summary>Computes the GB 11714 check character (position 9 of the organisation code) of its first 8 characters.</summary>
    /// <exception cref="ArgumentException">The text is not 8 digits or capital letters.</exception>
    public static char ComputeOrganizationCheckCharacter(string first8)
    {
        ArgumentNullException.ThrowIfNull(first8);
        if (first8.Length != 8)
        {
            throw new ArgumentException("Expected the first 8 characters of an organisation code.", nameof(first8));
        }

        foreach (var c in first8)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z')))
            {
                throw new ArgumentException($"Character '{c}' is not allowed in an organisation code.", nameof(first8));
            }
        }

        return OrganizationCheckCharacter(first8);
    }

    /// <summary>The GB 11714 check character of 8 digits or capital letters.</summary>
    private static char OrganizationCheckCharacter(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * OrganizationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var r => (char)('0' + r),
        };
    }

    private static string? Check(string? text, UsccParseMode mode, out bool checksPass, bool zh)
    {
        checksPass = false;
        if (string.IsNullOrEmpty(text))
        {
            return Messages.Get(zh, "uscc.required");
        }

        if (text.Length != Length)
        {
            return Messages.Get(zh, "uscc.length", text.Length);
        }

        for (var i = 0; i < Length; i++)
        {
            if (ValueOf(text[i]) < 0)
            {
                return Messages.Get(zh, "uscc.character", i + 1, text[i]);
            }
        }

        if (text.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return Messages.Get(zh, "uscc.division");
        }

        var expected = CheckCharacter(text.AsSpan(0, 17));
        var organizationExpected = OrganizationCheckCharacter(text.AsSpan(8, 8));
        checksPass = expected == text[17] && organizationExpected == text[16];
        if (checksPass || mode == UsccParseMode.Lenient)
        {
            return null;
        }

        return expected != text[17]
            ? Messages.Get(zh, "uscc.check", text[17], expected)
            : Messages.Get(zh, "uscc.organization-check", text[16], organizationExpected);
    }

    /// <inheritdoc />
    public bool Equals(UnifiedSocialCreditCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UnifiedSocialCreditCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The code itself (organisation codes are public).</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether two codes are the same.</summary>
    public static bool operator ==(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => left.Equals(right);

    /// <summary>Whether two codes differ.</summary>
    public static bool operator !=(UnifiedSocialCreditCode left, UnifiedSocialCreditCode right) => !left.Equals(right);
}
