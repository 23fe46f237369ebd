using System;
using System.Collections.Generic;
using CreditPolicy.Commitments;
using CreditPolicy.Records;
using CreditPolicy.Reports;

namespace CreditPolicy.Serialization;

/// <summary>Per-thread working space of the profile reader, reused so that reading a valid profile allocates only the profile.</summary>
internal sealed class ParserScratch
{
    [ThreadStatic]
    private static ParserScratch? t_current;

    internal JsonPathStack Path { get; } = new();

    internal Dictionary<string, long> Ids { get; } = new(StringComparer.Ordinal);

    internal List<CreditRecord> Records { get; } = [];

    internal List<CreditReport> Reports { get; } = [];

    internal List<CreditCommitment> Commitments { get; } = [];

    internal List<Convenience> Conveniences { get; } = [];

    internal List<string> Strings { get; } = [];

    /// <summary>This thread's scratch, emptied.</summary>
    internal static ParserScratch Rent()
    {
        var scratch = t_current ??= new ParserScratch();
        scratch.Clear();
        return scratch;
    }

    /// <summary>
    /// Lets go of everything the last read put here, so that no profile (and no personal identity number,
    /// R8) stays reachable from the thread after its read.
    /// </summary>
    internal void Clear()
    {
        Path.Clear();
        Ids.Clear();
        Records.Clear();
        Reports.Clear();
        Commitments.Clear();
        Conveniences.Clear();
        Strings.Clear();
    }
}
