using BrainDrainSim.Model;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Engine;

/// <summary>Steps 3 and 4: the month's candidate decisions at home and abroad.</summary>
internal sealed partial class Simulation
{
    // Moves decided in steps 3 and 4, applied together in step 5: who, where to, and the uniform of the
    // wait that starts after the move. Sized for a typical month and grown (rarely, then kept).
    private int[] _moving = new int[64];
    private byte[] _movingTo = new byte[64];
    private double[] _movingWait = new double[64];
    private int _nMoving;

    private int _emigrations, _returns, _forced, _blocked, _exits, _phdReturns;
    private double _returnCost;

    // Compute of the month, from step 2.
    private readonly double[] _cHome;
    private readonly double[] _lnCHome;
    private readonly double[] _lnCOnReturn;
    private double _lnCAbroad;

    /// <summary>
    /// Step 3, emigration: each researcher at home whose candidate month this is (a wait at lambda_out) forms an
    /// intent when the month's acceptance uniform is below logistic(dU); the intent draws a destination and
    /// passes or fails its gate (a failure is visa-blocked). Everything read is the state at the start of the
    /// month: no move is applied before step 5. One keyed call (month t, purpose Decision) gives the
    /// acceptance, the next wait, the destination and the gate.
    /// </summary>
    private void Emigration(int t, MonthPolicy mp)
    {
        var pop = _pop;
        var c = _sc.Coefficients;
        var due = pop.Decisions.Due(t);
        for (int e = 0; e < due.Length; e++)
        {
            if (e + Prefetch.Ahead < due.Length) PrefetchDecision(due[e + Prefetch.Ahead]);
            int i = due[e];
            if (pop.State[i].NextDecision != t || pop.Location[i] != (byte)Location.Home) continue;
            Uniforms(i, t, Purpose.Decision, out var uAccept, out var uWait, out var uDestination, out var uGate);
            int stage = pop.State[i].Stage, sector = pop.State[i].Sector;
            double dU = Utility.Emigration(c, Offer(i, mp), HomePay(i, mp), _lnCAbroad, pop.Traits[i].LnAccess, _lnCHome[sector],
                PeersAbroad(i), pop.K, pop.Traits[i].Talent, pop.Traits[i].Attachment);
            if (uAccept < Utility.Logistic(dU))
            {
                bool toUs = uDestination < mp.Visa.UsShare;
                if (uGate < EmigrationGate(i, stage, toUs, mp))
                {
                    Decide(i, toUs ? Location.AbroadUs : Location.AbroadOther, uWait);
                    continue;
                }
                _blocked++;
            }
            ScheduleDecision(i, uWait, t + 1);
        }
    }

    /// <summary>
    /// Step 4, return: each researcher abroad whose candidate month this is (a wait at lambda_back) returns when
    /// the month's acceptance uniform is below logistic(dR). There is no gate on returning.
    /// </summary>
    private void Return(int t, MonthPolicy mp)
    {
        var pop = _pop;
        var c = _sc.Coefficients;
        var due = pop.Decisions.Due(t);
        for (int e = 0; e < due.Length; e++)
        {
            if (e + Prefetch.Ahead < due.Length) PrefetchResearcher(due[e + Prefetch.Ahead]);
            int i = due[e];
            byte where = pop.Location[i];
            if (pop.State[i].NextDecision != t || where is not ((byte)Location.AbroadUs or (byte)Location.AbroadOther)) continue;
            Uniforms(i, t, Purpose.Decision, out var uAccept, out var uWait, out _, out _);
            double offer = Offer(i, mp);
            double destinationPay = where == (byte)Location.AbroadOther ? offer * _sc.Pay.OtherPayRatio : offer;
            double dR = Utility.Return(c, destinationPay, HomePay(i, mp), mp.BonusPerYear, _lnCAbroad, _lnCOnReturn[pop.State[i].Sector],
                pop.Traits[i].Attachment);
            if (uAccept < Utility.Logistic(dR)) Decide(i, Location.Home, uWait);
            else ScheduleDecision(i, uWait, t + 1);
        }
    }

    /// <summary>Hints what a candidate decision at home on researcher i reads first: the researcher and its ties.</summary>
    private void PrefetchDecision(int i)
    {
        var pop = _pop;
        PrefetchResearcher(i);
        if (pop.K > 0)
        {
            long b = (long)i * pop.K;
            Prefetch.Line(ref pop.Peers[b]);
            Prefetch.Line(ref pop.Peers[b + pop.K - 1]);
        }
    }

    /// <summary>
    /// Records a move for step 5. The researcher's next candidate decision is cleared now (a second calendar
    /// entry in this month must not decide again) and drawn when the move is applied, where it will then be.
    /// </summary>
    private void Decide(int i, Location to, double uWait)
    {
        if (_nMoving == _moving.Length)
        {
            Array.Resize(ref _moving, _nMoving * 2);
            Array.Resize(ref _movingTo, _nMoving * 2);
            Array.Resize(ref _movingWait, _nMoving * 2);
        }
        _moving[_nMoving] = i;
        _movingTo[_nMoving] = (byte)to;
        _movingWait[_nMoving] = uWait;
        _nMoving++;
        _pop.State[i].NextDecision = Population.Never;
    }

    /// <summary>The researcher's US offer this month, KRW per year: the stage's offer times the personal offer factor.</summary>
    private double Offer(int i, MonthPolicy mp) => mp.OfferBaseKrw[_pop.State[i].Stage] * _pop.Traits[i].OfferFactor;

    /// <summary>Home pay this month, KRW per year, with the top-ups the researcher's group receives.</summary>
    private double HomePay(int i, MonthPolicy mp)
    {
        var pop = _pop;
        int g = GroupOf(i);
        double basePay = mp.HomePayBase[pop.State[i].Sector * Stages + pop.State[i].Stage] * pop.Traits[i].HomePayFactor;
        return basePay * (1 + mp.TopupPercent[g]) + mp.TopupAmount[g];
    }

    /// <summary>
    /// How many of the researcher's ties are abroad at the start of the month, counted where the decision is
    /// weighed (a tie to someone who exited counts as not abroad; a tie held twice counts twice).
    /// </summary>
    private int PeersAbroad(int i)
    {
        var pop = _pop;
        int n = 0;
        long b = (long)i * pop.K;
        for (int j = 0; j < pop.K; j++)
        {
            int peer = pop.Peers[b + j];
            if (peer >= 0 && pop.Location[peer] is (byte)Location.AbroadUs or (byte)Location.AbroadOther) n++;
        }
        return n;
    }

    /// <summary>The researcher's group, (sector * 4 + stage) * 2 + top talent: top-ups are given by group.</summary>
    private int GroupOf(int i) =>
        PolicySchedule.Group(_pop.State[i].Sector, _pop.State[i].Stage, (_pop.State[i].Flags & (byte)ResearcherFlags.TopTalent) != 0);
}
