namespace BrainDrainSim.Randomness;

/// <summary>
/// What a draw is for: the last counter word, so that two uses of randomness for the same researcher and
/// month never share bits. Values are part of the output's identity: never renumber them.
/// </summary>
public enum Purpose : uint
{
    /// <summary>Sector, stage, degree, US degree, entrant type.</summary>
    Attributes = 1,

    /// <summary>Talent, pay, offer and access factors.</summary>
    Traits = 2,

    /// <summary>Attachment (home ties).</summary>
    Traits2 = 3,

    /// <summary>Peer ties (the tie's index in the high bits of the counter word).</summary>
    Peers = 4,

    /// <summary>The seed of a researcher's monthly stream (<see cref="MonthStream"/>): decision, exit, advancement.</summary>
    Month = 5,

    /// <summary>Monthly, only for the few who need it: destination, gate, a graduate's gate, degree.</summary>
    Detail = 6,

    /// <summary>An uncertain scenario quantity (keyed by its path).</summary>
    Parameter = 7,
}
