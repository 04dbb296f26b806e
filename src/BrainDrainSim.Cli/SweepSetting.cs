using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Cli;

/// <summary>
/// A sweep's <c>--set PATH=V1,V2,...</c>: one real-valued scenario quantity (a parameter or a lever field,
/// addressed as in <c>uncertainty:</c>, e.g. <c>levers[0].count</c>) and the values it takes. Every value
/// is checked against the quantity's bounds before anything runs.
/// </summary>
internal sealed record SweepSetting(string Path, IReadOnlyList<double> Values)
{
    public static SweepSetting Parse(string text, Scenario scenario)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new UserInputException($"--set '{text}': expected PATH=V1,V2,... (for example --set levers[0].count=0,10000,20000).");
        string path = text[..eq].Trim();
        if (ScenarioPath.Check(scenario, path, out var bounds) is { } why)
            throw new UserInputException($"--set: {why} in scenario '{scenario.Name}'.");
        var values = new List<double>();
        foreach (var part in text[(eq + 1)..].Split(','))
        {
            string v = part.Trim();
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new UserInputException($"--set {path}: '{v}' is not a number (write numbers like 10000 or 0.25, separated by commas).");
            if (bounds is not null && !bounds.Contains(value))
                throw new UserInputException($"--set {path}: {v} is outside the allowed range {bounds.Describe()}.");
            if (values.Contains(value))
                throw new UserInputException($"--set {path}: {v} is listed twice.");
            values.Add(value);
        }
        if (values.Count < 2)
            throw new UserInputException($"--set {path}: give at least two values (the first is what the others are compared with).");
        return new SweepSetting(path, values);
    }

    /// <summary>
    /// The scenario at each value, each validated as a whole: a value inside its own range can still break a rule
    /// that ties it to others (a top-up of 0 with no amount). Every broken rule is reported, placed where the
    /// scenario file gives the value it concerns, with the --set value that broke it; then null (nothing runs).
    /// Warnings about the swept values (outside their plausible range) are printed and the sweep goes on.
    /// </summary>
    public IReadOnlyList<ValidatedScenario>? Validate(Scenario scenario, ScenarioLoadResult loaded, TextWriter errors)
    {
        var valid = new List<ValidatedScenario>();
        int count = 0;
        foreach (var value in Values)
        {
            string origin = $"with --set {Path}={Shown.Number(value)}";
            var candidate = ScenarioValidator.TryValidate(Apply(scenario, value), out var report);
            foreach (var e in report.Errors) errors.WriteLine($"{loaded.Place(e)} ({origin})");
            foreach (var w in report.Warnings.Where(w => w.Path == Path)) errors.WriteLine($"warning: {loaded.Place(w)} ({origin})");
            count += report.Errors.Count;
            if (candidate is not null) valid.Add(candidate);
        }
        if (count == 0) return valid;
        errors.WriteLine($"--set {Path}: {count} error{(count == 1 ? "" : "s")} in the swept scenarios; nothing was run or written.");
        return null;
    }

    /// <summary>Whether the swept quantity has a distribution in the scenario's <c>uncertainty:</c> block.</summary>
    public bool IsUncertainIn(Scenario scenario) => scenario.Uncertainty.Any(u => u.Path == Path);

    /// <summary>
    /// The scenario with the quantity fixed at <paramref name="value"/>: a swept uncertain parameter takes the
    /// value in place of its distribution (otherwise the draw would overwrite it).
    /// </summary>
    public Scenario Apply(Scenario scenario, double value)
    {
        var fixedScenario = ScenarioPath.With(scenario, Path, value);
        return fixedScenario with
        {
            Name = $"{scenario.Name} {Path}={value.ToString("R", CultureInfo.InvariantCulture)}",
            Uncertainty = scenario.Uncertainty.Where(u => u.Path != Path).ToArray(),
        };
    }
}
