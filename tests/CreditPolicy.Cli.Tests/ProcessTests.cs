using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary>The tool as a real process: the built program, real pipes, real exit codes.</summary>
public sealed class ProcessTests
{
    private static (int ExitCode, string Out, string Error) Run(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Cli.RepositoryRoot(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CreditPolicy.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(60_000), "the tool did not finish within a minute");
        Task.WaitAll(output, error);
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Process_Evaluates_the_sample_population_in_input_order()
    {
        var (code, output, error) = Run(string.Empty, "evaluate", "--agencies", "samples/agencies.json", "--as-of", "2026-11-27", "samples/profiles.jsonl");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var decisions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var inputNames = File.ReadLines(Cli.Repo("samples/profiles.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("subject").GetProperty("name").GetString());
        Assert.Equal(inputNames, decisions.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("subject").GetProperty("name").GetString()));
    }

    [Fact]
    public void Process_Piped_input_with_a_bad_line_exits_2_and_keeps_the_good_ones()
    {
        var lines = File.ReadLines(Cli.Repo("samples/profiles.jsonl")).Take(3).ToArray();
        var (code, output, error) = Run($"{lines[0]}\n{{\"subject\":1}}\n{lines[2]}\n", "evaluate", "--as-of", "2026-11-27");

        Assert.Equal(2, code);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("line 2: $.subject: Expected an object.\n", error);
    }

    [Fact]
    public void Process_Lang_zh_under_invariant_globalization_gives_the_library_messages_and_warnings_in_Chinese()
    {
        var lines = File.ReadLines(Cli.Repo("samples/profiles.jsonl")).Take(1).ToArray();
        var (code, output, error) = Run($"{lines[0]}\n{{\"subject\":1}}\n", "evaluate", "--lang", "zh", "--as-of", "2026-11-27");

        Assert.Equal(2, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("第 2 行: $.subject: 应为 JSON 对象。\n", error);
    }

    [Fact]
    public void Process_A_usage_error_is_one_line_and_exit_2()
    {
        var (code, output, error) = Run(string.Empty, "evaluate", "--as-of");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Process_Validate_and_test_the_shipped_rules()
    {
        Assert.Equal(0, Run(string.Empty, "validate", "rules/jia-county-2022-8.json").ExitCode);
        Assert.Equal(0, Run(string.Empty, "test", "rules/jia-county-2022-8.json").ExitCode);
    }
}
