using BrainDrainSim.Calibration.Targets;

namespace BrainDrainSim.Scenarios.Targets;

/// <summary>What loading a targets file gave: the validated target set, or every error found (never both).</summary>
public sealed class TargetLoadResult
{
    internal TargetLoadResult(ValidatedTargetSet? targets, IReadOnlyList<ScenarioError> errors, IReadOnlyList<ScenarioError> warnings, string file, string inputHash)
    {
        // A half-valid target set must never judge a run, so errors and a set exclude each other.
        Targets = errors.Count == 0 ? targets : null;
        Errors = errors;
        Warnings = warnings;
        File = file;
        InputHash = inputHash;
    }

    /// <summary>The validated target set; null when <see cref="Errors"/> is not empty.</summary>
    public ValidatedTargetSet? Targets { get; }

    /// <summary>Every problem found, each at its file, line, column and key path, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>What the set may mean otherwise than written (a flow taken at one month): it loads, and the user should look.</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; }

    /// <summary>The full path of the file read.</summary>
    public string File { get; }

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the file's bytes (empty when it could not be read).</summary>
    public string InputHash { get; }

    public bool Ok => Errors.Count == 0;
}
