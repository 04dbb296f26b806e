using BrainDrainSim.Model;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>A period of months, both ends included: 2019-01 to 2019-12 is the calendar year 2019.</summary>
public sealed record MonthRange
{
    /// <summary>The first month of the period.</summary>
    public YearMonth? From { get; init; }

    /// <summary>The last month of the period (included).</summary>
    public YearMonth? To { get; init; }
}
