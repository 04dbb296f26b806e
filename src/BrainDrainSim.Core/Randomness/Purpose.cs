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

    // 5 and 6 were the monthly stream's seed and the month's details of the engine before issue 10; not reused.

    /// <summary>An uncertain scenario quantity (keyed by its path).</summary>
    Parameter = 7,

    /// <summary>A researcher's first waits, at setup or on entry: candidate decision, exit, advancement.</summary>
    Waits = 8,

    /// <summary>A candidate decision in its month: acceptance, the next wait, destination, gate.</summary>
    Decision = 9,

    /// <summary>An advancement in its month: a graduate's gate, the degree, the new stage's exit and advancement waits.</summary>
    Life = 10,
}
