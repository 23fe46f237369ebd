using System;
using System.Linq;
using CreditPolicy.Subjects;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static CreditPolicy.Import.Tests.SampleExports;

namespace CreditPolicy.Import.Tests;

/// <summary>R8, C5, contract v2 "Personal ids": no resident identity number, valid or not, appears unmasked in any error.</summary>
public sealed class PrivacyTests
{
    /// <summary>A resident identity number, valid or with a wrong check character, born on some day of 1950–2009.</summary>
    private static Gen<string> Ids() =>
        from days in Gen.Choose(0, 21900)
        from sequence in Gen.Choose(0, 999)
        from valid in Gen.Elements(true, false)
        let id = ResidentId(new DateOnly(1950, 1, 1).AddDays(days).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
        select valid ? id : WrongCheck(id);

    /// <summary>Which cell of a penalty row the number lands in: the certificate, the code, a date, the category, the amount, the name, the decision number.</summary>
    private static readonly int[] Cells = [12, 2, 22, 17, 19, 0, 13, 24, 1];

    [Property(MaxTest = 200)]
    public Property R8_No_resident_id_appears_unmasked_in_any_error_whatever_cell_holds_it()
    {
        var inputs = from id in Ids()
                     from cell in Gen.Elements(Cells)
                     from zh in Gen.Elements(true, false)
                     select (id, cell, zh);
        return Prop.ForAll(inputs.ToArbitrary(), input =>
        {
            var row = PenaltyRow("张示例", "自然人", "", "身份证", WrongCheck(Person), "罚1", "警告", "", "2026-01-05", "");
            row[input.cell == 24 ? 22 : 24] = "不是日期"; // a fault elsewhere, so that every row has an error to look at
            row[input.cell] = input.id;
            var result = ImporterTests.Import([PenaltyHeader, row], new ImportOptions { Culture = input.zh ? ImporterTests.Chinese : null });
            var text = string.Join("\n", result.Errors.Select(e => e.Format(input.zh ? ImporterTests.Chinese : null)).Concat(result.Errors.Select(e => e.Message)));
            return result.Errors.Length > 0 && !text.Contains(input.id, StringComparison.OrdinalIgnoreCase) && !text.Contains(input.id[6..14], StringComparison.Ordinal);
        });
    }
}
