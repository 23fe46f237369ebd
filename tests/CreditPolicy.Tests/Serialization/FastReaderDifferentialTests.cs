using System;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CreditPolicy.Profiles;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

/// <summary>
/// The fast profile reader (issue 14) is held to the reference reader (<see cref="Utf8JsonReader"/>): whatever
/// the input, <see cref="ProfileJson.Read(ReadOnlySpan{byte}, ProfileReadOptions?)"/> gives exactly what the
/// reference gives — the same profile, or the same errors with the same paths, lines and words (contract v2,
/// "Input never stops a run") — and the fast path really reads the profiles it is meant for.
/// </summary>
public sealed class FastReaderDifferentialTests
{
    private static readonly ProfileWriteOptions Whole = new() { RevealPersonalIdentifiers = true };

    /// <summary>What the public reader gives equals what the reference reader gives; the profile compared through its stored JSON.</summary>
    private static bool SameAsReference(byte[] input, ProfileReadOptions? options = null)
    {
        options ??= ProfileReadOptions.Default;
        var read = ProfileJson.Read(input, options);
        var reference = ProfileParser.ParseWithReference(input, options, options.FirstLineNumber);
        return read.Succeeded == reference.Succeeded
            && read.Errors.SequenceEqual(reference.Errors)
            && (!read.Succeeded || ProfileJson.Write(read.Value!, Whole) == ProfileJson.Write(reference.Value!, Whole));
    }

    /// <summary>The fast path alone: the profile it reads, or null when it declines.</summary>
    private static CreditProfile? ReadFast(byte[] bytes)
    {
        var input = Utf8Input.SkipBom(bytes); // as ProfileParser.Parse does
        try
        {
            var result = new ProfileParser<FastJsonTokens>(input, new FastJsonTokens(input), ProfileReadOptions.Default, 1).Parse();
            Assert.True(result.Succeeded, "the fast path never returns errors: it declines");
            return result.Value;
        }
        catch (FastPathDeclinedException)
        {
            return null;
        }
    }

    private static byte[] Stored(CreditProfile profile) => Encoding.UTF8.GetBytes(ProfileJson.Write(profile, Whole));

    [Fact]
    public void Broken_profiles_read_exactly_as_the_reference_reader_reads_them() => Fuzz.Check(AgreesOnBrokenProfiles(), suiteCases: 3000);

    private static Property AgreesOnBrokenProfiles() =>
        Prop.ForAll(
            Arb.From(from profile in Generators.Profiles
                     from first in HostileProfileInputTests.Mutations
                     from second in HostileProfileInputTests.Mutations
                     from twice in Gen.Elements(true, false)
                     select (profile, first, second, twice)),
            t =>
            {
                var bytes = t.first(Stored(t.profile));
                return SameAsReference(t.twice ? t.second(bytes) : bytes);
            });

    /// <summary>Valid JSON of a valid profile, written as other writers write it.</summary>
    private static Gen<Func<CreditProfile, byte[]>> Shapes =>
        Gen.Elements<Func<CreditProfile, byte[]>>(
            Stored,
            p => Encoding.UTF8.GetBytes(ProfileJson.Write(p, new ProfileWriteOptions { Indented = true, RevealPersonalIdentifiers = true })),
            // System.Text.Json's default encoder: every Chinese character and '"', '&', '<' as \uXXXX.
            p => Reencode(p, JavaScriptEncoder.Default, indented: false),
            p => Reencode(p, JavaScriptEncoder.Default, indented: true),
            // Fields the contract does not name, of every JSON kind, before and after the named ones.
            p => WithUnknownFields(p),
            // A name that needs a surrogate pair, escaped and raw, and escapes of every kind.
            p => Replace(Stored(p), "\"name\":\"", "\"name\":\"\\ud83d\\ude00😀\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9 "),
            // Absent optional fields given as null, and whitespace of every JSON kind between tokens.
            p => Replace(Replace(Stored(p), "\"records\":", " \t\r\n\"records\" : "), "\"conveniences\":", "\"creditCheckedOnX\":null,\"conveniences\":"),
            p => [0xEF, 0xBB, 0xBF, .. Stored(p), (byte)' ', (byte)'\n']);

    private static byte[] Reencode(CreditProfile profile, JavaScriptEncoder encoder, bool indented)
    {
        var node = JsonNode.Parse(ProfileJson.Write(profile, Whole));
        return Encoding.UTF8.GetBytes(node!.ToJsonString(new JsonSerializerOptions { Encoder = encoder, WriteIndented = indented }));
    }

    private static byte[] WithUnknownFields(CreditProfile profile)
    {
        var node = JsonNode.Parse(ProfileJson.Write(profile, Whole))!.AsObject();
        var extra = JsonNode.Parse("""{"n":[0,-0,1.5,-2e10,3E+2,4.0e-3,123456789012345678901234567890],"t":true,"f":false,"z":null,"o":{"a":[{},[],[[{"b":"\u4e2d"}]]]},"s":"x"}""")!;
        node.Insert(0, "_before", extra.DeepClone());
        node.Add("_after", extra.DeepClone());
        node["subject"]!.AsObject().Add("_extra", extra.DeepClone());
        foreach (var record in node["records"]!.AsArray())
        {
            record!.AsObject().Insert(0, "_extra", 7);
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static byte[] Replace(byte[] json, string what, string with) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace(what, with, StringComparison.Ordinal));

    [Fact]
    public void Valid_profiles_in_any_writers_shape_are_read_by_the_fast_path_to_what_the_reference_reads() =>
        Fuzz.Check(
            Prop.ForAll(
                Arb.From(from profile in Generators.Profiles from shape in Shapes select (profile, shape)),
                t =>
                {
                    var bytes = t.shape(t.profile);
                    var fast = ReadFast(bytes);
                    var reference = ProfileParser.ParseWithReference(bytes, ProfileReadOptions.Default, 1);
                    return (fast is not null && reference.Succeeded && ProfileJson.Write(fast, Whole) == ProfileJson.Write(reference.Value!, Whole))
                        .Label($"fast {(fast is null ? "declined" : "read")}, reference {string.Join("; ", reference.Errors)}: {Encoding.UTF8.GetString(bytes)}");
                }),
            suiteCases: 1000);

    [Theory]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":01}""")] // a leading zero
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":1.}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":-}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":1e}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":tru}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":truex}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":[1,]}""")] // a trailing comma
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}}""")] // after the profile
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}} x""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}{}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":"\x"}""")] // an unknown escape
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":"\u12"}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":"\u12G4"}""")]
    [InlineData("""{"subject":{"name":"\ud800","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""")] // lone surrogates
    [InlineData("""{"subject":{"name":"\udc00\ud800","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""")]
    [InlineData("""{"subject":{"name":"\ud800\u0041","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""")]
    [InlineData("""{"\ud800":1,"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""")] // an unknown field, read
    [InlineData("""{"subject":{"n\u0061me":"\u90CF","kind":"enterpris\u0065","idType":"uscc","id":"91440300192203821\u0036"}}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":[{"id":"r","category":"administrative-penalty","decidedOn":"2024-0\u0031-02"}]}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""")] // deeper than the fast reader goes
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}""")] // cut short
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":"abc""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":"abc\""")]
    [InlineData("""{"subject" {"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":1 2}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":{"a" 1}}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":[}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":{]}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":'a'}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"}/*c*/}""")]
    [InlineData("""  """)]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"subject":null}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":[{"id":"a","category":"administrative-penalty","decidedOn":"2024-01-02"},{"id":"a","category":"administrative-penalty","decidedOn":"2024-01-02"}]}""")]
    public void Hand_made_edge_cases_read_exactly_as_the_reference_reads_them(string json)
    {
        Assert.True(SameAsReference(Encoding.UTF8.GetBytes(json)));
        Assert.True(SameAsReference(Encoding.UTF8.GetBytes(json), new ProfileReadOptions { AllowComments = true, FirstLineNumber = 7 }));
        Assert.True(SameAsReference(Encoding.UTF8.GetBytes(json.Replace(",", ",\n", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"x":-0.5e+10}""")]
    [InlineData("""{"subject":{"n\u0061me":"\u90CF\ud83d\ude00","kind":"enterprise","idType":"uscc","id":"914403001922038216"}}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"\ud800\udc00":[true,false,null,{"":""}]}""")]
    [InlineData("""{"subject":{"name":"X","kind":"enterprise","idType":"uscc","id":"914403001922038216"},"records":null,"creditCheckedOn":null}""")]
    public void The_fast_path_reads_unusual_but_valid_JSON_itself(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.NotNull(ReadFast(bytes));
        Assert.True(SameAsReference(bytes));
    }

    [Fact]
    public void Invalid_UTF8_anywhere_is_declined_and_located_by_the_reference_reader()
    {
        // Shared strings (department, authority) too: each is read once whole first, so that the string cache holds it.
        var valid = Encoding.UTF8.GetBytes("""{"subject":{"name":"郏县示例","kind":"enterprise","idType":"uscc","id":"914403001922038216","supervisingDepartment":"郏县民政局"},"records":[{"id":"r-1","category":"other-positive","authority":"郏县市场监督管理局","decidedOn":"2024-01-02"}],"x":"中文"}""");
        Assert.NotNull(ReadFast(valid));
        for (var at = 0; at < valid.Length; at++)
        {
            foreach (var bad in new byte[][] { [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xD6, 0xD0] })
            {
                byte[] bytes = [.. valid[..at], .. bad, .. valid[at..]];
                Assert.Null(ReadFast(bytes));
                Assert.True(SameAsReference(bytes), $"{Convert.ToHexString(bad)} at {at}");
            }
        }
    }
}

/// <summary>Field names are compared by words (issue 14): exactly as byte-by-byte equality, at every length.</summary>
public sealed class FieldNameComparisonTests
{
    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property Comparing_by_words_is_byte_equality(byte[] name, byte[] field, bool sameLength, int flip)
    {
        name = name.Length > 24 ? name[..24] : name;
        field = sameLength ? (byte[])name.Clone() : (field.Length > 24 ? field[..24] : field);
        if (sameLength && field.Length > 0 && flip % 3 == 0)
        {
            field[(flip & int.MaxValue) % field.Length] ^= 0x20; // one byte differs, anywhere
        }

        return (FieldSet.Same(name, field) == name.AsSpan().SequenceEqual(field)).ToProperty();
    }
}
