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
    private readonly ElementReader _in;
    private readonly RuleExpressionParser _parser = new(new ReSettings { CustomTypes = [typeof(SubjectFacts)] });
    private readonly ParameterExpression _facts = Expression.Parameter(typeof(SubjectFacts), "facts");
    private readonly HashSet<string> _ruleNames = new(StringComparer.Ordinal);

    internal RuleFileReader(byte[] bytes, string file, RuleFileLimits? limits = null)
    {
        _bytes = bytes.AsSpan().StartsWith(Utf8Input.Bom) ? bytes[Utf8Input.Bom.Length..] : bytes; // a byte-order mark is accepted everywhere (contract v2)
        _file = file;
        _limits = limits ?? RuleFileLimits.Default;
        _in = new ElementReader(file);
    }


    internal ReadResult<RuleSet> Read()
    {
        using var document = _in.Open(_bytes);
        return document is null ? Fail() : ReadWorkflow(document.Root);
    }

    private ReadResult<RuleSet> ReadWorkflow(JsonElement root)
    {
        if (_in.ObjectFields(root, "$", TopFields, null) is not { } top)
        {
            return Fail();
        }

        _in.RequireString(top, "WorkflowName", "$", null);
        CheckExpressionType(top, "$", null);
        var header = top.TryGetValue("RuleSet", out var headerElement) ? ReadHeader(headerElement) : _in.Missing<RuleSetHeader>("$", "RuleSet", null);

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
                _in.Error("$.Rules", null, "A rule set needs at least one rule.");
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
            _in.Error(globals.Count > 0 ? "$.GlobalParams" : "$.Rules", null, $"The rules give the compiler {total:N0} characters of expressions (GlobalParams count once for each of the {compiled.Count} enabled rules), more than the limit of {_limits.MaxTotalExpressionLength:N0} (RuleFileLimits.MaxTotalExpressionLength).");
        }

        if (compiled.Count > MaxEnabledRules)
        {
            _in.Error("$.Rules", null, $"A rule set has at most {MaxEnabledRules} enabled rules; this one has {compiled.Count}.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < measures.Count; i++)
        {
            if (!codes.Add(measures[i].Code))
            {
                _in.Error($"$.Rules[{i}].Properties.code", measures[i].RuleName, $"Measure code '{measures[i].Code}' is already used by another rule.");
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
        return new ReadResult<RuleSet>(new RuleSet(header, sha, measures.ToImmutable(), compiled.ToImmutable(), cases), []);
    }

    private RuleSetHeader? ReadHeader(JsonElement element)
    {
        const string path = "$.RuleSet";
        if (_in.ObjectFields(element, path, HeaderFields, null) is not { } fields)
        {
            return null;
        }

        var id = _in.RequireString(fields, "id", path, null);
        var version = _in.RequireString(fields, "version", path, null);
        var source = _in.RequireString(fields, "source", path, null);
        var issuer = _in.RequireString(fields, "issuer", path, null);
        var effective = fields.TryGetValue("effectiveFrom", out var date) ? _in.ReadDate(date, path + ".effectiveFrom", null) : _in.Missing<LocalDate?>(path, "effectiveFrom", null);
        var agencies = fields.TryGetValue("filedAgencies", out var list) ? ReadAgencies(list, path + ".filedAgencies") : FiledAgencyRegistry.Empty;
        var publicity = fields.TryGetValue("publicityPolicy", out var policy) ? ReadHeaderPublicityPolicy(policy, path + ".publicityPolicy") : NationalPublicity.Policy;
        _in.OptionalString(fields, "note", path, null);
        if (id is null || version is null || source is null || issuer is null || effective is not { } from || agencies is null || publicity is null)
        {
            return null;
        }

        return new RuleSetHeader(id, version, source, issuer, _in.OptionalString(fields, "titleZh", path, null), _in.OptionalString(fields, "titleEn", path, null), from, agencies, publicity);
    }

    private FiledAgencyRegistry? ReadAgencies(JsonElement element, string path) =>
        AgencyRegistryJson.Read(element, path, _in);

    private void ReadMeasure(
        JsonElement element,
        string path,
        List<(ParameterExpression Variable, Expression Value)> globals,
        ImmutableArray<MeasureDefinition>.Builder measures,
        ImmutableArray<CompiledMeasure>.Builder compiled)
    {
        var ruleName = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("RuleName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var errorsBefore = _in.Errors.Count;
        var body = ReadRuleBody(element, path, [_facts, .. globals.Select(g => g.Variable)], ruleName, nested: false, out var fields);
        if (fields is null)
        {
            return;
        }

        var enabled = ReadEnabled(fields, path, ruleName);
        var definition = fields.TryGetValue("Properties", out var properties)
            ? ReadProperties(properties, path + ".Properties", ruleName ?? "?", enabled, _in.OptionalString(fields, "Expression", path, ruleName))
            : _in.Missing<MeasureDefinition>(path, "Properties", ruleName);
        if (definition is null || body is null || _in.Errors.Count > errorsBefore)
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
                _in.Error(path, ruleName, $"The file has more than {_limits.MaxRules:N0} rules, nested rules included (RuleFileLimits.MaxRules); the rest is not read.");
            }

            return null;
        }

        if (depth > _limits.MaxRuleDepth)
        {
            _in.Error(path, ruleName, $"Rules are nested more than {_limits.MaxRuleDepth} deep (RuleFileLimits.MaxRuleDepth).");
            return null;
        }

        fields = _in.ObjectFields(element, path, RuleFields, ruleName);
        if (fields is null)
        {
            return null;
        }

        var name = _in.RequireString(fields, "RuleName", path, ruleName);
        if (name is not null && !_ruleNames.Add(name))
        {
            _in.Error(path + ".RuleName", name, "Another rule has the same RuleName.");
        }

        if (nested && fields.ContainsKey("Properties"))
        {
            _in.Error(path + ".Properties", ruleName, "Only top-level rules define measures; a nested rule's Properties would be ignored.");
        }

        CheckExpressionType(fields, path, ruleName);
        var locals = new List<(ParameterExpression Variable, Expression Value)>();
        if (fields.TryGetValue("LocalParams", out var localParams))
        {
            ReadScopedParams(localParams, path + ".LocalParams", visible, locals, ruleName);
        }

        List<ParameterExpression> scope = [.. visible, .. locals.Select(l => l.Variable)];
        var expression = _in.OptionalString(fields, "Expression", path, ruleName);
        var op = _in.OptionalString(fields, "Operator", path, ruleName);
        Expression? body;
        if (op is not null || fields.ContainsKey("Rules"))
        {
            body = ReadNested(fields, path, scope, ruleName, op, expression, depth);
        }
        else if (expression is null)
        {
            body = _in.Missing<Expression>(path, "Expression", ruleName);
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
            _in.Error(path + ".Operator", ruleName, $"A rule with nested Rules needs an Operator, one of {string.Join(", ", Operators)}.");
            return null;
        }

        if (expression is not null)
        {
            _in.Error(path + ".Expression", ruleName, "RulesEngine ignores Expression when Operator and Rules are given; remove one of them.");
        }

        if (!fields.TryGetValue("Rules", out var children))
        {
            return _in.Missing<Expression>(path, "Rules", ruleName);
        }

        if (_in.Elements(children, path + ".Rules", ruleName) is not { } list)
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
        if (_in.Elements(element, path, ruleName) is not { } items)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (_in.ObjectFields(items[i], itemPath, ScopedParamFields, ruleName) is not { } fields
                || _in.RequireString(fields, "Name", itemPath, ruleName) is not { } name
                || _in.RequireString(fields, "Expression", itemPath, ruleName) is not { } text)
            {
                continue;
            }

            if (!IdentifierPattern().IsMatch(name))
            {
                _in.Error(itemPath + ".Name", ruleName, $"'{name}' is not a valid parameter name (a letter, then letters, digits or _).");
                continue;
            }

            if (ExpressionKeywords.Contains(name))
            {
                _in.Error(itemPath + ".Name", ruleName, $"'{name}' is a word of the expression language; a parameter of that name would change what expressions mean.");
                continue;
            }

            List<ParameterExpression> scope = [.. visible, .. into.Select(p => p.Item1)];
            if (scope.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                _in.Error(itemPath + ".Name", ruleName, $"A parameter named '{name}' is already visible here.");
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
            _in.Error(path, ruleName, $"The expression has {text.Length:N0} characters, more than the limit of {_limits.MaxExpressionLength:N0} (RuleFileLimits.MaxExpressionLength).");
            return null;
        }

        if (RuleFileLimits.NestingDepth(text) is var depth && depth > _limits.MaxExpressionDepth)
        {
            _in.Error(path, ruleName, $"The expression nests parentheses {depth} deep, more than the limit of {_limits.MaxExpressionDepth} (RuleFileLimits.MaxExpressionDepth).");
            return null;
        }

        _expressionChars += text.Length;
        if (_expressionChars > _limits.MaxTotalExpressionLength)
        {
            if (_expressionChars - text.Length <= _limits.MaxTotalExpressionLength)
            {
                _in.Error(path, ruleName, $"The file's expressions pass {_limits.MaxTotalExpressionLength:N0} characters here (RuleFileLimits.MaxTotalExpressionLength); the rest are not compiled.");
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
            _in.Error(path, ruleName, $"The expression does not compile: {ex.Message}");
            return null;
        }

        if (ExpressionGuard.Check(parsed, scope) is { } problem)
        {
            _in.Error(path, ruleName, problem);
            return null;
        }

        return CheckedArithmetic.Rewrite(parsed);
    }

    private MeasureDefinition? ReadProperties(JsonElement element, string path, string ruleName, bool enabled, string? expression)
    {
        if (_in.ObjectFields(element, path, PropertyFields, ruleName) is not { } fields)
        {
            return null;
        }

        var code = _in.RequireString(fields, "code", path, ruleName);
        var kind = fields.TryGetValue("kind", out var k) ? _in.ReadEnum(k, path + ".kind", ContractNames.MeasureKinds, ruleName) : _in.Missing<MeasureKind?>(path, "kind", ruleName);
        var clauseText = _in.RequireString(fields, "clause", path, ruleName);
        var titleZh = _in.RequireString(fields, "titleZh", path, ruleName);
        var titleEn = _in.RequireString(fields, "titleEn", path, ruleName);
        var evidence = fields.TryGetValue("evidence", out var e) ? _in.ReadEnumArray(e, path + ".evidence", ContractNames.EvidenceSets, ruleName) : [];
        var revokes = fields.TryGetValue("revokes", out var r) ? _in.ReadEnumArray(r, path + ".revokes", ContractNames.Conveniences, ruleName) : [];
        _in.OptionalString(fields, "note", path, ruleName);

        ClauseId clause = default;
        if (clauseText is not null && !ClauseId.TryParse(clauseText, out clause))
        {
            _in.Error(path + ".clause", ruleName, $"'{clauseText}' is not a clause id of the policy; measures cite R6.1, R6.2, R6.3, R7.1, R7.2 or R7.3.");
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
            ok = _in.Error(path + ".code", ruleName, $"Measure code '{code}' must be '{kindName}.' followed by lowercase words joined by '-'.");
        }

        if (measureKind == MeasureKind.Incentive ? !clause.IsIncentiveClause : !clause.IsPenaltyClause)
        {
            ok = _in.Error(path + ".clause", ruleName, measureKind == MeasureKind.Incentive
                ? $"An incentive cites R6.1, R6.2 or R6.3, not {clause}."
                : $"A penalty cites R7.1, R7.2 or R7.3, not {clause}.");
        }

        if (ContractCodes.TryGetValue(code, out var contractClause) && contractClause != clauseText)
        {
            ok = _in.Error(path + ".clause", ruleName, $"'{code}' is the contract's {contractClause} measure; cite {contractClause}, or give a measure of your own a code of its own.");
        }

        if (!revoked.IsEmpty && measureKind != MeasureKind.Penalty)
        {
            ok = _in.Error(path + ".revokes", ruleName, "Only a penalty can cancel conveniences (R7.3).");
        }

        if (code == "penalty.revoke-conveniences" && revoked.IsEmpty)
        {
            ok = _in.Error(path, ruleName, "penalty.revoke-conveniences must list in 'revokes' the conveniences it cancels (R7.3).");
        }

        return ok ? new MeasureDefinition(ruleName, enabled, expression, code, measureKind, clause, titleZh, titleEn, evidenceSets, revoked) : null;
    }

    private ImmutableArray<RuleCase> ReadCases(JsonElement element, RuleSetHeader header, ImmutableArray<MeasureDefinition> measures)
    {
        if (_in.Elements(element, "$.Cases", null) is not { } items)
        {
            return [];
        }

        var cases = ImmutableArray.CreateBuilder<RuleCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.Cases[{i}]";
            if (_in.ObjectFields(items[i], path, CaseFields, null) is not { } fields)
            {
                continue;
            }

            var errorsBefore = _in.Errors.Count;
            var name = _in.RequireString(fields, "name", path, null);
            if (name is not null && !names.Add(name))
            {
                _in.Error(path + ".name", null, $"Another case is named '{name}'.");
            }

            _in.OptionalString(fields, "note", path, null);
            var asOf = fields.TryGetValue("asOf", out var date) ? _in.ReadDate(date, path + ".asOf", null) : _in.Missing<LocalDate?>(path, "asOf", null);
            if (asOf < header.EffectiveFrom)
            {
                _in.Error(path + ".asOf", null, $"The rule set takes effect on {IsoDate.Format(header.EffectiveFrom)}; a case cannot be evaluated before that.");
            }

            var profile = fields.TryGetValue("profile", out var p) ? ReadCaseProfile(p, path + ".profile") : _in.Missing<CreditProfile>(path, "profile", null);
            var agencies = fields.TryGetValue("filedAgencies", out var a) ? ReadAgencies(a, path + ".filedAgencies") : null;
            var must = ReadCodes(fields, "mustReceive", path, measures, enabledOnly: true);
            var mustNot = ReadCodes(fields, "mustNotReceive", path, measures, enabledOnly: false);
            var revoked = fields.TryGetValue("revokedConveniences", out var rc) ? _in.ReadEnumArray(rc, path + ".revokedConveniences", ContractNames.Conveniences, null) : null;
            foreach (var code in must.Intersect(mustNot, StringComparer.Ordinal))
            {
                _in.Error(path + ".mustNotReceive", null, $"'{code}' is both in mustReceive and in mustNotReceive.");
            }

            if (!fields.ContainsKey("mustReceive") && !fields.ContainsKey("mustNotReceive") && !fields.ContainsKey("revokedConveniences"))
            {
                _in.Error(path, null, "A case must expect something: mustReceive, mustNotReceive or revokedConveniences.");
            }

            if (_in.Errors.Count == errorsBefore && name is not null && asOf is { } day && profile is not null)
            {
                cases.Add(new RuleCase(name, _in.Lines!.LineOf(path), day, profile, agencies, must, mustNot, revoked));
            }
        }

        return cases.ToImmutable();
    }

    private CreditProfile? ReadCaseProfile(JsonElement element, string path)
    {
        var line = _in.Lines!.LineOf(path);
        var result = ProfileJson.Read(element.GetRawText(), new ProfileReadOptions { FirstLineNumber = line, AllowComments = true });
        foreach (var error in result.Errors)
        {
            _in.Add(error with { Path = path + error.Path?[1..] });
        }

        return result.Value;
    }

    private ImmutableArray<string> ReadCodes(Dictionary<string, JsonElement> fields, string name, string path, ImmutableArray<MeasureDefinition> measures, bool enabledOnly)
    {
        if (!fields.TryGetValue(name, out var element) || _in.Elements(element, $"{path}.{name}", null) is not { } items)
        {
            return [];
        }

        var codes = ImmutableArray.CreateBuilder<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}.{name}[{i}]";
            if (items[i].ValueKind != JsonValueKind.String)
            {
                _in.Error(itemPath, null, "Expected a measure code.");
                continue;
            }

            var code = items[i].GetString()!;
            var measure = measures.FirstOrDefault(m => m.Code == code);
            if (measure is null)
            {
                _in.Error(itemPath, null, $"'{code}' is not a measure code of this rule set.");
            }
            else if (enabledOnly && !measure.Enabled)
            {
                _in.Error(itemPath, null, $"'{code}' is disabled, so no case can receive it.");
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

        _in.Error(path + ".Enabled", ruleName, "Enabled must be true or false.");
        return false;
    }

    private void CheckExpressionType(Dictionary<string, JsonElement> fields, string path, string? ruleName)
    {
        if (_in.OptionalString(fields, "RuleExpressionType", path, ruleName) is { } type && type != "LambdaExpression")
        {
            _in.Error(path + ".RuleExpressionType", ruleName, $"Only LambdaExpression is supported, not '{type}'.");
        }
    }

    private ReadResult<RuleSet> Fail() => new(null, _in.Sorted());

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^(incentive|penalty)\\.[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
