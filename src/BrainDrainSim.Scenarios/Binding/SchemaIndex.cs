using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// Where each key lives in the scenario's sections, so that a key written in the wrong section can be
/// pointed to the right one ("it is a key of careers") instead of being merely unknown.
/// </summary>
internal static class SchemaIndex
{
    private static readonly Lazy<Dictionary<string, List<string>>> Owners = new(Build);

    /// <summary>The sections that have the key, as a reader would name them ("careers", "each entry of sectors").</summary>
    public static IReadOnlyList<string> OwnersOf(string key) =>
        Owners.Value.TryGetValue(key, out var owners) ? owners : [];

    private static Dictionary<string, List<string>> Build()
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(typeof(Scenario), "", "the top level", owners, depth: 0);
        return owners;
    }

    private static void Walk(Type type, string path, string label, Dictionary<string, List<string>> owners, int depth)
    {
        if (depth > 8) return; // the records nest about four deep; this only guards against a cycle
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            if (!owners.TryGetValue(key.Name, out var list)) owners[key.Name] = list = [];
            if (!list.Contains(label)) list.Add(label);
            string childPath = SourceTreeReader.Join(path, key.Name);
            // Levers have their own hint (the lever types that have the key); uncertainty keys are paths.
            if (key.Kind == ValueKind.List)
                Walk(key.ValueType, childPath + "[]", $"each entry of {childPath}", owners, depth + 1);
            else if (key.Kind == ValueKind.Section)
                Walk(key.ValueType, childPath, childPath, owners, depth + 1);
        }
    }
}
