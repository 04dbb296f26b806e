namespace BrainDrainSim.Reference.Tests;

/// <summary>
/// The test that writes the record of the engine before issue 10 (<see cref="EngineRecordTests"/>): skipped unless
/// ENGINE_RECORD is "write" or "overwrite" (decided when the test is discovered, as xunit 2 has no skip from inside a
/// test), so an ordinary test run never spends ten minutes on it nor touches the record.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class EngineRecordFactAttribute : FactAttribute
{
    public EngineRecordFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("ENGINE_RECORD") is not ("write" or "overwrite"))
            Skip = "writes the record of the engine before issue 10; set ENGINE_RECORD=write to run it (Equivalence/README.md)";
    }
}
