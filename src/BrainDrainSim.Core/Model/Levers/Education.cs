namespace BrainDrainSim.Model.Levers;

/// <summary>Multiplies graduates per year and optionally sets the degree mix students graduate with.</summary>
public sealed record Education : Lever
{
    public override string Type => "education";

    /// <summary>Multiplies careers.annual_graduates (the entrants per year) while active.</summary>
    [Bounds(0, 100), Unit("ratio")] public double GraduatesMultiplier { get; init; } = 1;

    /// <summary>Replaces careers.graduation_degrees while active, if given.</summary>
    [SharesOfOne] public DegreeShares? GraduationDegrees { get; init; }

    /// <summary>Cost to the home budget of each entrant above the baseline number.</summary>
    [Bounds(0, 1e12), Unit("KRW per extra graduate")] public double CostKrwPerExtraGraduate { get; init; }
}
