namespace BrainDrainSim.Testing;

/// <summary>
/// The repository's root folder (the one holding BrainDrainSim.sln), found by walking up from the test
/// binaries. One file compiled into every test project that reads the repository's own files (linked in
/// their csproj), not a copy per project.
/// </summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BrainDrainSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BrainDrainSim.sln not found above the test folder");
    }
}
