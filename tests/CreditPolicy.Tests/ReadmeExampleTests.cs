using System;
using System.IO;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>The README's quick start, kept compiling and working against the contract's example profile.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Readme_Quick_start_runs_on_the_contract_example()
    {
        var output = new StringWriter();
        var read = ProfileJson.Read(File.ReadAllText(Fixtures.PathOf("contract/profile.example.json")));
        Assert.True(read.Succeeded);
        var day = new LocalDate(2026, 11, 27);
        foreach (var record in read.Profile.Records)
        {
            output.WriteLine($"{record.Id}: {record.Polarity}, active on {day}: {record.IsActiveOn(day)}");
        }

        foreach (var commitment in read.Profile.Commitments)
        {
            output.WriteLine($"{commitment.Id}: {commitment.StatusOn(day, read.Profile.Subject)}");
        }

        output.WriteLine(read.Profile.Subject);

        var text = output.ToString();
        Assert.Contains("rec-2025-0117: Negative, active on", text, StringComparison.Ordinal);
        Assert.Contains(": False", text, StringComparison.Ordinal);
        Assert.Contains("rec-2026-0042: Positive", text, StringComparison.Ordinal);
        Assert.Contains("cmt-2026-310: Fulfilled", text, StringComparison.Ordinal);
    }
}
