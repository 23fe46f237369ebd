using System;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;
using CreditPolicy.Subjects;
using NodaTime;

namespace CreditPolicy.Commitments;

/// <summary>
/// Renders a credit commitment letter (信用承诺书) in Chinese from the bureau's uniform templates: TP for
/// proactive disclosure, TD for acceptance with missing materials, and for approval substitution (C2.3) a
/// letter in the same form that carries the notification part of 告知承诺 (国办发〔2020〕42号): the
/// certificates replaced, the applicant's acceptance of verification (核查) and the consequences of an
/// untrue commitment. Every field C3 lists is there: the committing subject's name, certificate type and
/// number, supervising department, the commitment content and the commitment date; TD adds the missing
/// materials, the remedy deadline and the authorised agent.
/// </summary>
/// <remarks>
/// A field the profile lacks (<see cref="CreditCommitment.LetterGaps"/>) is rendered as a blank to fill in
/// (<see cref="Blank"/>): C3 lists what a letter should include, and a letter takes effect on signature
/// (contract v2), so gaps make it incomplete, never impossible to render. The letter to be signed carries
/// the whole certificate numbers; the version for publication masks every personal number (R8, C5).
/// Thread-safe.
/// </remarks>
public static class CommitmentLetter
{
    /// <summary>What a field the profile lacks looks like in the letter: a line to write on.</summary>
    public const string Blank = "＿＿＿＿＿＿＿＿（待填写）";

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>Renders the letter, with blanks for the fields the profile lacks.</summary>
    /// <param name="subject">The committing subject.</param>
    /// <param name="commitment">The commitment.</param>
    /// <param name="forPublication">Whether to render the public version, with personal numbers masked.</param>
    /// <param name="mask">The mask for personal numbers; <see cref="IdentityMask.Default"/> when <see langword="null"/>.</param>
    public static string Render(Subject subject, CreditCommitment commitment, bool forPublication, IdentityMask? mask = null)
    {
        Guard.Against.Null(subject);
        Guard.Against.Null(commitment);
        mask ??= IdentityMask.Default;
        string Show(SubjectIdentifier id) => Printable.Escape(forPublication ? id.Mask(mask) : id.RevealUnmasked());

        var text = new StringBuilder();
        text.Append("信用承诺书（").Append(TypeName(commitment.Type)).Append("）\n\n");
        var window = Printable.Escape(commitment.Window ?? "XX");
        text.Append("政务服务中心").Append(window).Append(window.EndsWith("窗口", StringComparison.Ordinal) ? "：\n\n" : "窗口：\n\n");
        var items = Body(commitment, text);
        for (var i = 0; i < items.Length; i++)
        {
            text.Append(Numerals[i]).Append('、').Append(items[i]).Append('\n');
        }

        text.Append('\n');
        var type = subject.Identifier.Type;
        text.Append("承诺主体名称（行政相对人）：").Append(Printable.Escape(subject.Name)).Append('\n');
        text.Append("证件类型：").Append(type switch
        {
            IdentifierType.Uscc => "统一社会信用代码",
            IdentifierType.ResidentId => "居民身份证",
            _ => Blank + "（统一社会信用代码或居民身份证）",
        }).Append('\n');
        text.Append("统一社会信用代码（身份证号码）：").Append(type == IdentifierType.Other ? Blank : Show(subject.Identifier)).Append('\n');
        text.Append("主管部门：").Append(subject.SupervisingDepartment is { } department ? Printable.Escape(department) : Blank).Append('\n');
        if (commitment.Agent is { } agent)
        {
            text.Append("委托代理人：").Append(Printable.Escape(agent.Name)).Append("（证件号码：").Append(Show(agent.Identifier)).Append("）\n");
        }
        else if (commitment.Type == CommitmentType.AcceptanceWithMissingMaterials)
        {
            text.Append("委托代理人：无\n");
        }

        text.Append("承诺日期：").Append(Chinese(commitment.CommittedOn)).Append('\n');
        if (commitment.SignedOn is { } signed)
        {
            text.Append("签字（盖章）日期：").Append(Chinese(signed)).Append('\n');
        }
        else
        {
            text.Append("签字（盖章）：　　　　　　（签字或盖章后生效）\n");
        }

        // Input never reaches the letter raw: control characters escaped; in the public version every
        // resident identity number anywhere in it (a certificate's name, a material) masked (R8, C5).
        var rendered = text.ToString();
        return forPublication ? PersonalIds.Mask(rendered, mask) : rendered;
    }

    /// <summary>A date as Chinese letters write it: <c>2026年10月12日</c>.</summary>
    public static string Chinese(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string TypeName(CommitmentType type) => type switch
    {
        CommitmentType.ProactiveDisclosure => "主动公示型",
        CommitmentType.AcceptanceWithMissingMaterials => "容缺受理型",
        CommitmentType.ApprovalSubstitution => "审批替代型",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Writes the opening paragraph and returns the numbered commitments (the content, C3).</summary>
    private static string[] Body(CreditCommitment commitment, StringBuilder text)
    {
        switch (commitment.Type)
        {
            case CommitmentType.ProactiveDisclosure:
                text.Append("本单位（人）申请办理").Append(Printable.Escape(commitment.Matter))
                    .Append("事项，为共同构建社会诚信体系，维护良好的市场经济环境，营造诚实守信的信用环境，现做出如下承诺：\n\n");
                return
                [
                    "保证所填报的信息及提供的申请材料均真实、准确、合法、有效。",
                    "保证不以欺骗、贿赂等不正当手段取得审批手续。",
                    "获得审批手续后，严格按照确定的条件、范围、程序等，规范操作、规范管理，诚实守信，不造假、不失信，不超越审批范围进行活动。",
                    "绝不涂改、倒卖、出租、出借审批文件、行政许可证件或者以其他形式非法转让审批文件、行政许可证件。",
                    "自觉接受社会各界的监督，依法接受有关行政机关的事中事后监管，并如实提供有关情况和材料。本《承诺书》同意向社会公开，对违反以上承诺所造成的后果，自愿承担相应法律责任。",
                ];
            case CommitmentType.AcceptanceWithMissingMaterials:
                text.Append("本单位（人）申请办理").Append(Printable.Escape(commitment.Matter)).Append("事项，因")
                    .Append(string.Join("、", commitment.MissingMaterials.Select(Printable.Escape)))
                    .Append("缺乏，特申请容缺受理。现就相关事宜作出如下承诺，并愿意承担法律责任：\n\n");
                return
                [
                    "所作承诺意思表示真实；",
                    "已经知晓告知的全部内容；",
                    "提供的所有申请材料真实有效；",
                    $"在容缺补正时限{Chinese(commitment.RemedyDeadline!.Value)}前提交补正的全部材料，逾期未提交作终止退件处理；",
                    "若事项涉及生产建设，在未能取得正式批准文件之前，承诺不开展相关生产建设活动；",
                    "愿意承担失信产生的后果。",
                ];
            default:
                var certificates = commitment.ReplacedCertificates.IsEmpty ? Blank : string.Join("、", commitment.ReplacedCertificates.Select(Printable.Escape));
                text.Append("本单位（人）申请办理").Append(Printable.Escape(commitment.Matter))
                    .Append("事项，该事项实行证明事项告知承诺制（国办发〔2020〕42号）。行政机关已书面告知如下内容：\n\n")
                    .Append("（一）以本承诺替代的证明：").Append(certificates).Append("；\n")
                    .Append("（二）证明内容：申请人符合办理该事项所需的条件、标准和技术要求；\n")
                    .Append("（三）核查：行政机关将依法对承诺内容进行核查，申请人应当予以配合并如实提供有关情况和材料；\n")
                    .Append("（四）不实承诺的后果：承诺不实的，行政机关将依法终止办理、责令限期整改、撤销行政决定或者予以行政处罚，并将不实承诺纳入信用记录。\n\n")
                    .Append("本单位（人）已知晓行政机关告知的全部内容，现按要求作出如下承诺，并愿意承担不实承诺的法律责任：\n\n");
                return
                [
                    "所作承诺意思表示真实；",
                    "已经知晓告知的全部内容；",
                    $"符合行政机关告知的条件、标准和技术要求，以本承诺代替提交{certificates}；",
                    "提供的所有申请材料及信息真实、准确、合法、有效；",
                    "接受行政机关依法对承诺内容进行核查，并如实提供有关情况和材料；",
                    "获得审批后，严格按照承诺的条件从事相关活动，自觉接受有关行政机关的事中事后监管；",
                    "本《承诺书》同意向社会公开；承诺不实的，接受终止办理、责令限期整改、撤销行政决定或者行政处罚，并同意将其纳入信用记录；违反承诺的，愿意承担相应法律责任和失信产生的后果。",
                ];
        }
    }
}
