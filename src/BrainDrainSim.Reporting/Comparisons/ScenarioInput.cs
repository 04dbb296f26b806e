namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// The files one compared scenario was read from, for the manifest and the report: the comparison itself only
/// sees the resolved scenario, which no longer knows where it came from.
/// </summary>
/// <param name="Name">The scenario's name, as given by its file.</param>
/// <param name="InputFiles">The files read, the base (the <c>extends</c> target) before the file extending it, as <see cref="RunInfo.InputFiles"/>: the scenario's own file is the last.</param>
/// <param name="InputHash">A hash of their contents, the algorithm named in it (e.g. "sha256:...").</param>
public sealed record ScenarioInput(string Name, IReadOnlyList<string> InputFiles, string InputHash);
