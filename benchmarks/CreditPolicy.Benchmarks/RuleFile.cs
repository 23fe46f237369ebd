namespace CreditPolicy.Benchmarks;

/// <summary>The shipped rule file's bytes, as embedded in the library.</summary>
public static class RuleFile
{
    public static byte[] Bytes() => Rules.RuleSet.JiaCounty2022No8File();
}
