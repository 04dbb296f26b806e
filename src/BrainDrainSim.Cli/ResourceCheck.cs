using System.Globalization;
using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;

namespace BrainDrainSim.Cli;

/// <summary>
/// Limits before work: a run whose estimated peak memory would not fit the machine, or whose conservative
/// time estimate is absurd, is refused (exit 2) before anything runs or is written, with what to change.
/// A long but sane run gets its time estimate printed first.
/// </summary>
internal static class ResourceCheck
{
    /// <summary>The share of the memory available to the process that a run may plan to use; the rest is headroom.</summary>
    public const double MemoryShare = 0.8;

    /// <summary>Runs estimated (conservatively) to take longer are refused.</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromDays(30);

    /// <summary>Runs estimated to take longer get the estimate printed.</summary>
    public static readonly TimeSpan ShowTime = TimeSpan.FromMinutes(1);

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Throws <see cref="UserInputException"/> when the ensembles cannot run here; prints a long run's time estimate to <paramref name="notes"/>.</summary>
    public static void Enforce(IReadOnlyList<ValidatedScenario> scenarios, EnsembleOptions.Values o, TextWriter notes)
    {
        var e = ResourceEstimate.For(scenarios.Select(s => s.Scenario).ToArray(), o.Runs, o.Threads, Environment.ProcessorCount);
        var problems = new List<string>();
        if (e.EngineLimit is { } limit) problems.Add(EngineLimitMessage(e, limit));
        else
        {
            double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            double budget = MemoryShare * available;
            if (e.PeakBytes > budget) problems.Add(MemoryMessage(e, budget, available));
        }
        if (e.Seconds > MaxTime.TotalSeconds) problems.Add(TimeMessage(e));
        if (problems.Count > 0)
            throw new UserInputException(string.Join(Environment.NewLine + "error: ", problems) + Environment.NewLine + "Nothing was run or written.");
        if (e.Seconds > ShowTime.TotalSeconds)
            notes.WriteLine(string.Create(Ci, $"estimated time: up to about {Duration(e.Seconds)} ({Sci(e.AgentSteps)} agent-steps on {e.BusyThreads} thread{(e.BusyThreads == 1 ? "" : "s")}, "
                + $"peak memory about {Bytes(e.PeakBytes)}); Ctrl-C stops it and writes nothing."));
    }

    private static string EngineLimitMessage(ResourceEstimate e, string limit)
    {
        var s = e.Scenarios.MaxBy(x => x.Agents * Math.Max(x.PeersPerResearcher, 1))!;
        double ties = s.Agents * Math.Max(s.PeersPerResearcher, 1);
        long scale = (long)Math.Ceiling(s.AgentScale * ties / ResourceEstimate.MaxTies * 1.01);
        return limit + ". Raise agent_scale to at least " + scale.ToString("N0", Ci)
            + (s.PeersPerResearcher > 1 ? ", or give fewer network.peers_per_researcher" : "")
            + (s.Entrants > 0 ? ", fewer careers.annual_graduates or fewer months" : "") + ".";
    }

    private static string MemoryMessage(ResourceEstimate e, double budget, double available)
    {
        var s = e.Largest;
        var parts = new List<string>();
        int runs = e.MaxRunsWithin(budget);
        if (runs >= 1 && runs < e.Runs) parts.Add(string.Create(Ci, $"fewer --runs (at most {runs:N0} fit)"));
        int threads = e.MaxThreadsWithin(budget);
        if (threads >= 1 && threads < e.ConcurrentReplications) parts.Add(string.Create(Ci, $"fewer --threads (at most {threads} fit)"));
        double roomForPopulations = budget - e.ResultBytes - e.FixedBytes;
        if (roomForPopulations > 0 && e.PopulationBytes > 0)
        {
            long scale = (long)Math.Ceiling(s.AgentScale * e.PopulationBytes / roomForPopulations * 1.05);
            if (scale > s.AgentScale && scale <= 1_000_000) parts.Add(string.Create(Ci, $"a larger agent_scale (at least {scale:N0})"));
        }
        // Months lengthen every run's series and bring more entrants.
        if (e.ResultBytes > 0.1 * e.PeakBytes || s.Entrants > 0.1 * s.Agents || parts.Count == 0) parts.Add("fewer months");
        string scenarios = e.Scenarios.Count == 1 ? "" : string.Create(Ci, $" x {e.Scenarios.Count} scenarios");
        return string.Create(Ci, $"this run would need about {Bytes(e.PeakBytes)} of memory at its peak, more than the {Bytes(budget)} it may use here "
            + $"({MemoryShare * 100:F0}% of the {Bytes(available)} available): results {e.Runs:N0} runs{scenarios} x {s.Months:N0} months = {Bytes(e.ResultBytes)}; "
            + $"replications {e.ConcurrentReplications} at a time x {s.Agents:N0} agents ({s.Name}, initial and scheduled entrants) = {Bytes(e.PopulationBytes)}. "
            + $"To fit, use {JoinOr(parts)}.");
    }

    private static string TimeMessage(ResourceEstimate e)
    {
        double perRun = e.Seconds * e.BusyThreads / e.Runs;
        long runs = (long)Math.Floor(MaxTime.TotalSeconds * e.BusyThreads / perRun);
        var parts = new List<string>();
        if (runs >= 1) parts.Add(string.Create(Ci, $"fewer --runs (at most {runs:N0} in {MaxTime.TotalDays:F0} days)"));
        parts.Add("a larger agent_scale");
        parts.Add("fewer months");
        if (e.BusyThreads < Environment.ProcessorCount && e.BusyThreads < e.Runs)
            parts.Add(string.Create(Ci, $"more --threads (this machine has {Environment.ProcessorCount} cores)"));
        return string.Create(Ci, $"this run would take about {Duration(e.Seconds)} ({Sci(e.AgentSteps)} agent-steps on {e.BusyThreads} thread{(e.BusyThreads == 1 ? "" : "s")} "
            + $"at a conservative {Sci(ResourceEstimate.AgentStepsPerSecondPerThread)} per second each, plus setup); runs estimated over {MaxTime.TotalDays:F0} days are refused. "
            + $"Use {JoinOr(parts)}.");
    }

    /// <summary>A count in short scientific notation: 2.4e14.</summary>
    private static string Sci(double v) => v.ToString("0.#e0", Ci);

    private static string JoinOr(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1];

    /// <summary>Bytes in decimal units, three significant figures: 563 MB, 1.98 GB.</summary>
    public static string Bytes(double bytes)
    {
        string[] units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"];
        int u = 0;
        while (bytes >= 999.5 && u < units.Length - 1) { bytes /= 1000; u++; }
        return (u == 0 ? bytes.ToString("F0", Ci) : bytes.ToString(bytes < 9.995 ? "F2" : bytes < 99.95 ? "F1" : "F0", Ci)) + " " + units[u];
    }

    /// <summary>A duration in the largest sensible unit: 45 s, 12 min, 3.4 hours, 9.1 days, 2.3 years.</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 90 => string.Create(Ci, $"{seconds:F0} s"),
        < 90 * 60 => string.Create(Ci, $"{seconds / 60:F0} min"),
        < 48 * 3600 => string.Create(Ci, $"{seconds / 3600:F1} hours"),
        < 730 * 86400 => string.Create(Ci, $"{seconds / 86400:F1} days"),
        _ => string.Create(Ci, $"{seconds / (365.25 * 86400):G3} years"),
    };
}
