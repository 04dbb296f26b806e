using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using BrainDrainSim.Reporting;

namespace BrainDrainSim.Cli;

/// <summary>
/// A results folder is whole or absent. Results are written into a staging folder beside the target,
/// <c>.NAME.tmp-PID-GUID</c>, and renamed into place at the end. An existing folder is replaced only with
/// --force, and then so that some whole results folder is on disk at every instant: on Linux the two folders
/// swap places in one atomic rename (renameat2 RENAME_EXCHANGE) and the old one is deleted after; elsewhere
/// the old folder is first moved aside to <c>.NAME.old-PID-GUID</c>, the new one moved in, the old one
/// deleted. A run killed outright (SIGKILL, a power cut) leaves at most such folders: the next run for the
/// same target removes those whose process is gone, and if it finds the target missing but an old folder
/// moved aside, puts that back. A folder whose process is alive is never touched.
/// </summary>
internal sealed partial class OutputFolder
{
    private static OutputFolder? s_active; // the staging folder not yet renamed into place or given up (under Interruption.Gate)

    private OutputFolder(string target, string staging, bool force)
    {
        Target = target;
        Staging = staging;
        Force = force;
    }

    public string Target { get; }
    public string Staging { get; }
    public bool Force { get; }

    /// <summary>True once some results folder has been renamed into place by this process.</summary>
    public static bool AnyCommitted { get; private set; }

    /// <summary>
    /// Checks the target and creates the staging folder beside it, after removing stale temporary folders of the
    /// same target. Call it after every input check, so that refused input writes nothing.
    /// </summary>
    public static OutputFolder Prepare(string target, bool force, TextWriter notes)
    {
        if (string.IsNullOrWhiteSpace(target)) throw new UserInputException("--out needs the path of a folder, not an empty value.");
        try
        {
            target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UserInputException($"--out '{target}' is not a usable folder path: {e.Message}");
        }
        if (File.Exists(target)) throw new UserInputException($"--out {target} is a file, not a folder.");
        // A link to a folder: stage beside, and replace, the folder it points to, never the link itself.
        if (Directory.Exists(target) && new DirectoryInfo(target).ResolveLinkTarget(returnFinalTarget: true) is { } real)
            target = Path.TrimEndingDirectorySeparator(real.FullName);
        var parent = Path.GetDirectoryName(target);
        var name = Path.GetFileName(target);
        if (parent is null || name.Length == 0) throw new UserInputException($"--out {target} is not a folder that can be replaced; choose a folder below it.");

        if (Directory.Exists(parent)) RecoverStale(parent, name, target, notes);
        if (Directory.Exists(target) && !force)
            throw new UserInputException($"{target} already exists; pass --force to replace it, or choose another --out.");

        var staging = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        lock (Interruption.Gate)
        {
            Interruption.Token.ThrowIfCancellationRequested();
            try
            {
                Directory.CreateDirectory(parent);
                Directory.CreateDirectory(staging);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full or read-only disk, a folder that may not be written: the same failure as while writing, and
                // the same answer (exit 74), whenever it shows. Anything else (a part of the path is a file) is the
                // path the user gave.
                if (FileSystemFailure.Of(e) is { } failure)
                {
                    throw new OutputFailureException($"cannot create the output folder {target}: {failure.Problem} ({failure.Reason}); "
                        + $"{failure.FixFor(parent)}. Nothing was run or written.", e);
                }
                throw new UserInputException($"cannot create the output folder {target}: {e.Message}");
            }
            var folder = new OutputFolder(target, staging, force);
            s_active = folder;
            return folder;
        }
    }

    /// <summary>
    /// Renames the staging folder into place, unless a signal has come (then it throws
    /// <see cref="OperationCanceledException"/> and the caller abandons the folder). After this the results stay.
    /// </summary>
    public void Commit()
    {
        string? old;
        lock (Interruption.Gate)
        {
            Interruption.Token.ThrowIfCancellationRequested();
            old = MoveIntoPlace();
            s_active = null;
            AnyCommitted = true;
        }
        if (old is not null) DeleteQuietly(old);
    }

    /// <summary>Puts the staging folder at the target; returns the folder now holding the replaced results, if any.</summary>
    private string? MoveIntoPlace()
    {
        if (!Directory.Exists(Target))
        {
            Directory.Move(Staging, Target);
            return null;
        }
        if (!Force)
            throw new UserInputException($"{Target} was created while this run was running; pass --force to replace it, or choose another --out.");
        // One atomic swap: the target always holds whole results, the old ones or the new.
        if (TryExchange(Staging, Target)) return Staging;
        // Elsewhere: old aside, new in, so that a crash in between leaves the old folder to be put back.
        var aside = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.Move(Target, aside);
        try
        {
            Directory.Move(Staging, Target);
        }
        catch
        {
            Directory.Move(aside, Target);
            throw;
        }
        return aside;
    }

    /// <summary>
    /// Writes the results into the staging folder with <paramref name="write"/>, then renames them into place;
    /// if anything fails or is interrupted on the way, the staging folder is given up and nothing is left. A
    /// failure of the file system (an output file that cannot be written, a rename refused) comes out as an
    /// <see cref="OutputFailureException"/> saying so; anything else comes out as it was thrown.
    /// </summary>
    public T Fill<T>(Func<string, T> write)
    {
        bool movingIntoPlace = false;
        try
        {
            var written = write(Staging);
            movingIntoPlace = true;
            Commit();
            return written;
        }
        catch (Exception e)
        {
            Abandon();
            // While writing, only the output files' own failures are the file system's (the reporting code's write
            // seam names them); an IOException from anywhere else (the console, say) is not about the results folder.
            var failure = movingIntoPlace || e is OutputFileException ? FileSystemFailure.Of(e) : null;
            if (failure is null) throw;
            string what = e is OutputFileException file && !movingIntoPlace
                ? $"cannot write {Path.GetFileName(file.FilePath)} in {Target}"
                : $"cannot move the results into {Target}";
            throw new OutputFailureException($"{what}: {failure.Problem} ({failure.Reason}); "
                + $"{failure.FixFor(Path.GetDirectoryName(Target)!)}. {WhatIsLeft(movingIntoPlace)}", e);
        }
    }

    /// <summary>
    /// After <see cref="Abandon"/>: what is left. Normally nothing (and an existing target as it was); but a read-only
    /// disk refuses to delete the staging folder too, which is then named, with the whole results in it if the
    /// failure was the rename. The next run for this folder deletes it (RecoverStale) once the disk allows.
    /// </summary>
    private string WhatIsLeft(bool movingIntoPlace)
    {
        bool existing = Directory.Exists(Target);
        string kept = existing ? $"; {Target} is as it was" : "";
        string staging = Path.GetFileName(Staging);
        if (!Directory.Exists(Staging)) return $"Nothing was written{kept}.";
        if (!movingIntoPlace)
            return $"Nothing was written{kept}; the unfinished folder {staging} beside it could not be deleted: "
                + "delete it, or the next run for this folder will once the disk allows.";
        return $"{(existing ? $"{Target} is as it was" : $"{Target} was not created")}; the finished results are in {staging} beside it, "
            + "which could not be deleted: take them from there, or delete it (the next run for this folder will once the disk allows).";
    }

    /// <summary>Deletes the staging folder (best effort: the next run removes what is left).</summary>
    public void Abandon()
    {
        lock (Interruption.Gate)
        {
            if (ReferenceEquals(s_active, this)) s_active = null;
        }
        DeleteQuietly(Staging);
    }

    /// <summary>Deletes the staging folder of the command in progress, if any (the process is about to end).</summary>
    public static void AbandonActive()
    {
        var active = s_active;
        s_active = null;
        if (active is not null) DeleteQuietly(active.Staging);
    }

    /// <summary>Deletes a folder, retrying while a worker that is being abandoned may still add a file to it.</summary>
    private static void DeleteQuietly(string path)
    {
        for (int attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException) { return; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Thread.Sleep(20); }
        }
    }

    [GeneratedRegex(@"^\.(?<name>.+)\.(?<kind>tmp|old)-(?<pid>[0-9]{1,10})-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex LeftoverName();

    /// <summary>
    /// Removes the temporary folders of <paramref name="name"/> whose process is gone, and puts back an old
    /// results folder moved aside by a replacement that did not finish when the target is missing.
    /// </summary>
    private static void RecoverStale(string parent, string name, string target, TextWriter notes)
    {
        string[] candidates;
        try { candidates = Directory.GetDirectories(parent, "." + "*"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var dir in candidates.OrderBy(d => d, StringComparer.Ordinal))
        {
            var m = LeftoverName().Match(Path.GetFileName(dir));
            if (!m.Success || m.Groups["name"].Value != name) continue;
            if (!int.TryParse(m.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) pid = -1;
            if (pid == Environment.ProcessId || IsAlive(pid, dir)) continue;
            if (m.Groups["kind"].Value == "old" && !Directory.Exists(target))
            {
                try
                {
                    Directory.Move(dir, target);
                    notes.WriteLine($"note: put back {target} from {Path.GetFileName(dir)}, left by a replacement that was interrupted");
                    continue;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            }
            DeleteQuietly(dir);
            if (!Directory.Exists(dir)) notes.WriteLine($"note: removed {Path.GetFileName(dir)}, left by an earlier run (process {pid}) that did not finish");
        }
    }

    /// <summary>
    /// Whether process <paramref name="pid"/> may still own <paramref name="folder"/>: it runs, and it started
    /// before the folder was last written (a process id can be reused by a later process). When in doubt, yes.
    /// </summary>
    private static bool IsAlive(int pid, string folder)
    {
        if (pid <= 0) return false;
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.HasExited) return false;
            return p.StartTime.ToUniversalTime() <= Directory.GetLastWriteTimeUtc(folder).AddSeconds(2);
        }
        catch (ArgumentException) { return false; } // no such process
        catch (InvalidOperationException) { return false; } // it has just exited
        catch (Exception) { return true; }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    /// <summary>Swaps two folders in one atomic step (Linux 3.15+, glibc 2.28+); false where that is not available.</summary>
    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }
}
