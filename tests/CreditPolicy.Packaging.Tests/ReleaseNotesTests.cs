using System;
using System.IO;
using Xunit;

namespace CreditPolicy.Packaging.Tests;

/// <summary>The release notes target (build/Packaging.targets) picks the CHANGELOG section of the version being packed.</summary>
public sealed class ReleaseNotesTests : IDisposable
{
    private const string Changelog = """
        # Changelog

        ## [Unreleased]

        ### Added
        - Something new.

        ## [1.2.0] - 2027-01-15

        ### Fixed
        - It's fixed; really (100%).

        ## [1.1.0] - 2026-12-01

        ### Added
        - The first thing.
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("creditpolicy-release-notes-").FullName;

    [Fact]
    public void A_version_with_a_section_gets_that_section()
    {
        var notes = ReleaseNotes("1.2.0");

        Assert.StartsWith("### Fixed\n- It's fixed; really (100%).\n\nThe whole changelog: https://", notes, StringComparison.Ordinal);
        Assert.EndsWith("/blob/main/CHANGELOG.md", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_without_a_section_gets_Unreleased()
    {
        Assert.StartsWith("### Added\n- Something new.\n\nThe whole changelog:", ReleaseNotes("1.3.0-preview.1"), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ReleaseNotes(string version)
    {
        var changelog = Path.Combine(_folder, "CHANGELOG.md");
        File.WriteAllText(changelog, Changelog);
        var result = Processes.Run(
            Processes.Dotnet,
            ["msbuild", Repository.PathOf("src/CreditPolicy/CreditPolicy.csproj"), "-t:CreditPolicyReleaseNotes", "-getProperty:PackageReleaseNotes", $"-p:CreditPolicyChangelog={changelog}", $"-p:Version={version}", "-nodeReuse:false"],
            _folder,
            Processes.QuietEnvironment(),
            TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Out.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }
}
