namespace BrainDrainSim.Model;

/// <summary>How a metric aggregates over a calendar year.</summary>
public enum MetricKind
{
    /// <summary>A level at the end of the month (researchers at home); a year reports its last month.</summary>
    Stock,
    /// <summary>A count or amount during the month (emigrations, monthly cost); a year reports the sum.</summary>
    Flow,
    /// <summary>A ratio or per-head level (compute per researcher, stay rate); a year reports its last month.</summary>
    Ratio,
}
