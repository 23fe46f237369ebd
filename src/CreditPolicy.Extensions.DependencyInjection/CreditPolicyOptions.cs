using System.Collections.Generic;
using System;
using CreditPolicy.Rules;
using NodaTime;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// What <c>AddCreditPolicy</c> loads and how it keeps it current: the rule set (a rule file, or rules already
/// loaded, else the shipped Jia County rules), the registry of filed agencies (R3), the clock and the language.
/// </summary>
/// <remarks>
/// Validated when first used (and on start in a host): every problem is reported at once in one
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>. Bind it to configuration or set it in
/// code; a change of options (<c>IOptionsMonitor</c>) reloads like a change of the files.
/// </remarks>
public sealed class CreditPolicyOptions
{
    /// <summary>
    /// The rule file to load and watch. A relative path is resolved once, against the host's content root when the
    /// container has an <c>IHostEnvironment</c>, else against the current directory when <c>AddCreditPolicy</c> was
    /// called; a later change of the current directory does not move it.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: <see cref="Rules"/>, else the shipped rules (<see cref="RuleSet.JiaCounty2022No8"/>).</value>
    public string? RuleFile { get; set; }

    /// <summary>Rules already loaded (for example the shipped set, or a set embedded in the app); not with <see cref="RuleFile"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public RuleSet? Rules { get; set; }

    /// <summary>
    /// Rule files composed with <see cref="RuleFile"/> (or <see cref="Rules"/>, or the shipped rules) into one rule
    /// set (<see cref="RuleSet.Compose"/>): e.g. <c>rules/national/gbf-2020-42.json</c>. Each is loaded, watched and
    /// reloaded like <see cref="RuleFile"/>, a relative path resolved the same way; a conflict between the sets (the
    /// same id, the same measure code at the same level, …) is a failed load, located in the file at fault.
    /// </summary>
    /// <value>The default value is empty: one rule set.</value>
    public IList<string> ComposedRuleFiles { get; } = [];

    /// <summary>Rule sets already loaded composed with the others, e.g. <see cref="RuleSet.StateCouncilOffice2020No42"/>.</summary>
    /// <value>The default value is empty.</value>
    public IList<RuleSet> ComposedRules { get; } = [];

    /// <summary>The registry of filed agencies (a JSON array of <c>{ "name", "filingNumber" }</c>, R3) to load and watch; a relative path is resolved as <see cref="RuleFile"/>'s.</summary>
    /// <value>The default value is <see langword="null"/>: the rule set's own registry.</value>
    public string? AgencyFile { get; set; }

    /// <summary>
    /// The language of located problems and of decisions' warnings: <c>zh</c> (Chinese) or <c>en</c> (English).
    /// Field names, codes, clause ids and paths are the same in both. An app built with <c>InvariantGlobalization</c>
    /// needs <c>PredefinedCulturesOnly=false</c> for Chinese, as the <c>creditpolicy</c> tool has.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (English).</value>
    public string? Language { get; set; }

    /// <summary>The clock that says what "today" is in China Standard Time, and when a rule set was loaded.</summary>
    /// <value>The default value is <see langword="null"/>: an <see cref="IClock"/> registered in the container, else <see cref="SystemClock.Instance"/>.</value>
    public IClock? Clock { get; set; }

    /// <summary>
    /// Whether to reload when <see cref="RuleFile"/> or <see cref="AgencyFile"/> changes on disk: the files' folders
    /// are watched, and their parent folders too, so that a folder replaced whole (<c>mv rules rules.old; mkdir rules</c>)
    /// is watched again; a watcher that fails is recreated; and every <see cref="PollInterval"/> the files' length and
    /// last write time are compared, in case the system's notifications were lost.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WatchFiles { get; set; } = true;

    /// <summary>
    /// How long the files must stay unchanged before they are reloaded: editors save in several steps (truncate,
    /// write, rename), and a reload in the middle would see half a file. At most one minute.
    /// </summary>
    /// <value>The default value is 300 milliseconds.</value>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How often, while <see cref="WatchFiles"/> is on, the watched files' full path, length and last write time are
    /// checked, as a fallback for lost notifications (a replaced folder, a network share); a difference reloads and
    /// watches again. A rule set that takes effect later is also loaded at this pace on the day it takes effect.
    /// <see cref="TimeSpan.Zero"/> turns the check off. At most one hour.
    /// </summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
