using System;
using System.Collections.Generic;
using CreditPolicy.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CreditPolicy's health check.</summary>
public static class CreditPolicyHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that is Healthy while the last load of the rule set succeeded (<c>rule set jia-county-2022-8 1.0.0
    /// sha256 d000ff04a1b2… in force</c>) and <paramref name="failureStatus"/> after a failed reload, naming the number
    /// of problems and the last good rule set, which stays in force; its data hold the rule set's id, version,
    /// SHA-256, source and load time, and each located problem. Needs <c>AddCreditPolicy</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status after a failed reload: Degraded by default, since decisions are still made, by the last good rule set.</param>
    /// <param name="tags">Tags for filtering checks.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHealthChecksBuilder AddCreditPolicy(this IHealthChecksBuilder builder, string name = "creditpolicy", HealthStatus failureStatus = HealthStatus.Degraded, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<CreditPolicyHealthCheck>(name, failureStatus, tags ?? []);
    }
}
