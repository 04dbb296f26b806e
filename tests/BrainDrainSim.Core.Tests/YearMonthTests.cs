using BrainDrainSim.Model;

namespace BrainDrainSim.Core.Tests;

public class YearMonthTests
{
    [Theory]
    [InlineData("2025-01", 2025, 1)]
    [InlineData("1999-12", 1999, 12)]
    public void Parses_valid_months(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var ym));
        Assert.Equal(new YearMonth(year, month), ym);
        Assert.Equal(text, ym.ToString());
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-00")]
    [InlineData("2025-1")]
    [InlineData("25-01")]
    [InlineData("2025/01")]
    [InlineData("")]
    public void Rejects_malformed_months(string text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void Adds_months_across_years()
    {
        Assert.Equal(new YearMonth(2026, 2), new YearMonth(2025, 11).AddMonths(3));
        Assert.Equal(15, new YearMonth(2026, 4).MonthsSince(new YearMonth(2025, 1)));
    }
}
