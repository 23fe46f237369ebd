using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace CreditPolicy.Reports;

/// <summary>
/// The registry of credit service agencies filed (备案) with a People's Bank of China branch at
/// provincial-capital level or above (R3). Only their reports count as credit reports. Users maintain it
/// (<c>--agencies FILE</c>: a JSON array of <c>{ "name", "filingNumber" }</c>).
/// </summary>
/// <remarks>Looked up by filing number, compared exactly. Immutable and thread-safe.</remarks>
public sealed class FiledAgencyRegistry
{
    private readonly FrozenDictionary<string, CreditServiceAgency> _byFilingNumber;

    /// <summary>Creates a registry.</summary>
    /// <exception cref="ArgumentException">Two entries share a filing number.</exception>
    public FiledAgencyRegistry(IEnumerable<CreditServiceAgency> agencies)
    {
        Guard.Against.Null(agencies);
        var builder = ImmutableArray.CreateBuilder<CreditServiceAgency>();
        var map = new Dictionary<string, CreditServiceAgency>(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            Guard.Against.Null(agency);
            if (!map.TryAdd(agency.FilingNumber, agency))
            {
                throw new ArgumentException(Subjects.PersonalIds.ForMessage($"Filing number '{agency.FilingNumber}' appears twice in the registry of filed agencies."), nameof(agencies));
            }

            builder.Add(agency);
        }

        Agencies = builder.ToImmutable();
        _byFilingNumber = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An empty registry: no filed agency's report counts (the Credit Reference Center's still do).</summary>
    public static FiledAgencyRegistry Empty { get; } = new([]);

    /// <summary>The filed agencies, in the order given.</summary>
    public ImmutableArray<CreditServiceAgency> Agencies { get; }

    /// <summary>Whether an agency with this filing number is filed.</summary>
    public bool IsFiled(string filingNumber) => filingNumber is not null && _byFilingNumber.ContainsKey(filingNumber);

    /// <summary>Finds the filed agency with this filing number.</summary>
    public bool TryFind(string filingNumber, [NotNullWhen(true)] out CreditServiceAgency? agency)
    {
        agency = null;
        return filingNumber is not null && _byFilingNumber.TryGetValue(filingNumber, out agency);
    }
}
