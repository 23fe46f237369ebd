using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using System;
using CreditPolicy.Facts;
using CreditPolicy.Measures;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;
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
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Fields TopFields = new(
        ["WorkflowName", "RuleSet", "Rules", "GlobalParams", "RuleExpressionType", "Cases"],
        ["WorkflowsToInject", "WorkflowRulesToInject"]);

    private static readonly Fields HeaderFields = new(["id", "version", "source", "issuer", "titleZh", "titleEn", "effectiveFrom", "filedAgencies", "publicityPolicy", "note"], []);

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

    /// <summary>The evaluator keeps one bit per enabled rule in a 64-bit word.</summary>
    internal const int MaxEnabledRules = 64;

    private readonly byte[] _bytes;
    private readonly string _file;
    private readonly RuleFileLimits _limits;
    private int _rules;
    private long _expressionChars;
    private readonly List<RuleFileError> _errors = [];
    private readonly RuleExpressionParser _parser = new(new ReSettings { CustomTypes = [typeof(SubjectFacts)] });
    private readonly ParameterExpression _facts = Expression.Parameter(typeof(SubjectFacts), "facts");
    private readonly HashSet<string> _ruleNames = new(StringComparer.Ordinal);
    private JsonLineMap? _lines;

    internal RuleFileReader(byte[] bytes, string file, RuleFileLimits? limits = null)
    {
        _bytes = bytes.AsSpan().StartsWith(Utf8Input.Bom) ? bytes[Utf8Input.Bom.Length..] : bytes; // a byte-order mark is accepted everywhere (contract v2)
        _file = file;
        _limits = limits ?? RuleFileLimits.Default;
    }


    internal RuleSetLoadResult Read()
    {
        if (Utf8Input.FirstInvalid(_bytes) is >= 0 and var invalid)
        {
            var line = 1 + _bytes.AsSpan(0, invalid).Count((byte)'\n');
            _errors.Add(new RuleFileError(_file, line, null, "The rule file is not valid UTF-8: it may be in GBK/GB18030 (read it with --encoding gb18030)."));
            return Fail();
        }

        if (Utf8Input.FirstLoneSurrogateEscape(_bytes) is >= 0 and var lone)
        {
            var line = 1 + _bytes.AsSpan(0, lone).Count((byte)'\n');
            _errors.Add(new RuleFileError(_file, line, null, "A string holds a lone surrogate escape (such as \\ud800), which is no Unicode text."));
            return Fail();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_bytes, DocumentOptions);
            _lines = new JsonLineMap(_bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            _errors.Add(new RuleFileError(_file, (int)(ex.LineNumber ?? 0) + 1, null, "Invalid JSON: " + (cut > 0 ? message[..cut] : message)));
            return Fail();
        }

        using (document)
        {
            return ReadWorkflow(document.RootElement);
        }
    }

    private RuleSetLoadResult ReadWorkflow(JsonElement root)
    {
        if (ObjectFields(root, "$", TopFields, null) is not { } top)
        {
            return Fail();
        }

        RequireString(top, "WorkflowName", "$", null);
        CheckExpressionType(top, "$", null);
        var header = top.TryGetValue("RuleSet", out var headerElement) ? ReadHeader(headerElement) : Missing<RuleSetHeader>("$", "RuleSet", null);

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
            Missing<object>("$", "Rules", null);
        }
        else if (Elements(rules, "$.Rules", null) is { } ruleList)
        {
            if (ruleList.Count == 0)
            {
                Error("$.Rules", null, "A rule set needs at least one rule.");
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
            Error(globals.Count > 0 ? "$.GlobalParams" : "$.Rules", null, $"The rules give the compiler {total:N0} characters of expressions (GlobalParams count once for each of the {compiled.Count} enabled rules), more than the limit of {_limits.MaxTotalExpressionLength:N0} (RuleFileLimits.MaxTotalExpressionLength).");
        }

        if (compiled.Count > MaxEnabledRules)
        {
            Error("$.Rules", null, $"A rule set has at most {MaxEnabledRules} enabled rules; this one has {compiled.Count}.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < measures.Count; i++)
        {
            if (!codes.Add(measures[i].Code))
            {
                Error($"$.Rules[{i}].Properties.code", measures[i].RuleName, $"Measure code '{measures[i].Code}' is already used by another rule.");
            }
        }

        var cases = ImmutableArray<RuleCase>.Empty;
        if (top.TryGetValue("Cases", out var casesElement) && header is not null)
        {
            cases = ReadCases(casesElement, header, measures.ToImmutable());
        }

        if (_errors.Count > 0 || header is null)
        {
            return Fail();
        }

        var sha = Convert.ToHexString(SHA256.HashData(_bytes)).ToLowerInvariant();
        return new RuleSetLoadResult(new RuleSet(header, sha, measures.ToImmutable(), compiled.ToImmutable(), cases), []);
    }

    private RuleSetHeader? ReadHeader(JsonElement element)
    {
        const string path = "$.RuleSet";
        if (ObjectFields(element, path, HeaderFields, null) is not { } fields)
        {
            return null;
        }

        var id = RequireString(fields, "id", path, null);
        var version = RequireString(fields, "version", path, null);
        var source = RequireString(fields, "source", path, null);
        var issuer = RequireString(fields, "issuer", path, null);
        var effective = fields.TryGetValue("effectiveFrom", out var date) ? ReadDate(date, path + ".effectiveFrom", null) : Missing<LocalDate?>(path, "effectiveFrom", null);
        var agencies = fields.TryGetValue("filedAgencies", out var list) ? ReadAgencies(list, path + ".filedAgencies") : FiledAgencyRegistry.Empty;
        var publicity = fields.TryGetValue("publicityPolicy", out var policy) ? ReadHeaderPublicityPolicy(policy, path + ".publicityPolicy") : NationalPublicity.Policy;
        OptionalString(fields, "note", path, null);
        if (id is null || version is null || source is null || issuer is null || effective is not { } from || agencies is null || publicity is null)
        {
            return null;
        }

        return new RuleSetHeader(id, version, source, issuer, OptionalString(fields, "titleZh", path, null), OptionalString(fields, "titleEn", path, null), from, agencies, publicity);
    }

    private FiledAgencyRegistry? ReadAgencies(JsonElement element, string path) =>
        AgencyRegistryJson.Read(element, path, (at, message) => Error(at, null, message));

    private void ReadMeasure(
        JsonElement element,
        string path,
        List<(ParameterExpression Variable, Expression Value)> globals,
        ImmutableArray<MeasureDefinition>.Builder measures,
        ImmutableArray<CompiledMeasure>.Builder compiled)
    {
        var ruleName = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("RuleName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var errorsBefore = _errors.Count;
        var body = ReadRuleBody(element, path, [_facts, .. globals.Select(g => g.Variable)], ruleName, nested: false, out var fields);
        if (fields is null)
        {
            return;
        }

        var enabled = ReadEnabled(fields, path, ruleName);
        var definition = fields.TryGetValue("Properties", out var properties)
            ? ReadProperties(properties, path + ".Properties", ruleName ?? "?", enabled, OptionalString(fields, "Expression", path, ruleName))
            : Missing<MeasureDefinition>(path, "Properties", ruleName);
        if (definition is null || body is null || _errors.Count > errorsBefore)
        {
            return;
        }

        measures.Add(definition);
        if (enabled)
        {
            Expression full = globals.Count == 0
                ? body
                : Expression.Block(globals.Select(g => g.Variable), globals.Select(g => (Expression)Expression.Assign(g.Variable, g.Value)).Append(body));
            compiled.Add(new CompiledMeasure(definition, Expression.Lambda<Func<SubjectFacts, bool>>(full, _facts)));
        }
    }

    /// <summary>The boolean expression of a rule (its <c>Expression</c>, or its nested <c>Rules</c> combined by <c>Operator</c>), with its <c>LocalParams</c>.</summary>
    private Expression? ReadRuleBody(JsonElement element, string path, List<ParameterExpression> visible, string? ruleName, bool nested, out Dictionary<string, JsonElement>? fields, int depth = 1)
    {
        fields = null;
        if (++_rules > _limits.MaxRules)
        {
            if (_rules == _limits.MaxRules + 1)
            {
                Error(path, ruleName, $"The file has more than {_limits.MaxRules:N0} rules, nested rules included (RuleFileLimits.MaxRules); the rest is not read.");
            }

            return null;
        }

        if (depth > _limits.MaxRuleDepth)
        {
            Error(path, ruleName, $"Rules are nested more than {_limits.MaxRuleDepth} deep (RuleFileLimits.MaxRuleDepth).");
            return null;
        }

        fields = ObjectFields(element, path, RuleFields, ruleName);
        if (fields is null)
        {
            return null;
        }

        var name = RequireString(fields, "RuleName", path, ruleName);
        if (name is not null && !_ruleNames.Add(name))
        {
            Error(path + ".RuleName", name, "Another rule has the same RuleName.");
        }

        if (nested && fields.ContainsKey("Properties"))
        {
            Error(path + ".Properties", ruleName, "Only top-level rules define measures; a nested rule's Properties would be ignored.");
        }

        CheckExpressionType(fields, path, ruleName);
        var locals = new List<(ParameterExpression Variable, Expression Value)>();
        if (fields.TryGetValue("LocalParams", out var localParams))
        {
            ReadScopedParams(localParams, path + ".LocalParams", visible, locals, ruleName);
        }

        List<ParameterExpression> scope = [.. visible, .. locals.Select(l => l.Variable)];
        var expression = OptionalString(fields, "Expression", path, ruleName);
        var op = OptionalString(fields, "Operator", path, ruleName);
        Expression? body;
        if (op is not null || fields.ContainsKey("Rules"))
        {
            body = ReadNested(fields, path, scope, ruleName, op, expression, depth);
        }
        else if (expression is null)
        {
            body = Missing<Expression>(path, "Expression", ruleName);
        }
        else
        {
            body = ParseChecked(expression, scope, typeof(bool), path + ".Expression", ruleName);
        }

        if (body is null || locals.Count == 0)
        {
            return body;
        }

        return Expression.Block(locals.Select(l => l.Variable), locals.Select(l => (Expression)Expression.Assign(l.Variable, l.Value)).Append(body));
    }

    private Expression? ReadNested(Dictionary<string, JsonElement> fields, string path, List<ParameterExpression> scope, string? ruleName, string? op, string? expression, int depth)
    {
        if (op is null || Array.IndexOf(Operators, op) < 0)
        {
            Error(path + ".Operator", ruleName, $"A rule with nested Rules needs an Operator, one of {string.Join(", ", Operators)}.");
            return null;
        }

        if (expression is not null)
        {
            Error(path + ".Expression", ruleName, "RulesEngine ignores Expression when Operator and Rules are given; remove one of them.");
        }

        if (!fields.TryGetValue("Rules", out var children))
        {
            return Missing<Expression>(path, "Rules", ruleName);
        }

        if (Elements(children, path + ".Rules", ruleName) is not { } list)
        {
            return null;
        }

        var parts = new List<Expression>();
        for (var i = 0; i < list.Count; i++)
        {
            var childPath = $"{path}.Rules[{i}]";
            var childName = list[i].ValueKind == JsonValueKind.Object && list[i].TryGetProperty("RuleName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : ruleName;
            var child = ReadRuleBody(list[i], childPath, scope, childName, nested: true, out var childFields, depth + 1);
            if (child is not null && childFields is not null && ReadEnabled(childFields, childPath, childName))
            {
                parts.Add(child);
            }
        }

        // As RulesEngine does: no enabled child means the rule does not apply.
        var and = op.StartsWith("And", StringComparison.Ordinal);
        return parts.Count == 0
            ? Expression.Constant(false)
            : parts.Aggregate((left, right) => and ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
    }

    private void ReadScopedParams(JsonElement element, string path, List<ParameterExpression> visible, List<(ParameterExpression, Expression)> into, string? ruleName)
    {
        if (Elements(element, path, ruleName) is not { } items)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (ObjectFields(items[i], itemPath, ScopedParamFields, ruleName) is not { } fields
                || RequireString(fields, "Name", itemPath, ruleName) is not { } name
                || RequireString(fields, "Expression", itemPath, ruleName) is not { } text)
            {
                continue;
            }

            if (!IdentifierPattern().IsMatch(name))
            {
                Error(itemPath + ".Name", ruleName, $"'{name}' is not a valid parameter name (a letter, then letters, digits or _).");
                continue;
            }

            if (ExpressionKeywords.Contains(name))
            {
                Error(itemPath + ".Name", ruleName, $"'{name}' is a word of the expression language; a parameter of that name would change what expressions mean.");
                continue;
            }

            List<ParameterExpression> scope = [.. visible, .. into.Select(p => p.Item1)];
            if (scope.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                Error(itemPath + ".Name", ruleName, $"A parameter named '{name}' is already visible here.");
                continue;
            }

            if (ParseChecked(text, scope, null, itemPath + ".Expression", ruleName) is { } value)
            {
                into.Add((Expression.Variable(value.Type, name), value));
            }
        }
    }

    private Expression? ParseChecked(string text, List<ParameterExpression> scope, Type? returnType, string path, string? ruleName)
    {
        // Limits first: the expression parser and compiler recurse, and a stack overflow cannot be caught.
        if (text.Length > _limits.MaxExpressionLength)
        {
            Error(path, ruleName, $"The expression has {text.Length:N0} characters, more than the limit of {_limits.MaxExpressionLength:N0} (RuleFileLimits.MaxExpressionLength).");
            return null;
        }

        if (RuleFileLimits.NestingDepth(text) is var depth && depth > _limits.MaxExpressionDepth)
        {
            Error(path, ruleName, $"The expression nests parentheses {depth} deep, more than the limit of {_limits.MaxExpressionDepth} (RuleFileLimits.MaxExpressionDepth).");
            return null;
        }

        _expressionChars += text.Length;
        if (_expressionChars > _limits.MaxTotalExpressionLength)
        {
            if (_expressionChars - text.Length <= _limits.MaxTotalExpressionLength)
            {
                Error(path, ruleName, $"The file's expressions pass {_limits.MaxTotalExpressionLength:N0} characters here (RuleFileLimits.MaxTotalExpressionLength); the rest are not compiled.");
            }

            return null;
        }

        Expression parsed;
        try
        {
            parsed = _parser.Parse(text, [.. scope], returnType);
        }
        catch (Exception ex) when (ex is System.Linq.Dynamic.Core.Exceptions.ParseException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            Error(path, ruleName, $"The expression does not compile: {ex.Message}");
            return null;
        }

        if (ExpressionGuard.Check(parsed, scope) is { } problem)
        {
            Error(path, ruleName, problem);
            return null;
        }

        return CheckedArithmetic.Rewrite(parsed);
    }

    private MeasureDefinition? ReadProperties(JsonElement element, string path, string ruleName, bool enabled, string? expression)
    {
        if (ObjectFields(element, path, PropertyFields, ruleName) is not { } fields)
        {
            return null;
        }

        var code = RequireString(fields, "code", path, ruleName);
        var kind = fields.TryGetValue("kind", out var k) ? ReadEnum(k, path + ".kind", ContractNames.MeasureKinds, ruleName) : Missing<MeasureKind?>(path, "kind", ruleName);
        var clauseText = RequireString(fields, "clause", path, ruleName);
        var titleZh = RequireString(fields, "titleZh", path, ruleName);
        var titleEn = RequireString(fields, "titleEn", path, ruleName);
        var evidence = fields.TryGetValue("evidence", out var e) ? ReadEnumArray(e, path + ".evidence", ContractNames.EvidenceSets, ruleName) : [];
        var revokes = fields.TryGetValue("revokes", out var r) ? ReadEnumArray(r, path + ".revokes", ContractNames.Conveniences, ruleName) : [];
        OptionalString(fields, "note", path, ruleName);

        ClauseId clause = default;
        if (clauseText is not null && !ClauseId.TryParse(clauseText, out clause))
        {
            Error(path + ".clause", ruleName, $"'{clauseText}' is not a clause id of the policy; measures cite R6.1, R6.2, R6.3, R7.1, R7.2 or R7.3.");
            return null;
        }

        if (code is null || kind is not { } measureKind || clauseText is null || titleZh is null || titleEn is null || evidence is not { } evidenceSets || revokes is not { } revoked)
        {
            return null;
        }

        var kindName = ContractNames.MeasureKinds.Name(measureKind);
        var ok = true;
        if (!CodePattern().IsMatch(code) || !code.StartsWith(kindName + ".", StringComparison.Ordinal))
        {
            ok = Error(path + ".code", ruleName, $"Measure code '{code}' must be '{kindName}.' followed by lowercase words joined by '-'.");
        }

        if (measureKind == MeasureKind.Incentive ? !clause.IsIncentiveClause : !clause.IsPenaltyClause)
        {
            ok = Error(path + ".clause", ruleName, measureKind == MeasureKind.Incentive
                ? $"An incentive cites R6.1, R6.2 or R6.3, not {clause}."
                : $"A penalty cites R7.1, R7.2 or R7.3, not {clause}.");
        }

        if (ContractCodes.TryGetValue(code, out var contractClause) && contractClause != clauseText)
        {
            ok = Error(path + ".clause", ruleName, $"'{code}' is the contract's {contractClause} measure; cite {contractClause}, or give a measure of your own a code of its own.");
        }

        if (!revoked.IsEmpty && measureKind != MeasureKind.Penalty)
        {
            ok = Error(path + ".revokes", ruleName, "Only a penalty can cancel conveniences (R7.3).");
        }

        if (code == "penalty.revoke-conveniences" && revoked.IsEmpty)
        {
            ok = Error(path, ruleName, "penalty.revoke-conveniences must list in 'revokes' the conveniences it cancels (R7.3).");
        }

        return ok ? new MeasureDefinition(ruleName, enabled, expression, code, measureKind, clause, titleZh, titleEn, evidenceSets, revoked) : null;
    }

    private ImmutableArray<RuleCase> ReadCases(JsonElement element, RuleSetHeader header, ImmutableArray<MeasureDefinition> measures)
    {
        if (Elements(element, "$.Cases", null) is not { } items)
        {
            return [];
        }

        var cases = ImmutableArray.CreateBuilder<RuleCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.Cases[{i}]";
            if (ObjectFields(items[i], path, CaseFields, null) is not { } fields)
            {
                continue;
            }

            var errorsBefore = _errors.Count;
            var name = RequireString(fields, "name", path, null);
            if (name is not null && !names.Add(name))
            {
                Error(path + ".name", null, $"Another case is named '{name}'.");
            }

            OptionalString(fields, "note", path, null);
            var asOf = fields.TryGetValue("asOf", out var date) ? ReadDate(date, path + ".asOf", null) : Missing<LocalDate?>(path, "asOf", null);
            if (asOf < header.EffectiveFrom)
            {
                Error(path + ".asOf", null, $"The rule set takes effect on {IsoDate.Format(header.EffectiveFrom)}; a case cannot be evaluated before that.");
            }

            var profile = fields.TryGetValue("profile", out var p) ? ReadCaseProfile(p, path + ".profile") : Missing<CreditProfile>(path, "profile", null);
            var agencies = fields.TryGetValue("filedAgencies", out var a) ? ReadAgencies(a, path + ".filedAgencies") : null;
            var must = ReadCodes(fields, "mustReceive", path, measures, enabledOnly: true);
            var mustNot = ReadCodes(fields, "mustNotReceive", path, measures, enabledOnly: false);
            var revoked = fields.TryGetValue("revokedConveniences", out var rc) ? ReadEnumArray(rc, path + ".revokedConveniences", ContractNames.Conveniences, null) : null;
            foreach (var code in must.Intersect(mustNot, StringComparer.Ordinal))
            {
                Error(path + ".mustNotReceive", null, $"'{code}' is both in mustReceive and in mustNotReceive.");
            }

            if (!fields.ContainsKey("mustReceive") && !fields.ContainsKey("mustNotReceive") && !fields.ContainsKey("revokedConveniences"))
            {
                Error(path, null, "A case must expect something: mustReceive, mustNotReceive or revokedConveniences.");
            }

            if (_errors.Count == errorsBefore && name is not null && asOf is { } day && profile is not null)
            {
                cases.Add(new RuleCase(name, _lines!.LineOf(path), day, profile, agencies, must, mustNot, revoked));
            }
        }

        return cases.ToImmutable();
    }

    private CreditProfile? ReadCaseProfile(JsonElement element, string path)
    {
        var line = _lines!.LineOf(path);
        var result = ProfileJson.Read(element.GetRawText(), new ProfileReadOptions { FirstLineNumber = line, AllowComments = true });
        foreach (var error in result.Errors)
        {
            _errors.Add(new RuleFileError(_file, error.Line, null, $"{path}{error.Path[1..]}: {error.Message}"));
        }

        return result.Profile;
    }

    private ImmutableArray<string> ReadCodes(Dictionary<string, JsonElement> fields, string name, string path, ImmutableArray<MeasureDefinition> measures, bool enabledOnly)
    {
        if (!fields.TryGetValue(name, out var element) || Elements(element, $"{path}.{name}", null) is not { } items)
        {
            return [];
        }

        var codes = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.{name}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                Error(itemPath, null, "Expected a measure code.");
                continue;
            }

            var code = items[i].GetString()!;
            var measure = measures.FirstOrDefault(m => m.Code == code);
            if (measure is null)
            {
                Error(itemPath, null, $"'{code}' is not a measure code of this rule set.");
            }
            else if (enabledOnly && !measure.Enabled)
            {
                Error(itemPath, null, $"'{code}' is disabled, so no case can receive it.");
            }
            else
            {
                codes.Add(code);
            }
        }

        return codes.ToImmutable();
    }

    private bool ReadEnabled(Dictionary<string, JsonElement> fields, string path, string? ruleName)
    {
        if (!fields.TryGetValue("Enabled", out var element))
        {
            return true;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }

        Error(path + ".Enabled", ruleName, "Enabled must be true or false.");
        return false;
    }

    private void CheckExpressionType(Dictionary<string, JsonElement> fields, string path, string? ruleName)
    {
        if (OptionalString(fields, "RuleExpressionType", path, ruleName) is { } type && type != "LambdaExpression")
        {
            Error(path + ".RuleExpressionType", ruleName, $"Only LambdaExpression is supported, not '{type}'.");
        }
    }

    private Dictionary<string, JsonElement>? ObjectFields(JsonElement element, string path, Fields spec, string? ruleName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, ruleName, "Expected an object.");
            return null;
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (spec.Rejected.Contains(property.Name))
            {
                Error(at, ruleName, $"RulesEngine's '{property.Name}' is not supported by CreditPolicy; remove it (decisions carry their reasons from Properties).");
            }
            else if (!spec.Known.Contains(property.Name))
            {
                Error(at, ruleName, $"Unknown field '{property.Name}'{spec.Suggest(property.Name)}; it would be silently ignored.");
            }
            else if (!fields.TryAdd(property.Name, property.Value))
            {
                Error(at, ruleName, $"Field '{property.Name}' is given twice.");
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                fields.Remove(property.Name);
            }
        }

        return fields;
    }

    private List<JsonElement>? Elements(JsonElement element, string path, string? ruleName)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(path, ruleName, "Expected an array.");
            return null;
        }

        return [.. element.EnumerateArray()];
    }

    private string? RequireString(Dictionary<string, JsonElement> fields, string name, string path, string? ruleName) =>
        fields.ContainsKey(name) ? OptionalString(fields, name, path, ruleName) : Missing<string>(path, name, ruleName);

    private string? OptionalString(Dictionary<string, JsonElement> fields, string name, string path, string? ruleName)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            Error($"{path}.{name}", ruleName, $"'{name}' must be a non-empty string.");
            return null;
        }

        return element.GetString();
    }

    private LocalDate? ReadDate(JsonElement element, string path, string? ruleName)
    {
        if (element.ValueKind == JsonValueKind.String
            && IsoDateReader.TryRead(Encoding.UTF8.GetBytes(element.GetString()!), out var date) == IsoDateReader.Outcome.Valid)
        {
            return date;
        }

        Error(path, ruleName, "Expected a real date, YYYY-MM-DD.");
        return null;
    }

    private T? ReadEnum<T>(JsonElement element, string path, EnumSpelling<T> spelling, string? ruleName)
        where T : struct, Enum
    {
        if (element.ValueKind == JsonValueKind.String && spelling.TryParse(element.GetString(), out var value))
        {
            return value;
        }

        Error(path, ruleName, $"Unknown value {element.GetRawText()}; expected one of: {spelling.Expected}.");
        return null;
    }

    private ImmutableArray<T>? ReadEnumArray<T>(JsonElement element, string path, EnumSpelling<T> spelling, string? ruleName)
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
                ok = Error($"{path}[{i}]", ruleName, $"'{spelling.Name(value)}' is listed twice.");
            }
            else
            {
                values.Add(value);
            }
        }

        return ok ? values.ToImmutable() : null;
    }

    private T? Missing<T>(string path, string name, string? ruleName)
    {
        Error(path, ruleName, $"Missing required field '{name}'.");
        return default;
    }

    private bool Error(string path, string? ruleName, string message)
    {
        // Messages may quote the file: never a value shaped like a resident identity number (R8), never a raw control character.
        _errors.Add(new RuleFileError(_file, _lines?.LineOf(path) ?? 1, ruleName is null ? null : PersonalIds.ForMessage(ruleName), PersonalIds.ForMessage(message)));
        return false;
    }

    private RuleSetLoadResult Fail() => new(null, [.. _errors.OrderBy(e => e.Line)]);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^(incentive|penalty)\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
