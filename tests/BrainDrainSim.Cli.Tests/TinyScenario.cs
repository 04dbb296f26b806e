namespace BrainDrainSim.Cli.Tests;

/// <summary>A small scenario with a lever and an uncertain coefficient: quick, yet every output path runs.</summary>
internal static class TinyScenario
{
    /// <summary>Lines 1-10: everything before the lever.</summary>
    private const string Head = """
        name: tiny
        description: A small scenario for the end-to-end tests (assumption-only figures).
        start: 2025-01
        months: 30
        population:
          at_home: 1900
          abroad_us: 210
          abroad_other: 160
        careers:
          annual_graduates: 100

        """;

    /// <summary>The lever block, lines 11-17 of <see cref="Yaml"/>, written once: the baseline is the scenario without it.</summary>
    public const string Lever = """
        levers:
          - type: gpu_import
            at: 2025-06
            count: 200
            sector_shares: {academia: 1.0}
            unit_cost_krw: 146000000
            running_cost_krw_per_gpu_year: 14600000

        """;

    private const string Tail = """
        uncertainty:
          coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.05}

        """;

    public const string Yaml = Head + Lever + Tail;

    /// <summary>The same scenario without its lever (under its own name): a baseline for the policy <see cref="Yaml"/>.</summary>
    public static string WithoutLever => (Head + Tail).Replace("name: tiny", "name: tiny-baseline");

    /// <summary>The same file with the lever key `count` misspelt on line 14, column 5.</summary>
    public static string Misspelt => Yaml.Replace("    count: 200", "    cuont: 200");
}
