using System.Collections.Generic;
using System.Linq;
using System;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Samples;
using NodaTime;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// The deterministic population every benchmark uses: realistic synthetic profiles of about ten records,
/// one report and one commitment each (<see cref="SamplePopulation"/>, fixed seed), the shipped Jia County
/// rules and the sample registry of filed agencies, evaluated as of 2026-11-27.
/// </summary>
public static class Population
{
    /// <summary>The evaluation day.</summary>
    public static readonly LocalDate Day = SamplePopulation.Reference;

    /// <summary>The seed of the benchmark population (not the README sample's).</summary>
    public const int Seed = 424242;

    /// <summary>Records per profile.</summary>
    public const int RecordsPerProfile = 10;

    /// <summary>The sample registry of filed agencies.</summary>
    public static FiledAgencyRegistry Agencies { get; } = new(SamplePopulation.FiledAgencies);

    /// <summary>The evaluator, as an embedding app builds it.</summary>
    public static PolicyEvaluator Evaluator { get; } = new(RuleSet.JiaCounty2022No8, new PolicyEvaluatorOptions { FiledAgencies = Agencies });

    /// <summary><paramref name="count"/> distinct profiles.</summary>
    public static CreditProfile[] Profiles(int count) => [.. SamplePopulation.Profiles(count, Seed, RecordsPerProfile)];

    /// <summary>Throws unless <paramref name="other"/> gives the library's decision, byte for byte as the contract writes it, for every profile.</summary>
    public static void CheckSameDecisions(string name, IReadOnlyList<CreditProfile> profiles, Func<CreditProfile, AdvisoryDecision> other)
    {
        foreach (var profile in profiles)
        {
            var expected = Output.DecisionJson.Write(Evaluator.Evaluate(profile, Day));
            var actual = Output.DecisionJson.Write(other(profile));
            if (expected != actual)
            {
                throw new InvalidOperationException($"{name} decides otherwise than CreditPolicy on {profile.Subject.Name}:\n{actual}\ninstead of\n{expected}");
            }
        }
    }

    /// <summary>Throws unless <paramref name="other"/> gives the library's measure codes for every profile.</summary>
    public static void CheckAgreement(string name, IReadOnlyList<CreditProfile> profiles, Func<CreditProfile, IEnumerable<string>> other)
    {
        foreach (var profile in profiles)
        {
            var expected = string.Join(",", Evaluator.Evaluate(profile, Day).ApplicableMeasures.Select(m => m.Code));
            var actual = string.Join(",", other(profile));
            if (expected != actual)
            {
                throw new InvalidOperationException($"{name} disagrees with CreditPolicy on {profile.Subject.Name}: [{actual}] instead of [{expected}].");
            }
        }
    }
}
