using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Reporting.Calibration;
using BrainDrainSim.Reporting.Comparisons;
using BrainDrainSim.Scenarios.Targets;

namespace BrainDrainSim.Cli;

/// <summary>
/// <c>braindrain calibrate SCENARIO.yaml --targets TARGETS.yaml</c>: fits the scenario's uncertain quantities to the
/// targets by ABC-SMC, checkpointing every generation beside the output folder so that an interrupted calibration
/// resumes to the same bytes; writes the posterior, the posterior predictive, charts, report.md and manifest.json.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML) whose uncertainty: block is the prior, for example scenarios/history/korea-2015.yaml." };
        var targets = new Option<string>("--targets") { Description = "The targets file (YAML), for example scenarios/targets/korea.yaml.", Required = true };
        var particles = new Option<int>("--particles") { Description = "Particles per generation (the posterior sample's size).", DefaultValueFactory = _ => 500 };
        var budget = new Option<long>("--budget") { Description = "The most simulations in all (each one replication of the scenario); the last generation that fits in it is the result.", DefaultValueFactory = _ => 50_000 };
        var generations = new Option<int>("--generations") { Description = "The most generations, the prior's included.", DefaultValueFactory = _ => 20 };
        var keep = new Option<string[]>("--keep-prior")
        {
            Description = "An uncertain quantity (its path in uncertainty:) to leave at its prior: drawn in every simulation, not fitted (the data cannot tell it). Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var acceptance = new Option<string>("--acceptance")
        {
            Description = "How the last generation (at the chi_K 95% point) accepts a run: error (with probability exp(-D^2/2), the targets' "
                + "observation error as the likelihood: exact for the model plus that error, Wilkinson 2013) or uniform (every run within the tolerance).",
            DefaultValueFactory = _ => "error",
        };
        var predictive = new Option<int>("--predictive") { Description = "Runs of the posterior predictive (particles drawn by weight, fresh seeds).", DefaultValueFactory = _ => 200 };
        var options = new EnsembleOptions("results/calibrate-<scenario name>/");
        var cmd = new Command("calibrate", "Fit a scenario's uncertain quantities to observed targets by ABC-SMC; writes posterior.csv, generations.csv, "
            + "predictive.csv, charts, report.md and manifest.json. Each generation is checkpointed beside the output folder: run the same command again to resume.");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(targets);
        cmd.Options.Add(particles);
        cmd.Options.Add(budget);
        cmd.Options.Add(generations);
        cmd.Options.Add(keep);
        cmd.Options.Add(acceptance);
        cmd.Options.Add(predictive);
        cmd.Options.Add(options.Seed);
        cmd.Options.Add(options.Threads);
        cmd.Options.Add(options.Out);
        cmd.Options.Add(options.Force);
        cmd.SetAction(parse => Execute(new Request(parse.GetValue(scenario)!, parse.GetValue(targets)!, parse.GetValue(particles), parse.GetValue(budget),
            parse.GetValue(generations), parse.GetValue(keep) ?? [], parse.GetValue(acceptance)!, parse.GetValue(predictive), parse.GetValue(options.Seed), parse.GetValue(options.Threads),
            parse.GetValue(options.Out), parse.GetValue(options.Force)), Environment.GetCommandLineArgs()));
        return cmd;
    }

    private sealed record Request(string Scenario, string Targets, int Particles, long Budget, int Generations, string[] Keep, string Acceptance, int Predictive,
        ulong Seed, int Threads, string? Out, bool Force);

    /// <summary>The most particles: the weights cost N^2 kernel evaluations a generation.</summary>
    private const int MaxParticles = 100_000;

    private static int Execute(Request r, string[] commandLine)
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        if (r.Particles < 2 || r.Particles > MaxParticles)
            throw new UserInputException($"--particles must be from 2 to {MaxParticles:N0} (got {r.Particles:N0}).");
        if (r.Budget < r.Particles)
            throw new UserInputException($"--budget must be at least --particles ({r.Particles:N0}): generation 0 alone runs one simulation per particle (got {r.Budget:N0}).");
        if (r.Generations < 1 || r.Generations > 1000)
            throw new UserInputException($"--generations must be from 1 to 1,000 (got {r.Generations:N0}).");
        if (r.Predictive < 1 || r.Predictive > EnsembleOptions.MaxRuns)
            throw new UserInputException($"--predictive must be from 1 to {EnsembleOptions.MaxRuns:N0} (got {r.Predictive:N0}).");
        var finalAcceptance = r.Acceptance switch
        {
            "error" => AbcFinalAcceptance.ObservationError,
            "uniform" => AbcFinalAcceptance.Uniform,
            _ => throw new UserInputException($"--acceptance must be error or uniform (got '{r.Acceptance}')."),
        };
        EnsembleOptions.CheckThreads(r.Threads);

        Reporting.ChartWarmUp.Start();
        var loaded = ScenarioFiles.LoadOrReport(r.Scenario, Console.Error);
        if (loaded is null) return ExitCodes.BadInput;
        var targetsLoaded = TargetLoader.Load(r.Targets, loaded.Validated!);
        foreach (var w in targetsLoaded.Warnings) Console.Error.WriteLine($"warning: {w}");
        if (!targetsLoaded.Ok)
        {
            foreach (var e in targetsLoaded.Errors) Console.Error.WriteLine(e.ToString());
            Console.Error.WriteLine($"{r.Targets}: {targetsLoaded.Errors.Count} error{(targetsLoaded.Errors.Count == 1 ? "" : "s")}; nothing was run or written.");
            return ExitCodes.BadInput;
        }
        var sc = loaded.Scenario!;
        CalibrationProblem problem;
        try
        {
            problem = CalibrationProblem.Create(loaded.Validated!, targetsLoaded.Targets!, r.Keep.Distinct(StringComparer.Ordinal).ToArray());
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"{e.Message} ({r.Scenario}).");
        }
        int k = problem.Targets.FitCount;
        var configuration = new AbcSmcConfiguration
        {
            Prior = problem.Prior,
            Particles = r.Particles,
            Seed = r.Seed,
            MinimumTolerance = AbcTolerance.ChiQuantile(k),
            SimulationBudget = r.Budget,
            MaxGenerations = r.Generations,
            FinalAcceptance = finalAcceptance,
            // What the checkpoint belongs to: the inputs' bytes and what is fitted.
            Model = $"scenario {loaded.InputHash}; targets {targetsLoaded.InputHash}; kept {string.Join(",", problem.KeptAtPrior)}",
        };
        try
        {
            configuration.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"{e.Message}.");
        }

        string target = Path.GetFullPath(r.Out ?? Path.Combine("results", "calibrate-" + sc.Name));
        string checkpoint = CheckpointPath(target);
        var state = ResumeOrStart(configuration, checkpoint, out int? resumedFrom);
        var folder = OutputFolder.Prepare(target, r.Force, Console.Error);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sc.Name}: {problem.Prior.Dimension} parameters fitted to {k} targets ({problem.KeptAtPrior.Count} kept at their prior); {r.Particles:N0} particles, "
            + $"at most {r.Budget:N0} simulations and {r.Generations} generations; stops when the tolerance reaches {configuration.MinimumTolerance:0.###} (the chi_{k} 95% point)"));
        if (resumedFrom is { } g) Console.WriteLine($"resuming from generation {g} ({Path.GetFileName(checkpoint)}, {state.Simulations:N0} simulations so far)");

        var (summary, written) = folder.Fill(staging =>
        {
            bool told = false;
            var final = Interruption.Await(() => AbcSmcSampler.Run(state, problem, r.Threads, s =>
            {
                // The checkpoint first: a signal after this line loses nothing of the generation.
                AbcCheckpoint.Save(s, checkpoint);
                Console.Error.WriteLine(Progress(s));
                if (!told) Console.Error.WriteLine($"checkpoint: {checkpoint} (if stopped, the same command resumes from it)");
                told = true;
            }, Interruption.Token));
            Console.WriteLine(StopLine(final));
            var predictive = Interruption.Await(() => PosteriorPredictive.Run(problem, final, r.Predictive, r.Seed, r.Threads, Interruption.Token));
            var outcome = new CalibrationOutcome(problem, final, predictive);
            var info = new CalibrationInfo
            {
                ProgramVersion = ProgramInfo.Version,
                CommandLine = string.Join(' ', commandLine.Skip(1)),
                StartedUtc = started,
                WallSeconds = wall.Elapsed.TotalSeconds,
                Seed = r.Seed,
                Threads = r.Threads,
                Scenario = new ScenarioInput(sc.Name, loaded.InputFiles, loaded.InputHash),
                TargetsFile = targetsLoaded.File,
                TargetsHash = targetsLoaded.InputHash,
                ResumedFromGeneration = resumedFrom,
                Warnings = loaded.Warnings.Concat(targetsLoaded.Warnings).Select(w => w.ToString()).ToArray(),
            };
            var files = Interruption.Await(() => CalibrationWriter.WriteAll(outcome, info, staging));
            return (Summary(outcome), files);
        });
        // The results are whole and in place: the checkpoint has done its work.
        File.Delete(checkpoint);
        Console.WriteLine(summary);
        Console.WriteLine($"wrote {folder.Target}/: {string.Join(", ", written)}");
        return ExitCodes.Ok;
    }

    /// <summary>Beside the output folder, not in it: the folder is written whole at the end, the checkpoint after every generation.</summary>
    internal static string CheckpointPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", Path.GetFileName(target) + ".checkpoint.json");

    private static AbcSmcState ResumeOrStart(AbcSmcConfiguration configuration, string checkpoint, out int? resumedFrom)
    {
        resumedFrom = null;
        if (!File.Exists(checkpoint)) return AbcSmcState.Start(configuration);
        try
        {
            var state = AbcCheckpoint.Load(checkpoint, configuration);
            resumedFrom = state.Population?.Generation;
            return state;
        }
        catch (CheckpointMismatchException e)
        {
            throw new UserInputException($"{checkpoint} is the checkpoint of another calibration ({e.Message}); "
                + "run the same command as before to resume it, or delete it to start this one afresh.");
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidDataException)
        {
            throw new UserInputException($"{checkpoint} cannot be read as a checkpoint ({e.Message}); delete it to start afresh.");
        }
    }

    private static string Progress(AbcSmcState s)
    {
        var g = s.History[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"generation {g.Generation}: tolerance {g.Tolerance:0.###}, acceptance {g.AcceptanceRate:P1} ({g.Simulations:N0} simulations, {s.Simulations:N0} in all), ESS {g.EffectiveSampleSize:N0}");
    }

    private static string StopLine(AbcSmcState s) => s.Stop is { } stop
        ? $"stopped after generation {s.Population?.Generation}: {stop.Detail}"
        : "stopped";

    private static string Summary(CalibrationOutcome outcome)
    {
        var lines = new List<string>();
        foreach (var p in PosteriorSummary.Of(outcome.State))
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {p.Parameter}: {p.Median:G4} [{p.Lower:G4}, {p.Upper:G4}]"));
        return string.Join('\n', lines);
    }
}
