using System.Buffers;
using System.Text;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Tells UTF-8 (with or without BOM) from Windows-1252 before the CSV reader starts: Dutch exports from Excel
/// come in both, and a code with é, ë or ï must survive either way. The whole file must be valid UTF-8 to be read
/// as UTF-8 (a file valid for its first megabyte and Windows-1252 below it is Windows-1252). UTF-16 with a BOM is
/// decoded by the reader; UTF-16 without one (every other byte zero) is refused, as no guess would be safe.
/// </summary>
internal static class InputSniffer
{
    private const int SampleBytes = 1 << 20;

    // Taken from the provider, not registered with Encoding: a library changes no process-wide state.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// The encoding (null for UTF-8, which the reader reads as bytes; for UTF-16 and UTF-32 a stand-in, as the reader
    /// follows the BOM, that says "not UTF-8": line numbers then come from the reader), its name, and whether lines end
    /// in CR alone.
    /// </summary>
    public static (Encoding? Encoding, string Name, bool OldMacLineBreaks) DetectEncoding(string path, Localization.Setting setting = Localization.Setting.Inputs)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(SampleBytes);
        try
        {
            var length = stream.ReadAtLeast(buffer.AsSpan(0, SampleBytes), SampleBytes, throwOnEndOfStream: false);
            var sample = buffer.AsSpan(0, length);
            var oldMac = sample.Contains((byte)'\r') && !sample.Contains((byte)'\n');
            if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                return (null, "utf-8-bom", oldMac);
            // UTF-32's little-endian BOM begins with UTF-16's: asked first, so that run.json names what was read.
            if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || sample.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
                return (Encoding.UTF32, "utf-32", oldMac);
            if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                return (Encoding.Unicode, "utf-16", oldMac); // not UTF-8: line numbers come from the reader
            if (LooksLikeUtf16(sample))
                throw new Localization.UserError(Localization.Texts.Utf16WithoutBom(path), setting);
            if (NotText(sample, path) is var (binary, kind) && binary)
                throw new Localization.UserError(Localization.Texts.NotText(path, kind), setting);
            if (!IsUtf8(sample, isWholeFile: length < SampleBytes) || (length == SampleBytes && !RestIsUtf8(stream, buffer)))
                return (Windows1252, "windows-1252", oldMac);
            return (null, "utf-8", oldMac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A workbook, an archive, a PDF or an image given as a CSV, by its first bytes: the reader would find no header and
    /// the profile would be blamed. Said for what it is, with what to do. (NUL bytes alone say nothing: a stray one
    /// damages a row, which the reader rejects, and the rest of the file is read.)
    /// </summary>
    private static (bool Binary, string? Kind) NotText(ReadOnlySpan<byte> sample, string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (sample.StartsWith("PK\u0003\u0004"u8))
            return (true, extension is ".ods" ? "ods" : extension is ".xlsx" or ".xlsm" || sample.IndexOf("xl/"u8) >= 0 ? "xlsx" : "zip");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return (true, "xls");
        if (sample.StartsWith("%PDF"u8))
            return (true, "pdf");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
            return (true, "png");
        if (sample.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
            return (true, "gzip");
        return (false, null);
    }

    /// <summary>
    /// Text in UTF-16 without a BOM: zeros in nearly every other byte (the high bytes of Latin text) and hardly any
    /// in the others. A file of zeros is not text at all, and is left to the reader (it finds no header).
    /// </summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample)
    {
        var window = sample[..(Math.Min(sample.Length, 4096) & ~1)];
        if (window.Length < 4)
            return false;
        int even = 0, odd = 0;
        for (var i = 0; i < window.Length; i += 2)
        {
            even += window[i] == 0 ? 1 : 0;
            odd += window[i + 1] == 0 ? 1 : 0;
        }
        var half = window.Length / 2;
        return (even * 10 >= half * 4 && odd * 10 < half) || (odd * 10 >= half * 4 && even * 10 < half);
    }

    /// <summary>The rest of the file after the first block is valid UTF-8 too (vectorised: about a tenth of reading it).</summary>
    private static bool RestIsUtf8(Stream stream, byte[] buffer)
    {
        // The previous block's unfinished sequence (at most 3 bytes) is carried to the front of the next.
        var carried = Utf8Tail(buffer.AsSpan(0, SampleBytes));
        buffer.AsSpan(SampleBytes - carried, carried).CopyTo(buffer);
        while (true)
        {
            var read = stream.Read(buffer, carried, SampleBytes - carried);
            var block = buffer.AsSpan(0, carried + read);
            if (read == 0)
                return System.Text.Unicode.Utf8.IsValid(block);
            var tail = Utf8Tail(block);
            if (!System.Text.Unicode.Utf8.IsValid(block[..^tail]))
                return false;
            block[^tail..].CopyTo(buffer);
            carried = tail;
        }
    }

    /// <summary>How many bytes at the end of a block start a sequence the block does not finish (0 to 3).</summary>
    private static int Utf8Tail(ReadOnlySpan<byte> block)
    {
        for (var back = 1; back <= Math.Min(3, block.Length); back++)
        {
            var b = block[^back];
            if ((b & 0xC0) != 0x80) // a lead byte (or ASCII): does its sequence end inside the block?
            {
                var length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? back : 0;
            }
        }
        return 0;
    }

    /// <summary>Valid UTF-8, allowing a sequence cut off at the end of a sample.</summary>
    internal static bool IsUtf8(ReadOnlySpan<byte> sample, bool isWholeFile)
    {
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            while (!sample.IsEmpty)
            {
                var status = System.Text.Unicode.Utf8.ToUtf16(sample, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: isWholeFile);
                if (status == OperationStatus.InvalidData)
                    return false;
                if (status == OperationStatus.NeedMoreData)
                    return true;
                sample = sample[read..];
            }
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
