using System;
using System.Collections.Generic;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace CreditPolicy.Measures;

/// <summary>
/// A citation id of a clause of the policy (docs/policy): R1–R10 with R6.1–R6.3 and R7.1–R7.3, C1–C7 with
/// C2.1–C2.3, and the templates TP and TD. Ordered as the policy is: R before C before templates, then by
/// number (R6.2 before R6.3 before R7.1). A rule set may also declare clause ids of its own (a national rule
/// set cites its document's paragraphs: <see cref="ClauseDeclaration"/>); those come after the policy's, in
/// ordinal order.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct ClauseId : IEquatable<ClauseId>, IComparable<ClauseId>
{
    private static readonly string[] Known =
    [
        "R1", "R2", "R3", "R4", "R5", "R6", "R6.1", "R6.2", "R6.3", "R7", "R7.1", "R7.2", "R7.3", "R8", "R9", "R10",
        "C1", "C2", "C2.1", "C2.2", "C2.3", "C3", "C4", "C5", "C6", "C7", "TP", "TD",
    ];

    private static readonly FrozenDictionary<string, int> Order = Known.Select((id, i) => (id, i)).ToFrozenDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

    private readonly string? _value;

    private ClauseId(string value) => _value = value;

    /// <summary>Every clause id of the policy, in the policy's order.</summary>
    public static IReadOnlyList<string> All => Known;

    /// <summary>Whether this is a clause of the county policy (docs/policy), not one a rule set declared.</summary>
    public bool IsPolicyClause => _value is not null && Order.ContainsKey(_value);

    /// <summary>Whether this is an incentive clause (R6.1–R6.3), where incentive rules may cite it.</summary>
    public bool IsIncentiveClause => _value is "R6.1" or "R6.2" or "R6.3";

    /// <summary>Whether this is a disciplinary clause (R7.1–R7.3), where penalty rules may cite it.</summary>
    public bool IsPenaltyClause => _value is "R7.1" or "R7.2" or "R7.3";

    /// <summary>Reads a clause id.</summary>
    /// <exception cref="FormatException">Not a clause id of the policy.</exception>
    public static ClauseId Parse(string? text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a clause id of the policy; expected one of {string.Join(", ", Known)}.");

    /// <summary>Tries to read a clause id.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ClauseId id)
    {
        var known = text is not null && Order.ContainsKey(text);
        id = known ? new ClauseId(text!) : default;
        return known;
    }

    /// <summary>A clause id a rule set declares (checked by the rule file's reader): not one of the policy's.</summary>
    internal static ClauseId Declared(string id) => new(id);

    /// <inheritdoc />
    public int CompareTo(ClauseId other)
    {
        var byRank = Rank(this).CompareTo(Rank(other));
        return byRank != 0 || Order.ContainsKey(_value ?? string.Empty) ? byRank : string.CompareOrdinal(_value, other._value);
    }

    /// <summary>The policy's order; a declared id after every policy id (then ordinal).</summary>
    private static int Rank(ClauseId id) => id._value is null ? -1 : Order.TryGetValue(id._value, out var rank) ? rank : int.MaxValue;

    /// <inheritdoc />
    public bool Equals(ClauseId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ClauseId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The id as the policy writes it, e.g. <c>R7.3</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Whether two ids are the same.</summary>
    public static bool operator ==(ClauseId left, ClauseId right) => left.Equals(right);

    /// <summary>Whether two ids differ.</summary>
    public static bool operator !=(ClauseId left, ClauseId right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> comes first in the policy.</summary>
    public static bool operator <(ClauseId left, ClauseId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes later in the policy.</summary>
    public static bool operator >(ClauseId left, ClauseId right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes first or is the same.</summary>
    public static bool operator <=(ClauseId left, ClauseId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes later or is the same.</summary>
    public static bool operator >=(ClauseId left, ClauseId right) => left.CompareTo(right) >= 0;
}
