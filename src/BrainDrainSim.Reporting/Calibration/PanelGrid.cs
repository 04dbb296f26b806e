using ScottPlot;
using SkiaSharp;

namespace BrainDrainSim.Reporting.Calibration;

/// <summary>
/// Small multiples: plots drawn side by side on one PNG, in rows of a fixed number of columns, under a header with
/// the chart's title and a key that holds for every panel (drawn once rather than in each panel). The panels are
/// ordinary ScottPlot plots rendered into their cells, so they look like the other charts, with the shipped font.
/// </summary>
internal static class PanelGrid
{
    /// <summary>How a key entry is drawn.</summary>
    internal enum KeyShape { None, Line, DashedLine, Fill, Point, TriangleUp }

    /// <summary>One entry of the header's key.</summary>
    internal readonly record struct Key(string Label, Color Colour, KeyShape Shape);

    private const float TitleSize = 20, KeySize = 14, Pad = 12, Swatch = 26;

    /// <summary>
    /// The PNG of <paramref name="panels"/> (null: an empty cell) in rows of <paramref name="columns"/> cells of
    /// <paramref name="cellWidth"/> by <paramref name="cellHeight"/> pixels, under the title and key (the grid centred
    /// when the title is the wider). The plots are disposed.
    /// </summary>
    public static byte[] Render(string title, IReadOnlyList<Key> keys, IReadOnlyList<Plot?> panels, int columns, int cellWidth, int cellHeight)
    {
        ArgumentNullException.ThrowIfNull(panels);
        try
        {
            ChartFonts.Register();
            using var titleFont = new SKFont(Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false), TitleSize);
            using var keyFont = new SKFont(Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false), KeySize);
            int rows = Math.Max(1, (panels.Count + columns - 1) / columns);
            // A grid narrower than its title (one or two panels) is centred on a canvas wide enough for the title.
            int grid = columns * cellWidth;
            int width = Math.Max(grid, (int)Math.Ceiling(titleFont.MeasureText(title) + 2 * Pad));
            var keyLines = KeyLines(keys, keyFont, width);
            int header = (int)Math.Ceiling(Pad + TitleSize + Pad + keyLines.Count * (KeySize + 10) + Pad / 2);
            int height = header + rows * cellHeight;

            using var surface = SKSurface.Create(new SKImageInfo(width, height));
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.White);
            using (var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true })
                canvas.DrawText(title, width / 2f, Pad + TitleSize, SKTextAlign.Center, titleFont, ink);
            float y = Pad + TitleSize + Pad + KeySize;
            foreach (var line in keyLines)
            {
                float x = (width - line.Width) / 2;
                foreach (var key in line.Keys)
                {
                    DrawSwatch(canvas, key, x, y - KeySize / 2.8f);
                    using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
                    canvas.DrawText(key.Label, x + Swatch + 6, y, SKTextAlign.Left, keyFont, ink);
                    x += EntryWidth(key, keyFont);
                }
                y += KeySize + 10;
            }

            for (int i = 0; i < panels.Count; i++)
            {
                if (panels[i] is not { } plot) continue;
                // Each panel on a surface of its own: a plot clears the whole canvas it is given before drawing.
                using var cell = SKSurface.Create(new SKImageInfo(cellWidth, cellHeight));
                plot.Render(cell.Canvas, cellWidth, cellHeight);
                using var drawn = cell.Snapshot();
                canvas.DrawImage(drawn, (width - grid) / 2 + i % columns * cellWidth, header + i / columns * cellHeight);
            }
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            return png.ToArray();
        }
        finally
        {
            foreach (var p in panels) p?.Dispose();
        }
    }

    /// <summary>A plot for a cell: the shipped font, a title in a size that fits a cell, smaller tick labels.</summary>
    public static Plot Panel(string title, float titleSize = 14)
    {
        var plot = Charts.NewPlot(title);
        plot.Axes.Title.Label.FontSize = titleSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Bottom.Label.FontSize = 12;
        plot.Axes.Left.Label.FontSize = 12;
        return plot;
    }

    private static float EntryWidth(Key key, SKFont font) => Swatch + 6 + font.MeasureText(key.Label) + 24;

    private static List<(List<Key> Keys, float Width)> KeyLines(IReadOnlyList<Key> keys, SKFont font, int width)
    {
        var lines = new List<(List<Key> Keys, float Width)>();
        var current = new List<Key>();
        float used = 0;
        foreach (var key in keys)
        {
            float w = EntryWidth(key, font);
            if (current.Count > 0 && used + w > width - 2 * Pad)
            {
                lines.Add((current, used));
                current = [];
                used = 0;
            }
            current.Add(key);
            used += w;
        }
        if (current.Count > 0) lines.Add((current, used));
        return lines;
    }

    private static void DrawSwatch(SKCanvas canvas, Key key, float x, float y)
    {
        using var paint = new SKPaint { Color = key.Colour.ToSKColor(), IsAntialias = true };
        switch (key.Shape)
        {
            case KeyShape.None:
                break;
            case KeyShape.Fill:
                canvas.DrawRect(x, y - 7, Swatch, 14, paint);
                break;
            case KeyShape.Point:
                canvas.DrawCircle(x + Swatch / 2, y, 5, paint);
                break;
            case KeyShape.TriangleUp:
                using (var path = new SKPath())
                {
                    path.MoveTo(x + Swatch / 2 - 6, y + 5);
                    path.LineTo(x + Swatch / 2 + 6, y + 5);
                    path.LineTo(x + Swatch / 2, y - 6);
                    path.Close();
                    canvas.DrawPath(path, paint);
                }
                break;
            default:
                paint.StrokeWidth = Charts.MedianWidth;
                paint.Style = SKPaintStyle.Stroke;
                if (key.Shape == KeyShape.DashedLine) paint.PathEffect = SKPathEffect.CreateDash([6, 4], 0);
                canvas.DrawLine(x, y, x + Swatch, y, paint);
                break;
        }
    }
}
