using System.Collections.Immutable;
using CreditPolicy.Serialization;

namespace CreditPolicy.Streaming;

/// <summary>A profile of a stream that could not be read, with every problem found in it.</summary>
/// <param name="Line">The input line the profile starts on.</param>
/// <param name="Errors">The problems, each with its JSON path and line; never containing a personal number (R8).</param>
public sealed record RejectedProfile(int Line, ImmutableArray<InputError> Errors);
