using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BrainDrainSim.Model;

namespace BrainDrainSim.Scenarios.Schema;

/// <summary>
/// The <c>&lt;summary&gt;</c> of the scenario records and their properties, read from the XML documentation the
/// compiler writes beside BrainDrainSim.Core.dll, so that the schema's key descriptions are the records' own
/// doc comments and cannot drift from them. <c>&lt;see cref="Start"/&gt;</c> reads as the key (start).
/// </summary>
internal sealed partial class ModelDocs
{
    private static readonly Lazy<ModelDocs> Instance = new(Load);

    private readonly Dictionary<string, string> summaries;

    private ModelDocs(Dictionary<string, string> summaries) => this.summaries = summaries;

    public static ModelDocs Current => Instance.Value;

    /// <summary>The summary of a type or property as one line of plain text, or null when it has none.</summary>
    public string? Summary(MemberInfo member)
    {
        string? id = member switch
        {
            Type t => "T:" + Name(t),
            PropertyInfo p => $"P:{Name(p.DeclaringType!)}.{p.Name}",
            _ => null,
        };
        return id is not null && summaries.TryGetValue(id, out var text) ? text : null;
    }

    private static string Name(Type t) => t.FullName!.Replace('+', '.');

    private static ModelDocs Load()
    {
        var assembly = typeof(Scenario).Assembly;
        string location = assembly.Location;
        string path = location.Length == 0 ? "" : Path.ChangeExtension(location, ".xml");
        if (path.Length == 0 || !File.Exists(path))
            throw new InvalidOperationException(
                $"the XML documentation of {assembly.GetName().Name} was not found beside it ({(path.Length == 0 ? "no file location" : path)}); " +
                "the schema's descriptions come from it (the project builds it: GenerateDocumentationFile)");
        var doc = XDocument.Load(path);
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in doc.Descendants("member"))
            if (member.Attribute("name")?.Value is { } id && member.Element("summary") is { } summary && Render(summary) is { Length: > 0 } text)
                summaries[id] = text;
        return new ModelDocs(summaries);
    }

    private static string Render(XElement summary)
    {
        var sb = new StringBuilder();
        Append(summary, sb);
        return Whitespace().Replace(sb.ToString(), " ").Trim();
    }

    private static void Append(XElement element, StringBuilder sb)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    sb.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref")?.Value is { } cref:
                    sb.Append(CrefKey(cref));
                    break;
                case XElement { Name.LocalName: "see" } see when see.Attribute("langword")?.Value is { } word:
                    sb.Append(word);
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } p:
                    sb.Append(p.Attribute("name")?.Value);
                    break;
                case XElement child:
                    Append(child, sb);
                    break;
            }
        }
    }

    /// <summary>P:BrainDrainSim.Model.Scenario.Start -> start: in a scenario a member is named by its key.</summary>
    private static string CrefKey(string cref)
    {
        string name = cref;
        int paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        name = name[(name.LastIndexOf('.') + 1)..];
        return cref.StartsWith("P:", StringComparison.Ordinal) ? ScenarioNames.ToSnake(name) : name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
