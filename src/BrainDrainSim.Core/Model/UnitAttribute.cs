namespace BrainDrainSim.Model;

/// <summary>The unit of a scenario quantity, for documentation, the schema and error messages.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnitAttribute(string unit) : Attribute
{
    public string Unit { get; } = unit;
}
