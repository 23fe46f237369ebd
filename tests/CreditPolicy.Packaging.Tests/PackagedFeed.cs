using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace CreditPolicy.Packaging.Tests;

/// <summary>A package of this repository whose README's quick start an app compiles and runs.</summary>
/// <param name="Project">The packable project, relative to the repository root.</param>
/// <param name="PackageId">The package an app adds.</param>
/// <param name="AppPackages">
/// Packages of others that the quick start needs besides (a host for a console app), which the README tells apps
/// to add with <c>dotnet add package</c>; the app gets the version of <c>Directory.Packages.props</c>.
/// </param>
internal sealed record PackageReadme(string Project, string PackageId, params string[] AppPackages)
{
    internal string ReadmePath => Path.Combine(Path.GetDirectoryName(Project)!, "README.md");

    /// <summary>The project's folder, as Source Link and the PDB name it (<c>src/CreditPolicy/</c>).</summary>
    internal string Folder => Path.GetDirectoryName(Project)!.Replace('\\', '/') + "/";
}

/// <summary>
/// Packs the libraries and the tool once, as a release would (Release, every packaging setting), into a local
/// folder feed under a version no registry has; the tests then consume them like any app.
/// </summary>
public sealed class PackagedFeed : IDisposable
{
    /// <summary>
    /// The library packages whose README quick start is compiled and run against the packages. A new one joins
    /// with one line here: it is packed into the feed, its README's first <c>```csharp</c> block must compile in
    /// a fresh app and print what the <c>```text</c> block after it shows, and its package is checked like the
    /// others (contents, symbols, metadata, dependencies).
    /// </summary>
    internal static readonly PackageReadme[] Libraries =
    [
        new("src/CreditPolicy/CreditPolicy.csproj", "CreditPolicy"),
        new("src/CreditPolicy.Extensions.DependencyInjection/CreditPolicy.Extensions.DependencyInjection.csproj", "CreditPolicy.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting"),
        new("src/CreditPolicy.Import/CreditPolicy.Import.csproj", "CreditPolicy.Import"),
    ];

    /// <summary>The tool package.</summary>
    internal static readonly PackageReadme Tool = new("src/CreditPolicy.Cli/CreditPolicy.Cli.csproj", "CreditPolicy.Cli");

    /// <summary>Every package of the feed: the tool and the libraries.</summary>
    internal static IEnumerable<PackageReadme> All => Libraries.Prepend(Tool);

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    public PackagedFeed()
    {
        var clock = Stopwatch.StartNew();
        Root = Path.Combine(Path.GetTempPath(), $"creditpolicy-packaging-{Guid.NewGuid():N}");
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Version = $"0.0.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}";
        var artifacts = Path.Combine(Root, "artifacts");

        // Every package in one dotnet pack of a solution of their projects (written here, outside the
        // repository): one MSBuild run that builds the library once for all, the packages in parallel.
        var solution = Path.Combine(Root, "packages.slnx");
        new XElement("Solution", All.Select(p => new XElement("Project", new XAttribute("Path", Repository.PathOf(p.Project))))).Save(solution);
        var pack = Processes.Run(
            Processes.Dotnet,
            ["pack", solution, "-c", "Release", $"-p:PackageOutputPath={Feed}", "--artifacts-path", artifacts, $"-p:Version={Version}", "-p:RunAnalyzers=false", "-nodeReuse:false"],
            Repository.Root,
            Processes.QuietEnvironment(),
            PackTimeout);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing {string.Join(", ", All.Select(p => p.PackageId))} failed:\n{pack}");
        }

        // Apps restore into a package folder of their own, so the machine's never holds these packages; the
        // machine's folder is a read-only fallback, so their dependencies come from it without the network
        // (whatever it lacks comes from the sources this machine's NuGet is configured with).
        Packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        var fallback = MachinePackagesFolder();
        NuGetConfig = Path.Combine(Root, "NuGet.Config");
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="creditpolicy-local" value="{Feed}" />
              </packageSources>
              <fallbackPackageFolders>
                {(fallback is null ? string.Empty : $"<add key=\"machine\" value=\"{fallback}\" />")}
              </fallbackPackageFolders>
            </configuration>
            """);
        PackDuration = clock.Elapsed;
    }

    /// <summary>The temporary folder of everything: feed, artifacts, apps, packages, tools.</summary>
    internal string Root { get; }

    /// <summary>The local folder feed with the packages.</summary>
    internal string Feed { get; }

    /// <summary>The version of every package in the feed, a pre-release that no registry has.</summary>
    internal string Version { get; }

    /// <summary>The apps' own package folder (NUGET_PACKAGES).</summary>
    internal string Packages { get; }

    /// <summary>The NuGet.Config of the apps: the local feed, plus the sources the machine's configuration names.</summary>
    internal string NuGetConfig { get; }

    internal TimeSpan PackDuration { get; }

    internal string PackagePath(string packageId, string extension = ".nupkg") => Path.Combine(Feed, $"{packageId}.{Version}{extension}");

    /// <summary>The quiet environment, with the apps' own package folder.</summary>
    internal Dictionary<string, string?> AppEnvironment()
    {
        var environment = Processes.QuietEnvironment();
        environment["NUGET_PACKAGES"] = Packages;
        environment["DOTNET_ROOT"] = Processes.DotnetRoot;
        return environment;
    }

    /// <summary>A new empty folder under <see cref="Root"/>, for one app or one tool run.</summary>
    internal string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(Root, $"{name}-{Guid.NewGuid():N}")).FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temporary folder is cleaned up by the system later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string? MachinePackagesFolder()
    {
        var environment = Processes.QuietEnvironment();
        var list = Processes.Run(Processes.Dotnet, ["nuget", "locals", "global-packages", "--list"], Repository.Root, environment, TimeSpan.FromMinutes(1));
        const string Prefix = "global-packages:";
        var line = list.Out.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var folder = line?[Prefix.Length..].Trim();
        return list.ExitCode == 0 && folder is { Length: > 0 } && Directory.Exists(folder) ? folder : null;
    }
}

[CollectionDefinition(Name)]
public sealed class PackagesDefinition : ICollectionFixture<PackagedFeed>
{
    internal const string Name = "packages";
}
