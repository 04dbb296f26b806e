using System.Text.RegularExpressions;
using BrainDrainSim.Model;
using BrainDrainSim.Scenarios.Targets;

namespace BrainDrainSim.Scenarios.Tests.ErrorsDoc;

/// <summary>
/// One row of docs/errors.md held to the loader's real output: the message exactly as the doc prints it,
/// and the input that makes the loader give it. Exists so that the doc's examples cannot drift from the
/// tool (a refactoring that changes a word fails here) and so that each documented mistake is shown
/// reproducible with a few lines.
/// </summary>
internal sealed class DocExample
{
    /// <summary>The loaded file's name when the example is YAML text given to <see cref="ScenarioLoader.LoadText"/>.</summary>
    public const string TextFileName = "scenario.yaml";

    /// <summary>The targets file's name when the example is YAML text given to <see cref="TargetLoader.LoadText"/>.</summary>
    public const string TargetsFileName = "targets.yaml";

    /// <summary>The scenario the targets examples are loaded against: a history run, 2015-01 to 2024-12.</summary>
    public static readonly ValidatedScenario History = new Scenario { Name = "history", Start = new YearMonth(2015, 1), Months = 120 }.Validate();

    private DocExample(string message, Func<string, IReadOnlyList<ScenarioError>> load, IReadOnlyList<string> wildcards)
    {
        Message = message;
        Load = load;
        Wildcards = wildcards;
    }

    private DocExample(string message, Func<string, ScenarioLoadResult> load, IReadOnlyList<string> wildcards)
        : this(message, folder => load(folder).Errors, wildcards)
    {
    }

    /// <summary>The doc's first column, without its backticks.</summary>
    public string Message { get; }

    /// <summary>Makes the input inside the given (empty, temporary) folder, loads it and gives what the loader printed.</summary>
    public Func<string, IReadOnlyList<ScenarioError>> Load { get; }

    /// <summary>
    /// Placeholders in <see cref="Message"/> that stand for text the doc cannot know (an OS reason); each
    /// matches any non-empty text. Empty for every example but the few that say why.
    /// </summary>
    public IReadOnlyList<string> Wildcards { get; }

    /// <summary>YAML text loaded with <see cref="ScenarioLoader.LoadText"/> as <see cref="TextFileName"/> in the folder.</summary>
    public static DocExample Text(string message, string yaml) =>
        new(message, folder => ScenarioLoader.LoadText(yaml, Path.Combine(folder, TextFileName)), []);

    /// <summary>Files written (UTF-8) into the folder, then the one named <paramref name="load"/> loaded from disk.</summary>
    public static DocExample Files(string message, string load, params (string Name, string Text)[] files) =>
        new(message, folder =>
        {
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
            return ScenarioLoader.Load(Path.Combine(folder, load));
        }, []);

    /// <summary>Whatever <paramref name="make"/> puts in the folder (bytes, folders, a huge file); the path it returns is loaded.</summary>
    public static DocExample Made(string message, Func<string, string> make, params string[] wildcards) =>
        new(message, folder => ScenarioLoader.Load(make(folder)), wildcards);

    /// <summary>For an input that must stay in place while it is loaded: <paramref name="load"/> makes it and loads it.</summary>
    public static DocExample Loaded(string message, Func<string, ScenarioLoadResult> load, params string[] wildcards) =>
        new(message, load, wildcards);

    /// <summary>
    /// A targets file's YAML text loaded with <see cref="TargetLoader.LoadText"/> as <see cref="TargetsFileName"/>
    /// against <see cref="History"/>; its warnings count as printed too (the doc lists the one warning with the errors).
    /// </summary>
    public static DocExample Targets(string message, string yaml, params string[] wildcards) =>
        new(message, folder => Printed(TargetLoader.LoadText(yaml, Path.Combine(folder, TargetsFileName), History)), wildcards);

    /// <summary>Whatever <paramref name="make"/> puts in the folder; the path it returns is loaded as a targets file against <see cref="History"/>.</summary>
    public static DocExample TargetsMade(string message, Func<string, string> make) =>
        new(message, folder => Printed(TargetLoader.Load(make(folder), History)), []);

    private static IReadOnlyList<ScenarioError> Printed(TargetLoadResult result) => [.. result.Errors, .. result.Warnings];

    /// <summary>Whether one printed error is this example's message (wildcards matching any non-empty text).</summary>
    public bool Matches(string printed)
    {
        if (Wildcards.Count == 0) return printed == Message;
        string pattern = Regex.Escape(Message);
        foreach (string wildcard in Wildcards) pattern = pattern.Replace(Regex.Escape(wildcard), ".+", StringComparison.Ordinal);
        return Regex.IsMatch(printed, "^" + pattern + "$", RegexOptions.Singleline);
    }

    public override string ToString() => Message;
}
