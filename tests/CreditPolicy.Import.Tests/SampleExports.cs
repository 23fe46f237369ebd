using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CreditPolicy.Import.Tests;

/// <summary>
/// The synthetic sample exports of <c>samples/exports/</c>, made here so that none is an opaque blob: invented
/// names, codes and numbers that pass their check characters (GB 32100-2015, GB 11643-1999) where they should.
/// <see cref="SampleExportTests"/> holds the committed files to what this class writes; set
/// <c>CREDITPOLICY_REGENERATE_SAMPLES=1</c> to write them again.
/// </summary>
internal static class SampleExports
{
    internal static readonly string[] PenaltyHeader =
    [
        "行政相对人名称", "行政相对人类别", "行政相对人代码_1(统一社会信用代码)", "行政相对人代码_2(工商注册号)", "行政相对人代码_3(组织机构代码)",
        "行政相对人代码_4(税务登记号)", "行政相对人代码_5(事业单位证书号)", "行政相对人代码_6(社会组织登记证号)", "法定代表人", "法定代表人证件类型",
        "法定代表人证件号码", "证件类型", "证件号码", "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容",
        "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
        "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
    ];

    internal static readonly string[] LicenseHeader =
    [
        "行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码_2（工商注册号）", "行政相对人代码_3（组织机构代码）",
        "行政相对人代码_4（税务登记号）", "行政相对人代码_5（事业单位证书号）", "行政相对人代码_6（社会组织登记证号）", "法定代表人", "法定代表人证件类型",
        "法定代表人证件号码", "证件类型", "证件号码", "行政许可决定文书名称", "行政许可决定文书号", "许可类别", "许可证书名称", "许可编号", "许可内容",
        "许可决定日期", "有效期自", "有效期至", "许可机关", "许可机关统一社会信用代码", "当前状态", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
    ];

    /// <summary>A valid unified social credit code: registration authority and category, Jia County's division, an organisation code from <paramref name="serial"/>.</summary>
    internal static string Uscc(string category, int serial)
    {
        var organization = "MA" + serial.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var first17 = category + "410425" + organization + UnifiedSocialCreditCode.ComputeOrganizationCheckCharacter(organization);
        return first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
    }

    /// <summary>A valid resident identity number of Jia County born on <paramref name="birth"/> (yyyyMMdd).</summary>
    internal static string ResidentId(string birth, string sequence)
    {
        var first17 = "410425" + birth + sequence;
        return first17 + ResidentIdentityNumber.ComputeCheckCharacter(first17);
    }

    /// <summary>The same number with a wrong check character.</summary>
    internal static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    internal const string Authority = "郏县市场监督管理局";

    internal static readonly string Restaurant = Uscc("91", 100001);
    internal static readonly string Builder = Uscc("91", 100002);
    internal static readonly string Cooperative = Uscc("93", 100003);
    internal static readonly string Shop = Uscc("92", 100004);
    internal static readonly string School = Uscc("12", 100005);
    internal static readonly string Person = ResidentId("19800101", "123");

    /// <summary>A penalty row: the columns the importer reads, the others left blank or filled as an export would.</summary>
    internal static string[] PenaltyRow(string name, string subjectClass, string uscc, string certificateType, string certificateNumber, string number, string category, string fine, string decided, string until) =>
    [
        name, subjectClass, uscc, "", "", "", "", "", subjectClass == "自然人" ? "" : "王示例", "", "", certificateType, certificateNumber, number,
        "违反食品安全规定", "经查，当事人……", "《中华人民共和国食品安全法》", category, "……", fine, "", "", decided, "", until,
        Authority, Uscc("11", 100099), Authority, Uscc("11", 100099), "",
    ];

    internal static string[] LicenseRow(string name, string subjectClass, string uscc, string number, string decided, string until) =>
    [
        name, subjectClass, uscc, "", "", "", "", "", "李示例", "", "", "", "", "食品经营许可决定书", number, "普通", "食品经营许可证", "JY141042500" + number[^3..],
        "预包装食品销售", decided, decided, until, "郏县行政审批服务局", Uscc("11", 100098), "有效", "郏县行政审批服务局", Uscc("11", 100098), "",
    ];

    internal static List<string[]> Penalties() =>
    [
        PenaltyHeader,
        PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "郏市监罚〔2026〕101号", "罚款", "5", "2026-06-10", "2027-06-09"),
        PenaltyRow("郏县示例建材有限公司", "法人及非法人组织", Builder, "", "", "郏市监罚〔2026〕102号", "警告", "", "2026/7/1", ""),
        PenaltyRow("张示例", "自然人", "", "身份证", Person, "郏市监罚〔2026〕103号", "警告;罚款", "0.2", "20260801", "2027-07-31"),
        PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "郏市监罚〔2026〕104号", "没收违法所得、罚款", "120", "2026-09-15", "2029-09-14"),
    ];

    internal static List<string[]> Licenses() =>
    [
        LicenseHeader,
        LicenseRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "郏审批食经〔2025〕201号", "2025-03-01", "2030-02-28"),
        LicenseRow("郏县示例种植农民专业合作社", "法人及非法人组织", Cooperative, "郏审批食经〔2025〕202号", "2025-04-02", "2030-04-01"),
        LicenseRow("郏县示例百货店", "个体工商户", Shop, "郏审批食经〔2025〕203号", "2025-05-06", "长期"),
        LicenseRow("郏县示例实验小学", "法人及非法人组织", School, "郏审批食经〔2025〕204号", "2025-06-30", "2030-06-29"),
    ];

    /// <summary>Rows 2 and 8 are good; rows 3–7 each have one fault the importer must locate.</summary>
    internal static List<string[]> BrokenPenalties() =>
    [
        PenaltyHeader,
        PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "郏市监罚〔2026〕101号", "罚款", "5", "2026-06-10", "2027-06-09"),
        PenaltyRow("郏县示例错码有限公司", "法人及非法人组织", Restaurant[..17] + (Restaurant[17] == '0' ? '1' : '0'), "", "", "郏市监罚〔2026〕201号", "罚款", "1", "2026-06-11", ""),
        PenaltyRow("郏县示例建材有限公司", "法人及非法人组织", Builder, "", "", "", "警告", "", "2026-06-12", ""),
        PenaltyRow("郏县示例建材有限公司", "法人及非法人组织", Builder, "", "", "郏市监罚〔2026〕203号", "警告", "", "2026年13月1日", ""),
        PenaltyRow("郏县示例建材有限公司", "法人及非法人组织", Builder, "", "", "郏市监罚〔2026〕204号", "罚酒三杯", "", "2026-06-14", ""),
        PenaltyRow("李示例", "自然人", "", "身份证", WrongCheck(ResidentId("19900215", "456")), "郏市监罚〔2026〕205号", "警告", "", "2026-06-15", ""),
        PenaltyRow("郏县示例种植农民专业合作社", "法人及非法人组织", Cooperative, "", "", "郏市监罚〔2026〕206号", "责令停产停业", "", "2026-06-16", "2029-06-15"),
    ];

    /// <summary>CSV as an export writes it: every field quoted when it needs to be, CRLF line ends.</summary>
    internal static string Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c))).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>An XLSX workbook of one worksheet with <paramref name="rows"/>; dates in <paramref name="dateColumns"/> as Excel date numbers.</summary>
    internal static byte[] Xlsx(List<string[]> rows, params int[] dateColumns)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var value = rows[r][c];
                    if (value.Length == 0)
                    {
                        continue;
                    }

                    var reference = ColumnName(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    row.Append(r > 0 && dateColumns.Contains(c) && DateTime.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                        ? new Cell { CellReference = reference, CellValue = new CellValue((date - new DateTime(1899, 12, 30)).Days.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "行政许可" }));
        }

        return buffer.ToArray();
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ((char)('A' + (index / 26) - 1)).ToString() + (char)('A' + (index % 26));

    /// <summary>Each sample file and its bytes as this class writes them.</summary>
    internal static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        yield return ("penalties.csv", Encoding.UTF8.GetBytes(Csv(Penalties())));
        yield return ("penalties-gbk.csv", InputEncodings.Gb18030.GetBytes(Csv(Penalties())));
        yield return ("licences.xlsx", Xlsx(Licenses(), LicenseHeader.ToList().IndexOf("许可决定日期"), LicenseHeader.ToList().IndexOf("有效期自"), LicenseHeader.ToList().IndexOf("有效期至")));
        yield return ("penalties-broken.csv", Encoding.UTF8.GetBytes(Csv(BrokenPenalties())));
    }

    /// <summary>The repository's <c>samples/exports</c> folder.</summary>
    internal static string Folder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreditPolicy.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("No CreditPolicy.sln above the test's folder."), "samples", "exports");
    }
}
