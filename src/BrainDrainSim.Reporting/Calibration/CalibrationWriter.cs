using BrainDrainSim.Calibration;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// Writes a calibration into one folder: posterior.csv, generations.csv, predictive.csv, the four charts,
/// calibrated.yaml (the scenario drawing the posterior's rows), report.md and manifest.json last. Everything is formatted and drawn in memory first, on the cores the process may use (the
/// charts are most of the work), then written one file at a time in that fixed order, so neither the bytes nor the
/// file a full disk fails on first depend on timing. Every file but the manifest depends on the outcome and the
/// inputs alone.
/// </summary>
public static class CalibrationWriter
{
    /// <summary>Every file <see cref="WriteAll"/> writes, in the order it writes them.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        PosteriorCsv.File, PosteriorCsv.GenerationsFile, PredictiveCsv.File,
        CalibrationCharts.ParametersFile, CalibrationCharts.PairsFile, CalibrationCharts.TargetsFile, CalibrationCharts.HistoryFile,
        CalibratedScenario.File, CalibrationReport.File, CalibrationManifest.File,
    ];

    /// <summary>
    /// Writes everything into <paramref name="outDir"/> (which must exist) and returns the file names written, in the
    /// order written, manifest last. <paramref name="keptReasons"/> gives, by path, why a quantity was kept at its
    /// prior (for the report and manifest); a path it names must be one kept, or nothing is written.
    /// </summary>
    public static IReadOnlyList<string> WriteAll(CalibrationOutcome outcome, CalibrationInfo info, string outDir,
        IReadOnlyDictionary<string, string>? keptReasons = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(info);
        ResultWriter.CheckFolder(outDir);
        if (outcome.State.Population is null) throw new ArgumentException("the calibration has no population: nothing to report", nameof(outcome));
        if (keptReasons is not null)
            foreach (var path in keptReasons.Keys)
                if (!outcome.Problem.KeptAtPrior.Contains(path))
                    throw new ArgumentException($"a reason is given for keeping '{path}' at its prior, but it was not kept (kept: {string.Join(", ", outcome.Problem.KeptAtPrior)})", nameof(keptReasons));

        // The figures several pieces read are computed once, before the pieces run: none depends on another's result.
        var fits = ParameterFit.Of(outcome.State);
        var checks = PredictiveCheck.Of(outcome);
        string posterior = "", generations = "", predictive = "", report = "";
        byte[] parameters = [], pairs = [], targets = [], history = [];
        Concurrently.Run(
        [
            () => posterior = PosteriorCsv.Format(outcome),
            () => generations = PosteriorCsv.FormatGenerations(outcome.State),
            () => predictive = PredictiveCsv.Format(checks),
            () => parameters = CalibrationCharts.RenderParameters(outcome.State),
            () => pairs = CalibrationCharts.RenderPairs(outcome.State, fits),
            () => targets = CalibrationCharts.RenderTargets(checks),
            () => history = CalibrationCharts.RenderHistory(outcome),
            () => report = CalibrationReport.Format(outcome, info, fits, checks, keptReasons),
        ]);
        OutputFiles.WriteText(Path.Combine(outDir, PosteriorCsv.File), posterior);
        OutputFiles.WriteText(Path.Combine(outDir, PosteriorCsv.GenerationsFile), generations);
        OutputFiles.WriteText(Path.Combine(outDir, PredictiveCsv.File), predictive);
        OutputFiles.WriteBytes(Path.Combine(outDir, CalibrationCharts.ParametersFile), parameters);
        OutputFiles.WriteBytes(Path.Combine(outDir, CalibrationCharts.PairsFile), pairs);
        OutputFiles.WriteBytes(Path.Combine(outDir, CalibrationCharts.TargetsFile), targets);
        OutputFiles.WriteBytes(Path.Combine(outDir, CalibrationCharts.HistoryFile), history);
        OutputFiles.WriteText(Path.Combine(outDir, CalibratedScenario.File),
            CalibratedScenario.Format(outcome.Problem.Scenario.Scenario.Name, info.Scenario.InputFiles[^1], outDir));
        OutputFiles.WriteText(Path.Combine(outDir, CalibrationReport.File), report);
        OutputFiles.WriteText(Path.Combine(outDir, CalibrationManifest.File), CalibrationManifest.Format(outcome, info, Files, keptReasons));
        return Files;
    }
}
