using System;
using System.IO;
using CreditPolicy.Records;

namespace CreditPolicy.Rules;

/// <summary>The national publicity regimes shipped with the library (<c>rules/national/publicity-policy.json</c>, embedded).</summary>
internal static class NationalPublicity
{
    /// <summary>The embedded name of the national publicity policy file.</summary>
    internal const string Resource = "CreditPolicy.Rules.national.publicity-policy.json";

    private static readonly Lazy<PublicityPolicy> Loaded = new(Load);

    /// <summary>The national publicity policy: 发改办财金〔2019〕527号, NDRC Order No. 58 (2023), NDRC Order No. 36 (2025).</summary>
    internal static PublicityPolicy Policy => Loaded.Value;

    private static PublicityPolicy Load()
    {
        using var stream = typeof(NationalPublicity).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded publicity policy {Resource} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var result = new RuleFileReader(buffer.ToArray(), "publicity-policy.json").ReadPublicityPolicyFile();
        return result.Value ?? throw new InvalidOperationException("The embedded publicity policy is invalid: " + string.Join("; ", result.Errors));
    }
}
