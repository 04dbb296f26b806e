namespace BrainDrainSim.Sensitivity;

/// <summary>A Sobol analysis on the engine: the problem, the design, every row's outputs and the indices by quantity and month.</summary>
public sealed class SobolSensitivity(SensitivityProblem problem, SaltelliDesign design, DesignResults results, IReadOnlyList<SobolIndices> indices)
{
    /// <summary>What was varied.</summary>
    public SensitivityProblem Problem { get; } = problem;

    /// <summary>The Saltelli design (its last factor is chance).</summary>
    public SaltelliDesign Design { get; } = design;

    /// <summary>The rows' series.</summary>
    public DesignResults Results { get; } = results;

    /// <summary>The indices of each quantity at each month analysed.</summary>
    public IReadOnlyList<SobolIndices> Indices { get; } = indices;

    /// <summary>The factors' names in the design's order: the problem's, then chance.</summary>
    public IReadOnlyList<string> FactorNames => [.. Problem.Factors.Select(f => f.Name), SensitivityFactor.ChanceName];
}

/// <summary>One quantity's Sobol indices at one month, with the spread of the quantity over the design.</summary>
/// <param name="Quantity">The quantity.</param>
/// <param name="Month">The month index (0-based; the horizon is months - 1).</param>
/// <param name="Result">The indices, or the reason there are none.</param>
/// <param name="Output">Mean, sd and range of the quantity over the design's rows.</param>
public sealed record SobolIndices(SensitivityQuantity Quantity, int Month, SobolResult Result, OutputMoments Output);

/// <summary>The mean, standard deviation and range of a quantity over a design's rows.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Sd">The standard deviation (n - 1).</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
public readonly record struct OutputMoments(double Mean, double Sd, double Min, double Max);
