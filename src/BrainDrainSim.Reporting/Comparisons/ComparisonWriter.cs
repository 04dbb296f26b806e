namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// Writes a comparison's outputs into one folder under fixed names: comparison.csv, cost_effectiveness.csv,
/// the four charts, report.md and manifest.json. As for a single run (<see cref="ResultWriter"/>), everything
/// but the manifest depends only on the runs (and, for the report, the input file names), so the same seed
/// and runs give the same bytes whatever the threads or timings.
/// </summary>
public static class ComparisonWriter
{
    public const string ComparisonFile = "comparison.csv";
    public const string CostEffectivenessFile = "cost_effectiveness.csv";
    public const string ReportFile = "report.md";
    public const string ManifestFile = ResultWriter.ManifestFile;

    /// <summary>Every file <see cref="WriteAll"/> writes, in order, manifest last.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [ComparisonFile, CostEffectivenessFile, .. ComparisonCharts.Files, ReportFile, ManifestFile];

    /// <summary>Writes everything into <paramref name="outDir"/> (which must exist) and returns the file names written, manifest last.</summary>
    public static IReadOnlyList<string> WriteAll(Comparison c, CompareInfo info, string outDir)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(info);
        ResultWriter.CheckFolder(outDir);
        // Checked before any file is written, so a mismatched input list cannot leave half a folder behind.
        info.InputOf(0, c.Policies.Count + 1);

        var written = new List<string>();
        ComparisonCsv.Write(c, Path.Combine(outDir, ComparisonFile));
        written.Add(ComparisonFile);
        CostEffectivenessCsv.Write(c, Path.Combine(outDir, CostEffectivenessFile));
        written.Add(CostEffectivenessFile);
        written.AddRange(ComparisonCharts.WriteAll(c, outDir));
        ComparisonReport.Write(c, info, Path.Combine(outDir, ReportFile));
        written.Add(ReportFile);
        written.Add(ManifestFile);
        ComparisonManifest.Write(c, info, Path.Combine(outDir, ManifestFile), written);
        return written;
    }
}
