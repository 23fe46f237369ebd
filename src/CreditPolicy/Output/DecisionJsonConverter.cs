using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditPolicy.Evaluation;

namespace CreditPolicy.Output;

/// <summary>
/// Lets <see cref="JsonSerializer"/> write an <see cref="AdvisoryDecision"/> as the contract's decision JSON,
/// through <see cref="DecisionJson"/> (one source of that JSON): contract names and spellings, ISO dates, a
/// natural person's identity number masked (R8). Add it with <see cref="CreditPolicyJson.AddConverters"/>.
/// </summary>
/// <remarks>
/// Writing only: a decision cannot be read back, since the contract's decision JSON names its rule set by id,
/// version and hash and holds no rule set to evaluate with, and its masked ids are not the subject's.
/// The serializer's <see cref="JsonSerializerOptions.WriteIndented"/> decides indentation, not
/// <see cref="DecisionWriteOptions.Indented"/>. Immutable and thread-safe.
/// </remarks>
public sealed class DecisionJsonConverter : JsonConverter<AdvisoryDecision>
{
    /// <summary>Creates the converter.</summary>
    /// <param name="options">How decisions are written (the mask); <see cref="DecisionWriteOptions.Default"/> when <see langword="null"/>.</param>
    public DecisionJsonConverter(DecisionWriteOptions? options = null) => WriteOptions = options ?? DecisionWriteOptions.Default;

    /// <summary>How decisions are written.</summary>
    public DecisionWriteOptions WriteOptions { get; }

    /// <summary>Always throws: a decision is output only (see the remarks of <see cref="DecisionJsonConverter"/>).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public override AdvisoryDecision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A decision is output only: its JSON holds no rule set to evaluate with and only masked ids; evaluate the profile again instead.");

    /// <summary>Writes <paramref name="value"/> with <see cref="DecisionJson.Write(Utf8JsonWriter, AdvisoryDecision, DecisionWriteOptions?)"/>.</summary>
    public override void Write(Utf8JsonWriter writer, AdvisoryDecision value, JsonSerializerOptions options) => DecisionJson.Write(writer, value, WriteOptions);
}
