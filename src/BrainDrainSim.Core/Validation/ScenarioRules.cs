using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using BrainDrainSim.Model.Shape;

namespace BrainDrainSim.Validation;

/// <summary>
/// The rules that span several values (shares that sum to 1, names that must match, months that must be in
/// order, an initial population to simulate), checked on a whole scenario. Each rule stays silent when a value it
/// reads was already rejected by the loader (<see cref="ValidationContext.Unreadable"/>), so that one mistake
/// gives one error.
/// </summary>
internal sealed class ScenarioRules(ValidationContext context, List<ScenarioIssue> issues)
{
    /// <summary>Shares are typed as decimals (0.35, 0.3...), whose binary sums miss 1 by about 1e-16.</summary>
    internal const double ShareTolerance = 1e-6;

    /// <summary>A folder name holds at most 255 bytes; the temporary folder and compare-/sweep- add about 100.</summary>
    private const int MaxNameBytes = 100;

    private static readonly string NameKey = Key(nameof(Scenario.Name));
    private static readonly string SectorsKey = Key(nameof(Scenario.Sectors));
    private static readonly string AgentScaleKey = Key(nameof(Scenario.AgentScale));
    private static readonly string PopulationKey = Key(nameof(Scenario.Population));
    private static readonly string StartKey = Key(nameof(Scenario.Start));
    private static readonly string MonthsKey = Key(nameof(Scenario.Months));
    internal static readonly string LeversKey = Key(nameof(Scenario.Levers));
    private static readonly string TimelineKey = Key(nameof(Scenario.Timeline));
    private static readonly string FromKey = Key(nameof(TimelineEntry.From));
    private static readonly string SectorNameKey = Key(nameof(SectorSpec.Name));
    private static readonly string SectorShareKey = Key(nameof(SectorSpec.Share));
    private static readonly string AtKey = Key(nameof(Lever.At));
    private static readonly string UntilKey = Key(nameof(Lever.Until));
    private static readonly string SectorKey = Key(nameof(SalaryTopup.Sector));
    private static readonly string ServiceLifeKey = $"{Key(nameof(Scenario.Compute))}.{Key(nameof(ComputeSpec.ServiceLifeYears))}";

    /// <summary>The initial counts that agent_scale divides.</summary>
    private static readonly (string Path, Func<Scenario, int> Get)[] InitialCounts =
    [
        ($"{PopulationKey}.{Key(nameof(PopulationSpec.AtHome))}", s => s.Population.AtHome),
        ($"{PopulationKey}.{Key(nameof(PopulationSpec.AbroadUs))}", s => s.Population.AbroadUs),
        ($"{PopulationKey}.{Key(nameof(PopulationSpec.AbroadOther))}", s => s.Population.AbroadOther),
    ];

    private static string Key(string propertyName) => ScenarioNames.ToSnake(propertyName);

    public void Check(Scenario s)
    {
        if (!context.Unreadable(NameKey)) CheckName(s.Name);

        var groups = ShareGroups.In(s, context.LeverIndex);
        bool sectorsUsable = CheckSectors(s, groups);
        // The stage and degree mixes of the population and the careers (a lever's own mix is checked with it).
        foreach (var g in groups)
            if (g.Kind == ValueKind.Section && !UnderLevers(g.Path)) CheckRecordSum(g);
        CheckInitialCounts(s);

        CheckTimeline(s);

        bool horizonKnown = !context.Unreadable(StartKey) && !context.Unreadable(MonthsKey);
        for (int i = 0; i < s.Levers.Length; i++)
        {
            string path = $"{LeversKey}[{context.LeverIndex(i)}]";
            CheckLever(s, s.Levers[i], path, groups, sectorsUsable, horizonKnown);
        }
    }

    private static bool UnderLevers(string path) => path.StartsWith(LeversKey + "[", StringComparison.Ordinal);

    /// <summary>
    /// The name becomes a folder (results/NAME, and a temporary folder beside it), so it must be one folder
    /// name on every system: not a path that leads elsewhere, nothing invisible, short enough with the suffixes.
    /// </summary>
    private void CheckName(string? name)
    {
        string why = string.IsNullOrWhiteSpace(name) ? "must not be empty"
            : name.IndexOfAny(['/', '\\']) >= 0 ? "must not contain '/' or '\\'"
            : name is "." or ".." ? $"must not be '{name}'"
            : name.Any(char.IsControl) ? "must not contain control characters (tabs, line breaks...)"
            : System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameBytes ? $"must be at most {MaxNameBytes} bytes long in UTF-8, not {System.Text.Encoding.UTF8.GetByteCount(name)}"
            : "";
        if (why.Length > 0)
            Error(NameKey, $"the name {why}: it names the output folder (results/NAME); leave {NameKey}: out to use the file's name");
    }

    /// <summary>
    /// Each timeline entry needs its month and at least one value, and the months must rise: the latest entry up to
    /// a month gives its values, which is only plain to read when the file lists them in order.
    /// </summary>
    private void CheckTimeline(Scenario s)
    {
        if (context.Unreadable(TimelineKey)) return;
        YearMonth? previous = null;
        int previousIndex = -1;
        for (int i = 0; i < s.Timeline.Length; i++)
        {
            string path = $"{TimelineKey}[{i}]", from = $"{path}.{FromKey}";
            if (context.Unreadable(path)) continue;
            var entry = s.Timeline[i];
            // A value the loader rejected (or a misspelt key) was meant: that is its error, not an empty entry.
            if (!entry.ChangesAnything && !ScenarioShape.KeysOf(typeof(TimelineEntry)).Any(k => context.Unreadable($"{path}.{k.Name}")))
                Error(path, $"a {TimelineKey} entry changes nothing: give at least one value besides '{FromKey}:', such as {Key(nameof(TimelineEntry.KrwPerUsd))}: 1130.96");
            if (context.Unreadable(from)) continue;
            if (entry.From is not { } month)
            {
                Error(path, $"a {TimelineKey} entry needs '{FromKey}:', the first month its values hold (YYYY-MM)");
                continue;
            }
            if (previous is { } before && month <= before)
                Error(from, $"{FromKey} {month} is not after {TimelineKey}[{previousIndex}].{FromKey} {before}; list the entries in month order, one per month");
            else
            {
                previous = month;
                previousIndex = i;
            }
        }
    }

    private bool CheckSectors(Scenario s, IReadOnlyList<ShareGroup> groups)
    {
        if (context.Unreadable(SectorsKey)) return false;
        if (s.Sectors.Length == 0)
        {
            Error(SectorsKey, "list at least one sector (with a name and a share)");
            return false;
        }
        bool usable = true, sharesKnown = true;
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < s.Sectors.Length; i++)
        {
            string path = $"{SectorsKey}[{i}]", namePath = $"{path}.{SectorNameKey}";
            if (context.Unreadable(path))
            {
                usable = sharesKnown = false;
                continue;
            }
            if (context.Unreadable($"{path}.{SectorShareKey}")) sharesKnown = false;
            if (context.Unreadable(namePath))
            {
                usable = false;
                continue;
            }
            string? name = s.Sectors[i].Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                Error(namePath, "a sector needs a name (levers name sectors by it)");
                usable = false;
            }
            else if (firstIndex.TryGetValue(name, out int first))
            {
                Error(namePath, $"the sector name '{Shown.Text(name)}' is already used by {SectorsKey}[{first}]; names must be unique");
                usable = false;
            }
            else firstIndex[name] = i;
        }
        if (sharesKnown) CheckSum(groups.First(g => g.Path == SectorsKey));
        return usable;
    }

    /// <summary>Checks that the members of a record of shares (a stage or degree mix) sum to 1, unless one was rejected.</summary>
    private void CheckRecordSum(ShareGroup g)
    {
        if (context.Unreadable(g.Path) || g.Members.Any(m => context.Unreadable(m.Path))) return;
        CheckSum(g);
    }

    private void CheckSum(ShareGroup g) => CheckSum(g.Path, g.Members, g.What);

    private void CheckSum(string path, IReadOnlyList<ShareMember> parts, string what)
    {
        double sum = parts.Sum(p => p.Value);
        if (Math.Abs(sum - 1) <= ShareTolerance) return;
        string terms = string.Join(" + ", parts.Select(p => $"{(p.Label.Length == 0 ? "?" : Shown.Text(p.Label))} {Shown.Number(p.Value)}"));
        // Unset members keep their defaults, so the terms are listed: a sum off by a default is then plain to see.
        Error(path, $"{what} sum to {Shown.Sum(sum)}, not 1 ({terms})");
    }

    private void CheckInitialCounts(Scenario s)
    {
        if (InitialCounts.Any(c => context.Unreadable(c.Path))) return;
        // At any scale: the top-talent threshold is a percentile of the initial population's talent, which an
        // empty population does not have (entrants alone would be classed against an arbitrary threshold).
        if (InitialCounts.All(c => c.Get(s) == 0))
        {
            Error(PopulationKey, "the initial population is empty (at_home, abroad_us and abroad_other are all 0): " +
                                 "give at least one researcher; the top-talent threshold is the 90th percentile of their talent");
            return;
        }
        if (s.AgentScale <= 1 || context.Unreadable(AgentScaleKey)) return;
        // The engine divides each initial count by the scale and rounds; a group that rounds to no agent
        // would vanish from the simulation, so every group present must keep at least one agent.
        long Agents(int count) => (long)Math.Round((double)count / s.AgentScale, MidpointRounding.AwayFromZero);
        foreach (var (path, get) in InitialCounts)
            if (get(s) is var count and > 0 && Agents(count) == 0)
                Error(AgentScaleKey, $"{AgentScaleKey} {s.AgentScale} leaves no agent for {path} ({count} / {s.AgentScale} rounds to 0); use a smaller scale");
    }

    private void CheckLever(Scenario s, Lever lever, string path, IReadOnlyList<ShareGroup> groups, bool sectorsUsable, bool horizonKnown)
    {
        string at = $"{path}.{AtKey}", until = $"{path}.{UntilKey}";
        bool atKnown = !context.Unreadable(at);

        // Starting before the first month is fine (the lever is simply already active); after the last, it never applies.
        if (atKnown && horizonKnown && lever.At > s.End)
        {
            Error(at, $"{lever.At} is after the last simulated month {s.End} ({StartKey} {s.Start} plus {s.Months} months): the lever would never apply");
            atKnown = false; // a wrong `at` is one mistake: `until` is not compared with it as well
        }

        if (!lever.TakesUntil && lever.Until is not null)
            ErrorAtKey(until, $"a {lever.Type} has no '{UntilKey}': the cohort's service life ({ServiceLifeKey}) governs how long it lasts");
        else if (lever.Until is { } end && atKnown && !context.Unreadable(until) && end < lever.At)
            Error(until, $"{UntilKey} {end} is before {AtKey} {lever.At}; a lever applies from {AtKey} through {UntilKey}, both included");

        // Any lever member named `sector` targets a sector by name.
        foreach (var key in ScenarioShape.KeysOf(lever.GetType()))
            if (key.Name == SectorKey && key.Get(lever) is string sector && sectorsUsable)
                CheckSectorName(s, sector, $"{path}.{key.Name}", atKey: false);

        switch (lever)
        {
            case SalaryTopup topup:
                string amount = $"{path}.{Key(nameof(SalaryTopup.AmountKrwPerYear))}", fraction = $"{path}.{Key(nameof(SalaryTopup.Fraction))}";
                if (topup.AmountKrwPerYear == 0 && topup.Fraction == 0 && !context.Unreadable(amount) && !context.Unreadable(fraction))
                    Error(path, $"a {lever.Type} needs {Key(nameof(SalaryTopup.AmountKrwPerYear))} or {Key(nameof(SalaryTopup.Fraction))} above 0; it gives neither");
                break;
            case Education education:
                if (education.GraduationDegrees is not null)
                    CheckRecordSum(groups.First(g => g.Path == $"{path}.{Key(nameof(Education.GraduationDegrees))}"));
                // Only a lever that changes the number of entrants has a cost to give.
                if (education.GraduatesMultiplier != 1)
                    CheckCosts(lever, path, (nameof(Education.CostKrwPerExtraGraduate), education.CostKrwPerExtraGraduate,
                        "charged for each entrant above the baseline number"));
                break;
            case GpuImport import:
                string mix = $"{path}.{Key(nameof(GpuImport.Mix))}";
                CheckMix(import, mix, groups.First(g => g.Path == mix));
                if (sectorsUsable) CheckSectorShares(s, import, $"{path}.{Key(nameof(GpuImport.SectorShares))}", groups);
                CheckCosts(lever, path,
                    (nameof(GpuImport.UnitCostKrw), import.UnitCostKrw, "the purchase, charged in the arrival month"),
                    (nameof(GpuImport.RunningCostKrwPerGpuYear), import.RunningCostKrwPerGpuYear, "power, hosting and operation, charged monthly in service"));
                break;
            case ComputeVoucher voucher:
                CheckCosts(lever, path, (nameof(ComputeVoucher.PriceKrwPerGpuHour), voucher.PriceKrwPerGpuHour, "the cost of each GPU-hour handed out"));
                break;
            case ReturnIncentive { GuaranteedH100e: > 0 } incentive:
                CheckCosts(lever, path, (nameof(ReturnIncentive.PriceKrwPerGpuHour), incentive.PriceKrwPerGpuHour,
                    "the cost of each GPU-hour of the guaranteed compute"));
                break;
        }
    }

    /// <summary>
    /// A lever's costs must be written, 0 included: a cost left out would count as nothing, and the comparison
    /// would report a policy as free. One error names every cost missing from the lever.
    /// </summary>
    private void CheckCosts(Lever lever, string path, params (string Property, double? Value, string What)[] costs)
    {
        var missing = costs.Where(c => c.Value is null && !context.Unreadable($"{path}.{Key(c.Property)}")).ToList();
        if (missing.Count == 0) return;
        string keys = string.Join(" and ", missing.Select(c => $"{Key(c.Property)} ({c.What})"));
        string article = "aeiou".Contains(lever.Type[0]) ? "an" : "a";
        Error(path, $"{article} {lever.Type} needs {keys}; write 0 for a cost the home budget does not bear");
    }

    private void CheckMix(GpuImport import, string path, ShareGroup group)
    {
        if (context.Unreadable(path)) return;
        if (import.Mix.Length == 0)
        {
            Error(path, "the mix needs at least one GPU model");
            return;
        }
        string share = Key(nameof(GpuModelShare.Share));
        bool anyFailed = Enumerable.Range(0, import.Mix.Length)
            .Any(i => context.Unreadable($"{path}[{i}]") || context.Unreadable($"{path}[{i}].{share}"));
        if (!anyFailed) CheckSum(group);
    }

    private void CheckSectorShares(Scenario s, GpuImport import, string path, IReadOnlyList<ShareGroup> groups)
    {
        string key = path[(path.LastIndexOf('.') + 1)..];
        if (import.SectorShares is null)
        {
            // A misspelt sector_shares was reported as an unknown key suggesting it.
            if (context.Unreadable(path)) return;
            Error(path, $"a {import.Type} needs {key}: the share of its compute going to each sector, " +
                        $"such as {{{string.Join(", ", s.Sectors.Select(x => Shown.Text(x.Name ?? "") + ": ..."))}}}");
            return;
        }
        if (context.Unreadable(path)) return;
        // Entries the loader rejected are kept with a placeholder, so their names are still checked.
        bool valuesOk = !import.SectorShares.Keys.Any(k => context.Unreadable(Shown.Join(path, k)));
        if (import.SectorShares.Count == 0 && valuesOk)
        {
            Error(path, $"{key} is empty; give the share of at least one sector");
            return;
        }
        bool namesOk = true;
        foreach (var name in import.SectorShares.Keys)
            if (!CheckSectorName(s, name, Shown.Join(path, name), atKey: true))
                namesOk = false;
        // Sectors left out get no share of the cohort (they count 0 in the sum).
        if (namesOk && valuesOk)
        {
            var group = groups.First(g => g.Path == path);
            CheckSum(path, group.Members.OrderBy(m => s.SectorIndex(m.Label)).ToList(), group.What);
        }
    }

    private bool CheckSectorName(Scenario s, string name, string path, bool atKey)
    {
        if (s.SectorIndex(name) >= 0) return true;
        var names = s.Sectors.Select(x => x.Name ?? "").ToList();
        string near = KeySuggestions.Closest(name, names) is { } n ? $"; did you mean '{Shown.Text(n)}'?" : "";
        string message = $"'{Shown.Text(name)}' is not a sector{near} (the sectors are: {string.Join(", ", names.Select(x => Shown.Text(x)))})";
        if (atKey) ErrorAtKey(path, message);
        else Error(path, message);
        return false;
    }

    private void Error(string path, string message) => issues.Add(new ScenarioIssue(path, message));

    private void ErrorAtKey(string path, string message) => issues.Add(new ScenarioIssue(path, message, Place: IssuePlace.Key));
}
