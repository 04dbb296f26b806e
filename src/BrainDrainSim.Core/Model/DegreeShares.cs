namespace BrainDrainSim.Model;

/// <summary>Shares of bachelor's, master's and PhD holders; they sum to 1.</summary>
public sealed record DegreeShares
{
    /// <summary>Share with a bachelor's degree.</summary>
    [Bounds(0, 1)] public double Bachelor { get; init; }
    /// <summary>Share with a master's degree.</summary>
    [Bounds(0, 1)] public double Master { get; init; }
    /// <summary>Share with a PhD.</summary>
    [Bounds(0, 1)] public double Phd { get; init; }

    public double Sum => Bachelor + Master + Phd;
}
