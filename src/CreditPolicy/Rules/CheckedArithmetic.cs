using System.Linq.Expressions;

namespace CreditPolicy.Rules;

/// <summary>
/// Rewrites a rule expression so that its integer arithmetic is checked: <c>+ - *</c>, negation and numeric
/// conversions throw <see cref="System.OverflowException"/> instead of wrapping around silently (so
/// <c>2147483647 + facts.ActiveNegativeRecords + 1 &lt; 0</c> can never be quietly true).
/// </summary>
internal sealed class CheckedArithmetic : ExpressionVisitor
{
    private static readonly CheckedArithmetic Instance = new();

    internal static Expression Rewrite(Expression expression) => Instance.Visit(expression);

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        if (node.Method is null)
        {
            switch (node.NodeType)
            {
                case ExpressionType.Add: return Expression.AddChecked(left, right);
                case ExpressionType.Subtract: return Expression.SubtractChecked(left, right);
                case ExpressionType.Multiply: return Expression.MultiplyChecked(left, right);
            }
        }

        return node.Update(left, VisitAndConvert(node.Conversion, nameof(VisitBinary)), right);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var operand = Visit(node.Operand);
        if (node.Method is null)
        {
            switch (node.NodeType)
            {
                case ExpressionType.Negate: return Expression.NegateChecked(operand);
                case ExpressionType.Convert when IsNumeric(node.Type) && IsNumeric(operand.Type): return Expression.ConvertChecked(operand, node.Type);
            }
        }

        return node.Update(operand);
    }

    private static bool IsNumeric(System.Type type)
    {
        type = System.Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive && type != typeof(bool) && type != typeof(char);
    }
}
