using System.Diagnostics;

namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// Running `braindrain` as a user who may not write where root may: the tests themselves when they are not root,
/// otherwise the user nobody (65534) through setpriv (util-linux). <see cref="WhyNot"/> says why neither is
/// possible (root without setpriv), or null.
/// </summary>
internal static class Unprivileged
{
    private const string Nobody = "65534";

    public static string? WhyNot => Probe.Value;

    /// <summary>The command that runs the rest of a command line as an unprivileged user; empty when the tests are one.</summary>
    public static IReadOnlyList<string> Launcher =>
        Environment.IsPrivilegedProcess ? ["setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups"] : [];

    private static readonly Lazy<string?> Probe = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "the permission test runs on Linux";
        if (!Environment.IsPrivilegedProcess) return null;
        try
        {
            using var p = Process.Start(new ProcessStartInfo("setpriv", [.. Launcher.Skip(1), "true"]) { UseShellExecute = false, RedirectStandardError = true })!;
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"running as root, and setpriv cannot drop to user {Nobody}: {stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "running as root, which may write any folder, and setpriv (util-linux) is not there to run as another user";
        }
    });
}
