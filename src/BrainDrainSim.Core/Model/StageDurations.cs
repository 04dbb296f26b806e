namespace BrainDrainSim.Model;

/// <summary>Mean years spent in each stage that advances (seniors stay seniors).</summary>
public sealed record StageDurations
{
    /// <summary>Graduate students.</summary>
    [Bounds(0, 200, MinExclusive = true), Unit("years")] public double Student { get; init; }
    /// <summary>Early career.</summary>
    [Bounds(0, 200, MinExclusive = true), Unit("years")] public double Early { get; init; }
    /// <summary>Mid career.</summary>
    [Bounds(0, 200, MinExclusive = true), Unit("years")] public double Mid { get; init; }

    /// <summary>The mean years in stage <paramref name="s"/>; infinite for seniors, who do not advance.</summary>
    public double this[Stage s] => s switch
    {
        Stage.Student => Student,
        Stage.Early => Early,
        Stage.Mid => Mid,
        _ => double.PositiveInfinity,
    };
}
