using System.Collections;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Model.Shape;

namespace BrainDrainSim.Validation;

/// <summary>
/// Checks every single value of a scenario on its own: numbers finite and inside their valid range
/// (<see cref="BoundsAttribute"/>, an error) and their plausible range (<see cref="PlausibleAttribute"/>, a
/// warning), months real months, choices among their names, and required values given. The loader reports the
/// same for what it reads, so on a loaded file this finds only warnings; it guards what code builds or changes.
/// </summary>
internal sealed class LeafRules(ValidationContext context, List<ScenarioIssue> issues)
{
    public void Check(Scenario scenario) => Walk(scenario, typeof(Scenario), "", null);

    /// <summary>Checks every key of one record, and of the records under it.</summary>
    /// <param name="record">The record to check.</param>
    /// <param name="type">The record's type, whose keys are walked.</param>
    /// <param name="path">The record's path in the scenario ("" for the scenario itself), which findings name.</param>
    /// <param name="plausible">The plausible range a section's key gives all its numbers (pay levels by stage), or null.</param>
    private void Walk(object record, Type type, string path, PlausibleAttribute? plausible)
    {
        foreach (var key in ScenarioShape.KeysOf(type))
        {
            string p = path.Length == 0 ? key.Name : $"{path}.{key.Name}";
            var value = key.Get(record);
            if (context.Unreadable(p)) continue;
            // Null is "not given": the rules that need the value say so in their own words.
            if (value is null) continue;
            switch (key.Kind)
            {
                case ValueKind.Real:
                    Number(p, (double)value, key, plausible ?? key.Plausible);
                    break;
                case ValueKind.Whole:
                    Number(p, (int)value, key, plausible ?? key.Plausible);
                    break;
                case ValueKind.Month:
                    var m = (YearMonth)value;
                    if (!YearMonth.TryParse(m.ToString(), out _) || m.ToString().Length != 7)
                        issues.Add(new ScenarioIssue(p, $"expected a month as YYYY-MM (such as 2025-07) from 1900-01 to 2999-12, not year {m.Year} month {m.Month}"));
                    break;
                case ValueKind.Choice:
                    if (!Enum.IsDefined(key.ValueType, value))
                        issues.Add(new ScenarioIssue(p, $"{value} is not one of the choices for this key"));
                    break;
                case ValueKind.Section:
                    Walk(value, key.ValueType, p, key.Plausible);
                    break;
                case ValueKind.List:
                    int i = 0;
                    foreach (var item in (IEnumerable)value)
                    {
                        string itemPath = $"{p}[{i++}]";
                        if (context.Unreadable(itemPath)) continue;
                        if (item is null) issues.Add(new ScenarioIssue(itemPath, "a list entry is missing"));
                        else Walk(item, key.ValueType, itemPath, null);
                    }
                    break;
                case ValueKind.Levers:
                    var levers = (Lever[])value;
                    for (int j = 0; j < levers.Length; j++)
                    {
                        string leverPath = $"{p}[{context.LeverIndex(j)}]";
                        if (levers[j] is null) issues.Add(new ScenarioIssue(leverPath, "a lever is missing"));
                        else if (!context.Unreadable(leverPath)) Walk(levers[j], levers[j].GetType(), leverPath, null);
                    }
                    break;
                case ValueKind.RealMap:
                    foreach (var (name, d) in (IReadOnlyDictionary<string, double>)value)
                    {
                        string entry = Shown.Join(p, name);
                        if (!context.Unreadable(entry)) Number(entry, d, key, key.Plausible);
                    }
                    break;
            }
        }
    }

    private void Number(string path, double v, ScenarioKey key, PlausibleAttribute? plausible)
    {
        if (double.IsNaN(v)) issues.Add(new ScenarioIssue(path, "NaN is not allowed: expected a finite number"));
        else if (double.IsInfinity(v)) issues.Add(new ScenarioIssue(path, "infinity is not allowed: expected a finite number"));
        else if (key.Bounds?.Explain(v, key.Unit) is { } why) issues.Add(new ScenarioIssue(path, why));
        else if (plausible is not null && !plausible.Contains(v))
            issues.Add(new ScenarioIssue(path, Implausible(v, key.Unit, plausible), IssueSeverity.Warning));
    }

    /// <summary>The warning for a value outside its plausible range: the value, the range and what it usually means.</summary>
    internal static string Implausible(double v, string? unitName, PlausibleAttribute plausible)
    {
        string unit = unitName is null ? "" : $" {unitName}";
        string side = v > plausible.Max ? $"above the plausible maximum {Shown.Number(plausible.Max)}{unit}" : $"below the plausible minimum {Shown.Number(plausible.Min)}{unit}";
        return $"{Shown.Number(v)} is {side} (plausible range [{Shown.Number(plausible.Min)}, {Shown.Number(plausible.Max)}]){(plausible.Why is null ? "" : $": {plausible.Why}")}; it is valid, but check it";
    }
}
