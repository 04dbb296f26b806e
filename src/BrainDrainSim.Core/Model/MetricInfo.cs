namespace BrainDrainSim.Model;

/// <summary>A recorded metric: its name in the CSV files, unit, how it aggregates per year, and a chart title.</summary>
public sealed record MetricInfo(string Name, string Unit, MetricKind Kind, string Title);
