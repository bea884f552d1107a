using System.Text;
using AanwezigheidsAnalyse.Localization;
using CsvHelper;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// How every CSV file the tool reads is read (exports and the pupil list alike; README, "Reading CSV"): one line is
/// one row. School exports are line-oriented, and real ones carry stray quotes ("Jan "de Boer"", a remark with a
/// single <c>"</c>): a quote that is not closed on its own line ends with the line, so it costs at most that row,
/// never the rows after it. A line may hold at most <see cref="MaxLineBytes"/>; a longer one is an error that names it.
/// </summary>
internal static class CsvFiles
{
    /// <summary>The longest line read: far above any real row, low enough that hostile input cannot exhaust memory.</summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>
    /// The next record, as <see cref="CsvReader.Read"/>, refused when it is over <see cref="MaxLineBytes"/>: CsvHelper
    /// checks its limit only when its buffer must grow, and grows it up to twice the limit, so a line of 1 to 2 MB was
    /// read or refused depending on where it fell (and so differently by one reader and in parts). Measured on every
    /// record: 4 ns a row, 1–2 % of one reader's ingest. Every loop over a CSV file's rows reads with this.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Read(CsvReader csv)
    {
        if (!csv.Read())
            return false;
        if (csv.RawRecord.Length > MaxLineBytes)
            throw new CsvFormatException($"A record is longer than {MaxLineBytes} bytes.", csv.RowNumber, csv.ByteOffset);
        return true;
    }

    /// <summary>
    /// The error for a line over the limit (<see cref="Read"/>, or CsvHelper's own check for one over 2 MB) in a file
    /// read by a reader that counts lines: CsvHelper's exception names the line, this one the reader stands on.
    /// </summary>
    public static UserError LineTooLong(string path, CsvFormatException e, CsvReader csv, Setting setting) =>
        new(Texts.LineTooLong(path, LineOf(e, csv), MaxLineBytes), setting);

    /// <summary>The line a record over the limit starts on, for a reader that counts lines (see <see cref="LineTooLong"/>).</summary>
    public static long LineOf(CsvFormatException e, CsvReader csv) => e.LineNumber > 0 ? e.LineNumber : csv.LineNumber;

    /// <summary>
    /// A field's value: without the spaces and tabs Excel pads values with, and without the ="…" Excel writes around
    /// a number it must keep as text (a pupil number with leading zeros).
    /// </summary>
    public static ReadOnlySpan<byte> Value(ReadOnlySpan<byte> field)
    {
        field = field.Trim(" \t"u8);
        return field is [(byte)'=', (byte)'"', .., (byte)'"'] ? field[2..^1] : field;
    }

    /// <param name="encoding">The file's encoding; null for UTF-8.</param>
    /// <param name="trackLineNumbers">Whether the reader counts lines (not UTF-8, whose lines come from offsets).</param>
    /// <param name="partOf">For a part of a file read from its middle (<see cref="CsvParts"/>): the file's separator; the part has no header.</param>
    public static CsvReaderOptions Options(Encoding? encoding, bool trackLineNumbers, char? partOf = null) => new()
    {
        HasHeader = partOf is null,
        Separator = partOf,
        Encoding = encoding,
        TrimWhitespace = false,
        TrackLineNumbers = trackLineNumbers,
        SkipEmptyLines = true,
        IncludeValuesInExceptions = false,
        AllowLineBreaksInQuotes = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        MaxRecordSize = MaxLineBytes,
        BufferSize = 1 << 20,
    };
}
