using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

/// <summary>
/// An attacker's and a careless writer's inputs against the fast profile reader (issue 14): whatever the bytes
/// and options, <see cref="ProfileJson.Read(ReadOnlySpan{byte}, ProfileReadOptions?)"/> gives exactly what
/// <see cref="ProfileParser.ParseWithReference"/> gives for the same bytes, and never throws.
/// </summary>
public sealed class FastReaderAttackTests
{
    private static readonly ProfileWriteOptions Whole = new() { RevealPersonalIdentifiers = true };

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The smallest valid profile.</summary>
    private const string Minimal = """{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""";

    /// <summary>A valid profile with every shared string (department, authority, agency name and filing number, matter, window).</summary>
    private const string Rich = """{"subject":{"name":"张三","kind":"individual-business","idType":"uscc","id":"9281509908JABNJFX3","supervisingDepartment":"郏县住房和城乡建设局"},"records":[{"id":"rec-0","category":"commendation","authority":"郏县市场监督管理局","decidedOn":"2024-01-30","publicUntil":"2026-02-17","repairedOn":"2026-03-03"},{"id":"rec-breach-cmt-0","category":"commitment-breach","severity":"general","authority":"郏县市场监督管理局","decidedOn":"2024-09-13","repairedOn":"2024-10-14","commitmentId":"cmt-0"}],"reports":[{"id":"rpt-0","kind":"personal","agency":{"name":"示例信用评级有限公司","filingNumber":"PBC-BJ-2019-017"},"rating":"BBB","issuedOn":"2018-04-07","validUntil":"2019-11-13"}],"commitments":[{"id":"cmt-0","type":"proactive-disclosure","matter":"食品经营许可","window":"市场监管窗口","committedOn":"2023-10-07","signedOn":"2023-10-14","breachedOn":"2024-09-13","breachSeverity":"general","breachRepairedOn":"2025-11-17","falseCommitment":true,"agent":{"name":"张三","idType":"resident-id","id":"615254192403281730"}}],"conveniences":["green-channel"],"creditCheckedOn":"2020-09-27"}""";

    /// <summary>The values of the shared (string-cached) fields in <see cref="Rich"/>: department, authority, agency name, filing number, matter, window.</summary>
    private static readonly string[] SharedValues = ["郏县住房和城乡建设局", "郏县市场监督管理局", "示例信用评级有限公司", "PBC-BJ-2019-017", "食品经营许可", "市场监管窗口"];

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    private static string Show(ReadResult<CreditProfile> r) =>
        r.Succeeded ? "OK " + ProfileJson.Write(r.Value!, Whole) : "ERR " + string.Join(" | ", r.Errors);

    /// <summary>Null when Read and the reference agree (and neither throws); otherwise what each gave.</summary>
    private static string? Diff(ReadOnlySpan<byte> input, ProfileReadOptions? options = null)
    {
        options ??= ProfileReadOptions.Default;
        string read, reference;
        try
        {
            read = Show(ProfileJson.Read(input, options));
        }
        catch (Exception ex)
        {
            read = "THREW " + ex.GetType().Name;
        }

        try
        {
            reference = Show(ProfileParser.ParseWithReference(input, options, options.FirstLineNumber));
        }
        catch (Exception ex)
        {
            reference = "THREW " + ex.GetType().Name;
        }

        return read == reference && !read.StartsWith("THREW", StringComparison.Ordinal)
            ? null
            : $"{Convert.ToHexString(input.Length > 200 ? input[..200] : input)}\nread: {read}\nref:  {reference}";
    }

    private static void AssertSame(byte[] input, ProfileReadOptions? options = null) => Assert.Null(Diff(input, options));

    private static void AssertAllSame(IEnumerable<(string Label, byte[] Input, ProfileReadOptions? Options)> cases)
    {
        var failures = cases.Select(c => Diff(c.Input, c.Options) is { } d ? c.Label + ": " + d : null).OfType<string>().ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} disagreements; first: {failures.FirstOrDefault()}");
    }

    /// <summary>The attacks above reach the fast path: it reads these profiles itself rather than declining them.</summary>
    [Theory]
    [InlineData("a")]
    [InlineData("é")]
    [InlineData("😀")]
    [InlineData("\\u00E9")]
    [InlineData("\\uD83d\\udE00")]
    [InlineData("\\\"\\\\\\/\\b\\f\\r\\t")]
    [InlineData("\\u0000")]
    public void The_fast_path_itself_reads_the_rich_profile_with_escapes_in_a_shared_string(string atom)
    {
        foreach (var len in new[] { 0, 14, 15, 16, 17, 31, 32, 33, 100 })
        {
            var bytes = U(Rich.Replace("郏县市场监督管理局", new string('x', len) + atom, StringComparison.Ordinal));
            var fast = new ProfileParser<FastJsonTokens>(bytes, new FastJsonTokens(bytes), ProfileReadOptions.Default, 1).Parse(); // throws when it declines
            Assert.Equal(Show(ProfileParser.ParseWithReference(bytes, ProfileReadOptions.Default, 1)), Show(fast));
        }
    }

    // ---- Byte-order marks (FAILS: ProfileParser.Parse strips a BOM, then ParseWithReference strips a second one) ----

    [Fact]
    public void Two_byte_order_marks_are_read_as_the_reference_reads_them()
    {
        AssertSame([.. Bom, .. Bom, .. U(Minimal)]); // Read: succeeds; reference: "'0xEF' is an invalid start of a value."
    }

    [Fact]
    public void Two_byte_order_marks_before_broken_JSON_give_the_reference_error()
    {
        AssertSame([.. Bom, .. Bom, .. U("{\"x\":")]); // Read: "Expected depth to be zero..."; reference: "'0xEF' is an invalid start..."
    }

    [Fact]
    public void One_byte_order_mark_with_whitespace_around_it_reads_as_the_reference_reads_it() =>
        AssertAllSame(
        [
            ("bom", [.. Bom, .. U(Minimal)], null),
            ("bom ws", [.. Bom, .. U(" \n" + Minimal + "\n")], null),
            ("ws bom", [.. U(" "), .. Bom, .. U(Minimal)], null),
            ("bom only", [.. Bom], null),
            ("bom ws only", [.. Bom, .. U(" \t")], null),
            ("bom in string", U(Minimal.Replace("\"X\"", "\"\uFEFFX\"", StringComparison.Ordinal)), null),
        ]);

    [Fact]
    public void MaxProfileBytes_at_its_boundary_reads_as_the_reference_reads_it() =>
        AssertAllSame(
            from input in new[] { U(Rich), [.. Bom, .. U(Rich)], U(" " + Rich + " \n") }
            from max in Enumerable.Range(input.Length - 5, 11).Append(0).Append(-1)
            select ($"max {max} of {input.Length}", input, (ProfileReadOptions?)new ProfileReadOptions { MaxProfileBytes = max }));

    // ---- Strings: every length around the 16-byte step, every escape, non-ASCII, at every position ----

    private static readonly string[] Atoms =
        ["a", "é", "中", "😀", "\\n", "\\u00e9", "\\u00E9", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\uD83d\\udE00", "\\\"", "\\\\", "\\/", "\\b\\f\\r\\t", "\\u0000", "\u007f", "\\ud800", "\\udc00", "\\ud83d\\u0041", "\\ud83d\\\\ude00", "\\x", "\\u12G4", "\\U00e9"];

    [Fact]
    public void Strings_of_every_length_around_sixteen_and_thirty_two_bytes_with_every_escape_read_as_the_reference_reads_them() =>
        AssertAllSame(
            from field in new[] { "authority", "matter", "name", "_unknown", "_unknownName" }
            from atom in Atoms
            from len in Enumerable.Range(0, 41)
            from pos in new[] { 0, len / 2, Math.Max(0, len - 1), len }.Distinct()
            let text = new string('x', pos) + atom + new string('y', len - pos)
            let json = field switch
            {
                "_unknown" => Rich[..^1] + ",\"_u\":\"" + text + "\"}",
                "_unknownName" => Rich[..^1] + ",\"" + text + "\":1}",
                _ => Rich.Replace("\"" + field + "\":\"", "\"" + field + "\":\"" + text, StringComparison.Ordinal),
            }
            select ($"{field} {atom} {len} {pos}", U(json), (ProfileReadOptions?)null));

    [Fact]
    public void Input_that_ends_inside_a_string_or_escape_reads_as_the_reference_reads_it() =>
        AssertAllSame(
            from len in Enumerable.Range(0, 70)
            from tail in new[] { "\"", "\\\"", "\\", "\\u", "\\u00", "\\ud83d", "\\ud83d\\", "\\ud83d\\ude00\"", "é\"", "é", "\u00e9"[..1], "\\\\\"" }
            from name in new[] { false, true }
            select ($"tail {len} {tail} {name}", U(Rich[..^1] + (name ? ",\"" : ",\"_u\":\"") + new string('a', len) + tail), (ProfileReadOptions?)null));

    [Fact]
    public void Every_prefix_of_a_profile_reads_as_the_reference_reads_it_also_as_a_slice_of_a_longer_buffer()
    {
        var bytes = U(Rich);
        AssertAllSame(Enumerable.Range(0, bytes.Length + 1).Select(cut => ($"cut {cut}", bytes[..cut], (ProfileReadOptions?)null)));
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            Assert.Equal(Show(ProfileParser.ParseWithReference(bytes.AsSpan(0, cut), ProfileReadOptions.Default, 1)), Show(ProfileJson.Read(bytes.AsSpan(0, cut))));
        }
    }

    [Theory]
    [InlineData("é")]
    [InlineData("中")]
    [InlineData("n\\u0061me")]
    [InlineData("\\u006eame")]
    [InlineData("na\\u006De")]
    [InlineData("\\ud83d\\ude00")]
    [InlineData("😀")]
    [InlineData("name\\u0000")]
    [InlineData("name ")]
    [InlineData("NAME")]
    [InlineData("nam\u00e9")]
    [InlineData("\\ud800")]
    public void Property_names_with_escapes_and_non_ASCII_read_as_the_reference_reads_them(string name)
    {
        AssertSame(U(Rich.Replace("{\"name\":\"张三\"", "{\"" + name + "\":\"张三\",\"name\":\"张三\"", StringComparison.Ordinal)));
        AssertSame(U(Rich.Replace("\"name\":\"张三\"", "\"" + name + "\":\"张三\"", StringComparison.Ordinal)));
    }

    // ---- Numbers, literals, structure ----

    [Theory]
    [InlineData("-0")] [InlineData("0")] [InlineData("1e5")] [InlineData("1E-5")] [InlineData("1E+5")] [InlineData("00")] [InlineData("-")] [InlineData("1.")]
    [InlineData(".5")] [InlineData("+1")] [InlineData("-01")] [InlineData("1.5e")] [InlineData("1e+")] [InlineData("0x1")] [InlineData("NaN")] [InlineData("-Infinity")]
    [InlineData("-0.0e-0")] [InlineData("1.0E+99999")] [InlineData("123456789012345678901234567890123456789012345678901234567890")]
    [InlineData("true")] [InlineData("false")] [InlineData("null")] [InlineData("tru")] [InlineData("nulls")] [InlineData("nul")] [InlineData("True")] [InlineData("NULL")] [InlineData("truefalse")]
    [InlineData("1 2")] [InlineData("[1 2]")] [InlineData("{\"a\":1 \"b\":2}")] [InlineData("[,1]")] [InlineData("[1,,2]")] [InlineData("{,}")] [InlineData("{\"a\"}")] [InlineData("{\"a\"::1}")]
    [InlineData("[]]")] [InlineData("[[]")] [InlineData("{}}")] [InlineData("'x'")] [InlineData("\"\\u+123\"")] [InlineData("\"\\u 123\"")] [InlineData("\"\\u-123\"")] [InlineData("\"\\uFEFF\"")]
    [InlineData("\"\\uffff\"")] [InlineData("\"\\u001f\"")] [InlineData("\"\t\"")] [InlineData("/*c*/1")] [InlineData("1//c\n")] [InlineData("1/*c*/")] [InlineData("[null]")] [InlineData("{\"\":\"\"}")]
    public void Numbers_literals_and_structure_read_as_the_reference_reads_them_wherever_they_stand(string v)
    {
        var comments = new ProfileReadOptions { AllowComments = true, FirstLineNumber = 9 };
        foreach (var json in new[]
        {
            Rich[..^1] + ",\"_u\":" + v + "}", "{\"_u\":" + v + "," + Rich[1..], Rich[..^1] + ",\"_u\":[" + v + "]}", Rich[..^1] + ",\"_u\":" + v,
            Rich.Replace("\"2024-01-30\"", v, StringComparison.Ordinal), Rich.Replace("\"张三\"", v, StringComparison.Ordinal),
            Rich.Replace("\"falseCommitment\":true", "\"falseCommitment\":" + v, StringComparison.Ordinal), Rich.Replace("[\"green-channel\"]", "[" + v + "]", StringComparison.Ordinal),
            v, Rich + v, Rich + " " + v,
        })
        {
            AssertSame(U(json));
            AssertSame(U(json), comments);
        }
    }

    [Theory]
    [InlineData("\f")]
    [InlineData("\v")]
    [InlineData("\u00a0")]
    [InlineData("\u2028")]
    [InlineData("\u3000")]
    [InlineData("\0")]
    [InlineData("\u0085")]
    [InlineData("\uFEFF")]
    public void Characters_that_are_not_JSON_whitespace_are_not_skipped(string ws)
    {
        AssertSame(U(ws + Minimal));
        AssertSame(U(Minimal + ws));
        AssertSame(U(Rich.Replace("\"records\":", "\"records\":" + ws, StringComparison.Ordinal)));
        AssertSame(U(Rich.Replace("\"records\":", "\"records\"" + ws + ":", StringComparison.Ordinal)));
    }

    [Fact]
    public void Nesting_around_the_fast_limit_of_32_and_the_reference_limit_of_64_reads_as_the_reference_reads_it() =>
        AssertAllSame(
            from d in Enumerable.Range(28, 43)
            from json in new[]
            {
                Rich[..^1] + ",\"_u\":" + new string('[', d) + new string(']', d) + "}",
                Rich[..^1] + ",\"_u\":" + string.Concat(Enumerable.Repeat("{\"a\":", d)) + "1" + new string('}', d) + "}",
                "{" + string.Concat(Enumerable.Repeat("\"_\":{", d)) + new string('}', d) + "," + Minimal[1..],
                new string('[', d) + new string(']', d),
            }
            select ($"depth {d}", U(json), (ProfileReadOptions?)null));

    [Fact]
    public void Duplicates_and_nulls_read_as_the_reference_reads_them() =>
        AssertAllSame(
            from json in new[]
            {
                Rich.Replace("\"rec-0\"", "\"cmt-0\"", StringComparison.Ordinal), // an id used by a record and a commitment
                Rich.Replace("\"rpt-0\"", "\"rec-0\"", StringComparison.Ordinal),
                Rich.Replace("\"authority\":\"郏县市场监督管理局\"", "\"authority\":\"a\",\"authority\":\"b\"", StringComparison.Ordinal),
                Rich.Replace("[\"green-channel\"]", "[\"green-channel\",\"green-channel\"]", StringComparison.Ordinal),
                Rich.Replace("\"records\":[", "\"records\":[null,", StringComparison.Ordinal),
                Rich.Replace("\"window\":\"市场监管窗口\"", "\"window\":null", StringComparison.Ordinal),
                Rich.Replace("\"subject\":{", "\"subject\":null,\"subject\":{", StringComparison.Ordinal),
                Rich[..^1] + ",\"subject\":null}",
                Rich[..^1] + ",\"records\":[]}",
            }
            from options in new ProfileReadOptions?[] { null, new() { MaxErrors = 0 }, new() { FirstLineNumber = -3, Culture = new System.Globalization.CultureInfo("zh-CN") } }
            select (json[..30], U(json.Replace(",", ",\n", StringComparison.Ordinal)), options));

    /// <summary>FAILS, in both readers: a FirstLineNumber near int.MaxValue makes the line of a later-line error overflow (CheckForOverflowUnderflow), and Read throws.</summary>
    [Theory]
    [InlineData("{\n\"subject\":1}")]
    [InlineData("{\n x")]
    public void A_first_line_number_near_int_MaxValue_never_makes_reading_throw(string json)
    {
        var result = ProfileJson.Read(U(json), new ProfileReadOptions { FirstLineNumber = int.MaxValue });
        Assert.False(result.Succeeded);
    }

    // ---- The per-thread string cache and unescape buffer ----

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(95)]
    [InlineData(96)] // the string cache's longest
    [InlineData(97)]
    public void Invalid_UTF8_in_a_shared_string_already_cached_from_a_valid_read_is_still_an_error(int authorityBytes)
    {
        byte[][] bad = [[0xFF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xB8], [0x80]];
        var authority = authorityBytes == 0 ? "郏县市场监督管理局" : "局" + new string('a', authorityBytes - 3); // non-ASCII first: checked lazily
        var valid = U(Rich.Replace("郏县市场监督管理局", authority, StringComparison.Ordinal));
        var cases = new List<(string, byte[], ProfileReadOptions?)>();
        foreach (var field in SharedValues.Select(v => v == "郏县市场监督管理局" ? authority : v))
        {
            var start = valid.AsSpan().IndexOf(U("\"" + field + "\""));
            Assert.True(start > 0, field);
            start++;
            var end = Array.IndexOf(valid, (byte)'"', start);
            for (var i = start; i <= end; i++)
            {
                foreach (var b in bad)
                {
                    cases.Add(($"{field} insert {Convert.ToHexString(b)} at {i - start}", [.. valid[..i], .. b, .. valid[i..]], null));
                    if (i < end)
                    {
                        var replaced = (byte[])valid.Clone();
                        replaced[i] = b[0]; // the same length as the cached string: only the bytes differ
                        cases.Add(($"{field} replace {b[0]:X2} at {i - start}", replaced, null));
                    }
                }
            }
        }

        foreach (var c in cases)
        {
            Assert.True(ProfileJson.Read(valid).Succeeded); // fills this thread's cache with every shared string
            Assert.True(Diff(c.Item2) is null, c.Item1 + ": " + Diff(c.Item2));
        }
    }

    [Fact]
    public void Eight_threads_reading_at_once_each_get_what_one_thread_gets()
    {
        List<byte[]> inputs = [U(Rich), U(Minimal), [.. Bom, .. U(Rich)]];
        foreach (var atom in Atoms)
        {
            foreach (var value in SharedValues.Append("张三"))
            {
                inputs.Add(U(Rich.Replace("\"" + value + "\"", "\"" + value + atom + new string('z', atom.Length * 3 % 17) + "\"", StringComparison.Ordinal)));
            }
        }

        inputs.Add([.. U(Rich[..100]), 0xFF, .. U(Rich[100..])]);
        var expected = inputs.Select(i => Show(ProfileParser.ParseWithReference(i, ProfileReadOptions.Default, 1))).ToArray();
        var failures = 0;
        string? first = null;
        using var start = new Barrier(8);
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            start.SignalAndWait();
            var rng = new Random(t);
            for (var n = 0; n < 3000; n++)
            {
                var k = rng.Next(inputs.Count);
                var got = Show(ProfileJson.Read(inputs[k]));
                if (got != expected[k])
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref first, $"thread {t} input {k}: {got} vs {expected[k]}", null);
                }
            }
        });

        Assert.True(failures == 0, first);
    }

    // ---- Random damage with an attacker's dictionary ----

    private static readonly byte[][] Dictionary =
    [
        U("\\"), U("\""), U("\\u"), U("\\ud83d"), U("\\ude00"), U("\\uD83D\\uDE00"), U("\\u00e9"), U("\\u00E9"), U("\\\""), U("\\\\"), U("é"), U("中"), U("😀"),
        [0x80], [0xFF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98], [0xE4, 0xB8], [0xC3], [0xEF, 0xBB, 0xBF],
        U("0"), U("-"), U("e"), U("."), U("["), U("]"), U("{"), U("}"), U(","), U(":"), U(" "), U("\n"), U("\t"), U("\r"), U("\f"), [0], [0x1F], [0x7F], U("null"), U("true"),
        U("/"), U("*"), U("a"), U("F"), U("G"),
    ];

    private static Gen<Func<byte[], byte[]>> Damage =>
        from kind in Gen.Choose(0, 3)
        from percent in Gen.Choose(0, 100)
        from word in Gen.Elements(Dictionary)
        select (Func<byte[], byte[]>)(b =>
        {
            var at = b.Length * percent / 100;
            return kind switch
            {
                0 => [.. b[..at], .. word, .. b[at..]],
                1 when at < b.Length => [.. b[..at], .. b[(at + 1)..]],
                2 when at < b.Length => [.. b[..at], word[0], .. b[(at + 1)..]],
                _ => [.. b[..at], .. word, .. b[Math.Min(b.Length, at + word.Length)..]],
            };
        });

    [Fact]
    public void Profiles_damaged_with_escapes_invalid_UTF8_and_JSON_punctuation_read_as_the_reference_reads_them() =>
        Fuzz.Check(
            Prop.ForAll(
                Arb.From(from profile in Generators.Profiles
                         from count in Gen.Choose(1, 3)
                         from damage in Damage.ListOf(count)
                         from comments in Gen.Elements(false, true)
                         select (profile, damage, comments)),
                t =>
                {
                    var bytes = t.damage.Aggregate(U(ProfileJson.Write(t.profile, Whole)), (b, f) => f(b));
                    var options = t.comments ? new ProfileReadOptions { AllowComments = true, FirstLineNumber = 4 } : null;
                    return (Diff(bytes, options) is null).Label(Diff(bytes, options) ?? string.Empty);
                }),
            suiteCases: 3000);
}
