using System;
using System.IO;
using System.Linq;
using CreditPolicy.Commitments;
using CreditPolicy.Records;
using CreditPolicy.Rules;
using CreditPolicy.Reports;
using CreditPolicy.Samples;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using Xunit;

namespace CreditPolicy.Cli.Tests;

public sealed class SamplesTests
{
    private static readonly string[] Lines = File.ReadAllLines(Cli.Repo("samples/profiles.jsonl"));

    [Fact]
    public void The_committed_samples_are_exactly_what_the_generator_makes()
    {
        Assert.Equal(SamplePopulation.ProfilesJsonLines(SamplePopulation.DefaultCount, SamplePopulation.DefaultSeed), File.ReadAllBytes(Cli.Repo("samples/profiles.jsonl")));
        Assert.Equal(SamplePopulation.AgenciesJson(), File.ReadAllBytes(Cli.Repo("samples/agencies.json")));
    }

    [Fact]
    public void The_samples_exercise_every_category_type_status_and_report_standing()
    {
        Assert.True(Lines.Length >= 1000);
        var profiles = Lines.Select((line, i) => ProfileJson.Read(line, new ProfileReadOptions { FirstLineNumber = i + 1 })).ToArray();
        Assert.All(profiles, p => Assert.True(p.Succeeded, string.Join("; ", p.Errors)));
        var all = profiles.Select(p => p.Value!).ToArray();
        var day = SamplePopulation.Reference;
        var registry = new FiledAgencyRegistry(SamplePopulation.FiledAgencies);

        Assert.Equal(Enum.GetValues<SubjectKind>(), all.Select(p => p.Subject.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<CreditRecordCategory>(), all.SelectMany(p => p.Records).Select(r => r.Category).Distinct().Order());
        Assert.Equal(Enum.GetValues<CommitmentType>(), all.SelectMany(p => p.Commitments).Select(c => c.Type).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<CommitmentStatus>(),
            all.SelectMany(p => p.Commitments.Select(c => c.StatusOn(day))).Distinct().Order());
        Assert.Equal(Enum.GetValues<ReportStanding>(), all.SelectMany(p => p.Reports).Select(r => r.StandingOn(day, registry)).Distinct().Order());
        Assert.Contains(all, p => p.Conveniences.Length > 0 && p.Records.Any(r => r.Polarity == RecordPolarity.Negative && r.IsActiveOn(day, RuleSet.NationalPublicityPolicy)));
        Assert.Contains(all, p => p.Commitments.Any(c => c.Agent is not null));
    }
}
