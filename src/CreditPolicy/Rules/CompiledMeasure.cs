using System;
using System.Linq.Expressions;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;

namespace CreditPolicy.Rules;

/// <summary>An enabled measure with its rule as an expression over the facts, compiled once into a typed delegate.</summary>
internal sealed class CompiledMeasure
{
    internal CompiledMeasure(MeasureDefinition definition, Expression<Func<SubjectFacts, bool>> rule)
    {
        Definition = definition;
        Rule = rule;
        Predicate = rule.Compile();
    }

    internal MeasureDefinition Definition { get; }

    /// <summary>The rule's expression, which the evaluator fuses with the others into one delegate.</summary>
    internal Expression<Func<SubjectFacts, bool>> Rule { get; }

    internal Func<SubjectFacts, bool> Predicate { get; }
}
