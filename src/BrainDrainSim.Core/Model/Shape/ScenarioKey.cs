using System.Reflection;

namespace BrainDrainSim.Model.Shape;

/// <summary>
/// One key of a scenario record as the file spells it (<c>unit_cost_krw</c>), with everything the loader, the
/// schema, path addressing, the validator and the JSON writer need to know about it, read from the record's
/// property and its attributes once.
/// </summary>
public sealed class ScenarioKey
{
    internal ScenarioKey(string name, PropertyInfo property, ValueKind kind, Type valueType, bool optional)
    {
        Name = name;
        Property = property;
        Kind = kind;
        ValueType = valueType;
        Optional = optional;
        Bounds = property.GetCustomAttribute<BoundsAttribute>();
        Plausible = property.GetCustomAttribute<PlausibleAttribute>();
        Unit = property.GetCustomAttribute<UnitAttribute>()?.Unit;
        FormerName = property.GetCustomAttribute<FormerKeyAttribute>()?.Name;
        Shares = property.GetCustomAttribute<SharesOfOneAttribute>();
    }

    /// <summary>The key in snake_case, as written in scenario files and paths.</summary>
    public string Name { get; }

    /// <summary>The record property behind the key.</summary>
    public PropertyInfo Property { get; }

    /// <summary>What the key holds.</summary>
    public ValueKind Kind { get; }

    /// <summary>
    /// The type of the value with any <see cref="Nullable{T}"/> removed; for <see cref="ValueKind.List"/> the type
    /// of an entry, for <see cref="ValueKind.RealMap"/> <c>double</c>.
    /// </summary>
    public Type ValueType { get; }

    /// <summary>True when the key may be written empty (null): an optional override or filter. A key whose null means "not given" yet may not be written empty carries [DisallowNull].</summary>
    public bool Optional { get; }

    /// <summary>The valid range of a number (of each entry, for a map), or null.</summary>
    public BoundsAttribute? Bounds { get; }

    /// <summary>The range inside which a value is believable; outside it a warning is given, not an error.</summary>
    public PlausibleAttribute? Plausible { get; }

    /// <summary>The unit, for messages and the schema, or null.</summary>
    public string? Unit { get; }

    /// <summary>The key's name in earlier versions of the format, which now gets an error naming this one.</summary>
    public string? FormerName { get; }

    /// <summary>Set when the key's value is a set of shares of one whole (they sum to 1).</summary>
    public SharesOfOneAttribute? Shares { get; }

    /// <summary>The key's value in a record of its owner type.</summary>
    public object? Get(object record) => Property.GetValue(record);

    /// <summary>A copy of the record with this key set to the value; the record itself is never changed.</summary>
    public object With(object record, object? value)
    {
        var copy = ScenarioShape.Clone(record);
        Property.SetValue(copy, value);
        return copy;
    }

    /// <summary>The key and its kind, for debugging ("unit_cost_krw (Real)").</summary>
    public override string ToString() => $"{Name} ({Kind})";
}
