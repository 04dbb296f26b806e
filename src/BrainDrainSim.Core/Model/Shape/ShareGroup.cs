namespace BrainDrainSim.Model.Shape;

/// <summary>One share of a <see cref="ShareGroup"/>: how messages name it, its path and its value.</summary>
public sealed record ShareMember(string Label, string Path, double Value);

/// <summary>
/// A set of shares of one whole in a scenario, found where a key carries <see cref="SharesOfOneAttribute"/>: the
/// sectors' shares, a stage or degree mix, a GPU import's mix or its sector shares. Its members must sum to 1,
/// so none of them can be drawn or swept on its own.
/// </summary>
/// <param name="Path">The path of the whole (<c>sectors</c>, <c>population.home_stage_shares</c>, <c>levers[0].sector_shares</c>).</param>
/// <param name="What">How messages name the shares ("the sectors' shares").</param>
/// <param name="Kind">How the shares are held: a record of shares (<see cref="ValueKind.Section"/>), a map (<see cref="ValueKind.RealMap"/>) or a list of entries each with a share (<see cref="ValueKind.List"/>).</param>
/// <param name="Members">The shares, in the order of the file (a map's entries in the order written).</param>
public sealed record ShareGroup(string Path, string What, ValueKind Kind, IReadOnlyList<ShareMember> Members)
{
    /// <summary>The member at the path, or null.</summary>
    public ShareMember? Member(string path) => Members.FirstOrDefault(m => m.Path == path);
}
