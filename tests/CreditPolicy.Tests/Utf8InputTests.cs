using System.Text;
using Xunit;

namespace CreditPolicy.Tests;

public sealed class Utf8InputTests
{
    [Theory]
    [InlineData("{\"a\":\"\\ud800\"}", 6)]
    [InlineData("{\"a\":\"\\ude00\"}", 6)]
    [InlineData("{\"a\":\"\\ud800x\"}", 6)]
    [InlineData("{\"a\":\"\\ud800\\n\"}", 6)]
    [InlineData("{\"a\":\"\\ud800\\u0041\"}", 6)]
    [InlineData("{\"a\":\"ok\",\"b\":\"\\uDBFF\"}", 15)]
    [InlineData("{\"a\":\"\\ud83d\\ude00\"}", -1)]
    [InlineData("{\"a\":\"\\\\ud800\"}", -1)]
    [InlineData("{\"a\":\"\\u4e2d\\\"\"}", -1)]
    [InlineData("\\", -1)]
    [InlineData("no escapes", -1)]
    public void A_lone_surrogate_escape_is_found_and_nothing_else(string json, int expected)
    {
        Assert.Equal(expected, Utf8Input.FirstLoneSurrogateEscape(Encoding.UTF8.GetBytes(json)));
    }
}
