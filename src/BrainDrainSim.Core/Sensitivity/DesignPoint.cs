namespace BrainDrainSim.Sensitivity;

/// <summary>
/// One run of a sensitivity design: the factors' coordinates and the replication whose seed it runs with (the
/// scenario and its baseline alike). A Saltelli row's replication is its seed index (<see cref="SaltelliRow.SeedIndex"/>:
/// base row j's A or B seed), so a row that takes a factor from B keeps A's seed; a Morris row's is its trajectory's.
/// </summary>
/// <param name="Coordinates">The point in the unit cube, one coordinate per column of the problem's layout.</param>
/// <param name="Replication">The replication index the run's seed is derived from (with the master seed).</param>
public sealed record DesignPoint(IReadOnlyList<double> Coordinates, int Replication);
