using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using CreditPolicy.Rules;

namespace CreditPolicy.Cli;

/// <summary>
/// <c>creditpolicy init [DIR]</c> (contract v2): writes the shipped rule file, the JSON Schemas and the
/// samples into DIR, so that staff with only the installed tool can start editing and every help example
/// works there. Refuses to overwrite: when any file exists, nothing is written (exit 2).
/// </summary>
internal static class InitCommand
{
    /// <summary>Prefix of the files the tool carries for <c>init</c>, as embedded resources named by their path under DIR.</summary>
    internal const string ResourcePrefix = "init/";

    internal static Command Create(CommandContext context)
    {
        var directory = new Argument<string?>("DIR") { Description = "Where to write (default: the current directory); created when missing.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "init",
            "Write the shipped Jia County rule file (rules/jia-county-2022-8.json), the JSON Schemas of the input formats (schemas/) and "
            + "sample profiles and agencies (samples/) into DIR, to start editing rules with only the installed tool; every help example "
            + "works there. Never overwrites: if any of the files exists, nothing is written. Exit 0; 2 if a file exists.\n\n"
            + "Example:\n  creditpolicy init my-rules && cd my-rules && creditpolicy validate rules/jia-county-2022-8.json");
        command.Arguments.Add(directory);
        command.SetAction(parse =>
        {
            var root = parse.GetValue(directory) ?? ".";
            if (File.Exists(root))
            {
                throw new UsageException($"{root} is a file, not a directory.");
            }

            var files = Files().Select(f => (Path: Path.Combine(root, f.Path.Replace('/', Path.DirectorySeparatorChar)), f.Bytes)).ToArray();
            var existing = files.Where(f => File.Exists(f.Path) || Directory.Exists(f.Path)).Select(f => f.Path).ToArray();
            if (existing.Length > 0)
            {
                throw new UsageException($"{string.Join(", ", existing)} already exist(s); init never overwrites, nothing was written.");
            }

            foreach (var (path, bytes) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(bytes);
                }

                context.Out.WriteLine($"wrote {path}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The files <c>init</c> writes: path under DIR (with '/'), bytes.</summary>
    internal static IEnumerable<(string Path, byte[] Bytes)> Files()
    {
        yield return ("rules/jia-county-2022-8.json", RuleSet.JiaCounty2022No8File());
        var assembly = typeof(InitCommand).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, System.StringComparison.Ordinal)).Order(System.StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (name[ResourcePrefix.Length..], buffer.ToArray());
        }
    }
}
