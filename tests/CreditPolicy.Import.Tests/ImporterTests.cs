using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CreditPolicy.Evaluation;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;
using NodaTime;
using Xunit;
using static CreditPolicy.Import.Tests.SampleExports;

namespace CreditPolicy.Import.Tests;

/// <summary>Issue 13: the national 双公示 exports become the contract's profiles, one per subject, every bad row located (R2 records).</summary>
public sealed class ImporterTests
{
    internal static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false);

    internal static ImportResult Import(List<string[]> rows, ImportOptions? options = null, string name = "test.csv") =>
        PublicityDataImporter.Read(new MemoryStream(Encoding.UTF8.GetBytes(Csv(rows))), name, options);

    [Fact]
    public void R2_Each_penalty_column_maps_to_its_record_field()
    {
        var result = Import(Penalties(), new ImportOptions { CheckedOn = new LocalDate(2026, 11, 20) });

        Assert.Empty(result.Errors);
        var restaurant = result.Profiles[0];
        Assert.Equal(("郏县示例餐饮有限公司", SubjectKind.Enterprise, IdentifierType.Uscc, Restaurant), (restaurant.Subject.Name, restaurant.Subject.Kind, restaurant.Subject.Identifier.Type, restaurant.Subject.Identifier.RevealUnmasked()));
        Assert.Equal(new LocalDate(2026, 11, 20), restaurant.CreditCheckedOn);
        var fine = restaurant.Records[0];
        Assert.Equal(("郏市监罚〔2026〕101号", CreditRecordCategory.AdministrativePenalty, RecordSeverity.General, Authority), (fine.Id, fine.Category, fine.StatedSeverity, fine.Authority));
        Assert.Equal((new LocalDate(2026, 6, 10), new LocalDate(2027, 6, 9)), (fine.DecidedOn, fine.PublicUntil));
    }

    [Fact]
    public void R2_Dates_are_read_as_exports_write_them()
    {
        var profiles = Import(Penalties()).Profiles;

        Assert.Equal(new LocalDate(2026, 7, 1), profiles[1].Records[0].DecidedOn); // 2026/7/1
        Assert.Equal(new LocalDate(2026, 8, 1), profiles[2].Records[0].DecidedOn); // 20260801
        Assert.Null(profiles[1].Records[0].PublicUntil);
        Assert.Equal(new LocalDate(2024, 1, 5), CellValuesParser.Date("45296"));
        Assert.Equal(new LocalDate(2024, 1, 5), CellValuesParser.Date("2024年1月5日"));
        Assert.Equal(new LocalDate(2024, 1, 5), CellValuesParser.Date("2024-01-05 00:00:00"));
        Assert.Null(CellValuesParser.Date("2024"));
        Assert.Null(CellValuesParser.Date("2024-02-30"));
    }

    [Fact]
    public void R2_Several_categories_take_the_most_severe_and_a_large_fine_is_serious()
    {
        var profiles = Import(Penalties()).Profiles;

        Assert.Equal(RecordSeverity.Minor, profiles[1].Records[0].StatedSeverity); // 警告
        Assert.Equal(RecordSeverity.General, profiles[2].Records[0].StatedSeverity); // 警告;罚款 0.2 万元
        Assert.Equal(RecordSeverity.Serious, profiles[0].Records[1].StatedSeverity); // 没收违法所得、罚款 120 万元
    }

    [Fact]
    public void R2_A_rule_sets_penaltySeverity_table_overrides_the_default()
    {
        var table = PenaltySeverityTable.Default.With([new("警告", RecordSeverity.General)], [new FineThreshold(0, RecordSeverity.Minor), new FineThreshold(200, RecordSeverity.Serious)]);

        var profiles = Import(Penalties(), new ImportOptions { SeverityTable = table }).Profiles;

        Assert.Equal(RecordSeverity.General, profiles[1].Records[0].StatedSeverity);
        Assert.Equal(RecordSeverity.General, profiles[2].Records[0].StatedSeverity); // 警告 now general, the small fine minor
        Assert.Equal(RecordSeverity.General, profiles[0].Records[1].StatedSeverity); // 没收违法所得 general; 120 万元 under the new 200
    }

    [Fact]
    public void C1_A_natural_persons_resident_id_is_validated_and_personal()
    {
        var person = Import(Penalties()).Profiles[2].Subject;

        Assert.Equal((SubjectKind.NaturalPerson, IdentifierType.ResidentId, true), (person.Kind, person.Identifier.Type, person.Identifier.IsPersonal));
        Assert.DoesNotContain(Person, person.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91", "法人及非法人组织", SubjectKind.Enterprise)]
    [InlineData("92", "法人及非法人组织", SubjectKind.IndividualBusiness)]
    [InlineData("92", "个体工商户", SubjectKind.IndividualBusiness)]
    [InlineData("93", "法人及非法人组织", SubjectKind.OtherOrganization)]
    [InlineData("12", "法人及非法人组织", SubjectKind.PublicInstitution)]
    [InlineData("11", "", SubjectKind.OtherOrganization)]
    [InlineData("51", "", SubjectKind.SocialOrganization)]
    [InlineData("52", "法人及非法人组织", SubjectKind.SocialOrganization)]
    [InlineData("53", "法人及非法人组织", SubjectKind.SocialOrganization)]
    [InlineData("91", "", SubjectKind.Enterprise)]
    public void C1_The_kind_comes_from_the_class_of_counterpart_and_the_codes_registration_category(string category, string subjectClass, SubjectKind expected)
    {
        var result = Import([PenaltyHeader, PenaltyRow("某单位", subjectClass, Uscc(category, 200001), "", "", "罚1", "警告", "", "2026-01-05", "")]);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, Assert.Single(result.Profiles).Subject.Kind);
    }

    [Fact]
    public void C3_Another_certificate_type_of_a_natural_person_is_other()
    {
        var result = Import([PenaltyHeader, PenaltyRow("Smith Example", "自然人", "", "护照", "E12345678", "罚1", "警告", "", "2026-01-05", "")]);

        var subject = Assert.Single(result.Profiles).Subject;
        Assert.Equal((IdentifierType.Other, true), (subject.Identifier.Type, subject.Identifier.IsPersonal));
    }

    [Fact]
    public void Rows_of_one_subject_in_several_files_make_one_profile_in_order_of_first_appearance()
    {
        var result = PublicityDataImporter.ReadAll(
            [("penalties.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv(Penalties())))), ("licences.xlsx", new MemoryStream(Xlsx(Licenses(), 19, 20, 21)))]);

        Assert.Empty(result.Errors);
        Assert.Equal(["郏县示例餐饮有限公司", "郏县示例建材有限公司", "张示例", "郏县示例种植农民专业合作社", "郏县示例百货店", "郏县示例实验小学"], result.Profiles.Select(p => p.Subject.Name));
        Assert.Equal(["郏市监罚〔2026〕101号", "郏市监罚〔2026〕104号", "郏审批食经〔2025〕201号"], result.Profiles[0].Records.Select(r => r.Id));
        Assert.Equal([(PublicityDataKind.Penalty, 4), (PublicityDataKind.License, 4)], result.Files.Select(f => (f.Kind!.Value, f.Rows)));
        Assert.All(result.Files, f => Assert.True(f.KindDetected));
    }

    [Fact]
    public void R2_Licence_columns_map_to_an_administrative_license_record()
    {
        var result = PublicityDataImporter.Read(new MemoryStream(Xlsx(Licenses(), 19, 20, 21)), "licences.xlsx");

        var record = result.Profiles[0].Records[0];
        Assert.Equal(("郏审批食经〔2025〕201号", CreditRecordCategory.AdministrativeLicense, "郏县行政审批服务局"), (record.Id, record.Category, record.Authority));
        Assert.Equal((new LocalDate(2025, 3, 1), new LocalDate(2030, 2, 28)), (record.DecidedOn, record.PublicUntil));
        Assert.Null(result.Profiles[2].Records[0].PublicUntil); // 长期
    }

    [Fact]
    public void The_same_decision_twice_merges_when_identical_and_is_a_located_error_when_it_differs()
    {
        var row = PenaltyRow("某公司", "法人及非法人组织", Restaurant, "", "", "罚1", "警告", "", "2026-01-05", "");
        var differing = PenaltyRow("某公司", "法人及非法人组织", Restaurant, "", "", "罚1", "罚款", "1", "2026-01-05", "");

        var result = Import([PenaltyHeader, row, row, differing]);

        Assert.Single(Assert.Single(result.Profiles).Records);
        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "行政处罚决定书文号"), (error.Row, error.Column));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_named_differently_or_of_another_kind_under_the_same_code_is_a_located_error()
    {
        var result = Import([
            PenaltyHeader,
            PenaltyRow("某公司", "法人及非法人组织", Shop, "", "", "罚1", "警告", "", "2026-01-05", ""),
            PenaltyRow("某某公司", "法人及非法人组织", Shop, "", "", "罚2", "警告", "", "2026-01-05", ""),
        ]);

        Assert.Equal((3, "行政相对人名称"), (Assert.Single(result.Errors).Row, result.Errors[0].Column));
        Assert.Single(Assert.Single(result.Profiles).Records);
    }

    [Fact]
    public void R2_Every_bad_row_of_the_broken_sample_is_located_and_the_good_rows_are_still_imported()
    {
        var result = Import(BrokenPenalties(), name: "penalties-broken.csv");

        Assert.Equal(["郏县示例餐饮有限公司", "郏县示例种植农民专业合作社"], result.Profiles.Select(p => p.Subject.Name));
        Assert.Equal(
            [(3, "行政相对人代码_1(统一社会信用代码)"), (4, "行政处罚决定书文号"), (5, "处罚决定日期"), (6, "处罚类别"), (7, "证件号码")],
            result.Errors.Select(e => (e.Row, e.Column!)));
        Assert.Equal(5, result.Files[0].RejectedRows);
        Assert.Contains("check character", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("“罚酒三杯”", result.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_is_one_error_on_row_1_not_one_per_row()
    {
        var rows = Penalties().Select(r => r.Where((_, i) => i != 17).ToArray()).ToList(); // no 处罚类别

        var result = Import(rows);

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "处罚类别"), (error.Row, error.Column));
        Assert.Empty(result.Profiles);
    }

    [Fact]
    public void The_kind_is_detected_from_the_header_given_or_an_error_when_neither()
    {
        var neither = Import([["名称", "日期"], ["a", "b"]]);
        var given = Import(Penalties(), new ImportOptions { Kind = PublicityDataKind.Penalty });

        Assert.Equal(1, Assert.Single(neither.Errors).Row);
        Assert.Contains("行政处罚决定书文号", neither.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(given.Files[0].KindDetected);
        Assert.Equal(3, given.Profiles.Length);
    }

    [Fact]
    public void Headers_with_full_width_parentheses_spaces_and_the_short_code_name_are_accepted()
    {
        var header = PenaltyHeader.ToArray();
        header[2] = "统一社会信用代码";
        header[0] = " 行政相对人名称 ";
        header[19] = "罚款金额(万元)";

        var result = Import([header, .. Penalties().Skip(1)]);

        Assert.Empty(result.Errors);
        Assert.Equal(RecordSeverity.Serious, result.Profiles[0].Records[1].StatedSeverity);
    }

    [Fact]
    public void A_GB18030_export_is_read_with_that_encoding_and_located_when_read_as_UTF8()
    {
        var bytes = Serialization.InputEncodings.Gb18030.GetBytes(Csv(Penalties()));

        var right = PublicityDataImporter.Read(new MemoryStream(bytes), "gbk.csv", new ImportOptions { Encoding = Serialization.InputEncodings.Gb18030 });
        var wrong = PublicityDataImporter.Read(new MemoryStream(bytes), "gbk.csv");

        Assert.Equal(3, right.Profiles.Length);
        Assert.Contains("GB18030", Assert.Single(wrong.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(1, wrong.Errors[0].Row);
    }

    [Fact]
    public void Errors_are_in_Chinese_under_zh()
    {
        var result = Import(BrokenPenalties(), new ImportOptions { Culture = Chinese });

        Assert.All(result.Errors, e => Assert.Empty(MessagesTests.EnglishWords(e.Format(Chinese))));
        Assert.Contains("校验码", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("test.csv:3: 列“行政相对人代码_1(统一社会信用代码)”: ", result.Errors[0].Format(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void R7_1_End_to_end_an_active_general_penalty_is_publicised_and_a_licence_only_subject_gets_incentives()
    {
        var result = PublicityDataImporter.ReadAll(
            SampleExports.Files().Where(f => f.Name is "penalties.csv" or "licences.xlsx").Select(f => (f.Name, (Stream)new MemoryStream(f.Bytes))),
            new ImportOptions { CheckedOn = new LocalDate(2026, 11, 20), SeverityTable = RuleSet.JiaCounty2022No8.PenaltySeverity });
        var evaluator = new PolicyEvaluator(RuleSet.JiaCounty2022No8);
        var asOf = new LocalDate(2026, 11, 27);

        var decisions = result.Profiles.ToDictionary(p => p.Subject.Name, p => evaluator.Evaluate(p, asOf).ApplicableMeasures.Select(m => m.Code).ToArray());

        Assert.Contains("penalty.dishonesty-publicity", decisions["郏县示例餐饮有限公司"]);
        Assert.Contains("penalty.dishonesty-publicity", decisions["张示例"]);
        Assert.DoesNotContain(decisions["郏县示例建材有限公司"], c => c.StartsWith("penalty.", StringComparison.Ordinal)); // a warning is minor: not published
        Assert.Contains("incentive.green-channel", decisions["郏县示例百货店"]);
        Assert.DoesNotContain(decisions["郏县示例百货店"], c => c.StartsWith("penalty.", StringComparison.Ordinal));
    }
}
