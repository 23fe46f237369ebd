using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Measures;

namespace CreditPolicy.Rules;

/// <summary>An enabled measure with its rule compiled once into a typed delegate over the facts.</summary>
internal sealed class CompiledMeasure(MeasureDefinition definition, Func<SubjectFacts, bool> predicate)
{
    internal MeasureDefinition Definition { get; } = definition;

    internal Func<SubjectFacts, bool> Predicate { get; } = predicate;
}
