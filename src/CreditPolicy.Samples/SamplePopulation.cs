using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text;
using System;
using CreditPolicy.Commitments;
using CreditPolicy.Profiles;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Samples;

/// <summary>
/// A reproducible, synthetic population of profiles for the README's main command, the tests and the
/// benchmarks: every subject kind, every record category and class (minor, general, serious), every
/// commitment type and status, breaches given on commitments and as records naming them, repaired or not,
/// reports of filed agencies and of the Credit Reference Center that count and that do not, conveniences
/// to revoke, profiles with and without a credit check date (contract v2). Identifiers are valid but made up; no real person's
/// number is used.
/// </summary>
public static class SamplePopulation
{
    /// <summary>The size of the shipped sample.</summary>
    public const int DefaultCount = 1200;

    /// <summary>The seed of the shipped sample.</summary>
    public const int DefaultSeed = 20220311;

    /// <summary>The day the sample is designed around (its records, reports and commitments are dated around it).</summary>
    public static readonly LocalDate Reference = new(2026, 11, 27);

    /// <summary>The filed agencies of the sample registry (fictional, for the sample only).</summary>
    public static readonly CreditServiceAgency[] FiledAgencies =
    [
        new("样例信用评级（河南）有限公司", "SAMPLE-PBC-HN-2020-001"),
        new("样例企业征信服务有限公司", "SAMPLE-PBC-BJ-2019-017"),
        new("样例个人征信服务有限公司", "SAMPLE-PBC-SH-2021-005"),
    ];

    /// <summary>
    /// The agency of the contract's example profile (<c>docs/contract/profile.example.json</c>, which <c>init</c>
    /// writes as <c>samples/profile.example.json</c>): in the registry, so that the help's examples count its report;
    /// not drawn for the generated population, which stays what the seed made.
    /// </summary>
    private static readonly CreditServiceAgency ContractExample = new("示例信用评级有限公司", "PBC-HN-2021-001");

    private static readonly CreditServiceAgency Unfiled = new("样例未备案咨询有限公司", "SAMPLE-UNFILED-9");
    private static readonly string[] Divisions = ["410425", "410402", "410403", "410411", "410421", "410422", "410423", "410482"];
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郑", "孙"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英"];
    private static readonly string[] Trades = ["建材", "商贸", "餐饮", "物流", "农业", "科技", "制造", "文化", "医药", "建筑"];
    private static readonly string[] Departments = ["郏县市场监督管理局", "郏县住房和城乡建设局", "郏县民政局", "郏县卫生健康委员会", "郏县交通运输局"];
    private static readonly string[] Matters = ["食品经营许可", "建筑工程施工许可", "道路运输经营许可", "公共场所卫生许可", "药品经营许可", "社会团体成立登记"];
    private static readonly string[] Materials = ["消防安全检查合格证明", "营业执照副本", "场地租赁合同", "从业人员健康证明", "环境影响评价批复"];
    private static readonly string[] Windows = ["市场监管窗口", "住建窗口", "交通窗口", "卫健窗口", "民政窗口"];

    /// <summary>The population as profiles.</summary>
    public static IReadOnlyList<CreditProfile> Profiles(int count, int seed, int recordsPerProfile = -1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(1, count).Select(i => Profile(random, i, recordsPerProfile))];
    }

    /// <summary>The population as JSON Lines (identifiers whole: they are synthetic).</summary>
    public static byte[] ProfilesJsonLines(int count, int seed, int recordsPerProfile = -1)
    {
        var options = new ProfileWriteOptions { RevealPersonalIdentifiers = true };
        var text = new StringBuilder();
        foreach (var profile in Profiles(count, seed, recordsPerProfile))
        {
            text.Append(ProfileJson.Write(profile, options)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The sample registry of filed agencies, as <c>--agencies</c> reads it.</summary>
    public static byte[] AgenciesJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var agency in FiledAgencies.Append(ContractExample))
            {
                writer.WriteStartObject();
                writer.WriteString("name", agency.Name);
                writer.WriteString("filingNumber", agency.FilingNumber);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static CreditProfile Profile(Random random, int index, int recordsPerProfile)
    {
        var subject = Subject(random, index);
        var recordCount = recordsPerProfile >= 0 ? recordsPerProfile : Weighted(random, [30, 25, 15, 10, 8, 6, 4, 2]);
        var records = Enumerable.Range(1, recordCount).Select(i => Record(random, $"rec-{index:D5}-{i}")).ToList();
        var reports = Enumerable.Range(1, recordsPerProfile >= 0 ? 1 : Weighted(random, [50, 40, 10])).Select(i => Report(random, subject, $"rpt-{index:D5}-{i}")).ToList();
        var commitments = Enumerable.Range(1, recordsPerProfile >= 0 ? 1 : Weighted(random, [45, 35, 15, 5])).Select(i => Commitment(random, $"cmt-{index:D5}-{i}")).ToList();
        foreach (var breached in commitments.Where(c => c.BreachedOn is not null && random.Next(100) < 30).ToList())
        {
            // The same breach as a commitment-breach record naming its commitment (contract v2): the record's dates win.
            var on = breached.BreachedOn!.Value;
            LocalDate? repaired = random.Next(100) < 40 ? on.PlusDays(random.Next(30, 200)) : null;
            records.Add(new CreditRecord($"rec-{index:D5}-b{records.Count + 1}", CreditRecordCategory.CommitmentBreach, on, breached.BreachSeverity, Departments[random.Next(Departments.Length)], repairedOn: repaired, commitmentId: breached.Id));
        }

        var conveniences = Enum.GetValues<Convenience>().Where(_ => random.Next(100) < 25).ToList();
        LocalDate? checkedOn = random.Next(100) < 90 ? Reference.PlusDays(-random.Next(0, 30)) : null;
        return new CreditProfile(subject, records, reports, commitments, conveniences, checkedOn);
    }

    private static Subject Subject(Random random, int index)
    {
        var kind = (SubjectKind)Weighted(random, [0, 50, 5, 5, 20, 15, 5]);
        var division = Divisions[random.Next(Divisions.Length)];
        var department = random.Next(100) < 92 ? Departments[random.Next(Departments.Length)] : null;
        if (kind == SubjectKind.NaturalPerson)
        {
            var name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            return new Subject(name, kind, SubjectIdentifier.Parse(IdentifierType.ResidentId, ResidentId(random, division), heldByNaturalPerson: true), department);
        }

        var (authority, category, suffix) = kind switch
        {
            SubjectKind.Enterprise => ('9', '1', "有限公司"),
            SubjectKind.IndividualBusiness => ('9', '2', "经营部"),
            SubjectKind.SocialOrganization => ('5', '1', "协会"),
            SubjectKind.PublicInstitution => ('1', '2', "服务中心"),
            _ => ('9', '3', "专业合作社"),
        };
        var trade = Trades[random.Next(Trades.Length)];
        return new Subject($"郏县样例{trade}{suffix}{index:D4}", kind, SubjectIdentifier.Parse(IdentifierType.Uscc, Uscc(random, authority, category, division)), department);
    }

    private static CreditRecord Record(Random random, string id)
    {
        var category = (CreditRecordCategory)(1 + random.Next(10));
        var decided = Reference.PlusDays(-random.Next(-60, 1400));
        RecordSeverity? severity = category.Polarity() == RecordPolarity.Negative && random.Next(100) < 45
            ? (RecordSeverity)(category.PublicityInformation() is null ? 2 + random.Next(2) : 1 + random.Next(3)) // a listing is never minor
            : null;
        LocalDate? until = random.Next(100) < 60 ? decided.PlusDays(random.Next(180, 1100)) : null;
        LocalDate? repaired = category.Polarity() == RecordPolarity.Negative && random.Next(100) < 15 ? decided.PlusDays(random.Next(30, 400)) : null;
        return new CreditRecord(id, category, decided, severity, Departments[random.Next(Departments.Length)], until, repaired);
    }

    private static CreditReport Report(Random random, Subject subject, string id)
    {
        var agency = random.Next(100) < 80 ? FiledAgencies[random.Next(FiledAgencies.Length)] : Unfiled;
        var issued = Reference.PlusDays(-random.Next(-30, 900));
        var kind = subject.Kind == SubjectKind.NaturalPerson ? CreditReportKind.Personal : CreditReportKind.Enterprise;
        if (random.Next(100) < 15)
        {
            return CreditReport.FromCreditReferenceCenter(id, kind, issued, issued.PlusDays(89));
        }

        return new CreditReport(id, kind, agency, CreditRating.All[random.Next(CreditRating.All.Length)], issued, issued.PlusDays(364));
    }

    private static CreditCommitment Commitment(Random random, string id)
    {
        var type = (CommitmentType)(1 + random.Next(3));
        var committed = Reference.PlusDays(-random.Next(-10, 700));
        LocalDate? signed = random.Next(100) < 88 ? committed.PlusDays(random.Next(0, 3)) : null;
        LocalDate? breached = signed is { } s && random.Next(100) < 12 ? s.PlusDays(random.Next(10, 300)) : null;
        RecordSeverity? breachSeverity = breached is not null && random.Next(100) < 50 ? (RecordSeverity)(1 + random.Next(3)) : null;
        LocalDate? breachRepaired = breached is { } b && random.Next(100) < 25 ? b.PlusDays(random.Next(30, 200)) : null;
        var matter = Matters[random.Next(Matters.Length)];
        var window = Windows[random.Next(Windows.Length)];
        if (type != CommitmentType.AcceptanceWithMissingMaterials)
        {
            string[]? certificates = type == CommitmentType.ApprovalSubstitution && random.Next(100) < 80 ? [Materials[random.Next(Materials.Length)]] : null;
            return new CreditCommitment(id, type, matter, committed, window, signed, breachedOn: breached, breachSeverity: breachSeverity, breachRepairedOn: breachRepaired, replacedCertificates: certificates);
        }

        var deadline = committed.PlusDays(random.Next(7, 31));
        LocalDate? submitted = random.Next(100) < 65 ? committed.PlusDays(random.Next(1, 40)) : null;
        var agent = random.Next(100) < 50
            ? new CommitmentAgent(Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)], SubjectIdentifier.Parse(IdentifierType.ResidentId, ResidentId(random, Divisions[random.Next(Divisions.Length)])))
            : null;
        var missing = Materials.Where(_ => random.Next(100) < 35).DefaultIfEmpty(Materials[0]).ToArray();
        return new CreditCommitment(id, type, matter, committed, window, signed, missing, deadline, submitted, breached, agent, breachSeverity, breachRepaired);
    }

    private static string Uscc(Random random, char authority, char category, string division)
    {
        var organization = new string([.. Enumerable.Range(0, 8).Select(_ => UnifiedSocialCreditCode.Alphabet[random.Next(UnifiedSocialCreditCode.Alphabet.Length)])]);
        var first17 = $"{authority}{category}{division}{organization}{UnifiedSocialCreditCode.ComputeOrganizationCheckCharacter(organization)}";
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    private static string ResidentId(Random random, string division)
    {
        var birth = new LocalDate(1950, 1, 1).PlusDays(random.Next(0, 20000));
        var first17 = $"{division}{birth.Year:D4}{birth.Month:D2}{birth.Day:D2}{random.Next(0, 1000):D3}";
        return first17 + ResidentIdentityNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>An index drawn with the given weights.</summary>
    private static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
