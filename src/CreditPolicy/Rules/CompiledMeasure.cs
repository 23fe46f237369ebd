using System.Linq.Expressions;
using System;
using CreditPolicy.Facts;
using CreditPolicy.Measures;

namespace CreditPolicy.Rules;

/// <summary>
/// An enabled measure with its rule as an expression over the facts. The evaluator fuses all rules into one
/// delegate; <see cref="Predicate"/>, the rule alone, is compiled only when asked for (tests, tools).
/// </summary>
internal sealed class CompiledMeasure
{
    internal CompiledMeasure(MeasureDefinition definition, Expression<Func<SubjectFacts, bool>> rule)
    {
        Definition = definition;
        Rule = rule;
    }

    internal MeasureDefinition Definition { get; }

    /// <summary>The rule's expression, which the evaluator fuses with the others into one delegate.</summary>
    internal Expression<Func<SubjectFacts, bool>> Rule { get; }

    internal Func<SubjectFacts, bool> Predicate => _predicate ??= Rule.Compile();

    private Func<SubjectFacts, bool>? _predicate;
}
