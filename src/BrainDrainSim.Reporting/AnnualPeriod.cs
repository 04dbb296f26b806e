using BrainDrainSim.Model;

namespace BrainDrainSim.Reporting;

/// <summary>
/// The simulated months of one calendar year: <see cref="MonthCount"/> months starting at index
/// <see cref="FirstMonth"/> of the run's month labels. A run starting in November has a two-month first year.
/// </summary>
public readonly record struct AnnualPeriod(int Year, int FirstMonth, int MonthCount)
{
    public int LastMonth => FirstMonth + MonthCount - 1;

    /// <summary>Splits consecutive month labels into calendar years, in order.</summary>
    public static IReadOnlyList<AnnualPeriod> Split(IReadOnlyList<YearMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var years = new List<AnnualPeriod>();
        int start = 0;
        for (int i = 1; i <= months.Count; i++)
        {
            if (i == months.Count || months[i].Year != months[start].Year)
            {
                years.Add(new AnnualPeriod(months[start].Year, start, i - start));
                start = i;
            }
        }
        return years;
    }
}
