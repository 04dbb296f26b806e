namespace BrainDrainSim.Sensitivity;

/// <summary>The second-order Sobol index S_jk of two factors (Saltelli 2002): their interaction's share alone.</summary>
public sealed class SecondOrderIndex
{
    internal SecondOrderIndex(int first, int second, IndexEstimate? value)
    {
        First = first;
        Second = second;
        Value = value;
    }

    /// <summary>The lower-numbered factor j.</summary>
    public int First { get; }

    /// <summary>The higher-numbered factor k.</summary>
    public int Second { get; }

    /// <summary>S_jk, absent when the quantity's status is not defined.</summary>
    public IndexEstimate? Value { get; }
}
