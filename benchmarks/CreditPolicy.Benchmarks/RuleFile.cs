using System.IO;

namespace CreditPolicy.Benchmarks;

/// <summary>The shipped rule file's bytes, as embedded in the library.</summary>
public static class RuleFile
{
    public static byte[] Bytes()
    {
        using var stream = typeof(Rules.RuleSet).Assembly.GetManifestResourceStream(Rules.RuleSet.JiaCountyResource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
