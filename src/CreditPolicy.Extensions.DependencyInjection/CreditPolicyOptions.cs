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
    /// <summary>The rule file to load and watch; a relative path is taken from the current directory.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="Rules"/>, else the shipped rules (<see cref="RuleSet.JiaCounty2022No8"/>).</value>
    public string? RuleFile { get; set; }

    /// <summary>Rules already loaded (for example the shipped set, or a set embedded in the app); not with <see cref="RuleFile"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public RuleSet? Rules { get; set; }

    /// <summary>The registry of filed agencies (a JSON array of <c>{ "name", "filingNumber" }</c>, R3) to load and watch.</summary>
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

    /// <summary>Whether to reload when <see cref="RuleFile"/> or <see cref="AgencyFile"/> changes on disk.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool WatchFiles { get; set; } = true;

    /// <summary>
    /// How long the files must stay unchanged before they are reloaded: editors save in several steps (truncate,
    /// write, rename), and a reload in the middle would see half a file. At most one minute.
    /// </summary>
    /// <value>The default value is 300 milliseconds.</value>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);
}
