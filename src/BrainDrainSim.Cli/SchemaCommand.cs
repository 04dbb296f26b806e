using System.CommandLine;
using System.Text;
using BrainDrainSim.Scenarios;
using BrainDrainSim.Scenarios.Schema;

namespace BrainDrainSim.Cli;

/// <summary><c>braindrain schema [--out FILE]</c>: the JSON Schema of the scenario format, generated from the scenario types.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<string?>("--out", "-o") { Description = $"Write the schema to this file instead of standard output (the library's copy: {ScenarioSchema.CommittedPath})." };
        var cmd = new Command("schema", "Print the JSON Schema (draft 2020-12) of scenario files, generated from the scenario types, "
            + "for editors with the YAML language server.");
        cmd.Options.Add(output);
        cmd.SetAction(parse =>
        {
            string schema = ScenarioSchema.Generate();
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
