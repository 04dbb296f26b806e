namespace BrainDrainSim.Model;

/// <summary>
/// Marks a property that a scenario file writes as a reserved key inside another key's block (the posterior is
/// <c>uncertainty.posterior</c>), not as a key of its own record: the format's description
/// (<see cref="Shape.ScenarioShape"/>) leaves it out, and the block's binder, schema and JSON writer handle it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InBlockAttribute(string block) : Attribute
{
    /// <summary>The property of the same record whose block holds the key (<c>Uncertainty</c>).</summary>
    public string Block { get; } = block;
}
