using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CreditPolicy.Profiles;

namespace CreditPolicy.Serialization;

/// <summary>The outcome of reading one profile: the profile, or every problem found in it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ProfileReadResult
{
    internal ProfileReadResult(CreditProfile? profile, ImmutableArray<InputError> errors)
    {
        Profile = profile;
        Errors = errors;
    }

    /// <summary>The profile, when the input was valid.</summary>
    public CreditProfile? Profile { get; }

    /// <summary>Every problem found, in input order; empty when the input was valid.</summary>
    public ImmutableArray<InputError> Errors { get; }

    /// <summary>Whether the input was a valid profile.</summary>
    [MemberNotNullWhen(true, nameof(Profile))]
    public bool Succeeded => Profile is not null;
}
