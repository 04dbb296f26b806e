using System.Security.Cryptography;
using System.Text;

namespace BrainDrainSim.Scenarios.Tests.Fuzz;

/// <summary>
/// The outcome of every fuzz case (valid, or its errors word for word, each with its place) held against a
/// committed record, so that a change of the loader's inner workings (how keys are described, where the rules
/// live) cannot change a single message or place unnoticed. The record keeps one line per case: its number,
/// a SHA-256 of its outcome (cut to 16 hex digits) and its name; paths are written relative to the repository
/// and to the fuzz test's temporary folder, so the record is the same on every machine.
/// A change that alters messages on purpose regenerates the record with FUZZ_GOLDEN=write and says why in its
/// commit; the failure message shows the new outcome of the first cases that differ, to review.
/// </summary>
internal sealed partial class OutcomeGolden(string repoRoot, string tempFolder)
{
    private static readonly string RecordPath = Path.Combine(RepoFiles.Root, "tests", "BrainDrainSim.Scenarios.Tests", "Fuzz", "outcomes.golden.txt");

    private readonly List<(string Line, string Outcome)> cases = [];

    public void Record(FuzzCase c, ScenarioLoadResult result)
    {
        string outcome = result.Ok
            ? "valid"
            : string.Join("\n", result.Errors.Select(e => Relative(e.ToString())));
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(outcome)))[..16];
        cases.Add(($"{cases.Count}\t{hash}\t{Printable(Relative(c.Name))}", outcome));
    }

    /// <summary>"" when every case gives its recorded outcome, else what differs.</summary>
    public string Compare()
    {
        var lines = cases.Select(c => c.Line).ToArray();
        // FUZZ_OUTCOMES=file writes every case's whole outcome there, to compare two versions of the loader line by line.
        if (Environment.GetEnvironmentVariable("FUZZ_OUTCOMES") is { Length: > 0 } dump)
            File.WriteAllLines(dump, cases.Select((c, i) => $"## {c.Line}\n{c.Outcome}"));
        if (Environment.GetEnvironmentVariable("FUZZ_GOLDEN") == "write")
        {
            File.WriteAllLines(RecordPath, lines);
            return "";
        }
        if (!File.Exists(RecordPath)) return $"no record at {RecordPath}; write it with FUZZ_GOLDEN=write";
        var recorded = File.ReadAllLines(RecordPath);
        var report = new StringBuilder();
        int differing = 0;
        for (int i = 0; i < Math.Max(lines.Length, recorded.Length); i++)
        {
            string? now = i < lines.Length ? lines[i] : null, then = i < recorded.Length ? recorded[i] : null;
            if (now == then) continue;
            if (++differing > 20) continue;
            report.Append($"\ncase {i}: recorded {then ?? "(none)"}\n         now      {now ?? "(none)"}");
            if (i < cases.Count) report.Append($"\n         outcome now: {cases[i].Outcome.Replace("\n", "\n                      ")}");
        }
        return differing == 0 ? ""
            : $"{differing} of {lines.Length} fuzz cases ({recorded.Length} recorded) differ from {RecordPath}; " +
              $"if the change is meant, regenerate it with FUZZ_GOLDEN=write and say why in the commit. The first ones:{report}";
    }

    /// <summary>
    /// Paths made relative, and runs of 40 or more letters (a 100,000-character key or file name, which messages cut
    /// to 100 characters) written as one token: the cut keeps the start of a long path, whose length depends on
    /// where the repository is checked out, so the number of letters kept does too.
    /// </summary>
    private string Relative(string text) =>
        LongRun().Replace(text.Replace(tempFolder, "<tmp>").Replace(repoRoot, "<repo>"), "<letters>");

    [System.Text.RegularExpressions.GeneratedRegex("[A-Za-z]{40,}")]
    private static partial System.Text.RegularExpressions.Regex LongRun();

    private static string Printable(string name)
    {
        var sb = new StringBuilder(Math.Min(name.Length, 120));
        foreach (char ch in name.Length > 120 ? name[..120] : name)
            sb.Append(char.IsControl(ch) || char.IsSurrogate(ch) ? '?' : ch);
        return sb.ToString();
    }
}
