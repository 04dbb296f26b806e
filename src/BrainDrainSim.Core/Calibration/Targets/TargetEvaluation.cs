namespace BrainDrainSim.Calibration.Targets;

/// <summary>A target set on one run: every target's outcome, fitted or not, and the distance over the fitted ones.</summary>
public sealed class TargetEvaluation
{
    internal TargetEvaluation(IReadOnlyList<TargetOutcome> outcomes, double distance, int fitCount)
    {
        Outcomes = outcomes;
        Distance = distance;
        FitCount = fitCount;
    }

    /// <summary>Every target's outcome, in the set's order.</summary>
    public IReadOnlyList<TargetOutcome> Outcomes { get; }

    /// <summary>
    /// sqrt(sum over fit targets of their terms); positive infinity when a fit target's quantity is undefined on
    /// the run (see <see cref="Undefined"/>).
    /// </summary>
    public double Distance { get; }

    /// <summary>The number of fit targets, K.</summary>
    public int FitCount { get; }

    /// <summary>The targets whose quantity the run leaves undefined (fitted ones make the distance infinite; the rest are only reported).</summary>
    public IReadOnlyList<TargetOutcome> Undefined => Outcomes.Where(o => o.IsUndefined).ToArray();
}
