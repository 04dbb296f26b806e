using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Sensitivity;

/// <summary>
/// What a sensitivity analysis varies: a scenario (and, for a paired effect, its baseline) and the factors, in
/// the order of a design row's columns (<see cref="Layout"/>). The factors are every entry of the scenario's
/// <c>uncertainty:</c> block (a Dirichlet share set as one grouped factor), then each <c>--factor PATH=LO..HI</c>
/// (which replaces the distribution of a path that has one); chance, the seed, is the design's. Each factor value
/// is set in the scenario and in the baseline when the baseline has that quantity (a lever of the policy alone
/// varies the policy alone); both then run without their <c>uncertainty:</c> blocks, which the factors have taken
/// over, and with the same seed.
/// </summary>
public sealed class SensitivityProblem
{
    private SensitivityProblem(Scenario scenario, Scenario? baseline, IReadOnlyList<SensitivityFactor> factors)
    {
        Scenario = scenario;
        Baseline = baseline;
        Factors = factors;
        Layout = new FactorLayout(factors.Select(f => f.Columns));
    }

    /// <summary>The scenario whose outputs (or whose effect against <see cref="Baseline"/>) are analysed.</summary>
    public Scenario Scenario { get; }

    /// <summary>The baseline of a paired effect, or null.</summary>
    public Scenario? Baseline { get; }

    /// <summary>The scenario's factors (chance is the design's).</summary>
    public IReadOnlyList<SensitivityFactor> Factors { get; }

    /// <summary>The factors' columns in a design row, for <see cref="SaltelliDesign"/> and <see cref="MorrisDesign"/>.</summary>
    public FactorLayout Layout { get; }

    /// <summary>
    /// The problem of <paramref name="scenario"/> (against <paramref name="baseline"/> when given) with the extra
    /// ranges; null with every reason in <paramref name="errors"/> when a range or the pair cannot be analysed: an
    /// unknown path, LO not below HI, an end outside the quantity's valid range, a share of a set that sums to 1
    /// on its own, a path given twice, or a baseline whose uncertain quantities the scenario does not share.
    /// </summary>
    public static SensitivityProblem? Create(Scenario scenario, Scenario? baseline, IReadOnlyList<(string Path, double Low, double High)> ranges,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(ranges);
        var problems = new List<string>();
        // A posterior's rows are drawn whole, so they are no set of independent inputs a Sobol or Morris design can vary.
        foreach (var s in new[] { scenario, baseline }.OfType<Scenario>().Where(s => s.Posterior is not null))
            problems.Add($"scenario '{s.Name}' draws its inputs from a posterior ({s.Posterior!.Source}), whose rows are not independent inputs: " +
                "analyse the scenario it was calibrated from (its uncertainty: block is the prior)");
        var ranged = new List<SensitivityFactor>();
        foreach (var (path, low, high) in ranges)
        {
            string at = $"--factor {path}={Shown.Number(low)}..{Shown.Number(high)}";
            if (ScenarioPath.Check(scenario, path, out var bounds) is { } why)
                problems.Add($"{at}: {why} in scenario '{scenario.Name}'");
            else if (!(low < high))
                problems.Add($"{at}: LO must be below HI (a factor needs a range to vary over)");
            else if (bounds is not null && !(bounds.Contains(low) && bounds.Contains(high)))
                problems.Add($"{at}: the range must lie inside the quantity's valid range {bounds.Describe()}");
            else if (ShareGroups.Containing(scenario, path) is { } group)
                problems.Add($"{at}: {path} is one of the shares of {group.Path}, which must sum to 1, so it cannot vary alone; " +
                    $"give {group.Path} a dirichlet in the scenario's uncertainty: block to vary the set as one factor");
            else if (ranged.Any(f => f.Name == path))
                problems.Add($"{at}: {path} is given twice");
            else
                ranged.Add(SensitivityFactor.Range(path, low, high));
        }

        var factors = new List<SensitivityFactor>();
        foreach (var u in scenario.Uncertainty)
        {
            if (ranged.Any(f => f.Name == u.Path)) continue;
            if (u.Distribution.Dist == DistributionKind.Dirichlet)
            {
                var shares = ShareGroups.At(scenario, u.Path);
                if (shares is null) problems.Add($"uncertainty: {u.Path} is not a set of shares");
                else factors.Add(SensitivityFactor.SharesWith(shares, u.Distribution));
                continue;
            }
            ScenarioPath.Check(scenario, u.Path, out var bounds);
            factors.Add(SensitivityFactor.Uncertain(u.Path, u.Distribution, bounds));
        }
        factors.AddRange(ranged);
        if (baseline is not null)
        {
            // The pair shares one draw of every uncertain quantity in a comparison; here the factors take that role,
            // so a quantity uncertain in the baseline alone would be left at its central value without anyone asking.
            var names = factors.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var u in baseline.Uncertainty.Where(u => !names.Contains(u.Path)))
                problems.Add($"the baseline '{baseline.Name}' has {u.Path} in its uncertainty: block and the scenario '{scenario.Name}' does not; " +
                    "give both the same uncertainty: block (a policy that extends its baseline has it)");
        }
        errors = problems;
        return problems.Count > 0 ? null : new SensitivityProblem(scenario, baseline, factors);
    }

    /// <summary>
    /// The scenario and the baseline at a design row's coordinates (<see cref="FactorLayout.ColumnCount"/> of them,
    /// in (0, 1)), not yet validated.
    /// </summary>
    public (Scenario Scenario, Scenario? Baseline) At(IReadOnlyList<double> coordinates)
    {
        Scenario scenario = Scenario with { Uncertainty = [] };
        Scenario? baseline = Baseline is null ? null : Baseline with { Uncertainty = [] };
        foreach (var (path, value) in ValuesAt(coordinates))
        {
            scenario = ScenarioPath.With(scenario, path, value);
            if (baseline is not null && ScenarioPath.Check(baseline, path, out _) is null)
                baseline = ScenarioPath.With(baseline, path, value);
        }
        return (scenario, baseline);
    }

    /// <summary>The factor values at a design row's coordinates, by path (a Dirichlet set gives one per share).</summary>
    public IReadOnlyList<(string Path, double Value)> ValuesAt(IReadOnlyList<double> coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        if (coordinates.Count != Layout.ColumnCount) throw new ArgumentException($"a row of {Layout.ColumnCount} coordinates", nameof(coordinates));
        var values = new List<(string, double)>();
        for (int f = 0; f < Factors.Count; f++)
        {
            var u = new double[Layout.Width(f)];
            for (int c = 0; c < u.Length; c++) u[c] = coordinates[Layout.FirstColumn(f) + c];
            values.AddRange(Factors[f].Values(u));
        }
        return values;
    }
}
