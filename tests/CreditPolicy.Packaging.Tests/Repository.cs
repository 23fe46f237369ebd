using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CreditPolicy.Packaging.Tests;

/// <summary>Files of the repository the tests run in, and the parts of Markdown files the tests hold to.</summary>
internal static partial class Repository
{
    internal static string Root { get; } = FindRoot();

    internal static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    internal static string Read(string relative) => File.ReadAllText(PathOf(relative)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The fenced code blocks of a Markdown text tagged <paramref name="language"/> (```csharp), in order.</summary>
    internal static string[] CodeBlocks(string markdown, string language) =>
        [.. CodeBlocks(markdown).Where(b => b.Language == language).Select(b => b.Code)];

    /// <summary>Every fenced code block of a Markdown text, in order: its language tag (empty when none) and its text.</summary>
    internal static (string Language, string Code)[] CodeBlocks(string markdown) =>
        [.. Fence().Matches(markdown).Select(m => (m.Groups["lang"].Value, m.Groups["code"].Value))];

    /// <summary>The version of a package that <c>Directory.Packages.props</c> sets for the whole repository.</summary>
    internal static string CentralVersion(string packageId) =>
        XDocument.Parse(Read("Directory.Packages.props")).Descendants("PackageVersion")
            .SingleOrDefault(v => string.Equals((string?)v.Attribute("Include"), packageId, StringComparison.OrdinalIgnoreCase))
            ?.Attribute("Version")?.Value
        ?? throw new InvalidOperationException($"Directory.Packages.props sets no version of {packageId}.");

    /// <summary>The section of a Keep a Changelog file under <c>## [heading]</c>, trimmed; null when there is none.</summary>
    internal static string? ChangelogSection(string changelog, string heading)
    {
        var match = Regex.Match(changelog, $@"(?ms)^## \[{Regex.Escape(heading)}\][^\n]*\n(.*?)(?=^## \[|\z)");
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreditPolicy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }

    [GeneratedRegex(@"(?ms)^```(?<lang>[A-Za-z]*)[ \t]*\n(?<code>.*?)^```[ \t]*$")]
    private static partial Regex Fence();
}
