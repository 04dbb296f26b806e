using System.Diagnostics;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Reporting;

/// <summary>
/// Writes a run's outputs into one folder under fixed names: summary.csv, runs.csv, annual.csv, the charts and
/// manifest.json. The CSV files and charts depend only on the ensemble (never on threads or timings), so runs
/// with 1 and 2 threads give the same bytes; only the manifest records how the run was made. Every method here
/// takes the folder; the format classes (<see cref="SummaryCsv"/>, <see cref="Manifest"/>, ...) take file paths
/// and text for other uses.
/// </summary>
public static class ResultWriter
{
    public const string SummaryFile = "summary.csv";
    public const string RunsFile = "runs.csv";
    public const string AnnualFile = "annual.csv";
    public const string ManifestFile = "manifest.json";

    /// <summary>Every file a run folder can hold, in the order <see cref="WriteAll"/> writes them.</summary>
    public static IReadOnlyList<string> KnownFiles { get; } =
    [
        SummaryFile, RunsFile, AnnualFile,
        Charts.ResearchersHomeFile, Charts.FlowsFile, Charts.ComputeFile, Charts.TopTalentHomeFile,
        ManifestFile,
    ];

    /// <summary>Writes everything into <paramref name="outDir"/> (which must exist) and returns the file names written, manifest last.</summary>
    public static IReadOnlyList<string> WriteAll(EnsembleResult result, RunInfo info, string outDir)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(info);
        CheckFolder(outDir);

        var clock = Stopwatch.StartNew();
        var summary = SeriesSummary.From(result);
        // Everything is formatted and drawn in memory first, on the cores the process may use (the charts are most
        // of the work), then written one file at a time in a fixed order: neither the bytes nor the file a full disk
        // fails on first depend on timing.
        string summaryText = "", runsText = "", annualText = "";
        var charts = new byte[]?[Charts.RunChartCount];
        Concurrently.Run(
        [
            () => summaryText = SummaryCsv.Format(summary),
            () => runsText = RunsCsv.Format(result),
            () => annualText = AnnualCsv.Format(AnnualSummary.From(result)),
            .. Charts.RenderInto(summary, charts),
        ]);
        OutputFiles.WriteText(Path.Combine(outDir, SummaryFile), summaryText);
        OutputFiles.WriteText(Path.Combine(outDir, RunsFile), runsText);
        OutputFiles.WriteText(Path.Combine(outDir, AnnualFile), annualText);
        var written = new List<string> { SummaryFile, RunsFile, AnnualFile };
        written.AddRange(Charts.WriteRendered(charts, outDir));
        written.Add(ManifestFile);
        clock.Stop();

        // The caller cannot time the writing it has not done yet; when it leaves the figure open, fill it in here.
        var measured = info.OutputSeconds is null
            ? info with { OutputSeconds = clock.Elapsed.TotalSeconds, WallSeconds = info.WallSeconds + clock.Elapsed.TotalSeconds }
            : info;
        WriteManifest(result, measured, outDir, written);
        return written;
    }

    public static string WriteSummaryCsv(EnsembleResult result, string outDir)
    {
        CheckFolder(outDir);
        SummaryCsv.Write(SeriesSummary.From(result), Path.Combine(outDir, SummaryFile));
        return SummaryFile;
    }

    public static string WriteRunsCsv(EnsembleResult result, string outDir)
    {
        CheckFolder(outDir);
        RunsCsv.Write(result, Path.Combine(outDir, RunsFile));
        return RunsFile;
    }

    public static string WriteAnnualCsv(EnsembleResult result, string outDir)
    {
        CheckFolder(outDir);
        AnnualCsv.Write(AnnualSummary.From(result), Path.Combine(outDir, AnnualFile));
        return AnnualFile;
    }

    /// <summary>Writes the charts whose metrics the ensemble records; returns their file names.</summary>
    public static IReadOnlyList<string> WriteCharts(EnsembleResult result, string outDir)
    {
        CheckFolder(outDir);
        return Charts.WriteAll(SeriesSummary.From(result), outDir);
    }

    /// <summary>
    /// Writes manifest.json. Its <c>outputs</c> list is <paramref name="outputs"/> when given, otherwise the
    /// known output files present in the folder (plus the manifest), so a caller that rewrites the manifest
    /// with final timings after <see cref="WriteAll"/> still gets the full list.
    /// </summary>
    public static string WriteManifest(EnsembleResult result, RunInfo info, string outDir, IReadOnlyList<string>? outputs = null)
    {
        CheckFolder(outDir);
        outputs ??= KnownFiles.Where(f => f == ManifestFile || File.Exists(Path.Combine(outDir, f))).ToArray();
        Manifest.Write(result, info, Path.Combine(outDir, ManifestFile), outputs);
        return ManifestFile;
    }

    /// <summary>The folder must be given and exist: writers never create folders (the caller stages and commits them).</summary>
    internal static void CheckFolder(string outDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(outDir);
        if (!Directory.Exists(outDir)) throw new DirectoryNotFoundException($"output folder '{outDir}' does not exist");
    }
}
