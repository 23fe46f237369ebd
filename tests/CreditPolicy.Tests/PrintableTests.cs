using Xunit;

namespace CreditPolicy.Tests;

/// <summary>Text from input never reaches output raw (contract v2): control characters and bidirectional overrides are escaped.</summary>
public sealed class PrintableTests
{
    [Theory]
    [InlineData("a\u001b[31mb", "a\\u001B[31mb")]
    [InlineData("\u0007", "\\u0007")]
    [InlineData("郏县\u202Egnp.exe", "郏县\\u202Egnp.exe")] // right-to-left override ("Trojan Source")
    [InlineData("x\u2066y\u2069", "x\\u2066y\\u2069")]
    [InlineData("郏县样例有限公司", "郏县样例有限公司")]
    public void Control_and_bidirectional_formatting_characters_are_written_as_escapes(string text, string shown)
    {
        Assert.Equal(shown, Printable.Escape(text));
    }
}
