using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using CreditPolicy.Profiles;
using CreditPolicy.Tests.Rules;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>
/// The library's namespaces are layers whose arrows point one way (docs/architecture.md, issue 10): a
/// namespace may use only the ones below it. Read from the sources, so that a use inside a method body
/// counts too.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Lowest first: the kernel (the root namespace), the model, policy, use, the edges.</summary>
    private static readonly string[] Layers =
        ["CreditPolicy", "Subjects", "Records", "Reports", "Commitments", "Profiles", "Measures", "Facts", "Serialization", "Rules", "Evaluation", "Output", "Streaming"];

    private static Dictionary<(string From, string To), string> Arrows()
    {
        var root = Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "src", "CreditPolicy");
        var names = string.Join("|", Layers.Skip(1));
        var qualified = new Regex($@"\b(?:CreditPolicy\.)?({names})\.[A-Z]", RegexOptions.CultureInvariant);
        var usings = new Regex(@"^using CreditPolicy\.(\w+);", RegexOptions.Multiline | RegexOptions.CultureInvariant);
        var kernel = new Regex(@"\b(FieldProblem|IsoDate|DayNumber|Printable|Utf8Input|Convenience)\b", RegexOptions.CultureInvariant);
        var arrows = new Dictionary<(string, string), string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = Regex.Replace(File.ReadAllText(file), @"//.*", string.Empty);
            var own = Regex.Match(text, @"^namespace CreditPolicy(?:\.(\w+))?;", RegexOptions.Multiline) is { Success: true } m && m.Groups[1].Success ? m.Groups[1].Value : "CreditPolicy";
            var used = usings.Matches(text).Select(u => u.Groups[1].Value)
                .Concat(qualified.Matches(text).Select(q => q.Groups[1].Value))
                .Concat(own != "CreditPolicy" && kernel.IsMatch(text) ? ["CreditPolicy"] : []);
            foreach (var to in used.Where(u => u != own && Layers.Contains(u)))
            {
                arrows.TryAdd((own, to), Path.GetRelativePath(root, file));
            }
        }

        return arrows;
    }

    [Fact]
    public void No_namespace_uses_one_above_it()
    {
        var backward = Arrows().Where(a => Array.IndexOf(Layers, a.Key.To) > Array.IndexOf(Layers, a.Key.From))
            .Select(a => $"{a.Key.From} -> {a.Key.To} ({a.Value})").ToArray();

        Assert.True(backward.Length == 0, "Backward arrows: " + string.Join("; ", backward));
    }

    [Fact]
    public void The_scan_sees_the_arrows_that_exist()
    {
        var arrows = Arrows();

        // Known forward arrows: rule files read profiles (cases), decisions are written by Output, the pipeline uses both.
        Assert.Contains(("Rules", "Serialization"), arrows.Keys);
        Assert.Contains(("Output", "Evaluation"), arrows.Keys);
        Assert.Contains(("Streaming", "Output"), arrows.Keys);
        Assert.Contains(("Records", "CreditPolicy"), arrows.Keys);
    }

    [Fact]
    public void Model_values_hold_no_caches_every_instance_field_is_readonly_but_the_kept_warning_texts()
    {
        // The one exception (issue 14): the warning texts about a record, report, commitment or measure, made once
        // and kept in a private field that only KeptTexts reads and writes — never an answer about the value.
        string[] model = ["CreditPolicy.Subjects", "CreditPolicy.Records", "CreditPolicy.Reports", "CreditPolicy.Commitments", "CreditPolicy.Profiles", "CreditPolicy.Measures"];
        var kept = typeof(CreditProfile).Assembly.GetType("CreditPolicy.KeptTexts+Memo", throwOnError: true);
        var mutable = typeof(CreditProfile).Assembly.GetTypes()
            .Where(t => model.Contains(t.Namespace) && !t.IsEnum && !t.IsInterface && !t.Name.StartsWith('<'))
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => (Name: $"{t.Name}.{f.Name}", f.FieldType, f.IsPrivate)))
            .ToArray();

        var caches = mutable.Where(f => !(f.IsPrivate && f.FieldType == kept && f.Name.EndsWith("._kept", StringComparison.Ordinal))).Select(f => f.Name).ToArray();
        Assert.True(caches.Length == 0, "Mutable fields in model values: " + string.Join(", ", caches));
        Assert.Equal(["CreditCommitment._kept", "CreditRecord._kept", "CreditReport._kept", "MeasureDefinition._kept"], mutable.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_namespace_of_the_library_has_a_layer()
    {
        var root = Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "src", "CreditPolicy");
        var namespaces = typeof(CreditProfile).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("CreditPolicy", StringComparison.Ordinal))
            .Select(n => n == "CreditPolicy" ? n : n!["CreditPolicy.".Length..])
            .Distinct()
            .ToArray();

        Assert.All(namespaces, n => Assert.Contains(n, Layers));
        Assert.True(Directory.Exists(root));
    }
}
