using CsvHelper;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// The one CSV dialect the tool writes for people (README, "Output"): ';' (Dutch Excel's separator), UTF-8 with a BOM
/// (so Excel reads accents right), and text that Excel would run as a formula escaped with a leading quote.
/// </summary>
internal static class ExcelCsv
{
    /// <summary>A writer in the dialect; <paramref name="escapeFormulas"/> false when the caller escapes text cells itself (numbers must stay numbers).</summary>
    public static CsvWriter Create(Stream stream, bool escapeFormulas = true) =>
        CsvWriter.Create(stream, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = escapeFormulas ? CsvInjection.Escape : CsvInjection.None }, leaveOpen: true);
}
