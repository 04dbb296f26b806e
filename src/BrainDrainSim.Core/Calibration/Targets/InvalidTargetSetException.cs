using BrainDrainSim.Validation;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>Thrown when a target set built in code is validated and is not valid; it lists every error.</summary>
public sealed class InvalidTargetSetException : Exception
{
    /// <summary>An exception listing the errors of the named target set.</summary>
    public InvalidTargetSetException(string name, IReadOnlyList<ScenarioIssue> errors)
        : base($"target set '{Shown.Text(name ?? "")}' is not valid: " + string.Join("; ", errors ?? []))
    {
        Name = name ?? "";
        Errors = errors ?? [];
    }

    /// <summary>The name of the target set that is not valid.</summary>
    public string Name { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ScenarioIssue> Errors { get; }
}
