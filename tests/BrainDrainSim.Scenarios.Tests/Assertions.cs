namespace BrainDrainSim.Scenarios.Tests;

/// <summary>Assertions that print every error of a failed load, so a failing test says why.</summary>
public static class Assertions
{
    public static void Ok(ScenarioLoadResult result)
    {
        Assert.True(result.Ok, "expected no errors, got:\n" + string.Join("\n", result.Errors));
        Assert.NotNull(result.Scenario);
    }

    /// <summary>The single error at the key path; fails listing all errors when there is none or several.</summary>
    public static ScenarioError OnlyError(ScenarioLoadResult result, string keyPath)
    {
        Assert.False(result.Ok);
        Assert.Null(result.Scenario);
        var matching = result.Errors.Where(e => e.KeyPath == keyPath).ToList();
        Assert.True(matching.Count == 1, $"expected one error at '{keyPath}', got:\n" + string.Join("\n", result.Errors));
        var error = matching[0];
        // What the user reads must name the file, the line, the column and the key.
        Assert.True(error.Line >= 1 && error.Column >= 1, $"no position in: {error}");
        Assert.StartsWith($"{error.File}:{error.Line}:{error.Column}: {keyPath}: ", error.ToString());
        return error;
    }

    public static string Dump(ScenarioLoadResult result) => string.Join("\n", result.Errors);
}
