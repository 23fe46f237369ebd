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
        - It's fixed; really (100%), as [the guide](docs/guide.md) says ([site](https://example.org), [below](#x)).

        ## [1.1.0] - 2026-12-01

        ### Added
        - The first thing.
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("creditpolicy-release-notes-").FullName;

    [Fact]
    public void A_version_with_a_section_gets_that_section()
    {
        var notes = ReleaseNotes("1.2.0");

        Assert.Matches(@"^### Fixed\n- It's fixed; really \(100%\), as \[the guide\]\(https://[^)\s]+/blob/main/docs/guide\.md\) says \(\[site\]\(https://example\.org\), \[below\]\(#x\)\)\.\n\nThe whole changelog: https://", notes);
        Assert.EndsWith("/blob/main/CHANGELOG.md", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_without_a_section_gets_Unreleased()
    {
        Assert.StartsWith("### Added\n- Something new.\n\nThe whole changelog:", ReleaseNotes("1.3.0-preview.1"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_too_long_for_a_package_page_is_given_as_its_headings()
    {
        var long_ = string.Concat(System.Linq.Enumerable.Repeat("- A line of change that says what and why, at some length.\n", 500));

        var notes = ReleaseNotes("1.3.0", $"# Changelog\n\n## [1.3.0] - 2027-02-01\n\n### Added — many things\n{long_}\n### Fixed — more\n{long_}\n## [1.2.0] - 2027-01-15\n\n### Fixed\n- x\n");

        Assert.Matches(@"^### Added — many things\n### Fixed — more\n\nThe whole changelog: https://\S+/blob/main/CHANGELOG\.md$", notes);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string ReleaseNotes(string version, string text = Changelog)
    {
        var changelog = Path.Combine(_folder, "CHANGELOG.md");
        File.WriteAllText(changelog, text);
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
