using BrainDrainSim.Model;

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
        var sources = new ScenarioSources(errors);
        string file = path ?? "";
        Scenario? scenario = null;
        try
        {
            if (string.IsNullOrWhiteSpace(path))
                errors.Add("", 0, 0, "", "no scenario file was named");
            else
            {
                file = Path.GetFullPath(path);
                if (sources.Load(file, text) is { } root) scenario = Build(root, file, errors);
            }
        }
        catch (Exception e)
        {
            // The boundary: whatever was not foreseen becomes an error for the caller, never a crash.
            errors.Add(file, 0, 0, "", $"the scenario could not be loaded ({e.GetType().Name}: {e.Message})");
        }
        var files = sources.Files.ToArray();
        return new ScenarioLoadResult(errors.Count == 0 ? scenario : null, errors.Sorted(files), files, sources.Hash());
    }

    private static Scenario Build(SourceMapping root, string file, ErrorList errors)
    {
        var binder = new ScenarioBinder(errors);
        var scenario = binder.Bind(root);
        // `name` is never inherited (the merge drops the base's): a file without one is named after itself.
        if (!root.Has(ScenarioKeys.Of(nameof(Scenario.Name))) && Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem)
            scenario = scenario with { Name = stem };
        new ScenarioRules(binder, errors).Check(scenario);
        new UncertaintyRules(binder, errors).Check(scenario);
        return scenario;
    }
}
