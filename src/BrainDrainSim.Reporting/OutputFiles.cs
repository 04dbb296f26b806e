namespace BrainDrainSim.Reporting;

/// <summary>
/// The one way the reporting code writes a file (every CSV, report, manifest and chart), so that a failure of the
/// file system comes out the same way whatever the file: as an <see cref="OutputFileException"/> naming it. It is
/// also the seam where tests inject such failures: <see cref="FileSystem"/> is internal, visible to the test
/// projects and the test-only fault injector (a startup hook), and nothing in the product reads a setting that
/// would change it.
/// </summary>
internal static class OutputFiles
{
    /// <summary>Where files are created: the disk, unless a test has put a failing file system in its place.</summary>
    internal static IOutputFileSystem FileSystem { get; set; } = DiskFileSystem.Instance;

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark (the bytes File.WriteAllText would write).</summary>
    public static void WriteText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Csv.Utf8NoBom, bufferSize: 1 << 16);
            writer.Write(text);
        });
    }

    public static void WriteBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Write(path, stream => stream.Write(bytes));
    }

    private static void Write(string path, Action<Stream> fill)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            // Disposed inside the try: a full disk often shows only when the last buffer is flushed on closing.
            using var stream = FileSystem.Create(path);
            fill(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException(path, e);
        }
    }
}
