namespace BrainDrainSim.Sensitivity;

/// <summary>
/// A sensitivity index and its bootstrap 95% percentile interval. The interval can fail to contain the estimate
/// when the estimator is biased, and it is wider than the error of a scrambled Sobol design usually is (the
/// bootstrap treats base points as independent, which low-discrepancy points are not): read it as conservative.
/// </summary>
/// <param name="Value">The estimate on all base rows.</param>
/// <param name="Lower">The 2.5% percentile of the estimates over the resamples.</param>
/// <param name="Upper">The 97.5% percentile of the estimates over the resamples.</param>
public readonly record struct IndexEstimate(double Value, double Lower, double Upper);
