using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Reporting.Calibration;
using BrainDrainSim.Reporting.Comparisons;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Reporting.Tests.Calibration;

/// <summary>
/// A real calibration, small enough for a test: the engine tests' small population at a tenth of its agents over
/// 2015-01 to 2016-12, three coefficients fitted and one kept at its prior, against targets made from one run at the
/// prior's modes (so the fit has something to find): researchers abroad at 2016-12 (fit), emigrations summed over 2015
/// under a limit (fit), mean returns over 2016 and the US share of those abroad (validate), and a home stock three times
/// the run's (validate: a certain miss). Three generations of 40 particles, then 30 predictive draws; built once.
/// </summary>
internal static class SmallCalibration
{
    public const string KeptPath = "coefficients.b_net";
    public static readonly string[] FittedPaths = ["coefficients.b0", "coefficients.lambda_out", "coefficients.b_wage"];
    public static readonly string[] TargetNames = ["abroad_2016", "emigrations_2015", "returns_2016", "us_share_2016", "home_2016"];

    private static readonly Lazy<CalibrationOutcome> Built = new(Build);

    public static CalibrationOutcome Outcome => Built.Value;

    public static ValidatedScenario Scenario { get; } = ScenarioValidator.Validate(new Scenario
    {
        Name = "small-history",
        Description = "The engine tests' small population over two years from 2015",
        Start = new YearMonth(2015, 1),
        Months = 24,
        AgentScale = 10,
        Population = new PopulationSpec { AtHome = 2_850, AbroadUs = 315, AbroadOther = 235 },
        Careers = new CareerSpec { AnnualGraduates = 150 },
        Uncertainty =
        [
            new UncertainParameter("coefficients.b0", Triangular(-3, -1, 1)),
            new UncertainParameter("coefficients.lambda_out", Triangular(0.002, 0.01, 0.03)),
            new UncertainParameter(KeptPath, Triangular(0, 2, 5)),
            new UncertainParameter("coefficients.b_wage", Triangular(0.3, 1, 2)),
        ],
    });

    public static CalibrationInfo Info(IReadOnlyList<string>? warnings = null) => new()
    {
        ProgramVersion = "0.1.0-test",
        CommandLine = "braindrain calibrate small-history.yaml --targets small.yaml",
        StartedUtc = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        WallSeconds = 12.5,
        Seed = 7,
        Threads = 1,
        Scenario = new ScenarioInput("small-history", ["scenarios/history/small-history.yaml"], "sha256:0123abcd"),
        TargetsFile = "scenarios/targets/small.yaml",
        TargetsHash = "sha256:4567ef01",
        Warnings = warnings ?? [],
    };

    /// <summary>The targets built from one run at the modes, with <paramref name="change"/> applied to each before validation.</summary>
    public static ValidatedTargetSet Targets(Func<CalibrationTarget, CalibrationTarget>? change = null)
    {
        var reference = Reference.Value;
        var metrics = MetricCatalog.For(Scenario.Scenario);
        double Value(TargetQuantity q) => q.Evaluate(reference, metrics, Scenario.Scenario.Start);
        var abroad = new TargetQuantity { Metric = MetricCatalog.Abroad, At = new YearMonth(2016, 12) };
        var emigrations = new TargetQuantity { Metric = MetricCatalog.Emigrations, Sum = Period(2015) };
        var returns = new TargetQuantity { Metric = MetricCatalog.Returns, Mean = Period(2016) };
        var share = new TargetQuantity
        {
            Ratio = [new TargetQuantity { Metric = MetricCatalog.AbroadUs, At = new YearMonth(2016, 12) }, abroad],
        };
        var home = new TargetQuantity { Metric = MetricCatalog.Home, At = new YearMonth(2016, 12) };
        CalibrationTarget[] targets =
        [
            new() { Name = TargetNames[0], Quantity = abroad, Observed = Math.Round(Value(abroad)), Sd = Math.Max(10, 0.1 * Value(abroad)), Role = TargetRole.Fit, Source = "[A] the run at the modes" },
            new() { Name = TargetNames[1], Quantity = emigrations, Bound = new TargetBound { Max = Math.Round(1.5 * Value(emigrations)) + 10 }, Sd = 20, Role = TargetRole.Fit, Source = "[A] half as many again as the run at the modes" },
            new() { Name = TargetNames[2], Quantity = returns, Observed = Math.Round(Value(returns), 1), Sd = Math.Max(1, 0.3 * Value(returns)), Role = TargetRole.Validate, Source = "[A] the run at the modes" },
            new() { Name = TargetNames[3], Quantity = share, Observed = Math.Round(Value(share), 3), Sd = 0.05, Role = TargetRole.Validate, Source = "[A] the run at the modes" },
            new() { Name = TargetNames[4], Quantity = home, Observed = Math.Round(3 * Value(home)), Sd = 50, Role = TargetRole.Validate, Source = "[A] three times the run at the modes: a certain miss" },
        ];
        var set = new TargetSet { Name = "small", Description = "Figures of one run at the prior's modes", Targets = [.. targets.Select(change ?? (t => t))] };
        return TargetValidator.Validate(set, Scenario);
    }

    private static readonly Lazy<IReadOnlyList<double[]>> Reference = new(() =>
    {
        // The scenario at the modes of its priors, without its uncertainty: the "observed" history.
        var s = Scenario.Scenario;
        var atModes = s with { Uncertainty = [] };
        foreach (var u in s.Uncertainty) atModes = ScenarioPath.With(atModes, u.Path, u.Distribution.Mode!.Value);
        return MonteCarloRunner.RunOne(ScenarioValidator.Validate(atModes), 2015, 0).Series;
    });

    private static CalibrationOutcome Build()
    {
        var problem = CalibrationProblem.Create(Scenario, Targets(), [KeptPath]);
        var configuration = new AbcSmcConfiguration
        {
            Prior = problem.Prior,
            Particles = 40,
            Seed = 7,
            MaxGenerations = 3,
            MinimumTolerance = AbcTolerance.ChiQuantile(problem.Targets.FitCount),
            Model = "small-history against small",
        };
        var state = AbcSmcSampler.Run(AbcSmcState.Start(configuration), problem, threads: 1);
        var predictive = PosteriorPredictive.Run(problem, state, draws: 30, seed: 7, threads: 1);
        return new CalibrationOutcome(problem, state, predictive);
    }

    private static DistributionSpec Triangular(double min, double mode, double max) =>
        new() { Dist = DistributionKind.Triangular, Min = min, Mode = mode, Max = max };

    private static MonthRange Period(int year) => new() { From = new YearMonth(year, 1), To = new YearMonth(year, 12) };
}
