namespace BrainDrainSim.Scenarios.Source;

/// <summary>
/// A document beyond what a scenario can plausibly need (too many nodes once aliases are expanded, or nested
/// too deep). Thrown to unwind the reader at once; it never leaves the loader.
/// </summary>
internal sealed class SourceLimitException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
