using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Serialization;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace CreditPolicy.Rules;

/// <summary>
/// Reads a rule file strictly and eagerly: every field checked by name (RulesEngine itself drops unknown
/// fields silently), every expression parsed with RulesEngine's parser and checked against the fact
/// vocabulary, every problem collected with its line and rule. RulesEngine features CreditPolicy does not
/// support are rejected by name.
/// </summary>
internal sealed partial class RuleFileReader
{
    private static readonly Fields TopFields = new(
        ["$schema", "WorkflowName", "RuleSet", "Rules", "GlobalParams", "RuleExpressionType", "Cases"],
        ["WorkflowsToInject", "WorkflowRulesToInject"]);

    private static readonly Fields HeaderFields = new(["id", "version", "source", "issuer", "titleZh", "titleEn", "effectiveFrom", "filedAgencies", "publicityPolicy", "clauses", "note", "level", "penaltySeverity"], []);

    private static readonly Fields ClauseFields = new(["id", "source", "textZh", "textEn", "kind"], []);

    /// <summary>The longest clause id a rule set may declare.</summary>
    internal const int MaxDeclaredClauseLength = 40;

    private static readonly Fields RuleFields = new(
        ["RuleName", "Expression", "Enabled", "Properties", "RuleExpressionType", "Operator", "Rules", "LocalParams"],
        ["ErrorMessage", "SuccessEvent", "Actions", "WorkflowsToInject"]);

    private static readonly Fields PropertyFields = new(["code", "kind", "clause", "titleZh", "titleEn", "evidence", "revokes", "note"], []);

    private static readonly Fields ScopedParamFields = new(["Name", "Expression"], []);

    private static readonly Fields CaseFields = new(["name", "note", "asOf", "profile", "filedAgencies", "mustReceive", "mustNotReceive", "revokedConveniences"], []);

    private static readonly Dictionary<string, string> ContractCodes = new(StringComparer.Ordinal)
    {
        ["incentive.integrity-publicity"] = "R6.1",
        ["incentive.green-channel"] = "R6.2",
        ["incentive.acceptance-with-missing-materials"] = "R6.2",
        ["incentive.priority-support"] = "R6.2",
        ["penalty.dishonesty-publicity"] = "R7.1",
        ["penalty.key-review"] = "R7.2",
        ["penalty.revoke-conveniences"] = "R7.3",
    };

    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    /// <summary>Words of RulesEngine's expression language (System.Linq.Dynamic.Core) that a parameter may not shadow.</summary>
    private static readonly HashSet<string> ExpressionKeywords = new(
        ["true", "false", "null", "new", "iif", "it", "parent", "root", "np", "as", "is", "in", "and", "or", "not", "mod", "facts",
         "string", "int", "long", "double", "decimal", "bool", "object", "DateTime", "Math", "Convert", "StringComparison"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The fields of every kind of object in a rule file, each named as schemas/rule-file.schema.json names
    /// its definition (<c>workflow</c> for the file itself), so that a test can hold schema and reader together.
    /// </summary>
    internal static IReadOnlyList<(string Name, Fields Fields)> ObjectFields =>
    [
        ("workflow", TopFields), ("ruleSet", HeaderFields), ("clauseDeclaration", ClauseFields), ("rule", RuleFields), ("measure", PropertyFields), ("param", ScopedParamFields), ("case", CaseFields),
        ("publicityPolicy", PolicyFields), ("regime", RegimeFields), ("maxima", InformationFields), ("classMaxima", ClassFields),
        ("penaltySeverity", PenaltySeverityFields), ("fineThreshold", FineThresholdFields),
    ];

    /// <summary>The contract's measure codes and the clause each must cite (for the schema test).</summary>
    internal static IReadOnlyDictionary<string, string> ContractMeasureCodes => ContractCodes;

    /// <summary>The operators that combine nested rules (for the schema test).</summary>
    internal static IReadOnlyList<string> RuleOperators => Operators;

    /// <summary>What a measure code looks like (for the schema test).</summary>
    internal static Regex MeasureCodePattern => CodePattern();

    /// <summary>What a parameter's name looks like (for the schema test).</summary>
    internal static Regex ParameterNamePattern => IdentifierPattern();

    /// <summary>The evaluator keeps one bit per enabled rule in a 64-bit word.</summary>
    internal const int MaxEnabledRules = 64;

    private readonly byte[] _bytes;
    private readonly string _file;
    private readonly RuleFileLimits _limits;
    private int _rules;
    private long _expressionChars;
    private readonly ElementReader _in;

    /// <summary>Problems in the example cases, kept apart: cases never block evaluation (contract v2); <c>validate</c> and <c>test</c> report them.</summary>
    private readonly ElementReader _caseIn;

    /// <summary>Codes of rules that failed to load, so that cases citing them are not reported again.</summary>
    private readonly HashSet<string> _failedCodes = new(StringComparer.Ordinal);
    private readonly RuleExpressionParser _parser = new(new ReSettings { CustomTypes = [typeof(SubjectFacts)] });
    private readonly ParameterExpression _facts = Expression.Parameter(typeof(SubjectFacts), "facts");
    private readonly HashSet<string> _ruleNames = new(StringComparer.Ordinal);

    /// <summary>The clause ids the header declares, which rules may cite besides the policy's.</summary>
    private readonly Dictionary<string, ClauseDeclaration> _declaredClauses = new(StringComparer.Ordinal);

    private readonly System.Globalization.CultureInfo? _culture;

    /// <summary>The header's id, given to every measure read (its <see cref="MeasureDefinition.RuleSetId"/>).</summary>
    private string _ruleSetId = string.Empty;

    internal RuleFileReader(byte[] bytes, string file, RuleFileLimits? limits = null, System.Globalization.CultureInfo? culture = null)
    {
        _culture = culture;
        var zh = Messages.IsChinese(culture);
        _bytes = bytes.AsSpan().StartsWith(Utf8Input.Bom) ? bytes[Utf8Input.Bom.Length..] : bytes; // a byte-order mark is accepted everywhere (contract v2)
        _file = file;
        _limits = limits ?? RuleFileLimits.Default;
        _in = new ElementReader(file, zh);
        _caseIn = new ElementReader(file, zh);
    }


    /// <summary>Whether messages are in Chinese.</summary>
    private bool Zh => _in.Chinese;

    internal ReadResult<RuleSet> Read()
    {
        using var document = _in.Open(_bytes);
        _caseIn.Lines = _in.Lines;
        return document is null ? Fail() : ReadWorkflow(document.Root);
    }

    private ReadResult<RuleSet> ReadWorkflow(JsonElement root)
    {
        if (_in.ObjectFields(root, "$", TopFields, null) is not { } top)
        {
            return Fail();
        }

        _in.OptionalString(top, "$schema", "$", null); // for editors (schemas/rule-file.schema.json); only its type is checked
        _in.RequireString(top, "WorkflowName", "$", null);
        CheckExpressionType(top, "$", null);
        var header = top.TryGetValue("RuleSet", out var headerElement) ? ReadHeader(headerElement) : _in.Missing<RuleSetHeader>("$", "RuleSet", null);
        _ruleSetId = header?.Id ?? string.Empty;

        var globals = new List<(ParameterExpression Variable, Expression Value)>();
        long globalChars = 0;
        if (top.TryGetValue("GlobalParams", out var globalsElement))
        {
            ReadScopedParams(globalsElement, "$.GlobalParams", [_facts], globals, null);
            (globalChars, _expressionChars) = (_expressionChars, _expressionChars > _limits.MaxTotalExpressionLength ? _expressionChars : 0);
        }

        var measures = ImmutableArray.CreateBuilder<MeasureDefinition>();
        var compiled = ImmutableArray.CreateBuilder<CompiledMeasure>();
        if (!top.TryGetValue("Rules", out var rules))
        {
            _in.Missing<object>("$", "Rules", null);
        }
        else if (_in.Elements(rules, "$.Rules", null) is { } ruleList)
        {
            if (ruleList.Count == 0)
            {
                _in.Error("$.Rules", null, Messages.Get(Zh, "rules.no-rules"));
            }

            for (var i = 0; i < ruleList.Count; i++)
            {
                ReadMeasure(ruleList[i], $"$.Rules[{i}]", globals, measures, compiled);
            }
        }

        // Every enabled rule compiles the GlobalParams again: bound what the compiler is given in all.
        var total = _expressionChars + (globalChars * Math.Max(1, compiled.Count));
        var reported = _expressionChars > _limits.MaxTotalExpressionLength || globalChars > _limits.MaxTotalExpressionLength;
        if (total > _limits.MaxTotalExpressionLength && !reported)
        {
            _in.Error(globals.Count > 0 ? "$.GlobalParams" : "$.Rules", null, Messages.Get(Zh, "rules.too-many-characters", total, compiled.Count, _limits.MaxTotalExpressionLength));
        }

        if (compiled.Count > MaxEnabledRules)
        {
            _in.Error("$.Rules", null, Messages.Get(Zh, "rules.too-many-enabled", MaxEnabledRules, compiled.Count));
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < measures.Count; i++)
        {
            if (!codes.Add(measures[i].Code))
            {
                _in.Error($"$.Rules[{i}].Properties.code", measures[i].RuleName, Messages.Get(Zh, "rules.code-twice", measures[i].Code));
            }
        }

        var cases = ImmutableArray<RuleCase>.Empty;
        if (top.TryGetValue("Cases", out var casesElement) && header is not null)
        {
            cases = ReadCases(casesElement, header, measures.ToImmutable());
        }

        if (_in.Errors.Count > 0 || header is null)
        {
            return Fail();
        }

        var sha = Convert.ToHexString(SHA256.HashData(_bytes)).ToLowerInvariant();
        var globalParams = globalsElement.ValueKind == JsonValueKind.Array
            ? globalsElement.EnumerateArray()
                .Where(g => g.ValueKind == JsonValueKind.Object && g.TryGetProperty("Name", out var n) && n.ValueKind == JsonValueKind.String && g.TryGetProperty("Expression", out var e) && e.ValueKind == JsonValueKind.String)
                .Select(g => (g.GetProperty("Name").GetString()!, g.GetProperty("Expression").GetString()!))
                .ToImmutableArray()
            : [];
        return new ReadResult<RuleSet>(new RuleSet(header, sha, measures.ToImmutable(), compiled.ToImmutable(), cases, _caseIn.Sorted(), globalParams)
        {
            FileName = _file,
            HeaderLine = _in.Lines?.LineOf("$.RuleSet") ?? 1,
        }, []);
    }

    /// <summary>The rules' problems and, for <c>validate</c>, the cases' (those not caused by a rule that failed).</summary>
    private ReadResult<RuleSet> Fail() => new(null, [.. _in.Errors.Concat(_caseIn.Errors).OrderBy(e => e.Line)]);

    /// <summary>
    /// Whether <paramref name="pattern"/> (written as the JSON Schema writes it, <c>^…$</c>) matches the whole of
    /// <paramref name="value"/>: in .NET, <c>$</c> also matches before a final line feed, which JSON Schema's does not.
    /// </summary>
    private static bool Whole(Regex pattern, string value) => pattern.IsMatch(value) && !value.EndsWith('\n');

    /// <summary><paramref name="value"/> cut to 60 characters for a message (a hostile file may hold thousands).</summary>
    private static string Shortened(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 60), "…");

    /// <summary>Ids that read as the policy's own (R6.0, R7.4, R6.1.1, C8, TP…): a rule set may not declare them.</summary>
    [GeneratedRegex("^([RC][0-9]|T[PD]$)")]
    private static partial Regex PolicyLikeClausePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    /// <summary>What a declared clause id looks like (for the schema test).</summary>
    internal static Regex DeclaredClauseIdPattern => DeclaredClausePattern();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*([.-][A-Za-z0-9]+)*$")]
    private static partial Regex DeclaredClausePattern();

    [GeneratedRegex("^(incentive|penalty)\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
