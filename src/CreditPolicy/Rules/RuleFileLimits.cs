using System;
using System.Collections.Generic;

namespace CreditPolicy.Rules;

/// <summary>
/// Limits that stop a hostile or broken rule file with a located error before any recursive parser or
/// compiler runs (contract v2, "Limits"): no expression, however deep or long, can crash the process.
/// </summary>
/// <remarks>Immutable and thread-safe. The defaults are far above what a policy needs.</remarks>
public sealed record RuleFileLimits
{
    /// <summary>The defaults.</summary>
    public static RuleFileLimits Default { get; } = new();

    /// <summary>The largest rule file read, in bytes.</summary>
    /// <value>The default value is 4,194,304 (4 MiB).</value>
    public int MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The longest expression (a rule's <c>Expression</c>, a <c>LocalParams</c> or <c>GlobalParams</c> entry), in characters.</summary>
    /// <value>The default value is 2,000.</value>
    public int MaxExpressionLength { get; init; } = 2000;

    /// <summary>The deepest nesting of parentheses and brackets in one expression.</summary>
    /// <value>The default value is 32.</value>
    public int MaxExpressionDepth { get; init; } = 32;

    /// <summary>
    /// The most expression text the compiler is given for the whole file, in characters: every rule's
    /// expression and parameters, and the <c>GlobalParams</c> once for each enabled rule (each rule
    /// compiles them).
    /// </summary>
    /// <value>The default value is 200,000.</value>
    public int MaxTotalExpressionLength { get; init; } = 200_000;

    /// <summary>The most rules in a file, nested rules included.</summary>
    /// <value>The default value is 500.</value>
    public int MaxRules { get; init; } = 500;

    /// <summary>The deepest nesting of rules within rules (a top-level rule is at depth 1).</summary>
    /// <value>The default value is 8.</value>
    public int MaxRuleDepth { get; init; } = 8;

    /// <summary>Every limit that is not positive, by name; empty when all are.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void Positive(int value, string name)
        {
            if (value <= 0)
            {
                problems.Add($"{name} must be positive, not {value}.");
            }
        }

        Positive(MaxFileBytes, nameof(MaxFileBytes));
        Positive(MaxExpressionLength, nameof(MaxExpressionLength));
        Positive(MaxExpressionDepth, nameof(MaxExpressionDepth));
        Positive(MaxRules, nameof(MaxRules));
        Positive(MaxTotalExpressionLength, nameof(MaxTotalExpressionLength));
        Positive(MaxRuleDepth, nameof(MaxRuleDepth));
        return problems;
    }

    /// <summary>The deepest nesting of <c>( [ {</c> in <paramref name="expression"/>, outside string literals.</summary>
    internal static int NestingDepth(string expression)
    {
        int depth = 0, deepest = 0;
        var quote = '\0';
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return deepest;
    }
}
