using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>
/// Small real comparisons made by running the engine: a few hundred researchers over 18 months, so the tests
/// see what the model really produces (undefined stay rates in early months, costs only under a policy)
/// while staying quick. Each ensemble is run once per test process and shared.
/// </summary>
internal static class EngineComparison
{
    public const int Runs = 8;
    public const int MonthCount = 18;
    public const ulong Seed = 20250101;
    public static readonly YearMonth Start = new(2025, 1);

    public static Scenario Baseline() => new()
    {
        Name = "tiny-baseline",
        Description = "A small baseline for the comparison tests | with a pipe, a \"quote\" and 한국어.",
        Start = Start,
        Months = MonthCount,
        Population = new PopulationSpec { AtHome = 400, AbroadUs = 45, AbroadOther = 35 },
        Careers = new CareerSpec { AnnualGraduates = 30 },
        Uncertainty =
        [
            new UncertainParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.2, Sd = 0.05 }),
            new UncertainParameter("coefficients.lambda_out", new DistributionSpec { Dist = DistributionKind.Uniform, Min = 0.015, Max = 0.025 }),
        ],
    };

    public static Scenario Topup(double fraction = 0.5) => Baseline() with
    {
        Name = "salary-topup",
        Description = "Everyone's home pay raised by half.",
        Levers = [new SalaryTopup { At = Start, Fraction = fraction }],
    };

    public static Scenario Gpus() => Baseline() with
    {
        Name = "gpu-import",
        Description = "Two hundred H100s at home from the start.",
        Levers =
        [
            new GpuImport
            {
                At = Start,
                Count = 200,
                SectorShares = new Dictionary<string, double> { ["academia"] = 0.3, ["industry"] = 0.5, ["institute"] = 0.2 },
                UnitCostKrw = 45e6,
                RunningCostKrwPerGpuYear = 5e6,
            },
        ],
    };

    private static readonly Lazy<EnsembleResult> BaselineRuns = new(() => Run(Baseline()));
    private static readonly Lazy<EnsembleResult> TopupRuns = new(() => Run(Topup()));
    private static readonly Lazy<EnsembleResult> GpuRuns = new(() => Run(Gpus()));

    public static EnsembleResult Run(Scenario scenario) => MonteCarloRunner.Run(scenario.Validate(), Runs, Seed, threads: 2);

    /// <summary>The baseline against a salary top-up and a GPU import.</summary>
    public static Comparison TwoPolicies() => Comparison.Build(BaselineRuns.Value, [TopupRuns.Value, GpuRuns.Value]);

    /// <summary>The baseline against itself: every difference is zero, so no cost per researcher kept can be estimated.</summary>
    public static Comparison SelfComparison() => Comparison.Build(BaselineRuns.Value, [BaselineRuns.Value]);

    public static EnsembleResult BaselineEnsemble => BaselineRuns.Value;

    public static CompareInfo Info(int scenarios) => new()
    {
        ProgramVersion = "0.1.0-test",
        CommandLine = "braindrain compare baseline.yaml policy.yaml --runs 8",
        StartedUtc = new DateTimeOffset(2025, 11, 1, 9, 30, 0, TimeSpan.Zero),
        WallSeconds = 3.5,
        Inputs = Enumerable.Range(0, scenarios)
            .Select(i => new ScenarioInput(i == 0 ? "tiny-baseline" : $"policy-{i}", ["scenarios/base.yaml", i == 0 ? "scenarios/tiny.yaml" : $"scenarios/policy-{i}.yaml"], $"sha256:{i:x4}"))
            .ToArray(),
    };

    /// <summary>The text files a writer produced (CSV, markdown, JSON), by name.</summary>
    public static IEnumerable<(string Name, string Text)> TextFiles(string dir) =>
        Directory.GetFiles(dir)
            .Where(f => Path.GetExtension(f) is ".csv" or ".md" or ".json")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
}
