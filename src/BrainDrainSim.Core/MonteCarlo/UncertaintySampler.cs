using System.Reflection;
using BrainDrainSim.Model;
using BrainDrainSim.Randomness;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// Draws a replication's uncertain quantities. Each is the inverse CDF of one uniform keyed by
/// (replication, path), so adding, removing or reordering other uncertain quantities leaves its draw
/// unchanged, and two scenarios run with one seed draw the same coefficients.
/// </summary>
public static class UncertaintySampler
{
    public static Scenario Apply(Scenario scenario, StreamKey key, out IReadOnlyList<KeyValuePair<string, double>> drawn)
    {
        var values = new List<KeyValuePair<string, double>>(scenario.Uncertainty.Length);
        var result = scenario;
        foreach (var u in scenario.Uncertainty)
        {
            ulong h = StreamKey.PathHash(u.Path);
            key.Uniforms((uint)h, (uint)(h >> 32), StreamKey.SetupMonth - 1, Purpose.Parameter, 0, out var p, out _, out _, out _);
            double v = InverseCdf(u.Distribution, p);
            // The loader admits a distribution only when its 1e-6 tails lie inside the bounds; the rare
            // draw beyond them is clamped so the engine never sees an invalid value.
            ScenarioPath.Check(scenario, u.Path, out var bounds);
            if (bounds is not null) v = Math.Clamp(v, bounds.Min, bounds.Max);
            result = ScenarioPath.With(result, u.Path, v);
            values.Add(new(u.Path, v));
        }
        drawn = values;
        return result;
    }

    /// <summary>The quantile function of the distribution at p in (0, 1) (MathNet.Numerics).</summary>
    public static double InverseCdf(DistributionSpec d, double p) => d.Dist!.Value switch
    {
        DistributionKind.Normal => Normal.InvCDF(d.Mean!.Value, d.Sd!.Value, p),
        DistributionKind.Lognormal => LogNormal.InvCDF(d.Mu!.Value, d.Sigma!.Value, p),
        DistributionKind.Uniform => ContinuousUniform.InvCDF(d.Min!.Value, d.Max!.Value, p),
        DistributionKind.Beta => (d.Min ?? 0) + ((d.Max ?? 1) - (d.Min ?? 0)) * Beta.InvCDF(d.Alpha!.Value, d.Beta!.Value, p),
        DistributionKind.Triangular => Triangular.InvCDF(d.Min!.Value, d.Max!.Value, d.Mode!.Value, p),
        DistributionKind.Gamma => Gamma.InvCDF(d.Shape!.Value, d.Rate!.Value, p),
        _ => throw new ArgumentOutOfRangeException(nameof(d), d.Dist, "unknown distribution"),
    };
}
