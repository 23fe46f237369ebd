using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CreditPolicy.Import.Tests;

/// <summary>The sample exports in <c>samples/exports/</c> are what <see cref="SampleExports"/> writes, so none is an opaque blob.</summary>
public sealed class SampleExportTests
{
    [Fact]
    public void The_sample_exports_are_the_generated_ones()
    {
        var regenerate = Environment.GetEnvironmentVariable("CREDITPOLICY_REGENERATE_SAMPLES") == "1";
        foreach (var (name, bytes) in SampleExports.Files())
        {
            var path = Path.Combine(SampleExports.Folder(), name);
            if (regenerate)
            {
                File.WriteAllBytes(path, bytes);
            }

            var committed = File.ReadAllBytes(path);
            if (name.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                // A ZIP archive's bytes carry times; its cells are what must match.
                var (expected, _, _) = SheetReaders.Read(bytes, ImportOptions.Default, false);
                var (actual, _, problem) = SheetReaders.Read(committed, ImportOptions.Default, false);
                Assert.Null(problem);
                Assert.Equal(expected!.Rows.Select(r => (r.Number, string.Join('|', r.Cells))), actual!.Rows.Select(r => (r.Number, string.Join('|', r.Cells))));
            }
            else
            {
                Assert.True(bytes.AsSpan().SequenceEqual(committed), $"{name} differs from what SampleExports writes (CREDITPOLICY_REGENERATE_SAMPLES=1 writes it again)");
            }
        }
    }

    [Fact]
    public void The_xlsx_sample_holds_its_dates_as_Excel_date_numbers()
    {
        var (source, _, _) = SheetReaders.Read(File.ReadAllBytes(Path.Combine(SampleExports.Folder(), "licences.xlsx")), ImportOptions.Default, false);
        var rows = source!.Rows.ToList();

        Assert.Equal("45717", rows[1].Cells[19]); // 2025-03-01
        Assert.Equal("郏县示例餐饮有限公司", rows[1].Cells[0]);
    }
}
