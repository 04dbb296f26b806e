using BenchmarkDotNet.Attributes;
using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Benchmarks;

/// <summary>
/// The engine's pieces alone, 10,000 at a time, to show where a replication's time goes: keyed Philox
/// draws in chunks of 256 (the setup's generator), the first waits of 10,000 researchers (one batched
/// call and three geometric waits each: what setup and entrants pay per researcher), and 10,000 candidate
/// decisions (one keyed call, the emigration utility with its log, the logistic: what a month pays per
/// event). Agent-steps per invocation = 10,000.
/// </summary>
public class KernelBenchmarks
{
    public const int Researchers = 10_000;
    private const int Months = 120;
    private readonly uint[] _lo = Enumerable.Range(0, Researchers).Select(i => (uint)i).ToArray();
    private readonly uint[] _hi = new uint[Researchers];
    private const int Chunk = 256;
    private readonly double[] _u0 = new double[Chunk], _u1 = new double[Chunk], _u2 = new double[Chunk];
    private readonly StreamKey _key = StreamKey.FromSeed(42);
    private readonly Coefficients _coefficients = new();
    private readonly Wait _decision = new(0.01), _exit = new(0.003), _advance = new(1.0 / 60);
    private uint _month;

    [Benchmark]
    public double PhiloxDraws()
    {
        uint month = _month++;
        for (int start = 0; start < Researchers; start += Chunk)
        {
            int n = Math.Min(Chunk, Researchers - start);
            PhiloxBatch.Uniforms(_key, _lo.AsSpan(start, n), _hi.AsSpan(start, n), month, Purpose.Waits,
                _u0.AsSpan(0, n), _u1.AsSpan(0, n), _u2.AsSpan(0, n));
        }
        return _u0[0];
    }

    [Benchmark]
    public int FirstWaits()
    {
        uint month = _month++;
        int due = 0;
        for (int start = 0; start < Researchers; start += Chunk)
        {
            int n = Math.Min(Chunk, Researchers - start);
            PhiloxBatch.Uniforms(_key, _lo.AsSpan(start, n), _hi.AsSpan(start, n), month, Purpose.Waits,
                _u0.AsSpan(0, n), _u1.AsSpan(0, n), _u2.AsSpan(0, n));
            for (int j = 0; j < n; j++)
                due += _decision.Due(_u0[j], 0, Months) + _exit.Due(_u1[j], 0, Months) + _advance.Due(_u2[j], 0, Months);
        }
        return due;
    }

    [Benchmark]
    public int CandidateDecisions()
    {
        uint month = _month++;
        int moves = 0;
        for (int i = 0; i < Researchers; i++)
        {
            _key.Uniforms((uint)i, 0, month, Purpose.Decision, 0, out var uAccept, out _, out _, out _);
            double dU = Utility.Emigration(_coefficients, 1.8e8 + i, 1e8, 0.9, -0.1, -1.2, i % 11, 10, 0.3, 1.5);
            if (uAccept < Utility.Logistic(dU)) moves++;
        }
        return moves;
    }
}
