using System;

namespace CreditPolicy;

/// <summary>What a <see cref="Convenience"/> is called.</summary>
public static class ConvenienceExtensions
{
    /// <summary>The contract's spelling of the convenience (<c>green-channel</c>, …; R6.2): the one source of it.</summary>
    public static string ContractName(this Convenience convenience) => convenience switch
    {
        Convenience.GreenChannel => "green-channel",
        Convenience.AcceptanceWithMissingMaterials => "acceptance-with-missing-materials",
        Convenience.PrioritySupport => "priority-support",
        _ => throw new ArgumentOutOfRangeException(nameof(convenience)),
    };
}
