using System;
using System.Diagnostics.CodeAnalysis;

namespace CreditPolicy.Subjects;

/// <summary>
/// A certificate type and number (证件类型, 证件号码; C3), validated by its type's check character.
/// </summary>
/// <remarks>
/// A resident identity number, and any number held by a natural person, is personal information
/// (R8, C5): <see cref="ToString()"/> and <see cref="Mask"/> mask it; only
/// <see cref="RevealUnmasked"/> gives it whole. Unified social credit codes are public and shown as they
/// are. Immutable and thread-safe.
/// </remarks>
public sealed class SubjectIdentifier : IEquatable<SubjectIdentifier>
{
    private readonly string _value;

    private SubjectIdentifier(IdentifierType type, string value, bool isPersonal, UnifiedSocialCreditCode? uscc, ResidentIdentityNumber? residentId)
    {
        Type = type;
        _value = value;
        IsPersonal = isPersonal;
        Uscc = uscc;
        ResidentId = residentId;
    }

    /// <summary>The certificate type.</summary>
    public IdentifierType Type { get; }

    /// <summary>Whether the number is personal information, shown only masked (R8, C5).</summary>
    public bool IsPersonal { get; }

    /// <summary>The parsed code when <see cref="Type"/> is <see cref="IdentifierType.Uscc"/>.</summary>
    public UnifiedSocialCreditCode? Uscc { get; }

    /// <summary>The parsed number when <see cref="Type"/> is <see cref="IdentifierType.ResidentId"/>.</summary>
    public ResidentIdentityNumber? ResidentId { get; }

    /// <summary>Reads an identifier strictly.</summary>
    /// <param name="type">The certificate type.</param>
    /// <param name="value">The certificate number.</param>
    /// <param name="heldByNaturalPerson">Whether a natural person holds it, which makes an <see cref="IdentifierType.Other"/> number personal.</param>
    /// <exception cref="FormatException">The number is not valid for its type; the message never contains a personal number.</exception>
    public static SubjectIdentifier Parse(IdentifierType type, string? value, bool heldByNaturalPerson = false) =>
        TryParse(type, value, heldByNaturalPerson, UsccParseMode.Strict, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Tries to read an identifier; on failure <paramref name="error"/> says why, never repeating a personal number.</summary>
    public static bool TryParse(
        IdentifierType type,
        string? value,
        bool heldByNaturalPerson,
        UsccParseMode usccMode,
        [NotNullWhen(true)] out SubjectIdentifier? identifier,
        [NotNullWhen(false)] out string? error) =>
        TryParseIn(type, value, heldByNaturalPerson, usccMode, out identifier, out error, zh: false);

    /// <summary>Tries to read an identifier; <paramref name="error"/> in Chinese when <paramref name="zh"/>.</summary>
    internal static bool TryParseIn(
        IdentifierType type,
        string? value,
        bool heldByNaturalPerson,
        UsccParseMode usccMode,
        [NotNullWhen(true)] out SubjectIdentifier? identifier,
        [NotNullWhen(false)] out string? error,
        bool zh)
    {
        identifier = null;
        switch (type)
        {
            case IdentifierType.Uscc:
                if (!UnifiedSocialCreditCode.TryParseIn(value, usccMode, out var code, out error, zh))
                {
                    return false;
                }

                identifier = new SubjectIdentifier(type, code.Value, heldByNaturalPerson, code, null);
                return true;
            case IdentifierType.ResidentId:
                if (!ResidentIdentityNumber.TryParseIn(value, out var number, out error, zh))
                {
                    return false;
                }

                identifier = new SubjectIdentifier(type, number.RevealUnmasked(), true, null, number);
                return true;
            case IdentifierType.Other:
                if (string.IsNullOrWhiteSpace(value))
                {
                    error = Messages.Get(zh, "id.other-required");
                    return false;
                }

                // A number that is a valid resident identity number is personal whatever its type says (contract v2).
                identifier = new SubjectIdentifier(type, value, heldByNaturalPerson || ResidentIdentityNumber.TryParse(value, out _), null, null);
                error = null;
                return true;
            default:
                error = Messages.Get(zh, "id.unknown-type", (int)type);
                return false;
        }
    }

    /// <summary>This identifier marked as personal information (a natural person's number, R8).</summary>
    internal SubjectIdentifier AsPersonal() => IsPersonal ? this : new SubjectIdentifier(Type, _value, true, Uscc, ResidentId);

    /// <summary>
    /// The number as it may be shown: masked with <paramref name="mask"/> (<see cref="IdentityMask.Default"/>
    /// when <see langword="null"/>) when personal, else whole. Masking has this one name throughout the
    /// library: <see cref="Mask"/> here and on <see cref="ResidentIdentityNumber"/>, <see cref="PersonalIds.Mask"/>
    /// for free text; <see cref="RevealUnmasked"/> is the only way to the whole number.
    /// </summary>
    public string Mask(IdentityMask? mask = null)
    {
        mask ??= IdentityMask.Default;
        // A number that is not personal as a whole may still hold a resident identity number: masked all the same (contract v2).
        return IsPersonal ? mask.Apply(_value) : PersonalIds.Mask(_value, mask);
    }

    /// <summary>
    /// The whole number. For a personal number (R8) call it only where the law needs the whole number,
    /// never for logs or publication.
    /// </summary>
    public string RevealUnmasked() => _value;

    /// <summary>The number as it may be shown, masked with <see cref="IdentityMask.Default"/> when personal.</summary>
    public override string ToString() => Mask();

    /// <inheritdoc />
    public bool Equals(SubjectIdentifier? other) =>
        other is not null && Type == other.Type && IsPersonal == other.IsPersonal && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SubjectIdentifier);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode(_value));
}
