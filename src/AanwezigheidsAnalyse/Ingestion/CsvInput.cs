using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Localization;
using CsvHelper;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// A CSV export, streamed once: its encoding detected, its header row found (below a title line or two if need be)
/// and bound to a profile, then every row through the <see cref="RowReader{TSource, TTarget}"/> of the profile's shape.
/// Fields are read as UTF-8 spans; pupil numbers, dates, codes and slots are resolved through caches, so a row that
/// repeats what came before allocates nothing.
/// </summary>
internal static class CsvInput
{
    /// <summary>Reads a file. The profile is the given one or, without one, the bundled profile whose required headers the file has.</summary>
    public static ReadResult Read(string path, IngestSettings settings, Ledger.LedgerBuilder builder, RejectSink rejects, IProgress<IngestProgress>? progress)
    {
        var account = new FileAccount { Path = Path.GetFullPath(path), Bytes = Internals.InputFile.Length(path) };
        var hash = FileHash.Sha256Async(path);
        var encoding = InputSniffer.DetectEncoding(path);
        account.Encoding = encoding.Name;
        // Counting lines costs the scanner about a third of its speed, and trimming every field more than that:
        // UTF-8 files get their line numbers from byte offsets, only for rejected rows (LineCounter), and fields
        // are trimmed where they are read.
        using var lines = encoding.Encoding is null && !encoding.OldMacLineBreaks ? new LineCounter(path) : null;
        using var csv = CsvReader.FromFile(path, CsvFiles.Options(encoding.Encoding, trackLineNumbers: lines is null));
        try
        {
            var profile = ChooseProfile(path, csv, settings.Profile, account);
            account.Separator = csv.Separator switch { '\t' => "tab", var c => c.ToString() };
            ProfileDetector.Bind(profile, csv.Headers, out var columns);
            ProfileDetector.CheckUnambiguous(path, csv.Headers, columns);
            var input = new FileInput(path, account, profile, columns, settings.Timetable ?? profile.DefaultTimetable(), settings, rejects, progress);
            // A large UTF-8 file of one registration per row may be read in parts on all cores (CsvParts); the rest by one reader.
            if (lines is not null && RowReaders.OneRegistrationPerRow(profile.Shape) && settings.Parts.Workers > 1)
            {
                RowReaders.CheckSchoolsMatch(input); // before any row is read, as one reader checks it
                if (CsvParts.Plan(path, csv, settings.Parts) is { } parts)
                {
                    csv.Dispose();
                    var (presentRows, durations, slots) = CsvParts.Read(input, parts, builder, lines);
                    account.Sha256 = hash.GetAwaiter().GetResult();
                    return new ReadResult(account, profile, input.Timetable, presentRows, durations.LookLikeAnotherUnit(profile.DurationUnit), slots);
                }
            }
            var reader = RowReaders.For(input, new CsvRows(csv, lines), new Ledger.BuilderTarget(builder));
            reader.ReadAll();
            account.Sha256 = hash.GetAwaiter().GetResult();
            return new ReadResult(account, profile, input.Timetable, reader.PresentRows, reader.DurationsLookLikeAnotherUnit, reader.SlotSpelling);
        }
        catch (SecondHeaderException e)
        {
            throw new UserError(Texts.SecondHeader(path, e.Line, e.Header, string.Join(";", csv.Headers)), Setting.Inputs);
        }
        catch (CsvFormatException e)
        {
            // Reading recovers from every quoting fault (CsvFiles); what is left is a line over the size limit.
            // Without line tracking (UTF-8 input) the exception has no line number; the offset gives it.
            throw new UserError(Texts.LineTooLong(path, lines?.LineAt(e.ByteOffset) ?? CsvFiles.LineOf(e, csv), CsvFiles.MaxLineBytes), Setting.Inputs);
        }
    }

    /// <summary>
    /// The profile, and the header row it binds to. A header may sit below a title line or two ("Absentieoverzicht
    /// 2025"): the first few records are tried, and those above the header are ignored as preamble. A message
    /// quotes the first line only (through <see cref="HeaderRow"/>): later lines may be data, and data never goes
    /// into a message.
    /// </summary>
    private static Profile ChooseProfile(string path, CsvReader csv, Profile? given, FileAccount account)
    {
        var preamble = 0;
        var headers = csv.Headers;
        List<string> firstLine = [.. headers];
        for (var attempt = 0; ; attempt++)
        {
            var found = given is not null
                ? (ProfileDetector.Matches(given, headers) ? given : null)
                : ProfileDetector.Detect(headers, out _);
            if (found is not null)
            {
                account.Profile = found.Name;
                account.ProfileChoice = given is null ? "detected" : "given";
                account.Headers = HeaderRow.Kept(headers);
                if (preamble > 0)
                    account.Ignore(IgnoreReason.Preamble, preamble);
                account.RowsRead += preamble;
                return found;
            }
            if (attempt == 4 || !csv.Read())
                break;
            csv.ReadHeader();
            headers = csv.Headers;
            preamble++;
        }
        if (firstLine.All(string.IsNullOrWhiteSpace))
            throw new UserError(Texts.FileEmpty(Setting.Inputs, path), Setting.Inputs);
        throw given is not null
            ? ProfileDetector.MissingColumns(path, given, firstLine)
            : ProfileDetector.NoMatch(path, firstLine);
    }

    /// <summary>The rows of a CSV file; line numbers from the reader, or for UTF-8 input from byte offsets (rejects only).</summary>
    private readonly struct CsvRows(CsvReader csv, LineCounter? lines) : IRowSource
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Read() => CsvFiles.Read(csv);

        public int FieldCount => csv.FieldCount;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<byte> Field(int column) => csv.GetSpan(column);

        public string Text(int column) => csv.GetString(column).Trim();

        public string Header(int column) => column < csv.Headers.Count ? csv.Headers[column] : "";

        public long Line => lines?.LineAt(csv.ByteOffset) ?? csv.LineNumber;

        public long Position => csv.ByteOffset;

        public int UnreadFilledFields => 0;

        public bool MayHaveFooters => true;
    }
}
