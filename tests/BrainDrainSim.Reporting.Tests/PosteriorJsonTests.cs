using System.Text.Json;
using BrainDrainSim.Model;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>Issue 12: the scenario JSON of manifests writes a posterior where the YAML has it, under uncertainty.</summary>
public sealed class PosteriorJsonTests
{
    [Fact]
    public void The_posterior_is_written_in_the_uncertainty_block_with_its_file_rows_and_paths()
    {
        var scenario = new Scenario
        {
            Posterior = new PosteriorSample("korea-posterior.csv", ["coefficients.b0", "population.at_home"], [[-4.0, 2800], [-3.9, 2900]], [0.25, 0.75]),
            Uncertainty = [new UncertainParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Normal, Mean = 0.2, Sd = 0.05 })],
        };
        var uncertainty = JsonDocument.Parse(ScenarioJson.ToJson(scenario)).RootElement.GetProperty("uncertainty");
        var posterior = uncertainty.GetProperty("posterior");
        Assert.Equal("korea-posterior.csv", posterior.GetProperty("file").GetString());
        Assert.Equal(2, posterior.GetProperty("rows").GetInt32());
        Assert.Equal(["coefficients.b0", "population.at_home"], posterior.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0.2, uncertainty.GetProperty("coefficients.b_gpu").GetProperty("mean").GetDouble());
        // No posterior, no key: the JSON of every other scenario is as before.
        Assert.False(JsonDocument.Parse(ScenarioJson.ToJson(new Scenario())).RootElement.GetProperty("uncertainty").TryGetProperty("posterior", out _));
    }
}
