using System.Text.Encodings.Web;
using System.Text.Json;

namespace BrainDrainSim.Reporting;

/// <summary>JSON writer settings shared by the manifest and the scenario serializer.</summary>
internal static class JsonText
{
    /// <summary>
    /// Indented with "\n" on every platform (the default follows Environment.NewLine, which would make Windows
    /// and Linux manifests differ), and relaxed escaping so Korean text and "+" in descriptions stay readable;
    /// the file is never embedded in HTML.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
