using BrainDrainSim.Model;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// What loading a scenario gave: the validated scenario, or every error found (never both), with the files
/// read and a hash of their bytes so that a run's manifest can name exactly what it ran.
/// </summary>
public sealed class ScenarioLoadResult
{
    internal ScenarioLoadResult(Scenario? scenario, IReadOnlyList<ScenarioError> errors, IReadOnlyList<string> inputFiles, string inputHash)
    {
        // A half-valid scenario must never reach the engine, so errors and a scenario exclude each other.
        Scenario = errors.Count == 0 ? scenario : null;
        Errors = errors;
        InputFiles = inputFiles;
        InputHash = inputHash;
    }

    /// <summary>The validated scenario; null when <see cref="Errors"/> is not empty.</summary>
    public Scenario? Scenario { get; }

    /// <summary>Every problem found, ordered by file (base first), line and column.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>Full paths of every file read, the base (the <c>extends</c> target) before the file extending it.</summary>
    public IReadOnlyList<string> InputFiles { get; }

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the bytes of every input file, in <see cref="InputFiles"/> order.</summary>
    public string InputHash { get; }

    public bool Ok => Errors.Count == 0;
}
