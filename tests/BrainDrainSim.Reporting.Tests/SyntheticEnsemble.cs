using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>
/// A hand-built ensemble whose every value follows a formula the tests can recompute: 5 replications, 14 months
/// from 2025-11 (a two-month first year), undefined values in places chosen to exercise the status columns.
/// </summary>
internal static class SyntheticEnsemble
{
    public const int Runs = 5;
    public const int MonthCount = 14;
    public static readonly YearMonth Start = new(2025, 11);

    /// <summary>Per-replication offsets, unevenly spaced so that percentiles interpolate.</summary>
    public static readonly double[] Offset = [0, 10, 20, 30, 100];

    public static readonly ulong[] Seeds = [1, 42, 1_000_003, 9_007_199_254_740_993, ulong.MaxValue];

    public const long AgentStepsPerRun = 1000;

    public static Scenario Scenario(Func<Scenario, Scenario>? adjust = null)
    {
        var s = new Scenario
        {
            Name = "synthetic",
            Description = "Hand-built ensemble for the reporting tests, with a comma, a \"quote\" and 한국어.",
            Start = Start,
            Months = MonthCount,
            Levers =
            [
                new GpuImport
                {
                    At = new YearMonth(2026, 1),
                    Count = 10_000,
                    SectorShares = new Dictionary<string, double> { ["industry"] = 0.5, ["academia"] = 0.3, ["institute"] = 0.2 },
                    UnitCostKrw = 45e6,
                    RunningCostKrwPerGpuYear = 0,
                },
                new SalaryTopup { At = new YearMonth(2026, 3), Until = new YearMonth(2026, 12), Fraction = 0.1, Stage = Stage.Early },
            ],
            Uncertainty =
            [
                new UncertainParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.2, Sd = 0.1 }),
                new UncertainParameter("visa.selection_rate", new DistributionSpec { Dist = DistributionKind.Uniform, Min = 0.25, Max = 0.35 }),
            ],
        };
        return adjust is null ? s : adjust(s);
    }

    public static double Value(string metric, int run, int month)
    {
        double o = Offset[run];
        switch (metric)
        {
            case MetricCatalog.Home: return 57_000 - 100 * month - o;
            case MetricCatalog.TopTalentHome: return 5_700 - 10 * month - o;
            case MetricCatalog.Emigrations: return run == 4 && month == 5 ? double.NaN : 100 + month + o / 10;
            case MetricCatalog.Returns: return 40 + (month % 3) + o / 10;
            case MetricCatalog.StudentStayRate: return month < 3 || run < 2 ? double.NaN : 0.5 + 0.01 * run;
            case MetricCatalog.PolicyCostCumulative: return 1e9 * (month + 1) + o;
        }
        if (metric.StartsWith(MetricCatalog.ComputePerHomeResearcherPrefix, StringComparison.Ordinal))
        {
            double baseline = metric.EndsWith("academia", StringComparison.Ordinal) ? 0.0117
                : metric.EndsWith("industry", StringComparison.Ordinal) ? 0.048 : 0.035;
            return baseline * (1 + 0.02 * month) * (1 + o / 1000);
        }
        return 10 + month + o;
    }

    public static EnsembleResult Build(int threads = 2, double steppingSeconds = 2.5, double setupSeconds = 0.5,
        Scenario? scenario = null, Func<string, int, int, double>? value = null)
    {
        scenario ??= Scenario();
        value ??= Value;
        var metrics = MetricCatalog.For(scenario);
        var months = Enumerable.Range(0, scenario.Months).Select(scenario.Start.AddMonths).ToArray();
        var runs = new ReplicationResult[Runs];
        for (int r = 0; r < Runs; r++)
        {
            var series = new double[metrics.Count][];
            for (int m = 0; m < metrics.Count; m++)
            {
                series[m] = new double[months.Length];
                for (int t = 0; t < months.Length; t++) series[m][t] = value(metrics[m].Name, r, t);
            }
            runs[r] = new ReplicationResult
            {
                Replication = r,
                Seed = Seeds[r],
                Parameters =
                [
                    new("coefficients.b_gpu", 0.1 + 0.05 * r),
                    new("visa.selection_rate", 0.3),
                ],
                Series = series,
                AgentSteps = AgentStepsPerRun * (r + 1),
            };
        }
        return new EnsembleResult
        {
            Scenario = scenario,
            Metrics = metrics,
            Runs = runs,
            Months = months,
            MasterSeed = 20251101,
            Threads = threads,
            SetupSeconds = setupSeconds,
            SteppingSeconds = steppingSeconds,
        };
    }

    public static RunInfo Info() => new()
    {
        InputFiles = ["scenarios/synthetic.yaml", "scenarios/baseline.yaml"],
        InputHash = "sha256:0123abcd",
        ProgramVersion = "0.1.0-test",
        CommandLine = "braindrain run scenarios/synthetic.yaml --runs 5",
        StartedUtc = new DateTimeOffset(2025, 11, 1, 9, 30, 0, TimeSpan.Zero),
        WallSeconds = 4.25,
        OutputSeconds = 0.75,
        PeakMemoryBytes = 123_456_789,
    };
}
