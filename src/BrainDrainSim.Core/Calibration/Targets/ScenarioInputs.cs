using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// Recognises a scenario input written where a model output is wanted (<c>metric: visa.selection_rate</c>,
/// <c>metric: krw_per_usd</c>, <c>metric: selection_rate</c>), from the format's one description of its keys
/// (<see cref="ScenarioShape"/>), so that the message can say it is set in the scenario file rather than that it
/// is unknown.
/// </summary>
internal static class ScenarioInputs
{
    private static readonly Lazy<Dictionary<string, List<string>>> PathsOfKey = new(Build);

    /// <summary>
    /// The scenario paths <paramref name="text"/> names: itself when it is a key path of the scenario format (with
    /// indexes and share names as written: <c>levers[0].fee_usd</c>, <c>sectors[1].share</c>), every path ending in
    /// it when it is a bare key (<c>visa.selection_rate</c> and <c>levers[i].selection_rate</c> for
    /// <c>selection_rate</c>); empty when it names no input.
    /// </summary>
    public static IReadOnlyList<string> Named(string text)
    {
        if (IsPath(text)) return [text];
        return text.Contains('.') || text.Contains('[') || !PathsOfKey.Value.TryGetValue(text, out var paths) ? [] : paths;
    }

    private static bool IsPath(string text)
    {
        var parts = text.Split('.');
        IReadOnlyCollection<Type> types = [typeof(Scenario)];
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int bracket = part.IndexOf('[');
            string name = bracket < 0 ? part : part[..bracket];
            bool indexed = bracket >= 0;
            if (indexed && !IsIndexes(part[bracket..])) return false;
            bool last = i == parts.Length - 1;
            var key = types.Select(t => ScenarioShape.Key(t, name)).FirstOrDefault(k => k is not null);
            if (key is null) return false;
            switch (key.Kind)
            {
                case ValueKind.Uncertainty:
                    // The rest is the path of an uncertain quantity: an input all the same.
                    return !indexed;
                case ValueKind.RealMap:
                    // A share map names its members by the names the file gives them (sector_shares.academia).
                    return !indexed && i >= parts.Length - 2;
                case ValueKind.Levers:
                    if (!indexed) return last;
                    types = [.. ScenarioShape.LeverTypes.Values];
                    break;
                case ValueKind.List:
                    if (!indexed) return last;
                    types = [key.ValueType];
                    break;
                case ValueKind.Section:
                    if (indexed) return false;
                    types = [key.ValueType];
                    break;
                default:
                    return !indexed && last;
            }
        }
        return true;
    }

    /// <summary>One or more [n], as a list index is written.</summary>
    private static bool IsIndexes(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != '[') return false;
            int close = text.IndexOf(']', i);
            if (close <= i + 1 || text.AsSpan(i + 1, close - i - 1).ContainsAnyExceptInRange('0', '9')) return false;
            i = close + 1;
        }
        return i > 0;
    }

    private static Dictionary<string, List<string>> Build()
    {
        var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(typeof(Scenario), "", paths, depth: 0);
        return paths;
    }

    private static void Walk(Type type, string path, Dictionary<string, List<string>> paths, int depth)
    {
        if (depth > 8) return; // the records nest about four deep; this only guards against a cycle
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            string keyPath = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            if (!paths.TryGetValue(key.Name, out var list)) paths[key.Name] = list = [];
            if (!list.Contains(keyPath)) list.Add(keyPath);
            switch (key.Kind)
            {
                case ValueKind.Section:
                    Walk(key.ValueType, keyPath, paths, depth + 1);
                    break;
                case ValueKind.List:
                    Walk(key.ValueType, keyPath + "[i]", paths, depth + 1);
                    break;
                case ValueKind.Levers:
                    foreach (var lever in ScenarioShape.LeverTypeNames)
                        Walk(ScenarioShape.LeverTypes[lever], keyPath + "[i]", paths, depth + 1);
                    break;
            }
        }
    }
}
