using System.Globalization;
using BrainDrainSim.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>
/// Mutations of a scenario's YAML tree: every key deleted and misspelt, every value replaced by values of the
/// wrong type, out of range or not finite, bad dates, <c>until</c> before <c>at</c>. The file is read with
/// YamlDotNet's representation model, changed at one place and written back, so the result is well-formed
/// YAML and every error it gives must name a key path. Deterministic for a given seed.
/// </summary>
internal sealed class TreeMutations(string file, string text, Random random, int valuesPerScalar)
{
    /// <summary>A step down the tree: a mapping key (string) or a list index (int).</summary>
    private sealed record Site(IReadOnlyList<object> Steps, YamlNode Node, string? Key);

    private const string LongText = "long";

    /// <summary>Replacements for a scalar: name, text, style.</summary>
    private static readonly (string Name, string Value, ScalarStyle Style)[] ScalarReplacements =
    [
        ("text", "lots", ScalarStyle.Plain),
        ("quoted number", "5", ScalarStyle.SingleQuoted),
        ("empty", "", ScalarStyle.Plain),
        ("tilde", "~", ScalarStyle.Plain),
        ("negative", "-1", ScalarStyle.Plain),
        ("zero", "0", ScalarStyle.Plain),
        ("negative zero", "-0.0", ScalarStyle.Plain),
        ("huge", "1e308", ScalarStyle.Plain),
        ("huge negative", "-1e308", ScalarStyle.Plain),
        ("overflow", "1e400", ScalarStyle.Plain),
        ("negative overflow", "-1e400", ScalarStyle.Plain),
        (".nan", ".nan", ScalarStyle.Plain),
        (".NaN", ".NaN", ScalarStyle.Plain),
        ("NaN", "NaN", ScalarStyle.Plain),
        (".inf", ".inf", ScalarStyle.Plain),
        ("-.inf", "-.inf", ScalarStyle.Plain),
        ("Infinity", "Infinity", ScalarStyle.Plain),
        ("fraction", "0.5", ScalarStyle.Plain),
        ("int overflow", "2147483648", ScalarStyle.Plain),
        ("long overflow", "99999999999999999999999", ScalarStyle.Plain),
        ("denormal", "4.9e-324", ScalarStyle.Plain),
        ("hex", "0x1F", ScalarStyle.Plain),
        ("thousands comma", "57,000", ScalarStyle.Plain),
        ("underscores", "57_000", ScalarStyle.Plain),
        ("percent sign", "50%", ScalarStyle.Plain),
        ("bool", "true", ScalarStyle.Plain),
        ("yes", "yes", ScalarStyle.Plain),
        ("date 2025-13", "2025-13", ScalarStyle.Plain),
        ("date 2025-00", "2025-00", ScalarStyle.Plain),
        ("date 25-01", "25-01", ScalarStyle.Plain),
        ("date 2025-1", "2025-1", ScalarStyle.Plain),
        ("date 2025/01", "2025/01", ScalarStyle.Plain),
        ("date 2025-01-15", "2025-01-15", ScalarStyle.Plain),
        ("date text", "January 2025", ScalarStyle.Plain),
        ("date 1899-12", "1899-12", ScalarStyle.Plain),
        ("date 3000-01", "3000-01", ScalarStyle.Plain),
        ("quoted date", "2025-07", ScalarStyle.DoubleQuoted),
        ("unicode", "연구자 \u00e9\u200b", ScalarStyle.Plain),
        ("control escape", "a\u0001b", ScalarStyle.DoubleQuoted),
        (LongText, new string('x', 100_000), ScalarStyle.Plain),
    ];

    private static readonly HashSet<string> NotFinite = [".nan", ".NaN", "NaN", ".inf", "-.inf", "Infinity", "1e400", "-1e400"];

    public IEnumerable<FuzzCase> All()
    {
        var sites = Sites();
        foreach (var site in sites)
        {
            foreach (var c in KeyCases(site)) yield return c;
            foreach (var c in ValueCases(site)) yield return c;
        }
        foreach (var c in LeverTimingCases()) yield return c;
        foreach (var c in RootCases()) yield return c;
    }

    private IEnumerable<FuzzCase> KeyCases(Site site)
    {
        if (site.Key is not { } key)
        {
            // A list item: delete it, repeat it.
            yield return Case($"delete item {Where(site)}", Mutate(site, (parent, _) => ((YamlSequenceNode)parent).Children.RemoveAt((int)site.Steps[^1])), Expect.Either);
            yield return Case($"repeat item {Where(site)}", Mutate(site, (parent, node) => ((YamlSequenceNode)parent).Children.Insert((int)site.Steps[^1], node)), Expect.Either);
            yield break;
        }
        yield return Case($"delete key {Where(site)}", Mutate(site, (parent, _) => ((YamlMappingNode)parent).Children.Remove(new YamlScalarNode(key))), Expect.Either);
        foreach (var (how, misspelt) in Misspellings(key))
        {
            // A misspelling that happens to be another key of the same section is no misspelling.
            if (Parent(site) is YamlMappingNode siblings && siblings.Children.ContainsKey(new YamlScalarNode(misspelt))) continue;
            // The library files are valid, so the misspelling is the only mistake: exactly one error.
            yield return Case($"misspell ({how}) {Where(site)} as '{misspelt}'", Rename(site, misspelt), Expect.Errors) with { Exactly = 1 };
        }
        yield return Case($"long key at {Where(site)}", Rename(site, key + new string('k', 100_000)), Expect.Errors);
    }

    private IEnumerable<FuzzCase> ValueCases(Site site)
    {
        switch (site.Node)
        {
            case YamlScalarNode scalar:
            {
                string original = scalar.Value ?? "";
                bool isNumber = scalar.Style == ScalarStyle.Plain && double.TryParse(original, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                bool isMonth = YearMonth.TryParse(original, out _);
                bool isNull = scalar.Style == ScalarStyle.Plain && original is "" or "~" or "null";
                // Numbers get every number mutation, months every date; everything gets a random few of the rest.
                var chosen = ScalarReplacements.Where(r =>
                    isNumber && (r.Name.StartsWith("date", StringComparison.Ordinal) is false) ||
                    isMonth && r.Name.StartsWith("date", StringComparison.Ordinal)).ToList();
                var others = ScalarReplacements.Except(chosen).ToList();
                for (int i = 0; i < valuesPerScalar && others.Count > 0; i++)
                {
                    int k = random.Next(others.Count);
                    chosen.Add(others[k]);
                    others.RemoveAt(k);
                }
                foreach (var (name, value, style) in chosen)
                {
                    var expect = Expect.Either;
                    if (isNumber && (NotFinite.Contains(value) || name is "text" or "quoted number" or "hex" or "bool" or "yes" or "thousands comma" or "percent sign" or "unicode" or LongText
                                     || name.StartsWith("date", StringComparison.Ordinal) || name == "quoted date"))
                        expect = Expect.Errors;
                    if (isMonth && (name.StartsWith("date", StringComparison.Ordinal) || name is "text" or "bool" or "unicode" or LongText or "zero" or "negative"))
                        expect = Expect.Errors;
                    yield return Case($"{name} at {Where(site)}", Replace(site, new YamlScalarNode(value) { Style = style }), expect);
                }
                var notScalar = isNull ? Expect.Either : Expect.Errors;
                yield return Case($"list for scalar at {Where(site)}", Replace(site, Seq("1", "2")), notScalar);
                yield return Case($"map for scalar at {Where(site)}", Replace(site, Map(("a", "1"))), notScalar);
                break;
            }
            case YamlMappingNode:
                yield return Case($"scalar for map at {Where(site)}", Replace(site, new YamlScalarNode("5")), Expect.Errors);
                yield return Case($"text for map at {Where(site)}", Replace(site, new YamlScalarNode("some text")), Expect.Errors);
                yield return Case($"list for map at {Where(site)}", Replace(site, Seq("a", "b")), Expect.Errors);
                yield return Case($"empty map at {Where(site)}", Replace(site, new YamlMappingNode()), Expect.Either);
                yield return Case($"empty value for map at {Where(site)}", Replace(site, new YamlScalarNode("")), Expect.Either);
                break;
            case YamlSequenceNode:
                yield return Case($"map for list at {Where(site)}", Replace(site, Map(("a", "1"))), Expect.Errors);
                yield return Case($"scalar for list at {Where(site)}", Replace(site, new YamlScalarNode("5")), Expect.Errors);
                yield return Case($"empty list at {Where(site)}", Replace(site, new YamlSequenceNode()), Expect.Either);
                yield return Case($"list of scalars at {Where(site)}", Replace(site, Seq("1", "x")), Expect.Either);
                break;
        }
    }

    /// <summary><c>until</c> before <c>at</c>, and <c>at</c> after the horizon, for every lever of the file.</summary>
    private IEnumerable<FuzzCase> LeverTimingCases()
    {
        var root = Load();
        if (root.Children.TryGetValue(new YamlScalarNode("levers"), out var levers) is false || levers is not YamlSequenceNode list) yield break;
        for (int i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode lever || !lever.Children.TryGetValue(new YamlScalarNode("at"), out var atNode)
                || !YearMonth.TryParse(((YamlScalarNode)atNode).Value, out var at)) continue;
            int index = i;
            string before = at.AddMonths(-1).ToString();
            bool gpu = lever.Children.TryGetValue(new YamlScalarNode("type"), out var t) && ((YamlScalarNode)t).Value == "gpu_import";
            yield return Case($"until before at in levers[{i}]", Edit(r => LeverAt(r, index).Children[new YamlScalarNode("until")] = new YamlScalarNode(before)), Expect.Errors) with { Exactly = 1 };
            if (!gpu)
                yield return Case($"at after the horizon in levers[{i}]", Edit(r => LeverAt(r, index).Children[new YamlScalarNode("at")] = new YamlScalarNode("2999-12")), Expect.Errors) with { Exactly = 1 };
            if (lever.Children.TryGetValue(new YamlScalarNode("until"), out var untilNode) && ((YamlScalarNode)untilNode).Value != at.ToString())
                yield return Case($"at and until swapped in levers[{i}]", Edit(r =>
                {
                    var l = LeverAt(r, index);
                    (l.Children[new YamlScalarNode("at")], l.Children[new YamlScalarNode("until")]) = (l.Children[new YamlScalarNode("until")], l.Children[new YamlScalarNode("at")]);
                }), Expect.Errors);
            yield return Case($"unknown lever type in levers[{i}]", Edit(r => LeverAt(r, index).Children[new YamlScalarNode("type")] = new YamlScalarNode("gpu_imprt")), Expect.Errors) with { Exactly = 1 };
        }
    }

    private static YamlMappingNode LeverAt(YamlMappingNode root, int i) =>
        (YamlMappingNode)((YamlSequenceNode)root.Children[new YamlScalarNode("levers")]).Children[i];

    /// <summary>Keys the model does not have at the top, a root that is not a mapping, a misplaced section.</summary>
    private IEnumerable<FuzzCase> RootCases()
    {
        yield return Case("unknown top-level key", Edit(r => r.Children[new YamlScalarNode("colour")] = new YamlScalarNode("blue")), Expect.Errors);
        yield return Case("key of another section at the top", Edit(r => r.Children[new YamlScalarNode("b_gpu")] = new YamlScalarNode("0.5")), Expect.Errors);
        yield return Case("empty key", Edit(r => r.Children[new YamlScalarNode("")] = new YamlScalarNode("1")), Expect.Errors);
        yield return Case("list as key", Edit(r => r.Children[Seq("a", "b")] = new YamlScalarNode("1")), Expect.Errors);
        yield return Case("map as key", Edit(r => r.Children[Map(("a", "b"))] = new YamlScalarNode("1")), Expect.Errors);
        yield return Case("merge key", Edit(r => r.Children[new YamlScalarNode("<<")] = Map(("months", "12"))), Expect.Errors);
        yield return Case("uncertainty of an unknown path", Edit(r => Uncertainty(r).Children[new YamlScalarNode("coefficients.b_gpux")] = Dist(("dist", "normal"), ("mean", "0.2"), ("sd", "0.1"))), Expect.Errors);
        yield return Case("uncertainty of a whole number", Edit(r => Uncertainty(r).Children[new YamlScalarNode("months")] = Dist(("dist", "normal"), ("mean", "60"), ("sd", "1"))), Expect.Errors);
        yield return Case("uncertainty of a lever beyond the list", Edit(r => Uncertainty(r).Children[new YamlScalarNode("levers[99].count")] = Dist(("dist", "uniform"), ("min", "0"), ("max", "1"))), Expect.Errors);
        yield return Case("uncertainty index overflow", Edit(r => Uncertainty(r).Children[new YamlScalarNode("levers[99999999999].count")] = Dist(("dist", "uniform"), ("min", "0"), ("max", "1"))), Expect.Errors);
        yield return Case("uncertainty of itself", Edit(r => Uncertainty(r).Children[new YamlScalarNode("uncertainty.x")] = Dist(("dist", "uniform"), ("min", "0"), ("max", "1"))), Expect.Errors);
        yield return Case("uncertainty path of 100k characters", Edit(r => Uncertainty(r).Children[new YamlScalarNode("coefficients." + new string('b', 100_000))] = Dist(("dist", "uniform"), ("min", "0"), ("max", "1"))), Expect.Errors);
        yield return Case("normal for a probability", Edit(r => Uncertainty(r).Children[new YamlScalarNode("visa.us_share")] = Dist(("dist", "normal"), ("mean", "0.5"), ("sd", "0.3"))), Expect.Errors);
        foreach (var (name, dist) in ExtremeDistributions())
            yield return Case($"extreme distribution: {name}", Edit(r => Uncertainty(r).Children[new YamlScalarNode("coefficients.b_gpu")] = dist), Expect.Either);
        yield return Case("levers of 2,000 copies", Edit(r =>
        {
            var levers = new YamlSequenceNode();
            for (int i = 0; i < 2000; i++) levers.Add(Dist(("type", "visa_policy"), ("at", "2025-10"), ("fee_usd", "1")));
            r.Children[new YamlScalarNode("levers")] = levers;
        }), Expect.Either);
    }

    /// <summary>Distributions at the edge of what their quantile functions can do (huge or tiny parameters).</summary>
    private static IEnumerable<(string, YamlMappingNode)> ExtremeDistributions()
    {
        yield return ("beta 1e308", Dist(("dist", "beta"), ("alpha", "1e308"), ("beta", "1e308")));
        yield return ("beta tiny", Dist(("dist", "beta"), ("alpha", "1e-300"), ("beta", "1e-300")));
        yield return ("beta huge and tiny", Dist(("dist", "beta"), ("alpha", "1e308"), ("beta", "1e-300")));
        yield return ("gamma 1e308", Dist(("dist", "gamma"), ("shape", "1e308"), ("rate", "1e308")));
        yield return ("gamma tiny", Dist(("dist", "gamma"), ("shape", "1e-300"), ("rate", "1e-300")));
        yield return ("gamma huge shape", Dist(("dist", "gamma"), ("shape", "1e308"), ("rate", "1")));
        yield return ("lognormal 1e308", Dist(("dist", "lognormal"), ("mu", "1e308"), ("sigma", "1e308")));
        yield return ("lognormal tiny", Dist(("dist", "lognormal"), ("mu", "-700"), ("sigma", "1e-300")));
        yield return ("normal 1e308", Dist(("dist", "normal"), ("mean", "1e308"), ("sd", "1e308")));
        yield return ("normal denormal sd", Dist(("dist", "normal"), ("mean", "0"), ("sd", "4.9e-324")));
        yield return ("uniform -1e308 1e308", Dist(("dist", "uniform"), ("min", "-1e308"), ("max", "1e308")));
        yield return ("triangular 1e308", Dist(("dist", "triangular"), ("min", "-1e308"), ("mode", "0"), ("max", "1e308")));
        yield return ("triangular equal", Dist(("dist", "triangular"), ("min", "0.1"), ("mode", "0.1"), ("max", "0.1")));
        yield return ("beta rescaled 1e308", Dist(("dist", "beta"), ("alpha", "2"), ("beta", "2"), ("min", "-1e308"), ("max", "1e308")));
    }

    private static YamlMappingNode Uncertainty(YamlMappingNode root)
    {
        var key = new YamlScalarNode("uncertainty");
        if (root.Children.TryGetValue(key, out var u) && u is YamlMappingNode map) return map;
        var created = new YamlMappingNode();
        root.Children[key] = created;
        return created;
    }

    private static IEnumerable<(string How, string Key)> Misspellings(string key)
    {
        if (key.Length == 0) yield break;
        // The commonest slips: two letters swapped, one dropped, one doubled; then case, plural, hyphens, a space.
        int mid = key.Length / 2;
        if (key.Length >= 2 && key[mid - 1] != key[mid])
            yield return ("swap", key[..(mid - 1)] + key[mid] + key[mid - 1] + key[(mid + 1)..]);
        if (key.Length >= 2) yield return ("drop", key.Remove(mid, 1));
        yield return ("double", key.Insert(mid, key[mid].ToString()));
        if (key.Any(char.IsLower)) yield return ("case", char.ToUpperInvariant(key[0]) + key[1..]);
        yield return ("plural", key + "s");
        if (key.Contains('_')) yield return ("hyphen", key.Replace('_', '-'));
        yield return ("trailing space in quotes", key + " ");
    }

    private List<Site> Sites()
    {
        var sites = new List<Site>();
        void Walk(YamlNode node, List<object> steps)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children)
                    {
                        if (k is not YamlScalarNode { Value: { } key }) continue;
                        var s = new List<object>(steps) { key };
                        sites.Add(new Site(s, v, key));
                        Walk(v, s);
                    }
                    break;
                case YamlSequenceNode seq:
                    for (int i = 0; i < seq.Children.Count; i++)
                    {
                        var s = new List<object>(steps) { i };
                        sites.Add(new Site(s, seq.Children[i], null));
                        Walk(seq.Children[i], s);
                    }
                    break;
            }
        }
        Walk(Load(), []);
        return sites;
    }

    private YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private YamlNode? Parent(Site site)
    {
        YamlNode node = Load();
        foreach (var step in site.Steps.Take(site.Steps.Count - 1)) node = Child(node, step);
        return node;
    }

    private static YamlNode Child(YamlNode node, object step) => step switch
    {
        string key => ((YamlMappingNode)node).Children[new YamlScalarNode(key)],
        int i => ((YamlSequenceNode)node).Children[i],
        _ => throw new InvalidOperationException(),
    };

    /// <summary>Loads the file afresh, finds the site's parent and applies the change to it and the site's node.</summary>
    private string Mutate(Site site, Action<YamlNode, YamlNode> change) => Edit(root =>
    {
        YamlNode parent = root;
        foreach (var step in site.Steps.Take(site.Steps.Count - 1)) parent = Child(parent, step);
        change(parent, Child(parent, site.Steps[^1]));
    });

    private string Replace(Site site, YamlNode replacement) => Mutate(site, (parent, _) =>
    {
        if (parent is YamlMappingNode map) map.Children[new YamlScalarNode((string)site.Steps[^1])] = replacement;
        else ((YamlSequenceNode)parent).Children[(int)site.Steps[^1]] = replacement;
    });

    /// <summary>Renames a key in place, keeping the order of the section's keys.</summary>
    private string Rename(Site site, string newKey) => Mutate(site, (parent, _) =>
    {
        var map = (YamlMappingNode)parent;
        var entries = map.Children.ToList();
        map.Children.Clear();
        foreach (var (k, v) in entries)
            map.Children.Add(k is YamlScalarNode { Value: { } s } && s == site.Key ? new YamlScalarNode(newKey) : k, v);
    });

    private string Edit(Action<YamlMappingNode> change)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        change((YamlMappingNode)stream.Documents[0].RootNode);
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private FuzzCase Case(string name, string yaml, Expect expect) =>
        new($"{Path.GetFileName(file)}: {name}", file, yaml, expect) { WellFormed = true };

    private static string Where(Site site)
    {
        string where = string.Concat(site.Steps.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? (string)s : "." + s));
        return where.Length > 60 ? where[..60] + "..." : where;
    }

    private static YamlSequenceNode Seq(params string[] items) => new(items.Select(i => (YamlNode)new YamlScalarNode(i)));

    private static YamlMappingNode Map(params (string Key, string Value)[] entries) => Dist(entries);

    private static YamlMappingNode Dist(params (string Key, string Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (k, v) in entries) map.Add(k, v);
        return map;
    }
}
