using System.CommandLine;
using System.Diagnostics;
using BrainDrainSim.Reporting;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Cli;

/// <summary>
/// <c>braindrain compare BASELINE.yaml POLICY.yaml...</c>: every scenario run with the same seeds, each policy's
/// paired difference from the baseline, its cost per researcher kept, charts and report.md.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var baseline = new Argument<string>("baseline") { Description = "The baseline scenario file (YAML)." };
        var policies = new Argument<string[]>("policies") { Description = "One or more policy scenario files (YAML).", Arity = ArgumentArity.OneOrMore };
        var options = new EnsembleOptions("results/compare-<baseline name>/");
        var cmd = new Command("compare", "Run a baseline and policies with the same seeds (common random numbers) and write "
            + "comparison.csv, cost_effectiveness.csv, report.md, manifest.json and charts.");
        cmd.Arguments.Add(baseline);
        cmd.Arguments.Add(policies);
        options.AddTo(cmd);
        cmd.SetAction(parse => Execute(parse.GetValue(baseline)!, parse.GetValue(policies)!, options.Read(parse), Environment.GetCommandLineArgs()));
        return cmd;
    }

    private static int Execute(string baselinePath, string[] policyPaths, EnsembleOptions.Values o, string[] commandLine)
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        // Readies the chart renderer on another core while the scenario loads and the replications run.
        ChartWarmUp.Start();
        // Every file is checked before anything runs, and every problem in every file is reported.
        var paths = new[] { baselinePath }.Concat(policyPaths).ToArray();
        var loaded = new List<ScenarioLoadResult>();
        bool ok = true;
        foreach (var path in paths)
        {
            var result = ScenarioFiles.LoadOrReport(path, Console.Error);
            if (result is null) ok = false;
            else loaded.Add(result);
        }
        if (!ok) return ExitCodes.BadInput;
        var scenarios = loaded.Select(l => l.Validated!).ToArray();
        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new UserInputException($"two scenarios are named '{duplicate.Key}'; give each compared scenario its own name (the tables and charts are labelled by name).");

        PairedRuns.CheckPairable(scenarios);
        ResourceCheck.Enforce(scenarios, o, Console.Out);

        var folder = OutputFolder.Prepare(o.Out ?? Path.Combine("results", "compare-" + scenarios[0].Name), o.Force, Console.Error);
        var (comparison, written) = folder.Fill(staging =>
        {
            var compared = PairedRuns.Compare(scenarios, o);
            var info = new CompareInfo
            {
                ProgramVersion = ProgramInfo.Version,
                CommandLine = string.Join(' ', commandLine.Skip(1)),
                StartedUtc = started,
                WallSeconds = wall.Elapsed.TotalSeconds,
                Inputs = loaded.Select((l, k) => new ScenarioInput(scenarios[k].Name, l.InputFiles, l.InputHash)).ToArray(),
                Warnings = loaded.SelectMany(l => l.Warnings).Select(w => w.ToString()).ToArray(),
            };
            return (compared, Interruption.Await(() => ComparisonWriter.WriteAll(compared, info, staging)));
        });
        Console.WriteLine(ComparisonTable.Format(comparison));
        Console.WriteLine($"wrote {folder.Target}/: {string.Join(", ", written)}");
        return ExitCodes.Ok;
    }
}
