using System.Diagnostics;
using Spectre.Console;

namespace BrainDrainSim.Cli;

/// <summary>
/// Shows progress on runs longer than a second: a Spectre.Console bar on a terminal, plain lines
/// (at most one every two seconds) when output is redirected, so logs stay readable.
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(string label, int total, Func<IProgress<int>, T> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            long lastPrint = 0;
            var gate = new object();
            var reporter = new SyncProgress(done =>
            {
                lock (gate)
                {
                    long ms = clock.ElapsedMilliseconds;
                    if (ms < 1000 || (ms - lastPrint < 2000 && done < total)) return;
                    lastPrint = ms;
                    Console.WriteLine($"{label}: {done}/{total} runs ({100.0 * done / total:F0}%), {ms / 1000.0:F1} s");
                }
            });
            return work(reporter);
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(label, maxValue: total);
                result = work(new SyncProgress(done => task.Value = done));
            });
        return result;
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool and lag).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
