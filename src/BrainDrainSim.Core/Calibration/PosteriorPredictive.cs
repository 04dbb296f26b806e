using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Calibration;

/// <summary>
/// The posterior predictive of the targets: particles of the final population drawn by weight (one keyed uniform per
/// draw) and each run again with a seed of its own, so that the spread includes the model's chance as a new run
/// would have it. (The accepted simulations themselves are no predictive sample: each was kept for lying near the
/// data.) Observation error is added where the predictive is compared with an observation, not here.
/// </summary>
public sealed class PosteriorPredictive
{
    private PosteriorPredictive(IReadOnlyList<string> metrics, IReadOnlyList<PredictiveDraw> draws)
    {
        Metrics = metrics;
        Draws = draws;
    }

    /// <summary>The metrics whose series each draw keeps: every metric a target names, in first-use order.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>The draws, in draw order.</summary>
    public IReadOnlyList<PredictiveDraw> Draws { get; }

    /// <summary>A seed domain of its own, so that no predictive run shares a seed with a run of the sampler.</summary>
    private const ulong PredictiveDomain = 0x5052_4544_4943_5456; // "PREDICTV"

    /// <summary>
    /// <paramref name="draws"/> runs at particles of <paramref name="state"/>'s final population drawn by weight. Draw d
    /// is a pure function of (state, seed, d), so the result is the same on any number of threads.
    /// </summary>
    public static PosteriorPredictive Run(CalibrationProblem problem, AbcSmcState state, int draws, ulong seed, int threads,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(state);
        var population = state.Population ?? throw new ArgumentException("the calibration has no population yet", nameof(state));
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var metrics = MetricsOf(problem);
        var indices = metrics.Select(m => Model.MetricCatalog.IndexOf(problem.Targets.Metrics, m)).ToArray();
        var weights = population.Weights();
        var cumulative = WeightedDraw.Cumulative(weights);
        var result = new PredictiveDraw[draws];
        Parallel.For(0, draws, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel }, d =>
        {
            ulong drawSeed = StreamKey.SplitMix64(seed ^ PredictiveDomain ^ StreamKey.SplitMix64((ulong)d));
            var key = StreamKey.FromSeed(drawSeed);
            key.Uniforms((uint)d, 0, 0, Purpose.Parameter, 0, out var u, out _, out _, out _);
            int particle = WeightedDraw.Index(weights, cumulative, u);
            ulong runSeed = StreamKey.SplitMix64(drawSeed);
            var theta = population.Particles[particle].Theta.ToArray();
            var run = problem.Run(theta, runSeed);
            result[d] = run is null
                ? new PredictiveDraw(particle, runSeed, [], [])
                : new PredictiveDraw(particle, runSeed, problem.Targets.Evaluate(run.Series).Outcomes.Select(o => o.Summary).ToArray(),
                    indices.Select(i => run.Series[i]).ToArray());
        });
        return new PosteriorPredictive(metrics, result);
    }

    /// <summary>The metrics the targets name, numerator and denominator of a ratio included, in first-use order.</summary>
    public static IReadOnlyList<string> MetricsOf(CalibrationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var names = new List<string>();
        foreach (var t in problem.Targets.Targets)
        {
            var q = t.Quantity!;
            foreach (var part in q.Ratio is { } ratio ? ratio : [q])
                if (part.Metric is { } m && !names.Contains(m)) names.Add(m);
        }
        return names;
    }
}
