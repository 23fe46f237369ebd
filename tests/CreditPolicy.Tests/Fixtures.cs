using System;
using System.IO;

namespace CreditPolicy.Tests;

/// <summary>Test fixtures copied into the repository (the contract's examples), read from the test output folder.</summary>
internal static class Fixtures
{
    internal static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    internal static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
