using System.Text;

namespace BrainDrainSim.Scenarios.Source;

/// <summary>
/// Reads a YAML document's file as scenario files are read, for every kind of document the project loads (scenario
/// files, targets files): bounded in size, decoded as UTF-8 (or UTF-16/32 with a byte-order mark), every failure
/// an error with a place rather than an exception.
/// </summary>
internal static class SourceFile
{
    /// <summary>A document is a few kilobytes; refusing huge files keeps a wrong path from filling memory.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <param name="named">The file as the message names it.</param>
    /// <param name="document">What the file should be, with its article: "a scenario file".</param>
    public static string TooLarge(string named, string document) =>
        $"{named} is larger than {MaxFileBytes:N0} bytes (16 MiB); {document} is a few kilobytes (is it the right file?)";

    /// <summary>True when text given in memory fits the limit a file meets (each character is at least a byte).</summary>
    public static bool Fits(string text) => text.Length <= MaxFileBytes && Encoding.UTF8.GetByteCount(text) <= MaxFileBytes;

    /// <summary>The file's bytes, or null after <paramref name="fail"/> was given the reason.</summary>
    /// <param name="fullPath">The file.</param>
    /// <param name="named">The file as messages name it.</param>
    /// <param name="document">What the file should be, with its article: "a scenario file".</param>
    /// <param name="notFound">The message for a file that does not exist.</param>
    /// <param name="fail">Takes the message of a failure.</param>
    public static byte[]? Read(string fullPath, string named, string document, string notFound, Action<string> fail)
    {
        if (Directory.Exists(fullPath))
        {
            fail($"{named} is a directory, not {document}");
            return null;
        }
        if (!File.Exists(fullPath))
        {
            fail(notFound);
            return null;
        }
        try
        {
            // Read at most one byte past the limit instead of trusting the reported length: a device such as
            // /dev/zero reports 0 and never ends.
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxFileBytes)
                {
                    fail(TooLarge(named, document));
                    return null;
                }
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            fail($"cannot read {named}: {e.Message}");
            return null;
        }
    }

    /// <summary>The file as text (UTF-8, or UTF-16/32 with a byte-order mark), or null with an error.</summary>
    public static string? Decode(byte[] bytes, string fullPath, ErrorList errors)
    {
        ReadOnlySpan<byte> span = bytes;
        bool utf16Or32 = span.StartsWith([(byte)0xFE, (byte)0xFF]) || span.StartsWith([(byte)0xFF, (byte)0xFE]) ||
                         span.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]);
        if (utf16Or32)
        {
            // The reader picks the encoding from the mark; a broken pair becomes U+FFFD, which YAML reads as text.
            using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        if (span.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF])) span = span[3..];
        var text = new char[span.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(span, text, out int read, out int written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done) return new string(text, 0, written);

        // Point at the first byte that is not UTF-8: the line and column of the text before it, counted in characters.
        var before = text.AsSpan(0, written);
        int line = before.Count('\n') + 1, column = written - (before.LastIndexOf('\n') + 1) + 1;
        errors.Add(fullPath, line, column, "",
            $"the file is not UTF-8 text: byte 0x{span[read]:X2} here is not valid UTF-8 (is it a binary file, or saved in another encoding such as EUC-KR or Latin-1? save it as UTF-8)");
        return null;
    }
}
