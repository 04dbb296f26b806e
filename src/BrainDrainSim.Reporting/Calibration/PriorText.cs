using BrainDrainSim.Model;
using BrainDrainSim.Validation;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>A prior as the scenario file writes it: "triangular(min 0, mode 0.2, max 0.8)", the figures as given.</summary>
internal static class PriorText
{
    public static string Describe(DistributionSpec d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.Dist is not { } kind) return "";
        if (kind == DistributionKind.Dirichlet)
            return $"dirichlet({string.Join(", ", (d.Concentration ?? new Dictionary<string, double>()).Select(kv => $"{kv.Key} {Shown.Number(kv.Value)}"))})";
        var given = new (string Key, double? Value)[]
        {
            ("mean", d.Mean), ("sd", d.Sd), ("mu", d.Mu), ("sigma", d.Sigma), ("min", d.Min), ("mode", d.Mode), ("max", d.Max),
            ("alpha", d.Alpha), ("beta", d.Beta), ("shape", d.Shape), ("rate", d.Rate),
        };
        return $"{ScenarioNames.EnumKey(kind)}({string.Join(", ", given.Where(g => g.Value is not null).Select(g => $"{g.Key} {Shown.Number(g.Value!.Value)}"))})";
    }
}
