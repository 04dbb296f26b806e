using SkiaSharp;

namespace BrainDrainSim.Reporting.Tests;

/// <summary>Reads what the chart tests check: the IHDR size straight from the bytes, and pixels through SkiaSharp.</summary>
internal static class Png
{
    public static (int Width, int Height) HeaderSize(byte[] png)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.Equal(signature, png.Take(8));
        // The first chunk must be IHDR: length (4 bytes), type (4), then width and height, big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)),
                System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    public static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
                colours.Add((uint)bitmap.GetPixel(x, y));
        return colours.Count;
    }

    public static int DarkPixels(SKBitmap bitmap, int top, int bottom, double maxLuminance = 100)
    {
        int dark = 0;
        for (int y = top; y < Math.Min(bottom, bitmap.Height); y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                double lum = 0.2126 * c.Red + 0.7152 * c.Green + 0.0722 * c.Blue;
                if (c.Alpha > 128 && lum < maxLuminance) dark++;
            }
        return dark;
    }
}
