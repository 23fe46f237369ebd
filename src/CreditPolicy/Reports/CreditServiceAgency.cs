using System;
using Ardalis.GuardClauses;

namespace CreditPolicy.Reports;

/// <summary>
/// A credit service agency (信用服务机构) and its filing (备案) number with the People's Bank of China (R3).
/// </summary>
/// <remarks>Immutable and thread-safe; equal when name and filing number are equal.</remarks>
public sealed record CreditServiceAgency
{
    /// <summary>Creates an agency.</summary>
    /// <exception cref="ArgumentException">Name or filing number is blank.</exception>
    public CreditServiceAgency(string name, string filingNumber)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        FilingNumber = Guard.Against.NullOrWhiteSpace(filingNumber);
    }

    /// <summary>Name of the agency.</summary>
    public string Name { get; }

    /// <summary>Its PBoC filing number, as the agency states it.</summary>
    public string FilingNumber { get; }
}
