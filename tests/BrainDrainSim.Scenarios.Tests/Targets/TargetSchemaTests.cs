using System.Text;
using System.Text.Json;
using Json.Schema;
using BrainDrainSim.Scenarios.Schema;
using BrainDrainSim.Scenarios.Targets;

namespace BrainDrainSim.Scenarios.Tests.Targets;

/// <summary>
/// scenarios/targets/targets.schema.json: generated from the target records, committed as generated, and strict
/// enough to catch the mistakes of a target's shape that the loader reports, without refusing what it accepts.
/// </summary>
public sealed class TargetSchemaTests
{
    private static readonly string RepoRoot = BrainDrainSim.Testing.RepoPaths.Root;

    private static readonly Lazy<string> Text = new(TargetSchema.Generate);

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(Text.Value, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    [Fact]
    public void The_committed_schema_is_the_one_the_target_records_give()
    {
        string path = Path.Combine(RepoRoot, TargetSchema.CommittedPath);
        Assert.True(File.Exists(path), $"{TargetSchema.CommittedPath} is missing; write it with: {TargetSchema.RegenerateCommand}");
        Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(Text.Value)),
            $"{TargetSchema.CommittedPath} differs from what the target records give: regenerate it with: {TargetSchema.RegenerateCommand}");
        Assert.Equal(Text.Value, TargetSchema.Generate());
    }

    [Fact]
    public void The_schema_is_a_valid_draft_2020_12_schema()
    {
        using var doc = JsonDocument.Parse(Text.Value);
        Assert.Equal(ScenarioSchema.Dialect, doc.RootElement.GetProperty("$schema").GetString());
        var result = MetaSchemas.Draft202012.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, Describe(result));
        var target = doc.RootElement.GetProperty("$defs").GetProperty("target").GetProperty("properties");
        Assert.Equal(["name", "quantity", "observed", "bound", "sd", "role", "source"], target.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["fit", "validate"], target.GetProperty("role").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    private const string Good = """
        # yaml-language-server: $schema=./targets.schema.json
        name: t
        targets:
          - name: abroad_2024
            quantity: {metric: researchers_abroad, at: 2024-12}
            observed: 11000
            sd: 1500
            role: fit
            source: "[S] BOK"
          - name: outflow_2019
            quantity: {metric: emigrations, sum: {from: 2019-01, to: 2019-12}}
            bound: {min: 0, max: ~}
            observed: ~
            sd: 200
            role: fit
            source: "[S] BOK"
          - name: us_share
            quantity:
              ratio:
                - {metric: researchers_abroad_us, mean: {from: 2024-01, to: 2024-12}}
                - {metric: researchers_abroad, at: 2024-12, sum: ~}
            observed: 0.57
            sd: 0.05
            role: validate
            source: "[D] BOK"
        """;

    [Fact]
    public void A_file_with_every_form_meets_the_schema_and_loads()
    {
        var result = Evaluate(Good);
        Assert.True(result.IsValid, Describe(result));
        var loaded = TargetFiles.Load(Good);
        Assert.True(loaded.Ok, TargetFiles.Dump(loaded));
    }

    /// <summary>Broken files: the key path of the loader's error and the place (a JSON pointer) of the schema's.</summary>
    public static TheoryData<string, string, string, string> Broken() => new()
    {
        { "unknown key of a target", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, obseved: 1, sd: 1, role: fit, source: s}", "targets[0].obseved", "/targets/0/obseved" },
        { "unknown key of a quantity", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01, from: 2019-01}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity.from", "/targets/0/quantity/from" },
        { "observed and bound", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, bound: {min: 0}, sd: 1, role: fit, source: s}", "targets[0].bound", "/targets/0" },
        { "neither observed nor bound", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, sd: 1, role: fit, source: s}", "targets[0]", "/targets/0" },
        { "two forms", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01, sum: {from: 2019-01, to: 2019-12}}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity", "/targets/0/quantity" },
        { "no form", "targets:\n  - {name: a, quantity: {metric: emigrations}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity", "/targets/0/quantity" },
        { "no metric", "targets:\n  - {name: a, quantity: {at: 2019-01}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity.metric", "/targets/0/quantity" },
        { "a ratio of three", "targets:\n  - {name: a, quantity: {ratio: [{metric: emigrations, at: 2019-01}, {metric: returns, at: 2019-01}, {metric: exits, at: 2019-01}]}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity.ratio", "/targets/0/quantity/ratio" },
        { "a nested ratio", "targets:\n  - {name: a, quantity: {ratio: [{metric: emigrations, at: 2019-01}, {ratio: []}]}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity.ratio[1].ratio", "/targets/0/quantity/ratio/1/ratio" },
        { "a metric beside a ratio", "targets:\n  - {name: a, quantity: {metric: exits, ratio: [{metric: emigrations, at: 2019-01}, {metric: returns, at: 2019-01}]}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity", "/targets/0/quantity" },
        { "a bad month", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-13}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity.at", "/targets/0/quantity/at" },
        { "a period without to", "targets:\n  - {name: a, quantity: {metric: emigrations, sum: {from: 2019-01}}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].quantity.sum.to", "/targets/0/quantity/sum" },
        { "sd of zero", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, sd: 0, role: fit, source: s}", "targets[0].sd", "/targets/0/sd" },
        { "no sd", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, role: fit, source: s}", "targets[0].sd", "/targets/0" },
        { "an unknown role", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, sd: 1, role: fitted, source: s}", "targets[0].role", "/targets/0/role" },
        { "no source", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, sd: 1, role: fit}", "targets[0].source", "/targets/0" },
        { "a blank source", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, sd: 1, role: fit, source: ' '}", "targets[0].source", "/targets/0/source" },
        { "a name with a space", "targets:\n  - {name: a b, quantity: {metric: emigrations, at: 2019-01}, observed: 1, sd: 1, role: fit, source: s}", "targets[0].name", "/targets/0/name" },
        { "an empty bound", "targets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, bound: {}, sd: 1, role: fit, source: s}", "targets[0].bound", "/targets/0/bound" },
        { "no targets", "name: t\ntargets: []", "targets", "/targets" },
        { "unknown top-level key", "targetz: []\ntargets:\n  - {name: a, quantity: {metric: emigrations, at: 2019-01}, observed: 1, sd: 1, role: fit, source: s}", "targetz", "/targetz" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_file_fails_the_schema_as_it_fails_the_loader(string what, string yaml, string loaderPath, string schemaPointer)
    {
        var result = Evaluate(yaml);
        Assert.False(result.IsValid, $"the schema accepts a file with {what}: {yaml}");
        Assert.True(FailsAt(result, schemaPointer), $"expected the schema to fail at {schemaPointer} for {what}, got:\n{Describe(result)}");
        var loaded = TargetFiles.Load(yaml);
        Assert.False(loaded.Ok, $"the loader accepts a file with {what}: {yaml}");
        Assert.True(loaded.Errors.Any(e => e.KeyPath == loaderPath), $"expected the loader's error at {loaderPath} for {what}, got:\n{TargetFiles.Dump(loaded)}");
    }

    internal static EvaluationResults Evaluate(string yaml) =>
        Schema.Value.Evaluate(YamlJson.Parse(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });

    /// <summary>
    /// Whether the document fails at the pointer: a node there is invalid outside any branch of a oneOf or anyOf (a
    /// branch that fails is how those keywords choose, not a failure of the document). JsonSchema.Net gives a oneOf
    /// that matches twice no message of its own, so a node without a message counts.
    /// </summary>
    private static bool FailsAt(EvaluationResults result, string pointer) =>
        (result.Details ?? []).Append(result).Any(d => !d.IsValid && d.InstanceLocation.ToString() == pointer &&
            !d.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal) && !d.EvaluationPath.ToString().Contains("/anyOf/", StringComparison.Ordinal));

    /// <summary>The results that carry errors.</summary>
    private static IEnumerable<EvaluationResults> Failures(EvaluationResults result) =>
        (result.Details ?? []).Append(result).Where(d => d.Errors is { Count: > 0 });

    internal static string Describe(EvaluationResults result) =>
        string.Join("\n", Failures(result).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)} ({d.EvaluationPath})"));
}
