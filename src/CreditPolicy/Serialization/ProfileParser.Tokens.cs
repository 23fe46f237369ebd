using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text;
using System;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

using static CreditPolicy.Serialization.ProfileParser;

namespace CreditPolicy.Serialization;

/// <summary>Reading tokens: fields by name, elements, strings, ids, enumerations, dates, required fields, and located errors.</summary>
internal ref partial struct ProfileParser<TTokens>
{
    /// <summary>Moves to the next property of the current object; pushes its name when it is one of <paramref name="fields"/>, skipping others.</summary>
    private bool NextField(FieldSet fields, ref int present, out int field)
    {
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            field = fields.Match(ref _reader, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)present)); // after the last field given
            var at = _reader.TokenStartIndex;
            _reader.Read();
            if (field < 0)
            {
                _reader.Skip();
                continue;
            }

            _path.Push(fields.Names[field]);
            if ((present & (1 << field)) != 0)
            {
                Error(at, null, ReadMessages.GivenTwice(_zh, fields.Names[field]));
            }

            if (_reader.TokenType != JsonTokenType.Null)
            {
                present |= 1 << field;
            }

            return true;
        }

        field = -1;
        return false;
    }

    /// <summary>
    /// Moves to element <paramref name="index"/> of the current array and pushes its index, reporting a
    /// <c>null</c> element; false at the end (or when the value is null or not an array).
    /// </summary>
    private bool NextElement(int index)
    {
        if (index == 0 && _reader.TokenType != JsonTokenType.StartArray)
        {
            if (_reader.TokenType != JsonTokenType.Null)
            {
                Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedArray(_zh));
                _reader.Skip();
            }

            return false;
        }

        if (!_reader.Read() || _reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        _path.Push(index);
        if (_reader.TokenType == JsonTokenType.Null)
        {
            // Contract v2: no array holds null (a dropped record would make a subject look clean).
            Error(_reader.TokenStartIndex, null, ReadMessages.NullElement(_zh));
        }

        return true;
    }

    private bool ExpectObject()
    {
        if (_reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (_reader.TokenType != JsonTokenType.Null)
        {
            Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedObject(_zh));
            _reader.Skip();
        }

        return false;
    }

    private string? ReadString()
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        if (_reader.TokenType != JsonTokenType.Null)
        {
            Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedString(_zh));
            _reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// A string that recurs across profiles (authority, window, matter, agency, department), through
    /// <see cref="StringCache"/>. Never for identity numbers or other personal data (R8): those are not kept
    /// beyond the profile that holds them.
    /// </summary>
    private string? ReadSharedString()
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            return _reader.GetSharedString();
        }

        return ReadString();
    }

    private string? ReadNonBlankString(bool shared = false)
    {
        var offset = _reader.TokenStartIndex;
        var text = shared ? ReadSharedString() : ReadString();
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error(offset, null, ReadMessages.Blank(_zh));
            return null;
        }

        return text;
    }

    private string? ReadId()
    {
        var offset = _reader.TokenStartIndex;
        var id = ReadNonBlankString();
        if (id is null)
        {
            return null;
        }

        if (!_ids.TryAdd(id, offset))
        {
            Error(offset, null, Messages.Get(_zh, "profile.duplicate-id", Shown(_zh, id), LineOf(_ids[id])));
            return null;
        }

        return id;
    }

    private ImmutableArray<string> ReadStringArray()
    {
        var items = _scratch.Strings;
        items.Clear();
        for (var i = 0; NextElement(i); i++)
        {
            if (ReadNonBlankString() is { } item)
            {
                items.Add(item);
            }

            _path.Pop();
        }

        return [.. items];
    }

    private T? ReadEnum<T>(EnumSpelling<T> spelling)
        where T : struct, Enum
    {
        if (_reader.TokenType == JsonTokenType.String && spelling.TryMatch(ref _reader, out var value))
        {
            return value;
        }

        UnknownValue(spelling.Expected);
        return null;
    }

    private CreditRating? ReadRating()
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            for (var i = 0; i < RatingNames.Length; i++)
            {
                if (_reader.ValueTextEquals(RatingNames[i]))
                {
                    return CreditRating.All[i];
                }
            }
        }

        UnknownValue("AAA, AA, A, BBB, BB, B, CCC, CC, C");
        return null;
    }

    private void UnknownValue(string expected)
    {
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        var offset = _reader.TokenStartIndex;
        if (_reader.TokenType == JsonTokenType.String)
        {
            Error(offset, null, ReadMessages.UnknownValue(_zh, _reader.GetString(), expected));
        }
        else
        {
            Error(offset, null, ReadMessages.ExpectedOneOf(_zh, expected));
            _reader.Skip();
        }
    }

    /// <summary>A <c>true</c> or <c>false</c>; <c>null</c> counts as absent (false); anything else is an error, read as false.</summary>
    private bool ReadBoolean()
    {
        switch (_reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return false;
            default:
                Error(_reader.TokenStartIndex, null, Messages.Get(_zh, "read.expected-boolean"));
                _reader.Skip();
                return false;
        }
    }

    private LocalDate? ReadDate()
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            if (_reader.TokenType != JsonTokenType.Null)
            {
                Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedDate(_zh));
                _reader.Skip();
            }

            return null;
        }

        var text = _reader.ValueIsEscaped || _reader.HasValueSequence
            ? Encoding.UTF8.GetBytes(_reader.GetString() ?? string.Empty)
            : _reader.ValueSpan;
        var outcome = IsoDateReader.TryRead(text, out var date);
        if (outcome == IsoDateReader.Outcome.Valid)
        {
            return date;
        }

        Error(_reader.TokenStartIndex, null, ReadMessages.BadDate(_zh, outcome, Encoding.UTF8.GetString(text)));
        return null;
    }

    private void RequireFields(FieldSet fields, int present, int required, long objectStart)
    {
        var missing = required & ~present;
        for (var i = 0; missing != 0; i++, missing >>= 1)
        {
            if ((missing & 1) != 0)
            {
                Error(objectStart, null, ReadMessages.Missing(_zh, fields.Names[i]));
            }
        }
    }

    /// <summary>Reports each problem at its field; true when there was any.</summary>
    private bool Report(FieldSet fields, scoped ReadOnlySpan<long> at, FieldProblem? problem) =>
        problem is { } one && Report(fields, at, new[] { one });

    private bool Report(FieldSet fields, scoped ReadOnlySpan<long> at, IReadOnlyList<FieldProblem> problems)
    {
        if (problems.Count == 0)
        {
            return false;
        }

        foreach (var problem in problems)
        {
            Error(at[fields.IndexOf(problem.Field)], problem.Field, problem.Message);
        }

        return true;
    }

    private static void AddIfNotNull<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }

    private void Error(long offset, string? child, string message)
    {
        AddError(new InputError(_path.Format(child), LineOf(offset), message));
    }

    /// <summary>
    /// The line of <paramref name="offset"/>, counting newlines on from the last offset asked for when it is
    /// not before it (errors come mostly in input order), so that many errors cost linear time.
    /// </summary>
    private int LineOf(long offset)
    {
        var at = (int)Math.Clamp(offset, 0, _input.Length);
        if (at < _lineCountedTo)
        {
            (_lineCountedTo, _newlinesBefore) = (0, 0);
        }

        _newlinesBefore += _input[_lineCountedTo..at].Count((byte)'\n');
        _lineCountedTo = at;
        return LineAfter(_newlinesBefore);
    }

    /// <summary>The line <paramref name="newlines"/> after the first, at most <see cref="int.MaxValue"/> (a caller may number the first line near it).</summary>
    private readonly int LineAfter(long newlines) => (int)Math.Min(_firstLine + newlines, int.MaxValue);

    private void AddError(InputError error)
    {
        if (Fast)
        {
            throw new FastPathDeclinedException(); // read again by the reference reader, which words and locates the problem
        }

        // Messages may quote rejected input: never a value shaped like a resident identity number (R8), never a raw control character.
        error = error with { Message = PersonalIds.ForMessage(error.Message) };
        _errors ??= [];
        if (_errors.Count >= _options.MaxErrors)
        {
            _errors.Add(new InputError(error.Path, error.Line, Messages.Get(_zh, "profile.too-many", _options.MaxErrors)));
            throw new TooManyErrors();
        }

        _errors.Add(error);
    }

    /// <summary>An id as an error message may repeat it: not when it has the shape of a resident identity number (contract v2, R8).</summary>
    private static string Shown(bool zh, string id) => ResidentIdentityNumber.HasShape(id) ? Messages.Get(zh, "profile.shaped-id") : ReadMessages.Truncate(id);

    /// <summary>Stops reading a profile that has already given <see cref="ProfileReadOptions.MaxErrors"/> problems.</summary>
    private sealed class TooManyErrors : Exception
    {
    }
}
