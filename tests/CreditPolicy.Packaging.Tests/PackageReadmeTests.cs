using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CreditPolicy.Packaging.Tests;

/// <summary>The package READMEs read well on a package page: written for the package, links that work there.</summary>
public sealed partial class PackageReadmeTests
{
    public static TheoryData<string> Readmes() => [.. PackagedFeed.All.Select(p => p.ReadmePath)];

    [Theory]
    [MemberData(nameof(Readmes))]
    public void A_package_README_links_only_to_absolute_https_addresses(string readme)
    {
        var links = Link().Matches(Repository.Read(readme)).Select(m => m.Groups["target"].Value).ToArray();

        Assert.All(links, l => Assert.StartsWith("https://", l, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void A_package_README_shows_how_to_install_its_package(string readme)
    {
        var id = PackagedFeed.All.Single(p => p.ReadmePath == readme).PackageId;
        var commands = Repository.CodeBlocks(Repository.Read(readme), string.Empty).SelectMany(b => b.Split('\n')).Select(l => l.Trim());

        Assert.Contains(commands, c => c == $"dotnet add package {id}" || c == $"dotnet tool install --global {id}");
    }

    // [text](target) and [text]: target references; images too.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)[^)]*\)|^\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex Link();
}
