using System.IO;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;
using CreditPolicy.Evaluation;

namespace CreditPolicy.Serialization;

/// <summary>
/// Writes decisions in the contract's decision JSON (../shared/contract, v1): <c>subject</c> (its id masked
/// when personal, R8), <c>asOf</c>, <c>ruleSet</c>, <c>measures</c> (each with <c>code</c>, <c>kind</c>,
/// <c>clause</c>, <c>title</c>, <c>evidence</c>, and the optional <c>titleEn</c>), <c>revokedConveniences</c>
/// and <c>warnings</c>.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class DecisionJson
{
    /// <summary>Writes a decision as JSON text.</summary>
    public static string Write(AdvisoryDecision decision, DecisionWriteOptions? options = null)
    {
        options ??= DecisionWriteOptions.Default;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = ProfileJson.Encoder, Indented = options.Indented }))
        {
            Write(writer, decision, options);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a decision to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, AdvisoryDecision decision, DecisionWriteOptions? options = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(decision);
        options ??= DecisionWriteOptions.Default;
        writer.WriteStartObject();
        writer.WriteStartObject("subject");
        writer.WriteString("name", decision.Subject.Name);
        writer.WriteString("kind", ContractNames.SubjectKinds.Name(decision.Subject.Kind));
        writer.WriteString("idType", ContractNames.IdentifierTypes.Name(decision.Subject.Identifier.Type));
        writer.WriteString("id", decision.Subject.Identifier.ToDisplayString(options.Mask));
        writer.WriteEndObject();
        ProfileJson.WriteDate(writer, "asOf", decision.AsOf);
        writer.WriteStartObject("ruleSet");
        writer.WriteString("id", decision.RuleSetId);
        writer.WriteString("version", decision.RuleSetVersion);
        writer.WriteString("sha256", decision.RuleSetSha256);
        writer.WriteEndObject();
        writer.WriteStartArray("measures");
        foreach (var measure in decision.ApplicableMeasures)
        {
            writer.WriteStartObject();
            writer.WriteString("code", measure.Code);
            writer.WriteString("kind", ContractNames.MeasureKinds.Name(measure.Kind));
            writer.WriteString("clause", measure.Clause.ToString());
            writer.WriteString("title", measure.Title);
            writer.WriteString("titleEn", measure.Definition.TitleEn);
            writer.WriteStartArray("evidence");
            foreach (var id in measure.Evidence)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("revokedConveniences");
        foreach (var convenience in decision.RevokedConveniences)
        {
            writer.WriteStringValue(ContractNames.Conveniences.Name(convenience));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in decision.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
