using BrainDrainSim.Calibration.Smc;
using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Calibration;

/// <summary>
/// A scenario fitted to a set of targets: the scenario's uncertain quantities are the prior, split into those
/// calibrated (theta, in the uncertainty block's order) and those kept at their prior, which every simulation draws
/// afresh from its own seed (the data say nothing about them, so they are carried, not fitted). One simulation is
/// one replication of the scenario at theta, compared with the targets: a pure function of (theta, seed).
/// </summary>
public sealed class CalibrationProblem : IAbcSimulator
{
    private readonly Scenario _nuisance;

    private CalibrationProblem(ValidatedScenario scenario, ValidatedTargetSet targets, AbcPrior prior, string[] kept, Scenario nuisance)
    {
        Scenario = scenario;
        Targets = targets;
        Prior = prior;
        KeptAtPrior = kept;
        _nuisance = nuisance;
    }

    /// <summary>The scenario as loaded, its uncertainty block the prior.</summary>
    public ValidatedScenario Scenario { get; }

    /// <summary>The observations the runs are compared with.</summary>
    public ValidatedTargetSet Targets { get; }

    /// <summary>The prior of the calibrated parameters (named by their paths).</summary>
    public AbcPrior Prior { get; }

    /// <summary>The calibrated paths, in theta's order.</summary>
    public IReadOnlyList<string> Fitted => Prior.Parameters.Select(p => p.Name).ToArray();

    /// <summary>The uncertain paths left at their prior: drawn in each simulation, not fitted.</summary>
    public IReadOnlyList<string> KeptAtPrior { get; }

    /// <summary>
    /// The problem of fitting <paramref name="scenario"/>'s uncertain quantities to <paramref name="targets"/>, except
    /// those named in <paramref name="keepAtPrior"/>. Throws <see cref="ArgumentException"/> for a kept path the
    /// uncertainty block does not give, for a set of shares left to calibrate (a Dirichlet is kept, not fitted), and
    /// when nothing is left to calibrate.
    /// </summary>
    public static CalibrationProblem Create(ValidatedScenario scenario, ValidatedTargetSet targets, IReadOnlyCollection<string> keepAtPrior)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(keepAtPrior);
        var sc = scenario.Scenario;
        if (sc.Posterior is not null)
            throw new ArgumentException($"'{sc.Name}' already draws its inputs from a posterior ({sc.Posterior.Source}): calibrate the scenario it was calibrated from, whose uncertainty: block is the prior");
        var paths = sc.Uncertainty.Select(u => u.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var k in keepAtPrior)
            if (!paths.Contains(k))
                throw new ArgumentException($"'{k}' is not in the uncertainty block of '{sc.Name}', so there is no prior to keep (its uncertain quantities: {string.Join(", ", paths.Order(StringComparer.Ordinal))})");
        var kept = keepAtPrior.ToHashSet(StringComparer.Ordinal);
        var fitted = sc.Uncertainty.Where(u => !kept.Contains(u.Path)).ToArray();
        foreach (var u in fitted)
            if (u.Distribution.Dist == DistributionKind.Dirichlet)
                throw new ArgumentException($"'{u.Path}' is a set of shares (a dirichlet): it cannot be calibrated as one parameter; keep it at its prior");
        if (fitted.Length == 0)
            throw new ArgumentException($"every uncertain quantity of '{sc.Name}' is kept at its prior: nothing is left to calibrate");
        var prior = AbcPrior.FromUncertainty(sc with { Uncertainty = fitted });
        var nuisance = sc with { Uncertainty = sc.Uncertainty.Where(u => kept.Contains(u.Path)).ToArray() };
        return new CalibrationProblem(scenario, targets, prior, [.. sc.Uncertainty.Select(u => u.Path).Where(kept.Contains)], nuisance);
    }

    /// <summary>The scenario at theta: the calibrated quantities set, the kept ones still uncertain.</summary>
    public Scenario At(ReadOnlySpan<double> theta)
    {
        if (theta.Length != Prior.Dimension)
            throw new ArgumentException($"theta has {theta.Length} values but {Prior.Dimension} parameters are calibrated", nameof(theta));
        var s = _nuisance;
        for (int i = 0; i < theta.Length; i++) s = ScenarioPath.With(s, Prior.Parameters[i].Name, theta[i]);
        return s;
    }

    /// <summary>
    /// One replication at theta under <paramref name="seed"/> (the master seed of replication 0), or null when theta,
    /// or a kept quantity's draw, breaks a rule that ties quantities together (a share set that no longer sums to 1,
    /// a count that rounds to no agent): such a point cannot be run, and is rejected like one far from the data.
    /// </summary>
    public ReplicationResult? Run(ReadOnlySpan<double> theta, ulong seed)
    {
        var validated = ScenarioValidator.TryValidate(At(theta), out _);
        if (validated is null) return null;
        try
        {
            return MonteCarloRunner.RunOne(validated, seed, 0);
        }
        catch (InvalidScenarioException)
        {
            // A kept quantity's draw broke a rule: the same rejection as above.
            return null;
        }
    }

    /// <summary>The distance of one replication at theta from the targets, with every target's summary (fit and validate, in the file's order).</summary>
    public AbcOutcome Simulate(ReadOnlySpan<double> theta, ulong simulationSeed)
    {
        var run = Run(theta, simulationSeed);
        if (run is null) return new AbcOutcome(double.PositiveInfinity, Enumerable.Repeat(double.NaN, Targets.Targets.Count).ToArray());
        var evaluation = Targets.Evaluate(run.Series);
        return new AbcOutcome(evaluation.Distance, evaluation.Outcomes.Select(o => o.Summary).ToArray());
    }
}
