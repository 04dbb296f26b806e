using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Cli;

/// <summary>
/// A sweep's <c>--set PATH=V1,V2,...</c>: one real-valued scenario quantity (a parameter or a lever field,
/// addressed as in <c>uncertainty:</c>, e.g. <c>levers[0].count</c>) and the values it takes. Every value
/// is checked against the quantity's bounds before anything runs. A share of a set that sums to 1 is swept only
/// with <c>--renormalise</c>, which rescales the set's other shares in proportion (<see cref="Shares"/>).
/// </summary>
internal sealed record SweepSetting(string Path, IReadOnlyList<double> Values, bool Renormalise)
{
    /// <summary>The set of shares the swept quantity belongs to, or null.</summary>
    public ShareGroup? Shares { get; private init; }

    public static SweepSetting Parse(string text, Scenario scenario, bool renormalise)
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
            if (ScenarioPath.IsWhole(scenario, path) && value != Math.Floor(value))
                throw new UserInputException($"--set {path}: {v} is not a whole number ({path} counts persons, months or ties).");
            if (values.Contains(value))
                throw new UserInputException($"--set {path}: {v} is listed twice.");
            values.Add(value);
        }
        if (values.Count < 2)
            throw new UserInputException($"--set {path}: give at least two values (the first is what the others are compared with).");
        var shares = ShareGroups.Containing(scenario, path);
        if (renormalise && shares is null)
            throw new UserInputException($"--renormalise rescales the other shares of a set that sums to 1 (sectors, a stage or degree mix, a GPU import's mix or sector_shares); {path} is not one of them.");
        return new SweepSetting(path, values, renormalise) { Shares = shares };
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
        if (Shares is { } group && !Renormalise)
        {
            // Alone, the share would move the whole: 30% more GPUs for academia and none fewer for the others.
            string sums = string.Join(", ", Values.Select(v => $"{Shown.Sum(group.Members.Sum(m => m.Path == Path ? v : m.Value))} at {Shown.Number(v)}"));
            errors.WriteLine($"{loaded.Place(new ScenarioIssue(Path, $"one of the shares of {group.Path}, which must sum to 1, cannot be swept on its own " +
                $"(they would sum to {sums}); add --renormalise to rescale the other shares of {group.Path} in proportion"))} (with --set {Path}={string.Join(",", Values.Select(Shown.Number))})");
            errors.WriteLine($"--set {Path}: 1 error; nothing was run or written.");
            return null;
        }
        foreach (var value in Values)
        {
            string origin = $"with --set {Path}={Shown.Number(value)}";
            if (Shares is { } shares && value != 1 && shares.Members.Where(m => m.Path != Path).Sum(m => m.Value) == 0)
            {
                errors.WriteLine($"{loaded.Place(new ScenarioIssue(Path, $"the other shares of {shares.Path} are all 0, so they cannot be rescaled to make room for {Shown.Number(value)} ({origin} --renormalise)"))}");
                count++;
                continue;
            }
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
    public bool IsUncertainIn(Scenario scenario) => scenario.Uncertainty.Any(u => u.Path == Path) || (scenario.Posterior?.Paths.Contains(Path) ?? false);

    /// <summary>
    /// The scenario with the quantity fixed at <paramref name="value"/>: a swept uncertain parameter takes the
    /// value in place of its distribution (otherwise the draw would overwrite it).
    /// </summary>
    public Scenario Apply(Scenario scenario, double value)
    {
        var fixedScenario = ScenarioPath.With(scenario, Path, value);
        if (Renormalise && Shares is { } group)
        {
            // The others keep their proportions and fill what the swept share leaves: (1 - value) / their sum.
            double others = group.Members.Where(m => m.Path != Path).Sum(m => m.Value);
            foreach (var m in group.Members.Where(m => m.Path != Path))
                fixedScenario = ScenarioPath.With(fixedScenario, m.Path, others == 0 ? 0 : m.Value * (1 - value) / others);
        }
        return fixedScenario with
        {
            Name = $"{scenario.Name} {Path}={value.ToString("R", CultureInfo.InvariantCulture)}",
            Uncertainty = scenario.Uncertainty.Where(u => u.Path != Path).ToArray(),
            // Likewise a column of a posterior: the other columns keep being drawn by row.
            Posterior = scenario.Posterior?.Without(Path),
        };
    }
}
