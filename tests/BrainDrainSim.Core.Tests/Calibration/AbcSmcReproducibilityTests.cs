using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// Same seed, same bytes: a run is a pure function of its configuration and the simulator, whatever the threads,
/// and a checkpoint holds its state exactly, so a resumed run ends in the bytes of an uninterrupted one.
/// </summary>
public sealed class AbcSmcReproducibilityTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("abc-smc-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static LinearGaussianToy Toy() => new(new double[,] { { 1, 1 }, { 0.5, -0.5 } }, 0.2, [0.25, 0.35]);

    internal static AbcSmcConfiguration Configuration(int particles = 300) => new()
    {
        Prior = new AbcPrior(
        [
            new PriorParameter("a", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0, Sd = 1 }),
            new PriorParameter("b", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0, Sd = 1 }, new BoundsAttribute(-1.5, 1.5)),
        ]),
        Particles = particles,
        Seed = 424242,
        AcceptanceFloor = 0,
        MaxGenerations = 6,
        Model = "linear gaussian toy",
    };

    [Fact]
    public void One_and_two_threads_give_the_same_bytes()
    {
        var one = AbcSmcSampler.Run(AbcSmcState.Start(Configuration()), Toy(), threads: 1);
        var two = AbcSmcSampler.Run(AbcSmcState.Start(Configuration()), Toy(), threads: 2);
        Assert.Equal(AbcStopReason.MaxGenerations, one.Stop!.Reason);
        Assert.Equal(6, one.History.Count);
        Assert.Equal(AbcCheckpoint.Write(one), AbcCheckpoint.Write(two));
        // A different seed is a different run.
        var other = AbcSmcSampler.Run(AbcSmcState.Start(Configuration() with { Seed = 424243 }), Toy(), threads: 2);
        Assert.NotEqual(one.Population!.Particles[0].Theta, other.Population!.Particles[0].Theta);
    }

    [Fact]
    public void A_run_resumed_from_a_checkpoint_ends_in_the_bytes_of_an_uninterrupted_one()
    {
        var configuration = Configuration();
        string uninterrupted = AbcCheckpoint.Write(AbcSmcSampler.Run(AbcSmcState.Start(configuration), Toy(), threads: 2));
        for (int k = 0; k <= 5; k++)
        {
            var state = AbcSmcState.Start(configuration);
            for (int g = 0; g < k; g++) state = AbcSmcSampler.Step(state, Toy(), threads: 2);
            string path = Path.Combine(folder, $"after-{k}.json");
            AbcCheckpoint.Save(state, path);
            // A new configuration object with the same settings: what a resuming command builds from its options.
            var resumed = AbcCheckpoint.Load(path, Configuration());
            Assert.Equal(AbcCheckpoint.Write(state), AbcCheckpoint.Write(resumed));
            Assert.Equal(uninterrupted, AbcCheckpoint.Write(AbcSmcSampler.Run(resumed, Toy(), threads: 1)));
        }
        Assert.False(File.Exists(Path.Combine(folder, "after-0.json.partial")), "the temporary file is moved over the checkpoint");
    }

    [Fact]
    public void Step_is_a_pure_function_of_the_state()
    {
        var state = AbcSmcSampler.Step(AbcSmcSampler.Step(AbcSmcState.Start(Configuration()), Toy()), Toy());
        string first = AbcCheckpoint.Write(AbcSmcSampler.Step(state, Toy(), threads: 2));
        string second = AbcCheckpoint.Write(AbcSmcSampler.Step(state, Toy(), threads: 1));
        Assert.Equal(first, second);
        Assert.Equal(2, state.History.Count);
    }

    [Fact]
    public void A_particle_simulated_again_with_its_seed_gives_its_recorded_outcome()
    {
        // What a posterior predictive check relies on: theta and the seed are enough to rerun the accepted simulation.
        var state = AbcSmcSampler.Run(AbcSmcState.Start(Configuration() with { MaxGenerations = 3 }), Toy(), threads: 2);
        var toy = Toy();
        int g = state.Population!.Generation;
        for (int p = 0; p < state.Population.Particles.Count; p++)
        {
            var particle = state.Population.Particles[p];
            var again = toy.Simulate(particle.Theta.ToArray(), particle.SimulationSeed);
            Assert.Equal(particle.Distance, again.Distance);
            Assert.Equal(particle.Summaries, again.Summaries);
            Assert.Contains(Enumerable.Range(0, 10_000), a => AbcSmcSampler.SimulationSeed(424242, g, p, a) == particle.SimulationSeed);
        }
    }

    [Fact]
    public void A_state_round_trips_through_its_text_bit_for_bit()
    {
        var prior = new AbcPrior(
        [
            new PriorParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.1 + 0.2, Sd = 1.0 / 3 }, new BoundsAttribute(-50, 50) { Why = "not stored" }),
            new PriorParameter("coefficients.lambda_out", new DistributionSpec { Dist = DistributionKind.Beta, Alpha = 2, Beta = 200, Min = 0, Max = 0.5 }, new BoundsAttribute(0, 1) { MinExclusive = true }),
            new PriorParameter("g", new DistributionSpec { Dist = DistributionKind.Gamma, Shape = 1e-3, Rate = 7e5 }),
            new PriorParameter("t", new DistributionSpec { Dist = DistributionKind.Triangular, Min = -1, Mode = 0, Max = 5e-324 }),
            new PriorParameter("l", new DistributionSpec { Dist = DistributionKind.Lognormal, Mu = -0.0, Sigma = double.Epsilon }),
            new PriorParameter("u", new DistributionSpec { Dist = DistributionKind.Uniform, Min = double.MinValue / 2, Max = double.MaxValue / 2 }),
        ]);
        var configuration = new AbcSmcConfiguration
        {
            Prior = prior, Particles = 7, Seed = ulong.MaxValue, ToleranceQuantile = 0.3, MinimumTolerance = Math.Sqrt(2), AcceptanceFloor = 1e-3,
            SimulationBudget = long.MaxValue - 1, MaxGenerations = int.MaxValue, KernelScale = Math.PI, Model = "한국 \"model\"\n\\ tab\t",
        };
        var random = new Random(7);
        double Bits()
        {
            double v;
            do v = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)); while (!double.IsFinite(v));
            return v;
        }
        double[] special = [-0.0, 0.0, double.Epsilon, -double.Epsilon, 1e-310, double.MaxValue, double.MinValue, 0.1, 1.0 / 3, Math.BitDecrement(1)];
        var particles = Enumerable.Range(0, 7).Select(i => new AbcParticle(
            [special[i], Bits(), Bits(), special[i + 3], Bits(), Bits()], Bits(), i == 0 ? double.PositiveInfinity : Bits(),
            [double.NaN, double.PositiveInfinity, double.NegativeInfinity, Bits(), special[i]], (ulong)random.NextInt64() * 3)).ToArray();
        var state = new AbcSmcState(configuration, new AbcPopulation(3, double.PositiveInfinity, particles),
            [new AbcGenerationStats(0, double.PositiveInfinity, 7, 9, 1, 7), new AbcGenerationStats(1, Bits(), long.MaxValue, long.MaxValue, Bits(), Bits())],
            long.MaxValue, long.MaxValue, new AbcStop(AbcStopReason.DegeneratePopulation, "é \"why\""));

        string text = AbcCheckpoint.Write(state);
        var back = AbcCheckpoint.Read(text, configuration);
        Assert.Equal(text, AbcCheckpoint.Write(back));
        for (int i = 0; i < particles.Length; i++)
        {
            Assert.Equal(Bits64(particles[i].Theta), Bits64(back.Population!.Particles[i].Theta));
            Assert.Equal(Bits64(particles[i].Summaries), Bits64(back.Population.Particles[i].Summaries));
            Assert.Equal(BitConverter.DoubleToInt64Bits(particles[i].Weight), BitConverter.DoubleToInt64Bits(back.Population.Particles[i].Weight));
            Assert.Equal(BitConverter.DoubleToInt64Bits(particles[i].Distance), BitConverter.DoubleToInt64Bits(back.Population.Particles[i].Distance));
            Assert.Equal(particles[i].SimulationSeed, back.Population.Particles[i].SimulationSeed);
        }
        Assert.Equal(state.History, back.History);
        Assert.Equal(state.Stop, back.Stop);
        Assert.Equal(configuration.Model, back.Configuration.Model);
        Assert.True(back.Configuration.Prior.Parameters[1].Bounds!.MinExclusive);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(back.Configuration.Prior.Parameters[4].Distribution.Mu!.Value));
        Assert.Equal(AbcCheckpoint.Fingerprint(configuration), AbcCheckpoint.Fingerprint(back.Configuration));
        // 10,000 more random doubles on their own: every one parses back to its bits.
        var many = Enumerable.Range(0, 10_000).Select(_ => Bits()).ToArray();
        var one = state with { Population = new AbcPopulation(0, 1, [new AbcParticle(many, 1, 0, [], 0)]) };
        Assert.Equal(Bits64(many), Bits64(AbcCheckpoint.Read(AbcCheckpoint.Write(one)).Population!.Particles[0].Theta));
        Assert.DoesNotContain("not stored", text, StringComparison.Ordinal);
    }

    private static long[] Bits64(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
