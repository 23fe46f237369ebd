using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
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

    private EncodedMeasure(MeasureDefinition measure, JavaScriptEncoder? encoder)
    {
        Code = JsonEncodedText.Encode(measure.Code, encoder);
        Kind = JsonEncodedText.Encode(ContractNames.MeasureKinds.Name(measure.Kind), encoder);
        Clause = JsonEncodedText.Encode(measure.Clause.ToString(), encoder);
        TitleZh = JsonEncodedText.Encode(measure.TitleZh, encoder);
        TitleEn = JsonEncodedText.Encode(measure.TitleEn, encoder);
    }

    /// <summary>
    /// The whole measure object as a compact writer with this encoder writes it when it cites no evidence (and
    /// names no rule set): <c>{"code":…,"kind":…,"clause":…,"title":…,"titleEn":…,"evidence":[]}</c>. Made
    /// by <see cref="DecisionJson.WriteMeasureFields"/> itself, so that it is byte for byte what the writer
    /// would write field by field; written whole, as one raw value (issue 14).
    /// </summary>
    internal byte[] WithoutEvidence => _withoutEvidence ??= Render(this);

    private byte[]? _withoutEvidence;

    private static byte[] Render(EncodedMeasure measure)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ProfileJson.Encoder }))
        {
            writer.WriteStartObject();
            DecisionJson.WriteMeasureFields(writer, measure);
            writer.WriteStartArray(DecisionJson.EvidenceName);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal JsonEncodedText Code { get; }

    internal JsonEncodedText Kind { get; }

    internal JsonEncodedText Clause { get; }

    internal JsonEncodedText TitleZh { get; }

    internal JsonEncodedText TitleEn { get; }

    /// <summary>
    /// The texts of <paramref name="measure"/> encoded by <paramref name="encoder"/>, the writer's: made on first use
    /// and kept while the definition lives for the library's own encoder (the tool's, the pipeline's), made each
    /// time for any other (an app's writer, e.g. HTML-safe, escapes them its own way).
    /// </summary>
    internal static EncodedMeasure Of(MeasureDefinition measure, JavaScriptEncoder? encoder) =>
        ReferenceEquals(encoder, ProfileJson.Encoder) ? Cache.GetValue(measure, static m => new EncodedMeasure(m, ProfileJson.Encoder)) : new EncodedMeasure(measure, encoder);
}
