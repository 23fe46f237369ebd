using BenchmarkDotNet.Running;

// Standard BenchmarkDotNet options work: --filter, --job, --exporters, --artifacts, --inProcess …
// e.g. dotnet run -c Release --project benchmarks/CreditPolicy.Benchmarks -- --filter '*EvaluationBenchmarks*' --job short
BenchmarkSwitcher.FromAssembly(typeof(CreditPolicy.Benchmarks.Population).Assembly).Run(args);
