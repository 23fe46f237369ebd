using System.Collections.Immutable;
using CreditPolicy.Serialization;
using NodaTime;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>A reload that failed: the last good rule set stayed in force.</summary>
/// <param name="At">When the reload was tried.</param>
/// <param name="Source">The file that could not be loaded (full path).</param>
/// <param name="Problems">Every problem found, located (<c>FILE:LINE: rule 'NAME': PATH: MESSAGE</c>).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CreditPolicyReloadFailure(Instant At, string Source, ImmutableArray<InputError> Problems)
{
    /// <summary>For a rule set that was read but takes effect later (R9): the day it takes effect, when it will be loaded.</summary>
    internal LocalDate? PendingFrom { get; init; }
}
