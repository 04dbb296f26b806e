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
        if (string.IsNullOrWhiteSpace(target)) throw new UserInputException("--out needs the path of a folder, not an empty value.");
        try
        {
            target = Path.GetFullPath(target);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException($"--out '{target}' is not a usable folder path: {e.Message}");
        }
        if (File.Exists(target)) throw new UserInputException($"--out {target} is a file, not a folder.");
        if (Directory.Exists(target) && !force)
            throw new UserInputException($"{target} already exists; pass --force to replace it, or choose another --out.");
        var parent = Path.GetDirectoryName(target)!;
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A part of the path is a file, the disk is read-only, a folder may not be written...: the user's to fix.
            throw new UserInputException($"cannot create the output folder {target}: {e.Message}");
        }
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
