using BrainDrainSim.Engine;
using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.MonteCarlo;

/// <summary>
/// What an ensemble will need, estimated from the scenarios' sizes before anything runs, so that a run that
/// cannot fit is refused at once instead of failing hours in. Several scenarios (compare, sweep) run one after
/// another: their replications never coexist, but every run's results are kept until the outputs are written.
/// <para>
/// Peak memory = min(threads, runs) x (one replication's population, network, scratch and setup garbage)
/// + runs x (each run's series of every scenario) + the cross-run statistics + the process itself, where a
/// replication holds <see cref="PopulationBytesPerResearcher"/> for each of its agents (initial ones plus
/// every scheduled entrant, after <c>agent_scale</c>). Checked against peak resident memory
/// (<c>/usr/bin/time -v</c>, Release build, 2 cores, 23 GB) of the reference workload at 1 million researchers
/// (K = 10, 120 months, no entrants): 1 run on 1 thread measured 256 MB, estimated 273 MB (+7%); 2 runs on 2
/// threads 441 MB, estimated 464 MB (+5%); 4 runs on 1 thread 319 MB, estimated 329 MB (+3%); 10 runs on 2
/// threads 577 MB, estimated 577 MB (0%); and at 10 million researchers (benchmarks/README.md) 1 run measured
/// 1.93 GB, estimated 2.00 GB (+3%). Results-heavy (see <see cref="ResultGcFactor"/>): 38,000 runs of the
/// 30-month, 2,270-researcher scenario of the command tests (24 metrics) on 2 threads, estimated 431 MB, ran
/// to the end under a GC heap limit of 369 MB (DOTNET_GCHeapHardLimit, so the collector had to keep up) at
/// 443 MB resident, and peaked at 697 MB with no limit, where the collector lets garbage stand (with 18
/// metrics, 50,000 runs: estimated 432 MB, 436 MB under the limit, 709 MB without). ResourceEstimateTests
/// keeps the estimate within 15% of each of these.
/// </para>
/// <para>
/// Time is conservative: <see cref="AgentStepsPerSecondPerThread"/> is a third to a half of the measured
/// stepping rates, and setup is charged per agent, on min(threads, cores, runs) threads.
/// </para>
/// </summary>
public sealed record ResourceEstimate
{
    /// <summary>
    /// Bytes per agent of <see cref="Population"/>'s arrays, initial or entrant: 41 for the attributes, keys and
    /// pending events, plus 4 per tie (<see cref="Population.BytesPerResearcher"/>; a unit test sums the real arrays).
    /// </summary>
    public static long PopulationBytesPerResearcher(int peersPerResearcher) => Population.BytesPerResearcher(peersPerResearcher);

    /// <summary>
    /// Bytes per calendar entry: an int, and as much again for the slack of lists grown by doubling. Entries are
    /// never removed within a replication, so a replication holds one per event ever scheduled
    /// (<see cref="ScenarioSize.CalendarEntriesPerAgent"/>).
    /// </summary>
    public const double CalendarBytesPerEntry = 2 * sizeof(int);

    /// <summary>Who an entrant may tie to (kept only when the scenario has entrants): the list of all, two position arrays and the by-sector lists grown by doubling.</summary>
    public const int TieCandidateBytesPerResearcher = 20;

    /// <summary>
    /// Scratch of each replication's setup per initial researcher: the builder's copy of talent (8 bytes) and
    /// the sector positions (4), now rented from the shared array pool (kept between replications rather than
    /// collected), and the sector lists grown by doubling (up to 16, only when ties prefer the own sector).
    /// The measurements above were made when all of it was garbage left for the collector; the figure is kept
    /// as it was, an upper bound.
    /// </summary>
    public const int SetupGarbageBytesPerInitialResearcher = 28;

    /// <summary>Replications of setup garbage a thread accumulates at most before it is collected.</summary>
    public const int GarbageReplicationsPerThread = 2;

    /// <summary>A replication's fixed scratch (draw buffers, month terms, its own month plan), bytes.</summary>
    public const long ReplicationFixedBytes = 256 * 1024;

    /// <summary>A replication's own month plan, drawn when the scenario has uncertainty, per month.</summary>
    public const long PlanBytesPerMonth = 2048;

    /// <summary>The process without any ensemble: runtime, compiled code, fonts, chart rendering (a tiny run peaks at 73 MB).</summary>
    public const long ProcessBytes = 80_000_000;

    /// <summary>One metric-month's cross-run statistics (and, in a comparison, its paired statistics), per scenario.</summary>
    public const long SummaryBytesPerCell = 512;

    /// <summary>
    /// Growth of the heap over the live results, which pile up through the collector's generations: 5,048 bytes
    /// per run live (its series arrays, the record, its drawn values) for the test scenario with 18 metrics; a
    /// third more makes the estimate meet the peak measured when the collector is held to a heap limit (above).
    /// </summary>
    public const double ResultGcFactor = 1.35;

    /// <summary>Per run, the value columns the statistics copy and sort while the outputs are written.</summary>
    public const long OutputBytesPerRun = 64;

    /// <summary>A conservative stepping rate per thread (measured: 1e8 to 1.8e8 at 68,000 to 10 million researchers).</summary>
    public const double AgentStepsPerSecondPerThread = 5e7;

    /// <summary>A conservative setup time per agent without ties (measured 0.4 to 1 microsecond at K = 10), plus per tie.</summary>
    public const double SetupSecondsPerResearcher = 1e-6, SetupSecondsPerTie = 5e-8;

    /// <summary>The most ties (and agents) one replication can hold: its arrays are indexed by int.</summary>
    public const long MaxTies = 2_147_483_591; // Array.MaxLength

    /// <summary>Replications of each scenario.</summary>
    public required int Runs { get; init; }

    /// <summary>Worker threads asked for.</summary>
    public required int Threads { get; init; }

    /// <summary>Cores of the machine (<see cref="Environment.ProcessorCount"/> for this one).</summary>
    public required int Cores { get; init; }

    /// <summary>Threads that step at once: min(threads, cores, runs).</summary>
    public int BusyThreads => Math.Max(1, Math.Min(Math.Min(Threads, Math.Max(Cores, 1)), Runs));

    /// <summary>Replications in memory at once: min(threads, runs).</summary>
    public int ConcurrentReplications => Math.Max(1, Math.Min(Threads, Runs));

    /// <summary>The scenarios, in the order they run.</summary>
    public required IReadOnlyList<ScenarioSize> Scenarios { get; init; }

    /// <summary>The scenario whose replication needs the most memory.</summary>
    public ScenarioSize Largest => Scenarios.MaxBy(s => s.ReplicationBytes)!;

    /// <summary>Every replication in memory at once, with the garbage of earlier setups (bytes).</summary>
    public double PopulationBytes => ConcurrentReplications * Largest.ReplicationBytes
        + ConcurrentReplications * Math.Min(GarbageReplicationsPerThread, Math.Ceiling((double)Runs / ConcurrentReplications) - 1) * Largest.SetupGarbageBytes;

    /// <summary>One run's results over every scenario: kept until the outputs are written.</summary>
    public double BytesPerRun => ResultGcFactor * Scenarios.Sum(s => s.ResultBytesPerRun) + OutputBytesPerRun;

    /// <summary>All runs' results (bytes).</summary>
    public double ResultBytes => Runs * BytesPerRun;

    /// <summary>The process, the cross-run statistics of every scenario (bytes).</summary>
    public double FixedBytes => ProcessBytes + Scenarios.Sum(s => s.SummaryBytes);

    /// <summary>The estimated peak memory of the whole command (bytes).</summary>
    public double PeakBytes => PopulationBytes + ResultBytes + FixedBytes;

    /// <summary>Researcher-months stepped over every scenario (entrants counted from half the horizon on average).</summary>
    public double AgentSteps => Runs * Scenarios.Sum(s => s.AgentStepsPerRun);

    /// <summary>Conservative wall seconds: setup and stepping of every replication spread over the busy threads.</summary>
    public double Seconds => Runs * Scenarios.Sum(s => s.SecondsPerRun) / BusyThreads;

    /// <summary>Why the engine cannot hold a replication of some scenario at all, or null.</summary>
    public string? EngineLimit => Scenarios.Select(s => s.EngineLimit).FirstOrDefault(w => w is not null);

    /// <summary>The most runs that fit in <paramref name="bytes"/> with everything else as it is (0 if none).</summary>
    public int MaxRunsWithin(double bytes)
    {
        // Memory grows with runs through the results and, up to the thread count, through the populations:
        // search the largest run count that fits rather than invert the piecewise formula.
        if ((this with { Runs = 1 }).PeakBytes > bytes) return 0;
        int lo = 1, hi = 2;
        while (hi < int.MaxValue / 2 && (this with { Runs = hi }).PeakBytes <= bytes) { lo = hi; hi *= 2; }
        while (hi - lo > 1)
        {
            int mid = lo + (hi - lo) / 2;
            if ((this with { Runs = mid }).PeakBytes <= bytes) lo = mid;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The most threads whose replications fit in <paramref name="bytes"/> with everything else as it is (0 if not even one).</summary>
    /// <summary>The most threads whose peak fits in <paramref name="bytes"/> (0 when even one does not).</summary>
    public int MaxThreadsWithin(double bytes)
    {
        for (int t = ConcurrentReplications; t >= 1; t--)
            if ((this with { Threads = t }).PeakBytes <= bytes) return t;
        return 0;
    }

    /// <summary>The estimate for one scenario (see the overload for several).</summary>
    public static ResourceEstimate For(Scenario scenario, int runs, int threads, int cores) => For([scenario], runs, threads, cores);

    /// <summary>The estimate for <paramref name="scenarios"/> run one after another, each with <paramref name="runs"/> replications on <paramref name="threads"/> threads of a machine with <paramref name="cores"/> cores.</summary>
    public static ResourceEstimate For(IReadOnlyList<Scenario> scenarios, int runs, int threads, int cores)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count == 0) throw new ArgumentException("at least one scenario", nameof(scenarios));
        if (runs < 1) throw new ArgumentOutOfRangeException(nameof(runs), runs, "at least one run");
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "at least one thread");
        return new ResourceEstimate
        {
            Runs = runs,
            Threads = threads,
            Cores = cores,
            Scenarios = scenarios.Select(ScenarioSize.Of).ToArray(),
        };
    }

    /// <summary>One scenario's replication: its agents, and what one replication and one run's results cost.</summary>
    public sealed record ScenarioSize
    {
        /// <summary>The scenario's name.</summary>
        public required string Name { get; init; }

        /// <summary>Persons per agent.</summary>
        public required int AgentScale { get; init; }

        /// <summary>The horizon in months.</summary>
        public required int Months { get; init; }

        /// <summary>Ties per agent.</summary>
        public required int PeersPerResearcher { get; init; }

        /// <summary>Metrics a run records.</summary>
        public required int Metrics { get; init; }

        /// <summary>Agents at the start (after agent_scale).</summary>
        public required double InitialAgents { get; init; }

        /// <summary>Agents entering over the horizon (after agent_scale; with uncertain graduate numbers at their 1e-6 upper quantile).</summary>
        public required double Entrants { get; init; }

        /// <summary>Agents the replication's arrays hold: the initial ones plus every scheduled entrant.</summary>
        public double Agents => InitialAgents + Entrants;

        /// <summary>One replication in memory: its population, ties, event lists and month plan (bytes).</summary>
        public double ReplicationBytes => Agents * (PopulationBytesPerResearcher(PeersPerResearcher) + CalendarEntriesPerAgent * CalendarBytesPerEntry
                + (Entrants > 0 ? TieCandidateBytesPerResearcher : 0))
            + SetupGarbageBytes + ReplicationFixedBytes + (Uncertain ? Months * PlanBytesPerMonth : 0);

        /// <summary>
        /// Calendar entries an agent adds over the horizon: its three first waits, one entry per candidate decision
        /// (each schedules the next) and two per advancement (the new stage's exit and advancement), at the
        /// scenario's own rates (the largest of each kind).
        /// </summary>
        public required double CalendarEntriesPerAgent { get; init; }

        /// <summary>What building one replication leaves for the garbage collector (bytes).</summary>
        public double SetupGarbageBytes => InitialAgents * SetupGarbageBytesPerInitialResearcher;

        /// <summary>True when the scenario has uncertain quantities (each replication then builds its own month plan).</summary>
        public required bool Uncertain { get; init; }

        /// <summary>Uncertain quantities drawn per replication.</summary>
        public required int UncertainCount { get; init; }

        /// <summary>
        /// One run's live results: its series (Series[metric][month], each an array with its 24-byte header), the
        /// array of them, the record around them and the list of its drawn values (5,048 bytes for 18 metrics, 30
        /// months and one uncertain quantity; estimated 5,128; each further metric of 30 months adds 272).
        /// </summary>
        public double ResultBytesPerRun => Metrics * (24.0 + 8.0 * Months) + 24 + 8 * Metrics + 160 + 48 * UncertainCount;

        /// <summary>The cross-run statistics of every metric and month (bytes).</summary>
        public double SummaryBytes => Metrics * (double)Months * SummaryBytesPerCell;

        /// <summary>Researcher-months stepped in one run (entrants counted from half the horizon on average).</summary>
        public double AgentStepsPerRun => Months * (InitialAgents + Entrants / 2);

        /// <summary>A conservative estimate of one run's setup and stepping on one thread (seconds).</summary>
        public double SecondsPerRun => Agents * (SetupSecondsPerResearcher + SetupSecondsPerTie * PeersPerResearcher)
            + AgentStepsPerRun / AgentStepsPerSecondPerThread;

        /// <summary>Why the engine cannot hold one replication, or null.</summary>
        public string? EngineLimit
        {
            get
            {
                double ties = Agents * Math.Max(PeersPerResearcher, 1);
                if (ties <= MaxTies) return null;
                return $"a replication of {Name} would hold {Agents:N0} agents (initial and entrants after agent_scale {AgentScale:N0})"
                    + (PeersPerResearcher > 1 ? $" with {PeersPerResearcher} ties each, {ties:N0} ties" : "")
                    + $"; one replication holds at most {MaxTies:N0}";
            }
        }

        /// <summary>See <see cref="CalendarEntriesPerAgent"/>: advancements bounded by the stages left to the initial population at home.</summary>
        private static double CalendarEntries(Scenario scenario)
        {
            var c = scenario.Coefficients;
            var careers = scenario.Careers;
            var shares = scenario.Population.HomeStageShares;
            double fastest = 0;
            foreach (var stage in new[] { Stage.Student, Stage.Early, Stage.Mid })
                fastest = Math.Max(fastest, 1.0 / (12 * careers.DurationYears[stage]));
            double stagesLeft = 3 * shares.Student + 2 * shares.Early + shares.Mid;
            double advancements = Math.Min(stagesLeft, scenario.Months * fastest);
            return 3 + scenario.Months * Math.Max(c.LambdaOut, c.LambdaBack) + 2 * advancements;
        }

        /// <summary>The sizes of a run of the scenario (uncertain graduate numbers at their largest).</summary>
        public static ScenarioSize Of(Scenario scenario)
        {
            ArgumentNullException.ThrowIfNull(scenario);
            var (initial, entrants) = CountAgents(scenario);
            return new ScenarioSize
            {
                Name = scenario.Name,
                AgentScale = scenario.AgentScale,
                Months = scenario.Months,
                PeersPerResearcher = scenario.Network.PeersPerResearcher,
                Metrics = MetricCatalog.For(scenario).Count,
                InitialAgents = initial,
                Entrants = entrants,
                Uncertain = scenario.Uncertainty.Length > 0 || scenario.Posterior is not null,
                CalendarEntriesPerAgent = CalendarEntries(scenario),
                UncertainCount = scenario.Uncertainty.Length + (scenario.Posterior?.Paths.Count ?? 0),
            };
        }
    }

    /// <summary>
    /// Initial agents as the simulation rounds them, and entrants as the month plan schedules them, with every
    /// uncertain quantity that raises the number of graduates at its 1e-6 upper quantile (the loader keeps that
    /// quantile inside the bounds), and each such column of a posterior at its largest over the rows that can be
    /// drawn, so no replication holds more. A plan too large to schedule in whole numbers gets the closed-form upper
    /// bound instead (it is refused anyway).
    /// </summary>
    private static (double Initial, double Entrants) CountAgents(Scenario scenario)
    {
        static bool Counts(string path) => path == "careers.annual_graduates" || path.EndsWith(".graduates_multiplier", StringComparison.Ordinal) ||
                                           path is "population.at_home" or "population.abroad_us" or "population.abroad_other";
        var worst = scenario;
        foreach (var u in scenario.Uncertainty)
        {
            if (!Counts(u.Path)) continue;
            ScenarioPath.Check(scenario, u.Path, out var bounds);
            double v = UncertaintySampler.Quantile(u.Distribution, bounds, 1 - 1e-6);
            if (double.IsFinite(v)) worst = ScenarioPath.With(worst, u.Path, v);
        }
        // A posterior's rows: each count at its largest over the rows that can be drawn (weight above 0).
        if (scenario.Posterior is { } posterior)
            for (int c = 0; c < posterior.Paths.Count; c++)
            {
                if (!Counts(posterior.Paths[c])) continue;
                var drawable = Enumerable.Range(0, posterior.Rows.Count).Where(i => posterior.Weights[i] > 0).Select(i => posterior.Rows[i][c]).ToList();
                if (drawable.Count > 0) worst = ScenarioPath.With(worst, posterior.Paths[c], drawable.Max());
            }
        double scale = worst.AgentScale;
        double Scaled(int persons) => Math.Round(persons / scale, MidpointRounding.AwayFromZero);
        var p = worst.Population;
        double initial = Scaled(p.AtHome) + Scaled(p.AbroadUs) + Scaled(p.AbroadOther);

        double multiplier = worst.Levers.OfType<Education>().Aggregate(1.0, (m, e) => m * Math.Max(1, e.GraduatesMultiplier));
        // The timeline may raise the graduates of some months: the bound takes the most any month has.
        double graduates = worst.Timeline.Aggregate(worst.Careers.AnnualGraduates, (g, e) => Math.Max(g, e.AnnualGraduates ?? 0));
        double bound = graduates / 12 * multiplier / scale * worst.Months + 1;
        if (initial + bound > int.MaxValue / 2) return (initial, bound);
        double entrants = PolicySchedule.Build(Validation.ScenarioValidator.Validate(worst, "at the most graduates its uncertainty allows")).Sum(m => (long)m.Entrants);
        return (initial, entrants);
    }
}
