using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.Reporting;
using BrainDrainSim.Reporting.Comparisons;
using BrainDrainSim.Reporting.Sensitivity;
using BrainDrainSim.Sensitivity;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Cli;

/// <summary>
/// <c>braindrain sensitivity SCENARIO.yaml [--against BASELINE.yaml] --method sobol|morris</c>: which uncertain input
/// drives a metric, or a policy's paired effect and extra cost; indices.csv, charts, report.md and manifest.json.
/// </summary>
internal static class SensitivityCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file (YAML): a policy, or any scenario." };
        var against = new Option<string?>("--against") { Description = "A baseline file: analyse the scenario's paired effect against it (same seed at every design point) and its extra cost." };
        var method = new Option<string>("--method") { Description = "sobol (variance shares with intervals; chance is a factor) or morris (a cheap screen).", DefaultValueFactory = _ => "sobol" };
        var n = new Option<int?>("--n") { Description = "Sobol: base points N, a power of two (runs = N x (inputs + 3)); Morris: trajectories (runs = r x (inputs + 1)). Default 64 and 20." };
        var factors = new Option<string[]>("--factor")
        {
            Description = "An extra input, PATH=LO..HI, uniform on the range (PATH as in uncertainty:, e.g. levers[0].count=5000..20000); replaces the distribution of an uncertain PATH. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var metrics = new Option<string[]>("--metric") { Description = "A metric to analyse (default researchers_home); repeatable. See summary.csv of a run for the names." };
        var wtp = new Option<double?>("--wtp") { Description = "With --against: also analyse the net monetary benefit, WTP x effect - extra cost, at this willingness to pay (KRW per researcher kept)." };
        var secondOrder = new Option<bool>("--second-order") { Description = "Sobol: also estimate second-order indices (second_order.csv; N x (2 inputs + 2) more runs)." };
        var levels = new Option<int>("--levels") { Description = "Morris: grid levels, an even number (default 4).", DefaultValueFactory = _ => 4 };
        var options = new EnsembleOptions("results/sensitivity-<scenario name>/");
        var cmd = new Command("sensitivity", "Global sensitivity analysis: Sobol indices or Morris effects of the scenario's uncertain inputs (and --factor ranges) "
            + "on a metric or, with --against, on a policy's paired effect; writes indices.csv, charts, report.md and manifest.json.");
        cmd.Arguments.Add(scenario);
        cmd.Options.Add(against);
        cmd.Options.Add(method);
        cmd.Options.Add(n);
        cmd.Options.Add(factors);
        cmd.Options.Add(metrics);
        cmd.Options.Add(wtp);
        cmd.Options.Add(secondOrder);
        cmd.Options.Add(levels);
        cmd.Options.Add(options.Seed);
        cmd.Options.Add(options.Threads);
        cmd.Options.Add(options.Out);
        cmd.Options.Add(options.Force);
        cmd.SetAction(parse => Execute(new Request(parse.GetValue(scenario)!, parse.GetValue(against), parse.GetValue(method)!, parse.GetValue(n),
            parse.GetValue(factors) ?? [], parse.GetValue(metrics) ?? [], parse.GetValue(wtp), parse.GetValue(secondOrder), parse.GetValue(levels),
            parse.GetValue(options.Seed), parse.GetValue(options.Threads), parse.GetValue(options.Out), parse.GetValue(options.Force)), Environment.GetCommandLineArgs()));
        return cmd;
    }

    private sealed record Request(string Scenario, string? Against, string Method, int? N, string[] Factors, string[] Metrics, double? Wtp,
        bool SecondOrder, int Levels, ulong Seed, int Threads, string? Out, bool Force);

    private static int Execute(Request r, string[] commandLine)
    {
        var started = DateTime.UtcNow;
        var wall = Stopwatch.StartNew();
        bool sobol = r.Method switch
        {
            "sobol" => true,
            "morris" => false,
            _ => throw new UserInputException($"--method must be sobol or morris (got '{r.Method}')."),
        };
        int n = r.N ?? (sobol ? 64 : 20);
        if (sobol && (n < 2 || (n & (n - 1)) != 0))
            throw new UserInputException($"--n for sobol is the number of base points, a power of two of at least 2 (a Sobol net is balanced only then), for example 64, 256 or 1024 (got {n}).");
        if (!sobol && n < 2) throw new UserInputException($"--n for morris is the number of trajectories, at least 2 (got {n}).");
        if (!sobol && (r.Levels < 2 || r.Levels % 2 != 0)) throw new UserInputException($"--levels must be an even number of at least 2 (got {r.Levels}).");
        if (r.SecondOrder && !sobol) throw new UserInputException("--second-order is for --method sobol.");
        if (r.Wtp is not null && r.Against is null) throw new UserInputException("--wtp prices the researchers a policy keeps against a baseline: give --against BASELINE.yaml.");
        if (r.Wtp is { } w && !(double.IsFinite(w) && w > 0)) throw new UserInputException($"--wtp must be a positive number of KRW per researcher kept (got {w.ToString(CultureInfo.InvariantCulture)}).");
        EnsembleOptions.CheckThreads(r.Threads);
        var ranges = r.Factors.Select(ParseFactor).ToArray();

        ChartWarmUp.Start();
        var loaded = ScenarioFiles.LoadOrReport(r.Scenario, Console.Error);
        var baselineLoaded = r.Against is null ? null : ScenarioFiles.LoadOrReport(r.Against, Console.Error);
        if (loaded is null || (r.Against is not null && baselineLoaded is null)) return ExitCodes.BadInput;
        var sc = loaded.Scenario!;
        var baseline = baselineLoaded?.Scenario;
        if (baseline is not null) PairedRuns.CheckPairable([baselineLoaded!.Validated!, loaded.Validated!]);

        var problem = SensitivityProblem.Create(sc, baseline, ranges, out var errors);
        if (problem is null)
        {
            foreach (var e in errors) Console.Error.WriteLine($"error: {e}");
            Console.Error.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was run or written.");
            return ExitCodes.BadInput;
        }
        if (problem.Factors.Count == 0)
            throw new UserInputException($"'{sc.Name}' has nothing uncertain to analyse: give it an uncertainty: block or name inputs with --factor PATH=LO..HI.");
        if (sobol && 2 * problem.Layout.ColumnCount > SobolSequence.MaxDimensions)
            throw new UserInputException($"{problem.Layout.ColumnCount} input columns are more than a Sobol design here can take ({SobolSequence.MaxDimensions / 2}).");
        var quantities = Quantities(r, sc);
        var months = Months(sc.Months);

        var saltelli = sobol ? SensitivityAnalysis.SobolDesign(problem, n, r.SecondOrder, r.Seed) : null;
        var morris = sobol ? null : new MorrisDesign(problem.Layout, n, r.Seed, r.Levels);
        int rows = checked((int)(saltelli?.RowCount ?? morris!.RowCount));
        var validated = baselineLoaded is null ? new[] { loaded.Validated! } : [loaded.Validated!, baselineLoaded.Validated!];
        ResourceCheck.Enforce(validated, new EnsembleOptions.Values(rows, r.Seed, r.Threads, r.Out, r.Force), Console.Out);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{problem.Factors.Count} inputs{(sobol ? " and chance" : "")}, {rows:N0} design rows x {validated.Length} scenario{(validated.Length == 1 ? "" : "s")} = {rows * validated.Length:N0} replications"));

        var folder = OutputFolder.Prepare(r.Out ?? Path.Combine("results", "sensitivity-" + sc.Name), r.Force, Console.Error);
        var info = new SensitivityInfo
        {
            ProgramVersion = ProgramInfo.Version,
            CommandLine = string.Join(' ', commandLine.Skip(1)),
            StartedUtc = started,
            WallSeconds = 0,
            Seed = r.Seed,
            Threads = r.Threads,
            Inputs = new[] { loaded, baselineLoaded }.OfType<Scenarios.ScenarioLoadResult>().Select(l => new ScenarioInput(l.Scenario!.Name, l.InputFiles, l.InputHash)).ToArray(),
            Warnings = new[] { loaded, baselineLoaded }.OfType<Scenarios.ScenarioLoadResult>().SelectMany(l => l.Warnings).Select(x => x.ToString()).ToArray(),
        };
        try
        {
            var (summary, written) = folder.Fill(staging =>
            {
                if (saltelli is not null)
                {
                    var s = ProgressDisplay.Run(sc.Name, rows, progress =>
                        SensitivityAnalysis.Sobol(problem, saltelli, r.Threads, quantities, months, progress, Interruption.Token));
                    var files = Interruption.Await(() => SensitivityWriter.WriteAll(s, info with { WallSeconds = wall.Elapsed.TotalSeconds }, staging));
                    return (Ranking(s), files);
                }
                var m = ProgressDisplay.Run(sc.Name, rows, progress =>
                    SensitivityAnalysis.Morris(problem, morris!, r.Threads, quantities, months, progress, Interruption.Token));
                return (Ranking(m), Interruption.Await(() => SensitivityWriter.WriteAll(m, info with { WallSeconds = wall.Elapsed.TotalSeconds }, staging)));
            });
            Console.WriteLine(summary);
            Console.WriteLine($"wrote {folder.Target}/: {string.Join(", ", written)}");
        }
        catch (InvalidScenarioException e)
        {
            // A design point inside every range can still break a rule that ties quantities together.
            throw new UserInputException($"{e.Message}. Nothing was written: narrow the --factor ranges or the distributions in uncertainty: so that every point keeps the scenario's rules.");
        }
        return ExitCodes.Ok;
    }

    /// <summary>PATH=LO..HI.</summary>
    private static (string Path, double Low, double High) ParseFactor(string text)
    {
        int eq = text.IndexOf('=');
        int dots = eq < 0 ? -1 : text.IndexOf("..", eq, StringComparison.Ordinal);
        if (eq <= 0 || dots < 0)
            throw new UserInputException($"--factor '{text}': expected PATH=LO..HI (for example --factor coefficients.b_gpu=0..0.8).");
        string path = text[..eq].Trim(), lo = text[(eq + 1)..dots].Trim(), hi = text[(dots + 2)..].Trim();
        if (!double.TryParse(lo, NumberStyles.Float, CultureInfo.InvariantCulture, out var low) || !double.IsFinite(low))
            throw new UserInputException($"--factor {path}: LO '{lo}' is not a number.");
        if (!double.TryParse(hi, NumberStyles.Float, CultureInfo.InvariantCulture, out var high) || !double.IsFinite(high))
            throw new UserInputException($"--factor {path}: HI '{hi}' is not a number.");
        return (path, low, high);
    }

    /// <summary>
    /// Without a baseline, each metric itself; with one, the paired effect on each metric and the extra cost, and the
    /// net benefit at --wtp on the first metric.
    /// </summary>
    private static SensitivityQuantity[] Quantities(Request r, Scenario sc)
    {
        var catalog = MetricCatalog.For(sc);
        var names = r.Metrics.Length == 0 ? [MetricCatalog.Home] : r.Metrics.Distinct(StringComparer.Ordinal).ToArray();
        foreach (var name in names)
            if (MetricCatalog.IndexOf(catalog, name) < 0)
                throw new UserInputException($"--metric '{name}' is not a metric of '{sc.Name}'{(KeySuggestions.Closest(name, catalog.Select(m => m.Name)) is { } near ? $" (did you mean '{near}'?)" : "")}; the metrics are: {string.Join(", ", catalog.Select(m => m.Name))}.");
        if (r.Against is null) return names.Select(m => new SensitivityQuantity(m, QuantityKind.Level)).ToArray();
        var q = names.Select(m => new SensitivityQuantity(m, QuantityKind.Effect)).ToList();
        q.Add(new SensitivityQuantity(names[0], QuantityKind.ExtraCost));
        if (r.Wtp is { } w) q.Add(new SensitivityQuantity(names[0], QuantityKind.NetBenefit, w));
        return [.. q];
    }

    /// <summary>The end of each year of the horizon and the horizon itself: indices over time at a yearly step.</summary>
    private static int[] Months(int months) =>
        Enumerable.Range(1, months / 12).Select(y => 12 * y - 1).Append(months - 1).Distinct().ToArray();

    private static string Ranking(SobolSensitivity s)
    {
        var lines = new List<string>();
        foreach (var i in s.Indices.GroupBy(x => x.Quantity).Select(g => g.OrderBy(x => x.Month).Last()))
        {
            if (i.Result.Status != IndexStatus.Defined)
            {
                lines.Add($"  {i.Quantity.Name}: {i.Result.Status.Describe()}");
                continue;
            }
            var ranked = s.FactorNames.Select((name, f) => (name, st: i.Result.Factors[f].Total!.Value)).OrderByDescending(x => x.st.Value).Take(4);
            lines.Add($"  {i.Quantity.Name}, ST: " + string.Join(", ", ranked.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.name} {x.st.Value:F2} [{x.st.Lower:F2}, {x.st.Upper:F2}]"))));
        }
        return string.Join('\n', lines);
    }

    private static string Ranking(MorrisSensitivity m)
    {
        var lines = new List<string>();
        foreach (var e in m.Effects.GroupBy(x => x.Quantity).Select(g => g.OrderBy(x => x.Month).Last()))
        {
            if (e.Result.Status != IndexStatus.Defined)
            {
                lines.Add($"  {e.Quantity.Name}: {e.Result.Status.Describe()}");
                continue;
            }
            var ranked = m.FactorNames.Select((name, f) => (name, mu: e.Result.Factors[f].MuStar ?? 0)).OrderByDescending(x => x.mu).Take(4);
            lines.Add($"  {e.Quantity.Name}, mu*: " + string.Join(", ", ranked.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.name} {x.mu:G4}"))));
        }
        return string.Join('\n', lines);
    }
}
