using System.Collections;
using System.Globalization;
using BrainDrainSim.Model.Shape;

namespace BrainDrainSim.Model;

/// <summary>
/// Reads and replaces real-valued scenario quantities by path, such as <c>coefficients.b_gpu</c>,
/// <c>levers[0].count</c> or <c>levers[0].sector_shares.academia</c>. Uncertainty draws, sweeps and
/// calibration all address the scenario this way. Replacing copies the records along the path; the
/// original scenario is never changed. A whole-numbered count (<c>population.at_home</c>) is read as a real
/// number and set to the nearest whole number (halves away from zero), so an initial stock can be drawn;
/// keys that fix the shape of a run (<see cref="ShapeOfRunAttribute"/>) cannot be addressed.
/// </summary>
public static class ScenarioPath
{
    /// <summary>Why a path does not name a real-valued quantity of the scenario, or null when it does.</summary>
    public static string? Check(Scenario scenario, string path, out BoundsAttribute? bounds) => Check(scenario, path, out bounds, out _);

    /// <summary>
    /// Why a path does not name a real-valued quantity of the scenario, or null when it does, with its valid and
    /// plausible ranges (a section such as pay.home_krw_per_year gives its members its plausible range).
    /// </summary>
    public static string? Check(Scenario scenario, string path, out BoundsAttribute? bounds, out PlausibleAttribute? plausible)
    {
        bounds = null;
        plausible = null;
        try
        {
            (_, bounds, plausible, _) = Walk(scenario, Parse(path));
            return null;
        }
        catch (ScenarioPathException e)
        {
            return e.Message;
        }
    }

    /// <summary>The value of the real-valued quantity at the path; throws <see cref="ScenarioPathException"/> when the path names none.</summary>
    public static double Get(Scenario scenario, string path) => Walk(scenario, Parse(path)).Value;

    /// <summary>True when the path names a whole-numbered count (set to the nearest whole number); throws as <see cref="Get"/> when it names no quantity.</summary>
    public static bool IsWhole(Scenario scenario, string path) => Walk(scenario, Parse(path)).Whole;

    /// <summary>A copy of the scenario with the quantity at the path set to the value.</summary>
    public static Scenario With(Scenario scenario, string path, double value)
    {
        var segments = Parse(path);
        return (Scenario)SetIn(scenario, segments, 0, value, path);
    }

    private abstract record Segment;
    private sealed record Name(string Key) : Segment;
    private sealed record Index(int I) : Segment;

    private static List<Segment> Parse(string path)
    {
        var result = new List<Segment>();
        if (string.IsNullOrWhiteSpace(path)) throw new ScenarioPathException("the path is empty");
        foreach (var part in path.Split('.'))
        {
            int bracket = part.IndexOf('[');
            string name = bracket < 0 ? part : part[..bracket];
            if (name.Length == 0) throw new ScenarioPathException($"'{path}' has an empty key");
            result.Add(new Name(name));
            while (bracket >= 0)
            {
                int close = part.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(part.AsSpan(bracket + 1, close - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                    throw new ScenarioPathException($"'{path}' has a malformed index (write it as key[0])");
                result.Add(new Index(i));
                bracket = close + 1 < part.Length ? (part[close + 1] == '[' ? close + 1 : throw new ScenarioPathException($"'{path}' has text after an index")) : -1;
            }
        }
        return result;
    }

    private static (double Value, BoundsAttribute? Bounds, PlausibleAttribute? Plausible, bool Whole) Walk(object node, List<Segment> segs)
    {
        object? current = node;
        BoundsAttribute? b = null;
        PlausibleAttribute? plausible = null, inherited = null;
        string walked = "";
        foreach (var seg in segs)
        {
            (current, b, plausible) = Step(current, seg, walked, b, plausible);
            // A section's plausible range covers its members (pay levels by stage); a member's own comes after.
            inherited = current is double or int ? inherited : plausible ?? inherited;
            walked += seg is Name n ? (walked.Length == 0 ? n.Key : "." + n.Key) : $"[{((Index)seg).I}]";
        }
        return current switch
        {
            double d => (d, b, inherited ?? plausible, false),
            int i => (i, b, inherited ?? plausible, true),
            null => throw new ScenarioPathException($"'{walked}' is not set in this scenario"),
            _ => throw new ScenarioPathException($"'{walked}' is not a real-valued quantity (it is {Describe(current)})"),
        };
    }

    private static (object? Value, BoundsAttribute? Bounds, PlausibleAttribute? Plausible) Step(object? current, Segment seg, string walked,
        BoundsAttribute? bounds, PlausibleAttribute? plausible)
    {
        switch (seg, current)
        {
            case (Name n, IReadOnlyDictionary<string, double> dict):
                // The map's own bounds (each entry of a share map lies in [0, 1]) came with the step onto it.
                return dict.TryGetValue(n.Key, out var v)
                    ? (v, bounds, plausible)
                    : throw new ScenarioPathException($"'{walked}' has no key '{n.Key}' (it has {string.Join(", ", dict.Keys)})");
            case (Name n, not null) when current is not IList:
                var key = ScenarioShape.Key(current.GetType(), n.Key)
                    ?? throw new ScenarioPathException($"'{(walked.Length == 0 ? "" : walked + ".")}{n.Key}' is not a key of the scenario" +
                        (walked.Length == 0 ? "" : $" (keys under {walked}: {string.Join(", ", ScenarioShape.KeysOf(current.GetType()).Select(k => k.Name))})"));
                if (key.Property.GetCustomAttributes(typeof(ShapeOfRunAttribute), false) is [ShapeOfRunAttribute shape, ..])
                    throw new ScenarioPathException($"'{(walked.Length == 0 ? "" : walked + ".")}{n.Key}' fixes the shape of the ensemble: {shape.Why}");
                return (key.Get(current), key.Bounds, key.Plausible);
            case (Index ix, IList list):
                if (ix.I >= list.Count)
                    throw new ScenarioPathException($"'{walked}[{ix.I}]' is out of range ({walked} has {list.Count} entries)");
                return (list[ix.I], null, null);
            default:
                throw new ScenarioPathException($"'{walked}' cannot be followed further");
        }
    }

    private static object SetIn(object node, List<Segment> segs, int at, double value, string path)
    {
        var seg = segs[at];
        bool last = at == segs.Count - 1;
        switch (seg, node)
        {
            case (Name n, IReadOnlyDictionary<string, double> dict):
                if (!last || !dict.ContainsKey(n.Key)) throw new ScenarioPathException($"'{path}' does not name a share in the map");
                var copy = new Dictionary<string, double>(dict, StringComparer.Ordinal) { [n.Key] = value };
                return copy;
            case (Name n, not null) when node is not IList:
                var key = ScenarioShape.Key(node.GetType(), n.Key)
                    ?? throw new ScenarioPathException($"'{path}': '{n.Key}' is not a key of the scenario");
                object? newChild;
                if (last)
                {
                    newChild = key.Kind switch
                    {
                        // Boxed as object: a switch typed double would turn the count back into a double.
                        ValueKind.Real => (object)value,
                        // The bounds of a count lie within int's range, and every caller keeps a value inside them.
                        ValueKind.Whole => checked((int)Math.Round(value, MidpointRounding.AwayFromZero)),
                        _ => throw new ScenarioPathException($"'{path}' is not a real-valued quantity"),
                    };
                }
                else
                {
                    var child = key.Get(node) ?? throw new ScenarioPathException($"'{path}' is not set in this scenario");
                    newChild = SetIn(child, segs, at + 1, value, path);
                }
                return key.With(node, newChild);
            case (Index ix, Array array):
                if (ix.I >= array.Length) throw new ScenarioPathException($"'{path}' is out of range");
                var arrCopy = (Array)array.Clone();
                arrCopy.SetValue(SetIn(array.GetValue(ix.I)!, segs, at + 1, value, path), ix.I);
                return arrCopy;
            default:
                throw new ScenarioPathException($"'{path}' cannot be followed");
        }
    }

    private static string Describe(object o) => o switch
    {
        int => "a whole number",
        string => "text",
        bool => "true or false",
        Enum => "a choice",
        IList => "a list",
        _ => "a section",
    };
}
