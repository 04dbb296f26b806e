namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// The environment that loads the test-only fault injector (tests/BrainDrainSim.FaultInjection) into a real
/// `braindrain` as a .NET startup hook: it fails or pauses the reporting code's writes at a named file.
/// </summary>
internal static class FaultHook
{
    /// <summary>The injector's build output, in the configuration the tests were built in.</summary>
    public static string Dll
    {
        get
        {
            string config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var bin = Path.Combine(Braindrain.RepoRoot, "tests", "BrainDrainSim.FaultInjection", "bin", config);
            var dll = Directory.GetFiles(bin, "BrainDrainSim.FaultInjection.dll", SearchOption.AllDirectories).OrderBy(p => p.Length).FirstOrDefault();
            return dll ?? throw new FileNotFoundException($"BrainDrainSim.FaultInjection.dll not found under {bin}");
        }
    }

    /// <summary>A failure at one file: <c>ERRNO@FILE</c> or <c>ERRNO@FILE+BYTES</c> (ENOSPC, EDQUOT, EIO, EROFS, EACCES, EPERM, EMFILE, ENFILE, or BUG).</summary>
    public static Dictionary<string, string> Fault(string spec) => new()
    {
        ["DOTNET_STARTUP_HOOKS"] = Dll,
        ["BRAINDRAIN_TEST_FAULT"] = spec,
    };

    /// <summary>
    /// A pause <c>before:FILE</c> or <c>after:FILE</c>: the command creates <c>paused</c> in <paramref name="markers"/>
    /// and waits there until <c>go</c> appears.
    /// </summary>
    public static Dictionary<string, string> Pause(string spec, string markers) => new()
    {
        ["DOTNET_STARTUP_HOOKS"] = Dll,
        ["BRAINDRAIN_TEST_PAUSE"] = spec,
        ["BRAINDRAIN_TEST_MARKERS"] = markers,
    };
}
