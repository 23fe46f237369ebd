using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using NodaTime;

namespace CreditPolicy.Records;

/// <summary>
/// The publicity policy a rule set follows: dated <see cref="PublicityRegime"/>s, of which the one in force
/// on the evaluation day decides when negative information stops being published, and so stops being a
/// bad credit record (R2; contract v2, "Publicity end").
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PublicityPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="id">The policy's id.</param>
    /// <param name="regimes">Its regimes, in any order; no two may start on the same day or share an id.</param>
    /// <exception cref="ArgumentException">A value is missing, or two regimes share a first day or an id.</exception>
    public PublicityPolicy(string id, IEnumerable<PublicityRegime> regimes)
    {
        Id = Guard.Against.NullOrWhiteSpace(id);
        Guard.Against.Null(regimes);
        Regimes = [.. regimes.OrderBy(r => r.EffectiveFrom)];
        for (var i = 1; i < Regimes.Length; i++)
        {
            if (Regimes[i].EffectiveFrom == Regimes[i - 1].EffectiveFrom)
            {
                throw new ArgumentException($"Regimes {Regimes[i - 1].Id} and {Regimes[i].Id} both take effect on {IsoDate.Format(Regimes[i].EffectiveFrom)}.", nameof(regimes));
            }
        }

        if (Regimes.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != Regimes.Length)
        {
            throw new ArgumentException("Two regimes share an id.", nameof(regimes));
        }
    }

    /// <summary>A policy with no regime: no negative information ends before its <c>publicUntil</c> (contract v1).</summary>
    public static PublicityPolicy None { get; } = new("none", []);

    /// <summary>The policy's id.</summary>
    public string Id { get; }

    /// <summary>Its regimes, oldest first.</summary>
    public ImmutableArray<PublicityRegime> Regimes { get; }

    /// <summary>The regime in force on <paramref name="day"/>: the last one that took effect on or before it; <see langword="null"/> before the first.</summary>
    public PublicityRegime? RegimeOn(LocalDate day)
    {
        PublicityRegime? current = null;
        foreach (var regime in Regimes)
        {
            if (regime.EffectiveFrom > day)
            {
                break;
            }

            current = regime;
        }

        return current;
    }

    /// <summary>What the regime in force on <paramref name="day"/> means for records, ready for the evaluation's hot loop.</summary>
    internal PublicityCutoffs CutoffsOn(LocalDate day) => new(day, RegimeOn(day));

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Regimes.Length} regimes)";
}
