using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Randomness;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// Draws a replication's uncertain quantities. Each is the inverse CDF of one uniform keyed by
/// (replication, path), so adding, removing or reordering other uncertain quantities leaves its draw
/// unchanged, and two scenarios run with one seed draw the same coefficients. A quantity is drawn from its
/// distribution truncated to the quantity's valid range, so no draw needs clamping. A set of shares with a
/// Dirichlet is drawn as normalised gammas, one keyed uniform per share (keyed by the share's own path). A
/// posterior (<see cref="Scenario.Posterior"/>) is drawn whole: one uniform keyed by the reserved path "posterior"
/// picks a row by weight and every path of the row takes its value, so the fitted quantities keep their
/// correlations and two scenarios run with one seed draw the same row.
/// </summary>
public static class UncertaintySampler
{
    /// <summary>
    /// The scenario with every uncertain quantity replaced by its draw; <paramref name="drawn"/> lists them by path
    /// (a posterior's columns first, then <see cref="PosteriorSample.RowKey"/> with the drawn row, counted from 0).
    /// </summary>
    public static Scenario Apply(Scenario scenario, StreamKey key, out IReadOnlyList<KeyValuePair<string, double>> drawn)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var values = new List<KeyValuePair<string, double>>(scenario.Uncertainty.Length);
        var result = scenario;
        if (scenario.Posterior is { } posterior)
        {
            int row = posterior.Pick(Uniform(key, PosteriorSample.Key));
            for (int c = 0; c < posterior.Paths.Count; c++)
            {
                string path = posterior.Paths[c];
                result = ScenarioPath.With(result, path, posterior.Rows[row][c]);
                // A count is set to the nearest whole number: the value recorded is the one the run used.
                values.Add(new(path, ScenarioPath.Get(result, path)));
            }
            values.Add(new(PosteriorSample.RowKey, row));
        }
        foreach (var u in scenario.Uncertainty)
        {
            if (u.Distribution.Dist == DistributionKind.Dirichlet)
            {
                foreach (var (path, share) in Dirichlet(scenario, u, key))
                {
                    result = ScenarioPath.With(result, path, share);
                    values.Add(new(path, share));
                }
                continue;
            }
            ScenarioPath.Check(scenario, u.Path, out var bounds);
            double v = Quantile(u.Distribution, bounds, Uniform(key, u.Path));
            result = ScenarioPath.With(result, u.Path, v);
            // A count is set to the nearest whole number: the value recorded is the one the run used.
            values.Add(new(u.Path, ScenarioPath.Get(result, u.Path)));
        }
        drawn = values;
        return result;
    }

    /// <summary>
    /// The quantile at p of the distribution truncated to the bounds: F^-1(F(lo) + p (F(hi) - F(lo))). When the
    /// distribution lies wholly inside the bounds (F(lo) = 0 and F(hi) = 1 in double precision) this is exactly
    /// F^-1(p), bit for bit. The validator admits a distribution only when its 1e-6 tails lie inside the bounds,
    /// so the truncation moves a draw by at most that much probability.
    /// </summary>
    public static double Quantile(DistributionSpec d, BoundsAttribute? bounds, double p)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (bounds is null) return InverseCdf(d, p);
        double lo = Cdf(d, bounds.Min), hi = Cdf(d, bounds.Max);
        if (lo == 0 && hi == 1) return InverseCdf(d, p);
        double v = InverseCdf(d, lo + p * (hi - lo));
        // lo < q < hi maps inside the bounds; only rounding in the quantile function could step past one.
        if (v > bounds.Max) return bounds.Max;
        if (v < bounds.Min || (bounds.MinExclusive && v <= bounds.Min)) return bounds.MinExclusive ? Math.BitIncrement(bounds.Min) : bounds.Min;
        return v;
    }

    /// <summary>The quantile function of the distribution at p in (0, 1) (MathNet.Numerics).</summary>
    public static double InverseCdf(DistributionSpec d, double p)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.Dist!.Value switch
        {
            DistributionKind.Normal => Normal.InvCDF(d.Mean!.Value, d.Sd!.Value, p),
            DistributionKind.Lognormal => LogNormal.InvCDF(d.Mu!.Value, d.Sigma!.Value, p),
            DistributionKind.Uniform => ContinuousUniform.InvCDF(d.Min!.Value, d.Max!.Value, p),
            DistributionKind.Beta => (d.Min ?? 0) + ((d.Max ?? 1) - (d.Min ?? 0)) * Beta.InvCDF(d.Alpha!.Value, d.Beta!.Value, p),
            DistributionKind.Triangular => Triangular.InvCDF(d.Min!.Value, d.Max!.Value, d.Mode!.Value, p),
            DistributionKind.Gamma => Gamma.InvCDF(d.Shape!.Value, d.Rate!.Value, p),
            _ => throw new ArgumentOutOfRangeException(nameof(d), d.Dist, "a distribution of one quantity"),
        };
    }

    /// <summary>The cumulative distribution function at x (MathNet.Numerics).</summary>
    public static double Cdf(DistributionSpec d, double x)
    {
        ArgumentNullException.ThrowIfNull(d);
        switch (d.Dist!.Value)
        {
            case DistributionKind.Normal: return Normal.CDF(d.Mean!.Value, d.Sd!.Value, x);
            case DistributionKind.Lognormal: return x <= 0 ? 0 : LogNormal.CDF(d.Mu!.Value, d.Sigma!.Value, x);
            case DistributionKind.Uniform: return Math.Clamp((x - d.Min!.Value) / (d.Max!.Value - d.Min.Value), 0, 1);
            case DistributionKind.Beta:
                double min = d.Min ?? 0, max = d.Max ?? 1;
                return Beta.CDF(d.Alpha!.Value, d.Beta!.Value, Math.Clamp((x - min) / (max - min), 0, 1));
            case DistributionKind.Triangular:
                return x <= d.Min!.Value ? 0 : x >= d.Max!.Value ? 1 : Triangular.CDF(d.Min.Value, d.Max.Value, d.Mode!.Value, x);
            case DistributionKind.Gamma: return x <= 0 ? 0 : Gamma.CDF(d.Shape!.Value, d.Rate!.Value, x);
            default: throw new ArgumentOutOfRangeException(nameof(d), d.Dist, "a distribution of one quantity");
        }
    }

    /// <summary>
    /// A Dirichlet draw over the set of shares at the entry's path: gamma(c_i, 1) by the inverse CDF of the
    /// share's own keyed uniform, divided by their sum. Each share's uniform is keyed by its own path, as a lone
    /// quantity's would be, so two scenarios with the same set draw the same shares.
    /// </summary>
    public static IReadOnlyList<(string Path, double Share)> Dirichlet(Scenario scenario, UncertainParameter u, StreamKey key)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(u);
        var group = ShareGroups.At(scenario, u.Path) ?? throw new ArgumentException($"'{u.Path}' is not a set of shares", nameof(u));
        var concentration = u.Distribution.Concentration!;
        var g = new double[group.Members.Count];
        double sum = 0;
        for (int i = 0; i < g.Length; i++)
        {
            var m = group.Members[i];
            g[i] = Gamma.InvCDF(concentration[m.Label], 1, Uniform(key, m.Path));
            sum += g[i];
        }
        // Concentrations of at least 0.1 and uniforms of at least 2^-33 keep every gamma draw above about 1e-100.
        return group.Members.Select((m, i) => (m.Path, g[i] / sum)).ToArray();
    }

    /// <summary>The keyed uniform of the quantity at <paramref name="path"/> (an ABC prior draws its parameters with it too).</summary>
    internal static double Uniform(StreamKey key, string path)
    {
        ulong h = StreamKey.PathHash(path);
        key.Uniforms((uint)h, (uint)(h >> 32), StreamKey.SetupMonth - 1, Purpose.Parameter, 0, out var p, out _, out _, out _);
        return p;
    }
}
