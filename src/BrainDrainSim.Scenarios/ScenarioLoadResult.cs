using BrainDrainSim.Model;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// What loading a scenario gave: the validated scenario, or every error found (never both), with the files
/// read and a hash of their bytes so that a run's manifest can name exactly what it ran.
/// </summary>
public sealed class ScenarioLoadResult
{
    private readonly SourcePlaces? places;

    internal ScenarioLoadResult(ValidatedScenario? scenario, IReadOnlyList<ScenarioError> errors, IReadOnlyList<ScenarioError> warnings,
        IReadOnlyList<string> inputFiles, string inputHash, SourcePlaces? places)
    {
        // A half-valid scenario must never reach the engine, so errors and a scenario exclude each other.
        Validated = errors.Count == 0 ? scenario : null;
        Errors = errors;
        Warnings = warnings;
        InputFiles = inputFiles;
        InputHash = inputHash;
        this.places = places;
    }

    /// <summary>The validated scenario, which the engine runs; null when <see cref="Errors"/> is not empty.</summary>
    public ValidatedScenario? Validated { get; }

    /// <summary>The validated scenario's values; null when <see cref="Errors"/> is not empty.</summary>
    public Scenario? Scenario => Validated?.Scenario;

    /// <summary>Values outside their plausible range, each at its place: the scenario is valid and runs, but the user should look.</summary>
    public IReadOnlyList<ScenarioError> Warnings { get; }

    /// <summary>
    /// A finding of the validator about a scenario derived from this file (a sweep value, a draw), placed where
    /// the value it concerns was written (or its nearest written parent).
    /// </summary>
    public ScenarioError Place(ScenarioIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (places is null) return new ScenarioError(InputFiles.Count > 0 ? InputFiles[^1] : "", 0, 0, issue.Path, issue.Message);
        var node = places.NodeOf(issue);
        return new ScenarioError(node.File, node.Line, node.Column, issue.Path, issue.Message);
    }

    /// <summary>Every problem found, ordered by file (base first), line and column.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>
    /// Full paths of every file read, the base (the <c>extends</c> target) before the file extending it, and a
    /// posterior file just before the scenario file that names it: the scenario's own file is the last.
    /// </summary>
    public IReadOnlyList<string> InputFiles { get; }

    /// <summary>"sha256:" and the lowercase hex SHA-256 of the bytes of every input file, in <see cref="InputFiles"/> order.</summary>
    public string InputHash { get; }

    public bool Ok => Errors.Count == 0;
}
