using System;
using System.Text.Json;

namespace CreditPolicy.Serialization;

/// <summary>
/// The part of <see cref="Utf8JsonReader"/> the profile reader uses, so that it can run over either the
/// reference tokenizer (<see cref="ReferenceTokens"/>) or the strict fast one (<see cref="FastJsonTokens"/>)
/// with one copy of its logic. Members mean what <see cref="Utf8JsonReader"/>'s members of the same name mean.
/// </summary>
internal interface IJsonTokens
{
    JsonTokenType TokenType { get; }

    long TokenStartIndex { get; }

    ReadOnlySpan<byte> ValueSpan { get; }

    bool ValueIsEscaped { get; }

    bool HasValueSequence { get; }

    bool Read();

    void Skip();

    string? GetString();

    /// <summary>The current string token's text through <see cref="StringCache"/>: for strings that recur across profiles, never personal data.</summary>
    string GetSharedString();

    bool ValueTextEquals(ReadOnlySpan<byte> utf8Text);
}

/// <summary><see cref="Utf8JsonReader"/> itself: the reference every other tokenizer is held to, and the one that words syntax errors.</summary>
internal ref struct ReferenceTokens : IJsonTokens
{
    private Utf8JsonReader _reader;

    internal ReferenceTokens(ReadOnlySpan<byte> input, bool allowComments)
    {
        // Comments are not JSON, and skipping them costs the reader about a tenth of its time: only rule files' cases allow them.
        _reader = new Utf8JsonReader(input, new JsonReaderOptions { CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow });
    }

    public readonly JsonTokenType TokenType => _reader.TokenType;

    public readonly long TokenStartIndex => _reader.TokenStartIndex;

    public readonly ReadOnlySpan<byte> ValueSpan => _reader.ValueSpan;

    public readonly bool ValueIsEscaped => _reader.ValueIsEscaped;

    public readonly bool HasValueSequence => _reader.HasValueSequence;

    public bool Read() => _reader.Read();

    public void Skip() => _reader.Skip();

    public readonly string? GetString() => _reader.GetString();

    public readonly string GetSharedString() =>
        !_reader.ValueIsEscaped && !_reader.HasValueSequence ? StringCache.Get(_reader.ValueSpan) : _reader.GetString()!;

    public readonly bool ValueTextEquals(ReadOnlySpan<byte> utf8Text) => _reader.ValueTextEquals(utf8Text);
}
