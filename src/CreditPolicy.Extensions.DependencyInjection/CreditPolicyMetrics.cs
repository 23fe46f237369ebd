using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using CreditPolicy.Subjects;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// The instruments of <see cref="CreditPolicyTelemetry.MeterName"/>; the meter comes from the host's <see cref="IMeterFactory"/>
/// when there is one. Tags taken from a rule file (id, version) are masked and escaped like any output (R8).
/// </summary>
internal sealed class CreditPolicyMetrics : IDisposable
{
    internal const string Input = "input";
    internal const string NotInForce = "not-in-force";
    internal const string RuleFailed = "rule-failed";
    internal const string Success = "success";
    internal const string Unchanged = "unchanged";
    internal const string Failure = "failure";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _evaluations;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _reloads;

    internal CreditPolicyMetrics(IMeterFactory? factory, Func<(CreditPolicySnapshot? Current, bool Degraded)> state)
    {
        _ownsMeter = factory is null;
        _meter = factory?.Create(CreditPolicyTelemetry.MeterName) ?? new Meter(CreditPolicyTelemetry.MeterName);
        _evaluations = _meter.CreateCounter<long>(CreditPolicyTelemetry.Evaluations, "{decision}", "Decisions made.");
        _rejections = _meter.CreateCounter<long>(CreditPolicyTelemetry.Rejections, "{profile}", "Profiles that got no decision, by reason.");
        _reloads = _meter.CreateCounter<long>(CreditPolicyTelemetry.Reloads, "{reload}", "Reloads of the rule and agency files, by outcome.");
        _meter.CreateObservableGauge<int>(
            CreditPolicyTelemetry.RuleSet,
            IEnumerable<Measurement<int>> () =>
            {
                if (state().Current is not { } current)
                {
                    return [];
                }

                return [new Measurement<int>(
                    1,
                    new KeyValuePair<string, object?>("creditpolicy.rule_set.id", PersonalIds.ForOutput(current.RuleSet.Id)),
                    new KeyValuePair<string, object?>("creditpolicy.rule_set.version", PersonalIds.ForOutput(current.RuleSet.Version)),
                    new KeyValuePair<string, object?>("creditpolicy.rule_set.sha256", current.RuleSet.Sha256))];
            },
            unit: null,
            description: "1 for the rule set in force, tagged with its id, version and SHA-256.");
        _meter.CreateObservableGauge<int>(
            CreditPolicyTelemetry.Degraded,
            () => state().Degraded ? 1 : 0,
            unit: null,
            description: "1 while the last reload failed and the last good rule set is in force.");
    }

    /// <summary>Counts a decision; <paramref name="version"/> as output may show it (<c>PersonalIds.ForOutput</c>, R8).</summary>
    internal void Evaluated(string version) => _evaluations.Add(1, new KeyValuePair<string, object?>("creditpolicy.rule_set.version", version));

    internal void Rejected(string reason) => _rejections.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void Reloaded(string outcome) => _reloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
