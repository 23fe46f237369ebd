using CreditPolicy.Subjects;

namespace CreditPolicy.Cli;

/// <summary>How one profile's measures differ between two rule sets.</summary>
internal sealed record ProfileChange(int Line, Subject Subject, string[] Gained, string[] Lost);
