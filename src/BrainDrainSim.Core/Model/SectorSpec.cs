namespace BrainDrainSim.Model;

/// <summary>A home sector (academia, industry, public institutes...): its share of researchers, pay and compute.</summary>
public sealed record SectorSpec
{
    /// <summary>The sector's name, unique; levers name sectors by it.</summary>
    public string Name { get; init; } = "";

    /// <summary>Share of the initial population (home and abroad) and of entrants in this sector.</summary>
    [Plausible(0, 1)]
    [Bounds(0, 1)] public double Share { get; init; }

    /// <summary>Home pay in this sector relative to the stage's pay level.</summary>
    [Plausible(0.3, 3, Why = "a sector paying less than a third or more than three times the stage level")]
    [Bounds(0, 100, MinExclusive = true), Unit("ratio")] public double PayMultiplier { get; init; } = 1.0;

    /// <summary>Compute per researcher at home before any lever, constant in frontier units.</summary>
    [Plausible(0, 100, Why = "more than 100 H100e per researcher, beyond the frontier labs")]
    [Bounds(0, 1e6), Unit("H100e per researcher")] public double BaselineComputeH100e { get; init; }
}
