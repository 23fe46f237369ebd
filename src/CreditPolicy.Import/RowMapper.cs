using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CreditPolicy.Records;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Import;

/// <summary>One row mapped: its subject (and the key that groups rows of the same subject) and its record.</summary>
internal sealed record MappedRow(string File, int Row, string SubjectKey, Subject Subject, CreditRecord Record, Func<Column, string> ColumnName);

/// <summary>Maps the rows of one file of one kind to subjects and records, reporting each cell that cannot be mapped.</summary>
internal sealed class RowMapper(string file, PublicityDataKind kind, IReadOnlyList<string> header, Dictionary<Column, int> columns, ImportOptions options, List<ImportError> errors, bool date1904 = false)
{
    private static readonly char[] CategorySeparators = [';', '；', '、', ',', '，'];

    private readonly bool _zh = ImportMessages.IsChinese(options.Culture);

    private readonly List<ImportError> _errors = errors;

    private int _row;

    private bool _ok;

    /// <summary>The row mapped, or <see langword="null"/> when any of its cells could not be (each reported).</summary>
    internal MappedRow? Map(SheetRow row)
    {
        _row = row.Number;
        _ok = true;
        var name = Required(row, Column.Name);
        var subject = ReadSubject(row, name);
        var record = ReadRecord(row);
        return _ok && subject is { } s && record is { } r ? new MappedRow(file, row.Number, s.Key, s.Subject, r, ColumnName) : null;
    }

    private (string Key, Subject Subject)? ReadSubject(SheetRow row, string? name)
    {
        var subjectClass = Value(row, Column.SubjectClass);
        SubjectKind? stated = subjectClass switch
        {
            "" => null,
            "法人及非法人组织" or "法人和非法人组织" or "法人" or "非法人组织" => SubjectKind.OtherOrganization, // refined by the code below
            "自然人" => SubjectKind.NaturalPerson,
            "个体工商户" => SubjectKind.IndividualBusiness,
            _ => Fail<SubjectKind?>(Column.SubjectClass, "subject.class", Quote(subjectClass)),
        };
        if (!_ok)
        {
            return null;
        }

        var uscc = Value(row, Column.Uscc);
        var number = Value(row, Column.CertificateNumber);
        var certificateType = Value(row, Column.CertificateType);
        var person = stated == SubjectKind.NaturalPerson || (stated is null && uscc.Length == 0 && number.Length > 0);
        SubjectIdentifier? identifier;
        SubjectKind kind;
        if (person || (stated == SubjectKind.IndividualBusiness && uscc.Length == 0 && number.Length > 0))
        {
            kind = person ? SubjectKind.NaturalPerson : SubjectKind.IndividualBusiness;
            if (number.Length == 0)
            {
                return Fail<(string, Subject)?>(Column.CertificateNumber, "subject.no-certificate-number");
            }

            var residentId = IsResidentIdType(certificateType) || (certificateType.Length == 0 && ResidentIdentityNumber.HasShape(number));
            var type = residentId ? IdentifierType.ResidentId : IdentifierType.Other;
            identifier = Identifier(type, number, Column.CertificateNumber, heldByNaturalPerson: person);
        }
        else if (uscc.Length > 0)
        {
            identifier = Identifier(IdentifierType.Uscc, uscc, Column.Uscc, heldByNaturalPerson: false);
            kind = identifier?.Uscc is { } code ? KindOf(code.Category, stated) : SubjectKind.OtherOrganization;
        }
        else if (OtherCode(row) is { } other)
        {
            identifier = Identifier(IdentifierType.Other, other, Column.Uscc, heldByNaturalPerson: false);
            kind = stated ?? SubjectKind.OtherOrganization;
        }
        else
        {
            return Fail<(string, Subject)?>(Column.Uscc, "subject.no-code");
        }

        if (identifier is null || name is null || !_ok)
        {
            return null;
        }

        if (Subject.CheckIdentifierType(kind, identifier.Type) is not null)
        {
            return Fail<(string, Subject)?>(Column.SubjectClass, "subject.kind-id", Kinds(kind));
        }

        return ($"{identifier.Type}:{identifier.RevealUnmasked()}", new Subject(name, kind, identifier));
    }

    /// <summary>The first of the other code columns (工商注册号, 组织机构代码, …) that has a value, for an organisation without a unified social credit code.</summary>
    private string? OtherCode(SheetRow row)
    {
        foreach (var column in new[] { Column.BusinessRegistration, Column.OrganizationCode, Column.TaxRegistration, Column.PublicInstitutionCertificate, Column.SocialOrganizationCertificate })
        {
            if (Value(row, column) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// The contract's kind from the code's registration category (GB 32100-2015); an individual business the
    /// row states stays one. docs/import.md gives the table.
    /// </summary>
    internal static SubjectKind KindOf(RegistrationCategory category, SubjectKind? stated) => category switch
    {
        RegistrationCategory.Enterprise => SubjectKind.Enterprise,
        RegistrationCategory.IndividualBusiness => SubjectKind.IndividualBusiness,
        RegistrationCategory.PublicInstitution => SubjectKind.PublicInstitution,
        RegistrationCategory.SocialOrganization or RegistrationCategory.PrivateNonEnterpriseUnit or RegistrationCategory.Foundation => SubjectKind.SocialOrganization,
        _ when stated == SubjectKind.IndividualBusiness => SubjectKind.IndividualBusiness,
        _ => SubjectKind.OtherOrganization,
    };

    private SubjectIdentifier? Identifier(IdentifierType type, string value, Column column, bool heldByNaturalPerson)
    {
        if (SubjectIdentifier.TryParse(type, value, heldByNaturalPerson, UsccParseMode.Strict, out var identifier, out _))
        {
            return identifier;
        }

        return Fail<SubjectIdentifier?>(column, type == IdentifierType.Uscc ? "subject.uscc" : "subject.resident-id", LibraryReason(type, value));
    }

    /// <summary>
    /// Why the library's own validator rejects the number, in the importer's language: the profile reader's
    /// message for the subject's id (it never repeats a resident identity number).
    /// </summary>
    private string LibraryReason(IdentifierType type, string value)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["subject"] = new Dictionary<string, string>
            {
                ["name"] = "x",
                ["kind"] = type == IdentifierType.Uscc ? "enterprise" : "natural-person",
                ["idType"] = type == IdentifierType.Uscc ? "uscc" : "resident-id",
                ["id"] = value,
            },
        });
        var result = ProfileJson.Read(json, new ProfileReadOptions { Culture = options.Culture });
        return result.Errors.FirstOrDefault(e => e.Path == "$.subject.id")?.Message ?? string.Empty;
    }

    private CreditRecord? ReadRecord(SheetRow row)
    {
        var id = Required(row, Column.DecisionNumber);
        var decided = RequiredDate(row, Column.DecidedOn);
        var until = Value(row, Column.PublicUntil) is { Length: > 0 } end && !CellValuesParser.NoEnd(end) ? ParseDate(end, Column.PublicUntil) : null;
        var authority = Value(row, Column.Authority);
        RecordSeverity? severity = null;
        if (kind == PublicityDataKind.Penalty)
        {
            severity = Severity(row);
        }

        if (decided is { } d && until is { } u && u < d)
        {
            Fail<bool>(Column.PublicUntil, "record.until-before-decided", IsoDate(u), IsoDate(d));
        }

        if (!_ok || id is null || decided is null)
        {
            return null;
        }

        return kind == PublicityDataKind.Penalty
            ? new CreditRecord(id, CreditRecordCategory.AdministrativePenalty, decided.Value, severity, authority, until)
            : new CreditRecord(id, CreditRecordCategory.AdministrativeLicense, decided.Value, null, authority, until);
    }

    /// <summary>The most severe class of the row's categories (several joined by ; or 、), a fine by its amount.</summary>
    private RecordSeverity? Severity(SheetRow row)
    {
        var text = Required(row, Column.PenaltyCategory);
        decimal? fine = null;
        if (Value(row, Column.FineAmount) is { Length: > 0 } amount)
        {
            fine = CellValuesParser.Amount(amount) ?? Fail<decimal?>(Column.FineAmount, "record.amount", Quote(amount));
        }

        if (text is null)
        {
            return null;
        }

        // The whole text when the table knows it (a category whose own name holds a separator, such as the 2019
        // standard's 暂扣或者吊销许可证、暂扣或者吊销执照, or a rule set's entry), else each part.
        if (options.SeverityTable.SeverityOf(text, fine) is { } whole)
        {
            return whole;
        }

        RecordSeverity? most = null;
        foreach (var category in text.Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (options.SeverityTable.SeverityOf(category, fine) is not { } severity)
            {
                return Fail<RecordSeverity?>(Column.PenaltyCategory, "record.category", Quote(category));
            }

            most = most is { } m && m >= severity ? m : severity;
        }

        return most ?? Fail<RecordSeverity?>(Column.PenaltyCategory, "cell.blank");
    }

    private LocalDate? RequiredDate(SheetRow row, Column column) =>
        Required(row, column) is { } text ? ParseDate(text, column) : null;

    private LocalDate? ParseDate(string text, Column column) =>
        CellValuesParser.Date(text, date1904) ?? Fail<LocalDate?>(column, "cell.date", Quote(text));

    private string? Required(SheetRow row, Column column) =>
        Value(row, column) is { Length: > 0 } value ? value : Fail<string?>(column, "cell.blank");

    private string Value(SheetRow row, Column column) => columns.TryGetValue(column, out var index) ? row.Cell(index) : string.Empty;

    /// <summary>Reports a problem at <paramref name="column"/> of the current row and returns the default of <typeparamref name="T"/>.</summary>
    private T? Fail<T>(Column column, string key, params object?[] args)
    {
        _ok = false;
        _errors.Add(new ImportError(file, _row, ColumnName(column), ImportMessages.Get(_zh, key, args)));
        return default;
    }

    /// <summary>The column as the file's header names it, or as the standard does when the file has none.</summary>
    private string ColumnName(Column column) => columns.TryGetValue(column, out var index) ? header[index] : StandardColumns.NameOf(kind, column);

    private string Kinds(SubjectKind kind) => ImportMessages.Get(_zh, "kind." + kind.ContractName());

    /// <summary>
    /// A value quoted in a message: cut to 40 characters, and withheld when it holds a run of 15 or more digits,
    /// which may be an identity number (valid or not; contract v2: a message never repeats one). Digits of any
    /// script (full-width ones too) count, and spaces and hyphens between them do not break the run.
    /// </summary>
    internal string Quote(string value)
    {
        var run = 0;
        foreach (var c in value)
        {
            if (char.IsDigit(c))
            {
                run++;
            }
            else if (!IsDigitSeparator(c))
            {
                run = 0;
            }

            if (run >= 15)
            {
                return ImportMessages.Get(_zh, "value.withheld");
            }
        }

        return "“" + (value.Length > 40 ? value[..40] + "…" : value) + "”";
    }

    /// <summary>Spaces and hyphens people type inside a long number (ASCII, full-width, no-break, dashes).</summary>
    private static bool IsDigitSeparator(char c) => c is ' ' or '\t' or '-' or '_' or '\u00A0' or '\u3000' or '\uFF0D' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';

    /// <summary>
    /// The 证件类型 spellings of a resident identity card (居民身份证): the data standard's name and those exports use,
    /// and code 111 of the certificate-type code table (GA/T 517, as GB/T 2261-style code lists give it). docs/import.md lists them.
    /// </summary>
    internal static bool IsResidentIdType(string certificateType) =>
        string.Concat(certificateType.Where(c => !char.IsWhiteSpace(c))) is "身份证" or "居民身份证" or "中华人民共和国居民身份证" or "居民身份证号码" or "身份证号"
            or "身份证号码" or "二代身份证" or "第二代居民身份证" or "身份证件" or "111";

    private static string IsoDate(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
