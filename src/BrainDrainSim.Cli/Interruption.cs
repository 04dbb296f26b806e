using System.Runtime.InteropServices;

namespace BrainDrainSim.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM stop a run promptly and leave nothing behind. The signal cancels
/// <see cref="Token"/> instead of ending the process; the main thread, which does the long work only through
/// <see cref="Await{T}"/> (or <see cref="ProgressDisplay"/>), stops waiting at once, the command deletes its
/// staging folder, one line "interrupted: nothing was written" goes to stderr, and the exit code is 128 + the
/// signal's number: 130 for SIGINT, 143 for SIGTERM. The workers see the token before their next month and
/// stop; the process does not wait for them (they are background threads). The rename of the results into
/// place is the point of no return: it happens under <see cref="Gate"/> only if no signal has come, and a
/// signal after it changes nothing (the results are whole). A second signal ends the process at once, still
/// deleting the staging folder.
/// </summary>
internal static class Interruption
{
    public const string Message = "interrupted: nothing was written";

    private static readonly CancellationTokenSource Source = new();
    private static int s_signal;
    private static int s_count;
    private static int s_reported;

    /// <summary>Held while a staging folder is created, renamed into place or given up, so that a signal's decision never lands in between.</summary>
    public static object Gate { get; } = new();

    public static CancellationToken Token => Source.Token;

    public static bool Requested => Source.IsCancellationRequested;

    /// <summary>128 + the first signal's number: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int ExitCode => 128 + Volatile.Read(ref s_signal);

    /// <summary>The handlers, kept reachable for the life of the process (a collected registration stops handling its signal).</summary>
    public static IReadOnlyList<PosixSignalRegistration> Registrations { get; private set; } = [];

    /// <summary>
    /// Takes over SIGINT and SIGTERM for the life of the process. A signal ignored when the process started
    /// (SIGINT of a job started with &amp; by a non-interactive shell) stays ignored: the runtime leaves it so.
    /// </summary>
    public static void Install()
    {
        var registrations = new List<PosixSignalRegistration>();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try { registrations.Add(PosixSignalRegistration.Create(signal, Handle)); }
            catch (PlatformNotSupportedException) { /* the default handling stays: results are still whole or absent */ }
        }
        Registrations = registrations;
    }

    private static void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // no default termination: the command cleans up and chooses the exit code
        Interlocked.CompareExchange(ref s_signal, context.Signal == PosixSignal.SIGINT ? 2 : 15, 0);
        if (Interlocked.Increment(ref s_count) == 1)
        {
            Source.Cancel();
            return;
        }
        // A second signal: the user insists (or the first did not take). End now, off the signal thread.
        new Thread(ExitNow) { IsBackground = true, Name = "braindrain exit" }.Start();
    }

    private static void ExitNow()
    {
        lock (Gate)
        {
            if (OutputFolder.AnyCommitted) return; // the results are in place; the command is about to finish
            OutputFolder.AbandonActive();
        }
        Report();
        Environment.Exit(ExitCode);
    }

    /// <summary>Prints <see cref="Message"/> once, however many paths report the interruption.</summary>
    public static void Report()
    {
        if (Interlocked.Exchange(ref s_reported, 1) == 0) Console.Error.WriteLine(Message);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a worker and waits for it, or for a signal: then it throws
    /// <see cref="OperationCanceledException"/> at once and leaves the worker to stop on its own (or to be
    /// ended with the process). Exceptions of the work come out unwrapped.
    /// </summary>
    public static T Await<T>(Func<T> work)
    {
        Token.ThrowIfCancellationRequested();
        var task = Task.Run(work);
        try { task.Wait(Token); }
        catch (AggregateException) { /* GetResult below rethrows the work's own exception */ }
        Token.ThrowIfCancellationRequested();
        return task.GetAwaiter().GetResult();
    }

    /// <summary>True for the exceptions a cancelled ensemble throws (one cancellation, or several gathered by the parallel loop).</summary>
    public static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException a && a.Flatten().InnerExceptions.All(x => x is OperationCanceledException));
}
