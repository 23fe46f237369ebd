using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Serialization;

/// <summary>
/// The reader toolkit over a parsed document (<see cref="LocatedDocument"/>): objects whose fields are
/// checked by name (unknown ones with a suggestion, rejected ones named, none given twice), required and
/// optional strings, dates, enumerations and arrays; every problem collected as a located
/// <see cref="InputError"/> — file, line, rule, path — with the messages of <see cref="ReadMessages"/>.
/// Used by the rule-file and agency readers.
/// </summary>
internal sealed class ElementReader(string? file, bool zh = false)
{
    private readonly List<InputError> _errors = [];

    /// <summary>(object path, field) pairs for which a misspelling was reported with a suggestion: the field is not reported missing as well (one mistake, one message).</summary>
    private readonly HashSet<(string Path, string Field)> _suggested = [];

    /// <summary>Whether messages are in Chinese (resolved once, from the caller's culture).</summary>
    internal bool Chinese => zh;

    /// <summary>The problems found so far.</summary>
    internal IReadOnlyList<InputError> Errors => _errors;

    /// <summary>Where paths are mapped to lines; set once the document is parsed.</summary>
    internal JsonLineMap? Lines { get; set; }

    /// <summary>The problems, in line order, for a result.</summary>
    internal ImmutableArray<InputError> Sorted() => [.. _errors.OrderBy(e => e.Line)];

    /// <summary>Parses <paramref name="utf8"/> and keeps its line map; <see langword="null"/> (one problem added) when it cannot be parsed.</summary>
    internal LocatedDocument? Open(ReadOnlyMemory<byte> utf8)
    {
        var document = LocatedDocument.Open(utf8, file, _errors, zh);
        Lines = document?.Lines;
        return document;
    }

    /// <summary>Adds a problem already located elsewhere (e.g. by the profile reader).</summary>
    internal void Add(InputError error) => _errors.Add(error with { File = file });

    /// <summary>Adds a problem at <paramref name="path"/>; returns <see langword="false"/> for use in conditions.</summary>
    internal bool Error(string path, string? ruleName, string message)
    {
        // Messages may quote the input: never a value shaped like a resident identity number (R8), never a raw control character.
        // The path too: it names the input's fields, and an unknown field's name is input like any value.
        _errors.Add(new InputError(PersonalIds.ForMessage(path), Lines?.LineOf(path) ?? 1, PersonalIds.ForMessage(message))
        {
            File = file,
            RuleName = ruleName is null ? null : PersonalIds.ForMessage(ruleName),
        });
        return false;
    }

    /// <summary>Reports the missing field <paramref name="name"/> of the object at <paramref name="path"/>.</summary>
    internal T? Missing<T>(string path, string name, string? ruleName)
    {
        if (!_suggested.Contains((path, name)))
        {
            Error(path, ruleName, ReadMessages.Missing(zh, name));
        }

        return default;
    }

    /// <summary>The fields of an object by name, unknown, rejected and repeated ones reported; a null value counts as absent.</summary>
    internal Dictionary<string, JsonElement>? ObjectFields(JsonElement element, string path, Fields spec, string? ruleName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, ruleName, ReadMessages.ExpectedObject(zh));
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (spec.Rejected.Contains(property.Name))
            {
                Error(at, ruleName, Messages.Get(zh, "read.rejected-field", property.Name));
            }
            else if (!spec.Known.Contains(property.Name))
            {
                var suggestion = spec.Suggestion(property.Name);
                if (suggestion is not null)
                {
                    _suggested.Add((path, suggestion));
                }

                Error(at, ruleName, ReadMessages.UnknownField(zh, property.Name, suggestion));
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                Error(at, ruleName, ReadMessages.GivenTwice(zh, property.Name));
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                fields.Remove(property.Name);
            }
        }

        return fields;
    }

    /// <summary>The elements of an array.</summary>
    internal List<JsonElement>? Elements(JsonElement element, string path, string? ruleName)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, ruleName, ReadMessages.ExpectedArray(zh));
            return null;
        }

        return [.. element.EnumerateArray()];
    }

    /// <summary>A required non-empty string field.</summary>
    internal string? RequireString(Dictionary<string, JsonElement> fields, string name, string path, string? ruleName) =>
        fields.ContainsKey(name) ? OptionalString(fields, name, path, ruleName) : Missing<string>(path, name, ruleName);

    /// <summary>An optional string field, non-empty when given.</summary>
    internal string? OptionalString(Dictionary<string, JsonElement> fields, string name, string path, string? ruleName)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            Error($"{path}.{name}", ruleName, ReadMessages.NonEmptyString(zh, name));
            return null;
        }

        return element.GetString();
    }

    /// <summary>A date, <c>YYYY-MM-DD</c>, that exists in the calendar.</summary>
    internal LocalDate? ReadDate(JsonElement element, string path, string? ruleName)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Error(path, ruleName, ReadMessages.ExpectedDate(zh));
            return null;
        }

        var text = element.GetString()!;
        var outcome = IsoDateReader.TryRead(Encoding.UTF8.GetBytes(text), out var date);
        if (outcome == IsoDateReader.Outcome.Valid)
        {
            return date;
        }

        Error(path, ruleName, ReadMessages.BadDate(zh, outcome, text));
        return null;
    }

    /// <summary>A value of an enumeration, as the contract spells it.</summary>
    internal T? ReadEnum<T>(JsonElement element, string path, EnumSpelling<T> spelling, string? ruleName)
        where T : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String && spelling.TryParse(element.GetString(), out var value))
        {
            return value;
        }

        Error(path, ruleName, element.ValueKind == JsonValueKind.String
            ? ReadMessages.UnknownValue(zh, element.GetString(), spelling.Expected)
            : ReadMessages.ExpectedOneOf(zh, spelling.Expected));
        return null;
    }

    /// <summary>An array of distinct values of an enumeration.</summary>
    internal ImmutableArray<T>? ReadEnumArray<T>(JsonElement element, string path, EnumSpelling<T> spelling, string? ruleName)
        where T : struct, Enum
    {
        if (Elements(element, path, ruleName) is not { } items)
        {
            return null;
        }

        var values = ImmutableArray.CreateBuilder<T>();
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            if (ReadEnum(items[i], $"{path}[{i}]", spelling, ruleName) is not { } value)
            {
                ok = false;
            }
            else if (values.Contains(value))
            {
                ok = Error($"{path}[{i}]", ruleName, ReadMessages.ListedTwice(zh, spelling.Name(value)));
            }
            else
            {
                values.Add(value);
            }
        }

        return ok ? values.ToImmutable() : null;
    }
}
