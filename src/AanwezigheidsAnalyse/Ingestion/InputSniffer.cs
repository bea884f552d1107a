using System.Buffers;
using System.Text;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Tells UTF-8 (with or without BOM) from Windows-1252 before the CSV reader starts: Dutch exports from Excel
/// come in both, and a name with é, ë or ï must survive either way. UTF-16 with a BOM is decoded by the reader.
/// </summary>
internal static class InputSniffer
{
    private const int SampleBytes = 1 << 20;

    // Taken from the provider, not registered with Encoding: a library changes no process-wide state.
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// The encoding (null for UTF-8, which the reader reads as bytes; for UTF-16 a stand-in, as the reader follows
    /// the BOM, that says "not UTF-8": line numbers then come from the reader), its name, and whether lines end in CR alone.
    /// </summary>
    public static (Encoding? Encoding, string Name, bool OldMacLineBreaks) DetectEncoding(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = ArrayPool<byte>.Shared.Rent(SampleBytes);
        try
        {
            var length = stream.ReadAtLeast(buffer.AsSpan(0, SampleBytes), SampleBytes, throwOnEndOfStream: false);
            var sample = buffer.AsSpan(0, length);
            var oldMac = sample.Contains((byte)'\r') && !sample.Contains((byte)'\n');
            if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                return (null, "utf-8-bom", oldMac);
            if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
                return (Encoding.Unicode, "utf-16", oldMac); // not UTF-8: line numbers come from the reader
            return IsUtf8(sample, isWholeFile: length < SampleBytes) ? (null, "utf-8", oldMac) : (Windows1252, "windows-1252", oldMac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
