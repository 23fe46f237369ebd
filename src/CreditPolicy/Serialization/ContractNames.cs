using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Subjects;

namespace CreditPolicy.Serialization;

/// <summary>The contract's spellings (../shared/contract, v2) of every enumeration it names.</summary>
internal static class ContractNames
{
    internal static readonly EnumSpelling<SubjectKind> SubjectKinds = new([.. System.Enum.GetValues<SubjectKind>().Select(k => (k, k.ContractName()))]);

    internal static readonly EnumSpelling<IdentifierType> IdentifierTypes = new(
        (IdentifierType.Uscc, "uscc"),
        (IdentifierType.ResidentId, "resident-id"),
        (IdentifierType.Other, "other"));

    internal static readonly EnumSpelling<CreditRecordCategory> RecordCategories = new(
        (CreditRecordCategory.AdministrativePenalty, "administrative-penalty"),
        (CreditRecordCategory.DishonestJudgmentDebtor, "dishonest-judgment-debtor"),
        (CreditRecordCategory.SeriousDishonestyList, "serious-dishonesty-list"),
        (CreditRecordCategory.CommitmentBreach, "commitment-breach"),
        (CreditRecordCategory.OtherNegative, "other-negative"),
        (CreditRecordCategory.Commendation, "commendation"),
        (CreditRecordCategory.RedList, "red-list"),
        (CreditRecordCategory.OtherPositive, "other-positive"),
        (CreditRecordCategory.AdministrativeLicense, "administrative-license"),
        (CreditRecordCategory.Other, "other"));

    internal static readonly EnumSpelling<RecordSeverity> Severities = new(
        (RecordSeverity.Minor, "minor"),
        (RecordSeverity.General, "general"),
        (RecordSeverity.Serious, "serious"));

    internal static readonly EnumSpelling<CreditReportKind> ReportKinds = new(
        (CreditReportKind.Enterprise, "enterprise"),
        (CreditReportKind.Personal, "personal"));

    internal static readonly EnumSpelling<ReportSource> ReportSources = new(
        (ReportSource.FiledAgency, "filed-agency"),
        (ReportSource.CreditReferenceCenter, "credit-reference-center"));

    internal static readonly EnumSpelling<CommitmentType> CommitmentTypes = new(
        (CommitmentType.ProactiveDisclosure, "proactive-disclosure"),
        (CommitmentType.AcceptanceWithMissingMaterials, "acceptance-with-missing-materials"),
        (CommitmentType.ApprovalSubstitution, "approval-substitution"));

    internal static readonly EnumSpelling<Convenience> Conveniences = new([.. System.Enum.GetValues<Convenience>().Select(c => (c, c.ContractName()))]);

    internal static readonly EnumSpelling<MeasureKind> MeasureKinds = new(
        (MeasureKind.Incentive, "incentive"),
        (MeasureKind.Penalty, "penalty"));

    internal static readonly EnumSpelling<EvidenceSet> EvidenceSets = new(
        (EvidenceSet.ActiveNegativeRecords, "activeNegativeRecords"),
        (EvidenceSet.ActiveSeriousNegativeRecords, "activeSeriousNegativeRecords"),
        (EvidenceSet.ActivePositiveRecords, "activePositiveRecords"),
        (EvidenceSet.BreachedCommitments, "breachedCommitments"),
        (EvidenceSet.BadCreditRecords, "badCreditRecords"),
        (EvidenceSet.CountingReports, "countingReports"),
        (EvidenceSet.FalseCommitments, "falseCommitments"));
}
