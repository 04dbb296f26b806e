using System.Runtime.InteropServices;

namespace BrainDrainSim.Engine;

/// <summary>
/// What changes over a researcher's life (its location aside), packed in 16 bytes so that an event on a
/// researcher reads one cache line: sector, stage, degree and flags, the months of its pending events
/// (<see cref="Population.Never"/> when none), of its last emigration as a student and of its graduation with a
/// PhD in the US (-1 when none).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal struct ResearcherState
{
    public const int Bytes = 16;

    public byte Sector;
    public byte Stage;
    public byte Degree;
    public byte Flags;

    /// <summary>
    /// The month of the next candidate decision (emigration at home, return abroad); <see cref="NextExit"/> and
    /// <see cref="NextAdvance"/> likewise. A calendar entry for a researcher in month t is live only while the
    /// matching month here is still t: an event rescheduled or made impossible (a move, an exit) leaves its old
    /// entry behind, and the month's step skips it.
    /// </summary>
    public short NextDecision;

    public short NextExit;
    public short NextAdvance;

    /// <summary>Month index of the last emigration as a student, or -1.</summary>
    public short StudentEmigrationMonth;

    /// <summary>Month index of the graduation with a PhD while in the US (the US PhD cohort), or -1.</summary>
    public short UsPhdMonth;

    private readonly short _unused;
}
