namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// A test that mounts a tmpfs (<see cref="Tmpfs"/>): skipped, with the reason, where mounting is not allowed.
/// xunit 2.9 has no skip from inside a test (Assert.Skip is xunit 3), so the reason is decided when the test is
/// discovered; the test then shows as skipped, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute()
    {
        if (Tmpfs.WhyNot is { } why) Skip = why;
    }
}
