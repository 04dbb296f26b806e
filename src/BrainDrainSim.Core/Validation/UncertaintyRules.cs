using BrainDrainSim.Model;
using BrainDrainSim.Model.Shape;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Validation;

/// <summary>
/// Checks the uncertainty block against the scenario: each path must name a real-valued quantity
/// (<see cref="ScenarioPath.Check(Scenario, string, out BoundsAttribute?)"/>), each distribution must have exactly its own parameters with valid values,
/// and its support must fit the quantity's bounds.
/// </summary>
internal sealed class UncertaintyRules(ValidationContext context, List<ScenarioIssue> issues)
{
    /// <summary>The tail left out on each side when comparing a distribution's support with a quantity's bounds.</summary>
    internal const double Tail = 1e-6;

    /// <summary>The largest shape parameter (gamma shape, beta alpha and beta) accepted.</summary>
    private const double MaxShape = 1e6;

    private static readonly string DistKey = K(nameof(DistributionSpec.Dist));
    private static readonly string Sd = K(nameof(DistributionSpec.Sd)), Sigma = K(nameof(DistributionSpec.Sigma));
    private static readonly string Min = K(nameof(DistributionSpec.Min)), Max = K(nameof(DistributionSpec.Max));
    private static readonly string Mode = K(nameof(DistributionSpec.Mode));
    private static readonly string Alpha = K(nameof(DistributionSpec.Alpha)), BetaKey = K(nameof(DistributionSpec.Beta));
    private static readonly string Shape = K(nameof(DistributionSpec.Shape)), Rate = K(nameof(DistributionSpec.Rate));
    private static readonly string Concentration = K(nameof(DistributionSpec.Concentration));
    private static readonly string DirichletName = ScenarioNames.EnumKey(DistributionKind.Dirichlet);

    /// <summary>The total concentration of the Dirichlet a message suggests: each share's sd is then about 0.1 around 0.5.</summary>
    private const double SuggestedConcentration = 20;
    internal static readonly string UncertaintyKey = K(nameof(Scenario.Uncertainty));


    private static string K(string propertyName) => ScenarioNames.ToSnake(propertyName);

    /// <summary>The key path of an entry of the block (<c>uncertainty.coefficients.b_gpu</c>).</summary>
    internal static string EntryPath(UncertainParameter u) => Shown.Join(UncertaintyKey, u.Path);

    /// <summary>The key path where findings about the posterior's file and rows are placed.</summary>
    internal static string PosteriorFilePath => $"{UncertaintyKey}.{PosteriorSample.Key}.{PosteriorSample.FileKey}";

    public void Check(Scenario scenario)
    {
        if (scenario.Posterior is { } posterior) CheckPosterior(scenario, posterior);
        foreach (var u in scenario.Uncertainty)
        {
            string keyPath = EntryPath(u);
            if (scenario.Posterior is { } p && p.Paths.Contains(u.Path))
            {
                ErrorAtKey(keyPath, $"'{Shown.Text(u.Path)}' is a column of the posterior {Shown.FilePath(p.Source)}: a path may not be both in the posterior " +
                                    "and drawn on its own (remove this entry or the column)");
                continue;
            }
            bool parametersOk = CheckParameters(u.Distribution, keyPath);
            var bounds = CheckPath(scenario, u, keyPath, out bool pathOk);
            if (parametersOk && pathOk && bounds is not null) CheckSupport(u, keyPath, bounds);
        }
    }

    /// <summary>
    /// The posterior's rows against the scenario: weights finite, at least 0 and not all 0; every column the path of
    /// a real-valued or count quantity that is not one share of a set; every value inside the quantity's valid range.
    /// </summary>
    private void CheckPosterior(Scenario scenario, PosteriorSample posterior)
    {
        string at = PosteriorFilePath;
        string source = Shown.FilePath(posterior.Source);
        if (posterior.Rows.Count == 0)
        {
            Error(at, $"{source} has no rows below its header: a posterior needs at least one");
            return;
        }
        if (posterior.Weights.Count != posterior.Rows.Count || posterior.Rows.Any(r => r.Count != posterior.Paths.Count))
        {
            Error(at, $"{source}: every row needs one weight and one value per column ({posterior.Paths.Count} columns)");
            return;
        }
        if (posterior.Paths.Count == 0)
        {
            Error(at, $"{source} has no parameter columns: besides particle, weight, distance, summary.* and simulation_seed, " +
                      "each column is headed by the path of a quantity of the scenario (coefficients.b0)");
            return;
        }
        for (int i = 0; i < posterior.Weights.Count; i++)
        {
            double w = posterior.Weights[i];
            if (!double.IsFinite(w) || w < 0)
            {
                Error(at, $"{source}, {posterior.RowName(i)}: the weight {Shown.Number(w)} must be a finite number of at least 0");
                return;
            }
        }
        if (posterior.Weights.Sum() <= 0)
        {
            Error(at, $"the weights of {source} are all 0, so no row can be drawn");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < posterior.Paths.Count; c++)
        {
            string path = posterior.Paths[c];
            string column = $"{source}, column '{Shown.Text(path)}'";
            if (!seen.Add(path))
            {
                Error(at, $"{column} appears twice");
                continue;
            }
            // With a lever left out (its error already reported), levers[i] would name a different lever or none.
            if ((!context.AllLeversRead || context.Unreadable(ScenarioRules.LeversKey)) && path.StartsWith(ScenarioRules.LeversKey, StringComparison.Ordinal)) continue;
            if (Shown.Text(path) != path || path == UncertaintyKey || path.StartsWith(UncertaintyKey + ".", StringComparison.Ordinal))
            {
                Error(at, $"{column}: not the path of a quantity of the scenario");
                continue;
            }
            if (ScenarioPath.Check(scenario, path, out var bounds) is { } reason)
            {
                Error(at, $"{column}: not a quantity of the scenario: {reason}");
                continue;
            }
            if (ShareGroups.Containing(scenario, path) is { } group)
            {
                Error(at, $"{column}: '{path}' is one of the shares of {group.Path}, which must sum to 1, so a posterior cannot set it on its own");
                continue;
            }
            if (Enumerable.Range(0, posterior.Rows.Count).FirstOrDefault(i => !double.IsFinite(posterior.Rows[i][c]), -1) is >= 0 and var bad)
            {
                Error(at, $"{source}, {posterior.RowName(bad)}, column '{path}': expected a finite number, not {Shown.Number(posterior.Rows[bad][c])}");
                continue;
            }
            if (bounds is null) continue;
            var outside = Enumerable.Range(0, posterior.Rows.Count).Where(i => !bounds.Contains(posterior.Rows[i][c])).ToList();
            if (outside.Count == 0) continue;
            int first = outside[0];
            string more = outside.Count == 1 ? "" : $" ({outside.Count} rows in all)";
            Error(at, $"{source}, {posterior.RowName(first)}, column '{path}': {Shown.Number(posterior.Rows[first][c])} is outside the valid range " +
                      $"{bounds.Describe()} of {path}{more}");
        }
    }

    private bool CheckParameters(DistributionSpec spec, string keyPath)
    {
        string kinds = string.Join(", ", Enum.GetValues<DistributionKind>().Select(ScenarioNames.EnumKey));
        string distPath = $"{keyPath}.{DistKey}";
        if (spec.Dist is not { } kind)
        {
            // Left out, or written and rejected by the loader (whose error stands), or misspelt (reported as unknown).
            if (!context.Unreadable(distPath)) Missing(distPath, $"a distribution needs '{DistKey}:', one of: {kinds}");
            return false;
        }
        if (context.Unreadable(distPath)) return false;

        string name = ScenarioNames.EnumKey(kind);
        var (required, optional) = DistributionSpec.Parameters[kind];
        bool ok = true;
        foreach (var key in Model.Shape.ScenarioShape.KeysOf(typeof(DistributionSpec)))
        {
            if (key.Name == DistKey) continue;
            string path = $"{keyPath}.{key.Name}";
            // Given: a value, or a value written that the loader rejected (`sd: ~` is as good as leaving it out).
            bool given = key.Get(spec) is not null || (context.Written(path) && context.Unreadable(path));
            if (given && !required.Contains(key.Name) && !optional.Contains(key.Name))
            {
                ErrorAtKey(path, $"'{key.Name}' is not a parameter of a {name} distribution (it takes {string.Join(", ", required.Concat(optional))})");
                ok = false;
            }
            else if (!given && required.Contains(key.Name))
            {
                // A misspelt parameter was reported as an unknown key suggesting this one: one mistake, one error.
                if (!context.Unreadable(path)) Missing(path, $"a {name} distribution needs '{key.Name}'");
                ok = false;
            }
            if (context.Unreadable(path)) ok = false;
        }
        if (!ok) return false;

        void Bad(string key, string message)
        {
            Error($"{keyPath}.{key}", message);
            ok = false;
        }
        string F(double? v) => Shown.Number(v!.Value);
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
            case DistributionKind.Dirichlet:
                // The loader checks each entry as it reads it; a distribution built in code is checked here.
                var concentration = ScenarioShape.Key(typeof(DistributionSpec), Concentration)!;
                foreach (var (share, c) in spec.Concentration!)
                    if (!context.Unreadable(Shown.Join($"{keyPath}.{Concentration}", share)) &&
                        (!double.IsFinite(c) || concentration.Bounds!.Explain(c, null) is not null))
                        Bad(Shown.Join(Concentration, share), double.IsFinite(c) ? concentration.Bounds!.Explain(c, null)! : "expected a finite number");
                break;
        }
        return ok;
    }

    private BoundsAttribute? CheckPath(Scenario scenario, UncertainParameter u, string keyPath, out bool ok)
    {
        ok = false;
        string path = u.Path;
        if (path == UncertaintyKey || path.StartsWith(UncertaintyKey + ".", StringComparison.Ordinal) || path.StartsWith(UncertaintyKey + "[", StringComparison.Ordinal))
        {
            ErrorAtKey(keyPath, "the uncertainty block cannot make its own parameters uncertain");
            return null;
        }
        // With a lever left out, or the levers misspelt (their errors already reported), levers[i] would name a
        // different lever or none.
        if ((!context.AllLeversRead || context.Unreadable(ScenarioRules.LeversKey)) && path.StartsWith(ScenarioRules.LeversKey, StringComparison.Ordinal)) return null;

        if (Shown.Text(path) != path)
        {
            // Longer than any path of the model, or holding invisible characters: the reason would quote it whole.
            ErrorAtKey(keyPath, $"'{Shown.Text(path)}' cannot be made uncertain: it is not the path of a quantity of the scenario");
            return null;
        }
        var whole = ShareGroups.At(scenario, path);
        if (u.Distribution.Dist == DistributionKind.Dirichlet)
        {
            if (whole is null)
                ErrorAtKey(keyPath, $"a {DirichletName} distribution is for a set of shares that sum to 1 (sectors, a stage or degree mix, " +
                                    $"a GPU import's mix or sector_shares); '{path}' is not one");
            else ok = CheckConcentrations(whole, u.Distribution, keyPath);
            return null;
        }
        if (whole is not null)
        {
            ErrorAtKey(keyPath, $"'{path}' is a set of shares that sum to 1: draw it whole with a {DirichletName} distribution, such as {Suggestion(whole)}");
            return null;
        }
        string? reason = ScenarioPath.Check(scenario, path, out var bounds);
        if (reason is not null)
        {
            ErrorAtKey(keyPath, $"'{path}' cannot be made uncertain: {reason}");
            return null;
        }
        if (ShareGroups.Containing(scenario, path) is { } group)
        {
            // Drawn alone, a share would leave the others where they are and the sum would be off 1 in every run.
            ErrorAtKey(keyPath, $"'{path}' is one of the shares of {group.Path}, which must sum to 1, so it cannot be drawn on its own; " +
                                $"draw the whole set with a {DirichletName} distribution, such as {Suggestion(group)}");
            return null;
        }
        ok = true;
        return bounds;
    }

    /// <summary>A Dirichlet names every share of its set once, by the name the set gives it, and nothing else.</summary>
    private bool CheckConcentrations(ShareGroup group, DistributionSpec spec, string keyPath)
    {
        if (spec.Concentration is not { } given) return false; // reported with the parameters
        string path = $"{keyPath}.{Concentration}";
        var labels = group.Members.Select(m => m.Label).ToList();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count || labels.Any(l => l.Length == 0))
        {
            Error(path, $"the shares of {group.Path} need distinct names to take a {DirichletName} ({string.Join(", ", labels.Select(l => $"'{Shown.Text(l)}'"))})");
            return false;
        }
        var missing = labels.Where(l => !given.ContainsKey(l)).ToList();
        var extra = given.Keys.Where(k => !labels.Contains(k)).ToList();
        if (missing.Count == 0 && extra.Count == 0) return true;
        string names = string.Join(", ", labels.Select(l => Shown.Text(l)));
        if (extra.Count > 0)
            Error(path, $"{string.Join(", ", extra.Select(e => $"'{Shown.Text(e)}'"))} {(extra.Count == 1 ? "is" : "are")} not a share of {group.Path} (its shares are: {names})");
        if (missing.Count > 0)
            Error(path, $"give a concentration for every share of {group.Path}; missing: {string.Join(", ", missing.Select(m => Shown.Text(m)))}");
        return false;
    }

    /// <summary>A Dirichlet centred on the set's current shares, as a message suggests it.</summary>
    private static string Suggestion(ShareGroup group)
    {
        string entries = string.Join(", ", group.Members.Select(m =>
            $"{Shown.Text(m.Label.Length == 0 ? "?" : m.Label)}: {Shown.Number(Math.Max(0.1, Math.Round(m.Value * SuggestedConcentration, 1)))}"));
        return $"{group.Path}: {{dist: {DirichletName}, {Concentration}: {{{entries}}}}}";
    }

    private void CheckSupport(UncertainParameter u, string keyPath, BoundsAttribute bounds)
    {
        var spec = u.Distribution;
        double low, high;
        try
        {
            low = UncertaintySampler.InverseCdf(spec, Tail);
            high = UncertaintySampler.InverseCdf(spec, 1 - Tail);
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or InvalidOperationException or MathNet.Numerics.NonConvergenceException)
        {
            // MathNet's own message names its internal arguments ("Parameter 'a'"), which means nothing here.
            ErrorAtKey(keyPath, $"the quantiles of a {Describe(spec)} distribution cannot be computed; " +
                                "check its parameters (is one of them extremely large or small?)");
            return;
        }
        // The engine clamps a draw that falls beyond the bounds. That must stay a rare event in the far tail,
        // not a pile of draws on a bound, so the central 1 - 2e-6 of the distribution must fit inside them.
        if (bounds.Contains(low) && bounds.Contains(high)) return;
        string hint = bounds is { Min: 0, Max: 1 } ? "; for a quantity in [0, 1] a beta fits"
            : bounds.Min >= 0 && low < bounds.Min ? "; for a positive quantity a lognormal or gamma fits"
            : "";
        ErrorAtKey(keyPath,
            $"a {Describe(spec)} distribution does not fit the valid range {bounds.Describe()} of {u.Path}: " +
            $"its {Tail:0e0} and 1 - {Tail:0e0} quantiles are {low:G6} and {high:G6}{hint}");
    }

    private static string Describe(DistributionSpec s)
    {
        var given = Model.Shape.ScenarioShape.KeysOf(typeof(DistributionSpec))
            .Where(k => k.Name != DistKey && k.Get(s) is double)
            .Select(k => $"{k.Name} {Shown.Number((double)k.Get(s)!)}");
        return $"{ScenarioNames.EnumKey(s.Dist!.Value)}({string.Join(", ", given)})";
    }

    private void Error(string path, string message) => issues.Add(new ScenarioIssue(path, message));

    private void Missing(string path, string message) => issues.Add(new ScenarioIssue(path, message, Place: IssuePlace.Section));

    private void ErrorAtKey(string path, string message) => issues.Add(new ScenarioIssue(path, message, Place: IssuePlace.Key));
}
