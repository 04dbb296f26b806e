using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// The pieces of the monthly sweep alone, over 10,000 researchers in the engine's chunks of 256 (so the
/// outputs stay in the L1 cache, as in the sweep), to show where a step's time goes: the counter-based
/// draws and the hazards. Agent-steps per invocation = 10,000.
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
