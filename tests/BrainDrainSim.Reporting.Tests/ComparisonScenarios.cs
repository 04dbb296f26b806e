using BrainDrainSim.Model;
using BrainDrainSim.Scenarios;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>
/// Scenarios for the comparison tests: the closed-form case of model.md (a copy of
/// tests/BrainDrainSim.Core.Tests/TestScenarios.ClosedForm, which this project cannot reference) and the
/// repository's own scenario files.
/// </summary>
internal static class ComparisonScenarios
{
    /// <summary>
    /// The closed-form case: every researcher at home has the same hazard p, nobody returns, enters or exits,
    /// and every gate passes, so the expected home stock after k monthly steps is N (1 - p)^k. The value at
    /// month index t follows t + 1 steps (InvariantTests.ClosedFormZ).
    /// </summary>
    public static Scenario ClosedForm(int atHome, int months, double b0 = -1, double lambdaOut = 0.02) => new()
    {
        Name = "closed-form",
        Months = months,
        Population = new PopulationSpec { AtHome = atHome, AbroadUs = 0, AbroadOther = 0 },
        Sectors =
        [
            new SectorSpec { Name = "academia", Share = 0.5, PayMultiplier = 1, BaselineComputeH100e = 0.01 },
            new SectorSpec { Name = "industry", Share = 0.5, PayMultiplier = 1, BaselineComputeH100e = 0.05 },
        ],
        Pay = new PaySpec
        {
            HomeKrwPerYear = new CareerPay { Early = 60e6, Mid = 60e6, Senior = 60e6 },
            OfferUsdPerYear = new CareerPay { Early = 120_000, Mid = 120_000, Senior = 120_000 },
            HomeSpreadSd = 0, OfferSpreadSd = 0, TalentPremium = 0,
            HomeGrowthPerYear = 0.03, AbroadGrowthPerYear = 0.03,
        },
        Coefficients = new Coefficients
        {
            B0 = b0, BWage = 1, BGpu = 0, BNet = 0, BTalent = 0, LambdaOut = lambdaOut,
            LambdaBack = 0, AttachmentMean = 1.2, AttachmentSd = 0,
        },
        Visa = new VisaSpec { SelectionRate = 1, FeeUsd = 0, OtherPassRate = 1, StudyPassRate = 1 },
        Careers = new CareerSpec
        {
            AnnualGraduates = 0,
            ExitRatePerYear = new StageValues(),
        },
    };

    /// <summary>The closed form's monthly hazard p = lambda_out * logistic(dU).</summary>
    public static double ClosedFormHazard(Scenario s)
    {
        var c = s.Coefficients;
        double ratio = s.Pay.OfferUsdPerYear.Early * s.KrwPerUsd / s.Pay.HomeKrwPerYear.Early;
        double dU = c.B0 + c.BWage * Math.Log(ratio) - c.AttachmentMean;
        return c.LambdaOut / (1 + Math.Exp(-dU));
    }

    /// <summary>The folder holding BrainDrainSim.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BrainDrainSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("BrainDrainSim.sln not found above the test folder");
    }

    /// <summary>Loads scenarios/<paramref name="file"/> of the repository, failing the test on any error.</summary>
    public static Scenario Load(string file)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot, "scenarios", file));
        Assert.True(result.Ok, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario!;
    }
}
