namespace BrainDrainSim.Cli;

/// <summary>The command's exit codes: 0 ok, 1 a failure of the program, 2 bad input from the user.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}
