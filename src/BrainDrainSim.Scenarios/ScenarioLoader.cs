using BrainDrainSim.Model;
using BrainDrainSim.Validation;
using BrainDrainSim.Scenarios.Binding;
using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// Loads a scenario from YAML: reads the file and the files it <c>extends</c>, merges them, binds the result
/// onto the immutable <see cref="Scenario"/> records and validates it, gathering every error on the way, each
/// placed at its file, line, column and key path. Never throws for bad input: every problem is an error.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult Load(string path) => Run(path, text: null);

    /// <summary>
    /// Loads YAML held in memory as if it were the file <paramref name="fileName"/>: <c>extends</c> resolves
    /// relative to that file's folder (or the current folder), and errors name it.
    /// </summary>
    public static ScenarioLoadResult LoadText(string yaml, string fileName) => Run(fileName, yaml ?? "");

    private static ScenarioLoadResult Run(string? path, string? text)
    {
        var errors = new ErrorList();
        var warnings = new ErrorList();
        var sources = new ScenarioSources(errors);
        string file = path ?? "";
        ValidatedScenario? scenario = null;
        ScenarioBinder? binder = null;
        try
        {
            if (string.IsNullOrWhiteSpace(path))
                errors.Add("", 0, 0, "", "no scenario file was named");
            else
            {
                file = Path.GetFullPath(path);
                if (sources.Load(file, text) is { } root)
                {
                    binder = new ScenarioBinder(errors);
                    scenario = Build(binder, sources, root, file, errors, warnings);
                }
            }
        }
        catch (Exception e)
        {
            // The boundary: whatever was not foreseen becomes an error for the caller, never a crash.
            errors.Add(file, 0, 0, "", $"the scenario could not be loaded ({e.GetType().Name}: {e.Message})");
        }
        var files = sources.Files.ToArray();
        return new ScenarioLoadResult(errors.Count == 0 ? scenario : null, errors.Sorted(files), warnings.Sorted(files), files, sources.Hash(),
            binder is null ? null : new SourcePlaces(binder));
    }

    /// <summary>
    /// The scenario with its posterior, which supersedes a distribution that a base file (one the posterior's file
    /// extends) gives one of its paths: the calibration replaced that prior. A distribution written in the
    /// posterior's own file, or in a file extending it, stays, and the validator refuses it.
    /// </summary>
    private static Scenario WithPosterior(Scenario scenario, PosteriorSample posterior, PosteriorEntry entry, ScenarioBinder binder, IReadOnlyList<string> files)
    {
        int Rank(string f) => files.ToList().IndexOf(f);
        int posteriorRank = Rank(entry.KeyNode.File);
        var superseded = binder.Uncertainty
            .Where(u => posterior.Paths.Contains(u.Path) && Rank(u.KeyNode.File) < posteriorRank)
            .Select(u => u.Path)
            .ToHashSet(StringComparer.Ordinal);
        return scenario with
        {
            Posterior = posterior,
            Uncertainty = scenario.Uncertainty.Where(u => !superseded.Contains(u.Path)).ToArray(),
        };
    }

    private static ValidatedScenario? Build(ScenarioBinder binder, ScenarioSources sources, SourceMapping root, string file, ErrorList errors, ErrorList warnings)
    {
        var scenario = binder.Bind(root);
        if (binder.Posterior is { } entry)
        {
            if (sources.LoadPosterior(entry) is { } posterior) scenario = WithPosterior(scenario, posterior, entry, binder, sources.Files);
            else binder.Failed.Add(entry.KeyPath);
        }
        // `name` is never inherited (the merge drops the base's): a file without one is named after itself.
        if (!root.Has(ScenarioKeys.Of(nameof(Scenario.Name))) && Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem)
            scenario = scenario with { Name = stem };
        // The rules live with the model (the engine accepts only what they pass); here each finding gets its place.
        var context = new ValidationContext
        {
            Unreadable = binder.Failed.Contains,
            Written = binder.WasGiven,
            LeverIndex = i => binder.Levers[i].Index,
            AllLeversRead = binder.AllLeversBound,
        };
        var report = ScenarioValidator.Check(scenario, context);
        var places = new SourcePlaces(binder);
        foreach (var e in report.Errors) errors.Add(places.NodeOf(e), e.Path, e.Message);
        foreach (var w in report.Warnings) warnings.Add(places.NodeOf(w), w.Path, w.Message);
        // With every error of the file found, the full check (nothing left out) makes the scenario the engine takes.
        return errors.Count == 0 ? ScenarioValidator.Validate(scenario) : null;
    }
}
