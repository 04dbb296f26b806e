namespace BrainDrainSim.Scenarios.Tests.ErrorsDoc;

/// <summary>
/// Holds docs/errors.md to the loader's real output, word for word: every loader message of the doc has an
/// example in <see cref="DocExamples"/>, and each example makes the loader print exactly that message. Guards
/// the messages through refactorings of the loader, and the doc against stale examples.
/// </summary>
public sealed class ErrorsDocTests
{
    /// <summary>
    /// Rows of the loader's sections that are not one message the loader prints, with why. Kept as short as
    /// possible: a row here is held to nothing but its presence in the doc.
    /// </summary>
    private static readonly string[] NotMessages =
    [
        // The extends table's last row stands for every file-level error of this doc, given in the base file
        // (ExtendsTests and the fuzz test's extends cases hold those).
        "any error above, in the base file",
    ];

    public static TheoryData<string> Messages() => new(DocExamples.All.Select(e => e.Message));

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_example_gives_the_documented_message(string message)
    {
        var example = DocExamples.All.Single(e => e.Message == message);
        using var folder = new TempFolder();
        var printed = example.Load(folder.Path).Select(e => Printed(e, folder.Path)).ToList();
        Assert.True(printed.Any(example.Matches),
            $"no error is the documented message\n  {message}\nthe loader gave:\n  " + string.Join("\n  ", printed));
    }

    [Fact]
    public void Every_loader_message_of_the_doc_has_an_example_and_every_example_is_in_the_doc()
    {
        var rows = ErrorsDocument.LoaderRows();
        var documented = rows.Select(r => r.Message).ToList();
        var examples = DocExamples.All.Select(e => e.Message).ToList();

        Assert.True(documented.Count == documented.Distinct().Count(), "errors.md lists a message twice");
        Assert.True(examples.Count == examples.Distinct().Count(), "DocExamples holds two examples of one message");
        var withoutExample = rows.Where(r => !examples.Contains(r.Message) && !NotMessages.Contains(r.Message))
            .Select(r => $"({r.Section}) {r.Message}").ToList();
        Assert.True(withoutExample.Count == 0,
            "messages of errors.md without an example in ErrorsDoc/DocExamples.cs:\n  " + string.Join("\n  ", withoutExample));
        var notInDoc = examples.Except(documented).ToList();
        Assert.True(notInDoc.Count == 0, "examples whose message is not (or no longer) in errors.md:\n  " + string.Join("\n  ", notInDoc));
        var staleExceptions = NotMessages.Except(documented).ToList();
        Assert.True(staleExceptions.Count == 0, "exceptions no longer in errors.md:\n  " + string.Join("\n  ", staleExceptions));
    }

    /// <summary>
    /// An error as the doc shows it: "key.path: message" (the message alone for a file-level error), with the
    /// temporary folder written as "scenarios", the way the doc shortens the full paths the tool prints.
    /// </summary>
    private static string Printed(ScenarioError error, string folder)
    {
        string text = error.KeyPath.Length == 0 ? error.Message : $"{error.KeyPath}: {error.Message}";
        return text.Replace(folder, "scenarios", StringComparison.Ordinal);
    }
}
