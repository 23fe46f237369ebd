using System.Collections.Generic;
using System.IO;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Streaming;
using NodaTime;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// The rule set in force and its evaluator, kept current by <c>AddCreditPolicy</c>: a rule file edited on disk is
/// reloaded and swapped in atomically; a broken edit is logged, problem by problem, and the last good rule set
/// stays in force (health Degraded) until the file is fixed.
/// </summary>
/// <remarks>
/// A singleton; thread-safe. To evaluate several profiles under one rule set even while a reload happens, take
/// <see cref="Current"/> once and evaluate with it. Every evaluation and rejection is counted
/// (<see cref="CreditPolicyTelemetry"/>); logs show subjects' ids masked (R8).
/// </remarks>
public interface ICreditPolicyEvaluator
{
    /// <summary>The rule set in force, with its evaluator: an immutable snapshot, replaced whole by a reload.</summary>
    CreditPolicySnapshot Current { get; }

    /// <summary>The last reload, when it failed; <see langword="null"/> when the last load succeeded.</summary>
    CreditPolicyReloadFailure? LastReloadFailure { get; }

    /// <summary>Today in China Standard Time, by the configured clock.</summary>
    LocalDate Today();

    /// <summary>
    /// Reads one profile or many (JSON Lines, or pretty-printed profiles one after another) in input order, in the
    /// configured language, as <see cref="ProfileStreamReader.Read"/> does; each profile with problems is counted
    /// as a rejection and its located problems logged.
    /// </summary>
    /// <param name="input">The stream, UTF-8.</param>
    IEnumerable<ProfileLine> ReadProfiles(Stream input);

    /// <summary>Evaluates a profile as of today in China Standard Time under <see cref="Current"/>.</summary>
    /// <exception cref="RuleEvaluationException">A rule failed on this profile.</exception>
    AdvisoryDecision Evaluate(CreditProfile profile);

    /// <summary>Evaluates a profile as of <paramref name="asOf"/> under <see cref="Current"/>.</summary>
    /// <exception cref="RuleSetNotInForceException"><paramref name="asOf"/> is before the rule set takes effect (R9).</exception>
    /// <exception cref="RuleEvaluationException">A rule failed on this profile.</exception>
    AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf);
}
