namespace BrainDrainSim.Model;

/// <summary>
/// Pay level per working stage (per year). Students have none of their own: their wage term compares
/// early-career pay at home and abroad (expected earnings), as model.md has it.
/// </summary>
public sealed record CareerPay
{
    /// <summary>Early-career pay level (graduate students compare at this level too).</summary>
    [Bounds(0, 1e12, MinExclusive = true)] public double Early { get; init; }
    /// <summary>Mid-career pay level.</summary>
    [Bounds(0, 1e12, MinExclusive = true)] public double Mid { get; init; }
    /// <summary>Senior pay level.</summary>
    [Bounds(0, 1e12, MinExclusive = true)] public double Senior { get; init; }

    /// <summary>The level a researcher of this stage is paid or compares against (students: early career).</summary>
    public double For(Stage s) => s switch
    {
        Stage.Student or Stage.Early => Early,
        Stage.Mid => Mid,
        _ => Senior,
    };
}
