using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Core.Tests;

/// <summary>
/// Issue 9, items 2 and 3: uncertain quantities are drawn inside their bounds by the inverse CDF of the truncated
/// distribution (never clamped), and a set of shares is drawn whole from a Dirichlet. Both are checked against
/// answers known in closed form.
/// </summary>
public sealed class UncertaintySamplerTests
{
    private static readonly double[] Grid = [1e-9, 1e-6, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1 - 1e-6, 1 - 1e-9];

    [Theory]
    [InlineData(DistributionKind.Triangular, 0.0, 0.2, 0.8)]
    [InlineData(DistributionKind.Beta, 2.0, 5.0, 0.0)]
    [InlineData(DistributionKind.Normal, 0.2, 0.1, 0.0)]
    [InlineData(DistributionKind.Gamma, 2.0, 3.0, 0.0)]
    public void A_distribution_inside_the_bounds_is_drawn_bit_for_bit_as_before(DistributionKind kind, double a, double b, double c)
    {
        // The library's distributions lie wholly inside their bounds, so their draws (and outputs) did not change.
        var d = Spec(kind, a, b, c);
        var bounds = new BoundsAttribute(-50, 50);
        foreach (var p in Grid)
            Assert.Equal(BitConverter.DoubleToInt64Bits(UncertaintySampler.InverseCdf(d, p)), BitConverter.DoubleToInt64Bits(UncertaintySampler.Quantile(d, bounds, p)));
    }

    [Fact]
    public void A_distribution_reaching_past_a_bound_is_drawn_from_its_truncation_not_clamped()
    {
        // normal(0.95, 0.05) puts 16% of its mass above 1; truncated to [0, 1] the draws spread below 1 instead of
        // piling on it. Known answer: the truncated CDF G(x) = (F(x) - F(0)) / (F(1) - F(0)) inverts the quantile.
        var d = new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.95, Sd = 0.05 };
        var bounds = new BoundsAttribute(0, 1);
        double f0 = Normal.CDF(0.95, 0.05, 0), f1 = Normal.CDF(0.95, 0.05, 1);
        foreach (var p in Grid)
        {
            double x = UncertaintySampler.Quantile(d, bounds, p);
            Assert.InRange(x, 0, 1);
            Assert.Equal(p, (Normal.CDF(0.95, 0.05, x) - f0) / (f1 - f0), 1e-9);
        }
        Assert.True(UncertaintySampler.Quantile(d, bounds, 1 - 1e-9) < 1, "the top draw lies below the bound, not on it");
        // By hand: F(1) = Phi(1) = 0.8413, so p = 0.9 maps to Phi^-1(0.9 x 0.8413) = Phi^-1(0.7572) = 0.6974 sd,
        // x = 0.95 + 0.05 x 0.6974 = 0.9849. The old clamp put every p above 0.8413 on exactly 1.
        Assert.Equal(0.9849, UncertaintySampler.Quantile(d, bounds, 0.9), 4);
    }

    [Fact]
    public void An_excluded_lower_bound_is_never_drawn()
    {
        var d = new DistributionSpec { Dist = DistributionKind.Uniform, Min = -1, Max = 3 };
        var bounds = new BoundsAttribute(0, 100) { MinExclusive = true };
        foreach (var p in Grid) Assert.True(UncertaintySampler.Quantile(d, bounds, p) > 0);
        Assert.Equal(1.5, UncertaintySampler.Quantile(d, bounds, 0.5), 12);
    }

    /// <summary>
    /// Known answer: the shares of a Dirichlet(c) have means c_i / c0 and variances c_i (c0 - c_i) / (c0^2 (c0 + 1)),
    /// and share i alone is Beta(c_i, c0 - c_i). 20,000 draws, each from its own replication key as the engine
    /// makes them: means within 4 standard errors, variances within 5% (their standard error is about 1%), and the
    /// Kolmogorov-Smirnov distance of each share to its beta below 1.95 / sqrt(n) (the 0.1% critical value).
    /// </summary>
    [Fact]
    public void A_dirichlet_draws_shares_with_the_known_means_variances_and_beta_marginals()
    {
        const int n = 20_000;
        double[] c = [5, 3, 2];
        string[] sectors = ["academia", "industry", "institute"];
        var draws = Draw(c, sectors, n);
        double c0 = c.Sum();
        for (int i = 0; i < c.Length; i++)
        {
            var x = draws.Select(d => d[i]).ToArray();
            double mean = x.Average(), variance = x.Sum(v => (v - mean) * (v - mean)) / (n - 1);
            double trueMean = c[i] / c0, trueVariance = c[i] * (c0 - c[i]) / (c0 * c0 * (c0 + 1));
            Assert.True(Math.Abs(mean - trueMean) < 4 * Math.Sqrt(trueVariance / n), $"{sectors[i]}: mean {mean} vs {trueMean}");
            Assert.InRange(variance / trueVariance, 0.95, 1.05);
            var sorted = x.Order().ToArray();
            double ks = sorted.Select((v, k) => Math.Max(Math.Abs((k + 1.0) / n - Beta.CDF(c[i], c0 - c[i], v)), Math.Abs((double)k / n - Beta.CDF(c[i], c0 - c[i], v)))).Max();
            Assert.True(ks < 1.95 / Math.Sqrt(n), $"{sectors[i]}: KS distance {ks} to Beta({c[i]}, {c0 - c[i]})");
        }
        Assert.All(draws, d => Assert.Equal(1, d.Sum(), 12));
        // The means test can fail: the same draws against concentrations (5, 3, 3) miss academia's mean by over 20 standard errors.
        double wrongMean = 5.0 / 11, wrongVariance = 5.0 * 6 / (121 * 12);
        Assert.True(Math.Abs(draws.Average(d => d[0]) - wrongMean) > 20 * Math.Sqrt(wrongVariance / n));
    }

    [Fact]
    public void A_dirichlet_draw_keys_each_share_by_its_own_path_so_paired_scenarios_share_it()
    {
        var scenario = Scenario(["academia", "industry", "institute"]);
        var u = Dirichlet([5, 3, 2], ["academia", "industry", "institute"]);
        var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(7, 3));
        var first = UncertaintySampler.Dirichlet(scenario, u, key);
        // A scenario that differs elsewhere (a policy against its baseline) draws the same shares.
        var other = scenario with { Coefficients = scenario.Coefficients with { BGpu = 0.7 } };
        Assert.Equal(first, UncertaintySampler.Dirichlet(other, u, key));
        Assert.Equal(["levers[0].sector_shares.academia", "levers[0].sector_shares.industry", "levers[0].sector_shares.institute"], first.Select(s => s.Path));
        var drawn = UncertaintySampler.Apply(scenario with { Uncertainty = [u] }, key, out var values);
        Assert.Equal(first.Select(s => s.Share), ((GpuImport)drawn.Levers[0]).SectorShares!.Values);
        Assert.Equal(first.Select(s => s.Share), values.Select(v => v.Value));
    }

    private static List<double[]> Draw(double[] concentration, string[] sectors, int n)
    {
        var scenario = Scenario(sectors);
        var u = Dirichlet(concentration, sectors);
        return Enumerable.Range(0, n)
            .Select(r => UncertaintySampler.Dirichlet(scenario, u, StreamKey.FromSeed(StreamKey.ReplicationSeed(20251203, r))).Select(s => s.Share).ToArray())
            .ToList();
    }

    private static Scenario Scenario(string[] sectors) => TestScenarios.Small() with
    {
        Levers =
        [
            new GpuImport
            {
                At = new YearMonth(2026, 2), Count = 1000, UnitCostKrw = 146e6, RunningCostKrwPerGpuYear = 14.6e6,
                SectorShares = sectors.ToDictionary(s => s, _ => 1.0 / sectors.Length),
            },
        ],
    };

    private static UncertainParameter Dirichlet(double[] concentration, string[] sectors) => new("levers[0].sector_shares", new DistributionSpec
    {
        Dist = DistributionKind.Dirichlet,
        Concentration = sectors.Select((s, i) => (s, concentration[i])).ToDictionary(p => p.s, p => p.Item2),
    });

    private static DistributionSpec Spec(DistributionKind kind, double a, double b, double c) => kind switch
    {
        DistributionKind.Triangular => new DistributionSpec { Dist = kind, Min = a, Mode = b, Max = c },
        DistributionKind.Beta => new DistributionSpec { Dist = kind, Alpha = a, Beta = b },
        DistributionKind.Normal => new DistributionSpec { Dist = kind, Mean = a, Sd = b },
        _ => new DistributionSpec { Dist = kind, Shape = a, Rate = b },
    };
}
