using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Calibration.Targets;

/// <summary>
/// Every rule a target set keeps against the scenario it is compared with: each target named once, a quantity of
/// one form over a metric the run records (not an input of the scenario) and inside the run, an observed figure
/// or a bound with an uncertainty above 0, a role and a source; at least one target fitted. Each rule stays silent
/// when a value it reads was already rejected by the loader (<see cref="ValidationContext.Unreadable"/>), so that
/// one mistake gives one error.
/// </summary>
internal sealed class TargetRules(ValidatedScenario scenario, IReadOnlyList<MetricInfo> metrics, ValidationContext context, List<ScenarioIssue> issues)
{
    /// <summary>A target's name heads a column of the calibration's outputs: kept to characters no file format quotes.</summary>
    private const int MaxNameLength = 100;

    internal static readonly string TargetsKey = Key(nameof(TargetSet.Targets));
    private static readonly string NameKey = Key(nameof(CalibrationTarget.Name));
    private static readonly string QuantityKey = Key(nameof(CalibrationTarget.Quantity));
    private static readonly string ObservedKey = Key(nameof(CalibrationTarget.Observed));
    private static readonly string BoundKey = Key(nameof(CalibrationTarget.Bound));
    private static readonly string SdKey = Key(nameof(CalibrationTarget.Sd));
    private static readonly string RoleKey = Key(nameof(CalibrationTarget.Role));
    private static readonly string SourceKey = Key(nameof(CalibrationTarget.Source));
    private static readonly string MetricKey = Key(nameof(TargetQuantity.Metric));
    private static readonly string AtKey = Key(nameof(TargetQuantity.At));
    private static readonly string SumKey = Key(nameof(TargetQuantity.Sum));
    private static readonly string MeanKey = Key(nameof(TargetQuantity.Mean));
    private static readonly string RatioKey = Key(nameof(TargetQuantity.Ratio));
    private static readonly string FromKey = Key(nameof(MonthRange.From));
    private static readonly string ToKey = Key(nameof(MonthRange.To));
    private static readonly string MinKey = Key(nameof(TargetBound.Min));
    private static readonly string MaxKey = Key(nameof(TargetBound.Max));
    private static readonly string FitName = ScenarioNames.EnumKey(TargetRole.Fit);
    private static readonly string ValidateName = ScenarioNames.EnumKey(TargetRole.Validate);

    private readonly YearMonth start = scenario.Scenario.Start, end = scenario.Scenario.End;

    /// <summary>Set once a target has a month outside the run: the rest of its months are not reported again.</summary>
    private bool outsideReported;

    private static string Key(string propertyName) => ScenarioNames.ToSnake(propertyName);

    public void Check(TargetSet set)
    {
        if (set.Targets.Length == 0)
        {
            if (!context.Unreadable(TargetsKey))
                Error(TargetsKey, $"a target set needs at least one target: a list of entries with {NameKey}:, {QuantityKey}:, {ObservedKey}: or {BoundKey}:, {SdKey}:, {RoleKey}: and {SourceKey}:");
            return;
        }
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        bool anyFit = false, roleUnknown = false;
        for (int i = 0; i < set.Targets.Length; i++)
        {
            string path = $"{TargetsKey}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var target = set.Targets[i];
            if (context.Unreadable(path) || target is null)
            {
                // A file's entry that could not be read was reported by the loader; a null in code was not.
                if (target is null && !context.Unreadable(path)) Error(path, "the target is missing (null)");
                roleUnknown = true;
                continue;
            }
            CheckName(target, path, names, i);
            CheckQuantity(target, path);
            CheckObservation(target, path);
            if (target.Role is { } role) anyFit |= role == TargetRole.Fit;
            else
            {
                roleUnknown = true;
                Missing($"{path}.{RoleKey}", $"a target needs {RoleKey}: {FitName} (it enters the distance) or {ValidateName} (it is only reported)");
            }
            if (string.IsNullOrWhiteSpace(target.Source))
                Missing($"{path}.{SourceKey}", $"a target needs {SourceKey}: where the figure comes from (with its confidence tag), or that it is an assumption");
        }
        // A role that could not be read may have been meant as fit: then the loader's error is the one to fix.
        if (!anyFit && !roleUnknown)
            Error(TargetsKey, $"no target has {RoleKey}: {FitName}, so nothing enters the distance; fit at least one ({ValidateName} targets are only reported)");
    }

    private void CheckName(CalibrationTarget target, string path, Dictionary<string, int> names, int index)
    {
        string at = $"{path}.{NameKey}";
        if (context.Unreadable(at)) return;
        if (string.IsNullOrWhiteSpace(target.Name))
        {
            Missing(at, $"a target needs {NameKey}: it names the target in reports and messages");
            return;
        }
        string name = target.Name;
        if (name.Length > MaxNameLength || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
        {
            Error(at, $"'{Shown.Text(name)}' is not a usable target name: use letters, digits, '_', '-' and '.' (at most {MaxNameLength}); it heads a column of the calibration's outputs");
            return;
        }
        if (names.TryGetValue(name, out int first))
            Error(at, $"the target name '{name}' is already used by {TargetsKey}[{first.ToString(CultureInfo.InvariantCulture)}]; names must be unique");
        else names[name] = index;
    }

    private void CheckQuantity(CalibrationTarget target, string path)
    {
        string at = $"{path}.{QuantityKey}";
        outsideReported = false;
        if (context.Unreadable(at)) return;
        if (target.Quantity is null)
        {
            Missing(at, $"a target needs {QuantityKey}: the model output it is compared with, such as {{{MetricKey}: {MetricCatalog.Abroad}, {AtKey}: 2024-12}}");
            return;
        }
        CheckQuantity(target.Quantity, at, Label(target), inRatio: false);
    }

    private static string Label(CalibrationTarget target) =>
        string.IsNullOrWhiteSpace(target.Name) ? "the target" : $"target '{Shown.Text(target.Name)}'";

    private void CheckQuantity(TargetQuantity quantity, string path, string target, bool inRatio)
    {
        string ratioPath = $"{path}.{RatioKey}";
        if (quantity.Ratio is not null || context.Unreadable(ratioPath))
        {
            CheckRatio(quantity, path, target, inRatio);
            return;
        }

        string metricPath = $"{path}.{MetricKey}";
        MetricInfo? metric = null;
        if (string.IsNullOrWhiteSpace(quantity.Metric))
        {
            if (!context.Unreadable(metricPath))
                Missing(metricPath, $"a quantity needs {MetricKey}: the name of a model output (such as {MetricCatalog.Abroad}), or {RatioKey}: two quantities");
        }
        else if (!context.Unreadable(metricPath)) metric = CheckMetric(quantity.Metric, metricPath);

        // A form whose value the loader rejected was still written: it counts, so that no second error says it is missing.
        var forms = new List<string>();
        if (quantity.At is not null || context.Unreadable($"{path}.{AtKey}")) forms.Add(AtKey);
        if (quantity.Sum is not null || context.Unreadable($"{path}.{SumKey}")) forms.Add(SumKey);
        if (quantity.Mean is not null || context.Unreadable($"{path}.{MeanKey}")) forms.Add(MeanKey);
        if (forms.Count == 0)
        {
            Error(path, $"a quantity needs one of {AtKey}: (a month), {SumKey}: or {MeanKey}: (a period {{{FromKey}: YYYY-MM, {ToKey}: YYYY-MM}}, both months included)");
            return;
        }
        if (forms.Count > 1)
        {
            Error(path, $"give one of {AtKey}, {SumKey} or {MeanKey}, not {string.Join(" and ", forms)}");
            return;
        }
        string formPath = $"{path}.{forms[0]}";
        if (context.Unreadable(formPath)) return;
        if (quantity.At is { } month)
        {
            if (InRun(month, formPath, target) && metric is { Kind: MetricKind.Flow })
                Warning(formPath, $"{metric.Name} is a flow ({metric.Unit}): {AtKey}: takes the flow of one month; for a year's flow write " +
                    $"{SumKey}: {{{FromKey}: {new YearMonth(month.Year, 1)}, {ToKey}: {new YearMonth(month.Year, 12)}}} (or {MeanKey}: for its mean per month)");
            return;
        }
        if (quantity.Sum is { } sum)
        {
            CheckPeriod(sum, formPath, target);
            if (metric is { Kind: MetricKind.Stock or MetricKind.Ratio })
                Error(formPath, $"{metric.Name} is a {(metric.Kind == MetricKind.Stock ? "stock" : "ratio")}, a level at the end of each month ({metric.Unit}): " +
                    $"a sum over months counts the level once a month; take it {AtKey}: a month or average it ({MeanKey}:)");
            return;
        }
        CheckPeriod(quantity.Mean!, formPath, target);
    }

    private void CheckRatio(TargetQuantity quantity, string path, string target, bool inRatio)
    {
        string ratioPath = $"{path}.{RatioKey}";
        if (inRatio)
        {
            Error(ratioPath, $"the two quantities of a ratio are each one metric ({AtKey}, {SumKey} or {MeanKey}); ratios do not nest", IssuePlace.Key);
            return;
        }
        var beside = new[] { (MetricKey, quantity.Metric is not null), (AtKey, quantity.At is not null), (SumKey, quantity.Sum is not null), (MeanKey, quantity.Mean is not null) }
            .Where(k => k.Item2 || context.Unreadable($"{path}.{k.Item1}")).Select(k => k.Item1).ToList();
        if (beside.Count > 0)
            Error(path, $"a ratio is the whole quantity: {string.Join(", ", beside)} cannot stand beside {RatioKey}; give each of its two quantities its own {MetricKey} and month");
        if (context.Unreadable(ratioPath) || quantity.Ratio is not { } ratio) return;
        if (ratio.Length != 2)
        {
            Error(ratioPath, $"a ratio needs two quantities, the numerator then the denominator, not {ratio.Length.ToString(CultureInfo.InvariantCulture)}");
            return;
        }
        for (int j = 0; j < 2; j++)
        {
            string entry = $"{ratioPath}[{j.ToString(CultureInfo.InvariantCulture)}]";
            if (context.Unreadable(entry)) continue;
            if (ratio[j] is { } part) CheckQuantity(part, entry, target, inRatio: true);
            else Error(entry, "the quantity is missing (null)");
        }
    }

    private MetricInfo? CheckMetric(string name, string path)
    {
        int index = MetricCatalog.IndexOf(metrics, name);
        if (index >= 0) return metrics[index];
        string shown = Shown.Text(name);
        const string Why = "it cannot be a target, which compares a model output (a metric such as " + MetricCatalog.Abroad + ") with what was observed";
        var inputs = ScenarioInputs.Named(name);
        if (inputs.Count == 1 && inputs[0] == name)
            Error(path, $"'{shown}' is an input of the scenario, set in the scenario file; {Why}");
        else if (inputs.Count > 0)
            Error(path, $"'{shown}' is an input of the scenario ({string.Join(", ", inputs)}), set in the scenario file; {Why}");
        else
        {
            var known = metrics.Select(m => m.Name).ToList();
            string of = $"'{shown}' is not a metric of scenario '{Shown.Text(scenario.Name)}'";
            Error(path, KeySuggestions.Closest(name, known) is { } near
                ? $"{of}; did you mean '{near}'?"
                : $"{of}; the metrics are: {string.Join(", ", known)}");
        }
        return null;
    }

    private void CheckPeriod(MonthRange range, string path, string target)
    {
        string fromPath = $"{path}.{FromKey}", toPath = $"{path}.{ToKey}";
        bool fromKnown = !context.Unreadable(fromPath), toKnown = !context.Unreadable(toPath);
        string needs = $"a period needs {FromKey}: and {ToKey}:, months as YYYY-MM (both included)";
        // Neither given is one mistake: said once, at the period.
        if (range.From is null && range.To is null && fromKnown && toKnown) Error(path, needs);
        else
            foreach (var (month, at, known) in new[] { (range.From, fromPath, fromKnown), (range.To, toPath, toKnown) })
                if (month is null && known) Missing(at, needs);
        if (range.From is { } from && range.To is { } to && fromKnown && toKnown && to < from)
        {
            Error(toPath, $"{ToKey} {to} is before {FromKey} {from}; a period runs from {FromKey} through {ToKey}, both included");
            return;
        }
        if (range.From is { } first && fromKnown && !InRun(first, fromPath, target)) return;
        if (range.To is { } last && toKnown) InRun(last, toPath, target);
    }

    /// <summary>True when the month lies in the run; else an error, once per target.</summary>
    private bool InRun(YearMonth month, string path, string target)
    {
        if (month >= start && month <= end) return true;
        if (outsideReported) return false;
        outsideReported = true;
        string runs = $"scenario '{Shown.Text(scenario.Name)}' runs {start} to {end}";
        Error(path, month < start
            ? $"{month} is before the first simulated month {start} ({runs}): {target} lies outside the run"
            : $"{month} is after the last simulated month {end} ({runs}): {target} lies outside the run");
        return false;
    }

    private void CheckObservation(CalibrationTarget target, string path)
    {
        string observedPath = $"{path}.{ObservedKey}", boundPath = $"{path}.{BoundKey}", sdPath = $"{path}.{SdKey}";
        bool observed = target.Observed is not null || context.Unreadable(observedPath);
        bool bound = target.Bound is not null || context.Unreadable(boundPath);
        if (!observed && !bound)
            Error(path, $"a target needs {ObservedKey}: (the figure) or {BoundKey}: (a {MinKey}: or {MaxKey}: it must keep), each with {SdKey}:");
        else if (observed && bound)
            Error(boundPath, $"give {ObservedKey}: or {BoundKey}:, not both: a bound is for a figure known only as a limit or a sign", IssuePlace.Key);
        else if (target.Observed is { } value && !double.IsFinite(value))
            Error(observedPath, $"{ObservedKey} must be a finite number, not {Shown.Number(value)}");
        else if (target.Bound is { } b && !context.Unreadable(boundPath))
            CheckBound(b, boundPath);

        if (context.Unreadable(sdPath)) return;
        if (target.Sd is not { } sd)
            Missing(sdPath, $"a target needs {SdKey}: the uncertainty of the figure in the quantity's unit (for a bound, the scale of the penalty beyond it); " +
                "where the source gives none it is an assumption: say so");
        else if (!(sd > 0 && double.IsFinite(sd)))
            Error(sdPath, $"{SdKey} must be a finite number above 0, not {Shown.Number(sd)}: the discrepancy is divided by it");
    }

    private void CheckBound(TargetBound bound, string path)
    {
        string minPath = $"{path}.{MinKey}", maxPath = $"{path}.{MaxKey}";
        if (context.Unreadable(minPath) || context.Unreadable(maxPath)) return;
        if (bound.Min is null && bound.Max is null)
            Error(path, $"a bound needs {MinKey}:, {MaxKey}: or both");
        else if (bound.Min is { } min && !double.IsFinite(min))
            Error(minPath, $"{MinKey} must be a finite number, not {Shown.Number(min)}");
        else if (bound.Max is { } max && !double.IsFinite(max))
            Error(maxPath, $"{MaxKey} must be a finite number, not {Shown.Number(max)}");
        else if (bound is { Min: { } lo, Max: { } hi } && hi < lo)
            Error(maxPath, $"{MaxKey} {Shown.Number(hi)} is below {MinKey} {Shown.Number(lo)}");
    }

    private void Error(string path, string message, IssuePlace place = IssuePlace.Value) =>
        issues.Add(new ScenarioIssue(path, message, IssueSeverity.Error, place));

    private void Warning(string path, string message) => issues.Add(new ScenarioIssue(path, message, IssueSeverity.Warning));

    /// <summary>A required key left out (placed at its section), or written empty (placed at its value).</summary>
    private void Missing(string path, string message)
    {
        if (context.Unreadable(path)) return;
        Error(path, message, context.Written(path) ? IssuePlace.Value : IssuePlace.Section);
    }
}
