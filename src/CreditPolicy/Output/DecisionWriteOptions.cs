using CreditPolicy.Subjects;

namespace CreditPolicy.Output;

/// <summary>How <see cref="DecisionJson"/> writes a decision.</summary>
/// <remarks>Immutable and thread-safe. There is deliberately no way to write a personal number whole (R8).</remarks>
public sealed record DecisionWriteOptions
{
    /// <summary>The defaults: default mask, compact output.</summary>
    public static DecisionWriteOptions Default { get; } = new();

    /// <summary>The mask for natural persons' identity numbers.</summary>
    /// <value>The default value is <see cref="IdentityMask.Default"/>.</value>
    public IdentityMask Mask { get; init; } = IdentityMask.Default;

    /// <summary>Whether to indent the output.</summary>
    /// <value>The default value is <see langword="false"/> (one line, fit for JSON Lines).</value>
    public bool Indented { get; init; }
}
