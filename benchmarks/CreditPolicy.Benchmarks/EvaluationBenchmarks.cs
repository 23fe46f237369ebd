using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CreditPolicy.Evaluation;
using CreditPolicy.Facts;
using CreditPolicy.Profiles;
using RulesEngine.Models;

namespace CreditPolicy.Benchmarks;

/// <summary>
/// One subject evaluated, decision included: hand-written C# in one tight pass (the baseline, the practical
/// limit), the library's evaluator as embedding apps call it, and the same rule file through RulesEngine's
/// <c>ExecuteAllRulesAsync</c> the way most RulesEngine users run it. Each operation is one profile of a
/// population of 1,000.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private const int Count = 1000;
    private CreditProfile[] _profiles = [];
    private HandWrittenEvaluator _handWritten = null!;
    private TightHandWrittenEvaluator _tight = null!;
    private RulesEngine.RulesEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _profiles = Population.Profiles(Count);
        _handWritten = new HandWrittenEvaluator(Rules.RuleSet.JiaCounty2022No8, Population.Agencies);
        _tight = new TightHandWrittenEvaluator(Rules.RuleSet.JiaCounty2022No8, Population.Agencies);
        Population.CheckSameDecisions(nameof(TightHandWritten), _profiles, p => _tight.Evaluate(p, Population.Day));
        var workflow = JsonSerializer.Deserialize<Workflow>(RuleFile.Bytes())!;
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(SubjectFacts)] });
        Population.CheckAgreement(nameof(HandWritten), _profiles, p => _handWritten.Evaluate(p, Population.Day).ApplicableMeasures.Select(m => m.Code));
        Population.CheckAgreement(nameof(RulesEngineExecuteAllRules), _profiles, RulesEngineCodes);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int TightHandWritten()
    {
        var total = 0;
        foreach (var profile in _profiles)
        {
            total += _tight.Evaluate(profile, Population.Day).ApplicableMeasures.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int HandWritten()
    {
        var total = 0;
        foreach (var profile in _profiles)
        {
            total += _handWritten.Evaluate(profile, Population.Day).ApplicableMeasures.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CreditPolicy()
    {
        var total = 0;
        foreach (var profile in _profiles)
        {
            total += Population.Evaluator.Evaluate(profile, Population.Day).ApplicableMeasures.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int CreditPolicyMeasuresOnly()
    {
        var total = 0;
        foreach (var profile in _profiles)
        {
            total += Population.Evaluator.EvaluateMeasures(profile, Population.Day).Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public int RulesEngineExecuteAllRules()
    {
        var total = 0;
        foreach (var profile in _profiles)
        {
            total += RulesEngineCodes(profile).Length;
        }

        return total;
    }

    /// <summary>What a RulesEngine user writes: facts in, every rule executed, the codes of the rules that succeeded out (penalties dominating).</summary>
    private string[] RulesEngineCodes(CreditProfile profile)
    {
        var facts = SubjectFacts.Compute(profile, Population.Day, Population.Agencies, Rules.RuleSet.JiaCounty2022No8.PublicityPolicy);
        var pending = _engine.ExecuteAllRulesAsync("jia-county-2022-8", new RuleParameter("facts", facts));
        var results = pending.IsCompleted ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var applicable = results
            .Where(r => r.IsSuccess)
            .Select(r => (Code: ((JsonElement)r.Rule.Properties["code"]).GetString()!, Clause: ((JsonElement)r.Rule.Properties["clause"]).GetString()!))
            .ToArray();
        var penalties = applicable.Any(a => a.Code.StartsWith("penalty.", System.StringComparison.Ordinal));
        return [.. applicable.Where(a => !penalties || a.Code.StartsWith("penalty.", System.StringComparison.Ordinal))
            .OrderBy(a => a.Clause, System.StringComparer.Ordinal).ThenBy(a => a.Code, System.StringComparer.Ordinal).Select(a => a.Code)];
    }
}
