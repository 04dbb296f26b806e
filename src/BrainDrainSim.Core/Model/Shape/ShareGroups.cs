using System.Collections;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Model.Shape;

/// <summary>Finds the sets of shares of one whole in a scenario (<see cref="SharesOfOneAttribute"/>), by walking its keys.</summary>
public static class ShareGroups
{
    /// <summary>
    /// Every share group of the scenario, in the order of its keys. <paramref name="leverIndex"/> maps a lever's
    /// position in <see cref="Scenario.Levers"/> to the index its paths use (the loader's, when a lever of the
    /// file could not be read); by default they are the same.
    /// </summary>
    public static IReadOnlyList<ShareGroup> In(Scenario scenario, Func<int, int>? leverIndex = null)
    {
        var groups = new List<ShareGroup>();
        Walk(scenario, typeof(Scenario), "", leverIndex ?? (i => i), groups);
        return groups;
    }

    /// <summary>The group one of whose members is at the path, or null when the path is no share of a group.</summary>
    public static ShareGroup? Containing(Scenario scenario, string memberPath) =>
        In(scenario).FirstOrDefault(g => g.Member(memberPath) is not null);

    /// <summary>The group whose whole is at the path, or null.</summary>
    public static ShareGroup? At(Scenario scenario, string path) => In(scenario).FirstOrDefault(g => g.Path == path);

    private static void Walk(object record, Type type, string path, Func<int, int> leverIndex, List<ShareGroup> into)
    {
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            var value = key.Get(record);
            if (value is null) continue;
            string p = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            if (key.Shares is { } shares) into.Add(Group(key, shares, value, p));
            switch (key.Kind)
            {
                case ValueKind.Section:
                    Walk(value, key.ValueType, p, leverIndex, into);
                    break;
                case ValueKind.List:
                    int i = 0;
                    foreach (var item in (IEnumerable)value)
                    {
                        if (item is not null) Walk(item, key.ValueType, $"{p}[{i}]", leverIndex, into);
                        i++;
                    }
                    break;
                case ValueKind.Levers:
                    var levers = (Lever[])value;
                    for (int j = 0; j < levers.Length; j++) Walk(levers[j], levers[j].GetType(), $"{p}[{leverIndex(j)}]", leverIndex, into);
                    break;
            }
        }
    }

    private static ShareGroup Group(ScenarioKey key, SharesOfOneAttribute shares, object value, string path)
    {
        var members = new List<ShareMember>();
        switch (key.Kind)
        {
            case ValueKind.Section:
                foreach (var k in ScenarioShape.KeysOf(key.ValueType))
                    if (k.Kind == ValueKind.Real && k.Get(value) is double d) members.Add(new ShareMember(k.Name, $"{path}.{k.Name}", d));
                break;
            case ValueKind.RealMap:
                foreach (var (name, d) in (IReadOnlyDictionary<string, double>)value) members.Add(new ShareMember(name, Validation.Shown.Join(path, name), d));
                break;
            case ValueKind.List:
                var member = ScenarioShape.KeysOf(key.ValueType).First(k => k.Property.Name == shares.Member);
                var label = ScenarioShape.KeysOf(key.ValueType).First(k => k.Property.Name == shares.Label);
                int i = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item is not null)
                        members.Add(new ShareMember(label.Get(item) as string ?? "", $"{path}[{i}].{member.Name}", (double)member.Get(item)!));
                    i++;
                }
                break;
            default:
                throw new InvalidOperationException($"{key.Property.DeclaringType?.Name}.{key.Property.Name} is marked as shares but holds {key.Kind}");
        }
        return new ShareGroup(path, shares.What, key.Kind, members);
    }
}
