using System.Runtime.CompilerServices;
using System.Text.Json;
using CreditPolicy.Measures;
using CreditPolicy.Serialization;

namespace CreditPolicy.Output;

/// <summary>
/// A measure's code, kind, clause and titles as pre-encoded JSON strings, made once per measure definition
/// and kept beside it (not in it: the definition is a plain immutable value), for the decision writer.
/// </summary>
internal sealed class EncodedMeasure
{
    private static readonly ConditionalWeakTable<MeasureDefinition, EncodedMeasure> Cache = [];

    private EncodedMeasure(MeasureDefinition measure)
    {
        Code = JsonEncodedText.Encode(measure.Code, ProfileJson.Encoder);
        Kind = JsonEncodedText.Encode(ContractNames.MeasureKinds.Name(measure.Kind), ProfileJson.Encoder);
        Clause = JsonEncodedText.Encode(measure.Clause.ToString(), ProfileJson.Encoder);
        TitleZh = JsonEncodedText.Encode(measure.TitleZh, ProfileJson.Encoder);
        TitleEn = JsonEncodedText.Encode(measure.TitleEn, ProfileJson.Encoder);
    }

    internal JsonEncodedText Code { get; }

    internal JsonEncodedText Kind { get; }

    internal JsonEncodedText Clause { get; }

    internal JsonEncodedText TitleZh { get; }

    internal JsonEncodedText TitleEn { get; }

    /// <summary>The encoded texts of <paramref name="measure"/>, made on first use and kept while the definition lives.</summary>
    internal static EncodedMeasure Of(MeasureDefinition measure) => Cache.GetValue(measure, static m => new EncodedMeasure(m));
}
