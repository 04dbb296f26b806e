using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Randomness;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Core.Tests.Calibration;

/// <summary>
/// The ABC prior: each marginal is the scenario format's distribution truncated to its bounds, drawn as the
/// uncertainty block draws it and with the density of the same truncated distribution, so the weights of ABC-SMC
/// (prior density over kernel density) refer to the distribution the particles of generation 0 come from.
/// </summary>
public sealed class AbcPriorTests
{
    public static TheoryData<string, double, double> Cases() => new()
    {
        // (case, lower bound, upper bound); NaN for no bounds.
        { "normal", double.NaN, double.NaN },
        { "normal", 0.2, 0.9 },
        { "lognormal", double.NaN, double.NaN },
        { "lognormal", 0, 2 },
        { "uniform", double.NaN, double.NaN },
        { "uniform", -0.5, 0.25 },
        { "beta", double.NaN, double.NaN },
        { "beta-rescaled", 0, 3 },
        { "beta-u-shaped", double.NaN, double.NaN },
        { "triangular", double.NaN, double.NaN },
        { "triangular", 0.3, 10 },
        { "gamma", double.NaN, double.NaN },
        { "gamma", 0.5, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_density_integrates_to_one_over_the_truncated_support(string name, double lo, double hi)
    {
        var p = Parameter(name, lo, hi);
        var (a, b) = Support(p);
        // Double-exponential quadrature copes with the beta's infinite density at its ends; 1e-6 is far below any
        // error that would matter to a weight and far above the quadrature's own error on these smooth densities.
        double integral = Integrate.DoubleExponential(x => Math.Exp(p.LogDensity(x)), a, b);
        Assert.Equal(1, integral, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_density_is_MathNets_divided_by_the_mass_inside_the_bounds(string name, double lo, double hi)
    {
        var p = Parameter(name, lo, hi);
        var (a, b) = Support(p);
        // The mass inside the bounds from MathNet's CDFs directly, not through the sampler's.
        double mass = p.Bounds is null ? 1 : MathNetCdf(p.Distribution, b) - MathNetCdf(p.Distribution, a);
        foreach (double t in new[] { 0.01, 0.2, 0.5, 0.77, 0.99 })
        {
            double x = a + t * (b - a);
            Assert.Equal(Math.Log(MathNetPdf(p.Distribution, x) / mass), p.LogDensity(x), 1e-12);
        }
    }

    [Fact]
    public void The_density_is_zero_outside_the_support_and_the_bounds()
    {
        var bounded = Parameter("normal", 0.2, 0.9);
        Assert.Equal(double.NegativeInfinity, bounded.LogDensity(0.19999));
        Assert.Equal(double.NegativeInfinity, bounded.LogDensity(0.90001));
        Assert.True(double.IsFinite(bounded.LogDensity(0.2)) && double.IsFinite(bounded.LogDensity(0.9)), "the bounds are inclusive");
        var excluded = new PriorParameter("x", Spec("uniform"), new BoundsAttribute(0, 0.5) { MinExclusive = true });
        Assert.Equal(double.NegativeInfinity, excluded.LogDensity(0));
        Assert.Equal(Math.Log(2), excluded.LogDensity(double.Epsilon), 12);
        Assert.Equal(double.NegativeInfinity, Parameter("gamma", double.NaN, double.NaN).LogDensity(0));
        Assert.Equal(double.NegativeInfinity, Parameter("lognormal", double.NaN, double.NaN).LogDensity(-1));
        Assert.Equal(double.NegativeInfinity, Parameter("beta-u-shaped", double.NaN, double.NaN).LogDensity(0));
        Assert.Equal(double.NegativeInfinity, Parameter("triangular", double.NaN, double.NaN).LogDensity(-0.1));
        Assert.Equal(double.NegativeInfinity, Parameter("normal", double.NaN, double.NaN).LogDensity(double.NaN));
        var prior = new AbcPrior([Parameter("normal", double.NaN, double.NaN), excluded]);
        Assert.Equal(double.NegativeInfinity, prior.LogDensity([0.5, 0.75]));
        Assert.Equal(prior.Parameters[0].LogDensity(0.5) + Math.Log(2), prior.LogDensity([0.5, 0.25]), 12);
    }

    /// <summary>
    /// 20,000 draws, each under its own key: the Kolmogorov-Smirnov distance of their empirical CDF to the truncated
    /// CDF (MathNet's, renormalised in the test) must be below 1.95 / sqrt(n), the 0.1% critical value.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Draws_follow_the_truncated_distribution(string name, double lo, double hi)
    {
        const int n = 20_000;
        var p = Parameter(name, lo, hi);
        var prior = new AbcPrior([p]);
        var (a, b) = Support(p);
        double fa = p.Bounds is null ? 0 : MathNetCdf(p.Distribution, a), fb = p.Bounds is null ? 1 : MathNetCdf(p.Distribution, b);
        var draws = new double[n];
        var theta = new double[1];
        for (int i = 0; i < n; i++)
        {
            prior.Sample(StreamKey.FromSeed(StreamKey.ReplicationSeed(2024, i)), theta);
            draws[i] = theta[0];
            Assert.True(double.IsFinite(p.LogDensity(theta[0])), $"draw {theta[0]} has zero density");
        }
        Array.Sort(draws);
        double ks = 0;
        for (int i = 0; i < n; i++)
        {
            double f = (MathNetCdf(p.Distribution, draws[i]) - fa) / (fb - fa);
            ks = Math.Max(ks, Math.Max(Math.Abs(f - (double)i / n), Math.Abs(f - (i + 1.0) / n)));
        }
        Assert.True(ks < 1.95 / Math.Sqrt(n), $"KS distance {ks}");
        // And the quantile function is the sampler's: the median draw sits at the truncated median.
        Assert.Equal(p.Quantile(0.5), draws[n / 2], (b - a) * 0.02);
    }

    [Fact]
    public void A_prior_draw_is_the_value_the_scenarios_uncertainty_block_draws_under_the_same_key()
    {
        var scenario = TestScenarios.Small() with
        {
            Uncertainty =
            [
                new UncertainParameter("coefficients.b_wage", new DistributionSpec { Dist = DistributionKind.Triangular, Min = 0.3, Mode = 1, Max = 2 }),
                new UncertainParameter("coefficients.lambda_out", new DistributionSpec { Dist = DistributionKind.Beta, Alpha = 2, Beta = 200 }),
                new UncertainParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.2, Sd = 0.1 }),
            ],
        };
        var prior = AbcPrior.FromUncertainty(scenario);
        Assert.Equal(["coefficients.b_wage", "coefficients.lambda_out", "coefficients.b_gpu"], prior.Parameters.Select(p => p.Name));
        Assert.Equal(1, prior.Parameters[1].Bounds!.Max);
        var theta = new double[3];
        for (int r = 0; r < 50; r++)
        {
            var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(99, r));
            UncertaintySampler.Apply(scenario, key, out var drawn);
            prior.Sample(key, theta);
            Assert.Equal(drawn.Select(d => BitConverter.DoubleToInt64Bits(d.Value)), theta.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void A_dirichlet_or_an_incomplete_distribution_is_refused()
    {
        var dirichlet = new DistributionSpec { Dist = DistributionKind.Dirichlet, Concentration = new Dictionary<string, double> { ["a"] = 1, ["b"] = 2 } };
        var e = Assert.Throws<ArgumentException>(() => new PriorParameter("sector_shares", dirichlet));
        Assert.Contains("set of shares", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs 'sd'", Assert.Throws<ArgumentException>(() => new PriorParameter("x", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("'mean' is not a parameter of a gamma", Assert.Throws<ArgumentException>(() =>
            new PriorParameter("x", new DistributionSpec { Dist = DistributionKind.Gamma, Shape = 2, Rate = 1, Mean = 3 })).Message, StringComparison.Ordinal);
        Assert.Contains("no probability", Assert.Throws<ArgumentException>(() =>
            new PriorParameter("x", Spec("uniform"), new BoundsAttribute(2, 3))).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() =>
            new AbcPrior([new PriorParameter("x", Spec("normal")), new PriorParameter("x", Spec("gamma"))])).Message, StringComparison.Ordinal);
        var scenario = TestScenarios.Small() with { Uncertainty = [new UncertainParameter("sectors", dirichlet)] };
        Assert.Throws<ArgumentException>(() => AbcPrior.FromUncertainty(scenario));
    }

    private static DistributionSpec Spec(string name) => name switch
    {
        "normal" => new() { Dist = DistributionKind.Normal, Mean = 0.5, Sd = 0.3 },
        "lognormal" => new() { Dist = DistributionKind.Lognormal, Mu = 0, Sigma = 0.5 },
        "uniform" => new() { Dist = DistributionKind.Uniform, Min = -1, Max = 1 },
        "beta" => new() { Dist = DistributionKind.Beta, Alpha = 2, Beta = 5 },
        "beta-rescaled" => new() { Dist = DistributionKind.Beta, Alpha = 3, Beta = 1.5, Min = -2, Max = 4 },
        "beta-u-shaped" => new() { Dist = DistributionKind.Beta, Alpha = 0.5, Beta = 0.5 },
        "triangular" => new() { Dist = DistributionKind.Triangular, Min = 0, Mode = 1, Max = 4 },
        "gamma" => new() { Dist = DistributionKind.Gamma, Shape = 2, Rate = 3 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static PriorParameter Parameter(string name, double lo, double hi) =>
        new(name, Spec(name), double.IsNaN(lo) ? null : new BoundsAttribute(lo, hi));

    // Where the density lives: the bounds, or the distribution's support (12 sd or so from the mean for an infinite one).
    private static (double Lo, double Hi) Support(PriorParameter p)
    {
        var d = p.Distribution;
        (double lo, double hi) = d.Dist switch
        {
            DistributionKind.Normal => (d.Mean!.Value - 9 * d.Sd!.Value, d.Mean.Value + 9 * d.Sd.Value),
            DistributionKind.Lognormal => (0, Math.Exp(d.Mu!.Value + 9 * d.Sigma!.Value)),
            DistributionKind.Gamma => (0, (d.Shape!.Value + 12 * Math.Sqrt(d.Shape.Value)) / d.Rate!.Value),
            DistributionKind.Beta => (d.Min ?? 0, d.Max ?? 1),
            _ => (d.Min!.Value, d.Max!.Value),
        };
        return p.Bounds is null ? (lo, hi) : (Math.Max(lo, p.Bounds.Min), Math.Min(hi, p.Bounds.Max));
    }

    private static double MathNetPdf(DistributionSpec d, double x) => d.Dist switch
    {
        DistributionKind.Normal => Normal.PDF(d.Mean!.Value, d.Sd!.Value, x),
        DistributionKind.Lognormal => LogNormal.PDF(d.Mu!.Value, d.Sigma!.Value, x),
        DistributionKind.Uniform => ContinuousUniform.PDF(d.Min!.Value, d.Max!.Value, x),
        DistributionKind.Beta => Beta.PDF(d.Alpha!.Value, d.Beta!.Value, (x - (d.Min ?? 0)) / ((d.Max ?? 1) - (d.Min ?? 0))) / ((d.Max ?? 1) - (d.Min ?? 0)),
        DistributionKind.Triangular => Triangular.PDF(d.Min!.Value, d.Max!.Value, d.Mode!.Value, x),
        DistributionKind.Gamma => Gamma.PDF(d.Shape!.Value, d.Rate!.Value, x),
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };

    private static double MathNetCdf(DistributionSpec d, double x) => d.Dist switch
    {
        DistributionKind.Normal => Normal.CDF(d.Mean!.Value, d.Sd!.Value, x),
        DistributionKind.Lognormal => x <= 0 ? 0 : LogNormal.CDF(d.Mu!.Value, d.Sigma!.Value, x),
        DistributionKind.Uniform => ContinuousUniform.CDF(d.Min!.Value, d.Max!.Value, x),
        DistributionKind.Beta => Beta.CDF(d.Alpha!.Value, d.Beta!.Value, Math.Clamp((x - (d.Min ?? 0)) / ((d.Max ?? 1) - (d.Min ?? 0)), 0, 1)),
        DistributionKind.Triangular => Triangular.CDF(d.Min!.Value, d.Max!.Value, d.Mode!.Value, x),
        DistributionKind.Gamma => x <= 0 ? 0 : Gamma.CDF(d.Shape!.Value, d.Rate!.Value, x),
        _ => throw new ArgumentOutOfRangeException(nameof(d)),
    };
}
