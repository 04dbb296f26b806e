using BrainDrainSim.Model;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// Key paths the loader's rules name, spelt from the records' property names through ScenarioNames (the
/// one naming rule), so that renaming a property in the model cannot silently switch a check off.
/// </summary>
internal static class ScenarioKeys
{
    /// <summary>Not a property: the merge consumes it before binding.</summary>
    public const string Extends = "extends";

    /// <summary>Not a property: Lever.Type is fixed by the subtype, so in YAML it picks the subtype.</summary>
    public const string LeverType = "type";

    /// <summary>The snake_case key path of a chain of property names: Of(nameof(A), nameof(B)) is "a.b".</summary>
    public static string Of(params string[] propertyNames) => string.Join(".", propertyNames.Select(ScenarioNames.ToSnake));
}
