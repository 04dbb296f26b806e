namespace BrainDrainSim.Reporting;

/// <summary>
/// Where <see cref="OutputFiles"/> creates the files it writes: the disk (<see cref="DiskFileSystem"/>), or in
/// tests a file system that fails on purpose, so that a full disk or an unwritable folder can be played at any
/// file without one.
/// </summary>
internal interface IOutputFileSystem
{
    /// <summary>Creates (or truncates) the file and returns a stream to write it; the caller disposes it.</summary>
    Stream Create(string path);
}
