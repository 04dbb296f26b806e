using System.Diagnostics;

namespace BrainDrainSim.Cli.Tests;

/// <summary>Runs the real `braindrain` command (the CLI project's build output) as a child process.</summary>
internal static class Braindrain
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BrainDrainSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BrainDrainSim.sln not found above the test folder");
    }

    /// <summary>The CLI's own build output, in the configuration the tests were built in.</summary>
    public static string Dll
    {
        get
        {
            string config = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var bin = Path.Combine(RepoRoot, "src", "BrainDrainSim.Cli", "bin", config);
            var dll = Directory.GetFiles(bin, "braindrain.dll", SearchOption.AllDirectories).OrderBy(p => p.Length).FirstOrDefault();
            return dll ?? throw new FileNotFoundException($"braindrain.dll not found under {bin}");
        }
    }

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        RunWith(workingDirectory, environment, [], args);

    /// <summary>
    /// As <see cref="Run(string, IDictionary{string, string}?, string[])"/>, with options for the host before the
    /// program (<c>dotnet exec --runtimeconfig FILE braindrain.dll ...</c>).
    /// </summary>
    public static Result RunWith(string workingDirectory, IDictionary<string, string>? environment,
        IReadOnlyList<string> hostOptions, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        foreach (var o in hostOptions) psi.ArgumentList.Add(o);
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            // Not a time limit on the code under test: only a guard so a hang fails instead of blocking CI.
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"braindrain {string.Join(' ', args)} did not finish within 5 minutes");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static Result Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);
}
