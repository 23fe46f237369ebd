using Microsoft.Extensions.Logging;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// Every log message of CreditPolicy's host integration, source-generated. Whatever comes from input (ids,
/// rule names, paths, messages) is passed through <c>PersonalIds.ForOutput</c> or <c>InputError.ToString</c>
/// first, so no resident identity number reaches a log whole (R8).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Rule set {RuleSet} in force, from {Source} (agencies: {AgencyFile})")]
    internal static partial void Loaded(ILogger logger, string ruleSet, string source, string agencyFile);

    [LoggerMessage(2, LogLevel.Debug, "Reloaded {Source}: unchanged, rule set {RuleSet} stays in force")]
    internal static partial void Unchanged(ILogger logger, string source, string ruleSet);

    [LoggerMessage(3, LogLevel.Error, "Could not load {Source}: {Count} problem(s); rule set in force: {RuleSet}")]
    internal static partial void LoadFailed(ILogger logger, string source, int count, string ruleSet);

    [LoggerMessage(4, LogLevel.Error, "{Problem}")]
    internal static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(5, LogLevel.Warning, "{Problem}")]
    internal static partial void AgencyWarning(ILogger logger, string problem);

    [LoggerMessage(6, LogLevel.Debug, "Profile at line {Line} rejected: {Problem}")]
    internal static partial void ProfileRejected(ILogger logger, int line, string problem);

    [LoggerMessage(7, LogLevel.Debug, "Evaluated {Subject} as of {AsOf} under {RuleSet}: [{Measures}]")]
    internal static partial void Evaluated(ILogger logger, string subject, string asOf, string ruleSet, string measures);

    [LoggerMessage(8, LogLevel.Warning, "No decision for {Subject} under {RuleSet}: {Reason}")]
    internal static partial void RuleFailed(ILogger logger, string subject, string reason, string ruleSet);

    [LoggerMessage(9, LogLevel.Debug, "Not in force: {Reason}")]
    internal static partial void NotInForce(ILogger logger, string reason);

    [LoggerMessage(10, LogLevel.Warning, "Watching {Path} failed; reloading now and watching on: {Reason}")]
    internal static partial void WatchFailed(ILogger logger, string path, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Rule set {RuleSet} from {Source} takes effect on {EffectiveFrom}: it is not loaded until then; rule set {InForce} stays in force")]
    internal static partial void NotYetInForce(ILogger logger, string ruleSet, string source, string effectiveFrom, string inForce);

    [LoggerMessage(13, LogLevel.Warning, "Rule set {RuleSet} takes effect on {EffectiveFrom}: until then every evaluation as of today is refused (R9)")]
    internal static partial void NotYetInForceAtStart(ILogger logger, string ruleSet, string effectiveFrom);

    [LoggerMessage(11, LogLevel.Error, "Reloading failed unexpectedly; rule set {RuleSet} stays in force")]
    internal static partial void ReloadCrashed(ILogger logger, System.Exception exception, string ruleSet);
}
