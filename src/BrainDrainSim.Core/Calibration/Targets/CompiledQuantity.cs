using BrainDrainSim.Model;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// A quantity with its metric resolved to a series index and its months to offsets from the start, so that a run
/// is evaluated without looking a name up. Made from a quantity the validator passed (or by
/// <see cref="TargetQuantity.Evaluate"/>, which throws for one it would not).
/// </summary>
internal sealed class CompiledQuantity
{
    private enum Form { At, Sum, Mean, Ratio }

    private readonly Form form;
    private readonly int metric, first, last;
    private readonly CompiledQuantity? numerator, denominator;

    private CompiledQuantity(Form form, int metric, int first, int last)
    {
        this.form = form;
        this.metric = metric;
        this.first = first;
        this.last = last;
    }

    private CompiledQuantity(CompiledQuantity numerator, CompiledQuantity denominator)
    {
        form = Form.Ratio;
        metric = -1;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /// <summary>The last month offset the quantity reads (for checking a series' length).</summary>
    public int LastMonth => form == Form.Ratio ? Math.Max(numerator!.LastMonth, denominator!.LastMonth) : last;

    public static CompiledQuantity Of(TargetQuantity quantity, IReadOnlyList<MetricInfo> metrics, YearMonth start)
    {
        if (quantity.Ratio is { } ratio)
        {
            if (ratio.Length != 2 || quantity.Metric is not null || quantity.At is not null || quantity.Sum is not null || quantity.Mean is not null)
                throw new ArgumentException("a ratio is two quantities and nothing else", nameof(quantity));
            if (ratio[0]?.Ratio is not null || ratio[1]?.Ratio is not null)
                throw new ArgumentException("ratios do not nest", nameof(quantity));
            return new CompiledQuantity(Of(ratio[0], metrics, start), Of(ratio[1], metrics, start));
        }
        string name = quantity.Metric ?? throw new ArgumentException("the quantity names no metric", nameof(quantity));
        int index = MetricCatalog.IndexOf(metrics, name);
        if (index < 0) throw new ArgumentException($"'{name}' is not one of the metrics given", nameof(quantity));
        int forms = (quantity.At is null ? 0 : 1) + (quantity.Sum is null ? 0 : 1) + (quantity.Mean is null ? 0 : 1);
        if (forms != 1) throw new ArgumentException("a quantity takes exactly one of at, sum and mean", nameof(quantity));
        if (quantity.At is { } at) return new CompiledQuantity(Form.At, index, Offset(at, start), Offset(at, start));
        var (range, form) = quantity.Sum is { } sum ? (sum, Form.Sum) : (quantity.Mean!, Form.Mean);
        if (range.From is not { } from || range.To is not { } to) throw new ArgumentException("a period needs from and to", nameof(quantity));
        if (to < from) throw new ArgumentException($"the period ends ({to}) before it starts ({from})", nameof(quantity));
        return new CompiledQuantity(form, index, Offset(from, start), Offset(to, start));
    }

    private static int Offset(YearMonth month, YearMonth start) =>
        month >= start ? month.MonthsSince(start) : throw new ArgumentException($"{month} is before the run's start {start}");

    /// <summary>Throws when the series do not hold every month and metric the quantity reads.</summary>
    public void CheckFits(IReadOnlyList<double[]> series)
    {
        if (form == Form.Ratio)
        {
            numerator!.CheckFits(series);
            denominator!.CheckFits(series);
            return;
        }
        if (metric >= series.Count) throw new ArgumentException($"the series hold {series.Count} metrics; the quantity reads metric {metric}", nameof(series));
        if (last >= series[metric].Length)
            throw new ArgumentException($"the series hold {series[metric].Length} months; the quantity reads month {last} (from 0)", nameof(series));
    }

    public double Evaluate(IReadOnlyList<double[]> series)
    {
        switch (form)
        {
            case Form.At:
                return series[metric][first];
            case Form.Ratio:
                double d = denominator!.Evaluate(series);
                // A share of nobody is undefined, not infinite: no run can be said to match it.
                return d == 0 ? double.NaN : numerator!.Evaluate(series) / d;
            default:
                var values = series[metric].AsSpan(first, last - first + 1);
                double total = 0;
                // NaN propagates through the sum: an undefined month makes the period undefined.
                foreach (double v in values) total += v;
                return form == Form.Sum ? total : total / values.Length;
        }
    }
}
