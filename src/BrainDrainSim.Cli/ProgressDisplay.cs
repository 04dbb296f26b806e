using System.Diagnostics;
using Spectre.Console;

namespace BrainDrainSim.Cli;

/// <summary>
/// Shows progress on runs longer than a second: a Spectre.Console bar on a terminal, plain lines (at most
/// one every two seconds) when output is redirected, so logs stay readable. Short runs show nothing.
/// The work runs on a worker while the calling thread waits for it or for a signal
/// (<see cref="Interruption"/>): a signal ends the wait at once, clears the bar, and throws
/// <see cref="OperationCanceledException"/>; no progress line is printed after it.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public static T Run<T>(string label, int total, Func<IProgress<int>, T> work)
    {
        var cancel = Interruption.Token;
        cancel.ThrowIfCancellationRequested();
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            long lastPrint = 0;
            var gate = new object();
            return Interruption.Await(() => work(new SyncProgress(n =>
            {
                lock (gate)
                {
                    long ms = clock.ElapsedMilliseconds;
                    if (cancel.IsCancellationRequested || ms < Quiet.TotalMilliseconds || (ms - lastPrint < 2000 && n < total)) return;
                    lastPrint = ms;
                    Console.WriteLine($"{label}: {n}/{total} runs ({100.0 * n / total:F0}%), {ms / 1000.0:F1} s");
                }
            })));
        }

        int done = 0;
        var counter = new SyncProgress(v => Volatile.Write(ref done, v));
        var running = Task.Run(() => work(counter));
        if (!Finished(running, Quiet, cancel))
        {
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var bar = ctx.AddTask(label, maxValue: total);
                    while (!Finished(running, TimeSpan.FromMilliseconds(100), cancel)) bar.Value = Volatile.Read(ref done);
                    bar.Value = Volatile.Read(ref done);
                });
        }
        cancel.ThrowIfCancellationRequested();
        return running.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Waits; a failed task counts as finished (its exception is rethrown, unwrapped, by GetResult), and so
    /// does a signal (the caller then throws).
    /// </summary>
    private static bool Finished(Task task, TimeSpan wait, CancellationToken cancel)
    {
        try { return task.Wait(wait, cancel); }
        catch (AggregateException) { return true; }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { return true; }
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool and lag).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
