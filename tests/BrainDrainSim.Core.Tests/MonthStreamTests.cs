using BrainDrainSim.Engine;
using BrainDrainSim.Randomness;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Core.Tests;

/// <summary>The monthly draw: SplitMix64 as published, the vector kernel as the scalar code, and words that look uniform and independent.</summary>
public class MonthStreamTests
{
    [Fact]
    public void Month_words_are_the_published_splitmix64_outputs()
    {
        // Vigna's reference splitmix64.c, seed 1477776061723855037: the first outputs, as listed in the
        // test "reference" of rand_xoshiro (github.com/rust-random/rngs, rand_xoshiro/src/splitmix64.rs).
        ulong[] published =
        [
            1985237415132408290, 2979275885539914483, 13511426838097143398, 8488337342461049707,
            15141737807933549159, 17093170987380407015, 16389528042912955399, 13177319091862933652,
        ];
        for (int t = 0; t < published.Length; t++)
            Assert.Equal(published[t], MonthStream.Word(1477776061723855037, t));
    }

    [Fact]
    public void Batched_seeds_are_the_scalar_seeds()
    {
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(5, 3));
        const int n = 1000; // chunks of 256, blocks of 32 and 8, and a scalar tail
        var lo = Enumerable.Range(0, n).Select(i => (uint)(i * 2654435761u)).ToArray();
        var hi = Enumerable.Range(0, n).Select(i => (uint)(i % 7)).ToArray();
        var seeds = new ulong[n];
        MonthStream.Seeds(key, lo, hi, seeds);
        for (int i = 0; i < n; i++) Assert.Equal(MonthStream.Seed(key, lo[i], hi[i]), seeds[i]);
    }

    [Fact]
    public void The_vector_kernel_fires_exactly_where_the_scalar_fields_do()
    {
        var rng = new Random(3);
        const int n = 1000;
        var seeds = Enumerable.Range(0, n).Select(_ => (ulong)rng.NextInt64() ^ (ulong)rng.Next() << 63).ToArray();
        // Thresholds high enough that each of the three events fires often, and some zero and full.
        uint Pick(int bits) => rng.Next(10) switch { 0 => 0u, 1 => 1u << bits, _ => (uint)rng.Next(1 << (bits - 3)) };
        var decision = Enumerable.Range(0, n).Select(_ => Pick(MonthStream.DecisionBits)).ToArray();
        var exit = Enumerable.Range(0, n).Select(_ => Pick(MonthStream.LifeBits)).ToArray();
        var advance = Enumerable.Range(0, n).Select(_ => Pick(MonthStream.LifeBits)).ToArray();
        int fired = 0;
        foreach (int month in new[] { 0, 1, 59, 1199 })
        {
            ulong step = (ulong)(month + 1) * MonthStream.Gamma;
            foreach (int width in new[] { 64, 63, 9, 8, 7, 1 }) // whole vectors and every kind of tail
                for (int start = 0; start + width <= n; start += width)
                {
                    ulong mask = Events.Fired(seeds, step, decision, exit, advance, start, width);
                    for (int j = 0; j < width; j++)
                    {
                        int i = start + j;
                        ulong w = MonthStream.Word(seeds[i], month);
                        bool want = MonthStream.Decision(w) < decision[i] || MonthStream.Exit(w) < exit[i] || MonthStream.Advance(w) < advance[i];
                        Assert.Equal(want, (mask >> j & 1) != 0);
                        if (want) fired++;
                    }
                    Assert.Equal(0UL, width == 64 ? 0 : mask >> width);
                }
        }
        Assert.True(fired > 1000, "the check saw events fire");
    }

    [Theory]
    [InlineData(MonthStream.DecisionBits)]
    [InlineData(MonthStream.LifeBits)]
    public void A_threshold_is_the_probability_to_the_nearest_step(int bits)
    {
        double step = 1.0 / (1UL << bits);
        Assert.Equal(0u, MonthStream.Threshold(0, bits));
        Assert.Equal(0u, MonthStream.Threshold(double.NaN, bits));
        Assert.Equal(0u, MonthStream.Threshold(-1, bits));
        Assert.Equal(1u << bits, MonthStream.Threshold(1, bits));
        Assert.Equal(1u << bits, MonthStream.Threshold(7, bits));
        var rng = new Random(bits);
        for (int k = 0; k < 100_000; k++)
        {
            double p = k % 2 == 0 ? rng.NextDouble() : rng.NextDouble() * 1e-3;
            double got = MonthStream.Threshold(p, bits) * step;
            Assert.True(Math.Abs(got - p) <= step / 2, $"p = {p}: fires with probability {got}");
        }
    }

    /// <summary>
    /// 4,000 researchers' streams (seeded as the engine seeds them) over 300 months: each field's top 8
    /// bits fall evenly into 256 bins (chi-square, 255 degrees of freedom), and the decision field is
    /// uncorrelated with the same researcher's next month, with the next researcher's same month and with
    /// the exit field of its own word. Each check's bound is the 1 - 1e-6 quantile of its statistic under
    /// independence, so a correct generator fails one of these seven checks with probability below 1e-5,
    /// while a stream with a repeated or shifted sequence or a field reused twice fails them by far.
    /// </summary>
    [Fact]
    public void Month_words_are_uniform_and_independent()
    {
        const int researchers = 4000, months = 300;
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(20261128, 0));
        var seeds = Enumerable.Range(0, researchers).Select(i => MonthStream.Seed(key, (uint)i, 0)).ToArray();
        var bins = new long[3, 256];
        var d = new double[researchers, months];
        var e = new double[researchers, months];
        for (int i = 0; i < researchers; i++)
            for (int t = 0; t < months; t++)
            {
                ulong w = MonthStream.Word(seeds[i], t);
                uint dec = MonthStream.Decision(w), ex = MonthStream.Exit(w), adv = MonthStream.Advance(w);
                bins[0, dec >> 16]++;
                bins[1, ex >> 12]++;
                bins[2, adv >> 12]++;
                d[i, t] = (dec + 0.5) / (1 << 24);
                e[i, t] = (ex + 0.5) / (1 << 20);
            }
        double n = (double)researchers * months, expected = n / 256;
        double chiBound = ChiSquared.InvCDF(255, 1 - 1e-6);
        for (int f = 0; f < 3; f++)
        {
            double chi = 0;
            for (int b = 0; b < 256; b++) chi += (bins[f, b] - expected) * (bins[f, b] - expected) / expected;
            Assert.True(chi < chiBound, $"field {f}: chi-square {chi:F1} over 255 df, bound {chiBound:F1}");
        }
        // Under independence a correlation over m pairs is about Normal(0, 1/m); |z| < 4.9 is the two-sided 1e-6 bound.
        double Z(Func<int, int, (double, double)> pair, int iEnd, int tEnd)
        {
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            long m = 0;
            for (int i = 0; i < iEnd; i++)
                for (int t = 0; t < tEnd; t++)
                {
                    var (x, y) = pair(i, t);
                    sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; m++;
                }
            double r = (sxy / m - sx / m * (sy / m)) / Math.Sqrt((sxx / m - sx / m * (sx / m)) * (syy / m - sy / m * (sy / m)));
            return r * Math.Sqrt(m);
        }
        double nextMonth = Z((i, t) => (d[i, t], d[i, t + 1]), researchers, months - 1);
        double nextResearcher = Z((i, t) => (d[i, t], d[i + 1, t]), researchers - 1, months);
        double ownExit = Z((i, t) => (d[i, t], e[i, t]), researchers, months);
        double firstMonths = Z((i, t) => (d[i, 0], d[i, 1]), researchers, 1); // the early months' words of nearby seeds
        Assert.True(Math.Abs(nextMonth) < 4.9, $"decision vs next month: z = {nextMonth:F2}");
        Assert.True(Math.Abs(nextResearcher) < 4.9, $"decision vs next researcher: z = {nextResearcher:F2}");
        Assert.True(Math.Abs(ownExit) < 4.9, $"decision vs own exit field: z = {ownExit:F2}");
        Assert.True(Math.Abs(firstMonths) < 4.9, $"month 0 vs month 1: z = {firstMonths:F2}");
    }
}
