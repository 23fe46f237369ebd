using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>Contract v2, "Input never stops a run": messy and hostile input through the real commands.</summary>
public sealed class HostileInputCommandTests
{
    private static string WithBom(string path)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"creditpolicy-bom-{Guid.NewGuid():N}{Path.GetExtension(path)}");
        File.WriteAllBytes(copy, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
        return copy;
    }

    [Fact]
    public void Contract_v2_A_UTF8_byte_order_mark_is_accepted_by_every_command_that_reads_a_file()
    {
        var rules = WithBom(Cli.Repo("rules/jia-county-2022-8.json"));
        var agencies = WithBom(Cli.Repo("samples/agencies.json"));
        var profile = WithBom(Cli.Fixture("profile.example.json"));

        Assert.Equal(0, Cli.Run("validate", rules).ExitCode);
        Assert.Equal(0, Cli.Run("test", rules).ExitCode);
        Assert.Equal(0, Cli.Run("letter", profile).ExitCode);
        var evaluated = Cli.Run("evaluate", "--rules", rules, "--agencies", agencies, "--as-of", "2026-11-27", profile);
        Assert.Equal(0, evaluated.ExitCode);
        Assert.Single(evaluated.OutLines);
        Assert.Equal(0, Cli.Run("diff", "--old", rules, "--new", rules, "--as-of", "2026-11-27", profile).ExitCode);
    }

    [Fact]
    public void Contract_v2_Files_saved_as_GB18030_are_read_with_encoding_gb18030_and_located_without_it()
    {
        var gb18030 = CreditPolicy.Serialization.InputEncodings.Gb18030;
        string Saved(string path, string extension)
        {
            var copy = Path.Combine(Path.GetTempPath(), $"creditpolicy-gbk-{Guid.NewGuid():N}{extension}");
            File.WriteAllBytes(copy, gb18030.GetBytes(File.ReadAllText(path)));
            return copy;
        }

        var profile = Saved(Cli.Fixture("profile.example.json"), ".json");
        var rules = Saved(Cli.Repo("rules/jia-county-2022-8.json"), ".json");
        var agencies = Saved(Cli.Repo("samples/agencies.json"), ".json");

        var read = Cli.Run("--encoding", "gb18030", "evaluate", "--rules", rules, "--agencies", agencies, "--as-of", "2026-11-27", profile);
        var letter = Cli.Run("letter", "--encoding", "gb18030", profile);
        var unread = Cli.Run("evaluate", "--as-of", "2026-11-27", profile);

        Assert.Equal(0, read.ExitCode);
        Assert.Contains("郏县示例建材有限公司", read.Out, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("validate", "--encoding", "gb18030", rules).ExitCode);
        Assert.Contains("消防安全检查合格证明", letter.Out, StringComparison.Ordinal);
        Assert.Equal(2, unread.ExitCode);
        Assert.Contains("--encoding gb18030", unread.Error, StringComparison.Ordinal);
        Assert.Equal(2, Cli.Run("--encoding", "latin1", "validate", rules).ExitCode);
    }

    [Fact]
    public void Contract_v2_A_blank_name_an_invalid_byte_and_a_lone_surrogate_cost_one_profile_each_and_the_rest_is_evaluated()
    {
        const string Good = """{"subject":{"name":"某公司","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"creditCheckedOn":"2026-11-20"}""";
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n",
            """{"subject":{"name":" ","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""",
            Good,
            """{"subject":{"name":"\ud800","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""",
            "{\"subject\":{\"name\":\"X\u0001\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"914403001922038216\"}}",
            Good) + "\n");
        bytes[Array.LastIndexOf(bytes, (byte)1)] = 0xD6; // a GBK lead byte in line 4
        var file = Path.Combine(Path.GetTempPath(), $"creditpolicy-hostile-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(file, bytes);

        var result = Cli.Run("evaluate", "--as-of", "2026-11-27", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(2, result.OutLines.Length);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("line 1:", StringComparison.Ordinal) && l.Contains("blank", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("line 3:", StringComparison.Ordinal) && l.Contains("surrogate", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("line 4:", StringComparison.Ordinal) && l.Contains("UTF-8", StringComparison.Ordinal));
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_v2_A_rule_that_divides_by_zero_rejects_one_profile_naming_the_rule_and_never_the_run()
    {
        var rules = Cli.TempFile(File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json"))
            .Replace("\"Expression\": \"facts.HasBadCreditRecord && facts.EnjoyedConveniences > 0\"", "\"Expression\": \"10 / facts.EnjoyedConveniences > 1\"", StringComparison.Ordinal));
        var input = string.Join("\n",
            """{"subject":{"name":"甲","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""",
            """{"subject":{"name":"乙","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"conveniences":["green-channel"]}""");

        var validate = Cli.Run("validate", rules);
        var result = Cli.RunWithInput(input, "evaluate", "--rules", rules, "--as-of", "2026-11-27");

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.OutLines);
        Assert.Contains(result.ErrorLines, l => l.StartsWith("line 1:", StringComparison.Ordinal) && l.Contains("'R7.3 revoke conveniences'", StringComparison.Ordinal) && l.Contains("divide by zero", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Contract_v2_A_two_thousand_deep_expression_is_a_located_validate_error_and_evaluate_refuses_the_file_without_crashing()
    {
        var rules = Cli.TempFile(File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json"))
            .Replace("\"Expression\": \"facts.HasBadCreditRecord && facts.EnjoyedConveniences > 0\"", $"\"Expression\": \"{new string('(', 2000)}true{new string(')', 2000)}\"", StringComparison.Ordinal));

        var validate = Cli.Run("validate", rules);
        var evaluate = Cli.RunWithInput("{}", "evaluate", "--rules", rules, "--as-of", "2026-11-27");

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains(validate.OutLines, l => l.Contains("rule 'R7.3 revoke conveniences'", StringComparison.Ordinal) && l.Contains("MaxExpressionLength", StringComparison.Ordinal));
        Assert.NotEqual(70, evaluate.ExitCode);
        Assert.DoesNotContain("internal error", evaluate.Error, StringComparison.Ordinal);
    }

    private sealed class FullDisk : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");
    }

    [Fact]
    public void A_full_disk_is_reported_in_one_line_as_an_input_output_error_not_an_internal_error()
    {
        var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(new MemoryStream(File.ReadAllBytes(Cli.Repo("samples/profiles.jsonl"))), new FullDisk(), error, false);

        var code = CliApplication.Run(["evaluate", "--as-of", "2026-11-27"], console, Cli.Clock);

        Assert.Equal(74, code);
        Assert.Equal("creditpolicy: input/output error: No space left on device", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    private const string Person = "410425198503151233";

    [Fact]
    public void Contract_v2_R8_No_command_prints_a_whole_resident_number_wherever_the_input_put_it()
    {
        var profile = Cli.TempFile($$$"""
            {"subject":{"name":"个体户{{{Person}}}","kind":"individual-business","idType":"other","id":"{{{Person}}}","supervisingDepartment":"郏县市场监督管理局"},
             "creditCheckedOn":"2026-11-20",
             "records":[{"id":"rec-{{{Person}}}","category":"administrative-penalty","decidedOn":"2026-06-01","publicUntil":"2028-01-01"}],
             "commitments":[{"id":"{{{Person}}}","type":"approval-substitution","matter":"许可","committedOn":"2026-03-02","signedOn":"2026-03-02",
               "replacedCertificates":["{{{Person}}}的无犯罪记录证明"],"agent":{"name":"张三","idType":"resident-id","id":"{{{Person}}}"}}],
             "conveniences":["green-channel"]}
            """);
        var record = "{\"id\":\"" + Person + "\",\"category\":\"commendation\",\"decidedOn\":\"2026-01-01\"}";
        var duplicate = Cli.TempFile("{\"subject\":{\"name\":\"x\",\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"91410425MA3X12345R\"},\"records\":[" + record + "," + record + "]}");

        var outputs = new[]
        {
            Cli.Run("evaluate", "--as-of", "2026-11-27", profile),
            Cli.Run("evaluate", "--as-of", "2026-11-27", duplicate),
            Cli.Run("letter", "--public", profile),
            Cli.Run("diff", "--old", Cli.Repo("rules/jia-county-2022-8.json"), "--new", Cli.Repo("rules/jia-county-2022-8.json"), "--as-of", "2026-11-27", profile),
        };

        Assert.Equal(0, outputs[0].ExitCode);
        Assert.Equal(2, outputs[1].ExitCode);
        Assert.All(outputs, o => Assert.DoesNotContain(Person, o.Out + o.Error, StringComparison.Ordinal));
        Assert.Contains("410425********1233", outputs[0].Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_v2_Control_characters_from_input_never_reach_a_letter_or_an_error_raw()
    {
        var profile = Cli.TempFile("""
            {"subject":{"name":"\u001b[31m红字公司\u001b[0m","kind":"enterprise","idType":"uscc","id":"91410425MA3X12345R","supervisingDepartment":"局\u0007"},
             "commitments":[{"id":"k","type":"proactive-disclosure","matter":"许可\u001b]0;title\u0007","committedOn":"2026-03-02","signedOn":"2026-03-02"}]}
            """);
        var bad = Cli.TempFile("""{"subject":{"name":"x","kind":"enter\u001b[2Jprise","idType":"uscc","id":"91410425MA3X12345R"}}""");

        var letter = Cli.Run("letter", profile);
        var error = Cli.Run("evaluate", "--as-of", "2026-11-27", bad);

        Assert.Equal(0, letter.ExitCode);
        Assert.DoesNotContain('\u001b', letter.Out);
        Assert.DoesNotContain('\u0007', letter.Out);
        Assert.Contains("\\u001B[31m红字公司", letter.Out, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
        Assert.DoesNotContain('\u001b', error.Error);
    }

    [Fact]
    public void Contract_v2_Text_from_a_rule_file_is_masked_and_escaped_in_every_output()
    {
        var rules = Cli.TempFile(File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json"))
            .Replace("\"id\": \"jia-county-2022-8\"", $"\"id\": \"{Person}\"", StringComparison.Ordinal)
            .Replace("\"R7.3 revoke conveniences\"", $"\"R7.3 \\u001b[31m{Person}\"", StringComparison.Ordinal)
            .Replace("\"Expression\": \"facts.HasBadCreditRecord && facts.EnjoyedConveniences > 0\"", "\"Expression\": \"10 / facts.EnjoyedConveniences > 1\"", StringComparison.Ordinal)
            .Replace("\"name\": \"C4 declining to commit counts against no one\"", $"\"name\": \"C4 \\u001b[2J{Person}\"", StringComparison.Ordinal));

        var outputs = new[]
        {
            Cli.Run("validate", rules),
            Cli.Run("test", rules),
            Cli.Run("evaluate", "--rules", rules, "--as-of", "2026-11-27", Cli.Fixture("profile.example.json")),
            Cli.RunWithInput("""{"subject":{"name":"甲","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""", "evaluate", "--rules", rules, "--as-of", "2026-11-27"),
        };

        Assert.All(outputs, o => Assert.DoesNotContain(Person, o.Out + o.Error, StringComparison.Ordinal));
        Assert.All(outputs, o => Assert.DoesNotContain('\u001b', o.Out + o.Error));
        Assert.Contains("410425********1233", outputs[0].Out, StringComparison.Ordinal);
        Assert.Contains(outputs[3].ErrorLines, l => l.Contains("divide by zero", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("letter")]
    public void Every_command_reports_a_full_disk_as_an_input_output_error(string command)
    {
        var file = command == "letter" ? Cli.Fixture("profile.example.json") : Cli.Repo("rules/jia-county-2022-8.json");
        var error = new StringWriter { NewLine = "\n" };

        var code = CliApplication.Run([command, file], new CliConsole(new MemoryStream(), new FullDisk(), error, false), Cli.Clock);

        Assert.Equal(74, code);
        Assert.Contains("input/output error", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_given_as_a_file_is_named_as_one()
    {
        var result = Cli.Run("evaluate", "--as-of", "2026-11-27", Path.GetTempPath());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_before_a_rule_set_takes_effect_never_prints_its_id_raw()
    {
        // A rule set id is text from a rule file: a resident identity number in it is masked, an escape escaped (contract v2), here too.
        var rules = Cli.TempFile(File.ReadAllText(Cli.Repo("rules/jia-county-2022-8.json"))
            .Replace("\"id\": \"jia-county-2022-8\"", "\"id\": \"jia-11010519491231002X\\u001b[2J\"", StringComparison.Ordinal));

        var result = Cli.Run("evaluate", "--rules", rules, "--as-of", "2022-03-10", Cli.Fixture("profile.example.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("jia-110105********002X\\u001B[2J takes effect on 2022-03-11", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Error, c => char.IsControl(c) && c != '\n');
    }
}
