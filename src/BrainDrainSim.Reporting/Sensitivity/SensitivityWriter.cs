using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Reporting.Sensitivity;

/// <summary>
/// Writes a sensitivity analysis into one folder: indices.csv (and second_order.csv), the charts, report.md and
/// manifest.json last, one after the other (a few charts: drawing them at once would save little).
/// </summary>
public static class SensitivityWriter
{
    /// <summary>Writes a Sobol analysis into <paramref name="outDir"/> (which must exist); returns the file names, manifest last.</summary>
    public static IReadOnlyList<string> WriteAll(SobolSensitivity s, SensitivityInfo info, string outDir)
    {
        ArgumentNullException.ThrowIfNull(s);
        ResultWriter.CheckFolder(outDir);
        var written = new List<string> { IndicesCsv.File };
        OutputFiles.WriteText(Path.Combine(outDir, IndicesCsv.File), IndicesCsv.Format(s));
        if (s.Design.SecondOrder)
        {
            OutputFiles.WriteText(Path.Combine(outDir, IndicesCsv.SecondOrderFile), IndicesCsv.FormatSecondOrder(s));
            written.Add(IndicesCsv.SecondOrderFile);
        }
        SensitivityCharts.WriteIndices(s, Path.Combine(outDir, SensitivityCharts.IndicesFile));
        SensitivityCharts.WriteTornado(s, Path.Combine(outDir, SensitivityCharts.TornadoFile));
        SensitivityCharts.WriteOverTime(s, Path.Combine(outDir, SensitivityCharts.OverTimeFile));
        written.AddRange([SensitivityCharts.IndicesFile, SensitivityCharts.TornadoFile, SensitivityCharts.OverTimeFile, SensitivityReport.File]);
        OutputFiles.WriteText(Path.Combine(outDir, SensitivityReport.File), SensitivityReport.Format(s, info));
        written.Add(SensitivityManifest.File);
        OutputFiles.WriteText(Path.Combine(outDir, SensitivityManifest.File), SensitivityManifest.Format(s, info, written));
        return written;
    }

    /// <summary>Writes a Morris screening into <paramref name="outDir"/> (which must exist); returns the file names, manifest last.</summary>
    public static IReadOnlyList<string> WriteAll(MorrisSensitivity m, SensitivityInfo info, string outDir)
    {
        ArgumentNullException.ThrowIfNull(m);
        ResultWriter.CheckFolder(outDir);
        OutputFiles.WriteText(Path.Combine(outDir, IndicesCsv.File), IndicesCsv.Format(m));
        SensitivityCharts.WriteMorris(m, Path.Combine(outDir, SensitivityCharts.MorrisFile));
        OutputFiles.WriteText(Path.Combine(outDir, SensitivityReport.File), SensitivityReport.Format(m, info));
        var written = new List<string> { IndicesCsv.File, SensitivityCharts.MorrisFile, SensitivityReport.File, SensitivityManifest.File };
        OutputFiles.WriteText(Path.Combine(outDir, SensitivityManifest.File), SensitivityManifest.Format(m, info, written));
        return written;
    }
}
