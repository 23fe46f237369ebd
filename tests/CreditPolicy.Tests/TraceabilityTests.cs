using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CreditPolicy.Measures;
using CreditPolicy.Tests.Rules;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>
/// Keeps the traceability matrix (docs/traceability.md) true to the policy (docs/policy/README.md) and to the
/// tests: one row per clause and nothing else, every test it names exists, every verdict has an allowed form,
/// and a clause called implemented names the tests that prove it.
/// </summary>
public sealed partial class TraceabilityTests
{
    private const string MatrixFile = "docs/traceability.md";
    private const string PolicyFile = "docs/policy/README.md";
    private const string Nothing = "—";

    private static readonly string[] Columns = ["clause", "implemented by", "tests", "verdict"];

    [Fact]
    public void Every_clause_of_the_policy_has_a_row_in_the_traceability_matrix()
    {
        var rows = new HashSet<string>(ReadMatrix().Rows.Select(r => r.Clause), StringComparer.Ordinal);

        var missing = PolicyClauses().Where(id => !rows.Contains(id)).ToArray();

        Assert.True(missing.Length == 0, $"{MatrixFile} has no row for clause(s) {string.Join(", ", missing)} of {PolicyFile}.");
    }

    [Fact]
    public void Every_row_of_the_traceability_matrix_is_a_clause_of_the_policy()
    {
        var clauses = new HashSet<string>(PolicyClauses(), StringComparer.Ordinal);

        var unknown = ReadMatrix().Rows.Where(r => !clauses.Contains(r.Clause)).Select(r => $"line {r.Line}: '{r.Clause}'").ToArray();

        Assert.True(unknown.Length == 0, $"{MatrixFile} has rows for clause ids that {PolicyFile} does not have: {string.Join("; ", unknown)}.");
    }

    [Fact]
    public void No_clause_has_two_rows_in_the_traceability_matrix()
    {
        var twice = ReadMatrix().Rows
            .GroupBy(r => r.Clause, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} (lines {string.Join(", ", g.Select(r => r.Line))})")
            .ToArray();

        Assert.True(twice.Length == 0, $"{MatrixFile} has more than one row for: {string.Join("; ", twice)}.");
    }

    [Fact]
    public void Every_test_the_traceability_matrix_names_exists()
    {
        var known = KnownTests();

        var problems = ReadMatrix().Rows
            .SelectMany(r => r.Tests.Select(test => (Row: r, Test: test)))
            .Where(t => !known.Contains(t.Test))
            .Select(t => TestNamePattern().IsMatch(t.Test)
                ? $"{t.Row.Clause} (line {t.Row.Line}): no public test method {t.Test} (xunit [Fact] or [Theory], FsCheck [Property]) in CreditPolicy.Tests or tests/CreditPolicy.Cli.Tests"
                : $"{t.Row.Clause} (line {t.Row.Line}): '{t.Test}' is not written as Class.Method")
            .ToArray();

        Assert.True(problems.Length == 0, $"{MatrixFile} names tests that do not exist:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void A_clause_marked_implemented_names_the_tests_that_prove_it()
    {
        var untested = ReadMatrix().Rows
            .Where(r => r.Verdict == "implemented" && r.Tests.Length == 0)
            .Select(r => $"{r.Clause} (line {r.Line})")
            .ToArray();

        Assert.True(untested.Length == 0, $"{MatrixFile} calls these clauses implemented but names no test that proves them (name one, or say 'partly implemented (…)'): {string.Join(", ", untested)}.");
    }

    [Fact]
    public void Every_verdict_is_implemented_partly_implemented_or_not_applicable_to_software()
    {
        var wrong = ReadMatrix().Rows
            .Where(r => !VerdictPattern().IsMatch(r.Verdict))
            .Select(r => $"{r.Clause} (line {r.Line}): '{r.Verdict}'")
            .ToArray();

        Assert.True(
            wrong.Length == 0,
            $"{MatrixFile}: a verdict is 'implemented', 'partly implemented (what is missing)' or 'not applicable to software (why)'; these are not:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void The_traceability_matrix_is_one_table_of_four_columns_one_row_per_line()
    {
        var matrix = ReadMatrix();

        var malformed = matrix.Rows
            .Where(r => r.CellCount != Columns.Length)
            .Select(r => $"line {r.Line} has {r.CellCount} cells")
            .Concat(matrix.StrayTableLines.Select(line => $"line {line} is a table row outside the matrix"))
            .ToArray();

        Assert.True(malformed.Length == 0, $"{MatrixFile} must hold one table | {string.Join(" | ", Columns)} |, one row per line: {string.Join("; ", malformed)}.");
        Assert.NotEmpty(matrix.Rows);
    }

    [Fact]
    public void The_clause_ids_of_the_policy_are_the_ones_the_library_knows()
    {
        Assert.Equal(ClauseId.All, PolicyClauses());
    }

    /// <summary>The clause ids of the policy: the first column of every table of docs/policy/README.md, in order.</summary>
    private static string[] PolicyClauses() =>
        [.. Lines(PolicyFile)
            .Where(IsTableLine)
            .Select(line => Cells(line)[0])
            .Where(id => id.Length > 0 && id != "id" && !IsSeparator(id))];

    private static MatrixTable ReadMatrix()
    {
        var lines = Lines(MatrixFile);
        var header = Array.FindIndex(lines, line => IsTableLine(line) && Cells(line).SequenceEqual(Columns, StringComparer.Ordinal));
        Assert.True(header >= 0, $"{MatrixFile} has no table with the header | {string.Join(" | ", Columns)} |.");
        Assert.True(header + 1 < lines.Length && Cells(lines[header + 1]).All(IsSeparator), $"{MatrixFile} line {header + 2}: the matrix header must be followed by |---|---|---|---|.");

        var rows = new List<Row>();
        var end = header + 2;
        for (; end < lines.Length && IsTableLine(lines[end]); end++)
        {
            var cells = Cells(lines[end]);
            rows.Add(new Row(end + 1, cells.Length, Clause(Cell(cells, 0)), TestNames(Cell(cells, 2)), Cell(cells, 3)));
        }

        var stray = lines.Select((line, i) => (line, i)).Where(p => IsTableLine(p.line) && (p.i < header || p.i >= end)).Select(p => p.i + 1).ToArray();
        return new MatrixTable(rows, stray);
    }

    private static string Cell(string[] cells, int index) => index < cells.Length ? cells[index] : string.Empty;

    private static string Clause(string cell) => cell.Trim('`', '*', ' ');

    /// <summary>The tests of a cell: <c>Class.Method</c> entries separated by <c>&lt;br&gt;</c> or commas; none for an empty cell or <c>—</c>.</summary>
    private static string[] TestNames(string cell) =>
        [.. BreakPattern().Split(cell)
            .SelectMany(part => part.Split(','))
            .Select(name => name.Trim().Trim('`').Trim())
            .Where(name => name.Length > 0 && name != Nothing && name != "-")];

    /// <summary>
    /// <c>Class.Method</c> of every public test method: by reflection in this assembly, and from the C# sources of
    /// tests/CreditPolicy.Cli.Tests, which this project does not reference.
    /// </summary>
    private static HashSet<string> KnownTests()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(TraceabilityTests).Assembly.GetTypes().Where(t => t.IsClass))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttributes(inherit: true).Any(a => IsTestAttribute(a.GetType())))
                {
                    known.Add($"{type.Name}.{method.Name}");
                }
            }
        }

        var cliTests = Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "tests", "CreditPolicy.Cli.Tests");
        foreach (var file in Directory.EnumerateFiles(cliTests, "*.cs"))
        {
            known.UnionWith(TestsInSource(File.ReadAllLines(file)));
        }

        return known;
    }

    private static bool IsTestAttribute(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName is "Xunit.FactAttribute" or "Xunit.TheoryAttribute" or "FsCheck.Xunit.PropertyAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>Class.Method</c> of each public method declared after a [Fact], [Theory] or [Property…] attribute line.</summary>
    private static IEnumerable<string> TestsInSource(string[] lines)
    {
        string? type = null;
        var attributed = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (ClassPattern().Match(line) is { Success: true } declaration)
            {
                type = declaration.Groups["name"].Value;
                attributed = false;
            }
            else if (TestAttributePattern().IsMatch(line))
            {
                attributed = true;
            }
            else if (attributed && MethodPattern().Match(line) is { Success: true } method)
            {
                attributed = false;
                if (type is not null)
                {
                    yield return $"{type}.{method.Groups["name"].Value}";
                }
            }
            else if (line.Length > 0 && !line.StartsWith('[') && !line.StartsWith("//", StringComparison.Ordinal))
            {
                attributed = false;
            }
        }
    }

    private static string[] Lines(string relative) =>
        File.ReadAllLines(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), relative.Replace('/', Path.DirectorySeparatorChar)));

    private static bool IsTableLine(string line) => line.TrimStart().StartsWith('|');

    private static bool IsSeparator(string cell) => cell.Length > 0 && cell.All(c => c is '-' or ':');

    /// <summary>The cells of a table line, trimmed, without the outer pipes.</summary>
    private static string[] Cells(string line)
    {
        var text = line.Trim();
        text = text.StartsWith('|') ? text[1..] : text;
        text = text.EndsWith('|') ? text[..^1] : text;
        return [.. text.Split('|').Select(cell => cell.Trim())];
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();

    [GeneratedRegex(@"^\w+\.\w+$")]
    private static partial Regex TestNamePattern();

    [GeneratedRegex(@"^(implemented|partly implemented \(.*\S.*\)|not applicable to software \(.*\S.*\))$")]
    private static partial Regex VerdictPattern();

    [GeneratedRegex(@"^(?:(?:public|internal|private|protected|sealed|static|partial|abstract)\s+)*class\s+(?<name>\w+)")]
    private static partial Regex ClassPattern();

    [GeneratedRegex(@"^\[(Fact|Theory|Property)\b")]
    private static partial Regex TestAttributePattern();

    [GeneratedRegex(@"^public\s+(?:static\s+)?(?:async\s+)?(?:void|Task|Property)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodPattern();

    private sealed record Row(int Line, int CellCount, string Clause, string[] Tests, string Verdict);

    private sealed record MatrixTable(IReadOnlyList<Row> Rows, IReadOnlyList<int> StrayTableLines);
}
