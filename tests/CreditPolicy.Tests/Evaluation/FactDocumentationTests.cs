using System.IO;
using System.Linq;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Tests.Rules;
using Xunit;

namespace CreditPolicy.Tests.Evaluation;

public sealed class FactDocumentationTests
{
    private static readonly string FactsDoc = File.ReadAllText(Path.Combine(ShippedRuleSetTests.RepositoryRoot(), "docs", "facts.md"));

    [Fact]
    public void Every_fact_is_documented_for_policy_staff_and_nothing_else_is()
    {
        var facts = typeof(SubjectFacts).GetProperties().Select(p => p.Name).Order().ToArray();
        var documented = FactsDoc.Split('\n')
            .Where(line => line.StartsWith("| `", System.StringComparison.Ordinal) && char.IsUpper(line[3]))
            .Select(line => line[3..line.IndexOf('`', 3)])
            .Order()
            .ToArray();

        Assert.Equal(facts, documented);
    }

    [Fact]
    public void Every_evidence_set_is_documented()
    {
        foreach (var name in CreditPolicy.Serialization.ContractNames.EvidenceSets.Values.Select(CreditPolicy.Serialization.ContractNames.EvidenceSets.Name))
        {
            Assert.Contains($"| `{name}` |", FactsDoc, System.StringComparison.Ordinal);
        }
    }
}
