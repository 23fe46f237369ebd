using System.Text.Json;
using CreditPolicy.Serialization;

namespace CreditPolicy.Measures;

/// <summary>A measure's code, kind, clause and titles as pre-encoded JSON strings.</summary>
internal sealed class EncodedMeasure(MeasureDefinition measure)
{
    internal JsonEncodedText Code { get; } = JsonEncodedText.Encode(measure.Code, ProfileJson.Encoder);

    internal JsonEncodedText Kind { get; } = JsonEncodedText.Encode(ContractNames.MeasureKinds.Name(measure.Kind), ProfileJson.Encoder);

    internal JsonEncodedText Clause { get; } = JsonEncodedText.Encode(measure.Clause.ToString(), ProfileJson.Encoder);

    internal JsonEncodedText TitleZh { get; } = JsonEncodedText.Encode(measure.TitleZh, ProfileJson.Encoder);

    internal JsonEncodedText TitleEn { get; } = JsonEncodedText.Encode(measure.TitleEn, ProfileJson.Encoder);
}
