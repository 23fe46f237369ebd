using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>Issue 13: <c>creditpolicy import</c> turns 双公示 exports into profiles that <c>evaluate</c> reads (R2 records, R6, R7.1).</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("creditpolicy-import-").FullName;

    private static string Sample(string name) => Cli.Repo(Path.Combine("samples", "exports", name));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void R2_Penalties_and_licences_of_the_same_subjects_become_one_profile_each()
    {
        var result = Cli.Run("import", "--checked-on", "2026-11-20", Sample("penalties.csv"), Sample("licences.xlsx"));

        Assert.Equal(0, result.ExitCode);
        var profiles = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(6, profiles.Length);
        Assert.Equal(3, profiles[0].GetProperty("records").GetArrayLength());
        Assert.All(profiles, p => Assert.Equal("2026-11-20", p.GetProperty("creditCheckedOn").GetString()));
        Assert.Contains("administrative penalties (行政处罚), told from the header row; 4 rows, 0 rejected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void R7_1_Imported_profiles_piped_to_evaluate_get_real_measures()
    {
        var imported = Cli.Run("import", "--checked-on", "2026-11-20", Sample("penalties.csv"), Sample("licences.xlsx"));

        var evaluated = Cli.RunWithInput(imported.Out, "evaluate", "--as-of", "2026-11-27");

        Assert.Equal(0, evaluated.ExitCode);
        var decisions = evaluated.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(d => d.GetProperty("subject").GetProperty("name").GetString()!, d => d.GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToArray());
        Assert.Contains("penalty.dishonesty-publicity", decisions["郏县示例餐饮有限公司"]);
        Assert.Contains("incentive.green-channel", decisions["郏县示例实验小学"]);
        Assert.DoesNotContain(decisions["郏县示例实验小学"], c => c!.StartsWith("penalty.", StringComparison.Ordinal));
        Assert.Contains("\"id\":\"410425********", evaluated.Out.Split('\n').First(l => l.Contains("张示例", StringComparison.Ordinal)), StringComparison.Ordinal); // R8: decisions mask it
    }

    [Fact]
    public void R2_A_broken_export_reports_each_bad_row_with_row_and_column_exits_2_and_writes_the_good_profiles()
    {
        var result = Cli.Run("import", "--out", Path.Combine(_directory, "out.jsonl"), Sample("penalties-broken.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_directory, "out.jsonl")).Length);
        foreach (var (row, column) in new[] { (3, "行政相对人代码_1(统一社会信用代码)"), (4, "行政处罚决定书文号"), (5, "处罚决定日期"), (6, "处罚类别"), (7, "证件号码") })
        {
            Assert.Contains($"penalties-broken.csv:{row}: column '{column}': ", result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"410425\d{8}", result.Error);
    }

    [Fact]
    public void R2_A_rule_files_penaltySeverity_changes_the_imported_severity()
    {
        var rules = File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json"));
        var at = rules.IndexOf("\"effectiveFrom\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_directory, "rules.json"), rules.Insert(at, "\"penaltySeverity\": { \"categories\": { \"警告\": \"serious\" } },\n    "));

        var result = Cli.Run("import", "--rules", Path.Combine(_directory, "rules.json"), Sample("penalties.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"id\":\"郏市监罚〔2026〕102号\",\"category\":\"administrative-penalty\",\"severity\":\"serious\"", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--kind", "fine")]
    [InlineData("--checked-on", "2026-02-30")]
    [InlineData("no-such-export.csv")]
    public void Usage_errors_exit_2_with_one_line(params string[] args)
    {
        var result = Cli.Run(["import", .. args, .. args.Contains("no-such-export.csv") ? Array.Empty<string>() : [Sample("penalties.csv")]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_an_input_output_error()
    {
        var result = Cli.Run("import", "--out", Path.Combine(_directory, "no", "such", "dir", "out.jsonl"), Sample("penalties.csv"));

        Assert.Equal(74, result.ExitCode);
    }

    [Fact]
    public void Root_help_lists_import()
    {
        Assert.Contains("import", Cli.Run("--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_The_summary_line_masks_a_resident_id_and_escapes_control_characters_in_the_file_name()
    {
        var named = Path.Combine(_directory, "410425198001011230.csv");
        var escaped = Path.Combine(_directory, "\u001b[31mred.csv");
        File.Copy(Sample("penalties.csv"), named);
        File.Copy(Sample("penalties.csv"), escaped);

        var result = Cli.Run("import", named, escaped);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("410425198001011230", result.Error, StringComparison.Ordinal);
        Assert.Contains("410425********1230.csv: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.Contains("\\u001B[31mred.csv: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_out_naming_an_input_file_or_a_folder_is_a_usage_error_in_the_users_language()
    {
        var input = Path.Combine(_directory, "in.csv");
        File.Copy(Sample("penalties.csv"), input);

        var same = Cli.Run("--lang", "zh", "import", "--out", input, input);
        var folder = Cli.Run("--lang", "zh", "import", "--out", _directory, input);

        Assert.Equal((2, 2), (same.ExitCode, folder.ExitCode));
        Assert.Contains("--out 指定的是输入文件", same.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Sample("penalties.csv")), File.ReadAllBytes(input));
        Assert.Contains("是目录", folder.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_A_damaged_workbook_beside_a_good_file_is_one_located_error_exit_2_and_the_good_profiles_are_written()
    {
        var damaged = Path.Combine(_directory, "damaged.xlsx");
        File.WriteAllBytes(damaged, File.ReadAllBytes(Sample("licences.xlsx"))[..2000]);

        var result = Cli.Run("--lang", "zh", "import", Sample("penalties.csv"), damaged);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("damaged.xlsx:0: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("内部错误", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Import_The_same_file_named_twice_is_a_usage_error()
    {
        var input = Path.Combine(_directory, "b.csv");
        File.Copy(Sample("penalties.csv"), input);

        var result = Cli.Run("--lang", "zh", "import", input, Path.Combine(_directory, ".", "b.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("被指定了不止一次", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }
}
