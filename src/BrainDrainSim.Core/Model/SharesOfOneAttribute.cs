namespace BrainDrainSim.Model;

/// <summary>
/// Marks a key whose value is a set of shares of one whole, which must sum to 1: a record of shares (stage
/// mixes, degree mixes), a map of shares (a GPU import's sector_shares) or a list whose entries each hold one
/// share (sectors, a GPU import's mix; <see cref="Member"/> names the share key and <see cref="Label"/> the key
/// that names each entry). The validator checks the sum, the uncertainty block refuses a lone share and takes a
/// Dirichlet over the whole set, and a sweep rescales the others only when asked to.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SharesOfOneAttribute : Attribute
{
    /// <summary>For a list: the property of an entry that holds its share (nameof(SectorSpec.Share)).</summary>
    public string? Member { get; init; }

    /// <summary>For a list: the property of an entry that names it (nameof(SectorSpec.Name)).</summary>
    public string? Label { get; init; }

    /// <summary>How messages name the set ("the sectors' shares", "the mix's shares"); default "the shares".</summary>
    public string What { get; init; } = "the shares";
}
