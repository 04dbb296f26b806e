using BrainDrainSim.Model;
using BrainDrainSim.MonteCarlo;
using static BrainDrainSim.Reporting.Tests.SyntheticEnsemble;

namespace BrainDrainSim.Reporting.Tests;

public class CsvFileTests
{
    private const double Tol = 1e-9;

    private static List<Dictionary<string, string>> SummaryRows(EnsembleResult? e = null) =>
        CsvText.Records(SummaryCsv.Format(SeriesSummary.From(e ?? Build())));

    private static List<Dictionary<string, string>> AnnualRows(EnsembleResult? e = null) =>
        CsvText.Records(AnnualCsv.Format(AnnualSummary.From(e ?? Build())));

    [Fact]
    public void Summary_has_the_header_and_one_row_per_metric_and_month_in_catalog_order()
    {
        var e = Build();
        var text = SummaryCsv.Format(SeriesSummary.From(e));
        Assert.StartsWith("metric,month,unit,n,mean,sd,p05,p25,p50,p75,p95,status\n", text);
        var rows = CsvText.Records(text);
        Assert.Equal(e.Metrics.Count * MonthCount, rows.Count);
        var expectedOrder = e.Metrics.SelectMany(m => e.Months.Select(t => (m.Name, t.ToString()))).ToList();
        Assert.Equal(expectedOrder, rows.Select(r => (r["metric"], r["month"])).ToList());
        Assert.Equal("2025-11", rows[0]["month"]);
        Assert.Equal("2026-12", rows[MonthCount - 1]["month"]);
    }

    [Fact]
    public void Summary_values_match_hand_computation()
    {
        // researchers_home in 2026-12 (month 13): 55700 - offset = 55700, 55690, 55680, 55670, 55600.
        var row = SummaryRows().Single(r => r["metric"] == MetricCatalog.Home && r["month"] == "2026-12");
        Assert.Equal("persons", row["unit"]);
        Assert.Equal("5", row["n"]);
        Assert.Equal(55668, CsvText.Number(row["mean"]), Tol);
        double[] v = [55700, 55690, 55680, 55670, 55600];
        double sd = Math.Sqrt(v.Sum(x => (x - 55668) * (x - 55668)) / 4);
        Assert.Equal(sd, CsvText.Number(row["sd"]), Tol);
        Assert.Equal(55614, CsvText.Number(row["p05"]), Tol); // h = 0.2 between 55600 and 55670
        Assert.Equal(55670, CsvText.Number(row["p25"]), Tol);
        Assert.Equal(55680, CsvText.Number(row["p50"]), Tol);
        Assert.Equal(55690, CsvText.Number(row["p75"]), Tol);
        Assert.Equal(55698, CsvText.Number(row["p95"]), Tol); // h = 3.8 between 55690 and 55700
        Assert.Equal("ok", row["status"]);
    }

    [Fact]
    public void Summary_counts_only_defined_values_and_explains_empty_cells()
    {
        var rows = SummaryRows().Where(r => r["metric"] == MetricCatalog.StudentStayRate).ToList();
        // Months 0-2: no replication defines the rate.
        foreach (var r in rows.Take(3))
        {
            Assert.Equal("0", r["n"]);
            foreach (var col in new[] { "mean", "sd", "p05", "p25", "p50", "p75", "p95" }) Assert.Equal("", r[col]);
            Assert.Equal(CrossRunStatistics.StatusNoValues, r["status"]);
        }
        // Later months: replications 2, 3, 4 only (0.52, 0.53, 0.54).
        var later = rows[5];
        Assert.Equal("3", later["n"]);
        Assert.Equal(0.53, CsvText.Number(later["mean"]), Tol);
        Assert.Equal(0.01, CsvText.Number(later["sd"]), Tol);
        Assert.Equal("ok", later["status"]);

        // Emigrations in 2026-04 (month 5): replication 4 undefined.
        var em = SummaryRows().Single(r => r["metric"] == MetricCatalog.Emigrations && r["month"] == "2026-04");
        Assert.Equal("4", em["n"]);
        Assert.Equal((105 + 106 + 107 + 108) / 4.0, CsvText.Number(em["mean"]), Tol);
    }

    [Fact]
    public void A_single_defined_value_leaves_sd_empty_with_its_status()
    {
        var e = Build(value: (metric, run, month) => metric == MetricCatalog.Returns && run != 3 ? double.NaN : Value(metric, run, month));
        var row = SummaryRows(e).First(r => r["metric"] == MetricCatalog.Returns);
        Assert.Equal("1", row["n"]);
        Assert.Equal("", row["sd"]);
        Assert.Equal(row["mean"], row["p05"]);
        Assert.Equal(CrossRunStatistics.StatusSdUndefined, row["status"]);
    }

    [Fact]
    public void Annual_sums_flows_and_keeps_the_last_month_of_stocks_with_a_partial_first_year()
    {
        var rows = AnnualRows();
        Assert.StartsWith("metric,year,months,unit,aggregate,n,mean,sd,p05,p25,p50,p75,p95,status\n", AnnualCsv.Format(AnnualSummary.From(Build())));

        // Emigrations 2025 = months 0 and 1: 201 + offset / 5 = 201, 203, 205, 207, 221.
        var em2025 = rows.Single(r => r["metric"] == MetricCatalog.Emigrations && r["year"] == "2025");
        Assert.Equal("2", em2025["months"]);
        Assert.Equal("sum", em2025["aggregate"]);
        Assert.Equal("persons per year", em2025["unit"]);
        Assert.Equal("5", em2025["n"]);
        Assert.Equal(207.4, CsvText.Number(em2025["mean"]), Tol);
        Assert.Equal(205, CsvText.Number(em2025["p50"]), Tol);
        Assert.Equal(218.2, CsvText.Number(em2025["p95"]), Tol);

        // Emigrations 2026: replication 4 has an undefined month, so its yearly sum is undefined.
        // The others: 12 * 100 + (2 + ... + 13) + 12 * offset / 10 = 1290, 1302, 1314, 1326.
        var em2026 = rows.Single(r => r["metric"] == MetricCatalog.Emigrations && r["year"] == "2026");
        Assert.Equal("12", em2026["months"]);
        Assert.Equal("4", em2026["n"]);
        Assert.Equal(1308, CsvText.Number(em2026["mean"]), Tol);
        Assert.Equal(1290 + 0.15 * 12, CsvText.Number(em2026["p05"]), Tol);

        // Stocks take the year's last simulated month: 2025-12 (month 1) and 2026-12 (month 13).
        var home2025 = rows.Single(r => r["metric"] == MetricCatalog.Home && r["year"] == "2025");
        Assert.Equal("last", home2025["aggregate"]);
        Assert.Equal("persons", home2025["unit"]);
        Assert.Equal(Offset.Select(o => 57_000 - 100 - o).Average(), CsvText.Number(home2025["mean"]), Tol);
        var home2026 = rows.Single(r => r["metric"] == MetricCatalog.Home && r["year"] == "2026");
        Assert.Equal(55668, CsvText.Number(home2026["mean"]), Tol);

        // Ratios take the last month too: the stay rate in 2025-12 is undefined everywhere.
        var stay2025 = rows.Single(r => r["metric"] == MetricCatalog.StudentStayRate && r["year"] == "2025");
        Assert.Equal("last", stay2025["aggregate"]);
        Assert.Equal("", stay2025["mean"]);
        Assert.Equal(CrossRunStatistics.StatusNoValues, stay2025["status"]);
    }

    [Fact]
    public void Annual_has_one_row_per_metric_and_calendar_year()
    {
        var e = Build();
        var rows = AnnualRows(e);
        Assert.Equal(e.Metrics.Count * 2, rows.Count);
        Assert.Equal([new AnnualPeriod(2025, 0, 2), new AnnualPeriod(2026, 2, 12)], AnnualPeriod.Split(e.Months));
    }

    [Fact]
    public void Runs_has_seed_parameters_final_values_and_status()
    {
        var e = Build();
        var text = RunsCsv.Format(e);
        var rows = CsvText.Parse(text);
        string[] expectedHeader =
        [
            "replication", "seed", "coefficients.b_gpu", "visa.selection_rate",
            .. e.Metrics.Select(m => "final." + m.Name), "status",
        ];
        Assert.Equal(expectedHeader, rows[0]);
        Assert.Equal(Runs + 1, rows.Count);

        var records = CsvText.Records(text);
        for (int r = 0; r < Runs; r++)
        {
            var rec = records[r];
            Assert.Equal(r.ToString(System.Globalization.CultureInfo.InvariantCulture), rec["replication"]);
            Assert.Equal(Seeds[r].ToString(System.Globalization.CultureInfo.InvariantCulture), rec["seed"]);
            Assert.Equal(0.1 + 0.05 * r, CsvText.Number(rec["coefficients.b_gpu"]), Tol);
            Assert.Equal(Value(MetricCatalog.Home, r, MonthCount - 1), CsvText.Number(rec["final." + MetricCatalog.Home]));
        }
        Assert.Equal("18446744073709551615", records[4]["seed"]);
        // The stay rate is undefined at the end for replications 0 and 1 only.
        Assert.Equal("", records[0]["final." + MetricCatalog.StudentStayRate]);
        Assert.Equal("undefined: final." + MetricCatalog.StudentStayRate, records[0]["status"]);
        Assert.Equal("ok", records[2]["status"]);
        Assert.Equal(0.52, CsvText.Number(records[2]["final." + MetricCatalog.StudentStayRate]), Tol);
    }

    [Fact]
    public void No_csv_contains_NaN_or_Infinity_text()
    {
        var e = Build(value: (metric, run, month) => metric == MetricCatalog.Exits && run == 0 ? double.PositiveInfinity : Value(metric, run, month));
        foreach (var text in new[] { SummaryCsv.Format(SeriesSummary.From(e)), AnnualCsv.Format(AnnualSummary.From(e)), RunsCsv.Format(e) })
        {
            Assert.DoesNotContain("NaN", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Infinity", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("∞", text);
            Assert.DoesNotContain("\r", text);
            Assert.EndsWith("\n", text);
        }
    }

    [Fact]
    public void Numbers_are_shortest_round_trip_invariant_text()
    {
        var e = Build(value: (metric, run, month) => metric == MetricCatalog.Returns ? 0.1 + 0.2 : Value(metric, run, month));
        // The final value is written as given, so its text is exactly the shortest round-trip form.
        var run = CsvText.Records(RunsCsv.Format(e))[0];
        Assert.Equal("0.30000000000000004", run["final." + MetricCatalog.Returns]);
        var row = SummaryRows(e).First(r => r["metric"] == MetricCatalog.Returns);
        Assert.Equal(SeriesSummary.From(e)[e.MetricIndex(MetricCatalog.Returns), 0].Mean, CsvText.Number(row["mean"]));
        Assert.Equal("0", row["sd"]);
        var cost = SummaryRows(e).First(r => r["metric"] == MetricCatalog.PolicyCostCumulative);
        Assert.Equal("1000000032", cost["mean"]);
    }

    [Fact]
    public void Fields_with_commas_or_quotes_are_quoted_per_RFC_4180()
    {
        var scenario = Scenario(s => s with
        {
            Sectors = [new SectorSpec { Name = "big \"tech\", inc", Share = 1, BaselineComputeH100e = 0.05 }],
        });
        var text = SummaryCsv.Format(SeriesSummary.From(Build(scenario: scenario)));
        Assert.Contains("\"compute_per_home_researcher.big \"\"tech\"\", inc\",2025-11,", text);
        var records = CsvText.Records(text);
        Assert.Contains(records, r => r["metric"] == "compute_per_home_researcher.big \"tech\", inc");
    }

    [Fact]
    public void Csv_files_do_not_depend_on_threads_or_timings()
    {
        var one = Build(threads: 1, steppingSeconds: 9.75, setupSeconds: 3);
        var two = Build(threads: 2, steppingSeconds: 2.5, setupSeconds: 0.5);
        Assert.Equal(SummaryCsv.Format(SeriesSummary.From(one)), SummaryCsv.Format(SeriesSummary.From(two)));
        Assert.Equal(AnnualCsv.Format(AnnualSummary.From(one)), AnnualCsv.Format(AnnualSummary.From(two)));
        Assert.Equal(RunsCsv.Format(one), RunsCsv.Format(two));
    }

    [Fact]
    public void Runs_out_of_replication_order_are_refused()
    {
        var e = Build();
        var shuffled = new EnsembleResult
        {
            Scenario = e.Scenario, Metrics = e.Metrics, Months = e.Months, MasterSeed = e.MasterSeed, Threads = e.Threads,
            SetupSeconds = e.SetupSeconds, SteppingSeconds = e.SteppingSeconds,
            Runs = [e.Runs[1], e.Runs[0], .. e.Runs.Skip(2)],
        };
        Assert.Throws<ArgumentException>(() => SeriesSummary.From(shuffled));
    }

    [Fact]
    public void Files_are_utf8_without_bom()
    {
        using var dir = new TempFolder();
        Assert.Equal("summary.csv", ResultWriter.WriteSummaryCsv(Build(), dir.Path));
        var bytes = File.ReadAllBytes(dir.PathOf("summary.csv"));
        Assert.Equal((byte)'m', bytes[0]);
    }
}
