using BrainDrainSim.Validation;
using BrainDrainSim.Scenarios.Binding;
using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios;

/// <summary>
/// Where each key path of a loaded scenario was written: the validator names a finding by its path
/// (<c>levers[0].sector_shares</c>) and this turns it into a file, line and column. Kept with the load result, so a
/// scenario derived from the file later (a sweep value) is still reported at the place its value comes from.
/// </summary>
internal sealed class SourcePlaces(ScenarioBinder binder)
{
    /// <summary>The node a finding points at: the key, the value (or its nearest written parent), or the section holding the key.</summary>
    public SourceNode NodeOf(ScenarioIssue issue) => issue.Place switch
    {
        IssuePlace.Key => binder.KeyNodeFor(issue.Path),
        IssuePlace.Section => binder.NodeFor(Parent(issue.Path)),
        _ => binder.NodeFor(issue.Path),
    };

    private static string Parent(string path)
    {
        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
