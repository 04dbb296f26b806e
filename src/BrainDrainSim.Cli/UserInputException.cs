namespace BrainDrainSim.Cli;

/// <summary>A mistake in what the user gave (a file, an option): reported as one clear line, exit code 2.</summary>
internal sealed class UserInputException(string message) : Exception(message);
