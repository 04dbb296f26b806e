using System.CommandLine;

namespace BrainDrainSim.Cli;

/// <summary>
/// The options every verb that runs ensembles shares (run, compare, sweep), defined once so that their
/// names, defaults and checks cannot drift apart.
/// </summary>
internal sealed class EnsembleOptions
{
    public Option<int> Runs { get; } = new("--runs", "-n") { Description = "Number of replications.", DefaultValueFactory = _ => 100 };
    public Option<ulong> Seed { get; } = new("--seed", "-s") { Description = "Master seed; replication i uses a seed derived from it and i.", DefaultValueFactory = _ => 1UL };
    public Option<int> Threads { get; } = new("--threads", "-t") { Description = "Worker threads (the output bytes do not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount };
    public Option<string?> Out { get; }
    public Option<bool> Force { get; } = new("--force") { Description = "Replace the output folder if it exists." };

    public EnsembleOptions(string defaultOut) =>
        Out = new Option<string?>("--out", "-o") { Description = $"Output folder (default: {defaultOut})." };

    public void AddTo(Command command)
    {
        command.Options.Add(Runs);
        command.Options.Add(Seed);
        command.Options.Add(Threads);
        command.Options.Add(Out);
        command.Options.Add(Force);
    }

    /// <summary>The most replications a command runs (per scenario): more would not pin down any figure better worth the wait.</summary>
    public const int MaxRuns = 1_000_000;

    /// <summary>The most worker threads: beyond any machine's cores, each holding a population.</summary>
    public const int MaxThreads = 1024;

    /// <summary>The values given, checked: a mistake is the user's, so it exits 2 with a message.</summary>
    public Values Read(ParseResult parse)
    {
        int runs = parse.GetValue(Runs), threads = parse.GetValue(Threads);
        if (runs < 1) throw new UserInputException($"--runs must be at least 1 (got {runs}).");
        if (runs > MaxRuns) throw new UserInputException($"--runs must be at most {MaxRuns:N0} (got {runs:N0}).");
        CheckThreads(threads);
        return new Values(runs, parse.GetValue(Seed), threads, parse.GetValue(Out), parse.GetValue(Force));
    }

    /// <summary>The check of <c>--threads</c>, for the verbs that take it without <c>--runs</c> (sensitivity) too.</summary>
    public static void CheckThreads(int threads)
    {
        if (threads < 1) throw new UserInputException($"--threads must be at least 1 (got {threads}).");
        if (threads > MaxThreads) throw new UserInputException($"--threads must be at most {MaxThreads:N0} (got {threads:N0}); this machine has {Environment.ProcessorCount} cores.");
    }

    public sealed record Values(int Runs, ulong Seed, int Threads, string? Out, bool Force);
}
