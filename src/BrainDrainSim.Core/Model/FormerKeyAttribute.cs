namespace BrainDrainSim.Model;

/// <summary>
/// The name a key had in an earlier version of the scenario format. A file that still uses it gets an error at
/// that key naming the new one, rather than a generic "unknown key".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FormerKeyAttribute(string name, string hint) : Attribute
{
    /// <summary>The old key.</summary>
    public string Name { get; } = name;

    /// <summary>What changed besides the name (for example the unit), for the message.</summary>
    public string Hint { get; } = hint;
}
