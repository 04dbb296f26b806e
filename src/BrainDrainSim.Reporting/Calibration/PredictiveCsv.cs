namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// predictive.csv: one row per target, in the targets file's order: its name, role (fit or validate), the quantity
/// in words, the observed figure or the bound's limits (the other cells empty), its sd, then the posterior
/// predictive with the observation's error included (<see cref="PredictiveCheck"/>): mean, the 2.5% (p025), 50%
/// (p50) and 97.5% (p975) points, for a bound the share of the predictive that keeps it (kept_share), whether the
/// observation or bound is covered (yes or no; no when no draw defines the quantity), and the draws that define
/// the quantity out of all the draws. Undefined figures are empty cells.
/// </summary>
public static class PredictiveCsv
{
    public const string File = "predictive.csv";

    /// <summary>predictive.csv as text.</summary>
    public static string Format(IReadOnlyList<PredictiveCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var csv = new Csv().Row(["target", "role", "quantity", "observed", "bound_min", "bound_max", "sd", "mean", "p025", "p50", "p975",
            "kept_share", "covered", "defined_draws", "draws"]);
        foreach (var c in checks)
        {
            var t = c.Target;
            csv.Row([t.Name ?? "", TargetText.Role(t), TargetText.Quantity(t.Quantity!), Number(t.Observed), Number(t.Bound?.Min), Number(t.Bound?.Max),
                Number(t.Sd), Csv.Number(c.Mean), Csv.Number(c.Lower), Csv.Number(c.Median), Csv.Number(c.Upper), Csv.Number(c.KeptShare),
                c.Covered ? "yes" : "no", Csv.Integer(c.DefinedDraws), Csv.Integer(c.Draws)]);
        }
        return csv.ToString();
    }

    private static string Number(double? v) => v is { } x ? Csv.Number(x) : "";
}
