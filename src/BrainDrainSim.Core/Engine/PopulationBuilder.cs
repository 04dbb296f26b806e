using System.Runtime.InteropServices;
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
        pop.InitialCount = n;
        // The same keyed draws as one researcher at a time, made for a chunk at once in vector lanes.
        var u = NewBuffers(11);
        for (int start = 0; start < n; start += Chunk)
        {
            int len = Math.Min(Chunk, n - start);
            pop.EntityKeys(start, _keyLo.AsSpan(0, len), _keyHi.AsSpan(0, len));
            ReadOnlySpan<uint> lo = _keyLo.AsSpan(0, len), hi = _keyHi.AsSpan(0, len);
            Span<double> S(int b) => u[b].AsSpan(0, len);
            PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Attributes, 0, S(0), S(1), S(2), S(3));
            PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Traits, 0, S(4), S(5), S(6), S(7));
            if (_attSigma > 0) PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Traits2, 0, S(8), S(9), S(10), []);
            SetTraits(pop, start, S(4), S(5), S(6), S(7), S(8), S(9));
            for (int j = 0; j < len; j++)
            {
                int i = start + j;
                var loc = i < home ? Location.Home : i < home + us ? Location.AbroadUs : Location.AbroadOther;
                pop.Location[i] = (byte)loc;
                ref var r = ref pop.State[i];
                r.Sector = (byte)Pick(_sectorCumulative, u[0][j]);
                var stage = (Stage)Pick(loc == Location.Home ? homeStages : abroadStages, u[1][j]);
                r.Stage = (byte)stage;
                r.Degree = (byte)(stage == Stage.Student ? Degree.Bachelor : (Degree)Pick(degrees, u[2][j]));
                bool usDegree = loc == Location.AbroadUs && stage != Stage.Student && u[3][j] < p.AbroadUsDegreeShare;
                r.Flags = (byte)(usDegree ? ResearcherFlags.UsDegree : ResearcherFlags.None);
                r.StudentEmigrationMonth = -1;
                r.UsPhdMonth = -1;
            }
        }
        pop.Count = n;

        // Top talent: above the type-7 90th percentile of the initial population's talent.
        if (n > 0)
        {
            var z = System.Buffers.ArrayPool<double>.Shared.Rent(n);
            for (int i = 0; i < n; i++) z[i] = pop.Traits[i].Talent;
            double h = (n - 1) * 0.9;
            int k = (int)Math.Floor(h);
            double below = Selection.Smallest(z.AsSpan(0, n), k);
            // After selecting the k-th smallest, everything right of k is at least as large: the next order statistic is their minimum.
            double above = below;
            if (k + 1 < n)
            {
                above = z[k + 1];
                for (int i = k + 2; i < n; i++) above = Math.Min(above, z[i]);
            }
            TopTalentThreshold = k + 1 < n ? below + (h - k) * (above - below) : below;
            System.Buffers.ArrayPool<double>.Shared.Return(z);
        }
        for (int i = 0; i < n; i++)
            if (pop.Traits[i].Talent > TopTalentThreshold) pop.State[i].Flags |= (byte)ResearcherFlags.TopTalent;

        DrawInitialTies(pop, n);
    }

    private const int Chunk = 256;

    /// <summary>
    /// Adds a month's entrants at home, ranks 0 .. count-1, and returns the index of the first. Their
    /// one-way ties go to <paramref name="candidates"/>: everyone not exited at the start of the month.
    /// Draws are made for the whole month in vector lanes, each from the entrant's own key.
    /// </summary>
    public int AddEntrants(Population pop, int month, int count, TieCandidates candidates)
    {
        int first = pop.Count;
        pop.MarkEntrants(month, first);
        pop.Count += count;
        _entrant ??= NewBuffers(11);
        for (int start = 0; start < count; start += Chunk)
        {
            int len = Math.Min(Chunk, count - start);
            pop.EntityKeys(first + start, _keyLo.AsSpan(0, len), _keyHi.AsSpan(0, len));
            ReadOnlySpan<uint> lo = _keyLo.AsSpan(0, len), hi = _keyHi.AsSpan(0, len);
            var u = _entrant;
            Span<double> S(int b) => u[b].AsSpan(0, len);
            PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Attributes, 0, S(0), S(1), S(2), []);
            PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Traits, 0, S(4), S(5), S(6), S(7));
            if (_attSigma > 0) PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Traits2, 0, S(8), S(9), S(10), []);
            SetTraits(pop, first + start, S(4), S(5), S(6), S(7), S(8), S(9));
            for (int j = 0; j < len; j++)
            {
                int i = first + start + j;
                pop.Location[i] = (byte)Location.Home;
                ref var r = ref pop.State[i];
                r.Sector = (byte)Pick(_sectorCumulative, u[0][j]);
                r.Stage = (byte)(u[1][j] < _sc.Careers.EntrantStudentShare ? Stage.Student : Stage.Early);
                r.Degree = (byte)Degree.Bachelor;
                r.Flags = pop.Traits[i].Talent > TopTalentThreshold ? (byte)ResearcherFlags.TopTalent : (byte)0;
                r.StudentEmigrationMonth = -1;
                r.UsPhdMonth = -1;
            }
            int k = pop.K;
            for (int t = 0; t < k; t += 2)
            {
                PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Peers, (uint)(t / 2), S(0), S(1), S(2), S(3));
                // Where each tie falls first (hinting its entry of the candidate list), then the ties themselves:
                // the candidates are read at random, and the hints let those reads overlap.
                for (int j = 0; j < len; j++)
                {
                    var own = candidates.BySector[pop.State[first + start + j].Sector];
                    _tieAt[2 * j] = EntrantTie(candidates.All, own, u[0][j], u[1][j]);
                    if (t + 1 < k) _tieAt[2 * j + 1] = EntrantTie(candidates.All, own, u[2][j], u[3][j]);
                }
                for (int j = 0; j < len; j++)
                {
                    int i = first + start + j;
                    int sector = pop.State[i].Sector;
                    pop.Peers[(long)i * k + t] = Resolve(candidates, sector, _tieAt[2 * j]);
                    if (t + 1 < k) pop.Peers[(long)i * k + t + 1] = Resolve(candidates, sector, _tieAt[2 * j + 1]);
                }
            }
        }
        return first;
    }

    private double[][]? _entrant;

    private static double[][] NewBuffers(int count)
    {
        var u = new double[count][];
        for (int b = 0; b < count; b++) u[b] = new double[Chunk];
        return u;
    }

    /// <summary>
    /// Traits of a chunk's researchers, from index <paramref name="first"/> on: talent and the home pay
    /// factor from both Box-Muller branches of (t0, t1), the offer and access factors from both branches
    /// of (t2, t3), attachment from the cosine branch of (a0, a1) when it varies. Each step runs over the
    /// whole chunk in vector lanes (<see cref="FastNormal"/>, <see cref="FastMath"/>), with the same bits
    /// in every lane as in scalar code.
    /// </summary>
    private void SetTraits(Population pop, int first, ReadOnlySpan<double> t0, ReadOnlySpan<double> t1,
        ReadOnlySpan<double> t2, ReadOnlySpan<double> t3, ReadOnlySpan<double> a0, ReadOnlySpan<double> a1)
    {
        int len = t0.Length;
        var w = _traits;
        Span<double> z = w.Talent.AsSpan(0, len), eHome = w.EHome.AsSpan(0, len), eOffer = w.EOffer.AsSpan(0, len),
            eAccess = w.EAccess.AsSpan(0, len), lnHome = w.LnHome.AsSpan(0, len), lnOffer = w.LnOffer.AsSpan(0, len),
            lnAccess = w.LnAccess.AsSpan(0, len);
        FastNormal.BoxMuller(t0, t1, z, eHome);
        FastNormal.BoxMuller(t2, t3, eOffer, eAccess);
        LogFactors(z, eHome, eOffer, eAccess, lnHome, lnOffer, lnAccess);
        var homeFactor = w.HomeFactor.AsSpan(0, len);
        var offerFactor = w.OfferFactor.AsSpan(0, len);
        var attachment = w.Attachment.AsSpan(0, len);
        FastMath.Exps(lnHome, homeFactor);
        FastMath.Exps(lnOffer, offerFactor);
        SetAttachment(attachment, a0, a1);
        for (int j = 0; j < len; j++)
        {
            ref var traits = ref pop.Traits[first + j];
            traits.Talent = (float)z[j];
            traits.HomePayFactor = (float)homeFactor[j];
            traits.OfferFactor = (float)offerFactor[j];
            traits.LnAccess = (float)lnAccess[j];
            traits.Attachment = (float)attachment[j];
        }
    }

    /// <summary>
    /// The logs of the mean-one lognormal factors: ln F = s e - s^2/2 has mean -s^2/2, so that F has mean
    /// one: the level sets the average, the spread only spreads. The offer also carries the talent premium.
    /// </summary>
    private void LogFactors(ReadOnlySpan<double> z, ReadOnlySpan<double> eHome, ReadOnlySpan<double> eOffer, ReadOnlySpan<double> eAccess,
        Span<double> lnHome, Span<double> lnOffer, Span<double> lnAccess)
    {
        var pay = _sc.Pay;
        double sh = pay.HomeSpreadSd, so = pay.OfferSpreadSd, sa = _sc.Compute.AccessSpreadSd, premium = pay.TalentPremium;
        double halfVarHome = sh * sh / 2, halfVarOffer = so * so / 2, halfVarAccess = sa * sa / 2;
        for (int j = 0; j < z.Length; j++)
        {
            lnHome[j] = sh * eHome[j] - halfVarHome;
            lnOffer[j] = so * eOffer[j] - halfVarOffer + premium * z[j];
            lnAccess[j] = sa * eAccess[j] - halfVarAccess;
        }
    }

    /// <summary>Attachment: lognormal with the scenario's mean and sd, or the mean itself when it does not vary.</summary>
    private void SetAttachment(Span<double> attachment, ReadOnlySpan<double> a0, ReadOnlySpan<double> a1)
    {
        if (_attSigma > 0)
        {
            var ln = _traits.LnAttachment.AsSpan(0, attachment.Length);
            FastNormal.BoxMuller(a0, a1, ln, []);
            for (int j = 0; j < ln.Length; j++) ln[j] = _attMu + _attSigma * ln[j];
            FastMath.Exps(ln, attachment);
        }
        else attachment.Fill(_attConst);
    }

    // The entity keys of the chunk at hand, for the batched draws (Population.EntityKeys).
    private readonly uint[] _keyLo = new uint[Chunk], _keyHi = new uint[Chunk];

    /// <summary>One chunk's intermediate trait values, reused from chunk to chunk.</summary>
    private sealed class TraitBuffers
    {
        public readonly double[] Talent = new double[Chunk], EHome = new double[Chunk], EOffer = new double[Chunk],
            EAccess = new double[Chunk], LnAttachment = new double[Chunk], LnHome = new double[Chunk],
            LnOffer = new double[Chunk], LnAccess = new double[Chunk], HomeFactor = new double[Chunk],
            OfferFactor = new double[Chunk], Attachment = new double[Chunk];
    }

    private readonly TraitBuffers _traits = new();

    private void DrawInitialTies(Population pop, int n)
    {
        int k = pop.K;
        if (k == 0) return;
        // Each sector's members, for ties within the own sector; without homophily no tie is drawn there,
        // so the lists stay empty (a replication then allocates nothing per researcher here).
        bool homophily = _sc.Network.Homophily > 0;
        var bySector = new List<int>[_sc.Sectors.Length];
        for (int s = 0; s < bySector.Length; s++) bySector[s] = [];
        var posInSector = System.Buffers.ArrayPool<int>.Shared.Rent(n);
        for (int i = 0; i < n; i++)
        {
            if (!homophily) { posInSector[i] = 0; continue; }
            int sector = pop.State[i].Sector;
            posInSector[i] = bySector[sector].Count;
            bySector[sector].Add(i);
        }
        double[] h0 = new double[Chunk], c0 = new double[Chunk], h1 = new double[Chunk], c1 = new double[Chunk];
        for (int start = 0; start < n; start += Chunk)
        {
            int len = Math.Min(Chunk, n - start);
            pop.EntityKeys(start, _keyLo.AsSpan(0, len), _keyHi.AsSpan(0, len));
            ReadOnlySpan<uint> lo = _keyLo.AsSpan(0, len), hi = _keyHi.AsSpan(0, len);
            for (int j = 0; j < k; j += 2)
            {
                PhiloxBatch.Uniforms(_key, lo, hi, StreamKey.SetupMonth, Purpose.Peers,
                    (uint)(j / 2), h0.AsSpan(0, len), c0.AsSpan(0, len), h1.AsSpan(0, len), c1.AsSpan(0, len));
                for (int m = 0; m < len; m++)
                {
                    int i = start + m;
                    var own = bySector[pop.State[i].Sector];
                    pop.Peers[(long)i * k + j] = PickInitialTie(n, own, h0[m], c0[m], i, posInSector[i]);
                    if (j + 1 < k) pop.Peers[(long)i * k + j + 1] = PickInitialTie(n, own, h1[m], c1[m], i, posInSector[i]);
                }
            }
        }
        System.Buffers.ArrayPool<int>.Shared.Return(posInSector);
    }

    /// <summary>
    /// An initial researcher's tie: with probability h uniform within its own sector (over everyone if it is
    /// alone there), else uniform over everyone, researchers 0 .. n-1, so a position is the researcher
    /// itself and no list is needed. Never the researcher itself: self is skipped by drawing from one
    /// place fewer. -1 when nobody else exists.
    /// </summary>
    private int PickInitialTie(int n, List<int> own, double uHomophily, double uPick, int self, int selfPosInOwn)
    {
        if (uHomophily < _sc.Network.Homophily && own.Count - 1 > 0)
        {
            int m = own.Count - 1;
            int idx = Math.Min((int)(uPick * m), m - 1);
            if (idx >= selfPosInOwn) idx++;
            return own[idx];
        }
        int others = n - 1;
        if (others <= 0) return -1;
        int at = Math.Min((int)(uPick * others), others - 1);
        return at >= self ? at + 1 : at;
    }

    /// <summary>
    /// Where an entrant's tie falls: with probability h uniform over the candidates of its own sector (over
    /// everyone if that sector has none yet), else uniform over everyone. The entrant is not yet among the
    /// candidates, so it never ties to itself. Position -1 when nobody is there at all. The entry is hinted
    /// to the cache here and read by <see cref="Resolve"/>.
    /// </summary>
    private (bool InOwn, int Position) EntrantTie(List<int> all, List<int> own, double uHomophily, double uPick)
    {
        bool inOwn = uHomophily < _sc.Network.Homophily && own.Count > 0;
        var list = inOwn ? own : all;
        if (list.Count == 0) return (false, -1);
        int at = Math.Min((int)(uPick * list.Count), list.Count - 1);
        Prefetch.Line(ref CollectionsMarshal.AsSpan(list)[at]);
        return (inOwn, at);
    }

    /// <summary>The researcher at a tie's place (<see cref="EntrantTie"/>) among the candidates of <paramref name="sector"/> or of everyone; -1 for none.</summary>
    private static int Resolve(TieCandidates candidates, int sector, (bool InOwn, int Position) tie) =>
        tie.Position < 0 ? -1 : (tie.InOwn ? candidates.BySector[sector] : candidates.All)[tie.Position];

    private readonly (bool InOwn, int Position)[] _tieAt = new (bool, int)[2 * Chunk];

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
