namespace BrainDrainSim.Validation;

/// <summary>
/// What the scenario loader tells the validator about a file it could not read whole, so that one mistake gives
/// one error: values the loader already rejected (their defaults were kept) are not checked again by the rules
/// that read them, and levers are named by their place in the file even when one of them could not be read.
/// A scenario built in code has nothing of the kind: <see cref="None"/>.
/// </summary>
public sealed class ValidationContext
{
    /// <summary>Nothing rejected, levers counted as in the scenario.</summary>
    public static ValidationContext None { get; } = new();

    /// <summary>True for a key path whose value was rejected or misspelt (the rules that read it stay silent).</summary>
    public Func<string, bool> Unreadable { get; init; } = static _ => false;

    /// <summary>True for a key path the file wrote (with any value); a scenario built in code wrote nothing.</summary>
    public Func<string, bool> Written { get; init; } = static _ => false;

    /// <summary>The index in the file's <c>levers:</c> list of the lever at a position of <c>Scenario.Levers</c>.</summary>
    public Func<int, int> LeverIndex { get; init; } = static i => i;

    /// <summary>False when some lever could not be read at all, so that <c>levers[i]</c> in other keys may name another lever.</summary>
    public bool AllLeversRead { get; init; } = true;
}
