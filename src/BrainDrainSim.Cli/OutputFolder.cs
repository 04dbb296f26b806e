namespace BrainDrainSim.Cli;

/// <summary>
/// Results are written into a temporary folder beside the target and renamed into place at the end, so a
/// results folder is either whole or absent. An existing folder is replaced only with --force.
/// </summary>
internal sealed class OutputFolder
{
    private OutputFolder(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    public string Target { get; }
    public string Staging { get; }

    public static OutputFolder Prepare(string target, bool force)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target)) throw new UserInputException($"--out {target} is a file, not a folder.");
        if (Directory.Exists(target) && !force)
            throw new UserInputException($"{target} already exists; pass --force to replace it, or choose another --out.");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new OutputFolder(target, staging);
    }

    public void Commit()
    {
        if (Directory.Exists(Target)) Directory.Delete(Target, recursive: true);
        Directory.Move(Staging, Target);
    }

    public void Abandon()
    {
        try { if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true); }
        catch (IOException) { /* best effort: the next run ignores stale temporary folders */ }
    }
}
