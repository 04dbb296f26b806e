using System.Collections.Concurrent;
using System.Reflection;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Model.Shape;

/// <summary>
/// The one description of the scenario format's keys, walked by reflection once per record type: each key's
/// name, what it holds, its bounds, unit, plausible range and former name. The YAML binder, the JSON Schema,
/// path addressing (<c>levers[0].count</c>), the validator and the manifest's JSON writer all read it, so a key
/// added to a record is known to all of them at once and spelt the same everywhere.
/// </summary>
public static class ScenarioShape
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ScenarioKey>> Cache = new();
    private static readonly Lock NullabilityLock = new();
    // Not thread-safe: used under NullabilityLock.
    private static readonly NullabilityInfoContext Nullability = new();

    private static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>The keys of a record type, in declaration order with a base record's keys (a lever's at, until) first.</summary>
    public static IReadOnlyList<ScenarioKey> KeysOf(Type record) => Cache.GetOrAdd(record, Describe);

    /// <summary>The key of the record type with this name, or null.</summary>
    public static ScenarioKey? Key(Type record, string name)
    {
        foreach (var k in KeysOf(record))
            if (k.Name == name) return k;
        return null;
    }

    /// <summary>The lever types by their YAML <c>type</c> name, found from the Lever subclasses themselves.</summary>
    public static IReadOnlyDictionary<string, Type> LeverTypes { get; } =
        typeof(Lever).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Lever)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToDictionary(t => ((Lever)Activator.CreateInstance(t)!).Type, StringComparer.Ordinal);

    /// <summary>The lever type names in a fixed (ordinal) order, for messages and the schema.</summary>
    public static IReadOnlyList<string> LeverTypeNames { get; } = LeverTypes.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>True for a type the format treats as a record of keys (a section or a list entry).</summary>
    public static bool IsRecord(Type t) =>
        t.IsClass && t != typeof(string) && !t.IsArray && t.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>A shallow copy of a record, init-only properties included (the way <c>with</c> copies).</summary>
    public static object Clone(object record) => MemberwiseCloneMethod.Invoke(record, null)!;

    private static IReadOnlyList<ScenarioKey> Describe(Type record)
    {
        var properties = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            // A reserved key of another key's block (the posterior) is that block's to bind, describe and write.
            .Where(p => p.GetCustomAttribute<InBlockAttribute>() is null)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken);
        var keys = new List<ScenarioKey>();
        foreach (var p in properties)
        {
            var (kind, valueType) = Classify(p.PropertyType, p);
            keys.Add(new ScenarioKey(ScenarioNames.ToSnake(p.Name), p, kind, valueType, IsOptional(p)));
        }
        return keys;
    }

    private static (ValueKind Kind, Type ValueType) Classify(Type type, PropertyInfo property)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(double)) return (ValueKind.Real, inner);
        if (inner == typeof(int)) return (ValueKind.Whole, inner);
        if (inner == typeof(bool)) return (ValueKind.Switch, inner);
        if (inner == typeof(string)) return (ValueKind.Text, inner);
        if (inner == typeof(YearMonth)) return (ValueKind.Month, inner);
        if (inner.IsEnum) return (ValueKind.Choice, inner);
        if (inner == typeof(Lever[])) return (ValueKind.Levers, typeof(Lever));
        if (inner == typeof(UncertainParameter[])) return (ValueKind.Uncertainty, typeof(UncertainParameter));
        if (inner == typeof(IReadOnlyDictionary<string, double>)) return (ValueKind.RealMap, typeof(double));
        if (inner.IsArray && IsRecord(inner.GetElementType()!)) return (ValueKind.List, inner.GetElementType()!);
        if (IsRecord(inner)) return (ValueKind.Section, inner);
        // Only a new kind of member in the model gets here: fail loudly so the format is taught it.
        throw new InvalidOperationException($"the scenario format cannot describe {property.DeclaringType?.Name}.{property.Name} of type {inner.Name}");
    }

    private static bool IsOptional(PropertyInfo p)
    {
        // Null stands for "not given" (an error the validator reports), but a file may not write it empty.
        // The compiler puts [DisallowNull] on the setter's value parameter.
        if (p.SetMethod?.GetParameters()[0].GetCustomAttribute<System.Diagnostics.CodeAnalysis.DisallowNullAttribute>() is not null) return false;
        if (Nullable.GetUnderlyingType(p.PropertyType) is not null) return true;
        if (p.PropertyType.IsValueType) return false;
        lock (NullabilityLock) return Nullability.Create(p).WriteState == NullabilityState.Nullable;
    }

    private static int Depth(Type t)
    {
        int d = 0;
        for (var b = t.BaseType; b is not null; b = b.BaseType) d++;
        return d;
    }
}
