using BrainDrainSim.Model;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// The outputs of a design's rows: for each row, the kept metrics' monthly series of the scenario and, for a
/// paired effect, of its baseline (indexed [row][metric][month] in <see cref="Metrics"/> order).
/// </summary>
public sealed class DesignResults(IReadOnlyList<string> metrics, double[][][] scenario, double[][][]? baseline, int months)
{
    /// <summary>The metrics kept, the cumulative policy cost among them.</summary>
    public IReadOnlyList<string> Metrics { get; } = metrics;

    /// <summary>The scenario's series by row, metric and month.</summary>
    public double[][][] Scenario { get; } = scenario;

    /// <summary>The baseline's series by row, metric and month, or null without a baseline.</summary>
    public double[][][]? Baseline { get; } = baseline;

    /// <summary>Months of every series.</summary>
    public int Months { get; } = months;

    /// <summary>Rows run.</summary>
    public int Rows => Scenario.Length;

    /// <summary>
    /// One number per row for <paramref name="quantity"/> in month <paramref name="month"/>: the metric itself, the
    /// paired effect (scenario minus baseline), the extra cumulative cost, or the net monetary benefit at a
    /// willingness to pay per researcher kept (effect x wtp - extra cost).
    /// </summary>
    public double[] Values(SensitivityQuantity quantity, int month)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        int m = IndexOf(quantity.Metric), cost = IndexOf(MetricCatalog.PolicyCostCumulative);
        var y = new double[Rows];
        for (int r = 0; r < Rows; r++)
        {
            y[r] = quantity.Kind switch
            {
                QuantityKind.Level => Scenario[r][m][month],
                QuantityKind.Effect => Scenario[r][m][month] - Paired(r)[m][month],
                QuantityKind.ExtraCost => Scenario[r][cost][month] - Paired(r)[cost][month],
                QuantityKind.NetBenefit => quantity.WillingnessToPay * (Scenario[r][m][month] - Paired(r)[m][month])
                    - (Scenario[r][cost][month] - Paired(r)[cost][month]),
                _ => throw new ArgumentOutOfRangeException(nameof(quantity)),
            };
        }
        return y;
    }

    private double[][] Paired(int row) =>
        (Baseline ?? throw new InvalidOperationException("a paired quantity needs a baseline"))[row];

    private int IndexOf(string metric)
    {
        for (int i = 0; i < Metrics.Count; i++) if (Metrics[i] == metric) return i;
        throw new ArgumentException($"metric '{metric}' was not kept", nameof(metric));
    }
}
