using System.Globalization;
using System.Text;
using BrainDrainSim.Model;
using BrainDrainSim.Scenarios;

namespace BrainDrainSim.Reference.Tests.Comparison;

/// <summary>
/// Random valid lever sets on a small base scenario, written as YAML and loaded through the loader (so every
/// set is validated as a user's file would be): one to four levers of any of the six types, each field drawn
/// over its valid range (shares that sum to 1, sectors and stages by name, months from half a year before the
/// start to the last month, some levers without until, zero counts and rates at the edges). Set k is a pure
/// function of k.
/// </summary>
public static class RandomLeverSets
{
    /// <summary>Three years: long enough for levers to start, stop and act, short enough for a few hundred sets.</summary>
    public const int Months = 36;

    private static readonly YearMonth Start = new(2025, 1);
    private static readonly string[] Sectors = ["academia", "industry", "institute"];
    private static readonly string[] Stages = ["student", "early", "mid", "senior"];
    private static readonly string[] Types = ["gpu_import", "salary_topup", "return_incentive", "visa_policy", "education", "compute_voucher"];

    /// <summary>
    /// The base: 200 researchers (150 at home) and 4 entrants a month, with faster careers and a higher intent
    /// ceiling than the baseline so that a three-year run has enough events (emigrations, returns,
    /// graduations abroad) for the comparison to see a lever's effect, and b_gpu 0.5 so that compute levers
    /// matter. Service lives are whole or half years (12 x life never ends in .5: see the rounding finding in
    /// the report of this test project).
    /// </summary>
    private static string Base(int k, Random random) => $"""
        name: random-levers-{k:D3}
        start: {Start}
        months: {Months}
        population: {"{"}at_home: 150, abroad_us: 25, abroad_other: 25{"}"}
        compute:
          service_life_years: {Pick(random, ["0.5", "1", "2.5", "6"])}
          half_life_years: {F(0.5 + 4.5 * random.NextDouble())}
        coefficients: {"{"}lambda_out: 0.05, lambda_back: 0.03, b_gpu: 0.5{"}"}
        careers:
          annual_graduates: 48
          duration_years: {"{"}student: 2, early: 4, mid: 8{"}"}

        """;

    public static string Yaml(int k)
    {
        var random = new Random(9_000 + k);
        var yaml = new StringBuilder(Base(k, random));
        yaml.AppendLine("levers:");
        int levers = 1 + random.Next(4);
        for (int l = 0; l < levers; l++) AppendLever(yaml, random);
        // Drawn after the levers, so that adding timelines left every set's levers as they were.
        if (random.NextDouble() < 0.5) AppendTimeline(yaml, random);
        return yaml.ToString();
    }

    /// <summary>Set k, loaded and validated; throws with the loader's errors if the generator wrote an invalid file.</summary>
    public static Scenario Load(int k)
    {
        string yaml = Yaml(k);
        var result = ScenarioLoader.LoadText(yaml, $"random-levers-{k:D3}.yaml");
        return result.Scenario ?? throw new InvalidOperationException(
            $"random lever set {k} is not valid:\n{string.Join("\n", result.Errors)}\n{yaml}");
    }

    private static void AppendLever(StringBuilder y, Random random)
    {
        string type = Pick(random, Types);
        // From six months before the start (already active) to the last month.
        int at = -6 + random.Next(Months + 6);
        y.AppendLine($"  - type: {type}");
        y.AppendLine($"    at: {Start.AddMonths(at)}");
        if (type != "gpu_import" && random.NextDouble() < 0.6)
            y.AppendLine($"    until: {Start.AddMonths(at + random.Next(30))}");
        switch (type)
        {
            case "gpu_import":
                y.AppendLine($"    count: {(random.NextDouble() < 0.2 ? 0 : 1 + random.Next(3000))}");
                y.AppendLine("    mix:");
                foreach (var (share, i) in Shares(random, 1 + random.Next(2)).Select((s, i) => (s, i)))
                    y.AppendLine($"      - {{model: M{i}, share: {share}, h100e_per_unit: {F(0.5 + 3.5 * random.NextDouble())}}}");
                var sectors = Sectors.Where(_ => random.NextDouble() < 0.6).DefaultIfEmpty(Pick(random, Sectors)).ToArray();
                y.AppendLine($"    sector_shares: {{{string.Join(", ", sectors.Zip(Shares(random, sectors.Length), (s, v) => $"{s}: {v}"))}}}");
                y.AppendLine($"    utilisation: {F(random.NextDouble())}");
                y.AppendLine($"    unit_cost_krw: {random.Next(200_000_000)}");
                y.AppendLine($"    running_cost_krw_per_gpu_year: {random.Next(30_000_000)}");
                break;
            case "salary_topup":
                bool fraction = random.NextDouble() < 0.7;
                y.AppendLine($"    fraction: {(fraction ? F(0.01 + 2 * random.NextDouble()) : "0")}");
                y.AppendLine($"    amount_krw_per_year: {(!fraction || random.NextDouble() < 0.3 ? 1_000_000 + random.Next(100_000_000) : 0)}");
                y.AppendLine($"    top_talent_only: {(random.NextDouble() < 0.5 ? "true" : "false")}");
                if (random.NextDouble() < 0.3) y.AppendLine($"    sector: {Pick(random, Sectors)}");
                if (random.NextDouble() < 0.3) y.AppendLine($"    stage: {Pick(random, Stages)}");
                break;
            case "return_incentive":
                y.AppendLine($"    bonus_krw: {(random.NextDouble() < 0.3 ? 0 : random.Next(300_000_000))}");
                y.AppendLine($"    bonus_years: {F(0.5 + 9.5 * random.NextDouble())}");
                y.AppendLine($"    guaranteed_h100e: {(random.NextDouble() < 0.3 ? "0" : F(3 * random.NextDouble()))}");
                y.AppendLine($"    guarantee_months: {random.Next(61)}");
                y.AppendLine($"    price_krw_per_gpu_hour: {random.Next(10_000)}");
                break;
            case "visa_policy":
                foreach (var key in new[] { "selection_rate", "advanced_round_rate", "talent_route_rate", "other_pass_rate", "study_pass_rate" })
                    if (random.NextDouble() < 0.4) y.AppendLine($"    {key}: {Rate(random)}");
                if (random.NextDouble() < 0.5) y.AppendLine($"    fee_usd: {(random.NextDouble() < 0.2 ? 0 : random.Next(300_000))}");
                break;
            case "education":
                // An education lever adds places (a multiplier of 1 or more).
                y.AppendLine($"    graduates_multiplier: {F(1 + 3 * random.NextDouble())}");
                if (random.NextDouble() < 0.4)
                {
                    var mix = Shares(random, 3);
                    y.AppendLine($"    graduation_degrees: {{bachelor: {mix[0]}, master: {mix[1]}, phd: {mix[2]}}}");
                }
                y.AppendLine($"    cost_krw_per_extra_graduate: {random.Next(100_000_000)}");
                break;
            default:
                if (random.NextDouble() < 0.5) y.AppendLine($"    sector: {Pick(random, Sectors)}");
                y.AppendLine($"    gpu_hours_per_researcher_per_month: {F(2000 * random.NextDouble())}");
                y.AppendLine($"    price_krw_per_gpu_hour: {random.Next(10_000)}");
                break;
        }
    }

    /// <summary>
    /// A timeline of one to four entries in month order, from six months before the start to the last month, each
    /// giving some of the timeline's keys (at least one) over their plausible ranges, entry rates 0 and 1 often.
    /// </summary>
    private static void AppendTimeline(StringBuilder y, Random random)
    {
        var months = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => -6 + random.Next(Months + 6)).Distinct().Order().ToArray();
        y.AppendLine("timeline:");
        foreach (int m in months)
        {
            y.AppendLine($"  - from: {Start.AddMonths(m)}");
            var values = new List<string>();
            if (random.NextDouble() < 0.35) values.Add($"krw_per_usd: {F(800 + 1000 * random.NextDouble())}");
            if (random.NextDouble() < 0.35) values.Add($"home_growth_per_year: {F(-0.05 + 0.2 * random.NextDouble())}");
            if (random.NextDouble() < 0.35) values.Add($"abroad_growth_per_year: {F(-0.05 + 0.2 * random.NextDouble())}");
            if (random.NextDouble() < 0.35) values.Add($"annual_graduates: {random.Next(150)}");
            foreach (var key in new[] { "selection_rate", "advanced_round_rate", "talent_route_rate", "study_pass_rate", "other_pass_rate", "us_work_entry_rate", "us_study_entry_rate" })
                if (random.NextDouble() < 0.3) values.Add($"{key}: {Rate(random)}");
            if (values.Count == 0) values.Add($"us_work_entry_rate: {Rate(random)}");
            foreach (var v in values) y.AppendLine($"    {v}");
        }
    }

    /// <summary>A probability, with the edges 0 and 1 drawn often (gates shut and open).</summary>
    private static string Rate(Random random) => random.Next(5) switch
    {
        0 => "0",
        1 => "1",
        _ => F(random.NextDouble()),
    };

    /// <summary>n shares with three decimals that sum to exactly 1 (the last takes the remainder; zeros allowed).</summary>
    private static string[] Shares(Random random, int n)
    {
        var cuts = Enumerable.Range(0, n - 1).Select(_ => random.Next(1001)).Order().ToArray();
        var ints = new int[n];
        int previous = 0;
        for (int i = 0; i < n - 1; i++) { ints[i] = cuts[i] - previous; previous = cuts[i]; }
        ints[n - 1] = 1000 - previous;
        return ints.Select(v => (v / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)).ToArray();
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
