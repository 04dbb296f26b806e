using System.Globalization;

namespace BrainDrainSim.FaultInjection;

/// <summary>
/// A failure to play at one output file, from BRAINDRAIN_TEST_FAULT: <c>ERRNO@FILE</c> or <c>ERRNO@FILE+BYTES</c>,
/// such as <c>ENOSPC@summary.csv</c> or <c>EIO@runs.csv+1000</c>. FILE is the file's name (in any folder). ERRNO is
/// one of <see cref="Errno"/>'s names, or BUG for an exception that is no file-system failure (a program bug).
/// Failures of opening (EACCES, EPERM, EROFS, EMFILE, ENFILE, BUG) come when the file is created; failures of
/// writing (ENOSPC, EDQUOT, EIO) once BYTES bytes (default 0) are written, as a disk that fills up mid-file.
/// </summary>
internal sealed record FaultSpec(string Errno, string File, long AfterBytes)
{
    public const string FaultVariable = "BRAINDRAIN_TEST_FAULT";

    public bool AtOpen => Errno is "EACCES" or "EPERM" or "EROFS" or "EMFILE" or "ENFILE" or "BUG";

    public static FaultSpec? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0) throw new ArgumentException($"{FaultVariable}='{text}': expected ERRNO@FILE or ERRNO@FILE+BYTES");
        string errno = text[..at], file = text[(at + 1)..];
        long after = 0;
        int plus = file.LastIndexOf('+');
        if (plus > 0)
        {
            after = long.Parse(file[(plus + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            file = file[..plus];
        }
        if (errno != "BUG") _ = FaultInjection.Errno.Exception(errno, file); // an unknown name fails here, at start
        return new FaultSpec(errno, file, after);
    }

    /// <summary>The exception to throw for <paramref name="path"/>.</summary>
    public Exception ExceptionFor(string path) =>
        Errno == "BUG" ? new InvalidOperationException($"an injected bug while writing {path}") : FaultInjection.Errno.Exception(Errno, path);
}
