namespace BrainDrainSim.Randomness;

/// <summary>
/// What a draw is for: the last counter word, so that two uses of randomness for the same researcher and
/// month never share bits. Values are part of the output's identity: never renumber them.
/// </summary>
public enum Purpose : uint
{
    Attributes = 1,      // sector, stage, degree, US degree, entrant type
    Traits = 2,          // talent, pay factors
    Traits2 = 3,         // access, attachment
    Peers = 4,           // peer ties (sub-index in the high bits)
    Move = 5,            // monthly: intent/return, destination, gate
    Life = 6,            // monthly: exit, advancement, degree, graduate gate
    Parameter = 7,       // an uncertain scenario quantity
}
