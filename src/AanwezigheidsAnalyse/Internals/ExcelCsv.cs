using CsvHelper;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// The one CSV dialect the tool writes for people (README, "Output"): ';' (Dutch Excel's separator), UTF-8 with a BOM
/// (so Excel reads accents right), and text that Excel would run as a formula escaped with a leading quote.
/// </summary>
internal static class ExcelCsv
{
    /// <summary>
    /// Whether <paramref name="path"/> is a file of ours in the dialect: its first line is <paramref name="header"/> in
    /// either language. Only such a file is replaced by a new one of its kind; anything else under that name (the pupil
    /// list, someone's notes) is not ours to overwrite.
    /// </summary>
    public static bool HasHeader(string path, Func<Localization.Language, string[]> header)
    {
        // A header line of a wide answer (SELECT * FROM pupils: over 1 000 bytes) fits in 64 KB.
        var start = new byte[1 << 16];
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
            read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: not known to be ours
        }
        var text = System.Text.Encoding.UTF8.GetString(start, 0, read).TrimStart('\uFEFF');
        var end = text.IndexOfAny(['\r', '\n']);
        return end > 0 && Enum.GetValues<Localization.Language>().Any(l => text[..end] == string.Join(';', header(l).Select(Quoted)));
    }

    /// <summary>A field as the writer writes it: in quotes, its quotes doubled, when it holds the separator, a quote or a line break.</summary>
    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>A writer in the dialect; <paramref name="escapeFormulas"/> false when the caller escapes text cells itself (numbers must stay numbers).</summary>
    public static CsvWriter Create(Stream stream, bool escapeFormulas = true) =>
        CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = escapeFormulas ? CsvInjection.Escape : CsvInjection.None }, leaveOpen: true);
}
