using System.Globalization;
using BenchmarkDotNet.Running;

// Standard BenchmarkDotNet options work: --filter, --job, --exporters, --artifacts, --inProcess …
// e.g. dotnet run -c Release --project benchmarks/CreditPolicy.Benchmarks -- --filter '*EvaluationBenchmarks*' --job short
// The spread of the evaluation ratios over several runs (issue 14):
//      dotnet run -c Release --project benchmarks/CreditPolicy.Benchmarks -- spread 5
if (args is ["spread", ..])
{
    return CreditPolicy.Benchmarks.RatioSpread.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
}

BenchmarkSwitcher.FromAssembly(typeof(CreditPolicy.Benchmarks.Population).Assembly).Run(args);
return 0;
