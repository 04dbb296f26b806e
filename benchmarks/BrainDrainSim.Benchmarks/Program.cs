using BenchmarkDotNet.Running;

// `dotnet run -c Release --project benchmarks/BrainDrainSim.Benchmarks -- --filter '*'` runs the suite;
// benchmarks/README.md records the machine, the commands and the figures.
BenchmarkSwitcher.FromAssembly(typeof(BrainDrainSim.Benchmarks.ReplicationBenchmarks).Assembly).Run(args);
