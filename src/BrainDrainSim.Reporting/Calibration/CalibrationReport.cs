using System.Globalization;
using System.Text;
using BrainDrainSim.Calibration;
using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Model;
using BrainDrainSim.Reporting.Comparisons;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// report.md of a calibration, for a reader who did not run it: what was fitted to what (files and hashes), the
/// method and its settings, how each generation went and why the run stopped, each fitted parameter's posterior
/// against its prior and what the data said about it, the parameters kept at their prior and why, and every target
/// against its posterior predictive, a fit target not covered marked as a miss. Nothing of how the run was made
/// (command line, threads, times) goes here, so the same outcome and inputs give the same bytes; manifest.json has
/// the rest.
/// </summary>
public static class CalibrationReport
{
    public const string File = "report.md";

    /// <summary>The report, with the reason each kept parameter was kept (by its path) where the caller has one.</summary>
    public static string Format(CalibrationOutcome outcome, CalibrationInfo info, IReadOnlyDictionary<string, string>? keptReasons = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Format(outcome, info, ParameterFit.Of(outcome.State), PredictiveCheck.Of(outcome), keptReasons);
    }

    internal static string Format(CalibrationOutcome outcome, CalibrationInfo info, IReadOnlyList<ParameterFit> fits,
        IReadOnlyList<PredictiveCheck> checks, IReadOnlyDictionary<string, string>? keptReasons)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(info);
        var problem = outcome.Problem;
        var state = outcome.State;
        var c = state.Configuration;
        var population = state.Population ?? throw new ArgumentException("the calibration has no population", nameof(outcome));
        var targets = problem.Targets;
        var fitChecks = checks.Where(x => x.Target.IsFit).ToArray();
        var validateChecks = checks.Where(x => !x.Target.IsFit).ToArray();
        var md = new StringBuilder();

        md.Append($"# Calibration: {Inline(problem.Scenario.Name)} against {Inline(targets.Name)}\n\n");
        md.Append(Invariant($"{Count(fits.Count, "uncertain quantity", "uncertain quantities")} of scenario {Code(problem.Scenario.Name)} fitted to the "));
        md.Append(Invariant($"{Count(targets.FitCount, "fit target", "fit targets")} of {Code(targets.Name)} by approximate Bayesian computation; "));
        md.Append(Invariant($"{Count(validateChecks.Length, "validate target", "validate targets")} reported beside, never fitted; "));
        md.Append(Invariant($"{Count(problem.KeptAtPrior.Count, "quantity", "quantities")} kept at {(problem.KeptAtPrior.Count == 1 ? "its" : "their")} prior.\n\n"));

        AppendSummary(md, state, population, fits, fitChecks, validateChecks);
        AppendInputs(md, info, problem);
        AppendMethod(md, c, targets.FitCount, targets.ObservedFitCount, outcome.Predictive.Draws.Count);
        AppendConvergence(md, state);
        AppendPosterior(md, population, fits);
        AppendKept(md, problem, keptReasons);
        AppendTargets(md, fitChecks, validateChecks, outcome.Predictive.Draws.Count(d => d.Summaries.Count == 0));
        AppendHistory(md, problem);
        if (info.Warnings.Count > 0)
        {
            md.Append("## Warnings\n\n");
            foreach (var w in info.Warnings) md.Append($"- {Inline(w)}\n");
            md.Append('\n');
        }
        AppendFiles(md);
        return md.ToString();
    }

    private static void AppendSummary(StringBuilder md, AbcSmcState state, AbcPopulation population, IReadOnlyList<ParameterFit> fits,
        PredictiveCheck[] fitChecks, PredictiveCheck[] validateChecks)
    {
        md.Append("## In short\n\n");
        md.Append(Invariant($"- The posterior is generation {population.Generation} ({population.Particles.Count:N0} particles, effective sample size {Figures.Number(population.EffectiveSampleSize, 0)}), after {state.Simulations:N0} simulations. "));
        md.Append(state.Stop is { } stop ? $"The run stopped on {StopName(stop.Reason)}: {Inline(stop.Detail)}.\n" : "The run had not stopped.\n");
        md.Append(Invariant($"- Fit targets covered by the posterior predictive's 95% interval: {fitChecks.Count(x => x.Covered)} of {fitChecks.Length}"));
        var misses = fitChecks.Where(x => x.IsMiss).ToArray();
        md.Append(misses.Length == 0 ? ".\n" : $"; **misses**: {string.Join(", ", misses.Select(x => Code(x.Target.Name ?? "")))}.\n");
        if (validateChecks.Length > 0)
        {
            md.Append(Invariant($"- Validate targets covered: {validateChecks.Count(x => x.Covered)} of {validateChecks.Length}"));
            var vm = validateChecks.Where(x => x.IsMiss).ToArray();
            md.Append(vm.Length == 0 ? ".\n" : $"; misses: {string.Join(", ", vm.Select(x => Code(x.Target.Name ?? "")))}.\n");
        }
        var pinned = fits.Where(f => f.SdRatio < ParameterFit.PinnedRatio).ToArray();
        var near = fits.Where(f => f.SdRatio > ParameterFit.NearPriorRatio).ToArray();
        md.Append($"- Pinned down by the data (sd ratio below {Figures.Significant(ParameterFit.PinnedRatio, 1)}): {Names(pinned)}. ");
        md.Append($"Near their prior (above {Figures.Significant(ParameterFit.NearPriorRatio, 1)}): {Names(near)}.\n\n");
    }

    private static void AppendInputs(StringBuilder md, CalibrationInfo info, CalibrationProblem problem)
    {
        md.Append("## Inputs\n\n| input | name | file | hash |\n|---|---|---|---|\n");
        var files = info.Scenario.InputFiles;
        md.Append($"| scenario | {Cell(problem.Scenario.Name)} | {(files.Count == 0 ? "not recorded" : string.Join(", ", files.Select(f => Code(f))))} | {Code(info.Scenario.InputHash)} |\n");
        md.Append($"| targets | {Cell(problem.Targets.Name)} | {Code(info.TargetsFile)} | {Code(info.TargetsHash)} |\n\n");
        md.Append(Invariant($"The run covers {problem.Targets.Start} to {problem.Targets.Start.AddMonths(problem.Targets.Months - 1)} ({problem.Targets.Months} months)."));
        string about = Inline(problem.Targets.Set.Description);
        if (about.Length > 0) md.Append($" The targets: {about}{(about.EndsWith('.') ? "" : ".")}");
        md.Append("\n\n");
    }

    private static void AppendMethod(StringBuilder md, AbcSmcConfiguration c, int k, int observedK, int draws)
    {
        md.Append("## Method\n\n");
        md.Append("Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Toni et al. 2009, J. R. Soc. Interface 6:187). ");
        md.Append("One simulation is one run of the scenario at the parameters theta, with the quantities kept at their prior drawn afresh from its seed; ");
        md.Append("its distance from the targets is sqrt(sum over the fit targets of ((s - y) / sd)^2), a bound's term being 0 inside it and ((s - limit) / sd)^2 beyond (docs/targets.md). ");
        md.Append("Generation 0 draws the particles from the prior and accepts any finite distance. ");
        md.Append(Invariant($"The tolerance of each later generation is {(c.ToleranceQuantile == 0.5 ? "the median" : $"the {Figures.Significant(c.ToleranceQuantile)} quantile")} of the previous generation's accepted distances. "));
        md.Append(Invariant($"Each proposal is a particle of the previous generation drawn by weight and moved by a Gaussian kernel with {Figures.Significant(c.KernelScale)} times the population's weighted covariance, and an accepted particle's weight is prior(theta) / sum_j W_j K(theta | theta_j) (Beaumont et al. 2009, Biometrika 96:983). "));
        double chi = AbcTolerance.ChiQuantile(k);
        md.Append(c.FinalAcceptance == AbcFinalAcceptance.ObservationError
            ? "The generation run at the minimum tolerance accepts a run with probability exp(-D^2/2) instead of whenever D is within it: the targets' Gaussian observation error as the likelihood, which makes the result exact for the model plus that error (Wilkinson 2013, Stat. Appl. Genet. Mol. Biol. 12:129); its accepted distances may exceed the tolerance. "
            : "Every generation accepts a run whenever its distance is within the tolerance (a uniform kernel). ");
        md.Append("The run stops at the first of: a generation run at the minimum tolerance");
        if (c.MinimumTolerance > 0)
        {
            bool isChi = Math.Abs(c.MinimumTolerance - chi) <= 1e-9 * chi;
            md.Append(Invariant($" ({Figures.Significant(c.MinimumTolerance, 4)}{(isChi ? $", the 95% point of a chi distribution with K = {k} degrees of freedom, below which observation error alone explains the misfit (Wilkinson 2013)" : $"; the chi_{k} 95% point, where observation error alone explains the misfit (Wilkinson 2013), is {Figures.Significant(chi, 4)}")})"));
        }
        else md.Append(" (off)");
        md.Append(Invariant($"; an acceptance rate at or below {(c.AcceptanceFloor > 0 ? Figures.Percent(c.AcceptanceFloor) : "0 (off)")}; "));
        md.Append(c.SimulationBudget == long.MaxValue ? "the simulation budget (none set); " : Invariant($"the simulation budget of {c.SimulationBudget:N0} simulations; "));
        md.Append(Invariant($"{c.MaxGenerations} generations.\n\n"));
        if (observedK < k)
            md.Append(Invariant($"{Count(k - observedK, "fit target is a bound", "fit targets are bounds")} (of {k}), whose terms are 0 whenever a run keeps them, so the distance of the true parameters falls below the chi_{k} distribution and the minimum tolerance is conservative.\n\n"));

        md.Append("| setting | value |\n|---|---|\n");
        md.Append(Invariant($"| particles | {c.Particles:N0} |\n| master seed | {c.Seed} |\n"));
        md.Append($"| tolerance quantile | {Figures.Significant(c.ToleranceQuantile)} |\n");
        md.Append($"| minimum tolerance | {(c.MinimumTolerance > 0 ? Figures.Significant(c.MinimumTolerance, 4) : "0 (off)")} |\n");
        md.Append(Invariant($"| fit targets K (observed figures of them) | {k} ({observedK}) |\n"));
        md.Append($"| acceptance floor | {Figures.Significant(c.AcceptanceFloor)} |\n");
        md.Append(Invariant($"| simulation budget | {(c.SimulationBudget == long.MaxValue ? "none" : c.SimulationBudget.ToString("N0", CultureInfo.InvariantCulture))} |\n"));
        md.Append(Invariant($"| most generations | {c.MaxGenerations} |\n| kernel scale | {Figures.Significant(c.KernelScale)} |\n| posterior predictive draws | {draws:N0} |\n"));
        md.Append($"| configuration fingerprint | {Code(AbcCheckpoint.Fingerprint(c))} |\n\n");
    }

    private static void AppendConvergence(StringBuilder md, AbcSmcState state)
    {
        md.Append("## Convergence\n\n| generation | tolerance | simulations | attempts | acceptance rate | effective sample size |\n|---|---|---|---|---|---|\n");
        foreach (var h in state.History)
        {
            string tolerance = double.IsPositiveInfinity(h.Tolerance) ? "any finite distance" : Figures.Significant(h.Tolerance, 4);
            md.Append(Invariant($"| {h.Generation} | {tolerance} | {h.Simulations:N0} | {h.Attempts:N0} | {Figures.Percent(h.AcceptanceRate)} | {Figures.Number(h.EffectiveSampleSize, 0)} |\n"));
        }
        md.Append(Invariant($"\nIn all {state.Simulations:N0} simulations and {state.Attempts:N0} attempts (attempts add the proposals of zero prior density, rejected without a simulation). "));
        md.Append(state.Stop is { } stop
            ? $"Stopped on {StopName(stop.Reason)} ({Code(ScenarioNames.EnumKey(stop.Reason))}): {Inline(stop.Detail)}.\n\n"
            : "The run had not stopped when this was written.\n\n");
    }

    private static void AppendPosterior(StringBuilder md, AbcPopulation population, IReadOnlyList<ParameterFit> fits)
    {
        md.Append("## Posterior of the fitted parameters\n\n");
        md.Append(Invariant($"Weighted over the {population.Particles.Count:N0} particles of generation {population.Generation}; the prior as the sampler drew it (truncated to the quantity's valid range; its mean and sd by the midpoint rule over {ParameterFit.PriorQuantiles:N0} quantiles). "));
        md.Append(Invariant($"The sd ratio is the posterior sd over the prior sd: below {Figures.Significant(ParameterFit.PinnedRatio, 1)} the parameter is pinned down by the data, above {Figures.Significant(ParameterFit.NearPriorRatio, 1)} it stays near its prior (the data say little about it), between the two the data narrowed it. "));
        md.Append("A posterior that stays near its prior is not evidence for the prior: the targets do not inform the parameter.\n\n");
        md.Append("| parameter | prior | prior mean | prior sd | prior 90% | posterior mean | posterior sd | posterior 90% | sd ratio | reading |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var f in fits)
        {
            var p = f.Posterior;
            md.Append($"| {Code(f.Name)} | {Cell(PriorText.Describe(f.Prior.Distribution))} | {Figures.Significant(f.PriorMean)} | {Figures.Significant(f.PriorSd)} | ");
            md.Append($"{Figures.Significant(f.PriorLower)} to {Figures.Significant(f.PriorUpper)} | {Figures.Significant(p.Mean)} | {Figures.Significant(p.Sd)} | ");
            md.Append($"{Figures.Significant(p.Lower)} to {Figures.Significant(p.Upper)} | {Figures.Significant(f.SdRatio)} | {f.Reading} |\n");
        }
        md.Append($"\n![Prior and posterior of each fitted parameter]({CalibrationCharts.ParametersFile})\n\n");
        var shown = CalibrationCharts.PairsShown(fits);
        if (shown.Count < fits.Count)
            md.Append(Invariant($"The pairs plot shows the {shown.Count} of the {fits.Count} parameters with the smallest sd ratio (the data narrowed them most): {string.Join(", ", shown.Select(i => Code(fits[i].Name)))}.\n\n"));
        md.Append($"![Pairs of the fitted parameters over the particles]({CalibrationCharts.PairsFile})\n\n");
    }

    private static void AppendKept(StringBuilder md, CalibrationProblem problem, IReadOnlyDictionary<string, string>? reasons)
    {
        md.Append("## Kept at their prior\n\n");
        if (problem.KeptAtPrior.Count == 0)
        {
            md.Append("None: every uncertain quantity of the scenario was fitted.\n\n");
            return;
        }
        md.Append("Not fitted: each simulation draws these afresh from their prior, so their uncertainty is carried into the posterior and the predictive rather than fitted.\n\n");
        md.Append("| quantity | prior | why kept |\n|---|---|---|\n");
        foreach (var path in problem.KeptAtPrior)
        {
            var u = problem.Scenario.Scenario.Uncertainty.FirstOrDefault(x => x.Path == path);
            string reason = reasons is not null && reasons.TryGetValue(path, out var r) && !string.IsNullOrWhiteSpace(r) ? Cell(r) : "not recorded";
            md.Append($"| {Code(path)} | {(u is null ? "" : Cell(PriorText.Describe(u.Distribution)))} | {reason} |\n");
        }
        md.Append('\n');
    }

    private static void AppendTargets(StringBuilder md, PredictiveCheck[] fit, PredictiveCheck[] validate, int failedDraws)
    {
        int draws = fit.Concat(validate).Select(x => x.Draws).FirstOrDefault();
        md.Append("## Fit targets\n\n");
        md.Append(Invariant($"The posterior predictive: {draws:N0} particles drawn by weight, each run again with a fresh seed"));
        md.Append(failedDraws > 0 ? Invariant($" ({failedDraws} of them could not be run: a rule of the scenario broken at the drawn point)") : "");
        md.Append(". Observation error is included: each draw's value s stands for a normal N(s, sd^2) with the target's sd, and the interval is the central 95% of that mixture over the draws that define the target, computed from its distribution function (no noise is drawn). ");
        md.Append("An observed figure is covered when it lies inside the interval; a bound when at least 2.5% of the predictive keeps it (for a one-sided bound: the limit lies inside the interval or beyond it on its allowed side). ");
        md.Append("A target not covered is a **MISS**: the calibrated model does not reproduce it, and the fit should not be read as if it did.\n\n");
        TargetTable(md, fit, withSource: false);
        md.Append($"![Each target's predictive interval against its observation]({CalibrationCharts.TargetsFile})\n\n");
        md.Append("## Validate targets\n\n");
        if (validate.Length == 0)
        {
            md.Append("None.\n\n");
            return;
        }
        md.Append("Reported, never fitted: a check of the calibrated model against figures it did not see, in the same way as the fit targets.\n\n");
        TargetTable(md, validate, withSource: true);
    }

    private static void TargetTable(StringBuilder md, PredictiveCheck[] checks, bool withSource)
    {
        md.Append(withSource
            ? "| target | quantity | observed or bound | predictive mean | 95% interval | draws defining it | check | source |\n|---|---|---|---|---|---|---|---|\n"
            : "| target | quantity | observed or bound | predictive mean | 95% interval | draws defining it | check |\n|---|---|---|---|---|---|---|\n");
        foreach (var x in checks)
        {
            var t = x.Target;
            int d = Figures.IntervalDecimals(x.Lower, x.Upper);
            string interval = x.DefinedDraws == 0 ? Figures.Undefined : $"{Figures.Number(x.Lower, d)} to {Figures.Number(x.Upper, d)}";
            string check = x.DefinedDraws == 0 ? "**MISS**: no draw defines it"
                : x.Covered ? (t.Bound is null ? "covered" : $"covered (kept by {Figures.Percent(x.KeptShare)})")
                : t.Bound is null ? "**MISS**" : $"**MISS** (kept by {Figures.Percent(x.KeptShare)})";
            md.Append($"| {Code(t.Name ?? "")} | {Cell(TargetText.Quantity(t.Quantity!))} | {Cell(TargetText.Observation(t))} | ");
            md.Append(Invariant($"{(x.DefinedDraws == 0 ? Figures.Undefined : Figures.Number(x.Mean, d))} | {interval} | {x.DefinedDraws:N0} of {x.Draws:N0} | {check} |"));
            if (withSource) md.Append($" {Cell(t.Source ?? "")} |");
            md.Append('\n');
        }
        md.Append('\n');
    }

    private static void AppendHistory(StringBuilder md, CalibrationProblem problem)
    {
        md.Append("## Over the run\n\n");
        md.Append($"![The posterior predictive over the run's months with the targets]({CalibrationCharts.HistoryFile})\n\n");
        md.Append("Each panel is a metric the targets name: the median and 5-95% of the predictive draws by month, each target where it lies at its per-month level (a sum over a period divided by its months), and a dashed line where the observed period ends. ");
        var ratios = problem.Targets.Targets.Where(t => t.Quantity?.Ratio is not null).Select(t => Code(t.Name ?? "")).ToArray();
        md.Append(ratios.Length == 0 ? "\n\n" : $"Ratio targets have no per-month level of either metric and are shown only in {CalibrationCharts.TargetsFile}: {string.Join(", ", ratios)}.\n\n");
    }

    private static void AppendFiles(StringBuilder md)
    {
        md.Append("## Files\n\n");
        md.Append($"- {Code(PosteriorCsv.File)}: the final population, one row per particle: weight, distance, the fitted parameters, each target's summary in its accepted simulation, the simulation's seed.\n");
        md.Append($"- {Code(PosteriorCsv.GenerationsFile)}: each generation's tolerance, simulations, attempts, acceptance rate and effective sample size.\n");
        md.Append($"- {Code(PredictiveCsv.File)}: each target against the posterior predictive with observation error: mean, 2.5%, 50% and 97.5% points, the share keeping a bound, covered or not.\n");
        md.Append($"- {Code(CalibrationCharts.ParametersFile)}, {Code(CalibrationCharts.PairsFile)}, {Code(CalibrationCharts.TargetsFile)}, {Code(CalibrationCharts.HistoryFile)}: the charts above.\n");
        md.Append($"- {Code(CalibratedScenario.File)}: the calibrated scenario, drawing whole rows of {Code(PosteriorCsv.File)} by weight; run it, or extend it with a policy (docs/calibration.md, \"Using the posterior\").\n");
        md.Append($"- {Code(File)}: this report.\n");
        md.Append($"- {Code(CalibrationManifest.File)}: the command line, the inputs and their hashes, the configuration, every generation, the timing and the warnings.\n");
    }

    private static string StopName(AbcStopReason reason) => reason switch
    {
        AbcStopReason.MinimumTolerance => "the minimum tolerance",
        AbcStopReason.AcceptanceFloor => "the acceptance floor",
        AbcStopReason.SimulationBudget => "the simulation budget",
        AbcStopReason.MaxGenerations => "the most generations allowed",
        AbcStopReason.DegeneratePopulation => "a degenerate population",
        _ => ScenarioNames.EnumKey(reason),
    };

    private static string Names(ParameterFit[] fits) => fits.Length == 0 ? "none" : string.Join(", ", fits.Select(f => Code(f.Name)));

    private static string Count(int n, string one, string many) => Invariant($"{n} {(n == 1 ? one : many)}");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Text for a table cell: one line, no HTML, pipes escaped.</summary>
    private static string Cell(string text) => Inline(text).Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>Text on one line, with no HTML.</summary>
    private static string Inline(string text) => text.ReplaceLineEndings(" ").Replace("<", "&lt;", StringComparison.Ordinal).Trim();

    /// <summary>A code span; a pipe inside still needs escaping in a table, which GitHub honours inside code spans.</summary>
    private static string Code(string text) =>
        "`" + text.ReplaceLineEndings(" ").Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal) + "`";
}
