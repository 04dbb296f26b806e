using BrainDrainSim.Scenarios.Source;

namespace BrainDrainSim.Scenarios.Binding;

/// <summary>
/// The uncertainty block's <c>posterior: {file: ...}</c> as bound: the file as written, its value node (where the
/// file's errors point), the <c>posterior</c> key (whose file decides which other entries it supersedes) and
/// the key path of the value.
/// </summary>
internal sealed record PosteriorEntry(string File, SourceScalar FileNode, SourceScalar KeyNode, string KeyPath);
