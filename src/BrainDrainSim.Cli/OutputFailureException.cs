namespace BrainDrainSim.Cli;

/// <summary>
/// The file system failed the command's output (<see cref="FileSystemFailure"/>): reported as one plain
/// <c>error:</c> line saying what happened, what to do and what was left, with exit code 74
/// (<see cref="ExitCodes.IoError"/>) and no stack trace. The system's exception is kept as the inner exception
/// for BRAINDRAIN_DEBUG.
/// </summary>
internal sealed class OutputFailureException(string message, Exception inner) : Exception(message, inner);
