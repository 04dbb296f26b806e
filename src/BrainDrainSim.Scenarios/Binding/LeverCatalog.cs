using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// The lever types by their YAML <c>type</c> name, found from the Lever subclasses themselves so that a lever
/// added to the model needs no change here.
/// </summary>
internal static class LeverCatalog
{
    public static readonly IReadOnlyDictionary<string, Type> ByName =
        typeof(Lever).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Lever)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToDictionary(t => ((Lever)Activator.CreateInstance(t)!).Type, StringComparer.Ordinal);

    /// <summary>Type names in a fixed order for messages.</summary>
    public static readonly IReadOnlyList<string> Names = ByName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The lever types (other than <paramref name="except"/>) that have a key, to say where a stray key belongs.</summary>
    public static IEnumerable<string> TypesWithKey(string key, Type except) =>
        Names.Where(n => ByName[n] != except && ScenarioNames.KeysOf(ByName[n]).Any(k => k.Key == key));
}
