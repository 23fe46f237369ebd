using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CreditPolicy.Subjects;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime.Text;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// Healthy while the last load succeeded, naming the rule set in force; after a failed reload, the registration's
/// failure status (Degraded unless the app chose otherwise), naming the number of problems and the last good
/// rule set still in force — also when the reload read a rule set that takes effect later (R9), which waits for its
/// day; and while the rule set in force itself takes effect later (every evaluation as of today refused).
/// </summary>
internal sealed class CreditPolicyHealthCheck(ICreditPolicyEvaluator policy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = policy.Current;
        var failure = policy.LastReloadFailure;
        var data = new Dictionary<string, object>
        {
            ["ruleSetId"] = PersonalIds.ForOutput(current.RuleSet.Id),
            ["ruleSetVersion"] = PersonalIds.ForOutput(current.RuleSet.Version),
            ["ruleSetSha256"] = current.RuleSet.Sha256,
            ["source"] = PersonalIds.ForOutput(current.Source),
            ["loadedAt"] = InstantPattern.ExtendedIso.Format(current.LoadedAt),
        };
        var failureStatus = context?.Registration?.FailureStatus ?? HealthStatus.Degraded;
        if (failure is null)
        {
            if (current.RuleSet.EffectiveFrom > current.Today())
            {
                data["effectiveFrom"] = LocalDatePattern.Iso.Format(current.RuleSet.EffectiveFrom);
                return Task.FromResult(new HealthCheckResult(
                    failureStatus,
                    $"rule set {current} takes effect on {LocalDatePattern.Iso.Format(current.RuleSet.EffectiveFrom)}: until then every evaluation as of today is refused (R9)",
                    data: data));
            }

            return Task.FromResult(HealthCheckResult.Healthy($"rule set {current} in force", data));
        }

        data["failedAt"] = InstantPattern.ExtendedIso.Format(failure.At);
        data["failedSource"] = PersonalIds.ForOutput(failure.Source);
        data["problems"] = failure.Problems.Select(p => p.ToString()).ToArray();
        if (failure.PendingFrom is { } pending)
        {
            data["pendingFrom"] = LocalDatePattern.Iso.Format(pending);
            return Task.FromResult(new HealthCheckResult(
                failureStatus,
                $"{PersonalIds.ForOutput(failure.Source)} holds a rule set that takes effect on {LocalDatePattern.Iso.Format(pending)}: it is not loaded until then; rule set {current} stays in force",
                data: data));
        }

        return Task.FromResult(new HealthCheckResult(
            failureStatus,
            $"reload of {PersonalIds.ForOutput(failure.Source)} failed with {failure.Problems.Length} problem(s); rule set {current} stays in force",
            data: data));
    }
}
