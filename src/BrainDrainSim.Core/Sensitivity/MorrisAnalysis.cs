using MathNet.Numerics.Statistics;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// Elementary effects from the outputs of a <see cref="MorrisDesign"/>: each step of a trajectory gives the moved
/// factor one effect, (f after - f before) / (direction · Delta), a change of output per unit of the coordinate.
/// A quantity constant over the whole design gets the status "undefined: zero variance" and no numbers, as its
/// Sobol indices would; a factor the model does not read gets effects of exactly 0.
/// </summary>
public static class MorrisAnalysis
{
    /// <summary>mu, mu* and sigma per factor. <paramref name="outputs"/> holds the model's output for every row, in row order.</summary>
    public static MorrisResult Analyze(MorrisDesign design, ReadOnlySpan<double> outputs)
    {
        ArgumentNullException.ThrowIfNull(design);
        if (outputs.Length != design.RowCount)
        {
            throw new ArgumentException($"The design has {design.RowCount} rows but {outputs.Length} outputs were given.", nameof(outputs));
        }
        int f = design.Factors.FactorCount, r = design.TrajectoryCount;
        bool finite = true, varies = false;
        foreach (double y in outputs)
        {
            finite &= double.IsFinite(y);
            varies |= y != outputs[0];
        }
        var status = !finite ? IndexStatus.NonFiniteOutput : !varies ? IndexStatus.ZeroVariance : IndexStatus.Defined;
        if (status != IndexStatus.Defined)
        {
            return new MorrisResult(status, Enumerable.Range(0, f).Select(g => new MorrisFactorEffect(g, null, null, null)).ToArray());
        }

        var effects = new double[f][];
        for (int g = 0; g < f; g++) effects[g] = new double[r];
        for (int index = 0; index < design.RowCount; index++)
        {
            var row = design.Row(index);
            if (row.Step == 0) continue;
            effects[row.Factor][row.Trajectory] = (outputs[index] - outputs[index - 1]) / (row.Direction * MorrisDesign.Delta);
        }
        var factors = new MorrisFactorEffect[f];
        for (int g = 0; g < f; g++)
        {
            var e = effects[g];
            factors[g] = new MorrisFactorEffect(g, ArrayStatistics.Mean(e), ArrayStatistics.Mean(e.Select(Math.Abs).ToArray()),
                ArrayStatistics.StandardDeviation(e));
        }
        return new MorrisResult(IndexStatus.Defined, factors);
    }
}
