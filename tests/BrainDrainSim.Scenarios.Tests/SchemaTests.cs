using System.Text;
using System.Text.Json;
using Json.Schema;
using BrainDrainSim.Scenarios.Schema;

namespace BrainDrainSim.Scenarios.Tests;

/// <summary>
/// scenarios/scenario.schema.json: generated from the scenario types, committed as generated, met by every
/// scenario file of the repository, and strict enough to catch the mistakes the loader reports.
/// </summary>
public sealed class SchemaTests
{
    private const string Modeline = "# yaml-language-server: $schema=";

    private static readonly string RepoRoot = BrainDrainSim.Testing.RepoPaths.Root;

    private static readonly Lazy<string> Text = new(ScenarioSchema.Generate);

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(Text.Value, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    /// <summary>The scenario files of the repository, relative to its root with '/' separators.</summary>
    public static TheoryData<string> ScenarioFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "scenarios", "scenarios/history", "benchmarks/scenarios", "docs/sensitivity" })
            foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot, folder))
                         .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                data.Add($"{folder}/{Path.GetFileName(file)}");
        return data;
    }

    [Fact]
    public void The_committed_schema_is_the_one_the_scenario_types_give()
    {
        string path = Path.Combine(RepoRoot, ScenarioSchema.CommittedPath);
        Assert.True(File.Exists(path), $"{ScenarioSchema.CommittedPath} is missing; write it with: {ScenarioSchema.RegenerateCommand}");
        byte[] committed = File.ReadAllBytes(path);
        byte[] generated = Encoding.UTF8.GetBytes(Text.Value);
        if (committed.AsSpan().SequenceEqual(generated)) return;
        int at = 0;
        while (at < committed.Length && at < generated.Length && committed[at] == generated[at]) at++;
        int line = 1 + committed.AsSpan(0, at).Count((byte)'\n');
        Assert.Fail($"{ScenarioSchema.CommittedPath} differs from what the scenario types give (first at line {line}): " +
                    $"the records changed since it was written. Regenerate it with: {ScenarioSchema.RegenerateCommand}");
    }

    [Fact]
    public void Generation_is_deterministic_and_plain()
    {
        string again = ScenarioSchema.Generate();
        Assert.Equal(Text.Value, again);
        Assert.DoesNotContain('\r', again);
        Assert.EndsWith("}\n", again);
        Assert.DoesNotContain("\\u", again); // readable text, no escapes
    }

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        using var doc = JsonDocument.Parse(Text.Value);
        Assert.Equal(ScenarioSchema.Dialect, doc.RootElement.GetProperty("$schema").GetString());
        var result = MetaSchemas.Draft202012.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void The_schema_speaks_the_loaders_names_bounds_and_descriptions()
    {
        using var doc = JsonDocument.Parse(Text.Value);
        var props = doc.RootElement.GetProperty("properties");
        Assert.False(doc.RootElement.TryGetProperty("required", out _)); // an extending file gives only what it changes
        var lambdaOut = props.GetProperty("coefficients").GetProperty("properties").GetProperty("lambda_out");
        Assert.Equal(0, lambdaOut.GetProperty("minimum").GetDouble());
        Assert.Equal(1, lambdaOut.GetProperty("maximum").GetDouble());
        Assert.Contains("per month", lambdaOut.GetProperty("description").GetString());
        var halfLife = props.GetProperty("compute").GetProperty("properties").GetProperty("half_life_years");
        Assert.Equal(0, halfLife.GetProperty("exclusiveMinimum").GetDouble());
        Assert.False(halfLife.TryGetProperty("minimum", out _));
        Assert.StartsWith("A cohort's value in frontier units halves", halfLife.GetProperty("description").GetString());
        var stage = doc.RootElement.GetProperty("$defs").GetProperty("salary_topup").GetProperty("properties").GetProperty("stage");
        Assert.Equal(["student", "early", "mid", "senior", null], stage.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var leverTypes = doc.RootElement.GetProperty("$defs").GetProperty("lever").GetProperty("properties").GetProperty("type").GetProperty("enum");
        Assert.Equal(["compute_voucher", "education", "gpu_import", "return_incentive", "salary_topup", "visa_policy"],
            leverTypes.EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_scenario_file_meets_the_schema(string file)
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(RepoRoot, file)));
        Assert.True(result.IsValid, $"{file}:\n{Describe(result)}");
    }

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Every_scenario_file_names_the_schema_on_its_first_line(string file)
    {
        string full = Path.Combine(RepoRoot, file);
        string schema = Path.GetRelativePath(Path.GetDirectoryName(full)!, Path.Combine(RepoRoot, ScenarioSchema.CommittedPath)).Replace('\\', '/');
        if (!schema.StartsWith("../", StringComparison.Ordinal)) schema = "./" + schema;
        string first = File.ReadLines(full).First();
        Assert.Equal(Modeline + schema, first);
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(full)!, schema)), $"{file} names {schema}, which does not exist");
    }

    [Fact]
    public void A_policy_file_that_gives_only_what_it_changes_meets_the_schema()
    {
        const string policy = """
            extends: baseline.yaml
            levers:
              - type: salary_topup
                at: 2026-01
                until: 2030-12
                fraction: 0.2
                stage: mid
              - {type: visa_policy, at: 2025-10, fee_usd: 100000, selection_rate: ~}
              - {type: education, at: 2027-03, graduates_multiplier: 1.2, graduation_degrees: {phd: 0.3, master: 0.65, bachelor: 0.05}, cost_krw_per_extra_graduate: 60000000}
            uncertainty:
              levers[0].fraction: {dist: beta, alpha: 2, beta: 8}
              levers[2].graduation_degrees: {dist: dirichlet, concentration: {phd: 6, master: 13, bachelor: 1}}
              sectors[1].pay_multiplier: {dist: lognormal, mu: 0.1, sigma: 0.05}
              coefficients.b_gpu: {dist: gamma, shape: 2, rate: 10, mean: ~}
            """;
        var result = Evaluate(policy);
        Assert.True(result.IsValid, Describe(result));
        // The loader agrees: the schema asks nothing the loader does not.
        Assertions.Ok(ScenarioLoader.LoadText(policy, Path.Combine(RepoRoot, "scenarios", "policy.yaml")));
    }

    /// <summary>
    /// Broken documents, each with the key path at which the loader reports the mistake and the place (a JSON
    /// pointer) at which the schema does.
    /// </summary>
    public static TheoryData<string, string, string, string> Broken() => new()
    {
        { "unknown top-level key", "monthz: 12", "monthz", "/monthz" },
        { "unknown key in a section", "coefficients: {b_gpx: 0.2}", "coefficients.b_gpx", "/coefficients/b_gpx" },
        { "unknown key of a lever", "levers: [{type: gpu_import, at: 2026-02, count: 10, cuont: 10, sector_shares: {academia: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}]", "levers[0].cuont", "/levers/0/cuont" },
        { "key of another lever type", "levers: [{type: visa_policy, at: 2026-02, count: 10}]", "levers[0].count", "/levers/0/count" },
        { "text for a whole number", "months: twelve", "months", "/months" },
        { "fraction for a whole number", "months: 12.5", "months", "/months" },
        { "quoted number", "coefficients: {b_gpu: '0.2'}", "coefficients.b_gpu", "/coefficients/b_gpu" },
        { "number for a section", "pay: 5", "pay", "/pay" },
        { "section for a list", "sectors: {name: academia}", "sectors", "/sectors" },
        { "text for true/false", "levers: [{type: salary_topup, at: 2026-01, fraction: 0.1, top_talent_only: sometimes}]", "levers[0].top_talent_only", "/levers/0/top_talent_only" },
        { "above a bound", "coefficients: {lambda_out: 1.5}", "coefficients.lambda_out", "/coefficients/lambda_out" },
        { "below a bound", "network: {homophily: -0.1}", "network.homophily", "/network/homophily" },
        { "on an excluded minimum", "compute: {half_life_years: 0}", "compute.half_life_years", "/compute/half_life_years" },
        { "share above 1 in a share map", "levers: [{type: gpu_import, at: 2026-02, count: 10, sector_shares: {academia: 1.5}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}]", "levers[0].sector_shares.academia", "/levers/0/sector_shares/academia" },
        { "month out of range", "start: 2025-13", "start", "/start" },
        { "month without its year", "levers: [{type: education, at: 26-01, graduates_multiplier: 1.1}]", "levers[0].at", "/levers/0/at" },
        { "unknown stage", "levers: [{type: salary_topup, at: 2026-01, fraction: 0.1, stage: junior}]", "levers[0].stage", "/levers/0/stage" },
        { "unknown lever type", "levers: [{type: gpu_imprt, at: 2026-02, count: 10}]", "levers[0].type", "/levers/0/type" },
        { "lever without a type", "levers: [{at: 2026-02, count: 10}]", "levers[0].type", "/levers/0" },
        { "lever without at", "levers: [{type: education, graduates_multiplier: 1.1}]", "levers[0].at", "/levers/0" },
        { "gpu_import with until", "levers: [{type: gpu_import, at: 2026-02, until: 2027-01, count: 10, sector_shares: {academia: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}]", "levers[0].until", "/levers/0/until" },
        { "gpu_import without sector_shares", "levers: [{type: gpu_import, at: 2026-02, count: 10, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}]", "levers[0].sector_shares", "/levers/0" },
        { "sector without a name", "sectors: [{share: 1}]", "sectors[0].name", "/sectors/0" },
        { "unknown distribution", "uncertainty: {coefficients.b_gpu: {dist: cauchy, mean: 0, sd: 1}}", "uncertainty.coefficients.b_gpu.dist", "/uncertainty/coefficients.b_gpu/dist" },
        { "distribution without dist", "uncertainty: {coefficients.b_gpu: {mean: 0, sd: 1}}", "uncertainty.coefficients.b_gpu.dist", "/uncertainty/coefficients.b_gpu" },
        { "distribution missing a parameter", "uncertainty: {coefficients.b_gpu: {dist: normal, mean: 0.2}}", "uncertainty.coefficients.b_gpu.sd", "/uncertainty/coefficients.b_gpu" },
        { "parameter of another distribution", "uncertainty: {coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.1, mode: 0.2}}", "uncertainty.coefficients.b_gpu.mode", "/uncertainty/coefficients.b_gpu/mode" },
        { "unknown uncertain path", "uncertainty: {coefficients.b_gpx: {dist: normal, mean: 0.2, sd: 0.1}}", "uncertainty.coefficients.b_gpx", "/uncertainty/coefficients.b_gpx" },
        { "uncertain shape of the run", "uncertainty: {agent_scale: {dist: normal, mean: 20, sd: 1}}", "uncertainty.agent_scale", "/uncertainty/agent_scale" },
        { "uncertain uncertainty", "uncertainty: {uncertainty.x: {dist: normal, mean: 0, sd: 1}}", "uncertainty.uncertainty.x", "/uncertainty/uncertainty.x" },
        { "text for a distribution", "uncertainty: {coefficients.b_gpu: 0.2}", "uncertainty.coefficients.b_gpu", "/uncertainty/coefficients.b_gpu" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_document_fails_the_schema_as_it_fails_the_loader(string what, string yaml, string loaderPath, string schemaPointer)
    {
        var result = Evaluate(yaml);
        Assert.False(result.IsValid, $"the schema accepts a document with a {what}: {yaml}");
        Assert.True(Failures(result).Any(d => d.InstanceLocation.ToString() == schemaPointer),
            $"expected the schema's error at {schemaPointer} for a {what}, got:\n{Describe(result)}");

        var loaded = ScenarioLoader.LoadText(yaml, Path.Combine(RepoRoot, "scenarios", "broken.yaml"));
        Assert.False(loaded.Ok, $"the loader accepts a document with a {what}: {yaml}");
        Assert.True(loaded.Errors.Any(e => e.KeyPath == loaderPath),
            $"expected the loader's error at {loaderPath} for a {what}, got:\n{Assertions.Dump(loaded)}");
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Value.Evaluate(YamlJson.Parse(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>The results that carry errors; a failed `if` only picks which `then` applies (the lever type, the distribution).</summary>
    private static IEnumerable<EvaluationResults> Failures(EvaluationResults result) =>
        (result.Details ?? []).Append(result)
            .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal));

    private static string Describe(EvaluationResults result) =>
        string.Join("\n", Failures(result).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)} ({d.EvaluationPath})"));
}
