using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Scenarios.Binding;
using BrainDrainSim.Scenarios.Source;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Scenarios.Targets;

/// <summary>
/// Binds a targets file's node tree onto the target records by their one description
/// (<see cref="ScenarioShape"/>, as the scenario binder does), so that the file's keys are exactly the records'
/// properties. A value that cannot be bound is reported and left unset, and binding goes on to find the file's
/// other errors; what was bound where is kept to place the validator's findings.
/// </summary>
internal sealed class TargetBinder(ErrorList errors)
{
    private static readonly Lazy<Dictionary<string, List<string>>> Owners = new(BuildOwners);

    private SourceMapping root = null!;

    /// <summary>The value node bound at each key path (<c>targets[1].quantity.at</c>).</summary>
    public Dictionary<string, SourceNode> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The key node of each key path, where an error about the key itself points.</summary>
    public Dictionary<string, SourceScalar> KeyNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Key paths whose value was rejected, whose key was misspelt, or that a key written in the wrong place was
    /// probably meant for: the rules that read them stay silent (one mistake, one error).
    /// </summary>
    public HashSet<string> Failed { get; } = new(StringComparer.Ordinal);

    public TargetSet Bind(SourceMapping document)
    {
        root = document;
        Values[""] = document;
        return (TargetSet)BindRecord(typeof(TargetSet), document, "", new TargetSet(), parent: null);
    }

    public bool WasGiven(string path) => Values.ContainsKey(path);

    /// <summary>The node a finding of the validator points at: the key, the value (or its nearest written parent), or the section holding the key.</summary>
    public SourceNode NodeOf(ScenarioIssue issue) => issue.Place switch
    {
        IssuePlace.Key => KeyNodes.TryGetValue(issue.Path, out var key) ? key : NodeFor(issue.Path),
        IssuePlace.Section => NodeFor(Parent(issue.Path)),
        _ => NodeFor(issue.Path),
    };

    /// <summary>The node bound at the path, or at its nearest bound parent.</summary>
    public SourceNode NodeFor(string path)
    {
        while (true)
        {
            if (Values.TryGetValue(path, out var node)) return node;
            if (path.Length == 0) return root;
            path = Parent(path);
        }
    }

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }

    private object BindRecord(Type type, SourceMapping map, string path, object start, (Type Type, string Path)? parent)
    {
        var keys = ScenarioShape.KeysOf(type);
        var target = ScenarioShape.Clone(start);
        foreach (var (keyNode, valueNode) in map.Entries)
        {
            string name = keyNode.Value;
            string childPath = SourceTreeReader.Join(path, name);
            var key = ScenarioShape.Key(type, name);
            if (key is null)
            {
                Unknown(type, map, path, keyNode, parent);
                Failed.Add(childPath);
                continue;
            }
            KeyNodes[childPath] = keyNode;
            Values[childPath] = valueNode;
            if (TryBind(key, valueNode, childPath, key.Get(target), (type, path), out var value))
                key.Property.SetValue(target, value);
            else
                Failed.Add(childPath);
        }
        return target;
    }

    private void Unknown(Type type, SourceMapping map, string path, SourceScalar keyNode, (Type Type, string Path)? parent)
    {
        string name = keyNode.Value;
        var keys = ScenarioShape.KeysOf(type);
        var known = keys.Select(k => k.Name).ToList();
        string shown = Shown.Text(name);
        string childPath = SourceTreeReader.Join(path, name);
        if (KeySuggestions.Closest(name, known) is { } near)
        {
            errors.Add(keyNode, childPath, $"unknown key '{shown}'; did you mean '{near}'?");
            // The value meant for that key is unknown: the rules that would call it missing stay silent.
            if (!map.Has(near)) Failed.Add(SourceTreeReader.Join(path, near));
            return;
        }
        var owners = Owners.Value.TryGetValue(name, out var list) ? list : [];
        if (owners.Count == 0)
        {
            errors.Add(keyNode, childPath, $"unknown key '{shown}'; the keys here are: {string.Join(", ", known)}");
            return;
        }
        errors.Add(keyNode, childPath, $"unknown key '{shown}' {(path.Length == 0 ? "at the top level" : $"in {path}")}; it is a key of {string.Join(" and ", owners)}");
        // A key written one level too deep belongs to the parent; one written beside the section it belongs in
        // (metric: beside quantity:) means that section: neither is then reported missing as well.
        if (parent is { } p && ScenarioShape.Key(p.Type, name) is not null) Failed.Add(SourceTreeReader.Join(p.Path, name));
        var sections = keys.Where(k => k.Kind == ValueKind.Section && ScenarioShape.Key(k.ValueType, name) is not null).ToList();
        if (sections.Count == 1 && !map.Has(sections[0].Name)) Failed.Add(SourceTreeReader.Join(path, sections[0].Name));
    }

    private bool TryBind(ScenarioKey key, SourceNode node, string path, object? current, (Type, string) owner, out object? value)
    {
        value = null;
        if (key.Optional && node is SourceScalar { IsNull: true }) return true;
        string error;
        switch (key.Kind)
        {
            case ValueKind.Real:
            {
                if (!ScalarReader.TryNumber(node, out var d, out error)) return Fail(node, path, error);
                value = d;
                return true;
            }
            case var plain when ScalarReader.IsPlain(plain):
                return ScalarReader.TryPlain(plain, key.ValueType, node, out value, out error) || Fail(node, path, error);
            case ValueKind.Section:
                if (node is not SourceMapping map)
                    return Fail(node, path, $"expected a section (indented key: value lines), not {node.Describe()}");
                value = BindRecord(key.ValueType, map, path, current ?? Activator.CreateInstance(key.ValueType)!, owner);
                return true;
            case ValueKind.List:
                value = BindList(key.ValueType, node, path, owner);
                return value is not null;
            default:
                // Only a new kind of member in the target records gets here: fail loudly so the loader is taught it.
                throw new InvalidOperationException($"the targets loader cannot bind a {key.Kind} (at '{path}')");
        }
    }

    private Array? BindList(Type element, SourceNode node, string path, (Type, string) owner)
    {
        if (node is not SourceSequence seq)
        {
            Fail(node, path, $"expected a list (entries starting with '- '), not {node.Describe()}");
            return null;
        }
        var array = Array.CreateInstance(element, seq.Items.Count);
        for (int i = 0; i < seq.Items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            Values[itemPath] = seq.Items[i];
            var start = Activator.CreateInstance(element)!;
            if (seq.Items[i] is SourceMapping map)
                array.SetValue(BindRecord(element, map, itemPath, start, owner), i);
            else
            {
                // A placeholder keeps later entries at their own index; Failed tells the rules to skip it.
                Fail(seq.Items[i], itemPath, $"expected a section (indented key: value lines), not {seq.Items[i].Describe()}");
                array.SetValue(start, i);
            }
        }
        return array;
    }

    private bool Fail(SourceNode node, string path, string message)
    {
        errors.Add(node, path, message);
        Failed.Add(path);
        return false;
    }

    /// <summary>Where each key of the target records lives, as a reader would name the section ("quantity", "sum and mean").</summary>
    private static Dictionary<string, List<string>> BuildOwners()
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(typeof(TargetSet), "the top level", owners, [typeof(TargetSet)]);
        return owners;
    }

    private static void Walk(Type type, string label, Dictionary<string, List<string>> owners, List<Type> stack)
    {
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            if (!owners.TryGetValue(key.Name, out var list)) owners[key.Name] = list = [];
            if (!list.Contains(label)) list.Add(label);
            // A ratio's entries are quantities again: the walk stops at a type it is already in.
            if (key.Kind is not (ValueKind.Section or ValueKind.List) || stack.Contains(key.ValueType)) continue;
            Walk(key.ValueType, key.Kind == ValueKind.List ? $"each entry of {key.Name}" : key.Name, owners, [.. stack, key.ValueType]);
        }
    }
}
