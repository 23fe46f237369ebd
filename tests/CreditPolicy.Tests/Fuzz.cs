using System;
using System.Globalization;
using FsCheck;

namespace CreditPolicy.Tests;

/// <summary>
/// The fuzz properties' case count: the suite's short run by default, a long run when
/// <c>CREDITPOLICY_FUZZ_CASES</c> says so (docs/fuzzing.md).
/// </summary>
internal static class Fuzz
{
    internal static void Check(FsCheck.Property property, int suiteCases)
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("CREDITPOLICY_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? asked
            : suiteCases;
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true), property);
    }
}
