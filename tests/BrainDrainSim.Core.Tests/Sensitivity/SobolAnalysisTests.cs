using BrainDrainSim.Randomness;
using BrainDrainSim.Sensitivity;
using Xunit.Abstractions;

namespace BrainDrainSim.Core.Tests.Sensitivity;

public class SobolAnalysisTests(ITestOutputHelper output)
{
    [Fact]
    public void Ishigami_indices_at_N_8192_match_the_analytic_values()
    {
        var (first, total) = TestFunctions.IshigamiIndices();
        // The closed form agrees with the values issue 11 quotes to their four places.
        Assert.Equal([0.3139, 0.4424, 0], first.Select(x => Math.Round(x, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], total.Select(x => Math.Round(x, 4)));

        var design = new SaltelliDesign(FactorLayout.Singles(3), 1 << 13, seed: 2024);
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, r => TestFunctions.Ishigami(r.Coordinates)), bootstrapSeed: 7);

        Assert.Equal(IndexStatus.Defined, result.Status);
        for (int i = 0; i < 3; i++)
        {
            var s = result.Factors[i].FirstOrder!.Value;
            var st = result.Factors[i].Total!.Value;
            output.WriteLine($"x{i + 1}: S {s.Value:F4} [{s.Lower:F4}, {s.Upper:F4}] (exact {first[i]:F4}); ST {st.Value:F4} [{st.Lower:F4}, {st.Upper:F4}] (exact {total[i]:F4})");
            // Issue 11's tolerance: 0.02. The estimators' standard errors at N = 8192 are about 0.01 for S and
            // 0.005 for ST even as Monte Carlo; each interval must also contain the exact value.
            Assert.InRange(s.Value, first[i] - 0.02, first[i] + 0.02);
            Assert.InRange(st.Value, total[i] - 0.02, total[i] + 0.02);
            Assert.InRange(first[i], s.Lower, s.Upper);
            Assert.InRange(total[i], st.Lower, st.Upper);
        }
        Assert.Equal(SobolAnalysis.DefaultResamples, result.UsableResamples);
    }

    [Fact]
    public void Ishigami_second_order_indices_find_the_x1_x3_interaction()
    {
        // S_13 = ST_3 (x3 acts only through its interaction with x1); S_12 = S_23 = 0.
        var (_, total) = TestFunctions.IshigamiIndices();
        var design = new SaltelliDesign(FactorLayout.Singles(3), 1 << 13, seed: 2024, secondOrder: true);
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, r => TestFunctions.Ishigami(r.Coordinates)), bootstrapSeed: 7);
        double[] exact = [0, total[2], 0];
        for (int p = 0; p < 3; p++)
        {
            var pair = result.SecondOrder[p];
            var s = pair.Value!.Value;
            output.WriteLine($"S{pair.First + 1}{pair.Second + 1} {s.Value:F4} [{s.Lower:F4}, {s.Upper:F4}] (exact {exact[p]:F4})");
            // The second-order estimator subtracts two first-order estimates from a noisier closed index: its
            // error at N = 8192 is several times that of S_i, so the tolerance is 0.05 and the interval must hold.
            Assert.InRange(s.Value, exact[p] - 0.05, exact[p] + 0.05);
            Assert.InRange(exact[p], s.Lower, s.Upper);
        }
        Assert.Equal([(0, 1), (0, 2), (1, 2)], result.SecondOrder.Select(x => (x.First, x.Second)));
    }

    [Fact]
    public void G_function_indices_match_the_closed_form()
    {
        double[] a = [0, 1, 4.5, 9, 99, 99, 99, 99];
        var (first, total) = TestFunctions.GIndices(a);
        var design = new SaltelliDesign(FactorLayout.Singles(8), 1 << 13, seed: 31);
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, r => TestFunctions.G(r.Coordinates, a)), bootstrapSeed: 3);
        for (int i = 0; i < 8; i++)
        {
            var s = result.Factors[i].FirstOrder!.Value;
            var st = result.Factors[i].Total!.Value;
            output.WriteLine($"x{i + 1}: S {s.Value:F4} [{s.Lower:F4}, {s.Upper:F4}] (exact {first[i]:F4}); ST {st.Value:F4} [{st.Lower:F4}, {st.Upper:F4}] (exact {total[i]:F4})");
            // 0.02 as for Ishigami: the G-function's kink at 1/2 slows quasi-Monte Carlo but its indices are
            // large only for x1 and x2, where the estimates measured here are within 0.005.
            Assert.InRange(s.Value, first[i] - 0.02, first[i] + 0.02);
            Assert.InRange(st.Value, total[i] - 0.02, total[i] + 0.02);
            Assert.InRange(first[i], s.Lower, s.Upper);
            Assert.InRange(total[i], st.Lower, st.Upper);
        }
        // The ranking, which is what a screen reads: x1, x2, x3, x4, then the four with a_i = 99.
        var ranked = result.Factors.OrderByDescending(x => x.Total!.Value.Value).Select(x => x.Factor).Take(4);
        Assert.Equal([0, 1, 2, 3], ranked);
    }

    [Fact]
    public void A_factor_the_model_does_not_read_gets_indices_of_exactly_zero()
    {
        // x3 is not read: every AB_3 row runs A's point with A's coordinates for x1 and x2, so f_AB3 = f_A bit for bit.
        var design = new SaltelliDesign(FactorLayout.Singles(3), 256, seed: 8);
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, r => Math.Exp(r.Coordinates[0]) + r.Coordinates[1]), bootstrapSeed: 1);
        var unused = result.Factors[2];
        Assert.Equal(new IndexEstimate(0, 0, 0), unused.Total);
        Assert.Equal(new IndexEstimate(0, 0, 0), unused.FirstOrder);
        Assert.True(result.Factors[0].Total!.Value.Value > 0.5);
    }

    [Fact]
    public void With_chance_as_a_factor_an_unread_factor_stays_at_exactly_zero_and_chance_gets_its_share()
    {
        // A stochastic model: x1 plus noise drawn from the row's replication seed. Var(x1) = 1/12 and the noise is
        // uniform on [-1/2, 1/2], also 1/12: chance's share is 1/2 and x2, never read, must stay at exactly 0,
        // which only holds because AB_2 rows keep A's seed.
        var design = new SaltelliDesign(FactorLayout.Singles(2), 4096, seed: 12, chance: true);
        double Model(SaltelliRow row)
        {
            var key = StreamKey.FromSeed(StreamKey.ReplicationSeed(99, checked((int)row.SeedIndex)));
            key.Uniforms(0, 0, 0, Purpose.Parameter, 0, out double noise, out _, out _, out _);
            return row.Coordinates[0] + noise - 0.5;
        }
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, Model), bootstrapSeed: 2);
        Assert.Equal(new IndexEstimate(0, 0, 0), result.Factors[1].Total);
        var chance = result.Factors[design.ChanceFactor].Total!.Value;
        var x1 = result.Factors[0].Total!.Value;
        output.WriteLine($"chance ST {chance.Value:F4} [{chance.Lower:F4}, {chance.Upper:F4}]; x1 ST {x1.Value:F4} [{x1.Lower:F4}, {x1.Upper:F4}]");
        // The noise is Monte Carlo, not quasi-Monte Carlo: at N = 4096 the sd of each ST is about 0.01; 0.04 is 4 sd.
        Assert.InRange(chance.Value, 0.46, 0.54);
        Assert.InRange(x1.Value, 0.46, 0.54);
    }

    [Fact]
    public void A_grouped_factor_moves_as_one()
    {
        // f = x1 + x2 + 2 x3 on uniforms: variances 1, 1 and 4 twelfths. x1 and x2 as one factor explain 2/6.
        var design = new SaltelliDesign(new FactorLayout([2, 1]), 4096, seed: 4);
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, r => r.Coordinates[0] + r.Coordinates[1] + 2 * r.Coordinates[2]), bootstrapSeed: 4);
        // An additive function: S = ST. Quasi-Monte Carlo on a linear function is accurate to well under 0.01.
        Assert.InRange(result.Factors[0].FirstOrder!.Value.Value, 1.0 / 3 - 0.01, 1.0 / 3 + 0.01);
        Assert.InRange(result.Factors[0].Total!.Value.Value, 1.0 / 3 - 0.01, 1.0 / 3 + 0.01);
        Assert.InRange(result.Factors[1].Total!.Value.Value, 2.0 / 3 - 0.01, 2.0 / 3 + 0.01);
    }

    [Fact]
    public void A_constant_quantity_gets_no_numbers_and_the_zero_variance_status()
    {
        var design = new SaltelliDesign(FactorLayout.Singles(3), 64, seed: 1, secondOrder: true, chance: true);
        // 0.1 is not a binary fraction: its mean over 128 rows need not be 0.1 exactly, which is why the test is
        // equality of the outputs, not a computed variance of 0.
        var result = SobolAnalysis.Analyze(design, TestFunctions.Run(design, _ => 0.1), bootstrapSeed: 1);
        Assert.Equal(IndexStatus.ZeroVariance, result.Status);
        Assert.Equal("undefined: zero variance", result.Status.Describe());
        Assert.Null(result.Variance);
        Assert.Equal(4, result.Factors.Count);
        Assert.All(result.Factors, f => Assert.True(f.FirstOrder is null && f.Total is null));
        Assert.Equal(6, result.SecondOrder.Count);
        Assert.All(result.SecondOrder, p => Assert.Null(p.Value));
    }

    [Fact]
    public void A_non_finite_output_gets_no_numbers()
    {
        var design = new SaltelliDesign(FactorLayout.Singles(2), 16, seed: 1);
        var outputs = TestFunctions.Run(design, r => r.Coordinates[0]);
        outputs[5] = double.NaN;
        var result = SobolAnalysis.Analyze(design, outputs, bootstrapSeed: 1);
        Assert.Equal(IndexStatus.NonFiniteOutput, result.Status);
        Assert.Equal("undefined: non-finite output", result.Status.Describe());
        Assert.All(result.Factors, f => Assert.Null(f.Total));
    }

    [Fact]
    public void The_same_seeds_give_the_same_bits_and_another_bootstrap_seed_other_intervals()
    {
        static double[] Bits(SobolResult r) =>
            r.Factors.SelectMany(f => new[] { f.FirstOrder!.Value, f.Total!.Value })
                .Concat(r.SecondOrder.Select(p => p.Value!.Value))
                .SelectMany(e => new[] { e.Value, e.Lower, e.Upper }).ToArray();
        SobolResult Once(ulong bootstrapSeed)
        {
            var design = new SaltelliDesign(FactorLayout.Singles(3), 512, seed: 77, secondOrder: true);
            return SobolAnalysis.Analyze(design, TestFunctions.Run(design, r => TestFunctions.Ishigami(r.Coordinates)), bootstrapSeed);
        }
        var one = Bits(Once(5));
        var again = Bits(Once(5));
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), again.Select(BitConverter.DoubleToInt64Bits));
        var other = Bits(Once(6));
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Outputs_of_the_wrong_length_are_refused()
    {
        var design = new SaltelliDesign(FactorLayout.Singles(2), 16, seed: 1);
        var e = Assert.Throws<ArgumentException>(() => SobolAnalysis.Analyze(design, new double[10], 1));
        Assert.Contains("64 rows but 10 outputs", e.Message, StringComparison.Ordinal);
    }
}
