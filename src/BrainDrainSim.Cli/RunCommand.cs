using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Reporting;

namespace BrainDrainSim.Cli;

/// <summary><c>braindrain run SCENARIO.yaml</c>: a Monte Carlo ensemble to CSV, manifest and PNG charts.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var options = new EnsembleOptions("results/<scenario name>/");
        var cmd = new Command("run", "Run a scenario's Monte Carlo ensemble and write summary.csv, runs.csv, annual.csv, manifest.json and charts.");
        cmd.Arguments.Add(scenario);
        options.AddTo(cmd);
        cmd.SetAction(parse => Execute(parse.GetValue(scenario)!, options.Read(parse), Environment.GetCommandLineArgs()));
        return cmd;
    }

    private static int Execute(string scenarioPath, EnsembleOptions.Values o, string[] commandLine)
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        // Readies the chart renderer on another core while the scenario loads and the replications run.
        ChartWarmUp.Start();
        int runs = o.Runs, threads = o.Threads;
        ulong seed = o.Seed;

        var loaded = ScenarioFiles.LoadOrReport(scenarioPath, Console.Error);
        if (loaded is null) return ExitCodes.BadInput;
        var sc = loaded.Validated!;
        ResourceCheck.Enforce([sc], o, Console.Out);
        var folder = OutputFolder.Prepare(o.Out ?? Path.Combine("results", sc.Name), o.Force, Console.Error);
        var (ensemble, written) = folder.Fill(staging =>
        {
            var result = ProgressDisplay.Run(sc.Name, runs, progress => MonteCarloRunner.Run(sc, runs, seed, threads, progress, cancel: Interruption.Token));
            // Output time and peak memory are left open: the writer measures them as it writes the
            // manifest last, so the manifest is written once and its figures cover the charts and CSVs.
            var info = new RunInfo
            {
                InputFiles = loaded.InputFiles,
                InputHash = loaded.InputHash,
                Warnings = loaded.Warnings.Select(w => w.ToString()).ToArray(),
                ProgramVersion = ProgramInfo.Version,
                StartedUtc = started,
                WallSeconds = wall.Elapsed.TotalSeconds,
                OutputSeconds = null,
                PeakMemoryBytes = null,
                CommandLine = string.Join(' ', commandLine.Skip(1)),
            };
            return (result, Interruption.Await(() => ResultWriter.WriteAll(result, info, staging)));
        });
        PrintSummary(ensemble, folder.Target, written, wall.Elapsed.TotalSeconds);
        return ExitCodes.Ok;
    }

    private static void PrintSummary(EnsembleResult e, string target, IReadOnlyList<string> written, double wallSeconds)
    {
        int last = e.Months.Count - 1;
        int home = e.MetricIndex(MetricCatalog.Home), abroad = e.MetricIndex(MetricCatalog.Abroad);
        double Median(int metric) => SeriesSummary.Median(e.Runs.Select(r => r.Series[metric][last]));
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(ci, $"{e.Scenario.Name}: {e.Runs.Count} runs x {e.Months.Count} months, {wallSeconds:F1} s wall, "
            + $"{e.AgentSteps / Math.Max(e.SteppingSeconds, 1e-9):E2} agent-steps/s"));
        Console.WriteLine(string.Create(ci, $"  {e.Months[last]}: median researchers at home {Median(home):N0}, abroad {Median(abroad):N0}"));
        Console.WriteLine($"  wrote {target}/: {string.Join(", ", written)}");
    }
}
