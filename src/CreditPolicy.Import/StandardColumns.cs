using System;
using System.Collections.Generic;
using System.Text;

namespace CreditPolicy.Import;

/// <summary>The columns the importer reads, as the national 双公示 data standard spells them (docs/import.md).</summary>
internal enum Column
{
    Name,
    SubjectClass,
    Uscc,
    BusinessRegistration,
    OrganizationCode,
    TaxRegistration,
    PublicInstitutionCertificate,
    SocialOrganizationCertificate,
    CertificateType,
    CertificateNumber,
    DecisionNumber,
    PenaltyCategory,
    FineAmount,
    DecidedOn,
    PublicUntil,
    Authority,
}

/// <summary>
/// The standard's column names for each kind, and how a header cell is matched to one: spaces removed,
/// full-width parentheses, underscores and hyphens read as half-width, a few short names accepted as aliases.
/// </summary>
internal static class StandardColumns
{
    private static readonly (Column Column, string Name)[] Shared =
    [
        (Column.Name, "行政相对人名称"),
        (Column.SubjectClass, "行政相对人类别"),
        (Column.Uscc, "行政相对人代码_1(统一社会信用代码)"),
        (Column.BusinessRegistration, "行政相对人代码_2(工商注册号)"),
        (Column.OrganizationCode, "行政相对人代码_3(组织机构代码)"),
        (Column.TaxRegistration, "行政相对人代码_4(税务登记号)"),
        (Column.PublicInstitutionCertificate, "行政相对人代码_5(事业单位证书号)"),
        (Column.SocialOrganizationCertificate, "行政相对人代码_6(社会组织登记证号)"),
        (Column.CertificateType, "证件类型"),
        (Column.CertificateNumber, "证件号码"),
    ];

    private static readonly (Column Column, string Name)[] PenaltyOnly =
    [
        (Column.DecisionNumber, "行政处罚决定书文号"),
        (Column.PenaltyCategory, "处罚类别"),
        (Column.FineAmount, "罚款金额(万元)"),
        (Column.DecidedOn, "处罚决定日期"),
        (Column.PublicUntil, "公示截止期"),
        (Column.Authority, "处罚机关"),
    ];

    private static readonly (Column Column, string Name)[] LicenseOnly =
    [
        (Column.DecisionNumber, "行政许可决定文书号"),
        (Column.DecidedOn, "许可决定日期"),
        (Column.PublicUntil, "有效期至"),
        (Column.Authority, "许可机关"),
    ];

    // Short names real exports use for the same column (matched after normalising, like the standard's).
    private static readonly (Column Column, string Name)[] Aliases =
    [
        (Column.Uscc, "统一社会信用代码"),
        (Column.Uscc, "行政相对人代码_1"),
        (Column.Uscc, "行政相对人统一社会信用代码"),
    ];

    /// <summary>The columns a file of each kind must have.</summary>
    internal static readonly IReadOnlyDictionary<PublicityDataKind, Column[]> Required = new Dictionary<PublicityDataKind, Column[]>
    {
        [PublicityDataKind.Penalty] = [Column.Name, Column.DecisionNumber, Column.PenaltyCategory, Column.DecidedOn],
        [PublicityDataKind.License] = [Column.Name, Column.DecisionNumber, Column.DecidedOn],
    };

    /// <summary>The standard's name of <paramref name="column"/> in a file of <paramref name="kind"/> (for a missing column's error).</summary>
    internal static string NameOf(PublicityDataKind kind, Column column)
    {
        foreach (var (c, name) in Specific(kind))
        {
            if (c == column)
            {
                return name.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal);
            }
        }

        foreach (var (c, name) in Shared)
        {
            if (c == column)
            {
                return name.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(column));
    }

    /// <summary>The decision-number column that tells each kind, normalised.</summary>
    internal static string Marker(PublicityDataKind kind) => Normalize(kind == PublicityDataKind.Penalty ? "行政处罚决定书文号" : "行政许可决定文书号");

    /// <summary>
    /// The index in <paramref name="header"/> of each column of <paramref name="kind"/> (the first of repeated ones);
    /// unknown columns are ignored.
    /// </summary>
    internal static Dictionary<Column, int> Locate(IReadOnlyList<string> header, PublicityDataKind kind)
    {
        var byName = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var (column, name) in Shared)
        {
            byName[Normalize(name)] = column;
        }

        foreach (var (column, name) in Specific(kind))
        {
            byName[Normalize(name)] = column;
        }

        foreach (var (column, name) in Aliases)
        {
            byName.TryAdd(Normalize(name), column);
        }

        var found = new Dictionary<Column, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (byName.TryGetValue(Normalize(header[i]), out var column))
            {
                found.TryAdd(column, i);
            }
        }

        return found;
    }

    /// <summary>A header name compared: whitespace removed; full-width parentheses, underscore and hyphen as half-width.</summary>
    internal static string Normalize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            switch (c)
            {
                case '（': text.Append('('); break;
                case '）': text.Append(')'); break;
                case '＿' or '-' or '－': text.Append('_'); break;
                default:
                    if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static (Column Column, string Name)[] Specific(PublicityDataKind kind) => kind == PublicityDataKind.Penalty ? PenaltyOnly : LicenseOnly;
}
