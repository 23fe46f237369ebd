using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text;
using System;
using CreditPolicy.Commitments;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Serialization;

/// <summary>
/// Reads one profile from UTF-8 JSON in a single pass with <see cref="Utf8JsonReader"/>, collecting every
/// problem with its JSON path and line. Unknown fields are skipped; <c>null</c> counts as absent.
/// </summary>
internal ref struct ProfileParser
{
    private static readonly FieldSet ProfileFields = new("subject", "records", "reports", "commitments", "conveniences", "creditCheckedOn");
    private static readonly FieldSet SubjectFields = new("name", "kind", "idType", "id", "supervisingDepartment");
    private static readonly FieldSet AgentFields = new("name", "idType", "id");
    private static readonly FieldSet RecordFields = new("id", "category", "severity", "authority", "decidedOn", "publicUntil", "repairedOn", "commitmentId");
    private static readonly FieldSet ReportFields = new("id", "kind", "agency", "rating", "issuedOn", "validUntil", "source");
    private static readonly FieldSet AgencyFields = new("name", "filingNumber");
    private static readonly FieldSet CommitmentFields = new(
        "id", "type", "matter", "window", "committedOn", "signedOn", "missingMaterials", "remedyDeadline", "materialsSubmittedOn", "breachedOn", "agent",
        "breachSeverity", "breachRepairedOn", "replacedCertificates");

    private static readonly byte[][] RatingNames = [.. Array.ConvertAll(CreditRating.All, r => Encoding.UTF8.GetBytes(r.ToString()))];

    private readonly ReadOnlySpan<byte> _input;
    private readonly ProfileReadOptions _options;
    private readonly ParserScratch _scratch;
    private readonly JsonPathStack _path;
    private readonly Dictionary<string, long> _ids;
    private Utf8JsonReader _reader;
    private List<InputError>? _errors;
    private int _lineCountedTo;
    private int _newlinesBefore;

    internal ProfileParser(ReadOnlySpan<byte> input, ProfileReadOptions options)
    {
        // A UTF-8 byte-order mark is accepted everywhere (contract v2); it is no part of the JSON.
        input = Utf8Input.SkipBom(input);
        _input = input;
        _options = options;
        _scratch = ParserScratch.Rent();
        _path = _scratch.Path;
        _ids = _scratch.Ids;
        // Comments are not JSON, and skipping them costs the reader about a tenth of its time: only rule files' cases allow them.
        _reader = new Utf8JsonReader(input, new JsonReaderOptions { CommentHandling = options.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow });
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
            AddError(new InputError(_path.Format(), _options.FirstLineNumber + (int)(ex.LineNumber ?? 0), "Invalid JSON: " + (cut > 0 ? message[..cut] : message)));
        }
        catch (TooManyErrors)
        {
            // The last error says so.
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString on an escape that is no Unicode text, e.g. a lone surrogate "\ud800".
            AddError(new InputError(_path.Format(), LineOf(_reader.TokenStartIndex), "A string is not valid Unicode text (a lone surrogate escape such as \\ud800)."));
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
            Error(0, null, "The input is empty; expected a profile (a JSON object).");
            return null;
        }

        if (_input.Length > _options.MaxProfileBytes)
        {
            Error(0, null, $"The profile has more than {_options.MaxProfileBytes:N0} bytes, the limit (ProfileReadOptions.MaxProfileBytes).");
            return null;
        }

        if (Utf8Input.FirstInvalid(_input) is >= 0 and var at)
        {
            Error(at, null, $"Byte {at - _input[..at].LastIndexOf((byte)'\n')} of the line is not valid text in the input's encoding (UTF-8 unless --encoding says otherwise; a file saved as GBK/GB18030 needs --encoding gb18030).");
            return null;
        }

        _reader.Read();

        var start = _reader.TokenStartIndex;
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            Error(start, null, "A profile must be a JSON object.");
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
                                Error(offset, null, $"Convenience '{ContractNames.Conveniences.Name(convenience)}' is listed twice.");
                            }

                            conveniences.Add(convenience);
                        }

                        _path.Pop();
                    }

                    break;
            }

            _path.Pop();
        }

        RequireFields(ProfileFields, present, 0b1, start);
        // Links are checked once everything else is sound: a commitment rejected for another reason would only
        // make its breach record's link look wrong too.
        if (links is not null && _errors is null && CreditProfile.BreachLinkProblems(records, commitments) is { } problems)
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

    private Subject? ReadSubject()
    {
        var start = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        Span<long> at = stackalloc long[5];
        at.Fill(start); // problems with absent fields point at their object
        string? name = null, id = null, department = null;
        SubjectKind? kind = null;
        IdentifierType? idType = null;
        var present = 0;
        while (NextField(SubjectFields, ref present, out var field))
        {
            at[field] = _reader.TokenStartIndex;
            switch (field)
            {
                case 0: name = ReadNonBlankString(); break;
                case 1: kind = ReadEnum(ContractNames.SubjectKinds); break;
                case 2: idType = ReadEnum(ContractNames.IdentifierTypes); break;
                case 3: id = ReadString(); break;
                default: department = ReadSharedString(); break;
            }

            _path.Pop();
        }

        RequireFields(SubjectFields, present, 0b1111, start);
        if (name is null || kind is not { } k || idType is not { } t || id is null)
        {
            return null;
        }

        if (Subject.CheckIdentifierType(k, t) is { } problem)
        {
            Error(at[2], "idType", problem);
            return null;
        }

        var identifier = ReadIdentifier(t, id, k == SubjectKind.NaturalPerson, at[3]);
        return identifier is null ? null : new Subject(name, k, identifier, department);
    }

    private CreditRecord? ReadRecord(out long commitmentIdAt)
    {
        var start = commitmentIdAt = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        Span<long> at = stackalloc long[8];
        at.Fill(start); // problems with absent fields point at their object
        string? id = null, authority = null, commitmentId = null;
        CreditRecordCategory? category = null;
        RecordSeverity? severity = null;
        LocalDate? decidedOn = null, publicUntil = null, repairedOn = null;
        var present = 0;
        while (NextField(RecordFields, ref present, out var field))
        {
            at[field] = _reader.TokenStartIndex;
            switch (field)
            {
                case 0: id = ReadId(); break;
                case 1: category = ReadEnum(ContractNames.RecordCategories); break;
                case 2: severity = ReadEnum(ContractNames.Severities); break;
                case 3: authority = ReadSharedString(); break;
                case 4: decidedOn = ReadDate(); break;
                case 5: publicUntil = ReadDate(); break;
                case 6: repairedOn = ReadDate(); break;
                default: commitmentId = ReadNonBlankString(); break;
            }

            _path.Pop();
        }

        RequireFields(RecordFields, present, 0b10011, start);
        commitmentIdAt = at[7];
        if (id is null || category is not { } c || decidedOn is not { } decided
            || Report(RecordFields, at, CreditRecord.Problems(c, decided, severity, publicUntil, repairedOn, commitmentId)))
        {
            return null;
        }

        return new CreditRecord(id, c, decided, severity, authority, publicUntil, repairedOn, commitmentId);
    }

    private CreditReport? ReadReport()
    {
        var start = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        Span<long> at = stackalloc long[7];
        at.Fill(start); // problems with absent fields point at their object
        string? id = null;
        CreditReportKind? kind = null;
        ReportSource? source = null;
        CreditServiceAgency? agency = null;
        CreditRating? rating = null;
        LocalDate? issuedOn = null, validUntil = null;
        var present = 0;
        while (NextField(ReportFields, ref present, out var field))
        {
            at[field] = _reader.TokenStartIndex;
            switch (field)
            {
                case 0: id = ReadId(); break;
                case 1: kind = ReadEnum(ContractNames.ReportKinds); break;
                case 2: agency = ReadAgency(); break;
                case 3: rating = ReadRating(); break;
                case 4: issuedOn = ReadDate(); break;
                case 5: validUntil = ReadDate(); break;
                default: source = ReadEnum(ContractNames.ReportSources); break;
            }

            _path.Pop();
        }

        // agency and rating: present for a filed agency's report, absent for the Credit Reference Center's (checked below)
        RequireFields(ReportFields, present, 0b110011, start);
        var from = source ?? ReportSource.FiledAgency;
        if ((present & (1 << 6)) != 0 && source is null)
        {
            return null; // an unknown source, reported
        }

        if (id is null || kind is not { } k || issuedOn is not { } issued || validUntil is not { } until
            || Report(ReportFields, at, CreditReport.Problems(from, (present & 0b100) != 0, (present & 0b1000) != 0, issued, until))
            || (from == ReportSource.FiledAgency && (agency is null || rating is null)))
        {
            return null;
        }

        return from == ReportSource.FiledAgency
            ? new CreditReport(id, k, agency!, rating!.Value, issued, until)
            : CreditReport.FromCreditReferenceCenter(id, k, issued, until);
    }

    private CreditServiceAgency? ReadAgency()
    {
        var start = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        string? name = null, filingNumber = null;
        var present = 0;
        while (NextField(AgencyFields, ref present, out var field))
        {
            if (field == 0)
            {
                name = ReadNonBlankString(shared: true);
            }
            else
            {
                filingNumber = ReadNonBlankString(shared: true);
            }

            _path.Pop();
        }

        RequireFields(AgencyFields, present, 0b11, start);
        return name is null || filingNumber is null ? null : new CreditServiceAgency(name, filingNumber);
    }

    private CreditCommitment? ReadCommitment()
    {
        var start = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        Span<long> at = stackalloc long[14];
        at.Fill(start); // problems with absent fields point at their object
        string? id = null, matter = null, window = null;
        CommitmentType? type = null;
        RecordSeverity? breachSeverity = null;
        LocalDate? committedOn = null, signedOn = null, remedyDeadline = null, materialsSubmittedOn = null, breachedOn = null, breachRepairedOn = null;
        ImmutableArray<string> materials = [], certificates = [];
        CommitmentAgent? agent = null;
        var present = 0;
        while (NextField(CommitmentFields, ref present, out var field))
        {
            at[field] = _reader.TokenStartIndex;
            switch (field)
            {
                case 0: id = ReadId(); break;
                case 1: type = ReadEnum(ContractNames.CommitmentTypes); break;
                case 2: matter = ReadNonBlankString(shared: true); break;
                case 3: window = ReadSharedString(); break;
                case 4: committedOn = ReadDate(); break;
                case 5: signedOn = ReadDate(); break;
                case 6: materials = ReadStringArray(); break;
                case 7: remedyDeadline = ReadDate(); break;
                case 8: materialsSubmittedOn = ReadDate(); break;
                case 9: breachedOn = ReadDate(); break;
                case 10: agent = ReadAgent(); break;
                case 11: breachSeverity = ReadEnum(ContractNames.Severities); break;
                case 12: breachRepairedOn = ReadDate(); break;
                default: certificates = ReadStringArray(); break;
            }

            _path.Pop();
        }

        RequireFields(CommitmentFields, present, 0b10111, start);
        if (id is null || type is not { } t || matter is null || committedOn is not { } committed
            || Report(CommitmentFields, at, CreditCommitment.Problems(t, committed, signedOn, materials, remedyDeadline, materialsSubmittedOn, breachedOn, breachSeverity, breachRepairedOn, certificates)))
        {
            return null;
        }

        return new CreditCommitment(id, t, matter, committed, window, signedOn, materials, remedyDeadline, materialsSubmittedOn, breachedOn, agent, breachSeverity, breachRepairedOn, certificates);
    }

    private CommitmentAgent? ReadAgent()
    {
        var start = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        string? name = null, id = null;
        IdentifierType? idType = null;
        long idAt = start;
        var present = 0;
        while (NextField(AgentFields, ref present, out var field))
        {
            switch (field)
            {
                case 0: name = ReadNonBlankString(); break;
                case 1: idType = ReadEnum(ContractNames.IdentifierTypes); break;
                default:
                    idAt = _reader.TokenStartIndex;
                    id = ReadString();
                    break;
            }

            _path.Pop();
        }

        RequireFields(AgentFields, present, 0b111, start);
        if (name is null || idType is not { } t || id is null)
        {
            return null;
        }

        var identifier = ReadIdentifier(t, id, true, idAt);
        return identifier is null ? null : new CommitmentAgent(name, identifier);
    }

    private SubjectIdentifier? ReadIdentifier(IdentifierType type, string value, bool heldByNaturalPerson, long offset)
    {
        if (SubjectIdentifier.TryParse(type, value, heldByNaturalPerson, _options.UsccMode, out var identifier, out var error))
        {
            return identifier;
        }

        Error(offset, "id", error);
        return null;
    }

    /// <summary>Moves to the next property of the current object; pushes its name when it is one of <paramref name="fields"/>, skipping others.</summary>
    private bool NextField(FieldSet fields, ref int present, out int field)
    {
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            field = fields.Match(ref _reader);
            var at = _reader.TokenStartIndex;
            _reader.Read();
            if (field < 0)
            {
                _reader.Skip();
                continue;
            }

            _path.Push(fields.Names[field]);
            if ((present & (1 << field)) != 0)
            {
                Error(at, null, ReadMessages.GivenTwice(fields.Names[field]));
            }

            if (_reader.TokenType != JsonTokenType.Null)
            {
                present |= 1 << field;
            }

            return true;
        }

        field = -1;
        return false;
    }

    /// <summary>
    /// Moves to element <paramref name="index"/> of the current array and pushes its index, reporting a
    /// <c>null</c> element; false at the end (or when the value is null or not an array).
    /// </summary>
    private bool NextElement(int index)
    {
        if (index == 0 && _reader.TokenType != JsonTokenType.StartArray)
        {
            if (_reader.TokenType != JsonTokenType.Null)
            {
                Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedArray);
                _reader.Skip();
            }

            return false;
        }

        if (!_reader.Read() || _reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        _path.Push(index);
        if (_reader.TokenType == JsonTokenType.Null)
        {
            // Contract v2: no array holds null (a dropped record would make a subject look clean).
            Error(_reader.TokenStartIndex, null, ReadMessages.NullElement);
        }

        return true;
    }

    private bool ExpectObject()
    {
        if (_reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (_reader.TokenType != JsonTokenType.Null)
        {
            Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedObject);
            _reader.Skip();
        }

        return false;
    }

    private string? ReadString()
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            return _reader.GetString();
        }

        if (_reader.TokenType != JsonTokenType.Null)
        {
            Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedString);
            _reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// A string that recurs across profiles (authority, window, matter, agency, department), through
    /// <see cref="StringCache"/>. Never for identity numbers or other personal data (R8): those are not kept
    /// beyond the profile that holds them.
    /// </summary>
    private string? ReadSharedString()
    {
        if (_reader.TokenType == JsonTokenType.String && !_reader.ValueIsEscaped && !_reader.HasValueSequence)
        {
            return StringCache.Get(_reader.ValueSpan);
        }

        return ReadString();
    }

    private string? ReadNonBlankString(bool shared = false)
    {
        var offset = _reader.TokenStartIndex;
        var text = shared ? ReadSharedString() : ReadString();
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error(offset, null, ReadMessages.Blank);
            return null;
        }

        return text;
    }

    private string? ReadId()
    {
        var offset = _reader.TokenStartIndex;
        var id = ReadNonBlankString();
        if (id is null)
        {
            return null;
        }

        if (!_ids.TryAdd(id, offset))
        {
            Error(offset, null, $"Id '{Shown(id)}' is already used on line {LineOf(_ids[id])}; record, report and commitment ids must be unique in a profile.");
            return null;
        }

        return id;
    }

    private ImmutableArray<string> ReadStringArray()
    {
        var items = _scratch.Strings;
        items.Clear();
        for (var i = 0; NextElement(i); i++)
        {
            if (ReadNonBlankString() is { } item)
            {
                items.Add(item);
            }

            _path.Pop();
        }

        return [.. items];
    }

    private T? ReadEnum<T>(EnumSpelling<T> spelling)
        where T : struct, Enum
    {
        if (_reader.TokenType == JsonTokenType.String && spelling.TryMatch(ref _reader, out var value))
        {
            return value;
        }

        UnknownValue(spelling.Expected);
        return null;
    }

    private CreditRating? ReadRating()
    {
        if (_reader.TokenType == JsonTokenType.String)
        {
            for (var i = 0; i < RatingNames.Length; i++)
            {
                if (_reader.ValueTextEquals(RatingNames[i]))
                {
                    return CreditRating.All[i];
                }
            }
        }

        UnknownValue("AAA, AA, A, BBB, BB, B, CCC, CC, C");
        return null;
    }

    private void UnknownValue(string expected)
    {
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        var offset = _reader.TokenStartIndex;
        if (_reader.TokenType == JsonTokenType.String)
        {
            Error(offset, null, ReadMessages.UnknownValue(_reader.GetString(), expected));
        }
        else
        {
            Error(offset, null, ReadMessages.ExpectedOneOf(expected));
            _reader.Skip();
        }
    }

    private LocalDate? ReadDate()
    {
        if (_reader.TokenType != JsonTokenType.String)
        {
            if (_reader.TokenType != JsonTokenType.Null)
            {
                Error(_reader.TokenStartIndex, null, ReadMessages.ExpectedDate);
                _reader.Skip();
            }

            return null;
        }

        var text = _reader.ValueIsEscaped || _reader.HasValueSequence
            ? Encoding.UTF8.GetBytes(_reader.GetString() ?? string.Empty)
            : _reader.ValueSpan;
        var outcome = IsoDateReader.TryRead(text, out var date);
        if (outcome == IsoDateReader.Outcome.Valid)
        {
            return date;
        }

        Error(_reader.TokenStartIndex, null, ReadMessages.BadDate(outcome, Encoding.UTF8.GetString(text)));
        return null;
    }

    private void RequireFields(FieldSet fields, int present, int required, long objectStart)
    {
        var missing = required & ~present;
        for (var i = 0; missing != 0; i++, missing >>= 1)
        {
            if ((missing & 1) != 0)
            {
                Error(objectStart, null, ReadMessages.Missing(fields.Names[i]));
            }
        }
    }

    /// <summary>Reports each problem at its field; true when there was any.</summary>
    private bool Report(FieldSet fields, scoped ReadOnlySpan<long> at, List<FieldProblem>? problems)
    {
        if (problems is null)
        {
            return false;
        }

        foreach (var problem in problems)
        {
            Error(at[fields.IndexOf(problem.Field)], problem.Field, problem.Message);
        }

        return true;
    }

    private static void AddIfNotNull<T>(List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }

    private void Error(long offset, string? child, string message)
    {
        AddError(new InputError(_path.Format(child), LineOf(offset), message));
    }

    /// <summary>
    /// The line of <paramref name="offset"/>, counting newlines on from the last offset asked for when it is
    /// not before it (errors come mostly in input order), so that many errors cost linear time.
    /// </summary>
    private int LineOf(long offset)
    {
        var at = (int)Math.Clamp(offset, 0, _input.Length);
        if (at < _lineCountedTo)
        {
            (_lineCountedTo, _newlinesBefore) = (0, 0);
        }

        _newlinesBefore += _input[_lineCountedTo..at].Count((byte)'\n');
        _lineCountedTo = at;
        return _options.FirstLineNumber + _newlinesBefore;
    }

    private void AddError(InputError error)
    {
        // Messages may quote rejected input: never a value shaped like a resident identity number (R8), never a raw control character.
        error = error with { Message = PersonalIds.ForMessage(error.Message) };
        _errors ??= [];
        if (_errors.Count >= _options.MaxErrors)
        {
            _errors.Add(new InputError(error.Path, error.Line, $"More than {_options.MaxErrors} problems; the rest of this profile is not checked."));
            throw new TooManyErrors();
        }

        _errors.Add(error);
    }

    /// <summary>An id as an error message may repeat it: not when it has the shape of a resident identity number (contract v2, R8).</summary>
    private static string Shown(string id) => ResidentIdentityNumber.HasShape(id) ? "(an id shaped like a resident identity number)" : ReadMessages.Truncate(id);

    /// <summary>Stops reading a profile that has already given <see cref="ProfileReadOptions.MaxErrors"/> problems.</summary>
    private sealed class TooManyErrors : Exception
    {
    }
}
