using BrainDrainSim.Model;
using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// One entry of the uncertainty block as bound, with the nodes it came from: its checks need the resolved
/// scenario, so they run after binding and must still point at the right line.
/// </summary>
internal sealed record UncertaintyEntry(string Path, DistributionSpec Spec, SourceScalar KeyNode, SourceMapping Node, string KeyPath);
