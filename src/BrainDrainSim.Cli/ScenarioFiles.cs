using BrainDrainSim.Scenarios;

namespace BrainDrainSim.Cli;

/// <summary>
/// Loads a scenario for a verb and prints every error in the form file:line:column: key: message, and every
/// warning (a value outside its plausible range) as "warning: file:line:column: key: message".
/// </summary>
internal static class ScenarioFiles
{
    public static ScenarioLoadResult? LoadOrReport(string path, TextWriter errors)
    {
        var result = ScenarioLoader.Load(path);
        foreach (var w in result.Warnings) errors.WriteLine($"warning: {w}");
        if (result.Ok) return result;
        foreach (var e in result.Errors) errors.WriteLine(e.ToString());
        errors.WriteLine($"{path}: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}; nothing was run or written.");
        return null;
    }
}
