using System.Text.Json;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// calibrated.yaml: the scenario calibrated, extended so that its fitted quantities are drawn as whole rows of the
/// posterior beside it (the quantities kept at their prior are still drawn from it). It names the scenario by its
/// path relative to the results folder, so it runs from where it was written; a folder moved elsewhere needs its
/// <c>extends</c> corrected.
/// </summary>
public static class CalibratedScenario
{
    /// <summary>The file's name in the results folder.</summary>
    public const string File = "calibrated.yaml";

    /// <summary>The text of calibrated.yaml for results written to <paramref name="outDir"/> (a folder beside the final one gives the same path).</summary>
    public static string Format(string scenarioName, string scenarioFile, string outDir)
    {
        ArgumentNullException.ThrowIfNull(scenarioName);
        ArgumentNullException.ThrowIfNull(scenarioFile);
        ArgumentNullException.ThrowIfNull(outDir);
        string relative = Path.GetRelativePath(Path.GetFullPath(outDir), Path.GetFullPath(scenarioFile)).Replace('\\', '/');
        // JSON strings are YAML double-quoted scalars: any path or name is written safely.
        string Quoted(string s) => JsonSerializer.Serialize(s);
        return $"""
            # The scenario {scenarioName} with its calibrated quantities drawn as whole rows of posterior.csv (by weight, one
            # row per replication), written by braindrain calibrate. Run it, or extend it with a policy, as any scenario.
            extends: {Quoted(relative)}
            name: {Quoted(scenarioName + "-calibrated")}
            uncertainty:
              posterior: {"{"}file: posterior.csv{"}"}

            """;
    }
}
