using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Linq;
using System.Text.Json;
using System.Text;
using System;
using CreditPolicy.Facts;
using CreditPolicy.Measures;

namespace CreditPolicy.Rules;

/// <summary>Rules and their expressions: parsing with RulesEngine's parser, the guard, checked arithmetic, scoped parameters, nested rules.</summary>
internal sealed partial class RuleFileReader
{
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
            ? ReadProperties(properties, path + ".Properties", ruleName ?? "?", enabled, Text(fields, "Expression"), (Compact(fields, "Operator", "Rules"), Compact(fields, "LocalParams")), _in.Lines?.LineOf(path) ?? 0)
            : _in.Missing<MeasureDefinition>(path, "Properties", ruleName);
        if (definition is null || body is null || _in.Errors.Count > errorsBefore)
        {
            // Cases citing this rule's code are not reported again: one mistake, one message (issue 11).
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
            {
                _failedCodes.Add(code.GetString()!);
            }

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
                _in.Error(path, ruleName, Messages.Get(Zh, "rules.too-many-rules", _limits.MaxRules));
            }

            return null;
        }

        if (depth > _limits.MaxRuleDepth)
        {
            _in.Error(path, ruleName, Messages.Get(Zh, "rules.too-deep", _limits.MaxRuleDepth));
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
            _in.Error(path + ".RuleName", name, Messages.Get(Zh, "rules.rule-name-twice"));
        }

        if (nested && fields.ContainsKey("Properties"))
        {
            _in.Error(path + ".Properties", ruleName, Messages.Get(Zh, "rules.nested-properties"));
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
            // Blank or not a string was reported by OptionalString; only an absent field is "missing".
            body = fields.ContainsKey("Expression") ? null : _in.Missing<Expression>(path, "Expression", ruleName);
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
            _in.Error(path + ".Operator", ruleName, Messages.Get(Zh, "rules.operator-needed", string.Join(", ", Operators)));
            return null;
        }

        if (expression is not null)
        {
            _in.Error(path + ".Expression", ruleName, Messages.Get(Zh, "rules.expression-and-rules"));
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

            if (!Whole(IdentifierPattern(), name))
            {
                _in.Error(itemPath + ".Name", ruleName, Messages.Get(Zh, "rules.bad-parameter-name", name));
                continue;
            }

            if (ExpressionKeywords.Contains(name))
            {
                _in.Error(itemPath + ".Name", ruleName, Messages.Get(Zh, "rules.reserved-parameter-name", name));
                continue;
            }

            List<ParameterExpression> scope = [.. visible, .. into.Select(p => p.Item1)];
            if (scope.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                _in.Error(itemPath + ".Name", ruleName, Messages.Get(Zh, "rules.parameter-visible", name));
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
            _in.Error(path, ruleName, Messages.Get(Zh, "rules.expression-too-long", text.Length, _limits.MaxExpressionLength));
            return null;
        }

        if (RuleFileLimits.NestingDepth(text) is var depth && depth > _limits.MaxExpressionDepth)
        {
            _in.Error(path, ruleName, Messages.Get(Zh, "rules.expression-too-deep", depth, _limits.MaxExpressionDepth));
            return null;
        }

        _expressionChars += text.Length;
        if (_expressionChars > _limits.MaxTotalExpressionLength)
        {
            if (_expressionChars - text.Length <= _limits.MaxTotalExpressionLength)
            {
                _in.Error(path, ruleName, Messages.Get(Zh, "rules.expressions-total-here", _limits.MaxTotalExpressionLength));
            }

            return null;
        }

        Expression parsed;
        try
        {
            parsed = _parser.Parse(text, [.. scope], returnType);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the parser throws is about this expression (Dynamic LINQ fails with IndexOutOfRangeException on
            // some np(...) forms): a located problem in the rule file, never a crash of the reader.
            _in.Error(path, ruleName, Messages.Get(Zh, "rules.expression-does-not-compile", ForeignMessages.Translate(ex.Message, Zh)));
            return null;
        }

        if (ExpressionGuard.Check(parsed, scope, Zh) is { } problem)
        {
            _in.Error(path, ruleName, problem);
            return null;
        }

        return CheckedArithmetic.Rewrite(parsed);
    }

    /// <summary>A field's text when it is a string, without reporting anything (what is wrong with it is reported where it is read).</summary>
    private static string? Text(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

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

        _in.Error(path + ".Enabled", ruleName, Messages.Get(Zh, "rules.enabled-boolean"));
        return false;
    }

    private void CheckExpressionType(Dictionary<string, JsonElement> fields, string path, string? ruleName)
    {
        if (_in.OptionalString(fields, "RuleExpressionType", path, ruleName) is { } type && type != "LambdaExpression")
        {
            _in.Error(path + ".RuleExpressionType", ruleName, Messages.Get(Zh, "rules.lambda-only", type));
        }
    }

    /// <summary>The named fields as one compact JSON object (comments and spacing dropped), or <see langword="null"/> when none is given: what a rule-set comparison compares.</summary>
    private static string? Compact(Dictionary<string, JsonElement> fields, params string[] names)
    {
        if (!names.Any(fields.ContainsKey))
        {
            return null;
        }

        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in names)
            {
                if (fields.TryGetValue(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
