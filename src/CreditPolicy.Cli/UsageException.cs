using System;

namespace CreditPolicy.Cli;

/// <summary>A mistake in how the tool was called or what it was given: one line on stderr, never a stack trace.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exit code: 2 for usage and input errors (the contract), 1 for invalid rule files where the contract says so.</summary>
    public int ExitCode { get; init; } = 2;
}
