using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// A target set that has passed every rule of <see cref="TargetValidator"/> against one scenario: it evaluates a run
/// of that scenario (or of any scenario with the same start, months and metrics, such as a calibration sample of
/// it). Each target's quantity is a summary statistic s_k of the run; the distance is
/// sqrt(sum over fit targets of ((s_k - y_k) / sigma_k)^2), a bound's term being 0 inside it and
/// ((s_k - limit) / sigma_k)^2 beyond. A fit target whose quantity the run leaves undefined (NaN: a stay rate before
/// any cohort is five years out, a ratio over 0) makes the distance positive infinity, so that such a run is
/// never accepted; <see cref="Evaluate(IReadOnlyList{double[]})"/> says which targets were undefined.
/// </summary>
public sealed class ValidatedTargetSet
{
    private readonly CompiledQuantity[] quantities;
    private readonly int[] fit;

    internal ValidatedTargetSet(TargetSet set, ValidatedScenario scenario, IReadOnlyList<MetricInfo> metrics, IReadOnlyList<ScenarioIssue> warnings)
    {
        Set = set;
        ScenarioName = scenario.Name;
        Start = scenario.Scenario.Start;
        Months = scenario.Scenario.Months;
        Metrics = metrics.ToArray();
        Warnings = warnings;
        quantities = set.Targets.Select(t => CompiledQuantity.Of(t.Quantity!, Metrics, Start)).ToArray();
        fit = Enumerable.Range(0, set.Targets.Length).Where(i => set.Targets[i].IsFit).ToArray();
    }

    /// <summary>The targets' values (immutable records).</summary>
    public TargetSet Set { get; }

    /// <summary>The target set's name.</summary>
    public string Name => Set.Name;

    /// <summary>The targets, in the set's order (the order of <see cref="TargetEvaluation.Outcomes"/>).</summary>
    public IReadOnlyList<CalibrationTarget> Targets => Set.Targets;

    /// <summary>The name of the scenario the set was validated against.</summary>
    public string ScenarioName { get; }

    /// <summary>The first simulated month: month 0 of a run's series.</summary>
    public YearMonth Start { get; }

    /// <summary>The months a run's series hold.</summary>
    public int Months { get; }

    /// <summary>The metrics of a run, in the order of its series (<see cref="ReplicationResult.Series"/>).</summary>
    public IReadOnlyList<MetricInfo> Metrics { get; }

    /// <summary>What the validator warned about (a flow taken at a single month): the set is valid, and these are reported.</summary>
    public IReadOnlyList<ScenarioIssue> Warnings { get; }

    /// <summary>
    /// K, the number of fit targets: the degrees of freedom of the squared distance when every fit target is an
    /// observed figure with Gaussian error. A bound's term is 0 whenever the run keeps it, so a set with bounds
    /// has fewer effective degrees of freedom than K; see <see cref="ObservedFitCount"/>.
    /// </summary>
    public int FitCount => fit.Length;

    /// <summary>The fit targets that are observed figures (not bounds).</summary>
    public int ObservedFitCount => fit.Count(i => Set.Targets[i].Observed is not null);

    /// <summary>The quantity of target <paramref name="target"/> on a run's series (metrics in the order of <see cref="Metrics"/>).</summary>
    public double Summary(int target, IReadOnlyList<double[]> series)
    {
        CheckSeries(series);
        return quantities[target].Evaluate(series);
    }

    /// <summary>The distance of a run's series from the fit targets (see the type's summary); positive infinity when one is undefined.</summary>
    public double Distance(IReadOnlyList<double[]> series)
    {
        CheckSeries(series);
        double sum = 0;
        foreach (int i in fit)
        {
            sum += Set.Targets[i].Term(quantities[i].Evaluate(series));
            if (double.IsPositiveInfinity(sum)) return sum;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The distance of a replication from the fit targets.</summary>
    public double Distance(ReplicationResult run) => Distance((run ?? throw new ArgumentNullException(nameof(run))).Series);

    /// <summary>Every target on a run's series: its summary and term, and the distance over the fit targets.</summary>
    public TargetEvaluation Evaluate(IReadOnlyList<double[]> series)
    {
        CheckSeries(series);
        var outcomes = new TargetOutcome[quantities.Length];
        for (int i = 0; i < outcomes.Length; i++)
        {
            double s = quantities[i].Evaluate(series);
            outcomes[i] = new TargetOutcome(Set.Targets[i], s, Set.Targets[i].Term(s));
        }
        double sum = 0;
        foreach (int i in fit) sum += outcomes[i].Term;
        return new TargetEvaluation(outcomes, Math.Sqrt(sum), fit.Length);
    }

    /// <summary>Every target on a replication.</summary>
    public TargetEvaluation Evaluate(ReplicationResult run) => Evaluate((run ?? throw new ArgumentNullException(nameof(run))).Series);

    private void CheckSeries(IReadOnlyList<double[]> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count != Metrics.Count)
            throw new ArgumentException($"the series hold {series.Count} metrics, but the targets were validated against {Metrics.Count} ({ScenarioName}'s)", nameof(series));
        foreach (var q in quantities) q.CheckFits(series);
    }

    /// <summary>The set's name.</summary>
    public override string ToString() => Name;
}
