namespace BrainDrainSim.Scenarios.Source;

/// <summary>A YAML mapping with unique text keys, in file order (duplicates are reported and dropped when read).</summary>
internal sealed class SourceMapping : SourceNode
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    public SourceMapping(string file, int line, int column, IEnumerable<KeyValuePair<SourceScalar, SourceNode>> entries)
        : base(file, line, column)
    {
        var list = new List<KeyValuePair<SourceScalar, SourceNode>>();
        foreach (var e in entries)
        {
            // Later entries replace earlier ones in place: merging relies on it, and the reader never passes duplicates.
            if (index.TryGetValue(e.Key.Value, out int at)) list[at] = e;
            else
            {
                index[e.Key.Value] = list.Count;
                list.Add(e);
            }
        }
        Entries = list;
    }

    public IReadOnlyList<KeyValuePair<SourceScalar, SourceNode>> Entries { get; }

    public bool Has(string key) => index.ContainsKey(key);

    public SourceNode? this[string key] => index.TryGetValue(key, out int i) ? Entries[i].Value : null;

    public SourceScalar? KeyNode(string key) => index.TryGetValue(key, out int i) ? Entries[i].Key : null;

    public override string Describe() => "a section";
}
