using System.Text.Json.Nodes;
using BrainDrainSim.Model;

namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// The fields other than levers (and name and description) whose resolved values differ between two
/// scenarios, as scenario paths (<c>coefficients.b_gpu</c>, <c>uncertainty</c>): when any differ, a
/// comparison is not a pure policy contrast and the reader must be told.
/// </summary>
public static class ScenarioDifferences
{
    private static readonly HashSet<string> PolicyKeys = ["name", "description", "levers"];

    public static IReadOnlyList<string> NonLever(Scenario baseline, Scenario policy)
    {
        var a = Flatten(baseline);
        var b = Flatten(policy);
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, value) in a)
            if (!b.TryGetValue(path, out var other) || other != value) paths.Add(path);
        foreach (var path in b.Keys)
            if (!a.ContainsKey(path)) paths.Add(path);
        return [.. paths];
    }

    private static Dictionary<string, string> Flatten(Scenario scenario)
    {
        var root = JsonNode.Parse(ScenarioJson.ToJson(scenario))!.AsObject();
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in root)
            if (!PolicyKeys.Contains(key)) Walk(node, key, leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o) Walk(child, $"{path}.{key}", leaves);
                break;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++) Walk(arr[i], $"{path}[{i}]", leaves);
                break;
            default:
                leaves[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
