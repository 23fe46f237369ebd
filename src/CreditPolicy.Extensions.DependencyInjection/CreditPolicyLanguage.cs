using System;
using System.Globalization;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>The culture that tells the library which language to speak, from <see cref="CreditPolicyOptions.Language"/>.</summary>
internal static class CreditPolicyLanguage
{
    /// <summary>Whether <paramref name="language"/> is one the library speaks; <paramref name="culture"/> is zh-CN for Chinese, <see langword="null"/> for English.</summary>
    internal static bool Culture(string? language, out CultureInfo? culture)
    {
        culture = null;
        if (language is null || Is(language, "en"))
        {
            return true;
        }

        if (Is(language, "zh"))
        {
            // Created without culture data, which an app with invariant globalization lacks (as the tool does).
            culture = CultureInfo.GetCultureInfo("zh-CN", predefinedOnly: false);
            return true;
        }

        return false;
    }

    private static bool Is(string language, string code) =>
        language.Equals(code, StringComparison.OrdinalIgnoreCase)
        || (language.Length > code.Length && language.StartsWith(code, StringComparison.OrdinalIgnoreCase) && language[code.Length] is '-' or '_');
}
