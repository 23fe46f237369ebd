using System.Collections.Generic;
using System.Linq.Expressions;
using System;
using CreditPolicy.Facts;

namespace CreditPolicy.Rules;

/// <summary>
/// The allow-list a parsed rule expression must keep to: constants, the rule's parameters (<c>facts</c>
/// and scoped params), properties of <see cref="SubjectFacts"/>, and arithmetic, comparison, logical and
/// conditional operators. Everything else — method calls, reflection (<c>GetType()</c>), object creation,
/// lambdas, other types' members — is rejected, so a rule can neither reach outside the facts nor do
/// unbounded work.
/// </summary>
internal sealed class ExpressionGuard : ExpressionVisitor
{
    private static readonly HashSet<Type> ValueTypes =
        [typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float), typeof(string), typeof(object), typeof(StringComparison)];

    private readonly IReadOnlyCollection<ParameterExpression> _parameters;
    private readonly bool _zh;
    private string? _problem;

    private ExpressionGuard(IReadOnlyCollection<ParameterExpression> parameters, bool zh) => (_parameters, _zh) = (parameters, zh);

    /// <summary>Why <paramref name="expression"/> is not allowed, or <see langword="null"/> when it is.</summary>
    internal static string? Check(Expression expression, IReadOnlyCollection<ParameterExpression> parameters, bool zh = false)
    {
        var guard = new ExpressionGuard(parameters, zh);
        guard.Visit(expression);
        return guard._problem;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_problem is not null || node is null)
        {
            return node;
        }

        switch (node)
        {
            case ConstantExpression constant when constant.Value is null || ValueTypes.Contains(Underlying(constant.Type)):
            case ConditionalExpression:
                return base.Visit(node);
            case ParameterExpression parameter:
                return Fail(Contains(parameter) ? null : Messages.Get(_zh, "guard.not-a-parameter", parameter.Name), node);
            case MemberExpression member:
                return member.Expression is ParameterExpression p && p.Type == typeof(SubjectFacts) && member.Member.DeclaringType == typeof(SubjectFacts)
                    ? base.Visit(node)
                    : Fail(Messages.Get(_zh, "guard.not-a-fact", member.Member.Name), node);
            case UnaryExpression unary when unary.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked
                && unary.Operand.Type == typeof(object) && unary.Type != typeof(object):
                return Fail(Messages.Get(_zh, "guard.unboxing"), node);
            case UnaryExpression unary when unary.NodeType is ExpressionType.Not or ExpressionType.Negate or ExpressionType.UnaryPlus
                || (unary.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked && ValueTypes.Contains(Underlying(unary.Type))):
                return base.Visit(node);
            case BinaryExpression binary when IsAllowed(binary):
                return base.Visit(node);
            case MethodCallExpression call when call.Method.DeclaringType == typeof(string) && call.Method.IsStatic && call.Method.Name is "Equals" or "Compare" or "CompareOrdinal":
                return Fail(IsOrdinal(call) ? null : Messages.Get(_zh, "guard.culture-compare", call.Method.Name), node);
            case MethodCallExpression call:
                return Fail(Messages.Get(_zh, "guard.call", call.Method.Name), node);
            default:
                return Fail(Messages.Get(_zh, "guard.node", node.NodeType), node);
        }
    }

    private static bool IsAllowed(BinaryExpression binary) =>
        binary.NodeType is ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or or ExpressionType.ExclusiveOr
            or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
            or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.Add or ExpressionType.AddChecked
            or ExpressionType.Subtract or ExpressionType.SubtractChecked or ExpressionType.Multiply or ExpressionType.MultiplyChecked
            or ExpressionType.Divide or ExpressionType.Modulo or ExpressionType.Coalesce
        && (binary.Method is null || binary.Method.DeclaringType == typeof(string) || binary.Method.DeclaringType == typeof(decimal));

    /// <summary>Whether a static string comparison is ordinal: <c>Equals(a, b)</c>, <c>CompareOrdinal(a, b)</c>, or an overload given <c>StringComparison.Ordinal</c> or <c>OrdinalIgnoreCase</c> as a constant.</summary>
    private static bool IsOrdinal(MethodCallExpression call)
    {
        var parameters = call.Method.GetParameters();
        if (call.Method.Name == "CompareOrdinal" || (call.Method.Name == "Equals" && parameters.Length == 2))
        {
            return parameters.Length == 2;
        }

        return parameters.Length == 3 && parameters[2].ParameterType == typeof(StringComparison)
            && call.Arguments[2] is ConstantExpression { Value: StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase };
    }

    private bool Contains(ParameterExpression parameter)
    {
        foreach (var p in _parameters)
        {
            if (p == parameter)
            {
                return true;
            }
        }

        return false;
    }

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary>Records <paramref name="problem"/> unless a part of <paramref name="node"/> has a problem of its own, which is the more precise one (<c>GetType</c> rather than <c>Assembly</c>).</summary>
    private Expression Fail(string? problem, Expression node)
    {
        if (problem is not null)
        {
            base.Visit(node);
        }

        _problem ??= problem;
        return node;
    }
}
