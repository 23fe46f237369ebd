using System;
using Ardalis.GuardClauses;

namespace CreditPolicy.Subjects;

/// <summary>
/// How a natural person's identity number is shown wherever it leaves the typed model (R8, C5): logs,
/// exception messages, <c>ToString()</c>, decisions and published output.
/// </summary>
/// <remarks>
/// An 18-character resident identity number keeps at most its 6-character address code in front and its
/// 4-character sequence and check at the end, so no mask can show the birth date (positions 7–14).
/// Numbers of other lengths (passports and other certificates, <see cref="IdentifierType.Other"/>) keep at
/// most a quarter of their characters at each end. Immutable and thread-safe.
/// </remarks>
public sealed class IdentityMask
{
    /// <summary>The default mask: address code and last four kept, <c>410425********1233</c>.</summary>
    public static IdentityMask Default { get; } = new(6, 4, '*');

    /// <summary>Creates a mask.</summary>
    /// <param name="keepLeading">Characters kept in front, 0–6.</param>
    /// <param name="keepTrailing">Characters kept at the end, 0–4.</param>
    /// <param name="maskCharacter">The character that replaces the others.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count would reveal part of the birth date.</exception>
    public IdentityMask(int keepLeading, int keepTrailing, char maskCharacter)
    {
        KeepLeading = Guard.Against.OutOfRange(keepLeading, nameof(keepLeading), 0, 6);
        KeepTrailing = Guard.Against.OutOfRange(keepTrailing, nameof(keepTrailing), 0, 4);
        MaskCharacter = maskCharacter;
    }

    /// <summary>Characters kept in front of an 18-character number.</summary>
    /// <value>The default value is 6 (the address code).</value>
    public int KeepLeading { get; }

    /// <summary>Characters kept at the end of an 18-character number.</summary>
    /// <value>The default value is 4 (sequence and check character).</value>
    public int KeepTrailing { get; }

    /// <summary>The character shown in place of the hidden ones.</summary>
    /// <value>The default value is <c>*</c>.</value>
    public char MaskCharacter { get; }

    /// <summary>Masks an identity number of any length.</summary>
    public string Apply(string identityNumber)
    {
        ArgumentNullException.ThrowIfNull(identityNumber);
        var length = identityNumber.Length;
        var lead = length == ResidentIdentityNumber.Length ? KeepLeading : Math.Min(KeepLeading, length / 4);
        var trail = length == ResidentIdentityNumber.Length ? KeepTrailing : Math.Min(KeepTrailing, length / 4);
        return string.Create(length, (identityNumber, lead, trail, MaskCharacter), static (span, s) =>
        {
            s.identityNumber.AsSpan().CopyTo(span);
            span[s.lead..(span.Length - s.trail)].Fill(s.MaskCharacter);
        });
    }
}
