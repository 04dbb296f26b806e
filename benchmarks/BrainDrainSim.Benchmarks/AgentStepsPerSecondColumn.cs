using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// Agent-steps per second beside BenchmarkDotNet's mean time: the agent-steps of one invocation (a
/// deterministic count, computed here once per case) divided by the mean seconds per invocation.
/// </summary>
public sealed class AgentStepsPerSecondColumn : IColumn
{
    private readonly Dictionary<string, long> _steps = [];

    public string Id => nameof(AgentStepsPerSecondColumn);
    public string ColumnName => "AgentSteps/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Agent-steps (researcher-months of researchers at home or abroad) per second of mean invocation time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats) return "-";
        long steps = StepsPerInvocation(benchmarkCase);
        // A benchmark that steps no researcher (drawing and validating a scenario) has no rate to show.
        if (steps == 0) return "-";
        return (steps / (stats.Mean * 1e-9)).ToString("0.00e0", System.Globalization.CultureInfo.InvariantCulture);
    }

    private long StepsPerInvocation(BenchmarkCase c)
    {
        string key = c.DisplayInfo;
        if (_steps.TryGetValue(key, out var cached)) return cached;
        int Param(string name) => Convert.ToInt32(c.Parameters.Items.First(p => p.Name == name).Value, System.Globalization.CultureInfo.InvariantCulture);
        long steps = c.Descriptor.WorkloadMethod.Name switch
        {
            nameof(MonthlyStepBenchmarks.MonthlyStep) => Param(nameof(MonthlyStepBenchmarks.Researchers)),
            nameof(ReplicationBenchmarks.NationalBaselineReplication) => MonteCarloRunner.RunOne(Workloads.Baseline(), 1, 0).AgentSteps,
            nameof(EnsembleBenchmarks.ReferenceEnsemble) => MonteCarloRunner.Run(Workloads.Reference(10_000), EnsembleBenchmarks.Runs, 1, 2).AgentSteps,
            nameof(KernelBenchmarks.PhiloxDraws) or nameof(KernelBenchmarks.FirstWaits) or nameof(KernelBenchmarks.CandidateDecisions) => KernelBenchmarks.Researchers,
            _ => 0,
        };
        _steps[key] = steps;
        return steps;
    }

    public override string ToString() => ColumnName;
}
