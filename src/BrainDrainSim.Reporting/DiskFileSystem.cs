namespace BrainDrainSim.Reporting;

/// <summary>
/// The real file system. Files are opened without preallocation on purpose: File.WriteAllText preallocates a
/// large text, and a full disk then fails as a bare IOException ("Failed to create ... because the disk was
/// full", HResult 0x80131620) that carries no errno; written plainly, a full disk always fails with errno
/// ENOSPC in the HResult (measured on Linux tmpfs, .NET 10), like every other file-system failure.
/// </summary>
internal sealed class DiskFileSystem : IOutputFileSystem
{
    public static DiskFileSystem Instance { get; } = new();

    private DiskFileSystem()
    {
    }

    public Stream Create(string path) =>
        new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
}
