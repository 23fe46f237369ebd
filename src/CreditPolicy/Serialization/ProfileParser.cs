using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text;
using System;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

using static CreditPolicy.Serialization.ProfileParser;

namespace CreditPolicy.Serialization;

/// <summary>
/// Reads one profile from UTF-8 JSON in a single pass, collecting every problem with its JSON path and line.
/// Unknown fields are skipped; <c>null</c> counts as absent. The profile is read first with
/// <see cref="FastJsonTokens"/>; anything that one declines, and any profile with a problem, is read again
/// with <see cref="Utf8JsonReader"/> (<see cref="ReferenceTokens"/>), so that errors are worded and located
/// by the reference reader alone.
/// </summary>
internal static class ProfileParser
{
    internal static readonly FieldSet ProfileFields = new("subject", "records", "reports", "commitments", "conveniences", "creditCheckedOn");
    internal static readonly FieldSet SubjectFields = new("name", "kind", "idType", "id", "supervisingDepartment");
    internal static readonly FieldSet AgentFields = new("name", "idType", "id");
    internal static readonly FieldSet RecordFields = new("id", "category", "severity", "authority", "decidedOn", "publicUntil", "repairedOn", "commitmentId", "falseCommitment");
    internal static readonly FieldSet ReportFields = new("id", "kind", "agency", "rating", "issuedOn", "validUntil", "source");
    internal static readonly FieldSet AgencyFields = new("name", "filingNumber");
    internal static readonly FieldSet CommitmentFields = new(
        "id", "type", "matter", "window", "committedOn", "signedOn", "missingMaterials", "remedyDeadline", "materialsSubmittedOn", "breachedOn", "agent",
        "breachSeverity", "breachRepairedOn", "replacedCertificates", "falseCommitment");

    internal static readonly int ProfileRequired = ProfileFields.Bits("subject");
    internal static readonly int SubjectRequired = SubjectFields.Bits("name", "kind", "idType", "id");
    internal static readonly int RecordRequired = RecordFields.Bits("id", "category", "decidedOn");
    internal static readonly int ReportRequired = ReportFields.Bits("id", "kind", "issuedOn", "validUntil");
    internal static readonly int ReportAgency = ReportFields.Bits("agency");
    internal static readonly int ReportRating = ReportFields.Bits("rating");
    internal static readonly int AgencyRequired = AgencyFields.Bits("name", "filingNumber");
    internal static readonly int CommitmentRequired = CommitmentFields.Bits("id", "type", "matter", "committedOn");
    internal static readonly int AgentRequired = AgentFields.Bits("name", "idType", "id");

    /// <summary>
    /// The fields and required fields of every kind of object in a profile, each named as
    /// schemas/profile.schema.json names its definition (<c>profile</c> for the profile itself), so that a test
    /// can hold schema and reader together.
    /// </summary>
    internal static IReadOnlyList<(string Name, string[] Fields, string[] Required)> ObjectFields =>
    [
        ("profile", ProfileFields.Names, ProfileFields.NamesIn(ProfileRequired)),
        ("subject", SubjectFields.Names, SubjectFields.NamesIn(SubjectRequired)),
        ("agent", AgentFields.Names, AgentFields.NamesIn(AgentRequired)),
        ("record", RecordFields.Names, RecordFields.NamesIn(RecordRequired)),
        ("report", ReportFields.Names, ReportFields.NamesIn(ReportRequired)),
        ("agency", AgencyFields.Names, AgencyFields.NamesIn(AgencyRequired)),
        ("commitment", CommitmentFields.Names, CommitmentFields.NamesIn(CommitmentRequired)),
    ];

    internal static readonly byte[][] RatingNames = [.. Array.ConvertAll(CreditRating.All, r => Encoding.UTF8.GetBytes(r.ToString()))];

    /// <summary>Reads one profile; its first line is <paramref name="firstLineNumber"/>, whatever <paramref name="options"/> say.</summary>
    internal static ReadResult<CreditProfile> Parse(ReadOnlySpan<byte> input, ProfileReadOptions options, int firstLineNumber)
    {
        // A UTF-8 byte-order mark is accepted everywhere (contract v2); it is no part of the JSON.
        var json = Utf8Input.SkipBom(input);
        if (json.Length <= options.MaxProfileBytes)
        {
            try
            {
                return new ProfileParser<FastJsonTokens>(json, new FastJsonTokens(json), options, firstLineNumber).Parse();
            }
            catch (FastPathDeclinedException)
            {
                // Read again below: the reference reader words and locates whatever made the fast one decline.
            }
        }

        return ParseWithReference(input, options, firstLineNumber); // the input as given: one byte-order mark is skipped, not two
    }

    /// <summary>Reads one profile with <see cref="Utf8JsonReader"/> alone: what <see cref="Parse"/> must always agree with.</summary>
    internal static ReadResult<CreditProfile> ParseWithReference(ReadOnlySpan<byte> input, ProfileReadOptions options, int firstLineNumber)
    {
        input = Utf8Input.SkipBom(input);
        return new ProfileParser<ReferenceTokens>(input, new ReferenceTokens(input, options.AllowComments), options, firstLineNumber).Parse();
    }
}

/// <summary>
/// The profile reader over one tokenizer: <see cref="FastJsonTokens"/> (where any problem declines) or
/// <see cref="ReferenceTokens"/>. One copy of the reading logic for both, specialised by the JIT for each.
/// </summary>
/// <typeparam name="TTokens">The tokenizer.</typeparam>
internal ref partial struct ProfileParser<TTokens>
    where TTokens : struct, IJsonTokens, allows ref struct
{
    /// <summary>Whether this is the fast reader, which declines at the first problem (a constant for the JIT).</summary>
    private static bool Fast => typeof(TTokens) == typeof(FastJsonTokens);

    private readonly ReadOnlySpan<byte> _input;
    private readonly ProfileReadOptions _options;
    private readonly int _firstLine;
    private readonly bool _zh;
    private readonly ParserScratch _scratch;
    private readonly JsonPathStack _path;
    private readonly Dictionary<string, long> _ids;
    private TTokens _reader;
    private List<InputError>? _errors;
    private int _lineCountedTo;
    private int _newlinesBefore;

    /// <summary>A reader of <paramref name="input"/> (without a byte-order mark) through <paramref name="tokens"/> over the same bytes.</summary>
    internal ProfileParser(ReadOnlySpan<byte> input, TTokens tokens, ProfileReadOptions options, int firstLineNumber)
    {
        _firstLine = firstLineNumber;
        _input = input;
        _options = options;
        _zh = Messages.IsChinese(options.Culture);
        _scratch = ParserScratch.Rent();
        _path = _scratch.Path;
        _ids = _scratch.Ids;
        _reader = tokens;
        _errors = null;
    }

    internal ReadResult<CreditProfile> Parse()
    {
        CreditProfile? profile = null;
        try
        {
            profile = ReadProfile();
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                _reader.Read(); // throws on anything but whitespace and comments after the profile
            }
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            AddError(new InputError(_path.Format(), LineAfter(ex.LineNumber ?? 0), Messages.Get(_zh, "read.invalid-json", ForeignMessages.Translate(cut > 0 ? message[..cut] : message, _zh))));
        }
        catch (TooManyErrors)
        {
            // The last error says so.
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString on an escape that is no Unicode text, e.g. a lone surrogate "\ud800".
            AddError(new InputError(_path.Format(), LineOf(_reader.TokenStartIndex), Messages.Get(_zh, "profile.lone-surrogate")));
        }

        _scratch.Clear();
        return _errors is null && profile is not null
            ? new ReadResult<CreditProfile>(profile, [])
            : new ReadResult<CreditProfile>(null, [.. _errors ?? []]);
    }

    private CreditProfile? ReadProfile()
    {
        if (_input.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            Error(0, null, Messages.Get(_zh, "profile.empty"));
            return null;
        }

        if (_input.Length > _options.MaxProfileBytes)
        {
            Error(0, null, Messages.Get(_zh, "profile.too-large", _options.MaxProfileBytes));
            return null;
        }

        // The fast tokenizer checks each string's UTF-8 and allows nothing else but ASCII.
        if (!Fast && Utf8Input.FirstInvalid(_input) is >= 0 and var at)
        {
            Error(at, null, Messages.Get(_zh, "profile.invalid-byte", at - _input[..at].LastIndexOf((byte)'\n')));
            return null;
        }

        _reader.Read();

        var start = _reader.TokenStartIndex;
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            Error(start, null, Messages.Get(_zh, "profile.not-object"));
            return null;
        }

        Subject? subject = null;
        LocalDate? checkedOn = null;
        List<(int Record, long Offset)>? links = null;
        var records = _scratch.Records;
        var reports = _scratch.Reports;
        var commitments = _scratch.Commitments;
        var conveniences = _scratch.Conveniences;
        var present = 0;
        while (NextField(ProfileFields, ref present, out var field))
        {
            switch (field)
            {
                case 0:
                    subject = ReadSubject();
                    break;
                case 1:
                    for (var i = 0; NextElement(i); i++)
                    {
                        if (ReadRecord(out var linkAt) is { } record)
                        {
                            if (record.CommitmentId is not null)
                            {
                                (links ??= []).Add((records.Count, linkAt));
                            }

                            records.Add(record);
                        }

                        _path.Pop();
                    }

                    break;
                case 2:
                    for (var i = 0; NextElement(i); i++)
                    {
                        AddIfNotNull(reports, ReadReport());
                        _path.Pop();
                    }

                    break;
                case 3:
                    for (var i = 0; NextElement(i); i++)
                    {
                        AddIfNotNull(commitments, ReadCommitment());
                        _path.Pop();
                    }

                    break;
                case 5:
                    checkedOn = ReadDate();
                    break;
                default:
                    for (var i = 0; NextElement(i); i++)
                    {
                        var offset = _reader.TokenStartIndex;
                        if (ReadEnum(ContractNames.Conveniences) is { } convenience)
                        {
                            if (conveniences.Contains(convenience))
                            {
                                Error(offset, null, Messages.Get(_zh, "profile.convenience-twice", ContractNames.Conveniences.Name(convenience)));
                            }

                            conveniences.Add(convenience);
                        }

                        _path.Pop();
                    }

                    break;
            }

            _path.Pop();
        }

        RequireFields(ProfileFields, present, ProfileRequired, start);
        // Links are checked once everything else is sound: a commitment rejected for another reason would only
        // make its breach record's link look wrong too.
        if (links is not null && _errors is null && CreditProfile.BreachLinkProblems(records, commitments, _zh) is { } problems)
        {
            foreach (var (record, problem) in problems)
            {
                var offset = links.Find(l => l.Record == record).Offset;
                AddError(new InputError($"$.records[{record}].commitmentId", LineOf(offset), problem.Message));
            }
        }

        return _errors is null && subject is not null
            ? new CreditProfile(subject, [.. records], [.. reports], [.. commitments], [.. conveniences], checkedOn, alreadyChecked: true)
            : null;
    }
}
