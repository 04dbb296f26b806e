using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;
using static BrainDrainSim.Scenarios.ScenarioKeys;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// The rules that span several values (shares that sum to 1, names that must match, months that must be in
/// order), checked on the bound scenario. Each rule stays silent when a value it reads was already rejected,
/// so that one mistake gives one error.
/// </summary>
internal sealed class ScenarioRules(ScenarioBinder bound, ErrorList errors)
{
    /// <summary>Shares are typed as decimals (0.35, 0.3...), whose binary sums miss 1 by about 1e-16.</summary>
    private const double ShareTolerance = 1e-6;

    /// <summary>A folder name holds at most 255 bytes; the temporary folder and compare-/sweep- add about 100.</summary>
    private const int MaxNameBytes = 100;

    private static readonly string NameKey = Of(nameof(Scenario.Name));
    private static readonly string SectorsKey = Of(nameof(Scenario.Sectors));
    private static readonly string AgentScaleKey = Of(nameof(Scenario.AgentScale));
    private static readonly string PopulationKey = Of(nameof(Scenario.Population));
    private static readonly string StartKey = Of(nameof(Scenario.Start));
    private static readonly string MonthsKey = Of(nameof(Scenario.Months));
    private static readonly string SectorNameKey = Of(nameof(SectorSpec.Name));
    private static readonly string SectorShareKey = Of(nameof(SectorSpec.Share));
    private static readonly string AtKey = Of(nameof(Lever.At));
    private static readonly string UntilKey = Of(nameof(Lever.Until));
    private static readonly string ServiceLifeKey = Of(nameof(Scenario.Compute), nameof(ComputeSpec.ServiceLifeYears));

    /// <summary>The records whose members are shares of one whole (exit_rate_per_year is a StageValues too, but not shares).</summary>
    private static readonly (string Path, Func<Scenario, object> Get)[] ShareRecords =
    [
        (Of(nameof(Scenario.Population), nameof(PopulationSpec.HomeStageShares)), s => s.Population.HomeStageShares),
        (Of(nameof(Scenario.Population), nameof(PopulationSpec.AbroadStageShares)), s => s.Population.AbroadStageShares),
        (Of(nameof(Scenario.Population), nameof(PopulationSpec.Degrees)), s => s.Population.Degrees),
        (Of(nameof(Scenario.Careers), nameof(CareerSpec.GraduationDegrees)), s => s.Careers.GraduationDegrees),
    ];

    /// <summary>The initial counts that agent_scale divides.</summary>
    private static readonly (string Path, Func<Scenario, int> Get)[] InitialCounts =
    [
        (Of(nameof(Scenario.Population), nameof(PopulationSpec.AtHome)), s => s.Population.AtHome),
        (Of(nameof(Scenario.Population), nameof(PopulationSpec.AbroadUs)), s => s.Population.AbroadUs),
        (Of(nameof(Scenario.Population), nameof(PopulationSpec.AbroadOther)), s => s.Population.AbroadOther),
    ];

    public void Check(Scenario s)
    {
        if (bound.WasGiven(NameKey) && !bound.Failed.Contains(NameKey)) CheckName(s.Name);

        bool sectorsUsable = CheckSectors(s);
        foreach (var (path, get) in ShareRecords) CheckSum(path, get(s));
        CheckInitialCounts(s);

        bool horizonKnown = !bound.Failed.Contains(StartKey) && !bound.Failed.Contains(MonthsKey);
        foreach (var (index, lever) in bound.Levers)
            CheckLever(s, lever, $"{Of(nameof(Scenario.Levers))}[{index}]", sectorsUsable, horizonKnown);
    }

    /// <summary>
    /// Whether a lever of this type may give <c>until</c>: a GPU cohort's service life governs how long it lasts,
    /// so a gpu_import takes none (the schema leaves the key out of it too).
    /// </summary>
    internal static bool TakesUntil(Type leverType) => leverType != typeof(GpuImport);

    /// <summary>
    /// The name becomes a folder (results/NAME, and a temporary folder beside it), so it must be one folder
    /// name on every system: not a path that leads elsewhere, nothing invisible, short enough with the suffixes.
    /// </summary>
    private void CheckName(string name)
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

    private bool CheckSectors(Scenario s)
    {
        if (bound.Failed.Contains(SectorsKey)) return false;
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
            if (bound.Failed.Contains(path))
            {
                usable = sharesKnown = false;
                continue;
            }
            if (bound.Failed.Contains($"{path}.{SectorShareKey}")) sharesKnown = false;
            if (bound.Failed.Contains(namePath))
            {
                usable = false;
                continue;
            }
            string name = s.Sectors[i].Name;
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
        if (sharesKnown)
            CheckSum(SectorsKey, s.Sectors.Select(x => (x.Name, x.Share)).ToList(), "the sectors' shares");
        return usable;
    }

    /// <summary>Checks that the real-valued members of a shares record (StageValues, DegreeShares) sum to 1.</summary>
    private void CheckSum(string path, object shares)
    {
        var parts = ScenarioNames.KeysOf(shares.GetType())
            .Where(k => k.Property.PropertyType == typeof(double))
            .Select(k => (Key: k.Key, Value: (double)k.Property.GetValue(shares)!))
            .ToList();
        if (bound.Failed.Contains(path) || parts.Any(p => bound.Failed.Contains($"{path}.{p.Key}"))) return;
        CheckSum(path, parts, "the shares");
    }

    private void CheckSum(string path, IReadOnlyList<(string Label, double Value)> parts, string what)
    {
        double sum = parts.Sum(p => p.Value);
        if (Math.Abs(sum - 1) <= ShareTolerance) return;
        string terms = string.Join(" + ", parts.Select(p => $"{(p.Label.Length == 0 ? "?" : Shown.Text(p.Label))} {ScalarReader.Format(p.Value)}"));
        // Unset members keep their defaults, so the terms are listed: a sum off by a default is then plain to see.
        Error(path, $"{what} sum to {ScalarReader.FormatSum(sum)}, not 1 ({terms})");
    }

    private void CheckInitialCounts(Scenario s)
    {
        if (InitialCounts.Any(c => bound.Failed.Contains(c.Path))) return;
        // At any scale: the top-talent threshold is a percentile of the initial population's talent, which an
        // empty population does not have (entrants alone would be classed against an arbitrary threshold).
        if (InitialCounts.All(c => c.Get(s) == 0))
        {
            Error(PopulationKey, "the initial population is empty (at_home, abroad_us and abroad_other are all 0): " +
                                 "give at least one researcher; the top-talent threshold is the 90th percentile of their talent");
            return;
        }
        if (s.AgentScale <= 1 || bound.Failed.Contains(AgentScaleKey)) return;
        // The engine divides each initial count by the scale and rounds; a group that rounds to no agent
        // would vanish from the simulation, so every group present must keep at least one agent.
        long Agents(int count) => (long)Math.Round((double)count / s.AgentScale, MidpointRounding.AwayFromZero);
        foreach (var (path, get) in InitialCounts)
            if (get(s) is var count and > 0 && Agents(count) == 0)
                Error(AgentScaleKey, $"{AgentScaleKey} {s.AgentScale} leaves no agent for {path} ({count} / {s.AgentScale} rounds to 0); use a smaller scale");
    }

    private void CheckLever(Scenario s, Lever lever, string path, bool sectorsUsable, bool horizonKnown)
    {
        string at = $"{path}.{AtKey}", until = $"{path}.{UntilKey}";
        bool atKnown = bound.WasGiven(at) && !bound.Failed.Contains(at);

        // Starting before the first month is fine (the lever is simply already active); after the last, it never applies.
        if (atKnown && horizonKnown && lever.At > s.End)
        {
            Error(at, $"{lever.At} is after the last simulated month {s.End} ({StartKey} {s.Start} plus {s.Months} months): the lever would never apply");
            atKnown = false; // a wrong `at` is one mistake: `until` is not compared with it as well
        }

        if (!TakesUntil(lever.GetType()) && bound.WasGiven(until))
            ErrorAtKey(until, $"a {lever.Type} has no '{UntilKey}': the cohort's service life ({ServiceLifeKey}) governs how long it lasts");
        else if (lever.Until is { } end && atKnown && !bound.Failed.Contains(until) && end < lever.At)
            Error(until, $"{UntilKey} {end} is before {AtKey} {lever.At}; a lever applies from {AtKey} through {UntilKey}, both included");

        // Any lever member named `sector` targets a sector by name.
        foreach (var (key, property) in ScenarioNames.KeysOf(lever.GetType()))
            if (key == Of(nameof(SalaryTopup.Sector)) && property.GetValue(lever) is string sector && sectorsUsable)
                CheckSectorName(s, sector, $"{path}.{key}", atKey: false);

        switch (lever)
        {
            case SalaryTopup topup:
                string amount = $"{path}.{Of(nameof(SalaryTopup.AmountKrwPerYear))}", percent = $"{path}.{Of(nameof(SalaryTopup.Percent))}";
                if (topup.AmountKrwPerYear == 0 && topup.Percent == 0 && !bound.Failed.Contains(amount) && !bound.Failed.Contains(percent))
                    Error(path, $"a {lever.Type} needs {Of(nameof(SalaryTopup.AmountKrwPerYear))} or {Of(nameof(SalaryTopup.Percent))} above 0; it gives neither");
                break;
            case Education { GraduationDegrees: { } degrees }:
                CheckSum($"{path}.{Of(nameof(Education.GraduationDegrees))}", degrees);
                break;
            case GpuImport import:
                CheckMix(import, $"{path}.{Of(nameof(GpuImport.Mix))}");
                if (sectorsUsable) CheckSectorShares(s, import, $"{path}.{Of(nameof(GpuImport.SectorShares))}");
                break;
        }
    }

    private void CheckMix(GpuImport import, string path)
    {
        if (bound.Failed.Contains(path)) return;
        if (import.Mix.Length == 0)
        {
            Error(path, "the mix needs at least one GPU model");
            return;
        }
        string share = Of(nameof(GpuModelShare.Share));
        bool anyFailed = Enumerable.Range(0, import.Mix.Length)
            .Any(i => bound.Failed.Contains($"{path}[{i}]") || bound.Failed.Contains($"{path}[{i}].{share}"));
        if (!anyFailed)
            CheckSum(path, import.Mix.Select(m => (m.Model, m.Share)).ToList(), "the mix's shares");
    }

    private void CheckSectorShares(Scenario s, GpuImport import, string path)
    {
        string key = path[(path.LastIndexOf('.') + 1)..];
        if (!bound.WasGiven(path))
        {
            // A misspelt sector_shares was reported as an unknown key suggesting it.
            if (bound.Failed.Contains(path)) return;
            Error(path, $"a {import.Type} needs {key}: the share of its compute going to each sector, " +
                        $"such as {{{string.Join(", ", s.Sectors.Select(x => Shown.Text(x.Name) + ": ..."))}}}");
            return;
        }
        if (bound.Failed.Contains(path)) return;
        bool valuesOk = !bound.Failed.Any(f => f.StartsWith(path + ".", StringComparison.Ordinal));
        if (import.SectorShares.Count == 0 && valuesOk)
        {
            Error(path, $"{key} is empty; give the share of at least one sector");
            return;
        }
        bool namesOk = true;
        if (bound.NodeFor(path) is SourceMapping map)
            foreach (var (keyNode, _) in map.Entries)
                if (!CheckSectorName(s, keyNode.Value, SourceTreeReader.Join(path, keyNode.Value), atKey: true))
                    namesOk = false;
        // Sectors left out get no share of the cohort (they count 0 in the sum).
        if (namesOk && valuesOk)
            CheckSum(path, import.SectorShares.OrderBy(kv => s.SectorIndex(kv.Key)).Select(kv => (kv.Key, kv.Value)).ToList(), "the sector shares");
    }

    private bool CheckSectorName(Scenario s, string name, string path, bool atKey)
    {
        if (s.SectorIndex(name) >= 0) return true;
        var names = s.Sectors.Select(x => x.Name).ToList();
        string near = KeySuggestions.Closest(name, names) is { } n ? $"; did you mean '{Shown.Text(n)}'?" : "";
        string message = $"'{Shown.Text(name)}' is not a sector{near} (the sectors are: {string.Join(", ", names.Select(x => Shown.Text(x)))})";
        if (atKey) ErrorAtKey(path, message);
        else Error(path, message);
        return false;
    }

    private void Error(string path, string message) => errors.Add(bound.NodeFor(path), path, message);

    private void ErrorAtKey(string path, string message) => errors.Add(bound.KeyNodeFor(path), path, message);
}
