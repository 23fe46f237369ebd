namespace CreditPolicy.Rules;

/// <summary>One problem in a rule file, located for the policy staff who edit it.</summary>
/// <param name="File">The file's name as given to the loader.</param>
/// <param name="Line">1-based line where the problem is; 0 when the file could not be read at all.</param>
/// <param name="RuleName">The rule the problem is in, when it is in one.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record RuleFileError(string File, int Line, string? RuleName, string Message)
{
    /// <summary><c>FILE:LINE: rule 'NAME': MESSAGE</c>, the rule part only when there is one.</summary>
    public override string ToString() =>
        RuleName is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: rule '{RuleName}': {Message}";
}
