using System.IO;
using System.Threading;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ardalis.GuardClauses;
using CreditPolicy.Evaluation;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;

namespace CreditPolicy.Output;

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

    /// <summary>
    /// Writes a <c>subject</c> property as decisions and comparisons show it: name, kind, idType and id, a
    /// natural person's identity number masked with <paramref name="mask"/> (<see cref="IdentityMask.Default"/>
    /// when <see langword="null"/>), and any valid resident identity number in the name masked too (contract v2, R8).
    /// </summary>
    public static void WriteSubject(Utf8JsonWriter writer, Subject subject, IdentityMask? mask = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(subject);
        writer.WriteStartObject(Names.Subject);
        WriteSubjectFields(writer, subject, mask);
        writer.WriteEndObject();
    }

    /// <summary>The fields of a subject as decisions show it, into the object the writer is in.</summary>
    internal static void WriteSubjectFields(Utf8JsonWriter writer, Subject subject, IdentityMask? mask)
    {
        mask ??= IdentityMask.Default;
        writer.WriteString(Names.Name, PersonalIds.Mask(subject.Name, mask));
        writer.WriteString(Names.Kind, ContractNames.SubjectKinds.Name(subject.Kind));
        writer.WriteString(Names.IdType, ContractNames.IdentifierTypes.Name(subject.Identifier.Type));
        writer.WriteString(Names.Id, subject.Identifier.Mask(mask));
    }

    /// <summary>Writes a decision to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, AdvisoryDecision decision, DecisionWriteOptions? options = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(decision);
        options ??= DecisionWriteOptions.Default;
        writer.WriteStartObject();
        WriteSubject(writer, decision.Subject, options.Mask);
        ProfileJson.WriteDate(writer, Names.AsOf, decision.AsOf);
        writer.WriteStartObject(Names.RuleSet);
        var ruleSet = EncodedRuleSet.Of(decision.RuleSet, options.Mask, writer.Options.Encoder);
        writer.WriteString(Names.Id, ruleSet.Id);
        writer.WriteString(Names.Version, ruleSet.Version);
        writer.WriteString(Names.Sha256, ruleSet.Sha256);
        writer.WriteEndObject();
        var composite = decision.RuleSet.IsComposite;
        if (composite)
        {
            WriteComponents(writer, decision.RuleSet, options.Mask);
        }

        writer.WriteStartArray(Names.Measures);
        // The library's own compact writer (the tool's, the pipeline's) writes a measure without evidence whole, pre-rendered.
        var whole = !composite && !writer.Options.Indented && ReferenceEquals(writer.Options.Encoder, ProfileJson.Encoder);
        foreach (var measure in decision.EnumerateMeasures())
        {
            var encoded = EncodedMeasure.Of(measure.Definition, writer.Options.Encoder);
            if (whole && measure.Evidence.IsEmpty)
            {
                writer.WriteRawValue(encoded.WithoutEvidence, skipInputValidation: true);
                continue;
            }

            writer.WriteStartObject();
            WriteMeasureFields(writer, encoded);
            writer.WriteStartArray(Names.Evidence);
            foreach (var id in measure.Evidence)
            {
                writer.WriteStringValue(PersonalIds.Mask(id, options.Mask));
            }

            writer.WriteEndArray();
            if (composite)
            {
                writer.WriteString(Names.RuleSet, PersonalIds.Mask(measure.Definition.RuleSetId, options.Mask));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.RevokedConveniences);
        foreach (var convenience in decision.RevokedConveniences)
        {
            writer.WriteStringValue(ContractNames.Conveniences.Name(convenience));
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.Warnings);
        if (decision.LoneWarning is { } lone)
        {
            writer.WriteStringValue(PersonalIds.Mask(lone, options.Mask)); // its array is not made for writing it
        }
        else
        {
            foreach (var warning in decision.Warnings)
            {
                writer.WriteStringValue(PersonalIds.Mask(warning, options.Mask));
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a composition's <c>ruleSets</c> (issue 13): each component's <c>id</c>, <c>version</c>, <c>sha256</c>
    /// and <c>level</c>, in the composition's order (highest level first, then by id).
    /// </summary>
    /// <summary>A measure's own fields, as pre-encoded for the writer's encoder.</summary>
    internal static void WriteMeasureFields(Utf8JsonWriter writer, EncodedMeasure encoded)
    {
        writer.WriteString(Names.Code, encoded.Code);
        writer.WriteString(Names.Kind, encoded.Kind);
        writer.WriteString(Names.Clause, encoded.Clause);
        writer.WriteString(Names.Title, encoded.TitleZh);
        writer.WriteString(Names.TitleEn, encoded.TitleEn);
    }

    /// <summary>The name of a measure's evidence array.</summary>
    internal static JsonEncodedText EvidenceName => Names.Evidence;

    internal static void WriteComponents(Utf8JsonWriter writer, Rules.RuleSet ruleSet, IdentityMask? mask)
    {
        writer.WriteStartArray(Names.RuleSets);
        foreach (var component in ruleSet.Components)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Id, PersonalIds.Mask(component.Id, mask));
            writer.WriteString(Names.Version, PersonalIds.Mask(component.Version, mask));
            writer.WriteString(Names.Sha256, component.Sha256);
            writer.WriteString(Names.Level, Rules.RuleSet.LevelName(component.Level));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The decision's property names, encoded once.</summary>
    private static class Names
    {
        internal static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
        internal static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        internal static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        internal static readonly JsonEncodedText IdType = JsonEncodedText.Encode("idType");
        internal static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        internal static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
        internal static readonly JsonEncodedText RuleSet = JsonEncodedText.Encode("ruleSet");
        internal static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        internal static readonly JsonEncodedText RuleSets = JsonEncodedText.Encode("ruleSets");
        internal static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        internal static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
        internal static readonly JsonEncodedText Measures = JsonEncodedText.Encode("measures");
        internal static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        internal static readonly JsonEncodedText Clause = JsonEncodedText.Encode("clause");
        internal static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        internal static readonly JsonEncodedText TitleEn = JsonEncodedText.Encode("titleEn");
        internal static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        internal static readonly JsonEncodedText RevokedConveniences = JsonEncodedText.Encode("revokedConveniences");
        internal static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
    }

    /// <summary>
    /// A rule set's id, version and hash as the decision writes them (masked, encoded by the writer's encoder):
    /// the same for every decision of a run, so made once and kept for the last rule set, mask and encoder written.
    /// </summary>
    private sealed class EncodedRuleSet
    {
        private static EncodedRuleSet? s_last;

        private EncodedRuleSet(Rules.RuleSet ruleSet, IdentityMask? mask, JavaScriptEncoder? encoder)
        {
            (RuleSet, Mask, Encoder) = (ruleSet, mask, encoder);
            Id = JsonEncodedText.Encode(PersonalIds.Mask(ruleSet.Id, mask), encoder);
            Version = JsonEncodedText.Encode(PersonalIds.Mask(ruleSet.Version, mask), encoder);
            Sha256 = JsonEncodedText.Encode(ruleSet.Sha256, encoder);
        }

        private Rules.RuleSet RuleSet { get; }

        private IdentityMask? Mask { get; }

        private JavaScriptEncoder? Encoder { get; }

        internal JsonEncodedText Id { get; }

        internal JsonEncodedText Version { get; }

        internal JsonEncodedText Sha256 { get; }

        internal static EncodedRuleSet Of(Rules.RuleSet ruleSet, IdentityMask? mask, JavaScriptEncoder? encoder)
        {
            var last = Volatile.Read(ref s_last);
            if (last is null || !ReferenceEquals(last.RuleSet, ruleSet) || !ReferenceEquals(last.Mask, mask) || !ReferenceEquals(last.Encoder, encoder))
            {
                last = new EncodedRuleSet(ruleSet, mask, encoder);
                Volatile.Write(ref s_last, last);
            }

            return last;
        }
    }
}
