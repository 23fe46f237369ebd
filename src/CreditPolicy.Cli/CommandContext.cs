using System.IO;
using System.Linq;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using NodaTime.Text;
using NodaTime;

namespace CreditPolicy.Cli;

/// <summary>What every command needs: the streams, the clock, and the shared ways of reading its inputs.</summary>
internal sealed class CommandContext(CliConsole console, TextWriter stdout, IClock clock, CliLanguage language)
{
    internal CliConsole Console { get; } = console;

    internal TextWriter Out { get; } = stdout;

    internal TextWriter Error => Console.Error;

    /// <summary>The language of the tool's own output, from <c>--lang</c> or the locale.</summary>
    internal CliLanguage Language { get; } = language;

    /// <summary>The tool's text <paramref name="key"/> in <see cref="Language"/>, formatted with <paramref name="args"/>.</summary>
    internal string Text(string key, params object?[] args) => CliText.Get(key, Language, args);

    /// <summary>
    /// The culture that tells the library to give its messages (problems in input, warnings in decisions) in
    /// <see cref="Language"/>: zh-CN for Chinese (created without culture data, which the tool's invariant
    /// globalization lacks), <see langword="null"/> for English.
    /// </summary>
    internal System.Globalization.CultureInfo? Culture => Language == CliLanguage.Chinese ? System.Globalization.CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false) : null;

    /// <summary>How profiles are read, in <see cref="Language"/>.</summary>
    internal ProfileReadOptions ProfileRead => Culture is null ? ProfileReadOptions.Default : ProfileReadOptions.Default with { Culture = Culture };

    /// <summary>The encoding of input files, from <c>--encoding</c>; <see langword="null"/> for UTF-8.</summary>
    internal System.Text.Encoding? InputEncoding { get; set; }

    /// <summary>The day named by <c>--as-of</c>, else today in China Standard Time.</summary>
    internal LocalDate AsOf(string? text)
    {
        if (text is null)
        {
            return PolicyEvaluator.TodayInChina(clock);
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new UsageException(Text("error.as-of-not-a-date", text));
    }

    /// <summary>Opens FILE, or standard input for <c>-</c> or no file, as it is encoded (see <see cref="InputEncoding"/>).</summary>
    internal Stream OpenInput(string? path)
    {
        if (path is null or "-")
        {
            return Console.In;
        }

        return File.Exists(path) ? File.OpenRead(path)
            : Directory.Exists(path) ? throw new UsageException(Text("error.is-directory", path))
            : throw new UsageException(Text("error.file-not-found", path));
    }

    /// <summary>The whole of <paramref name="stream"/> (a profile or an agency file), as UTF-8; more than the profile limit is a usage error, read no further.</summary>
    internal byte[] ReadAll(Stream stream)
    {
        var limit = ProfileReadOptions.Default.MaxProfileBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new UsageException(Text("error.input-too-large", limit));
            }
        }

        var raw = buffer.ToArray();
        try
        {
            return InputEncodings.ToUtf8(raw, InputEncoding);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new UsageException(Text("error.input-not-decodable", InputEncodings.LineOf(raw, ex.Index), InputEncoding!.WebName.ToUpperInvariant()));
        }
    }

    /// <summary>Loads a rule file, or the shipped Jia County rules when no file is named; an invalid file prints its problems and fails with <paramref name="invalidExitCode"/>.</summary>
    internal RuleSet LoadRules(string? path, int invalidExitCode)
    {
        if (path is null)
        {
            return RuleSet.JiaCounty2022No8;
        }

        RequireFile(path);
        var result = RuleSet.LoadFile(path, encoding: InputEncoding, culture: Culture);
        if (result.Succeeded)
        {
            return result.Value;
        }

        foreach (var error in result.Errors)
        {
            Error.WriteLine(error.Format(Culture));
        }

        throw new UsageException(Text("error.rule-file-invalid", path, result.Errors.Length)) { ExitCode = invalidExitCode };
    }

    /// <summary>
    /// Loads the rule files of a repeated option and composes them (issue 13); the shipped Jia County rules when none
    /// is named, one file's rules as they are. An invalid file, or sets that cannot be composed, print their located
    /// problems and fail with <paramref name="invalidExitCode"/>.
    /// </summary>
    internal RuleSet LoadRules(string[]? paths, int invalidExitCode)
    {
        if (paths is not { Length: > 1 })
        {
            return LoadRules(paths is [var path] ? path : null, invalidExitCode);
        }

        var result = RuleSet.Compose([.. paths.Select(p => LoadRules(p, invalidExitCode))], Culture);
        if (result.Succeeded)
        {
            return result.Value;
        }

        ReportErrors(result.Errors);
        throw new UsageException(Text("compose.conflict", result.Errors.Length)) { ExitCode = invalidExitCode };
    }

    /// <summary>Reads <c>--agencies FILE</c>; <see langword="null"/> when not given.</summary>
    internal FiledAgencyRegistry? LoadAgencies(string? path)
    {
        if (path is null)
        {
            return null;
        }

        using var stream = OpenInput(path);
        var result = AgencyRegistryJson.Read(ReadAll(stream), path, Culture);
        foreach (var error in result.Errors)
        {
            Error.WriteLine(error.Format(Culture));
        }

        return result.Value ?? throw new UsageException(Text("error.agencies-invalid", path));
    }

    /// <summary>Prints a rejected profile's problems on stderr: line, JSON path, reason (personal numbers never appear, R8).</summary>
    internal void ReportRejected(RejectedProfile rejected) => ReportErrors(rejected.Errors);

    /// <summary>Prints input problems on stderr, one a line, as <see cref="InputError.ToString"/> formats them: <c>line N: PATH: reason</c>.</summary>
    internal void ReportErrors(System.Collections.Generic.IEnumerable<InputError> errors)
    {
        foreach (var error in errors)
        {
            Error.WriteLine(error.Format(Culture));
        }
    }

    /// <summary>The files named, all of which must exist (a missing one is a usage error, exit 2).</summary>
    internal string[] ExistingFiles(string[]? paths)
    {
        paths ??= [];
        foreach (var path in paths)
        {
            RequireFile(path);
        }

        return paths;
    }

    /// <summary>A usage error (exit 2) unless <paramref name="path"/> is an existing file: a folder is named as a folder, not as missing.</summary>
    internal void RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException(Directory.Exists(path) ? Text("error.is-directory", path) : Text("error.file-not-found", path));
        }
    }

    /// <summary>Whether two paths name the same file (full paths, symbolic links followed).</summary>
    internal static bool SameFile(string a, string b)
    {
        static string Resolve(string path)
        {
            var full = Path.GetFullPath(path);
            try
            {
                return File.Exists(full) ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
            }
            catch (IOException)
            {
                return full;
            }
        }

        return string.Equals(Resolve(a), Resolve(b), StringComparison.Ordinal);
    }

    /// <summary>A progress callback that shows the count, as the text <paramref name="key"/> says, on a terminal at most every half second; none otherwise.</summary>
    internal Action<long>? Progress(string key)
    {
        if (!Console.ErrorIsTerminal)
        {
            return null;
        }

        var last = Environment.TickCount64 - 1000; // show the first count at once
        return count =>
        {
            var now = Environment.TickCount64;
            if (now - last >= 500)
            {
                last = now;
                Error.Write("\r" + Text(key, count));
            }
        };
    }

    /// <summary>Ends a progress line on a terminal.</summary>
    internal void EndProgress()
    {
        if (Console.ErrorIsTerminal)
        {
            Error.Write("\r\x1b[K");
        }
    }
}
