using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Validation;
using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// Binds a merged node tree onto the immutable scenario records by the format's one description of its keys
/// (<see cref="ScenarioShape"/>), so that the YAML keys are exactly the records' properties, spelt by the one
/// naming rule. A value that cannot be bound is reported and the default kept, so binding always
/// goes on to find the file's other errors. What was bound where is kept for the checks that follow.
/// </summary>
internal sealed class ScenarioBinder(ErrorList errors)
{
    private SourceMapping root = null!;

    /// <summary>The value node bound at each key path (<c>levers[1].at</c>, <c>sectors[0]</c>).</summary>
    public Dictionary<string, SourceNode> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The key node of each key path, where an error about the key itself points.</summary>
    public Dictionary<string, SourceScalar> KeyNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Key paths whose value was rejected (the default was kept), or whose key was misspelt: checks that read
    /// them stay silent.
    /// </summary>
    public HashSet<string> Failed { get; } = new(StringComparer.Ordinal);

    /// <summary>Key paths that an unknown-key error already suggested, so that their absence is not reported again.</summary>
    public HashSet<string> Suggested { get; } = new(StringComparer.Ordinal);

    /// <summary>The levers bound, each with its index in the merged YAML list (which key paths use).</summary>
    public List<(int Index, Lever Lever)> Levers { get; } = [];

    /// <summary>False when some lever could not be bound at all: then Scenario.Levers is not indexed as the file is.</summary>
    public bool AllLeversBound { get; private set; } = true;

    public List<UncertaintyEntry> Uncertainty { get; } = [];

    /// <summary>The posterior the uncertainty block names (its <c>file:</c> value and the <c>posterior</c> key), or null.</summary>
    public PosteriorEntry? Posterior { get; private set; }

    public Scenario Bind(SourceMapping merged)
    {
        root = merged;
        Values[""] = merged;
        // `extends` is consumed by the merge; it stays a known key so that a misspelling of it is caught.
        return (Scenario)BindRecord(typeof(Scenario), merged, "", new Scenario(), [ScenarioKeys.Extends]);
    }

    /// <summary>The node bound at the path, or at its nearest bound parent (for errors about keys that are missing).</summary>
    public SourceNode NodeFor(string path)
    {
        while (true)
        {
            if (Values.TryGetValue(path, out var node)) return node;
            if (path.Length == 0) return root;
            int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            path = cut < 0 ? "" : path[..cut];
        }
    }

    /// <summary>The key node of the path when it was written, else the node for the path.</summary>
    public SourceNode KeyNodeFor(string path) => KeyNodes.TryGetValue(path, out var key) ? key : NodeFor(path);

    public bool WasGiven(string path) => Values.ContainsKey(path);

    private object BindRecord(Type type, SourceMapping map, string path, object start, IReadOnlyCollection<string> extraKeys)
    {
        var keys = ScenarioShape.KeysOf(type);
        // Unset keys keep the start's values: a record's own defaults (new T()), or the defaults the parent
        // record gives this member, so that `pay: {home_krw_per_year: {early: 6e7}}` keeps mid and senior.
        var target = ScenarioShape.Clone(start);
        foreach (var (keyNode, valueNode) in map.Entries)
        {
            string name = keyNode.Value;
            if (extraKeys.Contains(name)) continue;
            string childPath = SourceTreeReader.Join(path, name);
            var key = ScenarioShape.Key(type, name);
            if (key is null)
            {
                if (keys.FirstOrDefault(k => k.FormerName == name) is { } renamed)
                {
                    // A key of an earlier version of the format: name the new key rather than call it unknown.
                    var former = renamed.Property.GetCustomAttributes(typeof(FormerKeyAttribute), false).Cast<FormerKeyAttribute>().First();
                    errors.Add(keyNode, childPath, $"'{Shown.Text(name)}' is now '{renamed.Name}': {former.Hint}");
                    string meant = SourceTreeReader.Join(path, renamed.Name);
                    Suggested.Add(meant);
                    if (!map.Has(renamed.Name)) Failed.Add(meant);
                    Failed.Add(childPath);
                    continue;
                }
                var known = keys.Select(k => k.Name).Concat(extraKeys).ToList();
                string? suggestion = KeySuggestions.Closest(name, known);
                errors.Add(keyNode, childPath, UnknownKey(name, suggestion, known, type, path));
                if (suggestion is not null)
                {
                    string meant = SourceTreeReader.Join(path, suggestion);
                    Suggested.Add(meant);
                    // The value meant for that key is unknown: the checks that would read its default stay silent
                    // (a misspelt share must not also give "the shares sum to 0.85"): one mistake, one error.
                    if (!map.Has(suggestion)) Failed.Add(meant);
                }
                Failed.Add(childPath);
                continue;
            }
            KeyNodes[childPath] = keyNode;
            Values[childPath] = valueNode;
            if (TryBind(key, valueNode, childPath, key.Get(target), out var value))
                key.Property.SetValue(target, value);
            else
                Failed.Add(childPath);
        }
        return target;
    }

    private bool TryBind(ScenarioKey key, SourceNode node, string path, object? current, out object? value)
    {
        value = null;
        if (key.Optional && node is SourceScalar { IsNull: true }) return true;
        switch (key.Kind)
        {
            case ValueKind.Levers:
                value = BindLevers(node, path);
                return value is not null;
            case ValueKind.Uncertainty:
                value = BindUncertainty(node, path);
                return value is not null;
            case ValueKind.RealMap:
                value = BindRealMap(node, path, key);
                return value is not null;
            case ValueKind.List:
                value = BindArray(key.ValueType, node, path);
                return value is not null;
            default:
                return TryBindValue(key.Kind, key.ValueType, key, node, path, current, out value);
        }
    }

    /// <summary>A value of a kind that needs no key of its own to bind: a scalar, or a section (a record).</summary>
    private bool TryBindValue(ValueKind kind, Type type, ScenarioKey? key, SourceNode node, string path, object? current, out object? value)
    {
        value = null;
        string error;
        switch (kind)
        {
            case ValueKind.Real:
            {
                if (!ScalarReader.TryNumber(node, out var d, out error)) return Fail(node, path, error);
                if (!InBounds(d, key, node, path)) return false;
                value = d;
                return true;
            }
            case ValueKind.Whole:
            {
                if (!ScalarReader.TryNumber(node, out var d, out error, "a whole number")) return Fail(node, path, error);
                if (Math.Floor(d) != d) return Fail(node, path, $"expected a whole number, not {node.Describe()}");
                if (!InBounds(d, key, node, path)) return false;
                if (d < int.MinValue || d > int.MaxValue) return Fail(node, path, $"{node.Describe()} is too large for a whole number");
                value = (int)d;
                return true;
            }
            case var plain when ScalarReader.IsPlain(plain):
                return ScalarReader.TryPlain(plain, type, node, out value, out error) || Fail(node, path, error);
            case ValueKind.Section:
                if (node is not SourceMapping map)
                    return Fail(node, path, $"expected a section (indented key: value lines), not {node.Describe()}");
                value = BindRecord(type, map, path, current ?? Activator.CreateInstance(type)!, []);
                return true;
            default:
                // Only a new kind of member in the model gets here: fail loudly so the loader is taught it.
                throw new InvalidOperationException($"the scenario loader cannot bind a {kind} (at '{path}')");
        }
    }

    private Array? BindArray(Type element, SourceNode node, string path)
    {
        if (node is not SourceSequence seq)
        {
            Fail(node, path, $"expected a list (entries starting with '- '), not {node.Describe()}");
            return null;
        }
        var array = Array.CreateInstance(element, seq.Items.Count);
        bool hasDefault = element.IsValueType || element.GetConstructor(Type.EmptyTypes) is not null;
        for (int i = 0; i < seq.Items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            Values[itemPath] = seq.Items[i];
            object? start = hasDefault ? Activator.CreateInstance(element) : null;
            if (TryBindValue(ValueKind.Section, element, null, seq.Items[i], itemPath, start, out var item))
                array.SetValue(item, i);
            else
            {
                // A placeholder keeps later entries at their own index; Failed tells the checks to skip it.
                Failed.Add(itemPath);
                array.SetValue(start, i);
            }
        }
        return array;
    }

    private Dictionary<string, double>? BindRealMap(SourceNode node, string path, ScenarioKey key)
    {
        if (node is not SourceMapping map)
        {
            Fail(node, path, $"expected a section of name: {(key.Shares is null ? "number" : "share")} lines, not {node.Describe()}");
            return null;
        }
        var entries = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Entries)
        {
            string entryPath = SourceTreeReader.Join(path, keyNode.Value);
            KeyNodes[entryPath] = keyNode;
            Values[entryPath] = valueNode;
            if (!ScalarReader.TryNumber(valueNode, out var d, out var error)) Fail(valueNode, entryPath, error);
            else if (!InBounds(d, key, valueNode, entryPath)) Failed.Add(entryPath);
            else
            {
                entries[keyNode.Value] = d;
                continue;
            }
            // A placeholder keeps the entry's name for the rules that check names; Failed tells them its value is unknown.
            entries[keyNode.Value] = 0;
        }
        return entries;
    }

    private Lever[]? BindLevers(SourceNode node, string path)
    {
        if (node is not SourceSequence seq)
        {
            AllLeversBound = false;
            Fail(node, path, $"expected a list of levers (entries starting with '- type:'), not {node.Describe()}");
            return null;
        }
        var levers = new List<Lever>();
        for (int i = 0; i < seq.Items.Count; i++)
        {
            string itemPath = $"{path}[{i}]";
            Values[itemPath] = seq.Items[i];
            if (BindLever(seq.Items[i], itemPath) is { } lever)
            {
                levers.Add(lever);
                Levers.Add((i, lever));
            }
            else
            {
                AllLeversBound = false;
                Failed.Add(itemPath);
            }
        }
        return levers.ToArray();
    }

    private Lever? BindLever(SourceNode node, string path)
    {
        string typeList = string.Join(", ", ScenarioShape.LeverTypeNames);
        if (node is not SourceMapping map)
        {
            errors.Add(node, path, $"expected a lever (a section with type: and at:), not {node.Describe()}");
            return null;
        }
        string typePath = SourceTreeReader.Join(path, ScenarioKeys.LeverType);
        if (map[ScenarioKeys.LeverType] is not { } typeNode)
        {
            errors.Add(map, typePath, $"a lever needs 'type:', one of: {typeList}");
            return null;
        }
        KeyNodes[typePath] = map.KeyNode(ScenarioKeys.LeverType)!;
        Values[typePath] = typeNode;
        if (typeNode is not SourceScalar { IsNull: false })
        {
            errors.Add(typeNode, typePath, $"expected a lever type, one of: {typeList}; not {typeNode.Describe()}");
            return null;
        }
        if (!ScalarReader.TryText(typeNode, out var typeName, out _) || !ScenarioShape.LeverTypes.TryGetValue(typeName, out var leverType))
        {
            string near = typeNode is SourceScalar s && KeySuggestions.Closest(s.Value, ScenarioShape.LeverTypeNames) is { } n ? $"; did you mean '{n}'?" : "";
            errors.Add(typeNode, typePath, $"unknown lever type {typeNode.Describe()}{near} (the lever types are: {typeList})");
            return null;
        }
        // `type` is the discriminator, not a property (Lever.Type is fixed by the subtype).
        var lever = (Lever)BindRecord(leverType, map, path, Activator.CreateInstance(leverType)!, [ScenarioKeys.LeverType]);
        string at = ScenarioKeys.Of(nameof(Lever.At));
        if (!map.Has(at))
        {
            // A misspelt `at` was reported as an unknown key with this suggestion: one mistake, one error.
            if (!Suggested.Contains(SourceTreeReader.Join(path, at)))
                errors.Add(map, SourceTreeReader.Join(path, at), $"a lever needs '{at}:', the month it starts (YYYY-MM)");
            Failed.Add(SourceTreeReader.Join(path, at));
        }
        return lever;
    }

    private UncertainParameter[]? BindUncertainty(SourceNode node, string path)
    {
        if (node is not SourceMapping map)
        {
            Fail(node, path, "expected a section mapping each quantity's path to a distribution, " +
                $"such as coefficients.b_gpu: {{dist: normal, mean: 0.2, sd: 0.1}}; not {node.Describe()}");
            return null;
        }
        var parameters = new List<UncertainParameter>();
        foreach (var (keyNode, valueNode) in map.Entries)
        {
            string target = keyNode.Value;
            string entryPath = SourceTreeReader.Join(path, target);
            KeyNodes[entryPath] = keyNode;
            Values[entryPath] = valueNode;
            if (target == PosteriorSample.Key)
            {
                BindPosterior(keyNode, valueNode, entryPath);
                continue;
            }
            if (valueNode is not SourceMapping distribution)
            {
                Fail(valueNode, entryPath, $"expected a distribution such as {{dist: normal, mean: 0.2, sd: 0.1}}, not {valueNode.Describe()}");
                continue;
            }
            var spec = (DistributionSpec)BindRecord(typeof(DistributionSpec), distribution, entryPath, new DistributionSpec(), []);
            Uncertainty.Add(new UncertaintyEntry(target, spec, keyNode, distribution, entryPath));
            parameters.Add(new UncertainParameter(target, spec));
        }
        // Sorted by path: each parameter's draws are keyed by its path, and a stable order keeps outputs stable.
        return parameters.OrderBy(p => p.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The reserved <c>posterior: {file: ...}</c> entry: the file is read and checked once the binding is done.</summary>
    private void BindPosterior(SourceScalar keyNode, SourceNode node, string path)
    {
        if (node is not SourceMapping map)
        {
            Fail(node, path, $"expected a section naming a calibration's posterior, such as {PosteriorSample.Key}: {{{PosteriorSample.FileKey}: posterior.csv}}; not {node.Describe()}");
            return;
        }
        string filePath = SourceTreeReader.Join(path, PosteriorSample.FileKey);
        foreach (var (key, _) in map.Entries.Where(e => e.Key.Value != PosteriorSample.FileKey))
        {
            errors.Add(key, SourceTreeReader.Join(path, key.Value), $"unknown key '{Shown.Text(key.Value)}'; the posterior section has one key: {PosteriorSample.FileKey}");
            Failed.Add(SourceTreeReader.Join(path, key.Value));
        }
        if (map[PosteriorSample.FileKey] is not { } fileNode)
        {
            errors.Add(map, filePath, $"the posterior section needs '{PosteriorSample.FileKey}:', the posterior.csv of a calibration (relative to this file)");
            Failed.Add(filePath);
            return;
        }
        KeyNodes[filePath] = map.KeyNode(PosteriorSample.FileKey)!;
        Values[filePath] = fileNode;
        if (fileNode is not SourceScalar { IsNull: false } scalar || !ScalarReader.TryText(scalar, out var file, out _) || string.IsNullOrWhiteSpace(file))
        {
            Fail(fileNode, filePath, $"expected the path of a calibration's posterior.csv, not {fileNode.Describe()}");
            return;
        }
        Posterior = new PosteriorEntry(file.Trim(), scalar, keyNode, filePath);
    }

    private bool InBounds(double v, ScenarioKey? key, SourceNode node, string path)
    {
        if (key?.Bounds?.Explain(v, key.Unit) is not { } why) return true;
        errors.Add(node, path, why);
        return false;
    }

    private bool Fail(SourceNode node, string path, string message)
    {
        errors.Add(node, path, message);
        Failed.Add(path);
        return false;
    }

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0]) ? "an" : "a";

    private static string UnknownKey(string typed, string? near, IReadOnlyList<string> known, Type owner, string path)
    {
        string key = Shown.Text(typed);
        if (near is not null) return $"unknown key '{key}'; did you mean '{near}'?";
        if (typeof(Lever).IsAssignableFrom(owner))
        {
            string leverType = ((Lever)Activator.CreateInstance(owner)!).Type;
            var owners = ScenarioShape.LeverTypeNames.Where(n => ScenarioShape.LeverTypes[n] != owner && ScenarioShape.Key(ScenarioShape.LeverTypes[n], typed) is not null).ToList();
            return owners.Count > 0
                ? $"unknown key '{key}' for {Article(leverType)} {leverType} lever (it is a key of {string.Join(" and ", owners)})"
                : $"unknown key '{key}' for {Article(leverType)} {leverType} lever; its keys are: {string.Join(", ", known)}";
        }
        if (SchemaIndex.OwnersOf(typed) is { Count: > 0 } sections)
            return $"unknown key '{key}' {(path.Length == 0 ? "at the top level" : $"in {path}")}; it is a key of {string.Join(" and ", sections)}";
        return $"unknown key '{key}'; the keys here are: {string.Join(", ", known)}";
    }
}
