using BrainDrainSim.Reporting;

namespace BrainDrainSim.FaultInjection;

/// <summary>
/// The reporting code's file system with one failure or one pause played at a named file; every other file is
/// written as usual by the file system it wraps.
/// </summary>
internal sealed class FaultyFileSystem(IOutputFileSystem inner, FaultSpec? fault, PauseSpec? pause) : IOutputFileSystem
{
    public Stream Create(string path)
    {
        string name = Path.GetFileName(path);
        bool pauseHere = pause is not null && pause.File == name;
        if (pauseHere && pause!.Before) pause.Wait();
        if (fault is not null && fault.File == name && fault.AtOpen) throw fault.ExceptionFor(path);
        var stream = inner.Create(path);
        if (fault is not null && fault.File == name) return new FaultyStream(stream, fault.AfterBytes, () => fault.ExceptionFor(path), null);
        if (pauseHere && !pause!.Before) return new FaultyStream(stream, long.MaxValue, null, pause.Wait);
        return stream;
    }
}
