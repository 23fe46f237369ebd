using System.Text;

namespace CreditPolicy.Serialization;

/// <summary>
/// The JSON path of the value being read, kept as a stack of segments and formatted only when an error
/// needs it, so that reading valid input builds no path strings.
/// </summary>
internal sealed class JsonPathStack
{
    private readonly string?[] _names = new string?[16];
    private readonly int[] _indices = new int[16];
    private int _depth;

    internal void Push(string name)
    {
        _names[_depth] = name;
        _depth++;
    }

    internal void Push(int index)
    {
        _names[_depth] = null;
        _indices[_depth] = index;
        _depth++;
    }

    internal void Pop() => _depth--;

    internal void Clear() => _depth = 0;

    /// <summary>The path, with <paramref name="child"/> appended when given.</summary>
    internal string Format(string? child = null)
    {
        var text = new StringBuilder("$");
        for (var i = 0; i < _depth; i++)
        {
            _ = _names[i] is { } name ? text.Append('.').Append(name) : text.Append('[').Append(_indices[i]).Append(']');
        }

        if (child is not null)
        {
            text.Append('.').Append(child);
        }

        return text.ToString();
    }
}
