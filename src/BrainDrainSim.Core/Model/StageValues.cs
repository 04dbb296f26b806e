namespace BrainDrainSim.Model;

/// <summary>One value per career stage, each in [0, 1]: shares of the population or annual rates (the owning key says which).</summary>
public sealed record StageValues
{
    /// <summary>Graduate students.</summary>
    [Bounds(0, 1)] public double Student { get; init; }
    /// <summary>Early career.</summary>
    [Bounds(0, 1)] public double Early { get; init; }
    /// <summary>Mid career.</summary>
    [Bounds(0, 1)] public double Mid { get; init; }
    /// <summary>Senior.</summary>
    [Bounds(0, 1)] public double Senior { get; init; }

    /// <summary>The value of stage <paramref name="s"/>.</summary>
    public double this[Stage s] => s switch
    {
        Stage.Student => Student,
        Stage.Early => Early,
        Stage.Mid => Mid,
        _ => Senior,
    };

    /// <summary>The four values added (1 when they are shares).</summary>
    public double Sum => Student + Early + Mid + Senior;
}
