using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security;
using System.Text;
using CreditPolicy.Records;
using NodaTime;
using Xunit;
using static CreditPolicy.Import.Tests.SampleExports;

namespace CreditPolicy.Import.Tests;

/// <summary>The red team's findings on the importer: hostile or damaged files are located errors, never a crash, and nothing valid is lost.</summary>
public sealed class HostileInputTests
{
    private static string[] Good(int i) => PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", $"郏市监罚〔2026〕{i}号", "罚款", "5", "2026-06-10", "2027-06-09");

    private static ImportResult Read(byte[] bytes, string name, ImportOptions? options = null) => PublicityDataImporter.Read(new MemoryStream(bytes), name, options);

    [Fact]
    public void CSV_An_unclosed_quote_is_located_where_it_opens_and_the_rows_after_it_are_still_imported()
    {
        var text = new StringBuilder(Csv([PenaltyHeader]));
        text.Append("\"郏县示例,").Append(string.Join(',', Good(1).Skip(1))).Append("\r\n");
        for (var i = 2; i <= 400; i++)
        {
            text.Append(Csv([Good(i)]));
        }

        var result = Read(Encoding.UTF8.GetBytes(text.ToString()), "unclosed.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "行政相对人名称"), (error.Row, error.Column));
        Assert.Equal(399, result.Profiles.Single().Records.Length);
        Assert.Equal((400, 1), (result.Files[0].Rows, result.Files[0].RejectedRows));

        var atEnd = Read(Encoding.UTF8.GetBytes(Csv([PenaltyHeader, Good(1)]) + "x,\"never closed\r\n" + Csv([Good(2)])), "end.csv");
        Assert.Equal((3, "行政相对人类别"), (atEnd.Errors.Single().Row, atEnd.Errors.Single().Column));
        Assert.Equal(2, atEnd.Profiles.Single().Records.Length);
    }

    [Fact]
    public void CSV_Quoted_fields_keep_separators_quotes_and_line_breaks_and_a_stray_quote_is_text()
    {
        var result = Read(Encoding.UTF8.GetBytes(Csv([PenaltyHeader]) + "\"郏县\"\"示例\"\",\n餐饮有限公司\"," + string.Join(',', Good(1).Skip(1)) + "\r\n郏县\"示例\"公司," + string.Join(',', Good(2).Skip(1)).Replace(Restaurant, Builder, StringComparison.Ordinal) + "\n"), "q.csv");

        Assert.Empty(result.Errors);
        Assert.Equal(["郏县\"示例\",\n餐饮有限公司", "郏县\"示例\"公司"], result.Profiles.Select(p => p.Subject.Name));
        Assert.True(result.Warnings.IsEmpty, string.Join('\n', result.Warnings));
    }

    [Fact]
    public void CSV_Rows_with_more_or_fewer_fields_than_the_header_are_located_warnings()
    {
        var result = Read(Encoding.UTF8.GetBytes(Csv([PenaltyHeader, [.. Good(1), "x", "y"], Good(2)[..^2]])), "ragged.csv");

        Assert.Equal([2, 3], result.Warnings.Select(w => w.Row));
        Assert.Equal(2, result.Profiles.Single().Records.Length);
    }

    [Fact]
    public void A_cell_longer_than_a_spreadsheet_cell_is_a_located_error()
    {
        var result = Read(Encoding.UTF8.GetBytes(Csv([PenaltyHeader, [new string('名', 40_000), .. Good(1).Skip(1)], Good(2)])), "long.csv");

        Assert.Equal((2, "行政相对人名称"), (result.Errors.Single().Row, result.Errors.Single().Column));
        Assert.Single(result.Profiles);
    }

    [Fact]
    public void XLSX_Cells_out_of_order_are_placed_by_their_reference()
    {
        var row = Good(1);
        var cells = row.Select((v, i) => (Ref: Col(i) + "2", Value: v)).Where(c => c.Value.Length > 0).Reverse();
        var result = Read(Workbook([("S", Sheet(HeaderXml() + "<row r=\"2\">" + string.Concat(cells.Select(c => Inline(c.Ref, c.Value))) + "</row>"), null)]), "order.xlsx");

        Assert.Empty(result.Errors);
        var record = result.Profiles.Single().Records.Single();
        Assert.Equal((new LocalDate(2026, 6, 10), new LocalDate(2027, 6, 9), RecordSeverity.General), (record.DecidedOn, record.PublicUntil, record.StatedSeverity));
    }

    [Fact]
    public void XLSX_A_reference_beyond_column_XFD_or_row_1048576_is_a_located_error_not_out_of_memory()
    {
        var rows = HeaderXml() + "<row r=\"2\">" + Inline("A2", "x") + Inline("FXSHRXW2", "y") + "</row>"
            + "<row r=\"410425198001011239\">" + Inline("A3", "x") + "</row>" + RowXml(5, Good(5));
        var result = Read(Workbook([("S", Sheet(rows), null)]), "huge.xlsx");

        Assert.Equal([2, 3], result.Errors.Select(e => e.Row));
        Assert.All(result.Errors, e => Assert.DoesNotMatch(@"\d{13}", e.Format(null)));
        Assert.Single(result.Profiles);
    }

    [Fact]
    public void XLSX_A_damaged_workbook_is_one_located_error_in_the_users_language_and_the_other_files_are_imported()
    {
        var badRelationship = Workbook([("S", Sheet(HeaderXml() + RowXml(2, Good(1))), null)], relationshipId: "rId99");
        var missingPart = Workbook([("S", Sheet(HeaderXml() + RowXml(2, Good(1))), null)], dropSheetPart: true);
        var options = new ImportOptions { Culture = ImporterTests.Chinese };

        var result = PublicityDataImporter.ReadAll(
            [("a.xlsx", new MemoryStream(badRelationship)), ("b.xlsx", new MemoryStream(missingPart)), ("good.csv", new MemoryStream(Encoding.UTF8.GetBytes(Csv([PenaltyHeader, Good(1)]))))],
            options);

        Assert.Equal(["a.xlsx", "b.xlsx"], result.Errors.Select(e => e.File));
        Assert.All(result.Errors, e => Assert.Empty(MessagesTests.EnglishWords(e.Message)));
        Assert.Single(result.Profiles);
    }

    [Fact]
    public void XLSX_A_zip_bomb_stops_at_the_uncompressed_limit_or_the_row_limit_with_the_rows_before_kept()
    {
        var rows = new StringBuilder(HeaderXml());
        for (var i = 2; i < 2000; i++)
        {
            rows.Append(RowXml(i, Good(i)));
        }

        var bomb = Workbook([("S", Sheet(rows.ToString()), null)]);

        var bytes = Read(bomb, "bomb.xlsx", new ImportOptions { MaxUncompressedBytes = 100_000 });
        var error = Assert.Single(bytes.Errors);
        Assert.Contains("100000", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(bytes.Profiles);

        var count = Read(bomb, "bomb.xlsx", new ImportOptions { MaxRows = 100 });
        Assert.Equal(101, count.Errors.Single().Row);
        Assert.Equal(99, count.Profiles.Single().Records.Length);
    }

    [Fact]
    public void XLSX_The_1904_date_system_is_honoured()
    {
        var row = Good(1);
        row[Array.IndexOf(PenaltyHeader, "处罚决定日期")] = string.Empty;
        var cells = RowXml(2, row).Replace("</row>", $"<c r=\"{Col(Array.IndexOf(PenaltyHeader, "处罚决定日期"))}2\"><v>43834</v></c></row>", StringComparison.Ordinal);

        var result = Read(Workbook([("S", Sheet(HeaderXml() + cells), null)], date1904: true), "1904.xlsx");

        Assert.Equal(new LocalDate(2024, 1, 5), result.Profiles.Single().Records.Single().DecidedOn);
    }

    [Fact]
    public void XLSX_The_first_visible_sheet_is_read_and_the_others_are_named_in_warnings()
    {
        var stale = PenaltyRow("旧数据公司", "法人及非法人组织", Restaurant, "", "", "OLD-1", "罚款", "5", "2026-06-10", "");
        var result = Read(Workbook([("old", Sheet(HeaderXml() + RowXml(2, stale)), "hidden"), ("S", Sheet(HeaderXml() + RowXml(2, Good(1))), null), ("S2", Sheet(HeaderXml()), null)]), "multi.xlsx");

        Assert.Empty(result.Errors);
        Assert.Equal("郏县示例餐饮有限公司", result.Profiles.Single().Subject.Name);
        Assert.Equal(2, result.Warnings.Length);
        Assert.Contains("old", result.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("S2", result.Warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XLSX_Phonetic_runs_are_not_part_of_the_text()
    {
        var row = RowXml(2, Good(1)).Replace(Inline("A2", "郏县示例餐饮有限公司"), "<c r=\"A2\" t=\"inlineStr\"><is><r><t>郏县示例</t></r><r><t>餐饮有限公司</t></r><rPh sb=\"0\" eb=\"1\"><t>ジャ</t></rPh></is></c>", StringComparison.Ordinal);

        var result = Read(Workbook([("S", Sheet(HeaderXml() + row), null)]), "rich.xlsx");

        Assert.Equal("郏县示例餐饮有限公司", result.Profiles.Single().Subject.Name);
    }

    [Fact]
    public void Files_that_are_not_CSV_or_XLSX_and_title_rows_get_a_hint_that_names_them()
    {
        var cfb = Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "old.xlsx").Errors.Single().Message;
        var utf16 = Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv([PenaltyHeader]))], "u.csv").Errors.Single().Message;
        var shared = Read(Workbook([("S", Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"), null)]), "s.xlsx").Errors.Single().Message;
        var title = Read(Encoding.UTF8.GetBytes(Csv([["郏县行政处罚公示"], PenaltyHeader, Good(1)])), "t.csv").Errors.Select(e => e.Message);

        Assert.Contains(".xls", cfb, StringComparison.Ordinal);
        Assert.Contains("UTF-16", utf16, StringComparison.Ordinal);
        Assert.Contains("sharedStrings", shared, StringComparison.Ordinal);
        Assert.Contains(title, m => m.Contains("first row", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("居民身份证号码")]
    [InlineData("身份证号")]
    [InlineData("身份证号码")]
    [InlineData("二代身份证")]
    [InlineData("身份证件")]
    [InlineData("111")]
    public void A_resident_id_card_spelt_another_way_is_validated_and_grouped_with_the_same_person(string certificateType)
    {
        var wrong = Person[..17] + (Person[17] == '0' ? '1' : '0');
        Assert.True(Person.Length == 18);
        var result = ImporterTests.Import(
        [
            PenaltyHeader,
            PenaltyRow("张示例", "自然人", "", "身份证", Person, "N-1", "警告", "", "2026-06-10", ""),
            PenaltyRow("张示例", "自然人", "", certificateType, Person, "N-2", "警告", "", "2026-06-11", ""),
            PenaltyRow("李示例", "自然人", "", certificateType, wrong, "N-3", "警告", "", "2026-06-12", ""),
        ]);

        Assert.Equal(2, result.Profiles.Single().Records.Length);
        Assert.Equal((4, "证件号码"), (result.Errors.Single().Row, result.Errors.Single().Column));
    }

    [Theory]
    [InlineData("４１０４２５１９８００１０１１２３０")]
    [InlineData("410425 19800101 1230")]
    [InlineData("410425-198001011230")]
    public void Messages_withhold_an_id_shaped_value_written_with_full_width_digits_spaces_or_hyphens(string value)
    {
        var result = ImporterTests.Import([PenaltyHeader, PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "N-1", value, "", value, "")]);

        Assert.Equal(2, result.Errors.Length);
        Assert.All(result.Errors, e => Assert.DoesNotContain(value, e.Format(null), StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Contains("withheld", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_category_whose_own_name_holds_a_separator_is_looked_up_whole_before_it_is_split()
    {
        var table = PenaltySeverityTable.Default.With([new("暂扣或者吊销许可证、暂扣或者吊销执照", RecordSeverity.Serious), new("警告;罚款", RecordSeverity.Serious)]);
        var rows = new List<string[]>
        {
            PenaltyHeader,
            PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "N-1", "暂扣或者吊销许可证、暂扣或者吊销执照", "", "2026-06-10", ""),
            PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "N-2", "警告;罚款", "1", "2026-06-10", ""),
            PenaltyRow("郏县示例餐饮有限公司", "法人及非法人组织", Restaurant, "", "", "N-3", "警告、罚款", "1", "2026-06-10", ""),
        };

        var result = ImporterTests.Import(rows, new ImportOptions { SeverityTable = table });

        Assert.Empty(result.Errors);
        Assert.Equal([RecordSeverity.Serious, RecordSeverity.Serious, RecordSeverity.General], result.Profiles.Single().Records.Select(r => r.StatedSeverity));
    }

    [Fact]
    public void A_subject_whose_profile_would_be_larger_than_evaluate_reads_is_a_located_error_and_the_others_are_written()
    {
        var authority = new string('局', 30_000);
        var rows = new List<string[]> { PenaltyHeader, Good(0) };
        for (var i = 1; i <= 200; i++)
        {
            var row = PenaltyRow("郏县示例建材有限公司", "法人及非法人组织", Builder, "", "", $"N-{i}", "警告", "", "2026-06-10", "");
            row[Array.IndexOf(PenaltyHeader, "处罚机关")] = authority;
            rows.Add(row);
        }

        var result = ImporterTests.Import(rows);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, (string?)null), (error.Row, error.Column));
        Assert.Equal("郏县示例餐饮有限公司", result.Profiles.Single().Subject.Name);
    }

    internal static string Col(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    internal static string Inline(string reference, string value) => $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value)}</t></is></c>";

    internal static string RowXml(int number, string[] values) =>
        $"<row r=\"{number}\">" + string.Concat(values.Select((v, i) => v.Length == 0 ? string.Empty : Inline(Col(i) + number, v))) + "</row>";

    internal static string HeaderXml() => RowXml(1, PenaltyHeader);

    internal static string Sheet(string rows) => "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows + "</sheetData></worksheet>";

    /// <summary>A workbook written part by part, as a hand-made or damaged one may be.</summary>
    internal static byte[] Workbook(List<(string Name, string Xml, string? State)> sheets, bool date1904 = false, string? relationshipId = null, bool dropSheetPart = false)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) + "</Types>");
            Add("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Rel}\">" + (date1904 ? "<workbookPr date1904=\"1\"/>" : string.Empty) + "<sheets>"
                + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{s.Name}\" sheetId=\"{i + 1}\" r:id=\"{relationshipId ?? "rId" + (i + 1)}\"" + (s.State is null ? string.Empty : $" state=\"{s.State}\"") + "/>")) + "</sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Rel}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>")) + "</Relationships>");
            if (!dropSheetPart)
            {
                for (var i = 0; i < sheets.Count; i++)
                {
                    Add($"xl/worksheets/sheet{i + 1}.xml", sheets[i].Xml);
                }
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void CSV_A_record_larger_than_the_limit_is_located_and_the_rows_after_it_are_still_imported()
    {
        var huge = "\"" + new string('名', (SheetReaders.MaxCsvRecordBytes / 3) + 10) + "\n";
        var bytes = Encoding.UTF8.GetBytes(Csv([PenaltyHeader, Good(1)]) + huge + Csv([Good(2), Good(3)]));

        var result = Read(bytes, "huge.csv");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Equal(3, result.Profiles.Single().Records.Length);
    }
}
