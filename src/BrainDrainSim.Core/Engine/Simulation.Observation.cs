using BrainDrainSim.Model;

using static BrainDrainSim.Model.MetricCatalog;

namespace BrainDrainSim.Engine;

/// <summary>Step 8: the month's metrics and costs.</summary>
internal sealed partial class Simulation
{
    private double _voucherCost, _topupCost;

    /// <summary>
    /// Step 8: the month's metrics at its end (persons, after agent_scale), from the counts kept up to date
    /// (the stocks without students, the two stay rates' cohorts and the top-talent share too: no metric scans
    /// the population), and its policy cost: GPU purchases and running costs, vouchers and top-ups (reckoned on
    /// the researchers at home at the start of the month), return bonuses, guaranteed compute committed by
    /// earlier returns, and education.
    /// </summary>
    private void Observation(int t, MonthPolicy mp, double[][] series, ref double cumulativeCost)
    {
        double scale = _scale;
        int home = _pop.Count - _abroadUs - _abroadOther - _exited;
        double cost = mp.GpuCost + _voucherCost + _topupCost + _returnCost * scale + _guaranteeCost[t] + mp.EducationCost;
        cumulativeCost += cost;
        series[IHome][t] = home * scale;
        series[IAbroad][t] = (_abroadUs + _abroadOther) * scale;
        series[IAbroadUs][t] = _abroadUs * scale;
        series[IAbroadOther][t] = _abroadOther * scale;
        series[IExited][t] = _exited * scale;
        series[IEmigrations][t] = _emigrations * scale;
        series[IReturns][t] = _returns * scale;
        series[IForcedReturns][t] = _forced * scale;
        series[IEntrants][t] = mp.Entrants * scale;
        series[IExits][t] = _exits * scale;
        series[IVisaBlocked][t] = _blocked * scale;
        series[ITopTalentHome][t] = _topHome * scale;
        series[IPolicyCost][t] = cost;
        series[IPolicyCostCumulative][t] = cumulativeCost;
        int cohortMonth = t - 60;
        series[IStudentStayRate][t] = cohortMonth >= 0 && _cohortSize[cohortMonth] > 0
            ? (double)_cohortAbroad[cohortMonth] / _cohortSize[cohortMonth] : double.NaN;
        series[IHomeNonStudent][t] = (home - _studentsHome) * scale;
        series[IAbroadNonStudent][t] = (_abroadUs + _abroadOther - _studentsAbroad) * scale;
        series[IPhdReturns][t] = _phdReturns * scale;
        series[IUsPhdStayRate][t] = cohortMonth >= 0 && _usPhdCohortSize[cohortMonth] > 0
            ? (double)_usPhdCohortInUs[cohortMonth] / _usPhdCohortSize[cohortMonth] : double.NaN;
        int top = _topHome + _topAbroad;
        series[ITopTalentHomeShare][t] = top > 0 ? (double)_topHome / top : double.NaN;
        series[INetEmigrations][t] = (_emigrations - _returns) * scale;
    }
}
