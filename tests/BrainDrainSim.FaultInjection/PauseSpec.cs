namespace BrainDrainSim.FaultInjection;

/// <summary>
/// A pause at one output file, from BRAINDRAIN_TEST_PAUSE: <c>before:FILE</c> (before the file is created) or
/// <c>after:FILE</c> (once it is written and closed). At the pause the hook creates <c>paused</c> in the folder
/// BRAINDRAIN_TEST_MARKERS names and waits until <c>go</c> appears there, so that a test can change the real file
/// system (remount it read-only) at a known point of the run. After <see cref="Guard"/> it goes on regardless, so
/// that a test that died cannot leave a process waiting for ever.
/// </summary>
internal sealed record PauseSpec(bool Before, string File, string Markers)
{
    public const string PauseVariable = "BRAINDRAIN_TEST_PAUSE";
    public const string MarkerVariable = "BRAINDRAIN_TEST_MARKERS";

    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    public static PauseSpec? Parse(string? text, string? markers)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string when = colon > 0 ? text[..colon] : "";
        if (when is not ("before" or "after") || string.IsNullOrEmpty(markers) || !Directory.Exists(markers))
            throw new ArgumentException($"{PauseVariable}='{text}' with {MarkerVariable}='{markers}': expected before:FILE or after:FILE and an existing folder");
        return new PauseSpec(when == "before", text[(colon + 1)..], markers);
    }

    public void Wait()
    {
        System.IO.File.WriteAllText(Path.Combine(Markers, "paused"), "");
        var go = Path.Combine(Markers, "go");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!System.IO.File.Exists(go) && clock.Elapsed < Guard) Thread.Sleep(10);
    }
}
