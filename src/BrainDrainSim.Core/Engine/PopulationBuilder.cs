using BrainDrainSim.Model;
using BrainDrainSim.Randomness;

namespace BrainDrainSim.Engine;

/// <summary>
/// Draws researchers' attributes and ties from their own keys: initial researcher i is entity (i, 0),
/// an entrant is (rank in its month, entry month + 1). A lever that adds entrants therefore never
/// shifts anyone else's draws (common random numbers).
/// </summary>
internal sealed class PopulationBuilder
{
    private readonly Scenario _sc;
    private readonly StreamKey _key;
    private readonly double[] _sectorCumulative;
    private readonly double _attMu, _attSigma;
    private readonly float _attConst;

    public PopulationBuilder(Scenario scenario, StreamKey key)
    {
        _sc = scenario;
        _key = key;
        _sectorCumulative = Cumulative(scenario.Sectors.Select(s => s.Share).ToArray());
        double m = scenario.Coefficients.AttachmentMean, sd = scenario.Coefficients.AttachmentSd;
        if (m > 0 && sd > 0)
        {
            _attSigma = Math.Sqrt(Math.Log(1 + sd * sd / (m * m)));
            _attMu = Math.Log(m) - _attSigma * _attSigma / 2;
        }
        else _attConst = (float)m;
    }

    public double TopTalentThreshold { get; private set; }

    /// <summary>The initial population: at home, then the US stock, then the "other" stock, each placed exactly.</summary>
    public void BuildInitial(Population pop, int home, int us, int other)
    {
        int n = home + us + other;
        var p = _sc.Population;
        var homeStages = Cumulative([p.HomeStageShares.Student, p.HomeStageShares.Early, p.HomeStageShares.Mid, p.HomeStageShares.Senior]);
        var abroadStages = Cumulative([p.AbroadStageShares.Student, p.AbroadStageShares.Early, p.AbroadStageShares.Mid, p.AbroadStageShares.Senior]);
        var degrees = Cumulative([p.Degrees.Bachelor, p.Degrees.Master, p.Degrees.Phd]);
        for (int i = 0; i < n; i++)
        {
            var loc = i < home ? Location.Home : i < home + us ? Location.AbroadUs : Location.AbroadOther;
            pop.KeyLo[i] = (uint)i;
            pop.KeyHi[i] = 0;
            _key.Uniforms((uint)i, 0, StreamKey.SetupMonth, Purpose.Attributes, 0, out var a0, out var a1, out var a2, out var a3);
            pop.Location[i] = (byte)loc;
            pop.Sector[i] = (byte)Pick(_sectorCumulative, a0);
            var stage = (Stage)Pick(loc == Location.Home ? homeStages : abroadStages, a1);
            pop.Stage[i] = (byte)stage;
            pop.Degree[i] = (byte)(stage == Stage.Student ? Degree.Bachelor : (Degree)Pick(degrees, a2));
            bool usDegree = loc == Location.AbroadUs && stage != Stage.Student && a3 < p.AbroadUsDegreeShare;
            pop.Flags[i] = (byte)(usDegree ? ResearcherFlags.UsDegree : ResearcherFlags.None);
            DrawTraits(pop, i);
        }
        pop.Count = n;

        // Top talent: above the type-7 90th percentile of the initial population's talent.
        if (n > 0)
        {
            var z = new double[n];
            for (int i = 0; i < n; i++) z[i] = pop.Talent[i];
            Array.Sort(z);
            double h = (n - 1) * 0.9;
            int lo = (int)Math.Floor(h);
            TopTalentThreshold = lo + 1 < n ? z[lo] + (h - lo) * (z[lo + 1] - z[lo]) : z[lo];
        }
        for (int i = 0; i < n; i++)
            if (pop.Talent[i] > TopTalentThreshold) pop.Flags[i] |= (byte)ResearcherFlags.TopTalent;

        DrawInitialTies(pop, n);
    }

    /// <summary>
    /// Adds an entrant at home and returns its index. Its one-way ties go to <paramref name="candidates"/>:
    /// everyone not exited at the start of the month.
    /// </summary>
    public int AddEntrant(Population pop, int month, int rank, TieCandidates candidates)
    {
        int i = pop.Count++;
        uint lo = (uint)rank, hi = (uint)(month + 1);
        pop.KeyLo[i] = lo;
        pop.KeyHi[i] = hi;
        _key.Uniforms(lo, hi, StreamKey.SetupMonth, Purpose.Attributes, 0, out var a0, out var a1, out _, out _);
        pop.Location[i] = (byte)Location.Home;
        pop.Sector[i] = (byte)Pick(_sectorCumulative, a0);
        pop.Stage[i] = (byte)(a1 < _sc.Careers.EntrantStudentShare ? Stage.Student : Stage.Early);
        pop.Degree[i] = (byte)Degree.Bachelor;
        pop.Flags[i] = 0;
        DrawTraits(pop, i);
        if (pop.Talent[i] > TopTalentThreshold) pop.Flags[i] |= (byte)ResearcherFlags.TopTalent;

        int k = pop.K;
        var own = candidates.BySector[pop.Sector[i]];
        for (int j = 0; j < k; j += 2)
        {
            _key.Uniforms(lo, hi, StreamKey.SetupMonth, Purpose.Peers, (uint)(j / 2), out var h0, out var c0, out var h1, out var c1);
            pop.Peers[(long)i * k + j] = PickTie(candidates.All, own, h0, c0, -1, -1);
            if (j + 1 < k) pop.Peers[(long)i * k + j + 1] = PickTie(candidates.All, own, h1, c1, -1, -1);
        }
        return i;
    }

    private void DrawTraits(Population pop, int i)
    {
        uint lo = pop.KeyLo[i], hi = pop.KeyHi[i];
        _key.Uniforms(lo, hi, StreamKey.SetupMonth, Purpose.Traits, 0, out var t0, out var t1, out var t2, out var t3);
        _key.Uniforms(lo, hi, StreamKey.SetupMonth, Purpose.Traits2, 0, out var s0, out var s1, out var s2, out var s3);
        double z = StreamKey.Normal(t0, t1);
        double eHome = StreamKey.Normal(t2, t3);
        double eOffer = StreamKey.Normal(s0, s1);
        double eAccess = StreamKey.Normal(s2, s3);
        var pay = _sc.Pay;
        double sh = pay.HomeSpreadSd, so = pay.OfferSpreadSd, sa = _sc.Compute.AccessSpreadSd;
        pop.Talent[i] = (float)z;
        // Mean-one lognormal factors: the level sets the average, the spread only spreads.
        pop.HomePayFactor[i] = (float)Math.Exp(sh * eHome - sh * sh / 2);
        pop.OfferFactor[i] = (float)Math.Exp(so * eOffer - so * so / 2 + pay.TalentPremium * z);
        pop.Access[i] = (float)Math.Exp(sa * eAccess - sa * sa / 2);
        if (_attSigma > 0)
        {
            _key.Uniforms(lo, hi, StreamKey.SetupMonth, Purpose.Traits2, 1, out var r0, out var r1, out _, out _);
            pop.Attachment[i] = (float)Math.Exp(_attMu + _attSigma * StreamKey.Normal(r0, r1));
        }
        else pop.Attachment[i] = _attConst;
        pop.StudentEmigrationMonth[i] = -1;
    }

    private void DrawInitialTies(Population pop, int n)
    {
        int k = pop.K;
        if (k == 0) return;
        var all = Enumerable.Range(0, n).ToList();
        var bySector = new List<int>[_sc.Sectors.Length];
        for (int s = 0; s < bySector.Length; s++) bySector[s] = [];
        var posInSector = new int[n];
        for (int i = 0; i < n; i++)
        {
            posInSector[i] = bySector[pop.Sector[i]].Count;
            bySector[pop.Sector[i]].Add(i);
        }
        for (int i = 0; i < n; i++)
        {
            var own = bySector[pop.Sector[i]];
            for (int j = 0; j < k; j += 2)
            {
                _key.Uniforms((uint)i, 0, StreamKey.SetupMonth, Purpose.Peers, (uint)(j / 2), out var h0, out var c0, out var h1, out var c1);
                pop.Peers[(long)i * k + j] = PickTie(all, own, h0, c0, i, posInSector[i]);
                if (j + 1 < k) pop.Peers[(long)i * k + j + 1] = PickTie(all, own, h1, c1, i, posInSector[i]);
            }
        }
    }

    /// <summary>
    /// With probability h a tie is uniform within the own sector, else uniform over everyone; never the
    /// researcher itself (self is skipped by drawing from n - 1 places). -1 when nobody else exists.
    /// </summary>
    private int PickTie(List<int> all, List<int> own, double uHomophily, double uPick, int self, int selfPosInOwn)
    {
        bool within = uHomophily < _sc.Network.Homophily;
        var list = within ? own : all;
        int selfPos = within ? selfPosInOwn : self; // in `all`, agent i sits at position i
        int n = self >= 0 ? list.Count - 1 : list.Count;
        if (n <= 0)
        {
            if (!within) return -1;
            list = all;
            selfPos = self;
            n = self >= 0 ? list.Count - 1 : list.Count;
            if (n <= 0) return -1;
        }
        int idx = Math.Min((int)(uPick * n), n - 1);
        if (self >= 0 && idx >= selfPos) idx++;
        return list[idx];
    }

    private static double[] Cumulative(double[] shares)
    {
        var c = new double[shares.Length];
        double sum = 0;
        for (int i = 0; i < shares.Length; i++) { sum += shares[i]; c[i] = sum; }
        return c;
    }

    /// <summary>The first category whose cumulative share exceeds u (the last one if rounding leaves a gap).</summary>
    private static int Pick(double[] cumulative, double u)
    {
        double total = cumulative[^1];
        for (int i = 0; i < cumulative.Length; i++)
            if (u * total < cumulative[i]) return i;
        return cumulative.Length - 1;
    }
}
