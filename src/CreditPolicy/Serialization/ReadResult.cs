using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace CreditPolicy.Serialization;

/// <summary>
/// The outcome of reading an input — a profile, a rule file, a registry of filed agencies: the value, or
/// every problem found in it. Every reader of the library returns this one shape.
/// </summary>
/// <typeparam name="T">What is read.</typeparam>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReadResult<T>
    where T : class
{
    internal ReadResult(T? value, ImmutableArray<InputError> errors)
    {
        Value = errors.IsDefaultOrEmpty ? value : null;
        Errors = errors.IsDefault ? [] : errors;
    }

    /// <summary>What was read, when the input had no problem.</summary>
    public T? Value { get; }

    /// <summary>Every problem found, in input order; empty when the input was valid.</summary>
    public ImmutableArray<InputError> Errors { get; }

    /// <summary>Whether the input was read without a problem.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;
}
