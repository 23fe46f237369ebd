using NodaTime;

namespace CreditPolicy.Records;

/// <summary>
/// The longest a kind of negative information of one class may stay published under a
/// <see cref="PublicityRegime"/>, counted from the day of the decision (自认定之日起).
/// </summary>
/// <param name="Information">The kind of information.</param>
/// <param name="Class">Its class: minor, general or serious.</param>
/// <param name="Maximum">The maximum publicity period, in years, months and days.</param>
public readonly record struct PublicityMaximum(PublicityInformation Information, RecordSeverity Class, Period Maximum);
