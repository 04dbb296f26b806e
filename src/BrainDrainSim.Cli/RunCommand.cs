using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Reporting;

namespace BrainDrainSim.Cli;

/// <summary><c>braindrain run SCENARIO.yaml</c>: a Monte Carlo ensemble to CSV, manifest and PNG charts.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var runs = new Option<int>("--runs", "-n") { Description = "Number of replications.", DefaultValueFactory = _ => 100 };
        var seed = new Option<ulong>("--seed", "-s") { Description = "Master seed; replication i uses a seed derived from it and i.", DefaultValueFactory = _ => 1UL };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads (the output bytes do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<string?>("--out", "-o") { Description = "Output folder (default: results/<scenario name>/)." };
        var force = new Option<bool>("--force") { Description = "Replace the output folder if it exists." };
        var cmd = new Command("run", "Run a scenario's Monte Carlo ensemble and write summary.csv, runs.csv, annual.csv, manifest.json and charts.");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(runs);
        cmd.Options.Add(seed);
        cmd.Options.Add(threads);
        cmd.Options.Add(output);
        cmd.Options.Add(force);
        cmd.SetAction(parse => Execute(parse.GetValue(scenario)!, parse.GetValue(runs), parse.GetValue(seed),
            parse.GetValue(threads), parse.GetValue(output), parse.GetValue(force), Environment.GetCommandLineArgs()));
        return cmd;
    }

    private static int Execute(string scenarioPath, int runs, ulong seed, int threads, string? outDir, bool force, string[] commandLine)
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        if (runs < 1) throw new UserInputException($"--runs must be at least 1 (got {runs}).");
        if (threads < 1) throw new UserInputException($"--threads must be at least 1 (got {threads}).");

        var loaded = ScenarioFiles.LoadOrReport(scenarioPath, Console.Error);
        if (loaded is null) return ExitCodes.BadInput;
        var sc = loaded.Scenario!;
        var folder = OutputFolder.Prepare(outDir ?? Path.Combine("results", sc.Name), force);
        try
        {
            var ensemble = ProgressDisplay.Run(sc.Name, runs, progress => MonteCarloRunner.Run(sc, runs, seed, threads, progress));
            // Output time and peak memory are left open: the writer measures them as it writes the
            // manifest last, so the manifest is written once and its figures cover the charts and CSVs.
            var info = new RunInfo
            {
                InputFiles = loaded.InputFiles,
                InputHash = loaded.InputHash,
                ProgramVersion = Version,
                StartedUtc = started,
                WallSeconds = wall.Elapsed.TotalSeconds,
                OutputSeconds = null,
                PeakMemoryBytes = null,
                CommandLine = string.Join(' ', commandLine.Skip(1)),
            };
            var written = ResultWriter.WriteAll(ensemble, info, folder.Staging);
            folder.Commit();
            PrintSummary(ensemble, folder.Target, written, wall.Elapsed.TotalSeconds);
            return ExitCodes.Ok;
        }
        catch
        {
            folder.Abandon();
            throw;
        }
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

    private static string Version =>
        typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
