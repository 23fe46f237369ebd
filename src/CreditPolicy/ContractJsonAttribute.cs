using System;
using System.Text.Json.Serialization;

namespace CreditPolicy;

/// <summary>
/// Marks a model type whose JSON is the contract's (<c>docs/contract/</c>): a decision, a profile, a subject. With
/// it, <c>JsonSerializer.Serialize(decision)</c> with any options — even none — writes the contract's JSON (ids
/// masked, R8) instead of the object's properties (<c>"kind":4</c>, a calendar object). The converters live in
/// the Output layer, above the model: it hands them down through <see cref="Converters"/> when the library loads,
/// so no model type depends on the layer that writes it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class ContractJsonAttribute : JsonConverterAttribute
{
    /// <summary>The contract's converter for a type; set once by <c>CreditPolicy.Output.ContractJsonRegistration</c> when the library loads.</summary>
    internal static Func<Type, JsonConverter?>? Converters { get; set; }

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert) =>
        (Converters ?? throw new InvalidOperationException("The library's JSON converters were not registered."))(typeToConvert);
}
