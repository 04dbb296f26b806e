namespace BrainDrainSim.Model;

/// <summary>
/// Whole rows of a calibration's posterior (its posterior.csv): one value per path in each row, and each row's
/// weight. Each replication draws one row by weight and sets every path of it, so the correlations between the
/// fitted quantities are kept (<see cref="MonteCarlo.UncertaintySampler"/>). Immutable: the lists are copies.
/// Written in a scenario file as <c>uncertainty: {posterior: {file: posterior.csv}}</c>.
/// </summary>
public sealed record PosteriorSample
{
    /// <summary>The reserved key of the uncertainty block that holds the posterior; no scenario path is named so.</summary>
    public const string Key = "posterior";

    /// <summary>The posterior section's one key: the CSV file, relative to the scenario file that writes it.</summary>
    public const string FileKey = "file";

    /// <summary>The entry the drawn row's index is reported under, with the drawn values.</summary>
    public const string RowKey = "posterior.row";

    /// <param name="source">The file as messages name it (as the scenario wrote it).</param>
    /// <param name="paths">The scenario path of each column of values.</param>
    /// <param name="rows">The rows, each with one value per path.</param>
    /// <param name="weights">Each row's weight (they need not sum to 1).</param>
    /// <param name="lines">The line of each row in the file, for messages; null for rows made in code (then "row 1" is the first).</param>
    public PosteriorSample(string source, IEnumerable<string> paths, IEnumerable<IEnumerable<double>> rows, IEnumerable<double> weights,
        IEnumerable<int>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(weights);
        Source = source ?? "";
        Paths = Array.AsReadOnly(paths.ToArray());
        Rows = Array.AsReadOnly(rows.Select(r => (IReadOnlyList<double>)Array.AsReadOnly(r.ToArray())).ToArray());
        Weights = Array.AsReadOnly(weights.ToArray());
        _cumulative = MonteCarlo.WeightedDraw.Cumulative(Weights);
        Lines = lines is null ? null : Array.AsReadOnly(lines.ToArray());
    }

    // The running sums of the weights, derived once: every replication draws a row from them.
    private readonly double[] _cumulative;

    /// <summary>The file the rows came from, as messages name it.</summary>
    public string Source { get; }

    /// <summary>The scenario path of each column of values (<c>coefficients.b0</c>, <c>population.at_home</c>).</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The rows, each with one value per path, in file order (row i is particle i of a calibration's posterior.csv).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rows { get; }

    /// <summary>Each row's weight: finite, at least 0, not all 0 (the validator holds them to it).</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The line of each row in its file, for messages; null for rows made in code.</summary>
    public IReadOnlyList<int>? Lines { get; }

    /// <summary>How a message names row i: "line 4" of the file, or "row 3" of rows made in code.</summary>
    public string RowName(int i) => Lines is not null && i < Lines.Count ? $"line {Lines[i]}" : $"row {i + 1}";

    /// <summary>
    /// The row a uniform u in [0, 1) picks: the first whose cumulative weight exceeds u times the total, so row i is
    /// picked with probability weight i / total and a row of weight 0 never.
    /// </summary>
    public int Pick(double u)
    {
        // Validated weights are never all 0; a sample made in code and not validated may be.
        if (_cumulative.Length == 0 || _cumulative[^1] <= 0)
            throw new InvalidOperationException($"the posterior {Source} has no row of positive weight");
        return MonteCarlo.WeightedDraw.Index(Weights, _cumulative, u);
    }

    /// <summary>The sample without the column of <paramref name="path"/> (a sweep that fixes the quantity), or itself when it has none.</summary>
    public PosteriorSample Without(string path)
    {
        int column = Paths.ToList().IndexOf(path);
        if (column < 0) return this;
        var keep = Enumerable.Range(0, Paths.Count).Where(c => c != column).ToArray();
        return new PosteriorSample(Source, keep.Select(c => Paths[c]), Rows.Select(r => keep.Select(c => r[c])), Weights, Lines);
    }
}
