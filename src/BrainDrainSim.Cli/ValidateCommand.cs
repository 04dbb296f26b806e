using System.CommandLine;

namespace BrainDrainSim.Cli;

/// <summary><c>braindrain validate SCENARIO.yaml...</c>: every error of every file, exit 0 only when all are valid.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("scenarios") { Description = "Scenario files (YAML) to check.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("validate", "Check scenario files and report every error with file, line, column and key; writes nothing.");
        cmd.Arguments.Add(files);
        cmd.SetAction(parse =>
        {
            int bad = 0;
            foreach (var path in parse.GetValue(files)!)
            {
                var loaded = ScenarioFiles.LoadOrReport(path, Console.Error);
                if (loaded is null) bad++;
                else
                {
                    var sc = loaded.Scenario!;
                    string posterior = sc.Posterior is { } p ? $", a posterior of {p.Rows.Count:N0} rows over {p.Paths.Count} quantities" : "";
                    Console.WriteLine($"{path}: ok ({sc.Name}, {sc.Levers.Length} lever(s), {sc.Uncertainty.Length} uncertain quantit{(sc.Uncertainty.Length == 1 ? "y" : "ies")}{posterior})");
                }
            }
            return bad == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return cmd;
    }
}
