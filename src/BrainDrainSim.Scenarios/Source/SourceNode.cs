namespace BrainDrainSim.Scenarios.Source;

/// <summary>
/// A YAML node together with the file and place it was written. The loader keeps its own tree rather than
/// YamlDotNet's so that nodes from several files (<c>extends</c>) can be merged while each still points at
/// its own file, line and column.
/// </summary>
internal abstract class SourceNode(string file, int line, int column)
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>What the node is, in the words an error message uses ("a list", "a section", "'abc'").</summary>
    public abstract string Describe();
}
