using System.Linq;
using System.Text;
using CreditPolicy.Streaming;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CreditPolicy.Tests.Streaming;

/// <summary>
/// The reader's bracket scanner (contract v2, "Input streams": a document ends where its brackets balance)
/// scans 32 bytes a step for speed (issue 14); it must say exactly what the byte-by-byte scan says, on any
/// input, valid or broken, line after line.
/// </summary>
public sealed class LineScannerTests
{
    /// <summary>Bytes that matter to the scanner, weighted towards them, with plain text, Chinese and white space between.</summary>
    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Elements("\"", "\"", "\"", "{", "}", "[", "]", "\\", "\\\"", "\\\\", ":", ",", " ", "\t", "\r"),
        Gen.Elements("a", "name", "12", "郏县", "样例信用评级（河南）有限公司", "rec-00001-1", "true", "null"));

    private static Arbitrary<string[]> Lines =>
        Arb.From(Gen.ArrayOf(Gen.ArrayOf(Piece).Select(pieces => string.Concat(pieces))).Select(lines => lines.Length == 0 ? [string.Empty] : lines));

    [Property(MaxTest = 500)]
    public Property Vectorised_scan_agrees_with_the_byte_by_byte_scan_on_any_lines() =>
        Prop.ForAll(Lines, lines =>
        {
            LineBatchReader.Scanner fast = default, slow = default;
            foreach (var line in lines)
            {
                var bytes = Encoding.UTF8.GetBytes(line);
                fast.Scan(bytes, vectorised: true);
                slow.Scan(bytes, vectorised: false);
                if (fast.State != slow.State || fast.Complete != slow.Complete || fast.AcceptsObject != slow.AcceptsObject)
                {
                    return false;
                }
            }

            return true;
        });

    [Theory]
    [InlineData("{\"a\":\"}{[\",\"b\":[1,{\"c\":\"]]]\"}]}", 0, false)]
    [InlineData("{\"name\":\"样例信用评级（河南）有限公司 with a long name that needs two steps\",\"x\":{\"y\":[", 3, false)]
    [InlineData("{\"escaped\":\"a \\\" quote } and a brace, then more text past the first step\",\"z\":{}}", 0, false)]
    [InlineData("{\"unterminated\":\"this string runs past thirty-two bytes and never ends {[", 1, true)]
    public void A_document_ends_where_its_brackets_balance_outside_strings(string line, int depth, bool inString)
    {
        LineBatchReader.Scanner scanner = default;
        scanner.Scan(Encoding.UTF8.GetBytes(line));
        Assert.Equal((depth, inString), (scanner.State.Depth, scanner.State.InString));
        Assert.Equal(depth <= 0 && !inString, scanner.Complete);
    }

    /// <summary>A profile of about 1.2 KB as the benchmarks' population writes it (one line, Chinese names, no escapes).</summary>
    private const string RealisticProfile = """
        {"subject":{"name":"郏县样例农业有限公司0001","kind":"enterprise","idType":"uscc","id":"91410403NB1QYAA77D","supervisingDepartment":"郏县市场监督管理局"},"records":[{"id":"rec-00001-1","category":"red-list","authority":"郏县卫生健康委员会","decidedOn":"2025-04-15","publicUntil":"2027-11-19"},{"id":"rec-00001-2","category":"administrative-penalty","severity":"serious","authority":"郏县卫生健康委员会","decidedOn":"2023-07-10","publicUntil":"2024-08-01"},{"id":"rec-00001-3","category":"commitment-breach","authority":"郏县市场监督管理局","decidedOn":"2025-06-10","publicUntil":"2028-03-05"},{"id":"rec-00001-4","category":"administrative-penalty","authority":"郏县交通运输局","decidedOn":"2023-07-21","publicUntil":"2026-01-24"}],"reports":[{"id":"rpt-00001-1","kind":"enterprise","agency":{"name":"样例信用评级（河南）有限公司","filingNumber":"SAMPLE-PBC-HN-2020-001"},"rating":"BB","issuedOn":"2025-01-02","validUntil":"2026-01-01"}],"commitments":[{"id":"cmt-00001-1","type":"proactive-disclosure","matter":"食品经营许可","window":"市场监管窗口","committedOn":"2025-12-06","signedOn":"2025-12-08","breachedOn":"2026-06-03"}],"conveniences":["priority-support"],"creditCheckedOn":"2026-11-16"}
        """;

    [Fact]
    public void A_realistic_profile_line_is_one_complete_document()
    {
        LineBatchReader.Scanner scanner = default;
        scanner.Scan(Encoding.UTF8.GetBytes(RealisticProfile));
        Assert.True(scanner.Complete);
        Assert.Equal((0, false, 0UL, (byte)'}'), scanner.State);
    }
}
