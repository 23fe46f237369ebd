using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CreditPolicy.Subjects;
using Microsoft.Extensions.Options;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>Checks <see cref="CreditPolicyOptions"/>, reporting every problem at once.</summary>
internal sealed class CreditPolicyOptionsValidator(CreditPolicyPaths paths) : IValidateOptions<CreditPolicyOptions>
{
    private static readonly TimeSpan MaxReloadDelay = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, CreditPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.RuleFile is not null && options.Rules is not null)
        {
            problems.Add("CreditPolicy: set RuleFile or Rules, not both.");
        }

        CheckFile(problems, nameof(CreditPolicyOptions.RuleFile), options.RuleFile);
        CheckFile(problems, nameof(CreditPolicyOptions.AgencyFile), options.AgencyFile);
        for (var i = 0; i < options.ComposedRuleFiles.Count; i++)
        {
            CheckFile(problems, $"{nameof(CreditPolicyOptions.ComposedRuleFiles)}[{i}]", options.ComposedRuleFiles[i] ?? string.Empty);
        }

        if (options.ComposedRules.Any(r => r is null))
        {
            problems.Add("CreditPolicy: ComposedRules must not hold null.");
        }
        if (!CreditPolicyLanguage.Culture(options.Language, out _))
        {
            problems.Add($"CreditPolicy: Language must be 'zh' or 'en', not '{PersonalIds.ForOutput(options.Language!)}'.");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > MaxReloadDelay)
        {
            problems.Add($"CreditPolicy: ReloadDelay must be between 00:00:00 and {MaxReloadDelay:c}, not {options.ReloadDelay:c}.");
        }

        if (options.PollInterval < TimeSpan.Zero || options.PollInterval > MaxPollInterval)
        {
            problems.Add($"CreditPolicy: PollInterval must be between 00:00:00 (off) and {MaxPollInterval:c}, not {options.PollInterval:c}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private void CheckFile(List<string> problems, string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"CreditPolicy: {option} must not be blank (leave it unset for none).");
        }
        else if (Directory.Exists(paths.Resolve(path)))
        {
            problems.Add($"CreditPolicy: {option} '{PersonalIds.ForOutput(paths.Resolve(path))}' is a folder; name the file in it.");
        }
        else if (!File.Exists(paths.Resolve(path)))
        {
            problems.Add($"CreditPolicy: {option} '{PersonalIds.ForOutput(paths.Resolve(path))}' does not exist.");
        }
    }
}
