using System;
using System.Globalization;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Rules;
using CreditPolicy.Subjects;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// One loaded rule set and everything built from it: its evaluator, where it came from and when it was loaded.
/// <see cref="ICreditPolicyEvaluator.Current"/> gives the one in force; a reload builds a new one and swaps it in.
/// </summary>
/// <remarks>Immutable and thread-safe: evaluate a whole request with one snapshot.</remarks>
public sealed class CreditPolicySnapshot
{
    private readonly IClock _clock;
    private readonly CreditPolicyMetrics _metrics;
    private readonly ILogger _logger;
    private readonly string _versionForOutput;

    internal CreditPolicySnapshot(PolicyEvaluator evaluator, string source, string? agencyFile, string? agencySha256, Instant loadedAt, IClock clock, CultureInfo? culture, CreditPolicyMetrics metrics, ILogger logger)
    {
        Evaluator = evaluator;
        Source = source;
        AgencyFile = agencyFile;
        AgencySha256 = agencySha256;
        LoadedAt = loadedAt;
        Culture = culture;
        _clock = clock;
        _metrics = metrics;
        _logger = logger;
        _versionForOutput = PersonalIds.ForOutput(evaluator.RuleSet.Version);
    }

    /// <summary>The rule set.</summary>
    public RuleSet RuleSet => Evaluator.RuleSet;

    /// <summary>Its evaluator, built once for this snapshot (evaluating with it directly is not counted in the metrics).</summary>
    public PolicyEvaluator Evaluator { get; }

    /// <summary>The rule file's full path, or <c>embedded</c> for rules given in <see cref="CreditPolicyOptions.Rules"/> or the shipped ones; followed by <c> + </c> and the path of each of <see cref="CreditPolicyOptions.ComposedRuleFiles"/>.</summary>
    public string Source { get; }

    /// <summary>The registry of filed agencies' full path, or <see langword="null"/> for the rule set's own.</summary>
    public string? AgencyFile { get; }

    /// <summary>SHA-256 of the agency file's bytes (lowercase hex), or <see langword="null"/>.</summary>
    public string? AgencySha256 { get; }

    /// <summary>When it was loaded, by the configured clock.</summary>
    public Instant LoadedAt { get; }

    /// <summary>The language of its messages: zh-CN for Chinese, <see langword="null"/> for English.</summary>
    public CultureInfo? Culture { get; }

    /// <summary>Today in China Standard Time, by the configured clock.</summary>
    public LocalDate Today() => PolicyEvaluator.TodayInChina(_clock);

    /// <summary>Throws when <paramref name="asOf"/> is before the rule set takes effect (R9), counting the rejection.</summary>
    /// <exception cref="RuleSetNotInForceException">It is.</exception>
    public void EnsureInForce(LocalDate asOf)
    {
        try
        {
            Evaluator.EnsureInForce(asOf);
        }
        catch (RuleSetNotInForceException ex)
        {
            _metrics.Rejected(CreditPolicyMetrics.NotInForce);
            Log.NotInForce(_logger, ex.Reason);
            throw;
        }
    }

    /// <summary>Evaluates a profile as of today in China Standard Time, counting it.</summary>
    /// <exception cref="RuleEvaluationException">A rule failed on this profile.</exception>
    public AdvisoryDecision Evaluate(CreditProfile profile) => Evaluate(profile, Today());

    /// <summary>Evaluates a profile as of <paramref name="asOf"/>, counting it (or its rejection).</summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    /// <exception cref="RuleEvaluationException">A rule failed on this profile.</exception>
    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(profile);
        EnsureInForce(asOf);
        try
        {
            var decision = Evaluator.Evaluate(profile, asOf);
            _metrics.Evaluated(_versionForOutput);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.Evaluated(_logger, Masked(profile), LocalDatePattern.Iso.Format(asOf), ToString(), string.Join(",", decision.ApplicableMeasures.Select(m => m.Code)));
            }

            return decision;
        }
        catch (RuleEvaluationException ex)
        {
            _metrics.Rejected(CreditPolicyMetrics.RuleFailed);
            Log.RuleFailed(_logger, Masked(profile), PersonalIds.ForOutput(ex.Message), ToString());
            throw;
        }
    }

    /// <summary>Id, version and the start of the hash, as logs and health reports name a rule set: <c>jia-county-2022-8 1.0.0 sha256 d000ff04a1b2…</c>.</summary>
    public override string ToString() => $"{PersonalIds.ForOutput(RuleSet.Id)} {PersonalIds.ForOutput(RuleSet.Version)} sha256 {RuleSet.Sha256[..12]}…";

    private static string Masked(CreditProfile profile) => PersonalIds.ForOutput(profile.Subject.Identifier.Mask());
}
