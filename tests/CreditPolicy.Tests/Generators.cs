using System.Collections.Generic;
using System.Linq;
using System;
using CreditPolicy.Commitments;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;
using FsCheck.Fluent;
using FsCheck;
using NodaTime;

namespace CreditPolicy.Tests;

/// <summary>FsCheck generators of valid identifiers, dated records, commitments and whole profiles.</summary>
internal static class Generators
{
    private static readonly string[] Provinces =
        ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"];

    private static readonly (char Authority, char Category)[] UsccCategories =
        [('9', '1'), ('9', '2'), ('9', '3'), ('5', '1'), ('5', '2'), ('5', '3'), ('1', '1'), ('1', '2'), ('Y', '1')];

    internal static readonly LocalDate Epoch = new(2018, 1, 1);

    internal static Gen<string> Digits(int count) =>
        Gen.Choose(0, 9).ArrayOf(count).Select(ds => string.Concat(ds.Select(d => (char)('0' + d))));

    internal static Gen<string> ValidUscc =>
        from category in Gen.Elements(UsccCategories)
        from division in Digits(6)
        from organization in Gen.Elements(UnifiedSocialCreditCode.Alphabet.ToCharArray()).ArrayOf(8)
        let org8 = new string(organization)
        let first17 = $"{category.Authority}{category.Category}{division}{org8}{UnifiedSocialCreditCode.ComputeOrganizationCheckCharacter(org8)}"
        select first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);

    internal static Gen<LocalDate> Date(LocalDate from, int days) => Gen.Choose(0, days).Select(from.PlusDays);

    internal static Gen<string> ValidResidentId =>
        from province in Gen.Elements(Provinces)
        from rest in Digits(4)
        from birth in Date(new LocalDate(1900, 1, 1), 45000)
        from sequence in Digits(3)
        let first17 = $"{province}{rest}{birth.Year:D4}{birth.Month:D2}{birth.Day:D2}{sequence}"
        select first17 + ResidentIdentityNumber.ComputeCheckCharacter(first17);

    internal static Gen<IdentityMask> Masks =>
        from lead in Gen.Choose(0, 6)
        from trail in Gen.Choose(0, 4)
        from c in Gen.Elements('*', '#', '×', 'x')
        select new IdentityMask(lead, trail, c);

    internal static Gen<Subject> Subjects =>
        from kind in Gen.Elements(Enum.GetValues<SubjectKind>())
        from uscc in ValidUscc
        from rid in ValidResidentId
        from other in Digits(9).Select(d => "P" + d)
        from choice in Gen.Choose(0, 2)
        from department in Gen.Elements<string?>(null, "郏县市场监督管理局", "郏县住房和城乡建设局")
        from name in Gen.Elements("郏县示例建材有限公司", "张三", "郏县红星社会服务中心", "Alpha & Beta \"Co\"")
        let type = kind switch
        {
            SubjectKind.NaturalPerson => choice == 0 ? IdentifierType.Other : IdentifierType.ResidentId,
            SubjectKind.IndividualBusiness => choice == 0 ? IdentifierType.ResidentId : IdentifierType.Uscc,
            _ => choice == 0 ? IdentifierType.Other : IdentifierType.Uscc,
        }
        let id = type switch { IdentifierType.Uscc => uscc, IdentifierType.ResidentId => rid, _ => other }
        select new Subject(name, kind, SubjectIdentifier.Parse(type, id, kind == SubjectKind.NaturalPerson), department);

    internal static Gen<CreditRecord> Records(string id) =>
        from category in Gen.Elements(Enum.GetValues<CreditRecordCategory>())
        from decided in Date(Epoch, 3000)
        from statesSeverity in Gen.Elements(true, false)
        from severity in Gen.Elements(RecordSeverity.Minor, RecordSeverity.General, RecordSeverity.Serious)
        from until in Gen.Choose(-1, 1500)
        from repair in Gen.Choose(-1, 1500)
        select new CreditRecord(
            id,
            category,
            decided,
            statesSeverity && category.Polarity() == RecordPolarity.Negative && (severity != RecordSeverity.Minor || category.PublicityInformation() is not null) ? severity : null,
            "郏县市场监督管理局",
            until < 0 ? null : decided.PlusDays(until),
            repair < 0 ? null : decided.PlusDays(repair));

    internal static Gen<CreditReport> Reports(string id) =>
        from kind in Gen.Elements(CreditReportKind.Enterprise, CreditReportKind.Personal)
        from filing in Gen.Elements("PBC-HN-2021-001", "PBC-BJ-2019-017", "UNFILED-1", "credit-reference-center")
        from rating in Gen.Elements(CreditRating.All)
        from issued in Date(Epoch, 3000)
        from valid in Gen.Choose(0, 730)
        select filing == "credit-reference-center"
            ? CreditReport.FromCreditReferenceCenter(id, kind, issued, issued.PlusDays(valid))
            : new CreditReport(id, kind, new CreditServiceAgency("示例信用评级有限公司", filing), rating, issued, issued.PlusDays(valid));

    internal static Gen<CreditCommitment> Commitments(string id) =>
        from type in Gen.Elements(Enum.GetValues<CommitmentType>())
        from committed in Date(Epoch, 3000)
        from sign in Gen.Choose(-1, 10)
        from deadline in Gen.Choose(0, 30)
        from submit in Gen.Choose(-1, 45)
        from breach in Gen.Choose(-1, 400)
        from agentId in ValidResidentId
        from hasAgent in Gen.Elements(true, false)
        from breachSeverity in Gen.Elements<RecordSeverity?>(null, RecordSeverity.Minor, RecordSeverity.General, RecordSeverity.Serious)
        from breachRepair in Gen.Choose(-1, 500)
        from certificates in Gen.Elements(true, false)
        from untrue in Gen.Elements(false, false, true)
        let td = type == CommitmentType.AcceptanceWithMissingMaterials
        let signed = sign < 0 ? (LocalDate?)null : committed.PlusDays(sign)
        let breachedOn = signed is { } s && breach >= 0 ? s.PlusDays(breach) : (LocalDate?)null
        select new CreditCommitment(
            id,
            type,
            "食品经营许可",
            committed,
            "市场监管窗口",
            signed,
            td ? ["消防安全检查合格证明", "营业执照副本"] : null,
            td ? committed.PlusDays(deadline) : null,
            td && submit >= 0 ? committed.PlusDays(submit) : null,
            breachedOn,
            hasAgent ? new CommitmentAgent("张三", SubjectIdentifier.Parse(IdentifierType.ResidentId, agentId)) : null,
            breachedOn is null ? null : breachSeverity,
            breachedOn is { } b && breachRepair >= 0 ? b.PlusDays(breachRepair) : null,
            type == CommitmentType.ApprovalSubstitution && certificates ? ["建设工程规划许可证明"] : null,
            breachedOn is not null && untrue);

    internal static Gen<CreditProfile> Profiles =>
        from subject in Subjects
        from recordCount in Gen.Choose(0, 6)
        from records in Sequence(Enumerable.Range(0, recordCount).Select(i => Records($"rec-{i}")))
        from reportCount in Gen.Choose(0, 2)
        from reports in Sequence(Enumerable.Range(0, reportCount).Select(i => Reports($"rpt-{i}")))
        from commitmentCount in Gen.Choose(0, 3)
        from commitments in Sequence(Enumerable.Range(0, commitmentCount).Select(i => Commitments($"cmt-{i}")))
        from conveniences in Gen.SubListOf(Enum.GetValues<Convenience>())
        from linkBreaches in Gen.Elements(true, false)
        from repairOffset in Gen.Choose(-1, 400)
        from checkedOn in Gen.Elements<int?>(null, 0, 30, 1000, 3000)
        select new CreditProfile(
            subject,
            linkBreaches ? [.. records, .. BreachRecords(commitments, repairOffset)] : records,
            reports,
            commitments,
            conveniences,
            checkedOn is { } days ? Epoch.PlusDays(days) : null);

    /// <summary>Both representations of a breach (contract v2): a commitment-breach record naming each breached commitment, with its own repair.</summary>
    private static IEnumerable<CreditRecord> BreachRecords(IEnumerable<CreditCommitment> commitments, int repairOffset) =>
        commitments
            .Where(c => c.BreachedOn is not null)
            .Select(c => new CreditRecord(
                "rec-breach-" + c.Id,
                CreditRecordCategory.CommitmentBreach,
                c.BreachedOn!.Value,
                c.BreachSeverity,
                "郏县市场监督管理局",
                repairedOn: repairOffset < 0 ? null : c.BreachedOn.Value.PlusDays(repairOffset),
                commitmentId: c.Id));

    internal static Gen<List<T>> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Constant(new List<T>()), (acc, g) => from list in acc from item in g select new List<T>(list) { item });
}
