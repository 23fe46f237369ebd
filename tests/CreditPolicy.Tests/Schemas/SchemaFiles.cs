using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditPolicy.Tests.Rules;
using Json.Schema;

namespace CreditPolicy.Tests.Schemas;

/// <summary>
/// The JSON Schemas of schemas/ (contract v2, "JSON Schemas"), read from the repository and built once with
/// JsonSchema.Net into a registry of their own, so that the rule-file schema's relative references
/// (<c>profile.schema.json</c>, <c>agencies.schema.json</c>) resolve through the schemas' <c>$id</c>s.
/// </summary>
internal static class SchemaFiles
{
    internal const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";
    internal const string IdBase = "https://creditpolicy.example/schemas/";
    internal const string Profile = "profile.schema.json";
    internal const string Agencies = "agencies.schema.json";
    internal const string RuleFile = "rule-file.schema.json";

    /// <summary>Referenced schemas first: a schema's references are resolved when it is built.</summary>
    internal static readonly string[] Names = [Profile, Agencies, RuleFile];

    /// <summary>How the readers parse rule, agency and policy files (LocatedDocument): comments and trailing commas allowed.</summary>
    internal static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Every failing assertion, for messages.</summary>
    private static readonly EvaluationOptions Detailed = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Only the verdict, which stops at the first failure: several times faster, for the many instances that pass.</summary>
    private static readonly EvaluationOptions VerdictOnly = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private static readonly Lazy<Dictionary<string, JsonSchema>> Built = new(Build);

    internal static string RepositoryPath(params string[] parts) => Path.Combine([ShippedRuleSetTests.RepositoryRoot(), .. parts]);

    internal static string Text(string name) => File.ReadAllText(RepositoryPath("schemas", name));

    /// <summary>A schema file as plain JSON, to read its properties and enumerations.</summary>
    internal static JsonElement Document(string name) => JsonDocument.Parse(Text(name)).RootElement;

    /// <summary>A built schema: a file's, or one of its definitions (<c>rule-file.schema.json#/$defs/publicityPolicy</c>).</summary>
    internal static JsonSchema Get(string name) => Built.Value[name];

    /// <summary>The verdict of <paramref name="schema"/> on <paramref name="instance"/>, with every failing assertion when it fails.</summary>
    internal static EvaluationResults Evaluate(string schema, JsonElement instance)
    {
        var verdict = Get(schema).Evaluate(instance, VerdictOnly);
        return verdict.IsValid ? verdict : Get(schema).Evaluate(instance, Detailed);
    }

    internal static EvaluationResults Evaluate(string schema, string json) => Evaluate(schema, JsonDocument.Parse(json, Lenient).RootElement);

    internal static EvaluationResults Evaluate(string schema, JsonNode node) => Evaluate(schema, node.ToJsonString());

    /// <summary>The contract's spellings of an enumeration, in the reader's order.</summary>
    internal static string[] Spellings<T>(CreditPolicy.Serialization.EnumSpelling<T> spelling)
        where T : struct, Enum => [.. spelling.Values.Select(spelling.Name)];

    /// <summary>Every failing assertion of a result, one a line: where in the instance, which keyword, what.</summary>
    internal static string Describe(EvaluationResults results) =>
        string.Join(
            "\n",
            (results.Details ?? []).Prepend(results)
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}")));

    /// <summary>The locations in the instance of every failing assertion.</summary>
    internal static IEnumerable<string> FailingLocations(EvaluationResults results) =>
        (results.Details ?? []).Prepend(results).Where(d => d.Errors is { Count: > 0 }).Select(d => d.InstanceLocation.ToString());

    private static Dictionary<string, JsonSchema> Build()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            schemas[name] = JsonSchema.FromText(Text(name), options);
        }

        // Definitions validated on their own, built here once (building registers into the registry, which is not for concurrent use).
        foreach (var (file, definition) in new[] { (RuleFile, "publicityPolicy"), (Profile, "record"), (Profile, "subject") })
        {
            var reference = $"{IdBase}{file}#/$defs/{definition}";
            schemas[$"{file}#/$defs/{definition}"] = JsonSchema.FromText($$"""{ "$schema": "{{Draft202012}}", "$ref": "{{reference}}" }""", options);
        }

        return schemas;
    }
}
