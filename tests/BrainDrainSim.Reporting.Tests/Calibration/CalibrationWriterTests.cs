using System.Globalization;
using System.Text.Json;
using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;
using BrainDrainSim.Reporting.Calibration;
using SkiaSharp;

namespace BrainDrainSim.Reporting.Tests.Calibration;

/// <summary>The output folder of a real (small) calibration: every file, its columns, the report's contents, the charts, and the bytes.</summary>
public class CalibrationWriterTests
{
    private static readonly Dictionary<string, string> KeptReasons = new() { [SmallCalibration.KeptPath] = "no target informs the network's pull" };

    private static (TempFolder Folder, IReadOnlyList<string> Written) Write()
    {
        var folder = new TempFolder();
        var written = CalibrationWriter.WriteAll(SmallCalibration.Outcome, SmallCalibration.Info(["small.yaml:3:1: months: a warning"]), folder.Path, KeptReasons);
        return (folder, written);
    }

    [Fact]
    public void Every_file_is_written_in_the_fixed_order_manifest_last()
    {
        var (folder, written) = Write();
        using (folder)
        {
            Assert.Equal(CalibrationWriter.Files, written);
            Assert.Equal(["posterior.csv", "generations.csv", "predictive.csv", "posterior_parameters.png", "posterior_pairs.png",
                "predictive_targets.png", "history.png", "calibrated.yaml", "report.md", "manifest.json"], written);
            Assert.Equal(written.Order(StringComparer.Ordinal), Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Posterior_csv_has_one_row_per_particle_and_the_weights_sum_to_1()
    {
        var outcome = SmallCalibration.Outcome;
        var population = outcome.State.Population!;
        var rows = CsvText.Parse(PosteriorCsv.Format(outcome));
        Assert.Equal(["particle", "weight", "distance", .. SmallCalibration.FittedPaths, .. SmallCalibration.TargetNames.Select(n => "summary." + n), "simulation_seed"], rows[0]);
        var records = CsvText.Records(PosteriorCsv.Format(outcome));
        Assert.Equal(40, records.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => i.ToString(CultureInfo.InvariantCulture)), records.Select(r => r["particle"]));
        Assert.Equal(1.0, records.Sum(r => double.Parse(r["weight"], CultureInfo.InvariantCulture)), 1e-12);
        for (int i = 0; i < records.Count; i++)
        {
            var p = population.Particles[i];
            Assert.True(double.Parse(records[i]["distance"], CultureInfo.InvariantCulture) <= population.Tolerance);
            // Exact: the shortest round-trip text of each figure.
            Assert.Equal(p.Theta[1], double.Parse(records[i]["coefficients.lambda_out"], CultureInfo.InvariantCulture));
            Assert.Equal(p.SimulationSeed, ulong.Parse(records[i]["simulation_seed"], CultureInfo.InvariantCulture));
            Assert.Equal(p.Summaries[0], double.Parse(records[i]["summary.abroad_2016"], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Generations_csv_has_one_row_per_generation_generation_0_without_a_tolerance()
    {
        var state = SmallCalibration.Outcome.State;
        var rows = CsvText.Records(PosteriorCsv.FormatGenerations(state));
        Assert.Equal(["generation", "tolerance", "simulations", "attempts", "acceptance_rate", "ess"], CsvText.Parse(PosteriorCsv.FormatGenerations(state))[0]);
        Assert.Equal(state.History.Count, rows.Count);
        Assert.True(rows.Count >= 2, $"only {rows.Count} generations");
        Assert.Equal("", rows[0]["tolerance"]);
        for (int g = 1; g < rows.Count; g++)
            Assert.Equal(state.History[g].Tolerance, double.Parse(rows[g]["tolerance"], CultureInfo.InvariantCulture));
        Assert.Equal(state.Simulations, rows.Sum(r => long.Parse(r["simulations"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_report_names_every_parameter_and_target_and_marks_the_miss()
    {
        var (folder, _) = Write();
        using (folder)
        {
            string report = File.ReadAllText(folder.PathOf("report.md"));
            foreach (var path in SmallCalibration.FittedPaths) Assert.Contains($"| `{path}` |", report, StringComparison.Ordinal);
            Assert.Contains($"| `{SmallCalibration.KeptPath}` | triangular(min 0, mode 2, max 5) | no target informs the network's pull |", report, StringComparison.Ordinal);
            foreach (var name in SmallCalibration.TargetNames) Assert.Contains($"| `{name}` |", report, StringComparison.Ordinal);
            // home_2016 is three times the run's home stock: a miss, with its source beside it.
            var home = report.Split('\n').Single(l => l.StartsWith("| `home_2016`", StringComparison.Ordinal));
            Assert.Contains("**MISS**", home, StringComparison.Ordinal);
            Assert.Contains("a certain miss", home, StringComparison.Ordinal);
            Assert.Contains("Toni et al. 2009", report, StringComparison.Ordinal);
            Assert.Contains("Beaumont et al. 2009", report, StringComparison.Ordinal);
            Assert.Contains("Wilkinson 2013", report, StringComparison.Ordinal);
            Assert.Contains("| generation | tolerance |", report, StringComparison.Ordinal);
            Assert.Contains(ScenarioNames.EnumKey(SmallCalibration.Outcome.State.Stop!.Reason), report, StringComparison.Ordinal);
            Assert.Contains("`scenarios/targets/small.yaml` | `sha256:4567ef01`", report, StringComparison.Ordinal);
            Assert.Contains("below 0.5 the parameter is pinned down by the data, above 0.8 it stays near its prior", report, StringComparison.Ordinal);
            Assert.Contains("us_share_2016", report.Split("## Over the run")[1], StringComparison.Ordinal); // the ratio is said to be left out of history.png
            Assert.Contains("small.yaml:3:1: months: a warning", report, StringComparison.Ordinal);
            foreach (var file in CalibrationWriter.Files) Assert.Contains(file, report, StringComparison.Ordinal);
            foreach (var png in CalibrationWriter.Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
                Assert.Contains($"]({png})", report, StringComparison.Ordinal);
            Assert.DoesNotContain("NaN", report, StringComparison.Ordinal);
            Assert.DoesNotContain("Infinity", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_chart_is_a_png_that_decodes_with_colour_and_text()
    {
        var (folder, written) = Write();
        using (folder)
        {
            foreach (var file in written.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
            {
                var bytes = File.ReadAllBytes(folder.PathOf(file));
                var (width, height) = Png.HeaderSize(bytes);
                using var bitmap = SKBitmap.Decode(bytes);
                Assert.NotNull(bitmap);
                Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
                Assert.True(width >= 600 && height >= 300, $"{file} is {width} x {height}");
                Assert.True(Png.DistinctColours(bitmap) > 50, $"{file} looks blank");
                int dark = Png.DarkPixels(bitmap, 0, 50);
                Assert.True(dark > 50, $"only {dark} dark pixels in {file}'s title area: text did not render");
            }
        }
    }

    [Fact]
    public void One_fitted_parameter_still_gives_every_chart_with_its_title_whole()
    {
        // The real run cut down to its first parameter: one panel, and a 1 x 1 pairs plot narrower than its title.
        var real = SmallCalibration.Outcome;
        var population = real.State.Population!;
        var state = real.State with
        {
            Configuration = real.State.Configuration with { Prior = new AbcPrior([real.State.Configuration.Prior.Parameters[0]]) },
            Population = population with { Particles = [.. population.Particles.Select(p => p with { Theta = [p.Theta[0]] })] },
        };
        using var folder = new TempFolder();
        var written = CalibrationWriter.WriteAll(real with { State = state }, SmallCalibration.Info(), folder.Path);
        Assert.Equal(["particle", "weight", "distance", "coefficients.b0"], CsvText.Parse(File.ReadAllText(folder.PathOf("posterior.csv")))[0][..4]);
        foreach (var file in written.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            using var bitmap = SKBitmap.Decode(File.ReadAllBytes(folder.PathOf(file)));
            Assert.NotNull(bitmap);
            // The title's first and last columns hold ink, and neither touches the edge: it was not cut off.
            var inked = Enumerable.Range(0, bitmap.Width).Where(x => Enumerable.Range(0, 40).Any(y => bitmap.GetPixel(x, y).Red < 100)).ToArray();
            Assert.NotEmpty(inked);
            Assert.True(inked[0] > 0 && inked[^1] < bitmap.Width - 1, $"{file}'s title runs from column {inked[0]} to {inked[^1]} of {bitmap.Width}");
        }
    }

    [Fact]
    public void The_same_outcome_gives_the_same_bytes_twice()
    {
        var (a, written) = Write();
        var (b, _) = Write();
        using (a)
        using (b)
            foreach (var file in written)
                Assert.True(File.ReadAllBytes(a.PathOf(file)).SequenceEqual(File.ReadAllBytes(b.PathOf(file))), $"{file} differs");
    }

    [Fact]
    public void The_manifest_records_the_run_the_inputs_and_the_generations()
    {
        var (folder, written) = Write();
        using (folder)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(folder.PathOf("manifest.json")));
            var root = json.RootElement;
            var state = SmallCalibration.Outcome.State;
            Assert.Equal("calibration", root.GetProperty("kind").GetString());
            Assert.Equal("2026-01-02T03:04:05.000Z", root.GetProperty("started_utc").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("resumed_from_generation").ValueKind);
            Assert.Equal("sha256:0123abcd", root.GetProperty("inputs").GetProperty("scenario").GetProperty("input_hash").GetString());
            Assert.Equal("scenarios/targets/small.yaml", root.GetProperty("inputs").GetProperty("targets").GetProperty("file").GetString());
            Assert.Equal(AbcCheckpoint.Fingerprint(state.Configuration), root.GetProperty("configuration").GetProperty("fingerprint").GetString());
            Assert.Equal(JsonValueKind.Null, root.GetProperty("configuration").GetProperty("simulation_budget").ValueKind);
            Assert.Equal(SmallCalibration.FittedPaths, root.GetProperty("fitted").EnumerateArray().Select(f => f.GetProperty("path").GetString()));
            var kept = root.GetProperty("kept_at_prior")[0];
            Assert.Equal(SmallCalibration.KeptPath, kept.GetProperty("path").GetString());
            Assert.Equal(KeptReasons[SmallCalibration.KeptPath], kept.GetProperty("reason").GetString());
            Assert.Equal(ScenarioNames.EnumKey(state.Stop!.Reason), root.GetProperty("stop").GetProperty("reason").GetString());
            var generations = root.GetProperty("generations").EnumerateArray().ToArray();
            Assert.Equal(state.History.Count, generations.Length);
            Assert.Equal(JsonValueKind.Null, generations[0].GetProperty("tolerance").ValueKind);
            Assert.Equal(state.Simulations, root.GetProperty("simulations").GetInt64());
            Assert.Equal(30, root.GetProperty("predictive").GetProperty("draws").GetInt32());
            Assert.Equal(written, root.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()));
            Assert.Equal("small-history", root.GetProperty("resolved_scenario").GetProperty("name").GetString());
        }
    }

    [Fact]
    public void A_reason_for_a_quantity_that_was_not_kept_is_refused_before_any_file_is_written()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ArgumentException>(() => CalibrationWriter.WriteAll(SmallCalibration.Outcome, SmallCalibration.Info(), folder.Path,
            new Dictionary<string, string> { ["coefficients.b0"] = "fitted, in fact" }));
        Assert.Contains("coefficients.b0", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void The_pairs_plot_shows_the_8_parameters_the_data_narrowed_most_in_the_prior_s_order()
    {
        // Ten parameters whose sd ratios are 1.0, 0.9, ..., 0.1: the last eight are the most narrowed.
        var fits = Enumerable.Range(0, 10).Select(i => new ParameterFit(
            new PriorParameter($"coefficients.p{i}", new DistributionSpec { Dist = DistributionKind.Uniform, Min = 0, Max = 1 }),
            0.5, 1, 0.05, 0.95, new PosteriorSummary($"coefficients.p{i}", 0.5, 1 - 0.1 * i, 0, 0.5, 1, 40))).ToArray();
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], CalibrationCharts.PairsShown(fits));
        Assert.Equal([0, 1, 2], CalibrationCharts.PairsShown(fits[..3]));
        Assert.Equal("stays near its prior: the data say little about it", fits[1].Reading);
        Assert.Equal("narrowed by the data", fits[4].Reading);
        Assert.Equal("pinned down by the data", fits[6].Reading);
    }

    [Fact]
    public void The_prior_s_moments_are_those_of_its_distribution()
    {
        // Triangular(0, 0.2, 0.8): mean 1/3, variance (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = 0.52 / 18.
        var p = new PriorParameter("coefficients.b_gpu", new DistributionSpec { Dist = DistributionKind.Triangular, Min = 0, Mode = 0.2, Max = 0.8 });
        var (mean, sd) = ParameterFit.Moments(p);
        Assert.Equal(1.0 / 3, mean, 1e-6);
        Assert.Equal(Math.Sqrt(0.52 / 18), sd, 1e-5);
    }
}
