namespace BrainDrainSim.Model;

/// <summary>The unit of a scenario quantity, for documentation, the schema and error messages.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class UnitAttribute(string unit) : Attribute
{
    /// <summary>The unit as messages and the schema write it ("KRW per GPU", "per month").</summary>
    public string Unit { get; } = unit;
}
