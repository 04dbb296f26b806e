using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// The stopping rules depend on the state alone, so they stop a run at the same generation, with the same bytes,
/// whatever the threads; a checkpoint refuses a configuration it was not made with.
/// </summary>
public sealed class AbcSmcStoppingTests
{
    private static LinearGaussianToy Toy() => LinearGaussianToy.NormalMean(sigma: 1, n: 25, yObserved: 0.8);

    private static AbcSmcConfiguration Configuration() => new()
    {
        Prior = LinearGaussianToy.NormalPrior([0], [1], ["theta"]),
        Particles = 200,
        Seed = 9,
        AcceptanceFloor = 0,
        MaxGenerations = 6,
    };

    [Fact]
    public void A_generation_the_budget_cannot_finish_is_discarded_and_the_previous_one_is_the_result()
    {
        var unlimited = new List<AbcSmcState>();
        AbcSmcSampler.Run(AbcSmcState.Start(Configuration()), Toy(), threads: 2, afterStep: unlimited.Add);
        var history = unlimited[^1].History;
        Assert.Equal(6, history.Count);
        // One simulation short of what generations 0 to 3 need: generation 3 cannot finish, whichever particles
        // take the last simulations.
        long budget = history.Take(4).Sum(h => h.Simulations) - 1;
        var configuration = Configuration() with { SimulationBudget = budget };
        var one = AbcSmcSampler.Run(AbcSmcState.Start(configuration), Toy(), threads: 1);
        var two = AbcSmcSampler.Run(AbcSmcState.Start(configuration), Toy(), threads: 2);

        Assert.Equal(AbcCheckpoint.Write(one), AbcCheckpoint.Write(two));
        Assert.Equal(AbcStopReason.SimulationBudget, one.Stop!.Reason);
        Assert.Contains("generation 3 at tolerance", one.Stop.Detail, StringComparison.Ordinal);
        Assert.Contains("was discarded after using them; the result is generation 2", one.Stop.Detail, StringComparison.Ordinal);
        // The result is the unlimited run's generation 2, bit for bit, and the budget was used to the last simulation.
        Assert.Equal(PopulationText(unlimited[2]), PopulationText(one));
        Assert.Equal(history.Take(3), one.History);
        Assert.Equal(budget, one.Simulations);
        Assert.Equal(history.Take(3).Sum(h => h.Attempts), one.Attempts);
        Assert.Same(one, AbcSmcSampler.Step(one, Toy()));

        // With that one simulation more, generation 3 fits exactly, and nothing is left for generation 4.
        var exact = AbcSmcSampler.Run(AbcSmcState.Start(configuration with { SimulationBudget = budget + 1 }), Toy(), threads: 2);
        Assert.Equal(PopulationText(unlimited[3]), PopulationText(exact));
        Assert.Equal(budget + 1, exact.Simulations);
        Assert.Equal(AbcStopReason.SimulationBudget, exact.Stop!.Reason);
        Assert.Contains("the 0 simulations left", exact.Stop.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_that_cannot_pay_one_simulation_a_particle_stops_before_simulating()
    {
        var toy = Toy();
        var stopped = AbcSmcSampler.Step(AbcSmcState.Start(Configuration() with { SimulationBudget = 199 }), toy);
        Assert.Equal(AbcStopReason.SimulationBudget, stopped.Stop!.Reason);
        Assert.Null(stopped.Population);
        Assert.Equal(0, toy.Simulations);
        // After a generation, the same rule stops the run at once rather than on the next step.
        var after = AbcSmcSampler.Step(AbcSmcState.Start(Configuration() with { SimulationBudget = 399 }), toy);
        Assert.Single(after.History);
        Assert.Equal(AbcStopReason.SimulationBudget, after.Stop!.Reason);
        Assert.Contains("cannot give each of the 200 particles one", after.Stop.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_acceptance_floor_stops_after_the_first_generation_at_or_below_it()
    {
        var configuration = Configuration() with { AcceptanceFloor = 0.3, MaxGenerations = 20 };
        var one = AbcSmcSampler.Run(AbcSmcState.Start(configuration), Toy(), threads: 1);
        var two = AbcSmcSampler.Run(AbcSmcState.Start(configuration), Toy(), threads: 2);
        Assert.Equal(AbcCheckpoint.Write(one), AbcCheckpoint.Write(two));
        Assert.Equal(AbcStopReason.AcceptanceFloor, one.Stop!.Reason);
        Assert.True(one.History[^1].AcceptanceRate <= 0.3);
        Assert.All(one.History.SkipLast(1), h => Assert.True(h.AcceptanceRate > 0.3));
        Assert.InRange(one.History.Count, 2, 19);
    }

    [Fact]
    public void The_minimum_tolerance_runs_a_last_generation_at_exactly_that_tolerance()
    {
        var free = AbcSmcSampler.Run(AbcSmcState.Start(Configuration()), Toy());
        // A minimum between generation 3's and 4's adaptive tolerances: generation 4 runs at the minimum instead.
        double minimum = (free.History[3].Tolerance + 2 * free.History[4].Tolerance) / 3;
        var state = AbcSmcSampler.Run(AbcSmcState.Start(Configuration() with { MinimumTolerance = minimum }), Toy(), threads: 2);
        Assert.Equal(AbcStopReason.MinimumTolerance, state.Stop!.Reason);
        Assert.Equal(5, state.History.Count);
        Assert.Equal(minimum, state.History[^1].Tolerance);
        Assert.Equal(free.History.Take(4), state.History.Take(4));
        Assert.All(state.Population!.Particles, p => Assert.True(p.Distance <= minimum));
    }

    [Fact]
    public void The_generation_cap_counts_generation_zero()
    {
        var state = AbcSmcSampler.Run(AbcSmcState.Start(Configuration() with { MaxGenerations = 1 }), Toy());
        Assert.Equal(AbcStopReason.MaxGenerations, state.Stop!.Reason);
        Assert.Single(state.History);
        Assert.Equal(double.PositiveInfinity, state.Population!.Tolerance);
        Assert.All(state.Population.Particles, p => Assert.Equal(1.0 / 200, p.Weight));
    }

    [Fact]
    public void A_population_on_one_point_stops_as_degenerate_without_simulating()
    {
        var toy = Toy();
        var particles = Enumerable.Range(0, 200).Select(_ => new AbcParticle([0.5], 1.0 / 200, 1, [0.7], 0)).ToArray();
        var state = new AbcSmcState(Configuration(), new AbcPopulation(0, double.PositiveInfinity, particles),
            [new AbcGenerationStats(0, double.PositiveInfinity, 200, 200, 1, 200)], 200, 200, null);
        var next = AbcSmcSampler.Step(state, toy);
        Assert.Equal(AbcStopReason.DegeneratePopulation, next.Stop!.Reason);
        Assert.Same(state.Population, next.Population);
        Assert.Equal(0, toy.Simulations);
    }

    [Fact]
    public void A_checkpoint_refuses_a_configuration_it_was_not_made_with()
    {
        var configuration = Configuration();
        var state = AbcSmcSampler.Step(AbcSmcSampler.Step(AbcSmcState.Start(configuration), Toy()), Toy());
        string text = AbcCheckpoint.Write(state);
        Assert.Equal(text, AbcCheckpoint.Write(AbcCheckpoint.Read(text, Configuration())));

        string Refusal(AbcSmcConfiguration other) => Assert.Throws<CheckpointMismatchException>(() => AbcCheckpoint.Read(text, other)).Message;
        Assert.Contains("particles: 200 in the checkpoint, 300 now", Refusal(configuration with { Particles = 300 }), StringComparison.Ordinal);
        Assert.Contains("seed: 9 in the checkpoint, 10 now", Refusal(configuration with { Seed = 10 }), StringComparison.Ordinal);
        Assert.Contains("simulation budget", Refusal(configuration with { SimulationBudget = 1_000_000 }), StringComparison.Ordinal);
        Assert.Contains("model: \"\" in the checkpoint, \"other targets\" now", Refusal(configuration with { Model = "other targets" }), StringComparison.Ordinal);
        string prior = Refusal(configuration with { Prior = LinearGaussianToy.NormalPrior([0], [2], ["theta"]) });
        Assert.Contains("prior parameter 1: {\"name\":\"theta\",\"dist\":\"normal\",\"mean\":0,\"sd\":1} in the checkpoint", prior, StringComparison.Ordinal);
        string two = Refusal(configuration with { Particles = 100, KernelScale = 1 });
        Assert.Contains("particles", two, StringComparison.Ordinal);
        Assert.Contains("kernel scale: 2 in the checkpoint, 1 now", two, StringComparison.Ordinal);

        // A file whose configuration was edited no longer matches its own fingerprint.
        string edited = text.Replace("\"particles\": 200", "\"particles\": 300", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        Assert.Contains("fingerprint", Assert.Throws<InvalidDataException>(() => AbcCheckpoint.Read(edited)).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => AbcCheckpoint.Read("{\"format\": \"something else\"}"));
        Assert.Throws<InvalidDataException>(() => AbcCheckpoint.Read(text[..(text.Length / 2)]));
    }

    [Fact]
    public void The_fingerprint_follows_the_settings_and_not_the_objects()
    {
        static AbcSmcConfiguration Build(string why) => new()
        {
            Prior = new AbcPrior([new PriorParameter("x", new DistributionSpec { Dist = DistributionKind.Beta, Alpha = 2, Beta = 3 }, new BoundsAttribute(0, 1) { Why = why })]),
            Seed = 1,
        };
        Assert.Equal(AbcCheckpoint.Fingerprint(Build("a")), AbcCheckpoint.Fingerprint(Build("b")));
        Assert.NotEqual(AbcCheckpoint.Fingerprint(Build("a")), AbcCheckpoint.Fingerprint(Build("a") with { ToleranceQuantile = 0.4 }));
        Assert.Matches("^[0-9a-f]{64}$", AbcCheckpoint.Fingerprint(Build("a")));
    }

    [Fact]
    public void A_configuration_out_of_range_is_refused_with_the_setting_named()
    {
        Assert.Contains("particles", Assert.Throws<ArgumentException>(() => AbcSmcState.Start(Configuration() with { Particles = 1 })).Message, StringComparison.Ordinal);
        Assert.Contains("tolerance quantile", Assert.Throws<ArgumentException>(() => AbcSmcState.Start(Configuration() with { ToleranceQuantile = 1 })).Message, StringComparison.Ordinal);
        Assert.Contains("acceptance floor", Assert.Throws<ArgumentException>(() => AbcSmcState.Start(Configuration() with { AcceptanceFloor = -0.1 })).Message, StringComparison.Ordinal);
        Assert.Contains("minimum tolerance", Assert.Throws<ArgumentException>(() => AbcSmcState.Start(Configuration() with { MinimumTolerance = double.NaN })).Message, StringComparison.Ordinal);
        Assert.Contains("kernel scale", Assert.Throws<ArgumentException>(() => AbcSmcState.Start(Configuration() with { KernelScale = 0 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_distance_from_the_simulator_stops_the_run()
    {
        var e = Assert.Throws<InvalidOperationException>(() => AbcSmcSampler.Step(AbcSmcState.Start(Configuration()), new NegativeDistance(), threads: 2));
        Assert.Contains("negative distance", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelling_a_generation_throws_and_leaves_the_state_it_started_from()
    {
        var state = AbcSmcSampler.Step(AbcSmcState.Start(Configuration()), Toy());
        string before = AbcCheckpoint.Write(state);
        using var cancel = new CancellationTokenSource();
        var simulator = new CancelAfter(50, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => AbcSmcSampler.Run(state, simulator, threads: 2, cancel: cancel.Token));
        Assert.Equal(before, AbcCheckpoint.Write(state));
        // The interrupted generation is simply run again: the same state gives the same next generation.
        Assert.Equal(AbcCheckpoint.Write(AbcSmcSampler.Step(state, Toy())), AbcCheckpoint.Write(AbcSmcSampler.Step(state, Toy(), threads: 2)));
    }

    [Fact]
    public void The_chi_quantile_is_the_square_root_of_the_chi_squared_one()
    {
        // Tables: chi-squared 95% points 3.841459 (1 df), 5.991465 (2), 18.307038 (10).
        Assert.Equal(Math.Sqrt(3.841459), AbcTolerance.ChiQuantile(1), 6);
        Assert.Equal(1.959964, AbcTolerance.ChiQuantile(1), 6);
        Assert.Equal(Math.Sqrt(5.991465), AbcTolerance.ChiQuantile(2), 6);
        Assert.Equal(Math.Sqrt(18.307038), AbcTolerance.ChiQuantile(10), 6);
    }

    private static string PopulationText(AbcSmcState state) =>
        AbcCheckpoint.Write(new AbcSmcState(Configuration(), state.Population, [], 0, 0, null));

    private sealed class CancelAfter(int simulations, CancellationTokenSource cancel) : IAbcSimulator
    {
        private readonly LinearGaussianToy toy = Toy();

        public AbcOutcome Simulate(ReadOnlySpan<double> theta, ulong simulationSeed)
        {
            if (toy.Simulations >= simulations) cancel.Cancel();
            return toy.Simulate(theta, simulationSeed);
        }
    }

    private sealed class NegativeDistance : IAbcSimulator
    {
        public AbcOutcome Simulate(ReadOnlySpan<double> theta, ulong simulationSeed) => new(-1, []);
    }
}
