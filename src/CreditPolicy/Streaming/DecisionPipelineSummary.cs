namespace CreditPolicy.Streaming;

/// <summary>What a <see cref="DecisionPipeline"/> run did.</summary>
/// <param name="Evaluated">Profiles read and evaluated (one decision written for each).</param>
/// <param name="Rejected">Profiles rejected as invalid input.</param>
public sealed record DecisionPipelineSummary(long Evaluated, long Rejected);
