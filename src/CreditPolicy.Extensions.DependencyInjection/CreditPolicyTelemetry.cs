namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// The names under which CreditPolicy reports metrics through <see cref="System.Diagnostics.Metrics"/> and logs
/// through <c>ILogger</c>: listen to <see cref="MeterName"/> (OpenTelemetry: <c>AddMeter(CreditPolicyTelemetry.MeterName)</c>).
/// </summary>
public static class CreditPolicyTelemetry
{
    /// <summary>The meter's name, <c>CreditPolicy</c>; also the category of its logs.</summary>
    public const string MeterName = "CreditPolicy";

    /// <summary>Counter of decisions made, tagged <c>creditpolicy.rule_set.version</c>.</summary>
    public const string Evaluations = "creditpolicy.evaluations";

    /// <summary>
    /// Counter of profiles that got no decision, tagged <c>reason</c>: <c>input</c> (a located input error),
    /// <c>not-in-force</c> (R9: asked as of a day before the rule set takes effect), <c>rule-failed</c> (a rule's
    /// arithmetic failed on the profile).
    /// </summary>
    public const string Rejections = "creditpolicy.rejections";

    /// <summary>Counter of reloads, tagged <c>outcome</c>: <c>success</c>, <c>unchanged</c> (same bytes), <c>failure</c> (the last good rule set stays in force).</summary>
    public const string Reloads = "creditpolicy.reloads";

    /// <summary>
    /// Gauge that is 1 for the rule set in force, tagged <c>creditpolicy.rule_set.id</c>, <c>creditpolicy.rule_set.version</c>,
    /// <c>creditpolicy.rule_set.sha256</c> (an "info" metric: which rule set each instance serves).
    /// </summary>
    public const string RuleSet = "creditpolicy.rule_set";

    /// <summary>Gauge that is 1 while the last reload failed (health Degraded), else 0.</summary>
    public const string Degraded = "creditpolicy.degraded";
}
