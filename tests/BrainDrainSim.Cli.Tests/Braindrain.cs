using System.Diagnostics;

namespace BrainDrainSim.Cli.Tests;

/// <summary>Runs the real `braindrain` command (the CLI project's build output) as a child process.</summary>
internal static class Braindrain
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static string RepoRoot => BrainDrainSim.Testing.RepoPaths.Root;

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
        IReadOnlyList<string> hostOptions, params string[] args) => RunVia([], workingDirectory, environment, hostOptions, args);

    /// <summary>
    /// As <see cref="RunWith"/>, started through <paramref name="launcher"/>, a command that runs the rest of its
    /// command line (<c>setpriv --reuid=65534 ...</c> to run as another user); none when empty.
    /// </summary>
    public static Result RunVia(IReadOnlyList<string> launcher, string workingDirectory, IDictionary<string, string>? environment,
        IReadOnlyList<string> hostOptions, params string[] args)
    {
        var psi = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var l in launcher.Skip(1)) psi.ArgumentList.Add(l);
        if (launcher.Count > 0) psi.ArgumentList.Add("dotnet");
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

    /// <summary>
    /// Starts `braindrain` without waiting, for tests that signal it. SIGINT is reset to its default first
    /// (GNU env --default-signal): a test host started in the background by a non-interactive shell ignores
    /// SIGINT, a child inherits that, and a program rightly leaves an ignored SIGINT ignored.
    /// </summary>
    public static Running Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    /// <summary>As <see cref="Start(string, string[])"/>, with variables added to the environment.</summary>
    public static Running Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo(CanResetSigint ? "env" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (CanResetSigint)
        {
            psi.ArgumentList.Add("--default-signal=INT");
            psi.ArgumentList.Add("dotnet"); // env execs it: the process id stays the same
        }
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        return new Running(Process.Start(psi)!, string.Join(' ', args));
    }

    private static readonly Lazy<bool> ResetSigint = new(() =>
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("env", ["--default-signal=INT", "true"]) { UseShellExecute = false, RedirectStandardError = true })!;
            p.StandardError.ReadToEnd();
            return p.WaitForExit(10_000) && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    });

    private static bool CanResetSigint => ResetSigint.Value;

    /// <summary>A running `braindrain`, its output collected as it comes.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly string _args;
        private readonly System.Text.StringBuilder _stdout = new(), _stderr = new();

        public Running(Process process, string args)
        {
            _process = process;
            _args = args;
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

        public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

        public bool HasExited => _process.HasExited;

        /// <summary>Waits until <paramref name="condition"/> holds; fails if the process ends first or the guard passes.</summary>
        public void WaitUntil(Func<bool> condition, string what, TimeSpan guard)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (_process.HasExited)
                    throw new InvalidOperationException($"braindrain {_args} ended (exit {_process.ExitCode}) before {what}:\n{Stdout}{Stderr}");
                if (clock.Elapsed > guard)
                    throw new TimeoutException($"braindrain {_args}: no {what} within {guard.TotalSeconds} s:\n{Stdout}{Stderr}");
                Thread.Sleep(20);
            }
        }

        /// <summary>Sends a signal (INT, TERM, KILL) with kill(1).</summary>
        public void Signal(string name)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{name}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            kill.WaitForExit();
            if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} {Id} failed with {kill.ExitCode}");
        }

        /// <summary>Waits for the end; <paramref name="guard"/> only stops a hang from blocking the tests.</summary>
        public Result WaitForExit(TimeSpan guard)
        {
            if (!_process.WaitForExit(guard))
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"braindrain {_args} did not end within {guard.TotalSeconds} s:\n{Stdout}{Stderr}");
            }
            _process.WaitForExit(); // drains the redirected output
            return new Result(_process.ExitCode, Stdout, Stderr);
        }

        public void Dispose()
        {
            try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
            _process.Dispose();
        }
    }
}
