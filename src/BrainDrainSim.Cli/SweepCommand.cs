using System.CommandLine;
using System.Diagnostics;
using BrainDrainSim.Reporting;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Cli;

/// <summary>
/// <c>braindrain sweep SCENARIO.yaml --set PATH=V1,V2,...</c>: the scenario at each value, every value run with
/// the same seeds, each compared with the first value; sweep.csv, a response chart and a manifest.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML)." };
        var set = new Option<string>("--set")
        {
            Description = "The quantity to sweep and its values, PATH=V1,V2,... (PATH as in uncertainty:, e.g. levers[0].count=0,10000,20000,50000).",
            Required = true,
        };
        var renormalise = new Option<bool>("--renormalise")
        {
            Description = "When the swept quantity is one of a set of shares that sum to 1 (sector_shares, a mix, a stage mix), "
                + "rescale the set's other shares in proportion so the sum stays 1; recorded in the manifest.",
        };
        var options = new EnsembleOptions("results/sweep-<scenario name>-<path>/");
        var cmd = new Command("sweep", "Run a scenario at several values of one parameter or lever field, paired by seed, and write "
            + "sweep.csv, sweep_response.png and manifest.json.");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(set);
        cmd.Options.Add(renormalise);
        options.AddTo(cmd);
        cmd.SetAction(parse => Execute(parse.GetValue(scenario)!, parse.GetValue(set)!, parse.GetValue(renormalise), options.Read(parse), Environment.GetCommandLineArgs()));
        return cmd;
    }

    private static int Execute(string scenarioPath, string setText, bool renormalise, EnsembleOptions.Values o, string[] commandLine)
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        // Readies the chart renderer on another core while the scenario loads and the replications run.
        ChartWarmUp.Start();
        var loaded = ScenarioFiles.LoadOrReport(scenarioPath, Console.Error);
        if (loaded is null) return ExitCodes.BadInput;
        var sc = loaded.Scenario!;
        var setting = SweepSetting.Parse(setText, sc, renormalise);
        if (setting.Validate(sc, loaded, Console.Error) is not { } scenarios) return ExitCodes.BadInput;

        string slug = new string(setting.Path.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '-').ToArray()).Trim('-');
        PairedRuns.CheckPairable(scenarios);
        ResourceCheck.Enforce(scenarios, o, Console.Out);
        var folder = OutputFolder.Prepare(o.Out ?? Path.Combine("results", $"sweep-{sc.Name}-{slug}"), o.Force, Console.Error);
        var (comparison, written) = folder.Fill(staging =>
        {
            var compared = PairedRuns.Compare(scenarios, o);
            var info = new CompareInfo
            {
                ProgramVersion = ProgramInfo.Version,
                CommandLine = string.Join(' ', commandLine.Skip(1)),
                StartedUtc = started,
                WallSeconds = wall.Elapsed.TotalSeconds,
                Inputs = [new ScenarioInput(sc.Name, loaded.InputFiles, loaded.InputHash)],
                Warnings = loaded.Warnings.Select(w => w.ToString()).ToArray(),
                Sweep = new SweepInfo(setting.Path, setting.Values, setting.IsUncertainIn(sc) ? setting.Path : null,
                    setting.Renormalise ? setting.Shares?.Path : null),
            };
            return (compared, Interruption.Await(() => SweepWriter.WriteAll(compared, setting.Path, setting.Values, info, staging)));
        });
        Console.WriteLine(SweepTable.Format(comparison, setting.Path, setting.Values));
        Console.WriteLine($"wrote {folder.Target}/: {string.Join(", ", written)}");
        return ExitCodes.Ok;
    }
}
