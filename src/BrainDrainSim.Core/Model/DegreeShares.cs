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

    /// <summary>The three shares added (1 in a valid scenario).</summary>
    public double Sum => Bachelor + Master + Phd;
}
