using System.Diagnostics;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// A small tmpfs mounted for one test, to give a real `braindrain` a real full or read-only disk; unmounted and
/// its mount point removed when disposed, whatever the test did. Mounting needs Linux, root and a mount(2) the
/// container allows: <see cref="WhyNot"/> says, once per test run, which is missing (null when mounting works).
/// </summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Free bytes as the file system reports them (statvfs).</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Why a tmpfs cannot be mounted and remounted read-only here, or null if it can.</summary>
    public static string? WhyNot => Probe.Value;

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "mounting a tmpfs needs Linux";
        if (!Environment.IsPrivilegedProcess) return "mounting a tmpfs needs root (the tests run as an unprivileged user)";
        try
        {
            using var probe = Mount(64 * 1024);
            probe.ReadOnly();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"mounting a tmpfs is not allowed here (a container without CAP_SYS_ADMIN?): {e.Message}";
        }
    });

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes on a new folder under the system's temp folder.</summary>
    public static Tmpfs Mount(long bytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "braindrain-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        try
        {
            Run("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0755", "tmpfs", path);
        }
        catch
        {
            Directory.Delete(path);
            throw;
        }
        return new Tmpfs(path);
    }

    public void ReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void ReadWrite() => Run("mount", "-o", "remount,rw", Path);

    /// <summary>Fills the disk with a file of zeros until at most <paramref name="leave"/> bytes are free.</summary>
    public void Fill(long leave)
    {
        long size = Math.Max(0, FreeBytes - leave);
        using (var stream = new FileStream(System.IO.Path.Combine(Path, "fill"), FileMode.Create, FileAccess.Write))
        {
            var block = new byte[4096];
            for (long written = 0; written < size; written += block.Length) stream.Write(block, 0, (int)Math.Min(block.Length, size - written));
        }
        if (FreeBytes > leave) throw new InvalidOperationException($"{FreeBytes} bytes free after filling, more than {leave}");
    }

    public void Dispose()
    {
        // A process still using the disk (a test that failed half-way) must not keep it mounted: detach it lazily then.
        try { Run("umount", Path); }
        catch (InvalidOperationException) { Run("umount", "-l", Path); }
        Directory.Delete(Path);
    }

    private static void Run(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
        string stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Trim().ReplaceLineEndings(" ")}");
    }
}
