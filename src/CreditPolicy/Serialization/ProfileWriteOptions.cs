using CreditPolicy.Subjects;

namespace CreditPolicy.Serialization;

/// <summary>How <see cref="ProfileJson"/> writes a profile.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ProfileWriteOptions
{
    /// <summary>The defaults: personal numbers masked, compact output.</summary>
    public static ProfileWriteOptions Default { get; } = new();

    /// <summary>
    /// Whether natural persons' identity numbers are written whole. Only for storing or exchanging
    /// profiles between trusted systems (R8 "according to the rules"); a masked profile cannot be read back.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: masked with <see cref="Mask"/>.</value>
    public bool RevealPersonalIdentifiers { get; init; }

    /// <summary>The mask for personal identity numbers.</summary>
    /// <value>The default value is <see cref="IdentityMask.Default"/>.</value>
    public IdentityMask Mask { get; init; } = IdentityMask.Default;

    /// <summary>Whether to indent the output.</summary>
    /// <value>The default value is <see langword="false"/> (one line, fit for JSON Lines).</value>
    public bool Indented { get; init; }
}
