namespace BrainDrainSim.Reporting;

/// <summary>
/// An output file could not be written: the file system refused it (a full disk, a read-only or unwritable
/// folder, an I/O error...). <see cref="FilePath"/> names the file; the inner exception is the system's, and
/// <see cref="Exception.HResult"/> is copied from it (on Unix, .NET puts the errno there), so a caller can say
/// which file failed and why. Everything else that goes wrong while writing (a bug) is not wrapped.
/// </summary>
public sealed class OutputFileException : IOException
{
    public OutputFileException(string filePath, Exception inner)
        : base($"cannot write {filePath}: {inner?.Message}", inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        FilePath = filePath;
        HResult = inner.HResult;
    }

    public string FilePath { get; }
}
