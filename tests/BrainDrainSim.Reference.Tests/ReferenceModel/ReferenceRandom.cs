using MathNet.Numerics.Random;

namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>
/// The reference model's random numbers: one sequential Xoshiro256** stream (MathNet.Numerics) per
/// replication, seeded from the master seed and the replication index. Deliberately nothing like the
/// engine's keyed counter-based draws: the reference is compared with the engine in distribution only,
/// so it needs independent, plain randomness, not common random numbers.
/// </summary>
internal sealed class ReferenceRandom
{
    private readonly Xoshiro256StarStar _source;

    public ReferenceRandom(ulong masterSeed, int replication)
    {
        // MathNet takes a 32-bit seed (and expands it itself); two different (seed, replication) pairs of
        // the tests map to different seeds because both enter through distinct odd multipliers.
        ulong mixed = unchecked(masterSeed * 6_364_136_223_846_793_005UL + (ulong)(replication + 1) * 1_442_695_040_888_963_407UL);
        _source = new Xoshiro256StarStar(unchecked((int)(mixed ^ (mixed >> 29) ^ (mixed >> 47))), threadSafe: false);
    }

    /// <summary>A uniform in [0, 1).</summary>
    public double Uniform() => _source.NextDouble();

    /// <summary>True with probability <paramref name="p"/> (p at or above 1 always, at or below 0 never).</summary>
    public bool Chance(double p) => Uniform() < p;

    /// <summary>A standard normal by the plain Box-Muller transform (one of the pair; the other is dropped for simplicity).</summary>
    public double Normal()
    {
        double u1 = 1.0 - Uniform(); // in (0, 1], so the logarithm is finite
        double u2 = Uniform();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A uniform integer in [0, n).</summary>
    public int Below(int n) => _source.Next(n);

    /// <summary>An index drawn with the given probabilities (they sum to 1 up to rounding; the last positive one takes the remainder).</summary>
    public int Pick(ReadOnlySpan<double> shares)
    {
        double u = Uniform(), cumulative = 0;
        int lastPositive = 0;
        for (int k = 0; k < shares.Length; k++)
        {
            if (shares[k] <= 0) continue;
            lastPositive = k;
            cumulative += shares[k];
            if (u < cumulative) return k;
        }
        return lastPositive;
    }
}
