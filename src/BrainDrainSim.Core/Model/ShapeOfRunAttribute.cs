namespace BrainDrainSim.Model;

/// <summary>
/// Marks a whole-numbered key that fixes the shape of a run (its months, its agents per person): it is one value
/// for a whole ensemble, so it cannot be drawn, swept or fitted by path the way the model's counts can.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ShapeOfRunAttribute(string why) : Attribute
{
    /// <summary>Why the key is one value per ensemble, for the message that refuses a path to it.</summary>
    public string Why { get; } = why;
}
