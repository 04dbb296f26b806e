namespace BrainDrainSim.Cli;

/// <summary>
/// The command's exit codes: 0 ok, 1 a failure of the program, 2 bad input from the user, 74 a failure of the file
/// system while storing the results (130 and 143, for signals, are <see cref="Interruption.ExitCode"/>).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    /// <summary>
    /// EX_IOERR of sysexits.h: the disk is full, read-only or not writable, or failed. Neither the input nor the
    /// program is at fault, so neither 1 nor 2 would tell a script what to do (here: free space or write elsewhere).
    /// </summary>
    public const int IoError = 74;
}
