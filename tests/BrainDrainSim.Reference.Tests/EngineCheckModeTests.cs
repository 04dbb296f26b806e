using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Reference.Tests.Comparison;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Testing;

namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// The engine's check mode: every incrementally kept count and every pending event recomputed or re-found from
/// scratch each month must agree exactly with what the engine keeps, for every library scenario and a sample of
/// the random lever sets; turning the check on changes no output; and a corrupted count or calendar makes it
/// throw, naming the month, the quantity, the researcher and both values (so the check can fail).
/// </summary>
public class EngineCheckModeTests
{
    /// <summary>A few replications are enough: the check is exact, and each one walks every month and researcher.</summary>
    private const int Runs = 3;

    public static TheoryData<string> Files() => LibraryEquivalenceTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Library_scenarios_pass_the_check_and_it_changes_no_output(string file)
    {
        var scenario = LibraryScenarios.Scaled(Path.Combine(RepoPaths.Root, file));
        AssertSameSeries(EngineUnderTest.Run(scenario, Runs, 7, checkEngine: false), EngineUnderTest.Run(scenario, Runs, 7, checkEngine: true));
    }

    [Fact]
    public void A_sample_of_the_random_lever_sets_passes_the_check()
    {
        // Every fifth set: 40 sets with every lever type, edges and lever combinations.
        for (int k = 0; k < Equivalence.RandomSets; k += 5)
            EngineUnderTest.Run(RandomLeverSets.Load(k), Runs, 100 + (ulong)k, checkEngine: true);
    }

    [Fact]
    public void The_check_runs_with_the_uncertainty_block_drawn()
    {
        // The library's baseline as written (its five uncertain coefficients drawn per replication), scaled.
        var full = ScenarioLoader.LoadText("extends: baseline.yaml\nagent_scale: 200\nmonths: 36\n",
            Path.Combine(RepoPaths.Root, "scenarios", "check-mode.yaml")).Scenario!;
        Assert.NotEmpty(full.Uncertainty);
        var ensemble = MonteCarlo.MonteCarloRunner.Run(full.Validate(), Runs, 3, threads: 2, checkEngine: true);
        Assert.Equal(Runs, ensemble.Runs.Count);
    }

    /// <summary>
    /// The case the check found in the engine before issue 10 (hazards cached past the end of an amount top-up or a
    /// return bonus), kept as a scenario the check must pass: levers that start and end within the run.
    /// </summary>
    [Fact]
    public void Levers_that_start_and_end_within_the_run_pass_the_check()
    {
        var scenario = ScenarioLoader.LoadText("""
            name: check-mode-lever-end
            months: 18
            population: {at_home: 400, abroad_us: 60, abroad_other: 40}
            coefficients: {b_gpu: 0, lambda_out: 0.05, lambda_back: 0.05}
            careers: {annual_graduates: 48}
            levers:
              - {type: salary_topup, at: 2025-03, until: 2025-09, amount_krw_per_year: 90000000, top_talent_only: true}
              - {type: return_incentive, at: 2025-04, until: 2025-10, bonus_krw: 200000000, bonus_years: 2}
            """, "check-mode-lever-end.yaml").Scenario!;
        EngineUnderTest.Run(scenario, Runs, 6, checkEngine: true);
    }

    /// <summary>A small scenario with moves both ways, entrants and exits in the first months.</summary>
    private static Scenario Small() => ScenarioLoader.LoadText("""
        name: check-mode
        months: 12
        population: {at_home: 400, abroad_us: 60, abroad_other: 40}
        coefficients: {b_gpu: 0, lambda_out: 0.05, lambda_back: 0.05}
        network: {peers_per_researcher: 5}
        careers: {annual_graduates: 48}
        """, "check-mode.yaml").Scenario!;

    /// <summary>Steps months 0 .. 2, lets <paramref name="corrupt"/> change the state, and returns the check's message in month 3.</summary>
    private static string CheckMessageAfter(Action<Simulation> corrupt)
    {
        var sim = Simulation.ForCheckTests(Small().Validate(), seed: 5);
        var series = sim.NewSeries();
        for (int t = 0; t < 3; t++) sim.StepMonth(t, series);
        corrupt(sim);
        return Assert.Throws<EngineCheckException>(() => sim.StepMonth(3, series)).Message;
    }

    [Fact]
    public void A_corrupted_count_of_researchers_at_home_is_caught()
    {
        string message = CheckMessageAfter(sim => sim.CorruptHomeCountForCheckTests(sector: 1, delta: 1));
        Assert.StartsWith("month 3 (2025-04), start: researchers at home in sector industry: the engine keeps ", message);
    }

    [Fact]
    public void A_corrupted_sum_of_pay_factors_is_caught()
    {
        int group = -1;
        string message = CheckMessageAfter(sim =>
        {
            var pop = sim.Population;
            int i = Enumerable.Range(0, pop.Count).First(i => pop.Location[i] == (byte)Location.Home);
            group = PolicySchedule.Group(pop.State[i].Sector, pop.State[i].Stage, (pop.State[i].Flags & (byte)ResearcherFlags.TopTalent) != 0);
            sim.CorruptPayFactorSumForCheckTests(group);
        });
        Assert.StartsWith($"month 3 (2025-04), start: pay factors at home in group {group} (units of 2^-32): the engine keeps ", message);
    }

    [Fact]
    public void A_corrupted_count_of_a_US_PhD_cohort_in_the_US_is_caught()
    {
        string message = CheckMessageAfter(sim => sim.CorruptUsPhdCohortForCheckTests(month: 1));
        Assert.StartsWith("month 3 (2025-04), start: US PhD graduates of month 1 in the US or exited there: the engine keeps ", message);
    }

    [Fact]
    public void A_pending_event_missing_from_its_calendar_is_caught()
    {
        int victim = -1;
        string message = CheckMessageAfter(sim =>
        {
            var pop = sim.Population;
            // Nobody is listed in month 11 for a decision they do not have: pretend one is pending.
            victim = Enumerable.Range(0, pop.Count).First(i => pop.Location[i] == (byte)Location.Home && pop.State[i].NextDecision == Population.Never);
            pop.State[victim].NextDecision = 11;
        });
        Assert.Equal($"month 3 (2025-04), start: pending candidate decision of researcher {victim}: the engine keeps month 11, recomputed from scratch an entry in month 11's list, which has none", message);
    }

    private static void AssertSameSeries(MetricEnsemble off, MetricEnsemble on)
    {
        for (int r = 0; r < off.Runs; r++)
            for (int m = 0; m < off.Names.Count; m++)
                Assert.Equal(off.Values[r][m].Select(BitConverter.DoubleToInt64Bits), on.Values[r][m].Select(BitConverter.DoubleToInt64Bits));
    }
}
