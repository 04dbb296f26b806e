using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using BrainDrainSim.Benchmarks;

// `dotnet run -c Release --project benchmarks/BrainDrainSim.Benchmarks -- --filter '*' --job short`
// runs the suite; benchmarks/README.md records the machine, the commands and the figures.
var config = DefaultConfig.Instance.AddColumn(new AgentStepsPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(MonthlyStepBenchmarks).Assembly).Run(args, config);
