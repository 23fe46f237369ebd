using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace CreditPolicy.Packaging.Tests;

/// <summary>
/// Deterministic builds always (issue 12): a copy of the sources without git metadata — a source tarball — still
/// builds with the repository's folder mapped to <c>/_/</c>, so no folder of the building machine gets into a binary.
/// </summary>
public sealed class SourceTarballTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("creditpolicy-tarball-").FullName;

    [Fact]
    public void A_build_of_the_sources_without_git_holds_no_folder_of_the_building_machine()
    {
        foreach (var file in (string[])["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "CHANGELOG.md", "README.md", "LICENSE"])
        {
            File.Copy(Repository.PathOf(file), Path.Combine(_copy, file));
        }

        foreach (var folder in (string[])["build", "rules", "src/CreditPolicy"])
        {
            Copy(Repository.PathOf(folder), Path.Combine(_copy, folder));
        }

        var build = Processes.Run(
            Processes.Dotnet,
            ["build", Path.Combine(_copy, "src", "CreditPolicy", "CreditPolicy.csproj"), "-c", "Release", "-p:RunAnalyzers=false", "-nodeReuse:false"],
            _copy,
            Processes.QuietEnvironment(),
            TimeSpan.FromMinutes(5));

        Assert.True(build.ExitCode == 0, build.ToString());
        var output = Path.Combine(_copy, "src", "CreditPolicy", "bin", "Release", "net10.0");
        foreach (var binary in (string[])["CreditPolicy.dll", "CreditPolicy.pdb"])
        {
            Assert.DoesNotContain(_copy, Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(output, binary))), StringComparison.Ordinal);
        }

        Assert.Contains("/_/src/CreditPolicy/obj/Release/net10.0/CreditPolicy.pdb", Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(output, "CreditPolicy.dll"))), StringComparison.Ordinal);
        using var pdb = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.Combine(output, "CreditPolicy.pdb")));
        var reader = pdb.GetMetadataReader();
        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
        Assert.NotEmpty(documents);
        Assert.All(documents, name => Assert.StartsWith("/_", name, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
