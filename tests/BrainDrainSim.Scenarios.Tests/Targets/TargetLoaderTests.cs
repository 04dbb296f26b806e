using BrainDrainSim.Calibration.Targets;
using BrainDrainSim.Scenarios.Targets;
using static BrainDrainSim.Scenarios.Tests.Targets.TargetFiles;

namespace BrainDrainSim.Scenarios.Tests.Targets;

/// <summary>
/// The targets loader: every kind of mistake gives an error placed at its file, line, column and key, with no
/// target set; all of a file's errors come at once; one mistake gives one error.
/// </summary>
public sealed class TargetLoaderTests
{
    /// <summary>One good target; the cases below change one thing in it.</summary>
    private const string Good = """
        name: t
        targets:
          - name: abroad_2024
            quantity: {metric: researchers_abroad, at: 2024-12}
            observed: 11000
            sd: 1500
            role: fit
            source: "[S] BOK Issue Note, Dec 2025"
        """;

    private static string With(string from, string to)
    {
        Assert.Contains(from, Good);
        return Good.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_file_loads_with_its_targets()
    {
        var result = Load(Good);
        Assert.True(result.Ok, Dump(result));
        var set = result.Targets!;
        Assert.Equal("t", set.Name);
        Assert.Equal(1, set.FitCount);
        var target = Assert.Single(set.Targets);
        Assert.Equal("abroad_2024", target.Name);
        Assert.Equal(new BrainDrainSim.Model.YearMonth(2024, 12), target.Quantity!.At);
        Assert.Equal(TargetRole.Fit, target.Role);
        Assert.StartsWith("sha256:", result.InputHash);
    }

    [Fact]
    public void A_file_without_a_name_is_named_after_itself()
    {
        var result = Load(Good.Replace("name: t\n", "", StringComparison.Ordinal), file: "korea-draft.yaml");
        Assert.True(result.Ok, Dump(result));
        Assert.Equal("korea-draft", result.Targets!.Name);
    }

    /// <summary>Each mistake: the key path of its error, the line and column it points at, and the message.</summary>
    public static TheoryData<string, string, string, int, int, string> Mistakes() => new()
    {
        { "unknown metric", With("metric: researchers_abroad", "metric: researchers_abroda"), "targets[0].quantity.metric", 4, 24,
            "'researchers_abroda' is not a metric of scenario 'history'; did you mean 'researchers_abroad'?" },
        { "a scenario input as metric", With("metric: researchers_abroad", "metric: visa.selection_rate"), "targets[0].quantity.metric", 4, 24,
            "'visa.selection_rate' is an input of the scenario, set in the scenario file; it cannot be a target, which compares a model output (a metric such as researchers_abroad) with what was observed" },
        { "a top-level input as metric", With("metric: researchers_abroad", "metric: krw_per_usd"), "targets[0].quantity.metric", 4, 24,
            "'krw_per_usd' is an input of the scenario, set in the scenario file; it cannot be a target, which compares a model output (a metric such as researchers_abroad) with what was observed" },
        { "a month before the run", With("at: 2024-12", "at: 2014-12"), "targets[0].quantity.at", 4, 48,
            "2014-12 is before the first simulated month 2015-01 (scenario 'history' runs 2015-01 to 2024-12): target 'abroad_2024' lies outside the run" },
        { "a month after the run", With("at: 2024-12", "at: 2025-01"), "targets[0].quantity.at", 4, 48,
            "2025-01 is after the last simulated month 2024-12 (scenario 'history' runs 2015-01 to 2024-12): target 'abroad_2024' lies outside the run" },
        { "to before from", With("quantity: {metric: researchers_abroad, at: 2024-12}", "quantity: {metric: emigrations, sum: {from: 2019-12, to: 2019-01}}"),
            "targets[0].quantity.sum.to", 4, 62, "to 2019-01 is before from 2019-12; a period runs from from through to, both included" },
        { "no uncertainty", With("    sd: 1500\n", ""), "targets[0].sd", 3, 5,
            "a target needs sd: the uncertainty of the figure in the quantity's unit (for a bound, the scale of the penalty beyond it); where the source gives none it is an assumption: say so" },
        { "sd of zero", With("sd: 1500", "sd: 0"), "targets[0].sd", 6, 9, "sd must be a finite number above 0, not 0: the discrepancy is divided by it" },
        { "sd written empty", With("sd: 1500", "sd:"), "targets[0].sd", 6, 8,
            "a target needs sd: the uncertainty of the figure in the quantity's unit (for a bound, the scale of the penalty beyond it); where the source gives none it is an assumption: say so" },
        { "neither observed nor bound", With("    observed: 11000\n", ""), "targets[0]", 3, 5,
            "a target needs observed: (the figure) or bound: (a min: or max: it must keep), each with sd:" },
        { "a name used twice", Good + "\n" + Good[Good.IndexOf("  - name", StringComparison.Ordinal)..], "targets[1].name", 9, 11,
            "the target name 'abroad_2024' is already used by targets[0]; names must be unique" },
        { "no fit target", With("role: fit", "role: validate"), "targets", 3, 3,
            "no target has role: fit, so nothing enters the distance; fit at least one (validate targets are only reported)" },
        { "no target", "name: t\ntargets: []\n", "targets", 2, 10,
            "a target set needs at least one target: a list of entries with name:, quantity:, observed: or bound:, sd:, role: and source:" },
        { "a misspelt key", With("observed:", "obseved:"), "targets[0].obseved", 5, 5, "unknown key 'obseved'; did you mean 'observed'?" },
        { "a key beside its section", With("quantity: {metric: researchers_abroad, at: 2024-12}", "metric: researchers_abroad"), "targets[0].metric", 4, 5,
            "unknown key 'metric' in targets[0]; it is a key of quantity" },
        { "an unknown key with nothing near", With("role: fit", "role: fit\n    zzz: 1"), "targets[0].zzz", 8, 5,
            "unknown key 'zzz'; the keys here are: name, quantity, observed, bound, sd, role, source" },
        { "text for a number", With("observed: 11000", "observed: many"), "targets[0].observed", 5, 15, "expected a number, not 'many'" },
        { "a bad month", With("at: 2024-12", "at: 2024-13"), "targets[0].quantity.at", 4, 48, "expected a month as YYYY-MM (such as 2025-07), not '2024-13'" },
        { "an unknown role", With("role: fit", "role: fitted"), "targets[0].role", 7, 11, "expected one of: fit, validate; not 'fitted'" },
        { "text for a quantity", With("quantity: {metric: researchers_abroad, at: 2024-12}", "quantity: researchers_abroad"), "targets[0].quantity", 4, 15,
            "expected a section (indented key: value lines), not 'researchers_abroad'" },
        { "a section for the list", "targets: {name: a}\n", "targets", 1, 10, "expected a list (entries starting with '- '), not a section" },
        { "no source", With("    source: \"[S] BOK Issue Note, Dec 2025\"", ""), "targets[0].source", 3, 5,
            "a target needs source: where the figure comes from (with its confidence tag), or that it is an assumption" },
        { "no role", With("    role: fit\n", ""), "targets[0].role", 3, 5, "a target needs role: fit (it enters the distance) or validate (it is only reported)" },
        { "no name", With("  - name: abroad_2024\n    quantity", "  - quantity"), "targets[0].name", 3, 5, "a target needs name: it names the target in reports and messages" },
        { "no quantity", With("    quantity: {metric: researchers_abroad, at: 2024-12}\n", ""), "targets[0].quantity", 3, 5,
            "a target needs quantity: the model output it is compared with, such as {metric: researchers_abroad, at: 2024-12}" },
        { "a stock summed", With("at: 2024-12", "sum: {from: 2024-01, to: 2024-12}"), "targets[0].quantity.sum", 4, 49,
            "researchers_abroad is a stock, a level at the end of each month (persons): a sum over months counts the level once a month; take it at: a month or average it (mean:)" },
        { "a ratio of three", With("quantity: {metric: researchers_abroad, at: 2024-12}", "quantity: {ratio: [{metric: emigrations, at: 2024-12}, {metric: returns, at: 2024-12}, {metric: exits, at: 2024-12}]}"),
            "targets[0].quantity.ratio", 4, 23, "a ratio needs two quantities, the numerator then the denominator, not 3" },
        { "a bound and an observed figure", With("sd: 1500", "sd: 1500\n    bound: {min: 0}"), "targets[0].bound", 7, 5,
            "give observed: or bound:, not both: a bound is for a figure known only as a limit or a sign" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Every_mistake_gives_one_located_error_and_no_target_set(string what, string yaml, string keyPath, int line, int column, string message)
    {
        var result = Load(yaml);
        var error = OnlyError(result, keyPath);
        Assert.True(error.Message == message, $"{what}: expected\n  {message}\ngot\n  {error.Message}");
        Assert.True((error.Line, error.Column) == (line, column), $"{what}: expected {line}:{column}, got {error}");
        Assert.EndsWith("targets.yaml", error.File);
        Assert.True(result.Errors.Count == 1, $"{what}: one mistake, one error; got:\n{Dump(result)}");
    }

    [Fact]
    public void A_key_of_a_period_written_in_the_quantity_is_pointed_to_both_periods()
    {
        // Which of sum or mean was meant cannot be known, so the quantity is also said to lack a form: the second
        // error says what to write.
        var result = Load(With("at: 2024-12", "from: 2024-12"));
        Assert.Equal("unknown key 'from' in targets[0].quantity; it is a key of sum and mean", OnlyError(result, "targets[0].quantity.from").Message);
        Assert.StartsWith("a quantity needs one of at: (a month), sum: or mean:", OnlyError(result, "targets[0].quantity").Message);
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Every_error_of_a_file_is_given_at_once_in_file_order()
    {
        var yaml = With("metric: researchers_abroad", "metric: researchers_abroda").Replace("sd: 1500", "sd: -1", StringComparison.Ordinal)
            .Replace("role: fit", "role: fitt", StringComparison.Ordinal);
        var result = Load(yaml);
        Assert.Equal(["targets[0].quantity.metric", "targets[0].sd", "targets[0].role"], result.Errors.Select(e => e.KeyPath));
        Assert.Null(result.Targets);
    }

    [Fact]
    public void A_flow_taken_at_one_month_loads_with_a_located_warning()
    {
        var result = Load(With("metric: researchers_abroad", "metric: emigrations"));
        Assert.True(result.Ok, Dump(result));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("targets[0].quantity.at", 4, 41), (warning.KeyPath, warning.Line, warning.Column));
        Assert.StartsWith("emigrations is a flow (persons per month): at: takes the flow of one month", warning.Message);
        Assert.Equal(warning.Message, Assert.Single(result.Targets!.Warnings).Message);
    }

    [Fact]
    public void A_target_set_with_bounds_and_ratios_loads()
    {
        const string yaml = """
            targets:
              - name: net_outflow_2019
                quantity: {metric: emigrations, sum: {from: 2019-01, to: 2019-12}}
                bound: {min: 0}
                sd: 200
                role: fit
                source: "[S] BOK"
              - name: us_share
                quantity:
                  ratio:
                    - {metric: researchers_abroad_us, at: 2024-12}
                    - {metric: researchers_abroad, mean: {from: 2024-01, to: 2024-12}}
                observed: 0.57
                sd: 0.05
                role: validate
                source: "[D] BOK: 6,300 / 11,000"
            """;
        var result = Load(yaml);
        Assert.True(result.Ok, Dump(result));
        Assert.Equal(1, result.Targets!.FitCount);
        Assert.Equal(0, result.Targets.ObservedFitCount);
        Assert.Equal(new TargetBound { Min = 0 }, result.Targets.Targets[0].Bound);
    }

    [Fact]
    public void File_level_mistakes_are_errors_of_a_targets_file()
    {
        using var folder = new BrainDrainSim.Testing.TempFolder();
        string missing = folder.PathOf("nothere.yaml");
        Assert.Equal($"cannot find the targets file {missing}", Assert.Single(TargetLoader.Load(missing, History).Errors).Message);
        Assert.Equal($"{folder.Path} is a directory, not a targets file", Assert.Single(TargetLoader.Load(folder.Path, History).Errors).Message);
        Assert.Equal("the file is empty: a targets file is a mapping of keys such as name:, description: and targets:", Assert.Single(Load("# nothing\n").Errors).Message);
        Assert.Equal("a targets file must be a mapping of keys (name:, description:, targets:), not a list", Assert.Single(Load("- a\n").Errors).Message);
        Assert.Equal("no targets file was named", Assert.Single(TargetLoader.LoadText(Good, "", History).Errors).Message);
        Assert.StartsWith("duplicate key 'sd'", Assert.Single(Load(With("sd: 1500", "sd: 1500\n    sd: 3")).Errors).Message);
    }
}
