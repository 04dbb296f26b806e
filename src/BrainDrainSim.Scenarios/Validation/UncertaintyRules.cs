using BrainDrainSim.Model;
using MathNet.Numerics.Distributions;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// Checks the uncertainty block against the resolved scenario: each path must name a real-valued quantity
/// (<see cref="ScenarioPath.Check"/>), each distribution must have exactly its own parameters with valid
/// values, and its support must fit the quantity's bounds.
/// </summary>
internal sealed class UncertaintyRules(ScenarioBinder bound, ErrorList errors)
{
    /// <summary>The tail left out on each side when comparing a distribution's support with a quantity's bounds.</summary>
    private const double Tail = 1e-6;

    /// <summary>The largest shape parameter (gamma shape, beta alpha and beta) accepted.</summary>
    private const double MaxShape = 1e6;

    private static readonly string DistKey = K(nameof(DistributionSpec.Dist));
    private static readonly string Mean = K(nameof(DistributionSpec.Mean)), Sd = K(nameof(DistributionSpec.Sd));
    private static readonly string Mu = K(nameof(DistributionSpec.Mu)), Sigma = K(nameof(DistributionSpec.Sigma));
    private static readonly string Min = K(nameof(DistributionSpec.Min)), Max = K(nameof(DistributionSpec.Max));
    private static readonly string Mode = K(nameof(DistributionSpec.Mode));
    private static readonly string Alpha = K(nameof(DistributionSpec.Alpha)), BetaKey = K(nameof(DistributionSpec.Beta));
    private static readonly string Shape = K(nameof(DistributionSpec.Shape)), Rate = K(nameof(DistributionSpec.Rate));
    private static readonly string UncertaintyKey = K(nameof(Scenario.Uncertainty));
    private static readonly string LeversKey = K(nameof(Scenario.Levers));

    /// <summary>The parameters each kind takes (DistributionSpec documents the same sets; the schema states them too).</summary>
    internal static readonly IReadOnlyDictionary<DistributionKind, (string[] Required, string[] Optional)> Parameters = new Dictionary<DistributionKind, (string[] Required, string[] Optional)>
    {
        [DistributionKind.Normal] = ([Mean, Sd], []),
        [DistributionKind.Lognormal] = ([Mu, Sigma], []),
        [DistributionKind.Uniform] = ([Min, Max], []),
        [DistributionKind.Beta] = ([Alpha, BetaKey], [Min, Max]),
        [DistributionKind.Triangular] = ([Min, Mode, Max], []),
        [DistributionKind.Gamma] = ([Shape, Rate], []),
    };

    private static string K(string propertyName) => ScenarioKeys.Of(propertyName);

    public void Check(Scenario resolved)
    {
        foreach (var entry in bound.Uncertainty)
        {
            bool parametersOk = CheckParameters(entry);
            var bounds = CheckPath(resolved, entry, out bool pathOk);
            if (parametersOk && pathOk && bounds is not null) CheckSupport(entry, bounds);
        }
    }

    private bool CheckParameters(UncertaintyEntry entry)
    {
        string kinds = string.Join(", ", Enum.GetValues<DistributionKind>().Select(ScenarioNames.EnumKey));
        string distPath = $"{entry.KeyPath}.{DistKey}";
        if (!entry.Node.Has(DistKey))
        {
            if (!bound.Suggested.Contains(distPath))
                errors.Add(entry.Node, distPath, $"a distribution needs '{DistKey}:', one of: {kinds}");
            return false;
        }
        if (bound.Failed.Contains(distPath)) return false;

        var kind = entry.Spec.Dist;
        string name = ScenarioNames.EnumKey(kind);
        var (required, optional) = Parameters[kind];
        bool ok = true;
        foreach (var (key, _) in ScenarioNames.KeysOf(typeof(DistributionSpec)))
        {
            if (key == DistKey) continue;
            string path = $"{entry.KeyPath}.{key}";
            bool given = Given(entry, key);
            if (given && !required.Contains(key) && !optional.Contains(key))
            {
                errors.Add(entry.Node.KeyNode(key)!, path,
                    $"'{key}' is not a parameter of a {name} distribution (it takes {string.Join(", ", required.Concat(optional))})");
                ok = false;
            }
            else if (!given && required.Contains(key))
            {
                // A misspelt parameter was reported as an unknown key suggesting this one: one mistake, one error.
                if (!bound.Suggested.Contains(path)) errors.Add(entry.Node, path, $"a {name} distribution needs '{key}'");
                ok = false;
            }
            if (bound.Failed.Contains(path)) ok = false;
        }
        if (!ok) return false;

        var spec = entry.Spec;
        void Bad(string key, string message)
        {
            errors.Add(bound.NodeFor($"{entry.KeyPath}.{key}"), $"{entry.KeyPath}.{key}", message);
            ok = false;
        }
        string F(double? v) => ScalarReader.Format(v!.Value);
        void CheckShape(double? value, string key, string kindName)
        {
            if (value <= 0) Bad(key, $"{key} must be above 0, not {F(value)}");
            // Beyond this a shape parameter leaves almost no spread (a gamma's sd is mean / sqrt(shape)), and
            // MathNet's gamma quantile function never returns for shapes of about 1e15 and more.
            else if (value > MaxShape)
                Bad(key, $"{key} must be at most {MaxShape:0e0}, not {F(value)}: so narrow a {kindName} is a fixed value (set the quantity instead)");
        }
        switch (kind)
        {
            case DistributionKind.Normal when spec.Sd <= 0:
                Bad(Sd, $"{Sd} must be above 0, not {F(spec.Sd)}");
                break;
            case DistributionKind.Lognormal when spec.Sigma <= 0:
                Bad(Sigma, $"{Sigma} must be above 0, not {F(spec.Sigma)}");
                break;
            case DistributionKind.Uniform when spec.Min >= spec.Max:
                Bad(Max, $"{Max} {F(spec.Max)} must be above {Min} {F(spec.Min)}");
                break;
            case DistributionKind.Beta:
                CheckShape(spec.Alpha, Alpha, "beta");
                CheckShape(spec.Beta, BetaKey, "beta");
                if (spec.Min.HasValue != spec.Max.HasValue)
                    Bad(spec.Min.HasValue ? Min : Max, $"give both {Min} and {Max} to rescale the beta from [0, 1], or neither");
                else if (spec.Min >= spec.Max)
                    Bad(Max, $"{Max} {F(spec.Max)} must be above {Min} {F(spec.Min)}");
                break;
            case DistributionKind.Triangular:
                if (spec.Min >= spec.Max) Bad(Max, $"{Max} {F(spec.Max)} must be above {Min} {F(spec.Min)}");
                else if (spec.Mode < spec.Min || spec.Mode > spec.Max)
                    Bad(Mode, $"{Mode} {F(spec.Mode)} must lie between {Min} {F(spec.Min)} and {Max} {F(spec.Max)}");
                break;
            case DistributionKind.Gamma:
                CheckShape(spec.Shape, Shape, "gamma");
                if (spec.Rate <= 0) Bad(Rate, $"{Rate} must be above 0, not {F(spec.Rate)}");
                break;
        }
        return ok;
    }

    private BoundsAttribute? CheckPath(Scenario resolved, UncertaintyEntry entry, out bool ok)
    {
        ok = false;
        string path = entry.Path;
        if (path == UncertaintyKey || path.StartsWith(UncertaintyKey + ".", StringComparison.Ordinal) || path.StartsWith(UncertaintyKey + "[", StringComparison.Ordinal))
        {
            errors.Add(entry.KeyNode, entry.KeyPath, "the uncertainty block cannot make its own parameters uncertain");
            return null;
        }
        // With a lever left out, or the levers misspelt (their errors already reported), levers[i] would name a
        // different lever or none.
        if ((!bound.AllLeversBound || bound.Failed.Contains(LeversKey)) && path.StartsWith(LeversKey, StringComparison.Ordinal)) return null;

        if (Shown.Text(path) != path)
        {
            // Longer than any path of the model, or holding invisible characters: the reason would quote it whole.
            errors.Add(entry.KeyNode, entry.KeyPath, $"'{Shown.Text(path)}' cannot be made uncertain: it is not the path of a quantity of the scenario");
            return null;
        }
        string? reason = ScenarioPath.Check(resolved, path, out var bounds);
        if (reason is not null)
        {
            errors.Add(entry.KeyNode, entry.KeyPath, $"'{path}' cannot be made uncertain: {reason}");
            return null;
        }
        ok = true;
        return bounds;
    }

    private void CheckSupport(UncertaintyEntry entry, BoundsAttribute bounds)
    {
        var spec = entry.Spec;
        double low, high;
        try
        {
            low = Quantile(spec, Tail);
            high = Quantile(spec, 1 - Tail);
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException or MathNet.Numerics.NonConvergenceException)
        {
            // MathNet's own message names its internal arguments ("Parameter 'a'"), which means nothing here.
            errors.Add(entry.KeyNode, entry.KeyPath, $"the quantiles of a {Describe(spec)} distribution cannot be computed; " +
                                                     "check its parameters (is one of them extremely large or small?)");
            return;
        }
        // The engine clamps a draw that falls beyond the bounds. That must stay a rare event in the far tail,
        // not a pile of draws on a bound, so the central 1 - 2e-6 of the distribution must fit inside them.
        if (bounds.Contains(low) && bounds.Contains(high)) return;
        string hint = bounds is { Min: 0, Max: 1 } ? "; for a quantity in [0, 1] a beta fits"
            : bounds.Min >= 0 && low < bounds.Min ? "; for a positive quantity a lognormal or gamma fits"
            : "";
        errors.Add(entry.KeyNode, entry.KeyPath,
            $"a {Describe(spec)} distribution does not fit the valid range {bounds.Describe()} of {entry.Path}: " +
            $"its {Tail:0e0} and 1 - {Tail:0e0} quantiles are {low:G6} and {high:G6}{hint}");
    }

    // The engine's own quantile function, so the support checked here is the one the draws come from.
    private static double Quantile(DistributionSpec s, double p) => BrainDrainSim.MonteCarlo.UncertaintySampler.InverseCdf(s, p);

    private static string Describe(DistributionSpec s)
    {
        var given = ScenarioNames.KeysOf(typeof(DistributionSpec))
            .Where(k => k.Key != DistKey && k.Property.GetValue(s) is double)
            .Select(k => $"{k.Key} {ScalarReader.Format((double)k.Property.GetValue(s)!)}");
        return $"{ScenarioNames.EnumKey(s.Dist)}({string.Join(", ", given)})";
    }

    /// <summary>A parameter counts as given when written with a value; `sd: ~` is as good as leaving it out.</summary>
    private static bool Given(UncertaintyEntry entry, string key) =>
        entry.Node[key] is { } node && node is not SourceScalar { IsNull: true };
}
