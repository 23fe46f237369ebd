using System.Collections.Immutable;
using System;
using CreditPolicy.Commitments;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using NodaTime;

using static CreditPolicy.Serialization.ProfileParser;

namespace CreditPolicy.Serialization;

/// <summary>The profile's items: subject, records, reports and agencies, commitments and agents, each checked by the model's own rules (<c>Problems</c>).</summary>
internal ref partial struct ProfileParser<TTokens>
{
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

        RequireFields(SubjectFields, present, SubjectRequired, start);
        if (name is null || kind is not { } k || idType is not { } t || id is null)
        {
            return null;
        }

        if (Subject.CheckIdentifierTypeIn(k, t, _zh) is { } problem)
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

        Span<long> at = stackalloc long[9];
        at.Fill(start); // problems with absent fields point at their object
        string? id = null, authority = null, commitmentId = null;
        CreditRecordCategory? category = null;
        RecordSeverity? severity = null;
        LocalDate? decidedOn = null, publicUntil = null, repairedOn = null;
        var present = 0;
        var falseCommitment = false;
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
                case 7: commitmentId = ReadNonBlankString(); break;
                default: falseCommitment = ReadBoolean(); break;
            }

            _path.Pop();
        }

        RequireFields(RecordFields, present, RecordRequired, start);
        commitmentIdAt = at[7];
        if (id is null || category is not { } c || decidedOn is not { } decided
            || (Report(RecordFields, at, CreditRecord.CheckIn(c, decided, severity, publicUntil, repairedOn, commitmentId, _zh))
                | Report(RecordFields, at, CreditRecord.FalseCommitmentProblem(c, falseCommitment, _zh))))
        {
            return null;
        }

        return new CreditRecord(id, c, decided, severity, authority, publicUntil, repairedOn, commitmentId, falseCommitment);
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
        RequireFields(ReportFields, present, ReportRequired, start);
        var from = source ?? ReportSource.FiledAgency;
        if ((present & (1 << 6)) != 0 && source is null)
        {
            return null; // an unknown source, reported
        }

        if (id is null || kind is not { } k || issuedOn is not { } issued || validUntil is not { } until
            || Report(ReportFields, at, CreditReport.CheckIn(from, (present & ReportAgency) != 0, (present & ReportRating) != 0, issued, until, _zh))
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

        RequireFields(AgencyFields, present, AgencyRequired, start);
        return name is null || filingNumber is null ? null : new CreditServiceAgency(name, filingNumber);
    }

    private CreditCommitment? ReadCommitment()
    {
        var start = _reader.TokenStartIndex;
        if (!ExpectObject())
        {
            return null;
        }

        Span<long> at = stackalloc long[15];
        at.Fill(start); // problems with absent fields point at their object
        string? id = null, matter = null, window = null;
        CommitmentType? type = null;
        RecordSeverity? breachSeverity = null;
        LocalDate? committedOn = null, signedOn = null, remedyDeadline = null, materialsSubmittedOn = null, breachedOn = null, breachRepairedOn = null;
        ImmutableArray<string> materials = [], certificates = [];
        CommitmentAgent? agent = null;
        var present = 0;
        var falseCommitment = false;
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
                case 13: certificates = ReadStringArray(); break;
                default: falseCommitment = ReadBoolean(); break;
            }

            _path.Pop();
        }

        RequireFields(CommitmentFields, present, CommitmentRequired, start);
        if (id is null || type is not { } t || matter is null || committedOn is not { } committed
            || (Report(CommitmentFields, at, CreditCommitment.CheckIn(t, committed, signedOn, materials, remedyDeadline, materialsSubmittedOn, breachedOn, breachSeverity, breachRepairedOn, certificates, _zh))
                | Report(CommitmentFields, at, CreditCommitment.FalseCommitmentProblem(breachedOn, falseCommitment, _zh))))
        {
            return null;
        }

        return new CreditCommitment(id, t, matter, committed, window, signedOn, materials, remedyDeadline, materialsSubmittedOn, breachedOn, agent, breachSeverity, breachRepairedOn, certificates, falseCommitment);
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

        RequireFields(AgentFields, present, AgentRequired, start);
        if (name is null || idType is not { } t || id is null)
        {
            return null;
        }

        var identifier = ReadIdentifier(t, id, true, idAt);
        return identifier is null ? null : new CommitmentAgent(name, identifier);
    }

    private SubjectIdentifier? ReadIdentifier(IdentifierType type, string value, bool heldByNaturalPerson, long offset)
    {
        if (SubjectIdentifier.TryParseIn(type, value, heldByNaturalPerson, _options.UsccMode, out var identifier, out var error, _zh))
        {
            return identifier;
        }

        Error(offset, "id", error);
        return null;
    }
}
