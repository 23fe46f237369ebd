using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.Testing;

namespace CreditPolicy.Cli.Tests;

/// <summary>Runs the tool in process, with memory for its streams and a fixed clock.</summary>
internal static class Cli
{
    /// <summary>2026-11-27 in China Standard Time (16:30 UTC the day before is 00:30 there).</summary>
    internal static readonly IClock Clock = new FakeClock(Instant.FromUtc(2026, 11, 26, 16, 30));

    internal static Result RunWithInput(string stdin, params string[] args) => RunOnConsole(stdin, errorIsTerminal: false, args);

    internal static Result RunOnConsole(string stdin, bool errorIsTerminal, params string[] args) => RunIn(null, stdin, errorIsTerminal, args);

    /// <summary>Runs with the environment variables <paramref name="environment"/> (the real environment is never read: none when null).</summary>
    internal static Result RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args) => RunIn(environment, string.Empty, false, args);

    private static Result RunIn(IReadOnlyDictionary<string, string>? environment, string stdin, bool errorIsTerminal, string[] args)
    {
        var output = new MemoryStream();
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApplication.Run(
            args,
            new CliConsole(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), output, error, errorIsTerminal),
            Clock,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        return new Result(code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    internal static Result Run(params string[] args) => RunWithInput(string.Empty, args);

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreditPolicy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }

    internal static string Repo(string relative) => Path.Combine(RepositoryRoot(), relative);

    internal static string TempFile(string content, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), $"creditpolicy-test-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    internal sealed record Result(int ExitCode, string Out, string Error)
    {
        internal string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        internal string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
