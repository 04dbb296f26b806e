namespace BrainDrainSim.Reporting;

/// <summary>
/// Registers the DejaVu Sans files shipped beside the assembly as ScottPlot's default font. Without a usable
/// font SkiaSharp draws PNGs with no text at all and reports no error (dotnet-notes.md), and a system font may
/// differ from machine to machine; the shipped files make charts readable and byte-identical everywhere.
/// </summary>
public static class ChartFonts
{
    /// <summary>
    /// A family name no system has installed: ScottPlot asks its system-font resolver first and caches typefaces
    /// by name, so registering under "DejaVu Sans" could silently pick up the machine's own copy instead.
    /// </summary>
    public const string Family = "BrainDrainSim DejaVu Sans";

    public const string RegularFile = "DejaVuSans.ttf";
    public const string BoldFile = "DejaVuSans-Bold.ttf";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Where the font files are looked for: Fonts/ beside the running application.</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    /// <summary>Registers the fonts once per process and makes them the default; safe to call before every chart.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                string regular = Path.Combine(Directory, RegularFile), bold = Path.Combine(Directory, BoldFile);
                foreach (var file in new[] { regular, bold })
                    if (!File.Exists(file))
                        throw new FileNotFoundException(
                            $"chart font '{file}' is missing; charts would render without any text. " +
                            "The BrainDrainSim.Reporting project copies its Fonts folder to the output directory.", file);
                ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
                ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
                _registered = true;
            }
            // Set every time: ScottPlot reads the default when a plot is created, and another caller may have changed it.
            ScottPlot.Fonts.Default = Family;
        }
    }
}
