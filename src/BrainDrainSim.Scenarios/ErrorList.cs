using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios;

/// <summary>Gathers every error of a load, so that the user sees them all at once rather than one per run.</summary>
internal sealed class ErrorList
{
    private readonly List<ScenarioError> items = [];

    public int Count => items.Count;

    public void Add(SourceNode at, string keyPath, string message) =>
        items.Add(new ScenarioError(at.File, at.Line, at.Column, keyPath, message));

    public void Add(string file, int line, int column, string keyPath, string message) =>
        items.Add(new ScenarioError(file, line, column, keyPath, message));

    /// <summary>
    /// Errors by file in reading order, then by place; the sort is stable, so errors at one place keep the order
    /// in which they were found and the output is the same on every run.
    /// </summary>
    public IReadOnlyList<ScenarioError> Sorted(IReadOnlyList<string> fileOrder)
    {
        int Rank(string f)
        {
            for (int i = 0; i < fileOrder.Count; i++)
                if (string.Equals(fileOrder[i], f, StringComparison.Ordinal)) return i;
            return int.MaxValue;
        }
        return items.OrderBy(e => Rank(e.File)).ThenBy(e => e.Line).ThenBy(e => e.Column).ToArray();
    }
}
