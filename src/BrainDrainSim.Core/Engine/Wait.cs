namespace BrainDrainSim.Engine;

/// <summary>
/// A monthly chance p of an event as a geometric wait: the number of quiet months before the event, drawn
/// from one uniform u in (0, 1) as floor(ln u / ln(1 - p)), so P(wait >= k) = (1 - p)^k exactly, month after
/// month independently. The engine draws a wait when a researcher enters a situation (a location, a stage)
/// and looks at the researcher again only in the month the wait ends (docs/model.md 3.3.8). The log is
/// <see cref="FastNormal.Log(double)"/>, so a wait has the same bits on every processor.
/// </summary>
internal readonly struct Wait
{
    private readonly double _lnStay;

    /// <summary>The wait of an event with monthly probability <paramref name="p"/> (0 = never, 1 = at once).</summary>
    public Wait(double p)
    {
        P = p;
        _lnStay = p <= 0 ? 0 : p >= 1 ? double.NegativeInfinity : FastNormal.Log(1 - p);
    }

    /// <summary>The monthly probability.</summary>
    public double P { get; }

    /// <summary>
    /// The month the event falls due when the wait starts in month <paramref name="from"/> (the first month it
    /// may happen), or <see cref="Population.Never"/> when that is at or beyond <paramref name="months"/>.
    /// </summary>
    public short Due(double u, int from, int months) => DueFromLog(FastNormal.Log(u), from, months);

    /// <summary><see cref="Due"/> given ln u (for waits drawn in batches, whose logs are taken in vector lanes).</summary>
    public short DueFromLog(double lnU, int from, int months)
    {
        if (P <= 0) return Population.Never;
        if (P >= 1) return from < months ? (short)from : Population.Never;
        double quiet = Math.Floor(lnU / _lnStay);
        return quiet < months - from ? (short)(from + (int)quiet) : Population.Never;
    }
}
