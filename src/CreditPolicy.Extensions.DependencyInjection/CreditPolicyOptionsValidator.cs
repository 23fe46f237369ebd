using System;
using System.Collections.Generic;
using System.IO;
using CreditPolicy.Subjects;
using Microsoft.Extensions.Options;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>Checks <see cref="CreditPolicyOptions"/>, reporting every problem at once.</summary>
internal sealed class CreditPolicyOptionsValidator : IValidateOptions<CreditPolicyOptions>
{
    private static readonly TimeSpan MaxReloadDelay = TimeSpan.FromMinutes(1);

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
        if (!CreditPolicyLanguage.Culture(options.Language, out _))
        {
            problems.Add($"CreditPolicy: Language must be 'zh' or 'en', not '{PersonalIds.ForOutput(options.Language!)}'.");
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > MaxReloadDelay)
        {
            problems.Add($"CreditPolicy: ReloadDelay must be between 00:00:00 and {MaxReloadDelay:c}, not {options.ReloadDelay:c}.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckFile(List<string> problems, string option, string? path)
    {
        if (path is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"CreditPolicy: {option} must not be blank (leave it unset for none).");
        }
        else if (!File.Exists(path))
        {
            problems.Add($"CreditPolicy: {option} '{PersonalIds.ForOutput(Path.GetFullPath(path))}' does not exist.");
        }
    }
}
