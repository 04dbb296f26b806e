namespace BrainDrainSim.Reporting.Comparisons;

/// <summary>What a sweep varied: one scenario path set to each of <see cref="Values"/> in turn.</summary>
/// <param name="Path">The scenario path swept (<c>levers[0].fraction</c>, <c>coefficients.b_gpu</c>).</param>
/// <param name="Values">The values, in the order they were run; the first is the reference the others are compared with.</param>
/// <param name="FixedUncertainPath">
/// The uncertain parameter the sweep replaced by each fixed value, if the swept path was one: the reader must
/// know that its distribution no longer applies, so the spread over runs no longer carries its uncertainty.
/// </param>
/// <param name="RenormalisedShares">
/// The set of shares the swept path belongs to, when the sweep rescaled its other shares to keep the sum at 1
/// (<c>--renormalise</c>); null otherwise.
/// </param>
public sealed record SweepInfo(string Path, IReadOnlyList<double> Values, string? FixedUncertainPath = null, string? RenormalisedShares = null);
