using BrainDrainSim.Sensitivity;

namespace BrainDrainSim.Core.Tests.Sensitivity;

public class MorrisTests
{
    private static readonly double[] Coefficients = [3, -2, 0.5, 0, 7];

    private static double Linear(IReadOnlyList<double> x)
    {
        double f = 1;
        for (int i = 0; i < Coefficients.Length; i++) f += Coefficients[i] * x[i];
        return f;
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(6, 60)]
    public void Linear_model_mu_star_is_the_absolute_coefficient_and_zero_for_an_unused_factor(int levels, int candidates)
    {
        var design = new MorrisDesign(FactorLayout.Singles(5), trajectories: 10, seed: 3, levels, candidates);
        var result = MorrisAnalysis.Analyze(design, TestFunctions.Run(design, Linear));
        Assert.Equal(IndexStatus.Defined, result.Status);
        for (int i = 0; i < 5; i++)
        {
            var e = result.Factors[i];
            // Every effect is (c x' - c x) / (1/2) with x' - x = 1/2 on the grid: c up to a few ulps of the sum,
            // so 1e-12 relative is "exact up to rounding".
            Assert.Equal(Math.Abs(Coefficients[i]), e.MuStar!.Value, 1e-12 * Math.Max(1, Math.Abs(Coefficients[i])));
            Assert.Equal(Coefficients[i], e.Mu!.Value, 1e-12 * Math.Max(1, Math.Abs(Coefficients[i])));
            Assert.Equal(0, e.Sigma!.Value, 1e-12);
        }
        // The unused factor's output never changes in its steps: exactly 0, not merely small.
        Assert.Equal(0.0, result.Factors[3].MuStar);
        Assert.Equal(0.0, result.Factors[3].Sigma);
    }

    [Fact]
    public void Trajectories_move_each_factor_once_by_half_the_grid_and_stay_inside()
    {
        var layout = new FactorLayout([1, 2, 1]);
        var design = new MorrisDesign(layout, trajectories: 6, seed: 11, levels: 4);
        double[] grid = [0.125, 0.375, 0.625, 0.875];
        for (int t = 0; t < 6; t++)
        {
            var rows = Enumerable.Range(t * 4, 4).Select(design.Row).ToArray();
            Assert.Equal(-1, rows[0].Factor);
            Assert.Equal([0, 1, 2], rows.Skip(1).Select(r => r.Factor).Order());
            foreach (var row in rows) Assert.All(row.Coordinates, x => Assert.Contains(x, grid));
            for (int s = 1; s < 4; s++)
            {
                for (int c = 0; c < 4; c++)
                {
                    // A grouped factor's columns all move, together and the same way.
                    bool inGroup = layout.FactorOf(c) == rows[s].Factor;
                    double change = rows[s].Coordinates[c] - rows[s - 1].Coordinates[c];
                    Assert.Equal(inGroup ? rows[s].Direction * MorrisDesign.Delta : 0, change);
                }
            }
        }
    }

    [Fact]
    public void Campolongo_selection_spreads_trajectories_wider_than_the_first_drawn()
    {
        static double Spread(MorrisDesign d)
        {
            var points = Enumerable.Range(0, d.TrajectoryCount)
                .Select(t => Enumerable.Range(t * d.RowsPerTrajectory, d.RowsPerTrajectory).Select(i => d.Row(i).Coordinates).ToArray()).ToArray();
            double sum = 0;
            for (int m = 0; m < points.Length; m++)
            {
                for (int l = m + 1; l < points.Length; l++)
                {
                    double dist = points[m].Sum(p => points[l].Sum(q => Math.Sqrt(p.Zip(q, (x, y) => (x - y) * (x - y)).Sum())));
                    sum += dist * dist;
                }
            }
            return Math.Sqrt(sum);
        }
        var plain = new MorrisDesign(FactorLayout.Singles(4), trajectories: 8, seed: 21);
        var chosen = new MorrisDesign(FactorLayout.Singles(4), trajectories: 8, seed: 21, candidates: 100);
        // Greedy choice among 100 must beat 8 random draws; equal spreads would mean the selection did nothing.
        Assert.True(Spread(chosen) > Spread(plain), $"{Spread(chosen)} vs {Spread(plain)}");
        Assert.Equal(8, chosen.SelectedCandidates.Count);
        Assert.Equal(chosen.SelectedCandidates, new MorrisDesign(FactorLayout.Singles(4), 8, 21, candidates: 100).SelectedCandidates);
    }

    [Fact]
    public void A_constant_quantity_gets_no_numbers_and_the_zero_variance_status()
    {
        var design = new MorrisDesign(FactorLayout.Singles(3), trajectories: 4, seed: 1);
        var result = MorrisAnalysis.Analyze(design, TestFunctions.Run(design, _ => 0.3));
        Assert.Equal(IndexStatus.ZeroVariance, result.Status);
        Assert.All(result.Factors, f => Assert.True(f.Mu is null && f.MuStar is null && f.Sigma is null));
    }

    [Fact]
    public void The_same_seed_gives_the_same_design()
    {
        var one = new MorrisDesign(FactorLayout.Singles(6), trajectories: 5, seed: 8, candidates: 30);
        var two = new MorrisDesign(FactorLayout.Singles(6), trajectories: 5, seed: 8, candidates: 30);
        var other = new MorrisDesign(FactorLayout.Singles(6), trajectories: 5, seed: 9, candidates: 30);
        var rows = Enumerable.Range(0, one.RowCount);
        Assert.Equal(rows.SelectMany(i => one.Row(i).Coordinates), rows.SelectMany(i => two.Row(i).Coordinates));
        Assert.NotEqual(rows.SelectMany(i => one.Row(i).Coordinates), rows.SelectMany(i => other.Row(i).Coordinates));
    }

    [Fact]
    public void Odd_levels_and_too_few_candidates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(FactorLayout.Singles(2), 4, 1, levels: 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(FactorLayout.Singles(2), 4, 1, candidates: 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MorrisDesign(FactorLayout.Singles(2), 1, 1));
    }
}
