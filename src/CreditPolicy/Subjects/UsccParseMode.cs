namespace CreditPolicy.Subjects;

/// <summary>How strictly a <see cref="UnifiedSocialCreditCode"/> is read.</summary>
public enum UsccParseMode
{
    /// <summary>Both check characters must be right (the default everywhere).</summary>
    Strict = 0,

    /// <summary>
    /// Shape and alphabet must be right; wrong check characters are accepted and reported through
    /// <see cref="UnifiedSocialCreditCode.ChecksPass"/>. For the early pilot codes that fail the checks.
    /// </summary>
    Lenient = 1,
}
