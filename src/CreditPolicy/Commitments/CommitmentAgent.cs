using System;
using Ardalis.GuardClauses;
using CreditPolicy.Subjects;

namespace CreditPolicy.Commitments;

/// <summary>
/// The authorised agent (委托代理人) who signs for a subject (TD). A person: the certificate number is
/// personal information, shown masked (R8, C5).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CommitmentAgent
{
    /// <summary>Creates an agent.</summary>
    /// <exception cref="ArgumentException">The name is blank.</exception>
    public CommitmentAgent(string name, SubjectIdentifier identifier)
    {
        Name = Guard.Against.NullOrWhiteSpace(name);
        Identifier = Guard.Against.Null(identifier).AsPersonal();
    }

    /// <summary>The agent's name.</summary>
    public string Name { get; }

    /// <summary>The agent's certificate, always treated as personal.</summary>
    public SubjectIdentifier Identifier { get; }

    /// <summary>Name and masked certificate number.</summary>
    public override string ToString() => PersonalIds.Mask($"{Name} ({Identifier})"); // a number in the name too (R8)
}
