using System.Diagnostics;
using Spectre.Console;

namespace BrainDrainSim.Cli;

/// <summary>
/// Shows progress on runs longer than a second: a Spectre.Console bar on a terminal, plain lines (at most
/// one every two seconds) when output is redirected, so logs stay readable. Short runs show nothing.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public static T Run<T>(string label, int total, Func<IProgress<int>, T> work)
    {
        int done = 0;
        var counter = new SyncProgress(v => Volatile.Write(ref done, v));
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            long lastPrint = 0;
            var gate = new object();
            return work(new SyncProgress(n =>
            {
                lock (gate)
                {
                    long ms = clock.ElapsedMilliseconds;
                    if (ms < Quiet.TotalMilliseconds || (ms - lastPrint < 2000 && n < total)) return;
                    lastPrint = ms;
                    Console.WriteLine($"{label}: {n}/{total} runs ({100.0 * n / total:F0}%), {ms / 1000.0:F1} s");
                }
            }));
        }

        var running = Task.Run(() => work(counter));
        if (!Finished(running, Quiet))
        {
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var bar = ctx.AddTask(label, maxValue: total);
                    while (!Finished(running, TimeSpan.FromMilliseconds(100))) bar.Value = Volatile.Read(ref done);
                    bar.Value = Volatile.Read(ref done);
                });
        }
        return running.GetAwaiter().GetResult();
    }

    /// <summary>Waits; a failed task counts as finished (its exception is rethrown, unwrapped, by GetResult).</summary>
    private static bool Finished(Task task, TimeSpan wait)
    {
        try { return task.Wait(wait); }
        catch (AggregateException) { return true; }
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool and lag).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
