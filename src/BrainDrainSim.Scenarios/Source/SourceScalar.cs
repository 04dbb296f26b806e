using BrainDrainSim.Validation;

namespace BrainDrainSim.Scenarios.Source;

/// <summary>A scalar as written. Its text is kept, never a guessed type: the target property decides how to read it.</summary>
internal sealed class SourceScalar(string file, int line, int column, string value, bool isPlain)
    : SourceNode(file, line, column)
{
    public string Value { get; } = value;

    /// <summary>
    /// Unquoted and not tagged <c>!!str</c>. Only plain scalars can be numbers, booleans or null, as in YAML's
    /// core schema: <c>'5'</c> is the text 5.
    /// </summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The same scalar placed at an alias, so that an error about it points where it was used.</summary>
    public SourceScalar At(string file, int line, int column) => new(file, line, column, Value, IsPlain);

    public override string Describe() => IsNull ? "an empty value" : $"'{Shown.Text(Value, 40)}'";
}
