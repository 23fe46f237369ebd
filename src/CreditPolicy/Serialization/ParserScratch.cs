using System;
using System.Collections.Generic;
using CreditPolicy.Commitments;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;

namespace CreditPolicy.Serialization;

/// <summary>Per-thread working space of the profile reader, reused so that reading a valid profile allocates only the profile.</summary>
internal sealed class ParserScratch
{
    [ThreadStatic]
    private static ParserScratch? t_current;

    internal JsonPathStack Path { get; } = new();

    internal List<(string Id, long Offset)> Ids { get; } = [];

    internal List<CreditRecord> Records { get; } = [];

    internal List<CreditReport> Reports { get; } = [];

    internal List<CreditCommitment> Commitments { get; } = [];

    internal List<Convenience> Conveniences { get; } = [];

    internal List<string> Strings { get; } = [];

    /// <summary>This thread's scratch, emptied.</summary>
    internal static ParserScratch Rent()
    {
        var scratch = t_current ??= new ParserScratch();
        scratch.Path.Clear();
        scratch.Ids.Clear();
        scratch.Records.Clear();
        scratch.Reports.Clear();
        scratch.Commitments.Clear();
        scratch.Conveniences.Clear();
        scratch.Strings.Clear();
        return scratch;
    }
}
