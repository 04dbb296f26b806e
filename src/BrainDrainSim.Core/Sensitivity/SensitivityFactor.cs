using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Validation;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// One input of a sensitivity analysis and how a point of the unit cube becomes its value. A design gives each
/// factor <see cref="Columns"/> coordinates in (0, 1): an uncertain quantity takes the quantile of its
/// distribution (truncated to its valid range, exactly as a replication's draw:
/// <see cref="UncertaintySampler.Quantile"/>); a range given on the command line is uniform over it; a set of
/// shares with a Dirichlet is one grouped factor with a coordinate per share (normalised gamma quantiles, as
/// <see cref="UncertaintySampler.Dirichlet"/>), because its shares move together and Sobol indices assume
/// independent inputs. Chance, the replication seed, is a factor too, but of the design (<see cref="SaltelliDesign"/>),
/// not of the scenario: it has no coordinates, only the seed a row runs with.
/// </summary>
public sealed record SensitivityFactor
{
    /// <summary>The name of the chance factor (the replication seed) in tables and reports.</summary>
    public const string ChanceName = "chance";

    private SensitivityFactor(string name, FactorKind kind, string description)
    {
        Name = name;
        Kind = kind;
        Description = description;
    }

    /// <summary>The quantity's path (<c>coefficients.b_gpu</c>) or the share set's path.</summary>
    public string Name { get; }

    /// <summary>Where the factor's values come from.</summary>
    public FactorKind Kind { get; }

    /// <summary>The distribution or range in words, for the report (<c>triangular(0, 0.2, 0.8)</c>, <c>uniform 0.1..0.5</c>).</summary>
    public string Description { get; }

    /// <summary>Coordinates of a design row the factor takes: one, or one per share of a Dirichlet set.</summary>
    public int Columns => _shares?.Members.Count ?? 1;

    private DistributionSpec? _distribution;
    private BoundsAttribute? _bounds;
    private double _low, _high;
    private ShareGroup? _shares;

    /// <summary>An uncertain quantity of the scenario with its distribution (not a Dirichlet: see <see cref="SharesWith"/>).</summary>
    public static SensitivityFactor Uncertain(string path, DistributionSpec distribution, BoundsAttribute? bounds) =>
        new(path, FactorKind.Distribution, Describe(distribution)) { _distribution = distribution, _bounds = bounds };

    /// <summary>A quantity uniform on [<paramref name="low"/>, <paramref name="high"/>] (a <c>--factor PATH=LO..HI</c>).</summary>
    public static SensitivityFactor Range(string path, double low, double high) =>
        new(path, FactorKind.Range, $"uniform {N(low)}..{N(high)}") { _low = low, _high = high };

    /// <summary>A set of shares drawn from a Dirichlet: one grouped factor.</summary>
    public static SensitivityFactor SharesWith(ShareGroup shares, DistributionSpec dirichlet) =>
        new(shares.Path, FactorKind.Dirichlet, Describe(dirichlet)) { _shares = shares, _distribution = dirichlet };

    /// <summary>The scenario values at coordinates <paramref name="u"/> (<see cref="Columns"/> of them), as (path, value) pairs.</summary>
    public IEnumerable<(string Path, double Value)> Values(IReadOnlyList<double> u)
    {
        ArgumentNullException.ThrowIfNull(u);
        switch (Kind)
        {
            case FactorKind.Distribution:
                yield return (Name, UncertaintySampler.Quantile(_distribution!, _bounds, u[0]));
                break;
            case FactorKind.Range:
                // low + u (high - low) stays inside [low, high] for u in (0, 1), so a valid range gives valid values.
                yield return (Name, Math.Clamp(_low + u[0] * (_high - _low), _low, _high));
                break;
            case FactorKind.Dirichlet:
                var members = _shares!.Members;
                var concentration = _distribution!.Concentration!;
                var g = new double[members.Count];
                double sum = 0;
                for (int i = 0; i < g.Length; i++)
                {
                    g[i] = Gamma.InvCDF(concentration[members[i].Label], 1, u[i]);
                    sum += g[i];
                }
                for (int i = 0; i < g.Length; i++) yield return (members[i].Path, g[i] / sum);
                break;
        }
    }

    private static string N(double? v) => v is { } x ? Shown.Number(x) : "?";

    private static string Describe(DistributionSpec d) => d.Dist switch
    {
        DistributionKind.Normal => $"normal(mean {N(d.Mean)}, sd {N(d.Sd)})",
        DistributionKind.Lognormal => $"lognormal(mu {N(d.Mu)}, sigma {N(d.Sigma)})",
        DistributionKind.Uniform => $"uniform {N(d.Min)}..{N(d.Max)}",
        DistributionKind.Beta => $"beta({N(d.Alpha)}, {N(d.Beta)}) on {N(d.Min ?? 0)}..{N(d.Max ?? 1)}",
        DistributionKind.Triangular => $"triangular(min {N(d.Min)}, mode {N(d.Mode)}, max {N(d.Max)})",
        DistributionKind.Gamma => $"gamma(shape {N(d.Shape)}, rate {N(d.Rate)})",
        DistributionKind.Dirichlet => "dirichlet(" + string.Join(", ", d.Concentration!.Select(kv => $"{kv.Key} {N(kv.Value)}")) + ")",
        _ => d.Dist.ToString() ?? "",
    };
}

/// <summary>Where a sensitivity factor's values come from.</summary>
public enum FactorKind
{
    /// <summary>An entry of the scenario's <c>uncertainty:</c> block with one quantity.</summary>
    Distribution,
    /// <summary>A range given as <c>--factor PATH=LO..HI</c>, uniform over it.</summary>
    Range,
    /// <summary>A set of shares with a Dirichlet: one grouped factor.</summary>
    Dirichlet,
}
