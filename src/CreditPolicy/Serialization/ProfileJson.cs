using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text;
using System;
using Ardalis.GuardClauses;
using CreditPolicy.Profiles;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Serialization;

/// <summary>
/// Reads and writes profiles in the contract's JSON (../shared/contract, v2): camelCase names, the
/// contract's enum spellings, ISO dates.
/// </summary>
/// <remarks>
/// Reading never throws for bad input: it returns every problem with its JSON path and line (missing
/// required field, unknown enum value, impossible date, wrong check character, duplicate id, …). Unknown
/// fields are ignored. Writing masks natural persons' numbers unless told otherwise (R8, C5). Thread-safe.
/// </remarks>
public static class ProfileJson
{
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// The writer options of every JSON the library writes to the contract (profiles, decisions,
    /// comparisons): Chinese written as is, not as <c>\uXXXX</c> escapes; HTML-sensitive characters are not
    /// escaped either, so embed the output in HTML only through an HTML encoder.
    /// </summary>
    /// <param name="indented">Whether to indent.</param>
    public static JsonWriterOptions WriterOptions(bool indented = false) => new() { Encoder = Encoder, Indented = indented };

    /// <summary>Reads one profile from UTF-8 JSON.</summary>
    public static ReadResult<CreditProfile> Read(ReadOnlySpan<byte> utf8Json, ProfileReadOptions? options = null)
    {
        options ??= ProfileReadOptions.Default;
        return ProfileParser.Parse(utf8Json, options, options.FirstLineNumber);
    }

    /// <summary>Reads one profile of a stream, its first line <paramref name="firstLineNumber"/> (what the options say of it is ignored).</summary>
    internal static ReadResult<CreditProfile> Read(ReadOnlySpan<byte> utf8Json, ProfileReadOptions options, int firstLineNumber) =>
        ProfileParser.Parse(utf8Json, options, firstLineNumber);

    /// <summary>Reads one profile from JSON text.</summary>
    public static ReadResult<CreditProfile> Read(string json, ProfileReadOptions? options = null)
    {
        Guard.Against.Null(json);
        return Read(Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Writes a profile as JSON text.</summary>
    public static string Write(CreditProfile profile, ProfileWriteOptions? options = null)
    {
        options ??= ProfileWriteOptions.Default;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder, Indented = options.Indented }))
        {
            Write(writer, profile, options);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Writes a profile to a JSON writer.</summary>
    public static void Write(Utf8JsonWriter writer, CreditProfile profile, ProfileWriteOptions? options = null)
    {
        Guard.Against.Null(writer);
        Guard.Against.Null(profile);
        options ??= ProfileWriteOptions.Default;
        writer.WriteStartObject();
        var subject = profile.Subject;
        writer.WriteStartObject("subject");
        writer.WriteString("name", subject.Name);
        writer.WriteString("kind", ContractNames.SubjectKinds.Name(subject.Kind));
        WriteIdentifier(writer, subject.Identifier, options);
        WriteIfNotNull(writer, "supervisingDepartment", subject.SupervisingDepartment);
        writer.WriteEndObject();

        writer.WriteStartArray("records");
        foreach (var record in profile.Records)
        {
            writer.WriteStartObject();
            writer.WriteString("id", record.Id);
            writer.WriteString("category", ContractNames.RecordCategories.Name(record.Category));
            if (record.StatedSeverity is { } severity)
            {
                writer.WriteString("severity", ContractNames.Severities.Name(severity));
            }

            WriteIfNotNull(writer, "authority", record.Authority);
            WriteDate(writer, "decidedOn", record.DecidedOn);
            WriteDate(writer, "publicUntil", record.PublicUntil);
            WriteDate(writer, "repairedOn", record.RepairedOn);
            WriteIfNotNull(writer, "commitmentId", record.CommitmentId);
            if (record.FalseCommitment)
            {
                writer.WriteBoolean("falseCommitment", true);
            }
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("reports");
        foreach (var report in profile.Reports)
        {
            writer.WriteStartObject();
            writer.WriteString("id", report.Id);
            writer.WriteString("kind", ContractNames.ReportKinds.Name(report.Kind));
            if (report.Source != Reports.ReportSource.FiledAgency)
            {
                writer.WriteString("source", ContractNames.ReportSources.Name(report.Source));
            }

            if (report.Agency is { } agency)
            {
                writer.WriteStartObject("agency");
                writer.WriteString("name", agency.Name);
                writer.WriteString("filingNumber", agency.FilingNumber);
                writer.WriteEndObject();
            }

            if (report.Rating is { } rating)
            {
                writer.WriteString("rating", rating.ToString());
            }

            WriteDate(writer, "issuedOn", report.IssuedOn);
            WriteDate(writer, "validUntil", report.ValidUntil);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("commitments");
        foreach (var commitment in profile.Commitments)
        {
            writer.WriteStartObject();
            writer.WriteString("id", commitment.Id);
            writer.WriteString("type", ContractNames.CommitmentTypes.Name(commitment.Type));
            writer.WriteString("matter", commitment.Matter);
            WriteIfNotNull(writer, "window", commitment.Window);
            WriteDate(writer, "committedOn", commitment.CommittedOn);
            WriteDate(writer, "signedOn", commitment.SignedOn);
            WriteStrings(writer, "missingMaterials", commitment.MissingMaterials);

            WriteDate(writer, "remedyDeadline", commitment.RemedyDeadline);
            WriteDate(writer, "materialsSubmittedOn", commitment.MaterialsSubmittedOn);
            WriteDate(writer, "breachedOn", commitment.BreachedOn);
            if (commitment.BreachSeverity is { } breachSeverity)
            {
                writer.WriteString("breachSeverity", ContractNames.Severities.Name(breachSeverity));
            }

            WriteDate(writer, "breachRepairedOn", commitment.BreachRepairedOn);
            WriteStrings(writer, "replacedCertificates", commitment.ReplacedCertificates);
            if (commitment.FalseCommitment)
            {
                writer.WriteBoolean("falseCommitment", true);
            }

            if (commitment.Agent is { } agent)
            {
                writer.WriteStartObject("agent");
                writer.WriteString("name", agent.Name);
                WriteIdentifier(writer, agent.Identifier, options);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("conveniences");
        foreach (var convenience in profile.Conveniences)
        {
            writer.WriteStringValue(ContractNames.Conveniences.Name(convenience));
        }

        writer.WriteEndArray();
        WriteDate(writer, "creditCheckedOn", profile.CreditCheckedOn);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>idType</c> and <c>id</c>, the id masked when personal unless revealing is asked for.</summary>
    internal static void WriteIdentifier(Utf8JsonWriter writer, SubjectIdentifier identifier, ProfileWriteOptions options)
    {
        writer.WriteString("idType", ContractNames.IdentifierTypes.Name(identifier.Type));
        writer.WriteString("id", options.RevealPersonalIdentifiers ? identifier.RevealUnmasked() : identifier.Mask(options.Mask));
    }

    internal static void WriteDate(Utf8JsonWriter writer, string name, LocalDate? date) => WriteDate(writer, JsonEncodedText.Encode(name, Encoder), date);

    internal static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, LocalDate? date)
    {
        if (date is { } d)
        {
            Span<char> text = stackalloc char[10];
            IsoDate.Write(text, d);
            writer.WriteString(name, text);
        }
    }

    /// <summary>Writes a string array, or nothing when it is empty.</summary>
    private static void WriteStrings(Utf8JsonWriter writer, string name, System.Collections.Immutable.ImmutableArray<string> items)
    {
        if (items.IsEmpty)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static void WriteIfNotNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
