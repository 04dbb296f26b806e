using System.CommandLine;
using System.Text;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Scenarios.Schema;
using BrainDrainSim.Scenarios.Targets;

namespace BrainDrainSim.Cli;

/// <summary>
/// <c>braindrain schema [--targets] [--out FILE]</c>: the JSON Schema of the scenario format, or of calibration targets
/// files, generated from their types.
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out", "-o")
        {
            Description = $"Write the schema to this file instead of standard output (the library's copies: {ScenarioSchema.CommittedPath}, {TargetSchema.CommittedPath}).",
        };
        var targets = new Option<bool>("--targets") { Description = "The schema of calibration targets files (scenarios/targets/*.yaml) instead of scenario files." };
        var cmd = new Command("schema", "Print the JSON Schema (draft 2020-12) of scenario files, or with --targets of calibration targets files, "
            + "generated from their types, for editors with the YAML language server.");
        cmd.Options.Add(output);
        cmd.Options.Add(targets);
        cmd.SetAction(parse =>
        {
            string schema = parse.GetValue(targets) ? TargetSchema.Generate() : ScenarioSchema.Generate();
            if (parse.GetValue(output) is not { } path)
            {
                Console.Out.Write(schema);
                return ExitCodes.Ok;
            }
            string full = Path.GetFullPath(path);
            if (Directory.Exists(full)) throw new UserInputException($"--out {full} is a folder, not a file.");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, schema, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException($"cannot write {full}: {e.Message}");
            }
            Console.WriteLine($"wrote {full}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
