using System.Security.Cryptography;
using System.Text;
using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.Scenarios.Source;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Scenarios.Targets;

/// <summary>
/// Loads a calibration targets file (scenarios/targets/korea.yaml) for the scenario whose runs it will judge: reads
/// it as scenario files are read, binds it onto the target records and validates it against the scenario
/// (<see cref="TargetValidator"/>), gathering every error on the way, each placed at its file, line, column and key
/// path. Never throws for bad input: every problem is an error.
/// </summary>
public static class TargetLoader
{
    /// <summary>What the file should be, as file-level messages name it.</summary>
    internal const string Document = "a targets file";

    private const string EmptyNeeds = "a targets file is a mapping of keys such as name:, description: and targets:";

    /// <summary>Loads the targets file at <paramref name="path"/> against the scenario whose runs it will judge.</summary>
    /// <param name="path">The targets file.</param>
    /// <param name="scenario">The scenario: its start and months bound the targets' months.</param>
    /// <param name="metrics">The metrics its runs record, in the order of their series; by default those of <see cref="MetricCatalog.For"/>.</param>
    public static TargetLoadResult Load(string path, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics = null) =>
        Run(path, text: null, scenario, metrics);

    /// <summary>Loads YAML held in memory as if it were the file <paramref name="fileName"/> (errors name it).</summary>
    /// <param name="yaml">The targets file's text.</param>
    /// <param name="fileName">The file the text stands for.</param>
    /// <param name="scenario">The scenario: its start and months bound the targets' months.</param>
    /// <param name="metrics">The metrics its runs record, in the order of their series; by default those of <see cref="MetricCatalog.For"/>.</param>
    public static TargetLoadResult LoadText(string yaml, string fileName, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics = null) =>
        Run(fileName, yaml ?? "", scenario, metrics);

    private static TargetLoadResult Run(string? path, string? text, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new ErrorList();
        var warnings = new ErrorList();
        string file = path ?? "";
        byte[]? bytes = null;
        ValidatedTargetSet? targets = null;
        try
        {
            if (string.IsNullOrWhiteSpace(path))
                errors.Add("", 0, 0, "", "no targets file was named");
            else
            {
                file = Path.GetFullPath(path);
                bytes = Bytes(file, text, errors);
                var tree = bytes is not null && SourceFile.Decode(bytes, file, errors) is { } decoded ? SourceTreeReader.Read(decoded, file, errors, EmptyNeeds) : null;
                if (tree is SourceMapping root)
                    targets = Build(root, file, scenario, metrics, errors, warnings);
                else if (tree is not null)
                    errors.Add(tree, "", $"a targets file must be a mapping of keys (name:, description:, targets:), not {tree.Describe()}");
            }
        }
        catch (Exception e)
        {
            // The boundary: whatever was not foreseen becomes an error for the caller, never a crash.
            errors.Add(file, 0, 0, "", $"the targets file could not be loaded ({e.GetType().Name}: {e.Message})");
        }
        string[] files = [file];
        return new TargetLoadResult(errors.Count == 0 ? targets : null, errors.Sorted(files), warnings.Sorted(files), file,
            bytes is null ? "" : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static byte[]? Bytes(string file, string? text, ErrorList errors)
    {
        string named = Shown.FilePath(file);
        if (text is null)
            return SourceFile.Read(file, named, Document, $"cannot find the targets file {named}", message => errors.Add(file, 0, 0, "", message));
        if (SourceFile.Fits(text)) return Encoding.UTF8.GetBytes(text);
        errors.Add(file, 0, 0, "", SourceFile.TooLarge(named, Document));
        return null;
    }

    private static ValidatedTargetSet? Build(SourceMapping root, string file, ValidatedScenario scenario, IReadOnlyList<MetricInfo>? metrics,
        ErrorList errors, ErrorList warnings)
    {
        var binder = new TargetBinder(errors);
        var set = binder.Bind(root);
        // As for scenarios, a file without a name is named after itself.
        if (!root.Has(ScenarioNames.ToSnake(nameof(TargetSet.Name))) && Path.GetFileNameWithoutExtension(file) is { Length: > 0 } stem)
            set = set with { Name = stem };
        var context = new ValidationContext { Unreadable = binder.Failed.Contains, Written = binder.WasGiven };
        var report = TargetValidator.Check(set, scenario, metrics, context);
        foreach (var e in report.Errors) errors.Add(binder.NodeOf(e), e.Path, e.Message);
        foreach (var w in report.Warnings) warnings.Add(binder.NodeOf(w), w.Path, w.Message);
        return errors.Count == 0 ? TargetValidator.TryValidate(set, scenario, metrics, out _) : null;
    }
}
