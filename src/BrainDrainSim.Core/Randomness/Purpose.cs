namespace BrainDrainSim.Randomness;

/// <summary>
/// What a draw is for: the last counter word, so that two uses of randomness for the same researcher and
/// month never share bits. Values are part of the output's identity: never renumber them.
/// </summary>
public enum Purpose : uint
{
    Attributes = 1,      // sector, stage, degree, US degree, entrant type
    Traits = 2,          // talent, pay, offer and access factors
    Traits2 = 3,         // attachment
    Peers = 4,           // peer ties (sub-index in the high bits)
    Month = 5,           // the seed of a researcher's monthly stream (MonthStream): decision, exit, advancement
    Detail = 6,          // monthly, only the few who need it: destination, gate, graduate's gate, degree
    Parameter = 7,       // an uncertain scenario quantity
}
