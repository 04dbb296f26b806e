using BrainDrainSim.Model;
using BrainDrainSim.Scenarios.Binding;

namespace BrainDrainSim.Scenarios.Source;

/// <summary>
/// Lays a child scenario over its base (<c>extends</c>) at the node level, before binding, so that every
/// value keeps the file and mark it came from. Maps merge key by key and scalars replace; the child's
/// <c>levers</c> follow the base's (a policy adds to the baseline); <c>uncertainty</c> merges by path, each
/// path's distribution replaced whole (mixing the parameters of two distributions would make neither);
/// any other list replaces whole (a list of sectors is one design, not a set of edits).
/// </summary>
internal static class SourceMerger
{
    /// <summary>Root keys that belong to one file only and are never inherited.</summary>
    private static readonly string[] FileOwnKeys = [ScenarioKeys.Of(nameof(Scenario.Name)), ScenarioKeys.Extends];
    private static readonly string Levers = ScenarioKeys.Of(nameof(Scenario.Levers));
    private static readonly string Uncertainty = ScenarioKeys.Of(nameof(Scenario.Uncertainty));

    public static SourceMapping MergeRoot(SourceMapping baseRoot, SourceMapping child)
    {
        var merged = new List<KeyValuePair<SourceScalar, SourceNode>>(
            baseRoot.Entries.Where(e => !FileOwnKeys.Contains(e.Key.Value, StringComparer.Ordinal)));
        foreach (var (key, value) in child.Entries)
        {
            if (key.Value == ScenarioKeys.Extends) continue;
            var under = baseRoot[key.Value];
            SourceNode result = (under, value) switch
            {
                (SourceSequence b, SourceSequence c) when key.Value == Levers => new SourceSequence(c.File, c.Line, c.Column, [.. b.Items, .. c.Items]),
                (SourceMapping b, SourceMapping c) when key.Value == Uncertainty => new SourceMapping(c.File, c.Line, c.Column, [.. b.Entries, .. c.Entries]),
                (SourceMapping b, SourceMapping c) => MergeMaps(b, c),
                _ => value,
            };
            merged.Add(new(key, result));
        }
        return new SourceMapping(child.File, child.Line, child.Column, merged);
    }

    private static SourceMapping MergeMaps(SourceMapping baseMap, SourceMapping child)
    {
        var merged = new List<KeyValuePair<SourceScalar, SourceNode>>(baseMap.Entries);
        foreach (var (key, value) in child.Entries)
            merged.Add(new(key, baseMap[key.Value] is SourceMapping b && value is SourceMapping c ? MergeMaps(b, c) : value));
        // SourceMapping keeps the first position of a key and the last value, so base order is kept.
        return new SourceMapping(child.File, child.Line, child.Column, merged);
    }
}
