using System;
using System.IO;

namespace CreditPolicy.Cli;

/// <summary>The standard streams a command runs with: the real console, or memory in tests.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output, written as UTF-8 bytes.</param>
/// <param name="Error">Standard error.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (then long runs show progress there).</param>
internal sealed record CliConsole(Stream In, Stream Out, TextWriter Error, bool ErrorIsTerminal)
{
    internal static CliConsole System => new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error, !Console.IsErrorRedirected);
}
