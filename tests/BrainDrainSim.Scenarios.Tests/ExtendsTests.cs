using BrainDrainSim.Model;
using BrainDrainSim.Model.Levers;

namespace BrainDrainSim.Scenarios.Tests;

public sealed class ExtendsTests
{
    private const string Baseline = """
        name: baseline
        description: the counterfactual
        months: 120
        coefficients: {b_gpu: 0.2, b_wage: 1.1}
        sectors:
          - {name: academia, share: 0.5}
          - {name: industry, share: 0.5}
        levers:
          - {type: gpu_import, at: 2025-06, count: 1000, sector_shares: {academia: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
        uncertainty:
          coefficients.b_gpu: {dist: normal, mean: 0.2, sd: 0.05}
          coefficients.b_wage: {dist: normal, mean: 1, sd: 0.1}
        """;

    [Fact]
    public void A_child_is_merged_over_its_base()
    {
        using var folder = new TempFolder();
        string basePath = folder.Write("baseline.yaml", Baseline);
        string childPath = folder.Write("policies/h1b-fee.yaml", """
            extends: ../baseline.yaml
            months: 60
            coefficients: {b_gpu: 0.5}
            sectors:
              - {name: everyone, share: 1}
            levers:
              - {type: visa_policy, at: 2025-10, fee_usd: 100000}
            uncertainty:
              coefficients.b_gpu: {dist: uniform, min: 0.1, max: 0.9}
            """);
        var result = ScenarioLoader.Load(childPath);

        // The base's gpu_import names academia, which the child's sector list no longer has.
        var error = Assertions.OnlyError(result, "levers[0].sector_shares.academia");
        Assert.Equal(basePath, error.File);

        string fixedChild = folder.Write("policies/h1b-fee-2.yaml", """
            extends: ../baseline.yaml
            months: 60
            coefficients: {b_gpu: 0.5}
            levers:
              - {type: visa_policy, at: 2025-10, fee_usd: 100000}
            uncertainty:
              coefficients.b_gpu: {dist: uniform, min: 0.1, max: 0.9}
            """);
        result = ScenarioLoader.Load(fixedChild);
        Assertions.Ok(result);
        var s = result.Scenario!;
        Assert.Equal("h1b-fee-2", s.Name);                 // name is never inherited
        Assert.Equal("the counterfactual", s.Description); // other scalars are
        Assert.Equal(60, s.Months);                        // scalars replace
        Assert.Equal(0.5, s.Coefficients.BGpu);            // maps merge key by key
        Assert.Equal(1.1, s.Coefficients.BWage);
        Assert.Equal(["academia", "industry"], s.Sectors.Select(x => x.Name));
        Assert.Collection(s.Levers, l => Assert.IsType<GpuImport>(l), l => Assert.IsType<VisaPolicy>(l)); // appended
        Assert.Equal(["coefficients.b_gpu", "coefficients.b_wage"], s.Uncertainty.Select(u => u.Path));
        Assert.Equal(DistributionKind.Uniform, s.Uncertainty[0].Distribution.Dist); // replaced whole by the child
        Assert.Null(s.Uncertainty[0].Distribution.Mean);
        Assert.Equal(DistributionKind.Normal, s.Uncertainty[1].Distribution.Dist);
        Assert.Equal([basePath, fixedChild], result.InputFiles);
    }

    [Fact]
    public void A_list_other_than_levers_replaces_the_base_list_whole()
    {
        using var folder = new TempFolder();
        folder.Write("baseline.yaml", Baseline.Replace("sector_shares: {academia: 1}", "sector_shares: {everyone: 1}"));
        var result = ScenarioLoader.Load(folder.Write("child.yaml", """
            extends: baseline.yaml
            name: one-sector
            sectors:
              - {name: everyone, share: 1}
            """));
        Assertions.Ok(result);
        Assert.Equal("one-sector", result.Scenario!.Name);
        Assert.Equal("everyone", Assert.Single(result.Scenario.Sectors).Name);
    }

    [Fact]
    public void Extends_chains_resolve_each_path_relative_to_its_own_file()
    {
        using var folder = new TempFolder();
        string a = folder.Write("a/base.yaml", "coefficients: {b0: -3}\n");
        string b = folder.Write("b/middle.yaml", "extends: ../a/base.yaml\ncoefficients: {b_net: 3}\n");
        string c = folder.Write("c/top.yaml", "extends: ../b/middle.yaml\ncoefficients: {b_talent: 0.9}\n");
        var result = ScenarioLoader.Load(c);
        Assertions.Ok(result);
        Assert.Equal((-3, 3, 0.9), (result.Scenario!.Coefficients.B0, result.Scenario.Coefficients.BNet, result.Scenario.Coefficients.BTalent));
        Assert.Equal([a, b, c], result.InputFiles);
    }

    [Fact]
    public void A_missing_extends_file_is_an_error_at_the_extends_line()
    {
        using var folder = new TempFolder();
        string child = folder.Write("child.yaml", "name: child\nextends: nothere.yaml\n");
        var result = ScenarioLoader.Load(child);
        var error = Assertions.OnlyError(result, "extends");
        Assert.Equal(child, error.File);
        Assert.Equal((2, 10), (error.Line, error.Column));
        Assert.Contains("cannot find the file 'nothere.yaml'", error.Message);
        Assert.Contains(Path.Combine(folder.Path, "nothere.yaml"), error.Message);
        Assert.Equal([child], result.InputFiles);
    }

    [Fact]
    public void Extending_a_directory_is_an_error()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));
        var result = ScenarioLoader.Load(folder.Write("child.yaml", "extends: sub\n"));
        Assert.Contains("is a directory", Assertions.OnlyError(result, "extends").Message);
    }

    [Fact]
    public void An_extends_cycle_is_reported_with_its_chain()
    {
        using var folder = new TempFolder();
        string a = folder.Write("a.yaml", "extends: b.yaml\n");
        string b = folder.Write("b.yaml", "extends: a.yaml\n");
        var result = ScenarioLoader.Load(a);
        var error = Assertions.OnlyError(result, "extends");
        Assert.Equal(b, error.File);
        Assert.Equal("extends makes a cycle: a.yaml -> b.yaml -> a.yaml", error.Message);
        Assert.Single(result.Errors);

        var self = ScenarioLoader.Load(folder.Write("self.yaml", "extends: ./self.yaml\n"));
        Assert.Equal("extends makes a cycle: self.yaml -> self.yaml", Assertions.OnlyError(self, "extends").Message);
    }

    [Fact]
    public void An_error_in_a_base_file_names_the_base_file()
    {
        using var folder = new TempFolder();
        string basePath = folder.Write("base.yaml", "coefficients:\n  b_gpu: lots\n");
        string child = folder.Write("child.yaml", "extends: base.yaml\nmonths: -1\n");
        var result = ScenarioLoader.Load(child);
        Assert.Equal([(basePath, 2, "coefficients.b_gpu"), (child, 2, "months")],
            result.Errors.Select(e => (e.File, e.Line, e.KeyPath)));
    }

    [Fact]
    public void A_syntax_error_in_a_base_file_stops_with_that_error()
    {
        using var folder = new TempFolder();
        string basePath = folder.Write("base.yaml", "months: [1, 2\nstart: 2025-01\n");
        var result = ScenarioLoader.Load(folder.Write("child.yaml", "extends: base.yaml\n"));
        var error = Assert.Single(result.Errors);
        Assert.Equal(basePath, error.File);
        Assert.StartsWith("YAML syntax error", error.Message);
    }

    [Fact]
    public void LoadText_resolves_extends_next_to_the_named_file()
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", "months: 24\n");
        var result = ScenarioLoader.LoadText("extends: base.yaml\nname: in-memory\n", Path.Combine(folder.Path, "virtual.yaml"));
        Assertions.Ok(result);
        Assert.Equal(24, result.Scenario!.Months);
        Assert.Equal("in-memory", result.Scenario.Name);
    }

    [Fact]
    public void Uncertainty_paths_index_the_merged_lever_list()
    {
        using var folder = new TempFolder();
        folder.Write("base.yaml", "levers:\n  - {type: visa_policy, at: 2025-10, fee_usd: 100000}\n");
        var result = ScenarioLoader.Load(folder.Write("child.yaml", """
            extends: base.yaml
            levers:
              - {type: gpu_import, at: 2025-06, count: 1000, sector_shares: {industry: 1}, unit_cost_krw: 146000000, running_cost_krw_per_gpu_year: 14600000}
            uncertainty:
              levers[1].count: {dist: uniform, min: 800, max: 1200}
              levers[0].count: {dist: uniform, min: 800, max: 1200}
            """));
        // levers[0] is the base's visa_policy, which has no count.
        var error = Assertions.OnlyError(result, "uncertainty.levers[0].count");
        Assert.Equal(6, error.Line);
        Assert.Single(result.Errors);
    }
}
