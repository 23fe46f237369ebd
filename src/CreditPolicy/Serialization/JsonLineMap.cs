using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CreditPolicy.Serialization;

/// <summary>
/// The line on which each value of a JSON document starts, by JSON path (<c>$.Rules[2].Expression</c>), so
/// that problems found while walking a <see cref="JsonDocument"/> can be located. For rule files, which are small.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    internal JsonLineMap(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        var path = new List<string>();
        var indices = new Stack<int>();
        var line = 1;
        long counted = 0;
        string? pendingName = null;
        while (reader.Read())
        {
            line += json[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
            counted = reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = "." + reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        indices.Pop();
                    }

                    continue;
            }

            var segment = pendingName ?? (indices.Count > 0 ? $"[{NextIndex(indices)}]" : "$");
            pendingName = null;
            var full = (path.Count > 0 ? path[^1] : string.Empty) + segment;
            _lines.TryAdd(full, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                path.Add(full);
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    indices.Push(-1);
                }
            }
        }
    }

    /// <summary>The line of the value at <paramref name="path"/>, or of its nearest ancestor that has one.</summary>
    internal int LineOf(string path)
    {
        while (true)
        {
            if (_lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return 1;
            }

            path = path[..cut];
        }
    }

    private static int NextIndex(Stack<int> indices)
    {
        var next = indices.Pop() + 1;
        indices.Push(next);
        return next;
    }
}
