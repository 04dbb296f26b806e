using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>A target's quantity and observation in words, the same in predictive.csv, the report and the charts.</summary>
internal static class TargetText
{
    /// <summary>"researchers_abroad at 2016-12", "emigrations summed over 2015-01 to 2015-12", "a / b".</summary>
    public static string Quantity(TargetQuantity q)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Ratio is { Length: 2 } ratio) return $"({Quantity(ratio[0])}) / ({Quantity(ratio[1])})";
        string metric = q.Metric ?? "";
        if (q.At is { } at) return $"{metric} at {at}";
        if (q.Sum is { } sum) return $"{metric} summed over {Period(sum)}";
        if (q.Mean is { } mean) return $"mean of {metric} over {Period(mean)}";
        return metric;
    }

    /// <summary>"11,000 ± 1,500 (sd)" for an observed figure; "at least 0", "at most 500", "between 1 and 2" for a bound.</summary>
    public static string Observation(CalibrationTarget t)
    {
        ArgumentNullException.ThrowIfNull(t);
        string sd = t.Sd is { } s ? Figures.Significant(s) : Figures.Undefined;
        if (t.Observed is { } y) return $"{Figures.Significant(y)} (sd {sd})";
        return $"{Bound(t.Bound)} (sd {sd})";
    }

    /// <summary>The bound's limits in words; empty for none.</summary>
    public static string Bound(TargetBound? b) => b switch
    {
        { Min: { } lo, Max: { } hi } => $"between {Figures.Significant(lo)} and {Figures.Significant(hi)}",
        { Min: { } lo } => $"at least {Figures.Significant(lo)}",
        { Max: { } hi } => $"at most {Figures.Significant(hi)}",
        _ => "",
    };

    /// <summary>"fit" or "validate".</summary>
    public static string Role(CalibrationTarget t) => t.Role is { } r ? ScenarioNames.EnumKey(r) : "";

    /// <summary>The first and last month the quantity reads.</summary>
    public static (YearMonth First, YearMonth Last) Months(TargetQuantity q)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Ratio is { Length: 2 } ratio)
        {
            var (a0, a1) = Months(ratio[0]);
            var (b0, b1) = Months(ratio[1]);
            return (a0 < b0 ? a0 : b0, a1 > b1 ? a1 : b1);
        }
        if (q.At is { } at) return (at, at);
        var range = q.Sum ?? q.Mean ?? throw new ArgumentException("the quantity has no month", nameof(q));
        return (range.From!.Value, range.To!.Value);
    }

    private static string Period(MonthRange r) => $"{r.From} to {r.To}";
}
