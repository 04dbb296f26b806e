using BrainDrainSim.Reference.Tests.Comparison;
using BrainDrainSim.Reference.Tests.ReferenceModel;
using BrainDrainSim.Testing;

namespace BrainDrainSim.Reference.Tests;

/// <summary>The reference model on its own: the invariants of the design hold in it, and its outputs are the documented ones.</summary>
public class ReferenceModelTests
{
    [Fact]
    public void Conservation_holds_every_month()
    {
        var scenario = RandomLeverSets.Load(3);
        var e = ReferenceUnderTest.Run(scenario, 4, 1);
        int home = e.IndexOf(ReferenceMetric.Home), abroad = e.IndexOf(ReferenceMetric.Abroad), exited = e.IndexOf(ReferenceMetric.Exited),
            us = e.IndexOf(ReferenceMetric.AbroadUs), other = e.IndexOf(ReferenceMetric.AbroadOther), entrants = e.IndexOf(ReferenceMetric.Entrants);
        double initial = scenario.Population.AtHome + scenario.Population.AbroadUs + scenario.Population.AbroadOther;
        foreach (var run in e.Values)
        {
            double entered = 0;
            for (int t = 0; t < scenario.Months; t++)
            {
                entered += run[entrants][t];
                Assert.Equal(initial + entered, run[home][t] + run[abroad][t] + run[exited][t]);
                Assert.Equal(run[abroad][t], run[us][t] + run[other][t]);
            }
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_series_and_another_seed_others()
    {
        var scenario = RandomLeverSets.Load(0);
        var a = ReferenceUnderTest.Run(scenario, 3, 5).Values;
        var b = ReferenceUnderTest.Run(scenario, 3, 5).Values;
        var c = ReferenceUnderTest.Run(scenario, 3, 6).Values;
        Assert.Equal(a.SelectMany(r => r.SelectMany(m => m)), b.SelectMany(r => r.SelectMany(m => m)));
        Assert.NotEqual(a[0][0], c[0][0]);
    }

    [Fact]
    public void Every_metric_is_in_the_output_table_of_the_model_description()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "model.md"));
        foreach (var metric in ReferenceMetric.For(["academia"]))
            Assert.Contains($"`{metric.Name.Replace("academia", "<sector>", StringComparison.Ordinal)}`", doc);
    }
}
