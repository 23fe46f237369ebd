using System;
using System.IO;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class LetterCommandTests
{
    private const string Uscc = "91410425MA3X12345R";
    private const string PersonId = "410425198503151233";

    private static string Profile(string commitments, string subject = $$"""{"name":"郏县示例建材有限公司","kind":"enterprise","idType":"uscc","id":"{{Uscc}}","supervisingDepartment":"郏县市场监督管理局"}""") =>
        Cli.TempFile($$"""{"subject":{{subject}},"commitments":[{{commitments}}]}""");

    private const string Tp = """{"id":"tp","type":"proactive-disclosure","matter":"食品经营许可","window":"市场监管窗口","committedOn":"2026-03-02","signedOn":"2026-03-02"}""";
    private const string As = """{"id":"as","type":"approval-substitution","matter":"建筑工程施工许可","committedOn":"2026-04-01"}""";

    [Fact]
    public void TD_The_letter_has_every_C3_field_and_the_missing_materials_deadline_and_agent()
    {
        var result = Cli.Run("letter", Cli.Fixture("profile.example.json"));

        Assert.Equal(0, result.ExitCode);
        foreach (var expected in new[]
        {
            "信用承诺书（容缺受理型）", "政务服务中心市场监管窗口：", "申请办理食品经营许可事项，因消防安全检查合格证明缺乏，特申请容缺受理",
            "在容缺补正时限2026年10月26日前提交补正的全部材料，逾期未提交作终止退件处理", "承诺主体名称（行政相对人）：郏县示例建材有限公司",
            "证件类型：统一社会信用代码", $"统一社会信用代码（身份证号码）：{Uscc}", "主管部门：郏县市场监督管理局",
            $"委托代理人：张三（证件号码：{PersonId}）", "承诺日期：2026年10月12日",
        })
        {
            Assert.Contains(expected, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void R8_C5_The_public_version_masks_personal_numbers_and_keeps_organisation_codes()
    {
        var result = Cli.Run("letter", "--public", Cli.Fixture("profile.example.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(PersonId, result.Out, StringComparison.Ordinal);
        Assert.Contains("410425********1233", result.Out, StringComparison.Ordinal);
        Assert.Contains(Uscc, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TP_A_proactive_disclosure_letter_follows_template_TP()
    {
        var result = Cli.Run("letter", Profile(Tp));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("信用承诺书（主动公示型）", result.Out, StringComparison.Ordinal);
        Assert.Contains("本《承诺书》同意向社会公开", result.Out, StringComparison.Ordinal);
        Assert.Contains("五、", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void C2_3_An_approval_substitution_letter_in_the_same_form_and_unsigned_shows_where_to_sign()
    {
        var result = Cli.Run("letter", "--commitment", "as", Profile(Tp + "," + As));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("信用承诺书（审批替代型）", result.Out, StringComparison.Ordinal);
        Assert.Contains("告知承诺制", result.Out, StringComparison.Ordinal);
        Assert.Contains("签字或盖章后生效", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void R8_A_natural_persons_letter_for_publication_masks_the_number()
    {
        var person = $$"""{"name":"张三","kind":"natural-person","idType":"resident-id","id":"{{PersonId}}","supervisingDepartment":"郏县住建局"}""";

        var signed = Cli.Run("letter", Profile(Tp, person));
        var published = Cli.Run("letter", "--public", Profile(Tp, person));

        Assert.Contains("证件类型：居民身份证", signed.Out, StringComparison.Ordinal);
        Assert.Contains(PersonId, signed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonId, published.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no commitment")]
    [InlineData("two", "choose one with --commitment ID (tp, as)")]
    [InlineData("unknown", "no commitment 'zz'")]
    public void Input_errors_exit_2_with_one_line(string situation, string reason)
    {
        var file = situation switch
        {
            "" => Profile(string.Empty),
            _ => Profile(Tp + "," + As),
        };

        var result = situation == "unknown" ? Cli.Run("letter", "--commitment", "zz", file) : Cli.Run("letter", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reason, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public void C3_A_letter_without_the_supervising_department_is_rendered_with_a_blank_and_a_note()
    {
        var result = Cli.Run("letter", Profile(Tp, $$"""{"name":"某公司","kind":"enterprise","idType":"uscc","id":"{{Uscc}}"}"""));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("主管部门：＿＿＿＿＿＿＿＿（待填写）", result.Out, StringComparison.Ordinal);
        Assert.Contains("签字（盖章）日期：2026年3月2日", result.Out, StringComparison.Ordinal);
        var note = Assert.Single(result.ErrorLines);
        Assert.Contains("subject.supervisingDepartment", note, StringComparison.Ordinal);
        Assert.Contains("blank", note, StringComparison.Ordinal);
    }

    [Fact]
    public void C2_3_The_approval_substitution_letter_carries_the_notification_of_42_certificates_verification_and_consequences()
    {
        var withCertificates = """{"id":"as","type":"approval-substitution","matter":"建筑工程施工许可","committedOn":"2026-04-01","signedOn":"2026-04-01","replacedCertificates":["建设工程规划许可证明","无违法记录证明"]}""";

        var result = Cli.Run("letter", Profile(withCertificates));
        var without = Cli.Run("letter", Profile(As));

        Assert.Equal(0, result.ExitCode);
        foreach (var expected in new[]
        {
            "证明事项告知承诺制（国办发〔2020〕42号）", "以本承诺替代的证明：建设工程规划许可证明、无违法记录证明",
            "行政机关将依法对承诺内容进行核查", "终止办理、责令限期整改、撤销行政决定或者予以行政处罚，并将不实承诺纳入信用记录",
            "接受行政机关依法对承诺内容进行核查",
        })
        {
            Assert.Contains(expected, result.Out, StringComparison.Ordinal);
        }

        Assert.Empty(result.ErrorLines);
        Assert.Equal(0, without.ExitCode);
        Assert.Contains("以本承诺替代的证明：＿＿＿＿＿＿＿＿（待填写）", without.Out, StringComparison.Ordinal);
        Assert.Contains("replacedCertificates", Assert.Single(without.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_profile_is_reported_located()
    {
        var result = Cli.Run("letter", Cli.TempFile("{\n\"subject\": {\"name\": \"x\"}\n}"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2: $.subject: Missing required field 'kind'.", result.Error, StringComparison.Ordinal);
    }
}
