using System.Runtime.ExceptionServices;

namespace BrainDrainSim.Reporting;

/// <summary>
/// Runs independent pieces of work (drawing a chart, formatting a CSV file in memory) on the cores the process may
/// use. Each piece keeps its results to itself, so they never depend on which piece ran first or on which thread;
/// and a failure comes out as the exception of the first failing piece in the order given, unwrapped, whatever the
/// timing. The pieces write no file: callers write the results one at a time, in a fixed order, after.
/// </summary>
internal static class Concurrently
{
    public static void Run(IReadOnlyList<Action> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var failures = new Exception?[work.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, work.Count, options, i =>
        {
            try
            {
                work[i]();
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        foreach (var failure in failures)
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }
}
