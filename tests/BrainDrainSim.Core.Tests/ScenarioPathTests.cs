using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Core.Tests;

public class ScenarioPathTests
{
    private static readonly Scenario WithImport = new()
    {
        Levers =
        [
            new GpuImport
            {
                At = new(2026, 2), Count = 10_000, SectorShares = new Dictionary<string, double> { ["academia"] = 0.6, ["industry"] = 0.4 },
                UnitCostKrw = 146e6, RunningCostKrwPerGpuYear = 14.6e6,
            },
        ],
    };

    [Theory]
    [InlineData("BGpu", "b_gpu")]
    [InlineData("H100ePerUnit", "h100e_per_unit")]
    [InlineData("KrwPerUsd", "krw_per_usd")]
    [InlineData("BaselineComputeH100e", "baseline_compute_h100e")]
    [InlineData("B0", "b0")]
    [InlineData("AbroadH100ePerResearcher", "abroad_h100e_per_researcher")]
    public void Snake_case_keys(string pascal, string snake) => Assert.Equal(snake, ScenarioNames.ToSnake(pascal));

    [Fact]
    public void A_count_is_read_as_a_real_number_and_set_to_the_nearest_whole_one()
    {
        var s = new Scenario();
        Assert.Equal(57_000, ScenarioPath.Get(s, "population.at_home"));
        Assert.True(ScenarioPath.IsWhole(s, "population.at_home"));
        Assert.False(ScenarioPath.IsWhole(s, "coefficients.b_gpu"));
        Assert.Equal(35_001, ScenarioPath.With(s, "population.at_home", 35_000.5).Population.AtHome);
        Assert.Equal(35_000, ScenarioPath.With(s, "population.at_home", 35_000.49).Population.AtHome);
        Assert.Equal(12, ScenarioPath.With(s, "network.peers_per_researcher", 11.5).Network.PeersPerResearcher);
        Assert.Null(ScenarioPath.Check(s, "population.abroad_us", out var bounds));
        Assert.Equal(1e9, bounds!.Max);
    }

    [Theory]
    [InlineData("months", "'months' fixes the shape of the ensemble: every replication of an ensemble covers the same months")]
    [InlineData("agent_scale", "'agent_scale' fixes the shape of the ensemble: every replication of an ensemble has the same agents per person")]
    public void The_shape_of_a_run_cannot_be_addressed(string path, string message) =>
        Assert.Equal(message, ScenarioPath.Check(new Scenario(), path, out _));

    [Fact]
    public void Reads_and_replaces_by_path_without_touching_the_original()
    {
        Assert.Equal(0.2, ScenarioPath.Get(WithImport, "coefficients.b_gpu"));
        var changed = ScenarioPath.With(WithImport, "levers[0].count", 20_000);
        Assert.Equal(20_000, ((GpuImport)changed.Levers[0]).Count);
        Assert.Equal(10_000, ((GpuImport)WithImport.Levers[0]).Count);
        var shares = ScenarioPath.With(WithImport, "levers[0].sector_shares.academia", 0.5);
        Assert.Equal(0.5, ((GpuImport)shares.Levers[0]).SectorShares!["academia"]);
        var sector = ScenarioPath.With(WithImport, "sectors[1].baseline_compute_h100e", 3);
        Assert.Equal(3, sector.Sectors[1].BaselineComputeH100e);
        Assert.Equal(0.048, WithImport.Sectors[1].BaselineComputeH100e);
    }

    [Theory]
    [InlineData("coefficients.b_gpx", "not a key")]
    [InlineData("levers[3].count", "out of range")]
    [InlineData("months", "fixes the shape of the ensemble")]
    [InlineData("start", "not a real-valued")]
    [InlineData("coefficients", "not a real-valued")]
    [InlineData("levers[0].sector_shares.institute", "no key")]
    public void Explains_paths_that_name_no_real_quantity(string path, string fragment)
    {
        var why = ScenarioPath.Check(WithImport, path, out _);
        Assert.NotNull(why);
        Assert.Contains(fragment, why);
    }

    [Fact]
    public void Reports_the_bounds_of_the_target()
    {
        Assert.Null(ScenarioPath.Check(WithImport, "visa.selection_rate", out var bounds));
        Assert.NotNull(bounds);
        Assert.Equal(0, bounds!.Min);
        Assert.Equal(1, bounds.Max);
    }
}
