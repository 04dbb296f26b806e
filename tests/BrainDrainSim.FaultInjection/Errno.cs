namespace BrainDrainSim.FaultInjection;

/// <summary>
/// The exceptions .NET throws for file-system failures on Linux, in the shapes measured with .NET 10 on a full
/// tmpfs, a read-only remount, a folder the user may not write and past ulimit -n: an <see cref="IOException"/>
/// whose HResult is the errno and whose message is "REASON : 'PATH'"; for EACCES and EPERM an
/// <see cref="UnauthorizedAccessException"/> wrapping an IOException whose HResult is the errno.
/// </summary>
internal static class Errno
{
    private static readonly Dictionary<string, (int Number, string Reason)> Known = new(StringComparer.Ordinal)
    {
        ["EPERM"] = (1, "Operation not permitted"),
        ["EIO"] = (5, "Input/output error"),
        ["EACCES"] = (13, "Permission denied"),
        ["ENFILE"] = (23, "Too many open files in system"),
        ["EMFILE"] = (24, "Too many open files"),
        ["ENOSPC"] = (28, "No space left on device"),
        ["EROFS"] = (30, "Read-only file system"),
        ["EDQUOT"] = (122, "Disk quota exceeded"),
    };

    public static Exception Exception(string name, string path)
    {
        if (!Known.TryGetValue(name, out var errno)) throw new ArgumentException($"unknown errno name '{name}'; known: {string.Join(", ", Known.Keys)}");
        return name is "EACCES" or "EPERM"
            ? new UnauthorizedAccessException($"Access to the path '{path}' is denied.", new IOException(errno.Reason, errno.Number))
            : new IOException($"{errno.Reason} : '{path}'", errno.Number);
    }
}
