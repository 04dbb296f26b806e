namespace BrainDrainSim.Model.Shape;

/// <summary>
/// What a scenario key holds, decided once from its C# type (<see cref="ScenarioShape"/>), so that the loader,
/// the schema, path addressing, the validator and the JSON writer each switch on this rather than on types.
/// </summary>
public enum ValueKind
{
    /// <summary>A real number (<c>double</c>): it can be drawn, swept or fitted.</summary>
    Real,
    /// <summary>A whole number (<c>int</c>): a count can be drawn, swept or fitted as a real number set to the nearest whole one.</summary>
    Whole,
    /// <summary>true or false.</summary>
    Switch,
    /// <summary>Text (names, labels, descriptions).</summary>
    Text,
    /// <summary>A calendar month, YYYY-MM.</summary>
    Month,
    /// <summary>One of a fixed set of names (an enum).</summary>
    Choice,
    /// <summary>A nested record of keys (<c>pay:</c>, <c>coefficients:</c>).</summary>
    Section,
    /// <summary>A list of records (<c>sectors:</c>, a GPU import's <c>mix:</c>).</summary>
    List,
    /// <summary>The list of policy levers, each picked by its <c>type</c>.</summary>
    Levers,
    /// <summary>A map from a name (a sector, a GPU model, a stage) to a real number.</summary>
    RealMap,
    /// <summary>The uncertainty block: a map from a quantity's path to a distribution.</summary>
    Uncertainty,
}
