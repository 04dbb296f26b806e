namespace BrainDrainSim.Sensitivity;

/// <summary>The Sobol indices of one output quantity over a Saltelli design.</summary>
public sealed class SobolResult
{
    internal SobolResult(IndexStatus status, double? variance, IReadOnlyList<FactorSobolIndices> factors,
        IReadOnlyList<SecondOrderIndex> secondOrder, int resamples, int usableResamples)
    {
        Status = status;
        Variance = variance;
        Factors = factors;
        SecondOrder = secondOrder;
        Resamples = resamples;
        UsableResamples = usableResamples;
    }

    /// <summary>Whether the indices exist; when not, every estimate below is absent.</summary>
    public IndexStatus Status { get; }

    /// <summary>The variance of the quantity over A's and B's rows together (the indices' denominator); absent unless defined.</summary>
    public double? Variance { get; }

    /// <summary>One entry per factor of the design, in order.</summary>
    public IReadOnlyList<FactorSobolIndices> Factors { get; }

    /// <summary>One entry per pair j &lt; k, in the order (0,1), (0,2) .. (1,2) ..; empty without second order.</summary>
    public IReadOnlyList<SecondOrderIndex> SecondOrder { get; }

    /// <summary>The bootstrap resamples drawn.</summary>
    public int Resamples { get; }

    /// <summary>
    /// The resamples the intervals rest on: those whose base rows had a variance. A quantity constant on most base
    /// points can draw resamples without one; they are left out rather than counted as any value.
    /// </summary>
    public int UsableResamples { get; }
}
