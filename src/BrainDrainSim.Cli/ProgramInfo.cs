using System.Reflection;

namespace BrainDrainSim.Cli;

/// <summary>The program's version as the manifests record it.</summary>
internal static class ProgramInfo
{
    public static string Version =>
        typeof(ProgramInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
