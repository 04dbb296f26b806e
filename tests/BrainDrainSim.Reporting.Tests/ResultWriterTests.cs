using System.Text.Json;
using static BrainDrainSim.Reporting.Tests.SyntheticEnsemble;

namespace BrainDrainSim.Reporting.Tests;

public class ResultWriterTests
{
    private static readonly string[] AllFiles =
    [
        "summary.csv", "runs.csv", "annual.csv",
        "researchers_home.png", "flows.png", "compute_per_home_researcher.png", "top_talent_home.png",
        "manifest.json",
    ];

    [Fact]
    public void WriteAll_writes_and_lists_every_file()
    {
        using var dir = new TempFolder();
        var written = ResultWriter.WriteAll(Build(), Info(), dir.Path);
        Assert.Equal(AllFiles, written);
        Assert.Equal(AllFiles.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = JsonDocument.Parse(File.ReadAllText(dir.PathOf("manifest.json"))).RootElement;
        Assert.Equal(AllFiles, manifest.GetProperty("outputs").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Writing_twice_gives_identical_bytes()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        ResultWriter.WriteAll(Build(), Info(), a.Path);
        ResultWriter.WriteAll(Build(), Info(), b.Path);
        foreach (var file in AllFiles)
            Assert.True(File.ReadAllBytes(a.PathOf(file)).AsSpan().SequenceEqual(File.ReadAllBytes(b.PathOf(file))), $"{file} differs");
    }

    [Fact]
    public void Data_files_are_identical_for_one_and_two_threads_while_the_manifest_records_the_difference()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        ResultWriter.WriteAll(Build(threads: 1, steppingSeconds: 5), Info() with { WallSeconds = 9 }, a.Path);
        ResultWriter.WriteAll(Build(threads: 2, steppingSeconds: 2.5), Info(), b.Path);
        foreach (var file in AllFiles.Where(f => f != "manifest.json"))
            Assert.True(File.ReadAllBytes(a.PathOf(file)).AsSpan().SequenceEqual(File.ReadAllBytes(b.PathOf(file))), $"{file} differs");
        Assert.NotEqual(File.ReadAllText(a.PathOf("manifest.json")), File.ReadAllText(b.PathOf("manifest.json")));
    }

    [Fact]
    public void Output_time_and_memory_are_measured_when_the_caller_leaves_them_open()
    {
        using var dir = new TempFolder();
        ResultWriter.WriteAll(Build(), Info() with { OutputSeconds = null, PeakMemoryBytes = null, WallSeconds = 4 }, dir.Path);
        var m = JsonDocument.Parse(File.ReadAllText(dir.PathOf("manifest.json"))).RootElement;
        double output = m.GetProperty("output_seconds").GetDouble();
        Assert.True(output > 0);
        Assert.Equal(4 + output, m.GetProperty("wall_seconds").GetDouble(), 1e-9);
        Assert.True(m.GetProperty("peak_memory_bytes").GetInt64() > 1_000_000);
    }

    [Fact]
    public void A_manifest_rewritten_with_final_timings_still_lists_the_outputs()
    {
        // The run command writes everything, then rewrites the manifest once it knows the wall time.
        using var dir = new TempFolder();
        ResultWriter.WriteAll(Build(), Info(), dir.Path);
        Assert.Equal("manifest.json", ResultWriter.WriteManifest(Build(), Info() with { WallSeconds = 99 }, dir.Path));
        var m = JsonDocument.Parse(File.ReadAllText(dir.PathOf("manifest.json"))).RootElement;
        Assert.Equal(99, m.GetProperty("wall_seconds").GetDouble());
        Assert.Equal(AllFiles, m.GetProperty("outputs").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Median_of_final_values_skips_undefined_runs()
    {
        Assert.Equal(3, SeriesSummary.Median([5, double.NaN, 1, 3]));
        Assert.True(double.IsNaN(SeriesSummary.Median([double.NaN])));
    }

    [Fact]
    public void A_missing_output_folder_is_an_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "bds-missing-" + Guid.NewGuid().ToString("N"));
        Assert.Throws<DirectoryNotFoundException>(() => ResultWriter.WriteAll(Build(), Info(), missing));
    }
}
