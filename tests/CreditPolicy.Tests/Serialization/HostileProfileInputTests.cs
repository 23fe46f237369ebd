using System;
using System.Linq;
using System.Text;
using CreditPolicy.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace CreditPolicy.Tests.Serialization;

/// <summary>
/// Reading a profile never throws (contract v2, "Input never stops a run"): messy and hostile input is a
/// located error, and what is valid is still read.
/// </summary>
public sealed class HostileProfileInputTests
{
    private const string Subject = "\"kind\":\"enterprise\",\"idType\":\"uscc\",\"id\":\"914403001922038216\"";
    private static readonly ProfileWriteOptions Stored = new() { RevealPersonalIdentifiers = true };

    private static InputError SingleError(byte[] utf8)
    {
        var result = ProfileJson.Read(utf8);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void A_blank_subject_name_is_a_located_error_not_an_exception(string name)
    {
        var error = SingleError(Encoding.UTF8.GetBytes("{\"subject\":{\"name\":\"" + name.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"," + Subject + "}}"));

        Assert.Equal("$.subject.name", error.Path);
        Assert.Contains("blank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_a_located_error()
    {
        var error = SingleError(Encoding.UTF8.GetBytes("{\"subject\":{\"name\":\"\\ud800\"," + Subject + "}}"));

        Assert.Equal("$.subject.name", error.Path);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_such_as_a_GBK_byte_is_a_located_error_that_suggests_the_encoding()
    {
        var gbk = Encoding.UTF8.GetBytes("{\n\"subject\":{\"name\":\"X\",").Concat(new byte[] { 0xD6, 0xD0 }).Concat(Encoding.UTF8.GetBytes($"\"x\":1,{Subject}}}}}")).ToArray();

        var error = SingleError(gbk);

        Assert.Equal(2, error.Line);
        Assert.Contains("not valid text in the input's encoding (UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("gb18030", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_accepted()
    {
        var json = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"subject\":{\"name\":\"某公司\"," + Subject + "}}")).ToArray();

        Assert.True(ProfileJson.Read(json).Succeeded);
    }

    /// <summary>One damaging change to a valid profile's bytes.</summary>
    internal static Gen<Func<byte[], byte[]>> Mutations =>
        Gen.OneOf(
            from cut in Gen.Choose(0, 100) select (Func<byte[], byte[]>)(b => b[..(b.Length * cut / 100)]),
            from at in Gen.Choose(0, 100) from value in Gen.Choose(0, 255) select (Func<byte[], byte[]>)(b => Flip(b, at, (byte)value)),
            from at in Gen.Choose(0, 100) from text in Gen.Elements("\\ud800", "\\udfff\\ud800", "\xff", "null", "[null]", "{", "]", "\"", "\\", "\u0000", "\u001b[31m", "1e999999", "-0", "99999999999999999999")
            select (Func<byte[], byte[]>)(b => Insert(b, at, Encoding.UTF8.GetBytes(text))),
            from at in Gen.Choose(0, 100) select (Func<byte[], byte[]>)(b => Insert(b, at, [0xC0, 0x80, 0xED, 0xA0, 0x80, 0xFF])),
            from at in Gen.Choose(0, 100) from depth in Gen.Choose(1, 3000) select (Func<byte[], byte[]>)(b => Insert(b, at, Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)))),
            from at in Gen.Choose(0, 100) select (Func<byte[], byte[]>)(b => Insert(b, at, Encoding.UTF8.GetBytes("\"" + new string('字', 100_000) + "\""))),
            from name in Gen.Elements("\"name\":", "\"id\":", "\"decidedOn\":", "\"records\":", "\"commitmentId\":", "\"signedOn\":", "\"source\":")
            select (Func<byte[], byte[]>)(b => Replace(b, name, name + "null,\"_\":")));

    private static byte[] Flip(byte[] bytes, int percent, byte value)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[Math.Min(bytes.Length - 1, bytes.Length * percent / 100)] = value;
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int percent, byte[] what)
    {
        var at = bytes.Length * percent / 100;
        return [.. bytes[..at], .. what, .. bytes[at..]];
    }

    private static byte[] Replace(byte[] bytes, string what, string with) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(what, with, StringComparison.Ordinal));

    [Fact]
    public void Reading_never_throws_whatever_is_done_to_a_valid_profile() => Fuzz.Check(ReadingNeverThrows(), suiteCases: 3000);

    private static Property ReadingNeverThrows() =>
        Prop.ForAll(
            Arb.From(from profile in Generators.Profiles from first in Mutations from second in Mutations from twice in Gen.Elements(true, false)
                     select (profile, first, second, twice)),
            t =>
            {
                var bytes = t.first(Encoding.UTF8.GetBytes(ProfileJson.Write(t.profile, Stored)));
                if (t.twice)
                {
                    bytes = t.second(bytes);
                }

                var result = ProfileJson.Read(bytes);
                return result.Succeeded
                    ? result.Errors.IsEmpty
                    : !result.Errors.IsEmpty && result.Errors.All(e => e.Line >= 1 && e.Path is { } path && path.StartsWith('$') && e.Message.Length > 0);
            });
}
