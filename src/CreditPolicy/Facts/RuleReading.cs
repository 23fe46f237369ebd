using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;

namespace CreditPolicy.Facts;

/// <summary>
/// What <c>analyze</c> learns from a rule's expression to build its grid: the facts it reads, the numbers the
/// rule file fixes (literals, and values computed from them only, such as a <c>GlobalParams</c> entry
/// <c>3 + 4</c>), the count facts it does arithmetic on or compares in a way the grid cannot settle, and so
/// whether the search over the grid is exhaustive.
/// </summary>
/// <remarks>
/// The search is exhaustive (<see cref="Exact"/>) when every count fact (an <see cref="int"/> fact other
/// than a rating or <see cref="SubjectFacts.EnjoyedConveniences"/>) appears only compared directly with a value the file fixes:
/// the grid then holds, for each fact, a value on each side of each such value (its floor and ceiling, ±1), so
/// every combination of the comparisons' outcomes that a subject can have is tried. Truth values, the subject
/// kind, ratings and <see cref="SubjectFacts.EnjoyedConveniences"/> take all their values, so any use of them
/// is exact. A count fact in arithmetic (<c>facts.X * 2 == 14</c>), compared with another fact, or used as a
/// value (<c>iif(…, facts.X, 3) == 4</c>) is <see cref="Wide"/>: its values are widened by the constants'
/// products, quotients, sums and differences, which finds most such subjects but not all.
/// </remarks>
internal sealed class RuleReading
{
    /// <summary>Beyond this many nodes, with parameters written out, the rule is not taken apart: every count fact it reads is wide.</summary>
    private const long MaxNodes = 5_000;

    /// <summary>The largest value a widened fact is given.</summary>
    private const double MaxWidened = 1_000_000;

    private static readonly HashSet<string> Finite = new(StringComparer.Ordinal)
    {
        nameof(SubjectFacts.BestRating), nameof(SubjectFacts.WorstRating), nameof(SubjectFacts.EnjoyedConveniences),
    };

    private RuleReading()
    {
    }

    /// <summary>The facts the rule reads (members of <see cref="SubjectFacts"/>).</summary>
    internal HashSet<string> Facts { get; } = new(StringComparer.Ordinal);

    /// <summary>The integers the grid tries around: integer literals, and the floor and ceiling of every other number the file fixes.</summary>
    internal HashSet<int> Constants { get; } = [];

    /// <summary>Every number the file fixes for the rule: its literals and values computed from them only.</summary>
    internal HashSet<double> Numbers { get; } = [];

    /// <summary>The count facts in arithmetic or in a comparison the grid cannot settle: their values are widened.</summary>
    internal HashSet<string> Wide { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the search over the grid decides the rule exactly.</summary>
    internal bool Exact { get; private set; } = true;

    /// <summary>Whether <paramref name="fact"/> is a count: an <see cref="int"/> fact whose values the grid does not enumerate.</summary>
    internal static bool IsCount(string fact) =>
        !Finite.Contains(fact) && typeof(SubjectFacts).GetProperty(fact)?.PropertyType == typeof(int);

    /// <summary>Reads <paramref name="rule"/>.</summary>
    internal static RuleReading Of(LambdaExpression rule)
    {
        var reading = new RuleReading();
        new Reader(reading).Visit(rule);
        var inliner = new Inliner();
        var body = inliner.Visit(rule.Body)!;
        if (inliner.Nodes > MaxNodes || inliner.Unknown)
        {
            reading.Exact = false;
            reading.Wide.UnionWith(reading.Facts.Where(IsCount));
        }
        else
        {
            var dependents = new Dependents();
            dependents.Visit(body);
            new Shape(reading, rule.Parameters[0], dependents.Nodes).Visit(body);
        }

        reading.AddRounded();
        return reading;
    }

    /// <summary>The readings of several rules as one (what a search over their facts together needs).</summary>
    internal static RuleReading Union(IEnumerable<RuleReading> readings)
    {
        var union = new RuleReading();
        foreach (var r in readings)
        {
            union.Facts.UnionWith(r.Facts);
            union.Constants.UnionWith(r.Constants);
            union.Numbers.UnionWith(r.Numbers);
            union.Wide.UnionWith(r.Wide);
            union.Exact &= r.Exact;
        }

        return union;
    }

    /// <summary>
    /// The values to add for a wide fact: for c among the file's numbers and 0, 1, 2, and k among the file's
    /// numbers and 2 to 10, the floor and ceiling of c·k, c/k, c+k and c−k from 0 to a million.
    /// </summary>
    internal IEnumerable<int> Widened()
    {
        var cs = Numbers.Concat([0d, 1d, 2d]).Distinct().ToArray();
        var ks = Numbers.Concat(Enumerable.Range(2, 9).Select(k => (double)k)).Where(k => k != 0).Distinct().ToArray();
        var values = new SortedSet<int>();
        foreach (var c in cs)
        {
            foreach (var k in ks)
            {
                foreach (var x in (ReadOnlySpan<double>)[c * k, c / k, c + k, c - k])
                {
                    if (double.IsFinite(x) && x >= 0 && x <= MaxWidened)
                    {
                        values.Add((int)Math.Floor(x));
                        values.Add((int)Math.Ceiling(x));
                    }
                }
            }
        }

        return values;
    }

    private void AddNumber(object? value)
    {
        switch (value)
        {
            case int i:
                Constants.Add(i);
                Numbers.Add(i);
                break;
            case long l:
                if (l is >= int.MinValue and <= int.MaxValue)
                {
                    Constants.Add((int)l);
                }

                Numbers.Add(l);
                break;
            case double or float or decimal:
                Numbers.Add(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The floor and ceiling of every number in the int range join the constants, so a comparison with 2.5 has 2 and 3 on its sides.</summary>
    private void AddRounded()
    {
        foreach (var n in Numbers)
        {
            foreach (var r in (ReadOnlySpan<double>)[Math.Floor(n), Math.Ceiling(n)])
            {
                if (r is >= int.MinValue and <= int.MaxValue)
                {
                    Constants.Add((int)r);
                }
            }
        }
    }

    private static bool IsNumeric(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(decimal);
    }

    private static Expression Strip(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u && IsNumeric(u.Type) && IsNumeric(u.Operand.Type))
        {
            e = u.Operand;
        }

        return e;
    }

    /// <summary>The facts and literals anywhere in the rule (its parameters included), as the grid always had them.</summary>
    private sealed class Reader(RuleReading reading) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression?.Type == typeof(SubjectFacts))
            {
                reading.Facts.Add(node.Member.Name);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            reading.AddNumber(node.Value);
            return base.VisitConstant(node);
        }
    }

    /// <summary>Writes the rule's parameters (<c>GlobalParams</c>, <c>LocalParams</c>) out where they are used, counting the nodes that makes.</summary>
    private sealed class Inliner : ExpressionVisitor
    {
        private readonly Dictionary<ParameterExpression, (Expression Value, long Nodes)> _values = [];

        internal long Nodes { get; private set; }

        /// <summary>Whether a block held something other than parameter assignments (not expected; then the rule is not taken apart).</summary>
        internal bool Unknown { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (node is not null && Nodes <= MaxNodes)
            {
                Nodes++;
            }

            return Nodes > MaxNodes ? node : base.Visit(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            for (var i = 0; i < node.Expressions.Count - 1; i++)
            {
                if (node.Expressions[i] is BinaryExpression { NodeType: ExpressionType.Assign, Left: ParameterExpression variable } assign)
                {
                    var before = Nodes;
                    var value = Visit(assign.Right)!;
                    _values[variable] = (value, Nodes - before);
                }
                else
                {
                    Unknown = true;
                }
            }

            return Visit(node.Result)!;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (_values.TryGetValue(node, out var v))
            {
                Nodes = Math.Min(Nodes + v.Nodes, MaxNodes + 1);
                return v.Value;
            }

            return node;
        }
    }

    /// <summary>The nodes that depend on a parameter (after inlining, only <c>facts</c> is left).</summary>
    private sealed class Dependents : ExpressionVisitor
    {
        private bool _found;

        internal HashSet<Expression> Nodes { get; } = new(ReferenceEqualityComparer.Instance);

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return node;
            }

            var outer = _found;
            _found = node is ParameterExpression;
            base.Visit(node);
            if (_found)
            {
                Nodes.Add(node);
            }

            _found |= outer;
            return node;
        }
    }

    /// <summary>Finds the count facts used otherwise than compared with a fixed value, and folds the fixed values.</summary>
    private sealed class Shape(RuleReading reading, ParameterExpression facts, HashSet<Expression> dependent) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return node;
            }

            if (!dependent.Contains(node))
            {
                Fold(node);
                return node;
            }

            switch (node)
            {
                case ParameterExpression p when p != facts:
                    reading.Exact = false;
                    return node;
                case MemberExpression m when m.Expression == facts:
                    if (IsCount(m.Member.Name))
                    {
                        reading.Wide.Add(m.Member.Name);
                        reading.Exact = false;
                    }

                    return node;
                case BinaryExpression b when b.NodeType is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan
                    or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual
                    && (Solved(b.Left, b.Right) || Solved(b.Right, b.Left)):
                    return node;
                default:
                    return base.Visit(node);
            }
        }

        /// <summary>Whether <paramref name="fact"/> is a fact (converted or not) and <paramref name="value"/> is fixed by the file: the grid has a subject on each side.</summary>
        private bool Solved(Expression fact, Expression value)
        {
            if (Strip(fact) is MemberExpression m && m.Expression == facts && !dependent.Contains(value))
            {
                Fold(value);
                return true;
            }

            return false;
        }

        private void Fold(Expression node)
        {
            if (node is ConstantExpression c)
            {
                reading.AddNumber(c.Value);
                return;
            }

            if (!IsNumeric(node.Type))
            {
                return;
            }

            try
            {
                reading.AddNumber(Expression.Lambda<Func<object>>(Expression.Convert(node, typeof(object))).Compile(preferInterpretation: true)());
            }
            catch (Exception ex) when (ex is ArithmeticException or InvalidOperationException)
            {
                reading.Exact = false; // a value the file fixes that cannot be computed: the rule fails wherever it is reached
            }
        }
    }
}
