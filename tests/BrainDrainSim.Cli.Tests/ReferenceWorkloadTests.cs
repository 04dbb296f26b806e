using System.Globalization;

namespace BrainDrainSim.Cli.Tests;

/// <summary>The reference workload of the benchmarks, run by the ordinary command, reproduces the published mean.</summary>
public class ReferenceWorkloadTests
{
    [Fact]
    public void Mean_final_share_abroad_matches_independent_implementations()
    {
        using var tmp = new TempFolder();
        const int runs = 200;
        var scenario = Path.Combine(Braindrain.RepoRoot, "benchmarks", "scenarios", "reference-10k.yaml");
        var r = Braindrain.Run(tmp.Path, "run", scenario, "--runs", runs.ToString(CultureInfo.InvariantCulture), "--seed", "3", "--out", "ref");
        Assert.True(r.ExitCode == 0, r.All);

        var header = File.ReadLines(Path.Combine(tmp.Path, "ref", "summary.csv")).First().Split(',');
        var row = File.ReadLines(Path.Combine(tmp.Path, "ref", "summary.csv"))
            .Single(l => l.StartsWith("researchers_abroad,2034-12,", StringComparison.Ordinal)).Split(',');
        double mean = double.Parse(row[Array.IndexOf(header, "mean")], CultureInfo.InvariantCulture) / 10_000;
        double sd = double.Parse(row[Array.IndexOf(header, "sd")], CultureInfo.InvariantCulture) / 10_000;

        // Published: 0.4136 with a standard error of 0.0003 (400 replications). Ours: sd / sqrt(runs).
        // Four combined standard errors: a false alarm about once in 16,000 runs of this test.
        double combined = Math.Sqrt(sd * sd / runs + 0.0003 * 0.0003);
        Assert.True(Math.Abs(mean - 0.4136) < 4 * combined, $"mean share abroad {mean:F5} (sd {sd:F5}) vs 0.4136; 4 combined SE = {4 * combined:F5}");
    }
}
