using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace CreditPolicy.Packaging.Tests;

/// <summary>What the packages hold: exactly the files an app or a tool user needs, the metadata a package page shows, symbols with Source Link.</summary>
[Collection(PackagesDefinition.Name)]
public sealed class PackageContentsTests(PackagedFeed feed)
{
    private static readonly string[] PackageFiles = ["_rels/.rels", "[Content_Types].xml", "package/services/metadata/core-properties/nuget.psmdcp"];

    public static TheoryData<string> Libraries() => [.. PackagedFeed.Libraries.Select(l => l.PackageId)];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_package_holds_the_assembly_its_documentation_and_its_README_and_no_symbols(string id)
    {
        string[] expected = [.. PackageFiles, $"{id}.nuspec", "README.md", $"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Entries(feed.PackagePath(id)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_targets_only_frameworks_the_tests_run_on(string id)
    {
        var frameworks = Entries(feed.PackagePath(id)).Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct();
        var groups = Nuspec(feed.PackagePath(id)).Elements().Single(e => e.Name.LocalName == "dependencies").Elements().Select(g => g.Attribute("targetFramework")?.Value);

        Assert.Equal(["net10.0"], frameworks);
        Assert.Equal(["net10.0"], groups);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_symbols_package_holds_a_PDB_with_Source_Link_to_the_repository(string id)
    {
        var folder = PackagedFeed.Libraries.Single(l => l.PackageId == id).Folder;
        Assert.Equal(
            PackageFiles.Append($"{id}.nuspec").Append($"lib/net10.0/{id}.pdb").Order(StringComparer.Ordinal),
            Entries(feed.PackagePath(id, ".snupkg")).Order(StringComparer.Ordinal));

        using var archive = ZipFile.OpenRead(feed.PackagePath(id, ".snupkg"));
        using var pdb = new MemoryStream();
        using (var entry = archive.GetEntry($"lib/net10.0/{id}.pdb")!.Open())
        {
            entry.CopyTo(pdb);
        }

        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(i => reader.GetGuid(i.Kind) == sourceLinkKind)
            .Select(i => Encoding.UTF8.GetString(reader.GetBlobBytes(i.Value)))
            .Single();
        var documents = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents").EnumerateObject().ToArray();
        var (local, url) = (documents.Single().Name, documents.Single().Value.GetString()!);

        Assert.Equal("/_/*", local); // deterministic paths: no folder of the building machine
        Assert.Matches("^https://raw\\.githubusercontent\\.com/[^/]+/[^/]+/[0-9a-f]{40}/\\*$", url);
        var names = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).Where(n => n.EndsWith(".cs", StringComparison.Ordinal)).ToArray();
        Assert.Contains(names, n => n.StartsWith($"/_/{folder}", StringComparison.Ordinal));
        Assert.All(names, n => Assert.Matches("^/_[0-9]*/", n)); // generated sources in obj/ outside the repository: /_1/, /_2/…
    }

    [Fact]
    public void The_dependency_injection_package_depends_on_the_library_of_its_own_version_and_on_no_analyzer()
    {
        var dependencies = Dependencies("CreditPolicy.Extensions.DependencyInjection");

        Assert.Equal(feed.Version, dependencies["CreditPolicy"]);
        Assert.Equal(
            ["CreditPolicy", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Diagnostics.HealthChecks", "Microsoft.Extensions.Hosting.Abstractions", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options"],
            dependencies.Keys.Order(StringComparer.Ordinal));
        foreach (var id in dependencies.Keys.Where(k => k.StartsWith("Microsoft.", StringComparison.Ordinal)))
        {
            Assert.Equal(Repository.CentralVersion(id), dependencies[id]);
        }
    }

    [Fact]
    public void No_package_depends_on_the_public_API_analyzer_or_the_tool()
    {
        foreach (var id in PackagedFeed.Libraries.Select(l => l.PackageId))
        {
            Assert.DoesNotContain(Dependencies(id).Keys, d => d.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || d == PackagedFeed.Tool.PackageId);
        }
    }

    [Fact]
    public void The_nuspecs_carry_the_repository_the_README_and_the_release_notes_of_the_CHANGELOG()
    {
        var unreleased = Repository.ChangelogSection(Repository.Read("CHANGELOG.md"), "Unreleased");
        Assert.NotNull(unreleased);

        foreach (var id in PackagedFeed.All.Select(p => p.PackageId))
        {
            var metadata = Nuspec(feed.PackagePath(id));
            string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");

            Assert.Equal("README.md", Value("readme"));
            Assert.Equal("git", repository.Attribute("type")?.Value);
            Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value);
            Assert.Equal(repository.Attribute("url")?.Value, Value("projectUrl"));
            Assert.Equal("MIT", Value("license"));
            var notes = Value("releaseNotes")?.Replace("\r\n", "\n", StringComparison.Ordinal);
            // A pre-release version: the Unreleased section, whole or (over 20,000 characters) as its headings.
            var headings = string.Join('\n', unreleased.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)));
            Assert.StartsWith(unreleased.Length > 20_000 ? headings + "\n\n" : unreleased.Split('\n')[0], notes, StringComparison.Ordinal);
            Assert.EndsWith("/blob/main/CHANGELOG.md", notes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_tool_package_holds_the_tool_and_nothing_stray_and_rolls_forward()
    {
        var entries = Entries(feed.PackagePath("CreditPolicy.Cli"));
        var tool = entries.Where(e => e.StartsWith("tools/", StringComparison.Ordinal)).ToArray();

        Assert.All(tool, e => Assert.StartsWith("tools/net10.0/any/", e, StringComparison.Ordinal));
        Assert.DoesNotContain(tool, e => e.Count(c => c == '/') > 3); // no satellite resource folders
        Assert.DoesNotContain(tool, e => e.EndsWith(".xml", StringComparison.Ordinal) && !e.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Contains("tools/net10.0/any/CreditPolicy.Cli.pdb", tool); // stack traces with lines
        Assert.Equal(PackageFiles.Append("CreditPolicy.Cli.nuspec").Append("README.md").Order(StringComparer.Ordinal), entries.Except(tool).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(feed.PackagePath("CreditPolicy.Cli", ".snupkg")));

        using var archive = ZipFile.OpenRead(feed.PackagePath("CreditPolicy.Cli"));
        using var runtimeConfig = JsonDocument.Parse(archive.GetEntry("tools/net10.0/any/CreditPolicy.Cli.runtimeconfig.json")!.Open());
        Assert.Equal("Major", runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString());
    }

    [Fact]
    public void Each_package_has_its_own_README_not_the_repositorys()
    {
        foreach (var package in PackagedFeed.All)
        {
            using var archive = ZipFile.OpenRead(feed.PackagePath(package.PackageId));
            using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());

            Assert.Equal(Repository.Read(package.ReadmePath), reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }

    private static string[] Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    /// <summary>The package's dependencies (net10.0, its only group): id and version.</summary>
    private Dictionary<string, string> Dependencies(string id) =>
        Nuspec(feed.PackagePath(id)).Elements().Single(e => e.Name.LocalName == "dependencies").Elements()
            .Single(g => g.Attribute("targetFramework")?.Value == "net10.0").Elements()
            .ToDictionary(d => d.Attribute("id")!.Value, d => d.Attribute("version")!.Value, StringComparer.Ordinal);

    private static XElement Nuspec(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }
}
