namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>
/// Writes a sweep's outputs into one folder: sweep.csv, sweep_response.png and manifest.json. A sweep is a
/// <see cref="Comparison"/> whose baseline is the first value's ensemble and whose "policies" are the other
/// values' ensembles, in order, all run with one seed so that every value meets the same draws.
/// </summary>
public static class SweepWriter
{
    public const string SweepFile = "sweep.csv";
    public const string ManifestFile = ResultWriter.ManifestFile;

    /// <summary>Every file <see cref="WriteAll"/> writes, in order, manifest last.</summary>
    public static IReadOnlyList<string> Files { get; } = [SweepFile, SweepChart.File, ManifestFile];

    /// <summary>
    /// Writes everything into <paramref name="outDir"/> (which must exist) and returns the file names written,
    /// manifest last. The manifest records <paramref name="path"/> and <paramref name="values"/>; the uncertain
    /// parameter the sweep fixed, if any, comes from <c>info.Sweep</c>, which must otherwise agree with them.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(Comparison c, string path, IReadOnlyList<double> values, CompareInfo info, string outDir)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(info);
        ResultWriter.CheckFolder(outDir);
        if (info.Sweep is { } given && (given.Path != path || !given.Values.SequenceEqual(values)))
            throw new ArgumentException($"the sweep info ({given.Path}, {given.Values.Count} values) disagrees with the sweep written ({path}, {values.Count} values)", nameof(info));
        // Checked before any file is written, so bad input cannot leave half a folder behind.
        var sweep = SweepPoints.From(c, values);
        info.InputOf(0, values.Count);

        OutputFiles.WriteText(Path.Combine(outDir, SweepFile), SweepCsv.Format(c, sweep, path));
        SweepChart.Write(c, sweep, path, Path.Combine(outDir, SweepChart.File));
        var written = Files.ToList();
        // The path and values are the ones written; what the caller knows of them (a fixed uncertain parameter,
        // renormalised shares) is kept.
        var sweepInfo = (info.Sweep ?? new SweepInfo(path, values)) with { Path = path, Values = values };
        ComparisonManifest.Write(c, info with { Sweep = sweepInfo }, Path.Combine(outDir, ManifestFile), written);
        return written;
    }
}
