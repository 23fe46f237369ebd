using System.IO;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// The folder a relative <see cref="CreditPolicyOptions.RuleFile"/> or <see cref="CreditPolicyOptions.AgencyFile"/>
/// is taken from, fixed once: the host's content root, else the current directory when <c>AddCreditPolicy</c> was
/// called. A reload never resolves a path against whatever the current directory has become since.
/// </summary>
internal sealed class CreditPolicyPaths(string baseDirectory)
{
    internal string BaseDirectory { get; } = Path.GetFullPath(baseDirectory);

    /// <summary><paramref name="path"/> as a full path, a relative one taken from <see cref="BaseDirectory"/>.</summary>
    internal string Resolve(string path) => Path.GetFullPath(path, BaseDirectory);
}
