namespace BrainDrainSim.Sensitivity;

/// <summary>One factor's first-order and total Sobol indices; both are absent when the quantity's status is not defined.</summary>
public sealed class FactorSobolIndices
{
    internal FactorSobolIndices(int factor, IndexEstimate? firstOrder, IndexEstimate? total)
    {
        Factor = factor;
        FirstOrder = firstOrder;
        Total = total;
    }

    /// <summary>The factor's index in the design (the chance factor is the last, when the design has one).</summary>
    public int Factor { get; }

    /// <summary>S_i: the share of the variance the factor explains alone (Saltelli et al. 2010).</summary>
    public IndexEstimate? FirstOrder { get; }

    /// <summary>ST_i: the share the factor has a part in, interactions included (Jansen 1999).</summary>
    public IndexEstimate? Total { get; }
}
