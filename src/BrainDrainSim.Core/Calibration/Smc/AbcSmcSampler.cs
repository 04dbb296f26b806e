using System.Globalization;
using System.Runtime.ExceptionServices;
using BrainDrainSim.Randomness;
using MathNet.Numerics.Statistics;

namespace BrainDrainSim.Calibration.Smc;

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009, J. R. Soc. Interface 6:187) with
/// the importance weights and adaptive Gaussian kernel of Beaumont et al. (2009, Biometrika 96:983).
/// Generation 0 draws every particle from the prior and accepts any finite distance. Generation t draws from the
/// previous population by weight, moves the draw by a Gaussian with <see cref="AbcSmcConfiguration.KernelScale"/>
/// times the population's weighted covariance, and accepts it when its simulation comes within the tolerance
/// eps_t, a quantile of generation t - 1's distances; its weight is prior(theta) / sum_j W_j K(theta | theta_j).
/// A proposal of zero prior density is rejected before it is simulated (an attempt, not a simulation): it is
/// never moved onto the support.
/// <para>
/// The last generation, at <see cref="AbcSmcConfiguration.MinimumTolerance"/>, accepts by
/// <see cref="AbcSmcConfiguration.FinalAcceptance"/>: within the tolerance, or with probability exp(-D^2 / 2) by one
/// more uniform of the attempt's keys (Wilkinson 2013). The weights stay prior / sum_j W_j K: the acceptance
/// probability is the likelihood of the observation error, and the proposal is the kernel mixture as before.
/// </para>
/// <para>
/// Particle p of generation g is a pure function of the previous population, the seed, g and p: its attempt a
/// draws from keys made of (seed, g, p, a) alone and its simulation gets <see cref="SimulationSeed"/>. Particles
/// run in parallel and are kept by index, and every sum runs in index order. The budget is taken one simulation at a
/// time from a shared count, and a generation completes exactly when the simulations its particles need add up to
/// no more than what is left, which no thread's timing can change. So the bytes of a run do not depend on the
/// threads, and a run resumed from a checkpoint ends as the uninterrupted one does.
/// </para>
/// </summary>
public static class AbcSmcSampler
{
    private const ulong SimulationDomain = 0xABC5_0000_5100_0001UL;
    private const ulong DrawDomain = 0xABC5_0000_D4A3_0002UL;

    /// <summary>
    /// Runs from <paramref name="state"/> (<see cref="AbcSmcState.Start"/>, or a checkpoint) until a stopping rule
    /// holds, calling <paramref name="afterStep"/> with every new state (each completed generation, and the state
    /// that records the stop), for example to print a line and write a checkpoint. Cancellation throws
    /// <see cref="OperationCanceledException"/> and loses only the generation under way.
    /// </summary>
    public static AbcSmcState Run(AbcSmcState state, IAbcSimulator simulator, int threads = 1,
        Action<AbcSmcState>? afterStep = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        while (!state.Finished)
        {
            state = Step(state, simulator, threads, cancel);
            afterStep?.Invoke(state);
        }
        return state;
    }

    /// <summary>
    /// The next state: one more generation, or the same population with the reason the run stops. A finished
    /// state is returned as it is. <paramref name="threads"/> changes the time it takes, never the result.
    /// </summary>
    public static AbcSmcState Step(AbcSmcState state, IAbcSimulator simulator, int threads = 1, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (state.Finished) return state;
        var c = state.Configuration;
        c.Validate();
        int n = c.Particles, g = state.History.Count;
        if (g >= c.MaxGenerations) return state with { Stop = new AbcStop(AbcStopReason.MaxGenerations, $"the run made the {c.MaxGenerations} generations allowed") };

        long left = c.SimulationBudget - state.Simulations;
        if (left < n) return state with { Stop = BudgetLeft(state) };

        double tolerance = double.PositiveInfinity;
        bool last = false;
        PerturbationKernel? kernel = null;
        if (g > 0)
        {
            var previous = state.Population ?? throw new ArgumentException($"the state has {g} generations but no population", nameof(state));
            tolerance = NextTolerance(previous, c.ToleranceQuantile);
            if (tolerance <= c.MinimumTolerance)
            {
                tolerance = c.MinimumTolerance;
                last = true;
            }
            kernel = PerturbationKernel.TryCreate(previous, c.KernelScale);
            if (kernel is null)
            {
                return state with
                {
                    Stop = new AbcStop(AbcStopReason.DegeneratePopulation,
                        $"generation {g - 1}'s weighted covariance is not positive definite (effective sample size {previous.EffectiveSampleSize.ToString("G4", CultureInfo.InvariantCulture)}), so no kernel can move its particles"),
                };
            }
        }

        var results = new ParticleResult[n];
        var budget = new SharedBudget(left);
        bool errorModel = last && c.FinalAcceptance == AbcFinalAcceptance.ObservationError;
        ForEach(n, threads, p => results[p] = RunParticle(c, simulator, kernel, g, p, budget, tolerance, errorModel, cancel), cancel);
        if (budget.Exhausted)
        {
            // Some particle was refused a simulation after all that was left had been taken: the generation needs
            // more than is left, whichever particles happened to take it. What each had done by then depends on the
            // threads, so only the total, exactly what was left, is recorded. The accepted particles alone would be
            // a population biased toward the easy part of the posterior: discarded.
            return state with
            {
                Simulations = c.SimulationBudget,
                Stop = new AbcStop(AbcStopReason.SimulationBudget,
                    $"generation {g} at tolerance {F(tolerance)} needed more than the {left} simulations left of the budget {c.SimulationBudget}, " +
                    "so it was discarded after using them" + (g > 0 ? $"; the result is generation {g - 1}" : "; there is no result")),
            };
        }

        long simulations = 0, attempts = 0;
        foreach (var r in results)
        {
            simulations += r.Simulations;
            attempts += r.Attempts;
        }

        var weights = new double[n];
        if (kernel is null) Array.Fill(weights, 1.0 / n);
        else ImportanceWeights(c.Prior, kernel, results, weights, threads, cancel);

        var particles = new AbcParticle[n];
        for (int p = 0; p < n; p++)
        {
            var r = results[p];
            particles[p] = new AbcParticle(r.Theta!, weights[p], r.Outcome!.Distance, r.Outcome.Summaries, r.Seed);
        }
        var population = new AbcPopulation(g, tolerance, particles);
        var stats = new AbcGenerationStats(g, tolerance, simulations, attempts, (double)n / simulations, WeightedStatistics.EffectiveSampleSize(weights));
        var next = new AbcSmcState(c, population, [.. state.History, stats], state.Simulations + simulations, state.Attempts + attempts, null);
        return next with { Stop = StopAfter(next, stats, last) };
    }

    /// <summary>
    /// The seed of attempt <paramref name="attempt"/> of particle <paramref name="particle"/> in generation
    /// <paramref name="generation"/>: SplitMix64 mixes of the master seed and each index in turn.
    /// </summary>
    public static ulong SimulationSeed(ulong seed, int generation, int particle, long attempt) => Mix(seed ^ SimulationDomain, generation, particle, attempt);

    /// <summary>The seed of the draws of the same attempt (its prior draw, or its resampling and kernel move): another mix of the same indices, independent of the simulation seed.</summary>
    internal static ulong DrawSeed(ulong seed, int generation, int particle, long attempt) => Mix(seed ^ DrawDomain, generation, particle, attempt);

    private static ulong Mix(ulong x, int generation, int particle, long attempt)
    {
        ulong h = StreamKey.SplitMix64(x);
        h = StreamKey.SplitMix64(h ^ (ulong)(uint)generation);
        h = StreamKey.SplitMix64(h ^ (ulong)(uint)particle);
        return StreamKey.SplitMix64(h ^ (ulong)attempt);
    }

    /// <summary>The R7 quantile of the population's distances, unweighted: it sets the pace, not an estimate of the posterior.</summary>
    private static double NextTolerance(AbcPopulation previous, double quantile)
    {
        var distances = previous.Particles.Select(p => p.Distance).ToArray();
        Array.Sort(distances);
        return SortedArrayStatistics.QuantileCustom(distances, quantile, QuantileDefinition.R7);
    }

    private static ParticleResult RunParticle(AbcSmcConfiguration c, IAbcSimulator simulator, PerturbationKernel? kernel,
        int g, int p, SharedBudget budget, double tolerance, bool errorModel, CancellationToken cancel)
    {
        var prior = c.Prior;
        var theta = new double[prior.Dimension];
        long simulations = 0, attempts = 0;
        for (long a = 0; !budget.Exhausted; a++)
        {
            cancel.ThrowIfCancellationRequested();
            ulong drawSeed = DrawSeed(c.Seed, g, p, a);
            if (kernel is null) prior.Sample(StreamKey.FromSeed(drawSeed), theta);
            else kernel.Propose(new AbcStream(drawSeed), theta);
            attempts++;
            if (double.IsNegativeInfinity(prior.LogDensity(theta))) continue;
            if (!budget.TryTake()) break;
            ulong seed = SimulationSeed(c.Seed, g, p, a);
            var outcome = simulator.Simulate(theta, seed);
            if (outcome?.Summaries is null) throw new InvalidOperationException($"the simulator returned no outcome or no summaries at {Shown(theta)}");
            simulations++;
            double distance = outcome.Distance;
            if (distance < 0) throw new InvalidOperationException($"the simulator returned a negative distance, {F(distance)}, at {Shown(theta)}");
            if (double.IsFinite(distance) && (errorModel ? Accepts(distance, drawSeed) : distance <= tolerance))
                return new ParticleResult(theta, outcome with { Summaries = outcome.Summaries.ToArray() }, seed, simulations, attempts);
        }
        return new ParticleResult(null, null, 0, simulations, attempts);
    }

    /// <summary>
    /// Wilkinson's (2013) acceptance: probability exp(-D^2 / 2), the normal observation error's density at D sds
    /// relative to its peak, decided by the attempt's own acceptance uniform (so by its keys alone, never the threads).
    /// </summary>
    private static bool Accepts(double distance, ulong drawSeed) =>
        new AbcStream(drawSeed).AcceptanceUniform() < Math.Exp(-0.5 * distance * distance);

    /// <summary>w_i = prior(theta_i) / sum_j W_j K(theta_i | theta_j), normalised; each i on its own, summed in order.</summary>
    private static void ImportanceWeights(AbcPrior prior, PerturbationKernel kernel, ParticleResult[] results, double[] weights,
        int threads, CancellationToken cancel)
    {
        int n = results.Length;
        var logWeights = new double[n];
        ForEach(n, threads, i => logWeights[i] = prior.LogDensity(results[i].Theta) - kernel.LogMixtureDensity(results[i].Theta), cancel);
        double max = logWeights.Max();
        if (!double.IsFinite(max)) throw new InvalidOperationException($"the importance weights are not finite (largest log weight {F(max)})");
        double sum = 0;
        for (int i = 0; i < n; i++) sum += weights[i] = Math.Exp(logWeights[i] - max);
        for (int i = 0; i < n; i++) weights[i] /= sum;
    }

    private static AbcStop? StopAfter(AbcSmcState next, AbcGenerationStats stats, bool last)
    {
        var c = next.Configuration;
        if (last)
            return new AbcStop(AbcStopReason.MinimumTolerance, $"generation {stats.Generation} ran at the minimum tolerance {c.MinimumTolerance.ToString("0.####", CultureInfo.InvariantCulture)}");
        if (stats.AcceptanceRate <= c.AcceptanceFloor)
        {
            return new AbcStop(AbcStopReason.AcceptanceFloor,
                $"generation {stats.Generation} accepted {Share(stats.AcceptanceRate)} of its simulations, at or below the floor {Share(c.AcceptanceFloor)}");
        }
        if (next.History.Count >= c.MaxGenerations)
            return new AbcStop(AbcStopReason.MaxGenerations, $"the run made the {c.MaxGenerations} generations allowed");
        return (c.SimulationBudget - next.Simulations) / c.Particles < 1 ? BudgetLeft(next) : null;
    }

    private static AbcStop BudgetLeft(AbcSmcState state)
    {
        var c = state.Configuration;
        return new AbcStop(AbcStopReason.SimulationBudget,
            $"the {c.SimulationBudget - state.Simulations} simulations left of the budget {c.SimulationBudget} cannot give each of the {c.Particles} particles one");
    }

    // Parallel.For keeping the first failure as it was thrown (any one is reason enough to stop; which one a
    // failing run names can depend on the threads, its result cannot).
    private static void ForEach(int n, int threads, Action<int> body, CancellationToken cancel)
    {
        try
        {
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            var inner = e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(inner).Throw();
        }
    }

    private static string Shown(double[] theta) => $"theta ({string.Join(", ", theta.Select(F))})";

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Share(double v) => (100 * v).ToString("G4", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The simulations left for a generation, taken one at a time by every thread. A take that finds none left marks
    /// the budget exhausted: exactly the simulations left were then taken, and the generation needs more.
    /// </summary>
    private sealed class SharedBudget(long left)
    {
        private long taken;
        private volatile bool exhausted;

        internal bool Exhausted => exhausted;

        internal bool TryTake()
        {
            if (Interlocked.Increment(ref taken) <= left) return true;
            exhausted = true;
            return false;
        }
    }

    private readonly record struct ParticleResult(double[]? Theta, AbcOutcome? Outcome, ulong Seed, long Simulations, long Attempts);
}
