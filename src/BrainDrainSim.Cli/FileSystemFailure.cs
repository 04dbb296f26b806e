namespace BrainDrainSim.Cli;

/// <summary>
/// A failure of the file system rather than of the input or the program: a full disk, a used-up quota, a
/// read-only disk, a folder that may not be written, a disk error, no file handles left. Recognised by the errno
/// that .NET carries, as measured on Linux with .NET 10: an <see cref="IOException"/> has the errno in its HResult
/// (28 for a full tmpfs, 30 after a read-only remount, 24 past ulimit -n, for opening, writing, creating a folder
/// and renaming alike), and a denied permission is an <see cref="UnauthorizedAccessException"/> whose inner
/// IOException has HResult 13, except for a rename, a plain IOException with HResult 13. Any other exception is
/// not one of these (it stays "internal error", a bug, or a mistake in the input).
/// </summary>
internal sealed record FileSystemFailure(int Errno, string Reason, string Problem, string Fix)
{
    private const int Eacces = 13;

    // EDQUOT is 122 on Linux and 69 on macOS and the BSDs; the other numbers here are the same on all three.
    private static readonly int Edquot = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 69 : 122;

    private const string WriteElsewhere = "write elsewhere with --out";

    private static readonly Dictionary<int, FileSystemFailure> Known = new FileSystemFailure[]
    {
        new(28, "No space left on device", "the disk is full", "free some space, or " + WriteElsewhere),
        new(Edquot, "Disk quota exceeded", "your disk quota is used up", "free some space within your quota, or " + WriteElsewhere),
        new(30, "Read-only file system", "the disk is read-only", WriteElsewhere + ", or remount the disk read-write"),
        new(Eacces, "Permission denied", "permission to write was denied", WriteElsewhere + ", or get permission to write in {0}"),
        new(1, "Operation not permitted", "the operation was not permitted", WriteElsewhere + ", or get permission to write in {0}"),
        new(5, "Input/output error", "the disk reported an error", "check the disk (the system log says more: dmesg or journalctl -k), then run again or " + WriteElsewhere),
        new(24, "Too many open files", "the process may open no more files", "raise the limit on open files (ulimit -n) and run again"),
        new(23, "Too many open files in system", "the system may open no more files", "close other programs, or raise the system's limit (fs.file-max), and run again"),
    }.ToDictionary(f => f.Errno);

    /// <summary>What the file system's failure was, if <paramref name="e"/> (or an exception inside it) is one; otherwise null.</summary>
    public static FileSystemFailure? Of(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        bool denied = false;
        for (var x = e; x is not null; x = x.InnerException)
        {
            // On Unix an errno is a small positive number; on Windows HResults are negative, so nothing matches by mistake.
            if (x is IOException && x.HResult is > 0 and < 4096 && Known.TryGetValue(x.HResult, out var known)) return known;
            denied |= x is UnauthorizedAccessException;
        }
        return denied ? Known[Eacces] : null;
    }

    /// <summary>The remedy, naming <paramref name="folder"/> where the remedy concerns a folder's permissions.</summary>
    public string FixFor(string folder) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Fix, folder);
}
