namespace BrainDrainSim.Cli.Tests;

/// <summary>
/// A test that runs `braindrain` as an unprivileged user (<see cref="Unprivileged"/>): skipped, with the reason,
/// where that is not possible (decided at discovery, as for <see cref="MountFactAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (Unprivileged.WhyNot is { } why) Skip = why;
    }
}
