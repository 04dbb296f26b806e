using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// The pieces of the monthly sweep alone, over 10,000 researchers, to show where a step's time goes:
/// the fused month-draw pass (SplitMix64 words compared with thresholds: what the sweep runs for
/// everyone), the hazards (what it runs for researchers whose situation changed), and, for comparison,
/// Philox4x32-10 draws in chunks of 256 (the monthly draw before the month streams; still the setup's
/// generator). Agent-steps per invocation = 10,000.
/// </summary>
public class KernelBenchmarks
{
    public const int Researchers = 10_000;
    private readonly uint[] _lo = Enumerable.Range(0, Researchers).Select(i => (uint)i).ToArray();
    private readonly uint[] _hi = new uint[Researchers];
    private const int Chunk = 256;
    private readonly double[] _u0 = new double[Chunk], _u1 = new double[Chunk], _u2 = new double[Chunk];
    private readonly double[] _lambda = Enumerable.Repeat(0.01, Researchers).ToArray();
    private readonly double[] _x = Enumerable.Range(0, Researchers).Select(i => -3 + i * 1e-4).ToArray();
    private readonly double[] _p = new double[Chunk];
    private readonly StreamKey _key = StreamKey.FromSeed(42);
    private uint _month;
    private readonly ulong[] _seeds = Enumerable.Range(0, Researchers).Select(i => MonthStream.Seed(StreamKey.FromSeed(42), (uint)i, 0)).ToArray();
    // Reference-like thresholds: a hazard near 0.005, no exits or advancement.
    private readonly uint[] _hazard = Enumerable.Repeat(MonthStream.Threshold(0.005, MonthStream.DecisionBits), Researchers).ToArray();
    private readonly uint[] _zero = new uint[Researchers];

    [Benchmark]
    public int MonthDraws()
    {
        ulong advance = ++_month * MonthStream.Gamma;
        int fired = 0;
        for (int j = 0; j < Researchers; j += 64)
            fired += System.Numerics.BitOperations.PopCount(Events.Fired(_seeds, advance, _hazard, _zero, _zero, j, Math.Min(64, Researchers - j)));
        return fired;
    }

    [Benchmark]
    public double PhiloxDraws()
    {
        uint month = _month++;
        for (int start = 0; start < Researchers; start += Chunk)
        {
            int n = Math.Min(Chunk, Researchers - start);
            PhiloxBatch.Uniforms(_key, _lo.AsSpan(start, n), _hi.AsSpan(start, n), month, Purpose.Month,
                _u0.AsSpan(0, n), _u1.AsSpan(0, n), _u2.AsSpan(0, n));
        }
        return _u0[0];
    }

    [Benchmark]
    public double Hazards()
    {
        for (int start = 0; start < Researchers; start += Chunk)
        {
            int n = Math.Min(Chunk, Researchers - start);
            FastMath.Hazards(_lambda.AsSpan(start, n), _x.AsSpan(start, n), _p.AsSpan(0, n));
        }
        return _p[0];
    }
}
