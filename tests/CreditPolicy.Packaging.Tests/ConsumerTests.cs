using System;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace CreditPolicy.Packaging.Tests;

/// <summary>
/// An app's view of the packages: a fresh console app restores them from the local feed, compiles and runs the
/// package README's quick start exactly as printed there, and the tool installs from the feed and works in an
/// empty folder.
/// </summary>
[Collection(PackagesDefinition.Name)]
public sealed class ConsumerTests(PackagedFeed feed, ITestOutputHelper log)
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    public static TheoryData<string> Libraries() => [.. PackagedFeed.Libraries.Select(l => l.PackageId)];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_fresh_app_compiles_and_runs_the_package_READMEs_quick_start(string packageId)
    {
        var package = PackagedFeed.Libraries.Single(l => l.PackageId == packageId);
        var readme = Repository.Read(package.ReadmePath);
        var quickStart = Repository.CodeBlocks(readme, "csharp").FirstOrDefault();
        Assert.True(quickStart is not null, $"{package.ReadmePath} has no ```csharp quick start");
        var shown = QuickStartOutput(readme);

        var app = feed.NewFolder("app");
        File.WriteAllText(Path.Combine(app, "QuickStart.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), quickStart);

        // The README's own install command, pinned to the version in the feed; the packages of others it tells a
        // console app to add, pinned to the repository's versions (in the machine's package folder as a rule).
        var commands = Repository.CodeBlocks(readme, string.Empty).Select(b => b.Trim()).ToArray();
        var install = commands.FirstOrDefault(b => b.StartsWith("dotnet add package", StringComparison.Ordinal));
        Assert.Equal($"dotnet add package {package.PackageId}", install);
        foreach (var other in package.AppPackages)
        {
            Assert.Contains($"dotnet add package {other}", commands);
            Dotnet(app, "add", "package", other, "--version", Repository.CentralVersion(other), "--no-restore");
        }

        Dotnet(app, "add", "package", package.PackageId, "--version", feed.Version);
        Dotnet(app, "build", "--no-restore", "-c", "Release", "-nodeReuse:false");
        var run = Dotnet(app, Path.Combine(app, "bin", "Release", "net10.0", "QuickStart.dll"));

        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.True(shown.Length == lines.Length, $"the README shows {shown.Length} lines of output, the quick start printed {lines.Length}:\n{run.Out}");
        foreach (var (expected, actual) in shown.Zip(lines))
        {
            if (expected.EndsWith('…'))
            {
                Assert.StartsWith(expected[..^1], actual, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(expected, actual);
            }
        }

        Assert.Equal(string.Empty, run.Error);
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        Assert.Contains($"\"{package.PackageId}/{feed.Version}\"", assets, StringComparison.Ordinal);
        Assert.Contains($"\"CreditPolicy/{feed.Version}\"", assets, StringComparison.Ordinal); // the library of the same version, from the feed
    }

    [Fact]
    public void The_tool_installs_from_the_feed_and_works_in_an_empty_folder()
    {
        log.WriteLine($"packing {string.Join(", ", PackagedFeed.All.Select(p => p.PackageId))} took {feed.PackDuration.TotalSeconds:0} s");
        var tools = feed.NewFolder("tools");
        Dotnet(feed.Root, "tool", "install", PackagedFeed.Tool.PackageId, "--tool-path", tools, "--version", feed.Version, "--configfile", feed.NuGetConfig);
        var creditpolicy = Path.Combine(tools, OperatingSystem.IsWindows() ? "creditpolicy.exe" : "creditpolicy");

        var version = Run(creditpolicy, feed.Root, "--version");
        Assert.StartsWith(feed.Version, version.Out, StringComparison.Ordinal);

        var folder = feed.NewFolder("staff");
        var init = Run(creditpolicy, folder, "init");
        Assert.Contains("rules/jia-county-2022-8.json", init.Out + init.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "rules", "jia-county-2022-8.json")));
        Assert.True(File.Exists(Path.Combine(folder, "schemas", "rule-file.schema.json")));

        var validate = Run(creditpolicy, folder, "validate", "rules/jia-county-2022-8.json");
        Assert.Contains("jia-county-2022-8", validate.Out, StringComparison.Ordinal);

        // Chinese from the tool's own texts: the package has no satellite resources, and needs none.
        var chinese = Run(creditpolicy, folder, "validate", "--lang", "zh", "rules/jia-county-2022-8.json");
        Assert.Contains("有效", chinese.Out, StringComparison.Ordinal);

        var evaluate = Run(creditpolicy, folder, "evaluate", "--agencies", "samples/agencies.json", "--as-of", "2026-11-27", "samples/profiles.jsonl");
        var profiles = File.ReadLines(Path.Combine(folder, "samples", "profiles.jsonl")).Count(l => l.Length > 0);
        Assert.Equal(profiles, evaluate.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Issue 11's staff session, from the installed tool only: test, analyze, and diff against an edited copy.
        var test = Run(creditpolicy, folder, "test", "--lang", "zh", "rules/jia-county-2022-8.json");
        Assert.EndsWith("个未通过", test.Out.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("，0 个未通过", test.Out, StringComparison.Ordinal);
        var analyze = Run(creditpolicy, folder, "analyze", "--lang", "zh", "rules/jia-county-2022-8.json");
        Assert.Contains("错误 0 个", analyze.Out, StringComparison.Ordinal);
        var shipped = File.ReadAllText(Path.Combine(folder, "rules", "jia-county-2022-8.json"));
        File.WriteAllText(Path.Combine(folder, "rules", "my-rules.json"), shipped.Replace("facts.ActivePositiveRecords > 0", "facts.ActivePositiveRecords > 1", StringComparison.Ordinal));
        var diff = Run(creditpolicy, folder, "diff", "--old", "rules/jia-county-2022-8.json", "--new", "rules/my-rules.json", "--as-of", "2026-11-27", "--html", "report.html", "samples/profiles.jsonl");
        using var comparison = System.Text.Json.JsonDocument.Parse(diff.Out);
        Assert.Equal("incentive.integrity-publicity", comparison.RootElement.GetProperty("rules")[0].GetProperty("code").GetString());
        Assert.True(comparison.RootElement.GetProperty("changed").GetInt32() > 0);
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
    }

    /// <summary>The lines of the <c>```text</c> block right after the quick start: what it prints (a line ending in … is a prefix).</summary>
    private static string[] QuickStartOutput(string readme)
    {
        var blocks = Repository.CodeBlocks(readme);
        var quickStart = Array.FindIndex(blocks, b => b.Language == "csharp");
        Assert.True(quickStart + 1 < blocks.Length && blocks[quickStart + 1].Language == "text", "the README must show the quick start's output in a ```text block right after it");
        return blocks[quickStart + 1].Code.TrimEnd('\n').Split('\n');
    }

    private Processes.Result Dotnet(string folder, params string[] arguments)
    {
        var environment = feed.AppEnvironment();
        var result = Processes.Run(Processes.Dotnet, arguments, folder, environment, Step);
        log.WriteLine(result.Command);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private Processes.Result Run(string program, string folder, params string[] arguments)
    {
        var result = Processes.Run(program, arguments, folder, feed.AppEnvironment(), Step);
        log.WriteLine(result.Command);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
