using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace CreditPolicy.Packaging.Tests;

/// <summary>Runs programs (dotnet, the installed tool) as real processes with a time limit.</summary>
internal static class Processes
{
    /// <summary>The dotnet that runs these tests (the SDK that CI and developers use), else the one on the path.</summary>
    internal static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>The folder of the dotnet that runs these tests, for the tool's launcher (DOTNET_ROOT).</summary>
    internal static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>
    /// A quiet, one-shot dotnet: no telemetry or banners, and no build servers (MSBuild nodes, the compiler
    /// server) left running after the command, which would hold its output open and outlive the test.
    /// </summary>
    internal static Dictionary<string, string?> QuietEnvironment() => new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["UseSharedCompilation"] = "false",
        ["NUGET_XMLDOC_MODE"] = "skip",
        // What the outer dotnet test set for its own MSBuild: a fresh shell has none of it.
        ["MSBuildExtensionsPath"] = null,
        ["MSBuildSDKsPath"] = null,
        ["MSBUILD_EXE_PATH"] = null,
        ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
    };

    internal sealed record Result(string Command, int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"{Command}\nexit code {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
    }

    internal static Result Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = $"{fileName} {string.Join(' ', start.ArgumentList)} (in {workingDirectory})";
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{command} did not finish within {timeout.TotalSeconds:0} s.\n--- stdout\n{Snapshot(output)}\n--- stderr\n{Snapshot(error)}");
        }

        process.WaitForExit(); // the last lines of the redirected streams
        return new Result(command, process.ExitCode, Snapshot(output), Snapshot(error));
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
