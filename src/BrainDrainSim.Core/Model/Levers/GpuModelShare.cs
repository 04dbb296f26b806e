namespace BrainDrainSim.Model.Levers;

/// <summary>One GPU model in an import: its share of the units and its value in frontier H100-equivalents.</summary>
public sealed record GpuModelShare
{
    /// <summary>The GPU model's name (H100, H200, B200...), for reports.</summary>
    public string Model { get; init; } = "";
    /// <summary>Share of the imported units that are this model.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double Share { get; init; }
    /// <summary>Value of one unit in H100-equivalents at arrival.</summary>
    [Plausible(0.1, 20, Why = "a GPU model worth under 0.1 or over 20 H100s at arrival")]
    [Bounds(0, 1e4), Unit("H100e per unit")] public double H100ePerUnit { get; init; } = 1;
}
