namespace BrainDrainSim.Model.Levers;

/// <summary>One GPU model in an import: its share of the units and its value in frontier H100-equivalents.</summary>
public sealed record GpuModelShare
{
    public string Model { get; init; } = "";
    [Bounds(0, 1)] public double Share { get; init; }
    [Bounds(0, 1e4), Unit("H100e per unit")] public double H100ePerUnit { get; init; } = 1;
}
