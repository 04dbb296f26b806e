namespace BrainDrainSim.Sensitivity;

/// <summary>A Morris screening on the engine: the problem, the design, every row's outputs and the effects by quantity and month.</summary>
public sealed class MorrisSensitivity(SensitivityProblem problem, MorrisDesign design, DesignResults results, IReadOnlyList<MorrisEffects> effects)
{
    /// <summary>What was varied.</summary>
    public SensitivityProblem Problem { get; } = problem;

    /// <summary>The trajectories.</summary>
    public MorrisDesign Design { get; } = design;

    /// <summary>The rows' series.</summary>
    public DesignResults Results { get; } = results;

    /// <summary>The elementary effects of each quantity at each month analysed.</summary>
    public IReadOnlyList<MorrisEffects> Effects { get; } = effects;

    /// <summary>The factors' names in the design's order.</summary>
    public IReadOnlyList<string> FactorNames => [.. Problem.Factors.Select(f => f.Name)];
}

/// <summary>One quantity's Morris effects at one month, with the spread of the quantity over the design.</summary>
/// <param name="Quantity">The quantity.</param>
/// <param name="Month">The month index (0-based).</param>
/// <param name="Result">mu, mu* and sigma per factor, or the reason there are none.</param>
/// <param name="Output">Mean, sd and range of the quantity over the design's rows.</param>
public sealed record MorrisEffects(SensitivityQuantity Quantity, int Month, MorrisResult Result, OutputMoments Output);
