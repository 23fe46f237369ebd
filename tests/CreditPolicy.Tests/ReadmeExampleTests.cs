using System;
using System.IO;
using System.Linq;
using CreditPolicy.Output;
using CreditPolicy.Evaluation;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using NodaTime;
using Xunit;

namespace CreditPolicy.Tests;

/// <summary>The README's library example, kept compiling and working against the contract's example profile.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void Readme_Library_example_runs_on_the_contract_example()
    {
        var output = new StringWriter();
        var read = ProfileJson.Read(File.ReadAllText(Fixtures.PathOf("contract/profile.example.json")));
        Assert.True(read.Succeeded);
        var evaluator = new PolicyEvaluator(RuleSet.JiaCounty2022No8);
        var decision = evaluator.Evaluate(read.Value, new LocalDate(2026, 11, 27));
        foreach (var measure in decision.ApplicableMeasures)
        {
            output.WriteLine($"{measure.Clause} {measure.Code}: {string.Join(", ", measure.Evidence)}");
        }

        output.WriteLine(DecisionJson.Write(decision));

        var lines = output.ToString().Split('\n');
        Assert.Equal("R6.1 incentive.integrity-publicity: rec-2026-0042", lines[0]);
        Assert.StartsWith("{\"subject\":", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_Shows_the_two_set_up_commands_first()
    {
        var readme = File.ReadAllText(Path.Combine(Rules.ShippedRuleSetTests.RepositoryRoot(), "README.md"));
        var blocks = readme.Split("```").Where((_, i) => i % 2 == 1).Select(b => b.Trim()).ToArray();

        Assert.Equal("dotnet run --project src/CreditPolicy.Cli -- evaluate --agencies samples/agencies.json --as-of 2026-11-27 samples/profiles.jsonl", blocks[0]);
        Assert.Equal("dotnet test", blocks[1]);
    }
}
