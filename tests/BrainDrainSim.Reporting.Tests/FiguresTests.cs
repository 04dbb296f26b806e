using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Tests;

public class FiguresTests
{
    [Theory]
    [InlineData(0.0123456, "0.0123")]
    [InlineData(0.004, "0.004")]
    [InlineData(0.00401, "0.00401")]
    [InlineData(1.5, "1.5")]
    [InlineData(-2.756, "-2.76")]
    [InlineData(2.4477468, "2.45")]
    [InlineData(41500, "41,500")]
    [InlineData(1234.5678, "1,235")]
    [InlineData(0, "0")]
    [InlineData(3e-12, "3E-12")]
    [InlineData(double.NaN, "undefined")]
    [InlineData(double.PositiveInfinity, "undefined")]
    public void Significant_figures_keep_small_coefficients_readable(double value, string text) =>
        Assert.Equal(text, Figures.Significant(value));

    [Fact]
    public void Significant_figures_take_the_digits_asked_for() =>
        Assert.Equal("2.4477", Figures.Significant(2.4477468, 5));
}
