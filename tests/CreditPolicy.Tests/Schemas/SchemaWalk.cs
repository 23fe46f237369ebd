using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CreditPolicy.Tests.Schemas;

/// <summary>Reading a schema file as plain JSON: its object definitions, their properties, their enumerations.</summary>
internal static class SchemaWalk
{
    /// <summary>The name the tests give a schema's root object.</summary>
    internal const string RootName = "(root)";

    /// <summary>The schema's objects: the root (as <see cref="RootName"/>) and each <c>$defs</c> entry that lists properties.</summary>
    internal static Dictionary<string, JsonElement> Objects(JsonElement schema)
    {
        var objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (schema.TryGetProperty("properties", out _))
        {
            objects[RootName] = schema;
        }

        if (schema.TryGetProperty("$defs", out var defs))
        {
            // A definition whose properties are all false (nestedRule's "Properties": false) constrains another; it is no object of its own.
            foreach (var definition in defs.EnumerateObject().Where(d => d.Value.ValueKind == JsonValueKind.Object
                && d.Value.TryGetProperty("properties", out var properties) && properties.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.False)))
            {
                objects[definition.Name] = definition.Value;
            }
        }

        return objects;
    }

    /// <summary>Every property of every object of <see cref="Objects"/>, with a path such as <c>record.severity</c>.</summary>
    internal static IEnumerable<(string Path, JsonElement Schema)> Properties(JsonElement schema) =>
        Objects(schema).SelectMany(o => o.Value.GetProperty("properties").EnumerateObject().Select(p => ($"{o.Key}.{p.Name}", p.Value)));

    /// <summary>The names of an object's properties that may be given (a <c>false</c> property schema forbids one).</summary>
    internal static string[] PropertyNames(JsonElement objectSchema) =>
        [.. objectSchema.GetProperty("properties").EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.False).Select(p => p.Name)];

    internal static string[] Required(JsonElement objectSchema) =>
        objectSchema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    /// <summary>The values of a definition's <c>enum</c>, in order.</summary>
    internal static string[] Enum(JsonElement schema, string definition) =>
        [.. schema.GetProperty("$defs").GetProperty(definition).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];

    /// <summary>Every string a schema names in an <c>enum</c> or a <c>const</c>, anywhere (conditions too), with where it does.</summary>
    internal static IEnumerable<(string Path, string Value)> EnumeratedStrings(JsonElement element, string path = "#")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{path}/{property.Name}";
                    if (property.Name is "enum" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var value in property.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String))
                        {
                            yield return (at, value.GetString()!);
                        }
                    }
                    else if (property.Name is "const" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return (at, property.Value.GetString()!);
                    }
                    else if (property.Name is not ("examples" or "description" or "title" or "$schema" or "$id" or "$ref" or "pattern"))
                    {
                        foreach (var found in EnumeratedStrings(property.Value, at))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in EnumeratedStrings(item, $"{path}/{i++}"))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>The <c>if</c>/<c>then</c> pairs of a definition's <c>allOf</c> that tie a measure code to its clause.</summary>
    internal static Dictionary<string, string> CodeClauses(JsonElement measure) =>
        measure.GetProperty("allOf").EnumerateArray()
            .Where(c => c.TryGetProperty("if", out var condition)
                && condition.TryGetProperty("properties", out var p) && p.TryGetProperty("code", out var code) && code.TryGetProperty("const", out _))
            .ToDictionary(
                c => c.GetProperty("if").GetProperty("properties").GetProperty("code").GetProperty("const").GetString()!,
                c => c.GetProperty("then").GetProperty("properties").GetProperty("clause").GetProperty("const").GetString()!,
                StringComparer.Ordinal);
}
