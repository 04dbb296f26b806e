using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// The pieces of the monthly sweep alone, over 10,000 researchers, to show where a step's time goes:
/// the counter-based draws and the hazards (the rest of the sweep is gathering each researcher's terms
/// and finding the few whose draw fires). Agent-steps per invocation = 10,000.
/// </summary>
public class KernelBenchmarks
{
    public const int Researchers = 10_000;
    private readonly uint[] _lo = Enumerable.Range(0, Researchers).Select(i => (uint)i).ToArray();
    private readonly uint[] _hi = new uint[Researchers];
    private readonly double[] _u0 = new double[Researchers], _u1 = new double[Researchers], _u2 = new double[Researchers];
    private readonly double[] _lambda = Enumerable.Repeat(0.01, Researchers).ToArray();
    private readonly double[] _x = Enumerable.Range(0, Researchers).Select(i => -3 + i * 1e-4).ToArray();
    private readonly double[] _p = new double[Researchers];
    private readonly StreamKey _key = StreamKey.FromSeed(42);
    private uint _month;

    [Benchmark]
    public double PhiloxDraws()
    {
        PhiloxBatch.Uniforms(_key, _lo, _hi, _month++, Purpose.Month, _u0, _u1, _u2);
        return _u0[0];
    }

    [Benchmark]
    public double Hazards()
    {
        FastMath.Hazards(_lambda, _x, _p);
        return _p[0];
    }
}
