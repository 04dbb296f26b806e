using BrainDrainSim.FaultInjection;
using BrainDrainSim.Reporting;

/// <summary>
/// Run by the .NET runtime before the program's Main when DOTNET_STARTUP_HOOKS names this assembly (the runtime
/// looks for a type of exactly this name, outside any namespace). Puts a <see cref="FaultyFileSystem"/> in the
/// reporting code's write seam when BRAINDRAIN_TEST_FAULT or BRAINDRAIN_TEST_PAUSE is set (<see cref="FaultSpec"/>
/// has the forms); otherwise leaves the program as it is.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var fault = FaultSpec.Parse(Environment.GetEnvironmentVariable(FaultSpec.FaultVariable));
        var pause = PauseSpec.Parse(Environment.GetEnvironmentVariable(PauseSpec.PauseVariable), Environment.GetEnvironmentVariable(PauseSpec.MarkerVariable));
        if (fault is null && pause is null) return;
        OutputFiles.FileSystem = new FaultyFileSystem(OutputFiles.FileSystem, fault, pause);
    }
}
