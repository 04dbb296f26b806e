using System.Text;

namespace BrainDrainSim.Model;

/// <summary>
/// The one mapping between C# property names and scenario keys (snake_case), shared by the YAML loader,
/// path addressing (<c>levers[0].count</c>) and the outputs, so that a key is spelt the same everywhere.
/// </summary>
public static class ScenarioNames
{
    /// <summary>BGpu -> b_gpu, H100ePerUnit -> h100e_per_unit, KrwPerUsd -> krw_per_usd.</summary>
    public static string ToSnake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                bool prevLowerOrDigit = i > 0 && (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]));
                bool acronymEnd = i > 0 && char.IsUpper(pascal[i - 1]) && i + 1 < pascal.Length && char.IsLower(pascal[i + 1]);
                if (prevLowerOrDigit || acronymEnd) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }


    /// <summary>The snake_case name of an enum value (Stage.Early -> early, DistributionKind.Lognormal -> lognormal).</summary>
    public static string EnumKey<T>(T value) where T : struct, Enum => ToSnake(value.ToString());
}
