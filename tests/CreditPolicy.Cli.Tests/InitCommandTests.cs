using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CreditPolicy.Rules;
using Xunit;

namespace CreditPolicy.Cli.Tests;

/// <summary><c>creditpolicy init [DIR]</c> (contract v2): staff with only the installed tool start from the shipped files, and every help example works there.</summary>
public sealed class InitCommandTests
{
    private static string EmptyDirectory() => Path.Combine(Path.GetTempPath(), $"creditpolicy-init-{Guid.NewGuid():N}");

    [Fact]
    public void Contract_v2_Init_writes_the_shipped_rule_file_the_schemas_and_the_samples()
    {
        var dir = EmptyDirectory();

        var result = Cli.Run("init", dir);

        Assert.Equal(0, result.ExitCode);
        var rules = File.ReadAllBytes(Path.Combine(dir, "rules", "jia-county-2022-8.json"));
        Assert.Equal(RuleSet.JiaCounty2022No8.Sha256, Convert.ToHexString(SHA256.HashData(rules)).ToLowerInvariant());
        Assert.Equal(File.ReadAllBytes(Cli.Repo("samples/profiles.jsonl")), File.ReadAllBytes(Path.Combine(dir, "samples", "profiles.jsonl")));
        Assert.Equal(File.ReadAllBytes(Cli.Repo("samples/agencies.json")), File.ReadAllBytes(Path.Combine(dir, "samples", "agencies.json")));
        Assert.True(File.Exists(Path.Combine(dir, "samples", "profile.example.json")));
        foreach (var schema in Directory.Exists(Cli.Repo("schemas")) ? Directory.GetFiles(Cli.Repo("schemas"), "*.json") : [])
        {
            Assert.Equal(File.ReadAllBytes(schema), File.ReadAllBytes(Path.Combine(dir, "schemas", Path.GetFileName(schema))));
        }

        Assert.All(result.OutLines, l => Assert.StartsWith("wrote ", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Contract_v2_Init_never_overwrites_and_then_writes_nothing()
    {
        var dir = EmptyDirectory();
        Directory.CreateDirectory(Path.Combine(dir, "samples"));
        File.WriteAllText(Path.Combine(dir, "samples", "agencies.json"), "[]");

        var result = Cli.Run("init", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("agencies.json", result.Error, StringComparison.Ordinal);
        Assert.Equal("[]", File.ReadAllText(Path.Combine(dir, "samples", "agencies.json")));
        Assert.False(File.Exists(Path.Combine(dir, "rules", "jia-county-2022-8.json")));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("letter")]
    [InlineData("diff")]
    [InlineData("analyze")]
    [InlineData("import")]
    public void Every_help_example_works_in_a_folder_after_init(string command)
    {
        var dir = EmptyDirectory();
        Assert.Equal(0, Cli.Run("init", dir).ExitCode);
        File.Copy(Path.Combine(dir, "rules", "jia-county-2022-8.json"), Path.Combine(dir, "my-rules.json"));
        var help = Cli.Run(command, "--help").Out;
        var example = Regex.Match(help, @"Example:\s*\n\s*creditpolicy (.+)").Groups[1].Value.Trim();
        Assert.NotEmpty(example);

        // Relative paths in the example are relative to the folder init wrote.
        var args = example.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.StartsWith('-') || !(a.Contains('/', StringComparison.Ordinal) || a.EndsWith(".json", StringComparison.Ordinal) || a.EndsWith(".html", StringComparison.Ordinal)) ? a : Path.Combine(dir, a))
            .ToArray();
        var result = Cli.Run(args);

        Assert.True(result.ExitCode == 0, $"creditpolicy {example}: exit {result.ExitCode}\n{result.Error}");
    }
}
