using System.CommandLine;
using BrainDrainSim.Cli;
using BrainDrainSim.Validation;

// A thin entry point: each verb parses its options and calls the library; no model logic lives here.
var root = new RootCommand("BrainDrainSim: an agent-based Monte Carlo model of AI researchers emigrating and returning, "
    + "driven by YAML scenarios. Exit codes: 0 ok, 1 failure (a bug), 2 bad input, 74 the disk failed the results (full, read-only, not writable), "
    + "130 interrupted (Ctrl-C, SIGINT), 143 terminated (SIGTERM); a run that fails or is stopped leaves no results folder.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(SensitivityCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(SchemaCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {PlainParseError(error.Message)}");
    Console.Error.WriteLine("Run 'braindrain --help' for usage.");
    return ExitCodes.BadInput;
}
// Ctrl-C and SIGTERM cancel the work instead of ending the process, so the command can clean up (Interruption).
Interruption.Install();
try
{
    // Our handler below chooses the exit code; System.CommandLine's own would answer 1 with a stack trace,
    // and its own signal handling (for asynchronous actions) is ours instead.
    int code = parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    if (Interruption.Requested && code != ExitCodes.Ok)
    {
        Interruption.Report();
        return Interruption.ExitCode;
    }
    return code;
}
catch (Exception) when (Interruption.Requested)
{
    // Whatever the work was doing when the signal came, the command has given up its staging folder.
    Interruption.Report();
    return Interruption.ExitCode;
}
catch (OutputFailureException e)
{
    // The disk, not the input or the program: what happened and what to do, and the system's exception on request.
    Console.Error.WriteLine($"error: {e.Message}");
    if (Environment.GetEnvironmentVariable("BRAINDRAIN_DEBUG") is not null) Console.Error.WriteLine(e.InnerException);
    return ExitCodes.IoError;
}
catch (InvalidScenarioException e)
{
    // A scenario made from a valid one (an uncertain draw) that breaks a rule: bad input, not a bug.
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine("Nothing was written. Narrow the distributions in uncertainty: so that every draw keeps the scenario's rules.");
    return ExitCodes.BadInput;
}
catch (UserInputException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.BadInput;
}
catch (Exception e) when (Environment.GetEnvironmentVariable("BRAINDRAIN_DEBUG") is null)
{
    Console.Error.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine("This is a bug in braindrain, not in your input. Set BRAINDRAIN_DEBUG=1 for the stack trace.");
    return ExitCodes.Failure;
}

// System.CommandLine names the .NET type it wanted ("as expected type 'System.Int32'"); say it in words.
static string PlainParseError(string message)
{
    var m = System.Text.RegularExpressions.Regex.Match(message, @"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.$");
    if (!m.Success) return message;
    string? wanted = m.Groups[3].Value switch
    {
        "System.Int32" => "a whole number",
        "System.UInt64" => "a whole number from 0 to 18446744073709551615",
        _ => null,
    };
    return wanted is null ? message : $"{m.Groups[2].Value} expects {wanted}, not '{m.Groups[1].Value}'.";
}
