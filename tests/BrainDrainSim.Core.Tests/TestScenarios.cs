using BrainDrainSim.Model;

namespace BrainDrainSim.Core.Tests;

/// <summary>Small scenarios that keep the engine tests quick while exercising every mechanism.</summary>
internal static class TestScenarios
{
    /// <summary>The default model at 1/20 of the national scale over five years.</summary>
    public static Scenario Small(int months = 60) => new()
    {
        Name = "small",
        Months = months,
        Population = new PopulationSpec { AtHome = 2_850, AbroadUs = 315, AbroadOther = 235 },
        Careers = new CareerSpec { AnnualGraduates = 150 },
    };

    /// <summary>
    /// The closed-form case of model.md: every researcher at home has the same hazard p, nobody returns,
    /// enters or exits, and every gate passes, so the expected home stock after m months is N (1 - p)^m.
    /// </summary>
    /// <remarks>Also compiled into the Reporting tests (linked in their project), whose comparisons vary b0 and lambda_out.</remarks>
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
}
