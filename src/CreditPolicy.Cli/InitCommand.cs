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
        var directory = new Argument<string?>("DIR") { Description = context.Text("init.directory"), Arity = ArgumentArity.ZeroOrOne };
        var command = new Command(
            "init",
            context.Text("init.description"));
        command.Arguments.Add(directory);
        command.SetAction(parse =>
        {
            var root = parse.GetValue(directory) ?? ".";
            if (File.Exists(root))
            {
                throw new UsageException(context.Text("init.is-file", root));
            }

            var files = Files().Select(f => (Path: Path.Combine(root, f.Path.Replace('/', Path.DirectorySeparatorChar)), f.Bytes)).ToArray();
            var existing = files.Where(f => File.Exists(f.Path) || Directory.Exists(f.Path)).Select(f => f.Path).ToArray();
            if (existing.Length > 0)
            {
                throw new UsageException(context.Text("init.exists", string.Join(context.Text("list.separator"), existing)));
            }

            foreach (var (path, bytes) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(bytes);
                }

                context.Out.WriteLine(context.Text("init.wrote", path));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The files <c>init</c> writes: path under DIR (with '/'), bytes.</summary>
    internal static IEnumerable<(string Path, byte[] Bytes)> Files()
    {
        yield return ("rules/jia-county-2022-8.json", RuleSet.JiaCounty2022No8File());
        yield return ("rules/national/gbf-2020-42.json", RuleSet.StateCouncilOffice2020No42File());
        yield return ("rules/national/gbf-2019-35.json", RuleSet.StateCouncilOffice2019No35File());
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
