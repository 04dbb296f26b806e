namespace BrainDrainSim.Reference.Tests.ReferenceModel;

/// <summary>
/// A deliberate error put into the reference model, to show that the equivalence tests can fail: the same
/// comparison run against a perturbed reference must find the difference. <see cref="None"/> is the model
/// of docs/model.md.
/// </summary>
internal sealed record ReferencePerturbation
{
    public static ReferencePerturbation None { get; } = new();

    /// <summary>Multiplies the intent hazard's ceiling lambda_out.</summary>
    public double LambdaOutFactor { get; init; } = 1;

    /// <summary>Added to b_wage in both decisions.</summary>
    public double BWageShift { get; init; }

    /// <summary>Every lever takes effect this many months late (its at and until, a GPU cohort's arrival).</summary>
    public int LeverLagMonths { get; init; }

    /// <summary>
    /// The US PhD stay rate counts a graduate who left the field while in the US as not in the US (the reading
    /// docs/model.md 3.3.9 rejects).
    /// </summary>
    public bool UsPhdExitsCountAsGone { get; init; }

    public override string ToString() =>
        this == None ? "none"
        : string.Join(", ", new[]
        {
            LambdaOutFactor != 1 ? $"lambda_out x {LambdaOutFactor}" : null,
            BWageShift != 0 ? $"b_wage + {BWageShift}" : null,
            LeverLagMonths != 0 ? $"levers {LeverLagMonths} month(s) late" : null,
            UsPhdExitsCountAsGone ? "US PhD exits in the US count as gone" : null,
        }.Where(s => s is not null));
}
