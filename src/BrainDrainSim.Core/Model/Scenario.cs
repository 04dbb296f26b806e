using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Model;

/// <summary>
/// A validated, immutable scenario: the only input the engine accepts. Money at home is in KRW per year,
/// offers abroad in USD per year, compute in current-frontier H100-equivalents, time in months from
/// <see cref="Start"/>. Every quantity is addressable by its snake_case path (<c>levers[0].count</c>).
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name: it names the output folder. Not inherited through <c>extends</c>; left out, the file's name (without .yaml) is used.</summary>
    public string Name { get; init; } = "scenario";
    /// <summary>What the scenario is, in a sentence or two, for people and reports.</summary>
    public string Description { get; init; } = "";

    /// <summary>The first simulated month.</summary>
    public YearMonth Start { get; init; } = new(2025, 1);

    /// <summary>The horizon in months.</summary>
    [Plausible(1, 360, Why = "more than 30 years; the model's myopic decisions and fixed traits are meant for 5-15")]
    [ShapeOfRun("every replication of an ensemble covers the same months")]
    [Bounds(1, 1200), Unit("months")] public int Months { get; init; } = 120;

    /// <summary>One agent stands for this many persons: counts are divided, outputs and costs multiplied back.</summary>
    [Plausible(1, 1_000_000)] // a speed knob, not a quantity that a slip of the unit could spoil (a group left without agents is an error)
    [ShapeOfRun("every replication of an ensemble has the same agents per person")]
    [Bounds(1, 1_000_000), Unit("persons per agent")] public int AgentScale { get; init; } = 1;

    /// <summary>Exchange rate that converts offers abroad (USD) into KRW for the pay comparison.</summary>
    [Plausible(500, 3000, Why = "the won has traded between about 700 and 2,000 per dollar since 1997")]
    [Bounds(0, 1e6, MinExclusive = true), Unit("KRW per USD")] public double KrwPerUsd { get; init; } = 1391.6;

    /// <inheritdoc cref="PopulationSpec"/>
    public PopulationSpec Population { get; init; } = new();

    /// <summary>The home sectors, each with its share of researchers, pay multiplier and baseline compute; levers name sectors by name.</summary>
    [SharesOfOne(Member = nameof(SectorSpec.Share), Label = nameof(SectorSpec.Name), What = "the sectors' shares")]
    public SectorSpec[] Sectors { get; init; } =
    [
        new() { Name = "academia", Share = 0.30, PayMultiplier = 0.85, BaselineComputeH100e = 0.0117 },
        new() { Name = "industry", Share = 0.55, PayMultiplier = 1.10, BaselineComputeH100e = 0.048 },
        new() { Name = "institute", Share = 0.15, PayMultiplier = 0.95, BaselineComputeH100e = 0.035 },
    ];

    /// <inheritdoc cref="PaySpec"/>
    public PaySpec Pay { get; init; } = new();

    /// <inheritdoc cref="ComputeSpec"/>
    public ComputeSpec Compute { get; init; } = new();

    /// <inheritdoc cref="Model.Coefficients"/>
    public Coefficients Coefficients { get; init; } = new();

    /// <inheritdoc cref="NetworkSpec"/>
    public NetworkSpec Network { get; init; } = new();

    /// <inheritdoc cref="VisaSpec"/>
    public VisaSpec Visa { get; init; } = new();

    /// <inheritdoc cref="CareerSpec"/>
    public CareerSpec Careers { get; init; } = new();

    /// <summary>
    /// Dated changes of inputs that are not policies (the exchange rate, pay growth, the H-1B lottery of each cap
    /// season, entry suspensions), in month order: from each entry's month its keys replace the scenario's values.
    /// </summary>
    public TimelineEntry[] Timeline { get; init; } = [];

    /// <summary>The policy levers, in file order (a child scenario's levers follow its parent's).</summary>
    public Lever[] Levers { get; init; } = [];

    /// <summary>Uncertain quantities, sorted by path; each is drawn once per replication from its own stream.</summary>
    public UncertainParameter[] Uncertainty { get; init; } = [];

    /// <summary>
    /// Whole rows of a calibration's posterior, one drawn by weight per replication (written as
    /// <c>uncertainty: {posterior: {file: ...}}</c>); a path is either a column here or an entry of
    /// <see cref="Uncertainty"/>, never both. Null when the scenario has none.
    /// </summary>
    [InBlock(nameof(Uncertainty))]
    public PosteriorSample? Posterior { get; init; }

    /// <summary>The last simulated month.</summary>
    public YearMonth End => Start.AddMonths(Months - 1);

    /// <summary>
    /// This scenario, validated for the engine: throws <see cref="Validation.InvalidScenarioException"/> listing every
    /// broken rule when it is not valid (see <see cref="Validation.ScenarioValidator"/>).
    /// </summary>
    public ValidatedScenario Validate() => Validation.ScenarioValidator.Validate(this);

    /// <summary>The index in <see cref="Sectors"/> of the sector with this name, or -1.</summary>
    public int SectorIndex(string name)
    {
        for (int i = 0; i < Sectors.Length; i++)
            if (string.Equals(Sectors[i].Name, name, StringComparison.Ordinal)) return i;
        return -1;
    }
}
