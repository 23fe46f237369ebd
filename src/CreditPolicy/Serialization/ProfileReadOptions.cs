using System.Globalization;
using CreditPolicy.Subjects;

namespace CreditPolicy.Serialization;

/// <summary>How <see cref="ProfileJson"/> reads a profile.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record ProfileReadOptions
{
    /// <summary>The defaults: strict identifiers, line numbers from 1.</summary>
    public static ProfileReadOptions Default { get; } = new();

    /// <summary>How unified social credit codes are checked.</summary>
    /// <value>The default value is <see cref="UsccParseMode.Strict"/>.</value>
    public UsccParseMode UsccMode { get; init; } = UsccParseMode.Strict;

    /// <summary>The line number of the document's first line, e.g. its line in a JSON Lines file.</summary>
    /// <value>The default value is 1.</value>
    public int FirstLineNumber { get; init; } = 1;

    /// <summary>The largest profile read, in bytes of UTF-8 (contract v2, "Limits"); a larger one is one located error.</summary>
    /// <value>The default value is 16,777,216 (16 MiB).</value>
    public int MaxProfileBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most problems reported for one profile; reading stops after them, with a last error saying so.</summary>
    /// <value>The default value is 100.</value>
    public int MaxErrors { get; init; } = 100;

    /// <summary>The language of the problems' messages: Chinese when its name starts with <c>zh</c> (e.g. <c>zh-CN</c>); <see langword="null"/> for English.</summary>
    /// <remarks>Field names, JSON paths, codes and values quoted from the input are the same in every language.</remarks>
    /// <value>The default value is <see langword="null"/> (English).</value>
    public CultureInfo? Culture { get; init; }

    /// <summary>Whether <c>//</c> and <c>/* */</c> comments are skipped (the example profiles of rule files); profiles themselves are plain JSON.</summary>
    internal bool AllowComments { get; init; }
}
