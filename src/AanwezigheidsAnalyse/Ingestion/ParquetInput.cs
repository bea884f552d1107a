using System.Globalization;
using System.Text;
using AanwezigheidsAnalyse.Localization;
using NodaTime;
using NodaTime.Text;
using Parquet;
using Parquet.Schema;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// A Parquet file of attendance rows (for analysts and the generator), read through the same row pipeline as CSV:
/// its columns are bound to the profile by name (the canonical profile unless one is given), every value is read as
/// text whatever its physical type (a DATE column in the profile's first date format), and every row is accounted for the same way.
/// Rows are read one row group at a time; "line" in rejects.csv is the row number.
/// </summary>
internal static class ParquetInput
{
    public static ReadResult Read(string path, IngestSettings settings, Ledger.LedgerBuilder builder, RejectSink rejects, IProgress<IngestProgress>? progress)
    {
        var account = new FileAccount
        {
            Path = Path.GetFullPath(path),
            Bytes = Internals.InputFile.Length(path),
            Encoding = "parquet",
            Separator = "",
        };
        var hash = FileHash.Sha256Async(path);
        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or ParquetException or InvalidDataException or Parquet.Meta.Proto.ThriftProtocolException)
        {
            // A damaged footer is Thrift's to find: it was an internal error (an adversarial pass).
            throw new UserError(Texts.NotReadableParquet(path, e.Message), Setting.Inputs);
        }
        try
        {
            var fields = reader.Schema.GetDataFields();
            List<string> names = [.. fields.Select(f => f.Name)];
            // A given profile reads the file when its columns are there; else the canonical one does, as the generator
            // and analysts write Parquet (a run may mix a school's CSV, which needs --profile, with canonical Parquet).
            var canonical = Profile.Load("canonical");
            var given = settings.Profile is { } p && ProfileDetector.Matches(p, names);
            var profile = given ? settings.Profile! : canonical;
            if (!given && !ProfileDetector.Matches(canonical, names))
                throw ProfileDetector.MissingColumns(path, settings.Profile ?? canonical, names);
            account.Profile = profile.Name;
            account.ProfileChoice = given ? "given" : "parquet";
            ProfileDetector.Bind(profile, names, out var columns);
            ProfileDetector.CheckUnambiguous(path, names, columns);
            account.Headers = HeaderRow.Kept(names);
            var input = new FileInput(path, account, profile, columns, settings.Timetable ?? profile.DefaultTimetable(), settings, rejects, progress);
            var rows = RowReaders.For(input, new ParquetRows(new ParquetTable(reader, fields, columns, profile.DateFormats[0], account.Bytes, path)), new Ledger.BuilderTarget(builder));
            try
            {
                rows.ReadAll();
            }
            catch (Exception e) when (e is IOException or ParquetException or InvalidDataException or NotSupportedException or Parquet.Meta.Proto.ThriftProtocolException)
            {
                // A damaged row group, found only when it is read: the rows before it are counted, the run stops.
                throw new UserError(Texts.NotReadableParquet(path, e.Message), Setting.Inputs);
            }
            catch (ArgumentOutOfRangeException e) when (new System.Diagnostics.StackTrace(e).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(ParquetReader).Assembly))
            {
                // Only Parquet.Net's own: one of ours is an internal error, to be reported, not the file's fault.
                // A date of year 10000 or before year 1 (-infinity) fails in Parquet.Net as it decodes the whole column
                // chunk, so the row cannot be rejected alone: the run stops, naming the file (it was an internal error).
                throw new UserError(Texts.NotReadableParquet(path, Texts.ParquetDateOutOfRange.In(settings.Language)), Setting.Inputs);
            }
            account.Sha256 = hash.GetAwaiter().GetResult();
            return new ReadResult(account, profile, input.Timetable, rows.PresentRows, rows.DurationsLookLikeAnotherUnit, rows.SlotSpelling);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The rows of a Parquet file, a row group at a time; the bound columns as text, encoded to UTF-8 when a field is read.</summary>
    private readonly struct ParquetRows(ParquetTable table) : IRowSource
    {
        public bool Read() => table.Read();

        public int FieldCount => table.FieldCount;

        public ReadOnlySpan<byte> Field(int column) => table.Field(column);

        public int UnreadFilledFields => table.UnreadFilledFields;

        public string Text(int column) => table.Text(column);

        public string Header(int column) => table.Header(column);

        public long Line => table.RowNumber;

        public long Position => table.Position;

        public bool MayHaveFooters => false;
    }

    private sealed class ParquetTable(ParquetReader reader, DataField[] fields, Binding columns, string dateFormat, long bytes, string path)
    {
        private readonly LocalDatePattern _dates = LocalDatePattern.CreateWithInvariantCulture(dateFormat);
        private readonly bool[] _bound = [.. Enumerable.Range(0, fields.Length).Select(i => Enum.GetValues<ColumnRole>().Any(role => columns[role] == i))];
        private readonly string?[]?[] _values = new string?[]?[fields.Length];
        private readonly byte[][] _utf8 = [.. fields.Select(_ => new byte[64])];
        private readonly int[] _utf8Length = new int[fields.Length];
        private readonly long[] _encodedRow = new long[fields.Length];
        // Per row of the row group: the columns the profile does not read that hold a value, so that a row with only
        // those filled (a name, a note) is a faulty row, as in CSV, and not an empty one.
        private int[] _unreadFilled = [];
        private int _group = -1;
        private int _row = -1;
        private int _count;

        public int FieldCount => fields.Length;

        public long RowNumber { get; private set; }

        public long Position => reader.RowGroupCount == 0 ? bytes : bytes * Math.Max(_group, 0) / reader.RowGroupCount;

        public bool Read()
        {
            _row++;
            while (_row >= _count)
            {
                if (_group + 1 >= reader.RowGroupCount)
                    return false;
                Load(++_group);
            }
            RowNumber++;
            return true;
        }

        public ReadOnlySpan<byte> Field(int column)
        {
            if (Value(column) is not { } text)
                return default;
            if (_encodedRow[column] != RowNumber)
            {
                var length = Encoding.UTF8.GetByteCount(text);
                if (_utf8[column].Length < length)
                    _utf8[column] = new byte[Math.Max(length, _utf8[column].Length * 2)];
                _utf8Length[column] = Encoding.UTF8.GetBytes(text, _utf8[column]);
                _encodedRow[column] = RowNumber;
            }
            return _utf8[column].AsSpan(0, _utf8Length[column]);
        }

        public int UnreadFilledFields => _unreadFilled[_row];

        public string Text(int column) => Value(column)?.Trim() ?? "";

        public string Header(int column) => fields[column].Name;

        private string? Value(int column) => column < fields.Length ? _values[column]?[_row] : null;

        private void Load(int group)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            _count = checked((int)rowGroup.RowCount);
            _row = 0;
            _unreadFilled = new int[_count];
            for (var c = 0; c < fields.Length; c++)
            {
                if (_bound[c])
                    _values[c] = ReadAsText(rowGroup, fields[c], _dates, path, _count).GetAwaiter().GetResult();
                else
                    CountFilled(rowGroup, fields[c], _unreadFilled);
            }
        }
    }

    /// <summary>
    /// Adds one per row in which the column holds a value, read from the definition levels alone (the values stay
    /// unread: they may be names). A required column always holds one; a list column is not counted.
    /// </summary>
    private static void CountFilled(ParquetRowGroupReader rowGroup, DataField field, int[] filled)
    {
        if (field.MaxRepetitionLevel > 0)
            return;
        if (field.MaxDefinitionLevel == 0)
        {
            for (var i = 0; i < filled.Length; i++)
                filled[i]++;
            return;
        }
        using var column = rowGroup.ReadRawColumnDataBaseAsync(field).GetAwaiter().GetResult();
        var levels = column.DefinitionLevels;
        for (var i = 0; i < filled.Length && i < levels.Length; i++)
        {
            if (levels[i] == field.MaxDefinitionLevel)
                filled[i]++;
        }
    }

    /// <summary>
    /// A column as text per row, whatever its physical type, so that one set of rules checks every value; a typed date
    /// in the profile's first date format, which the row pipeline reads back.
    /// </summary>
    private static async Task<string?[]> ReadAsText(ParquetRowGroupReader rowGroup, DataField field, LocalDatePattern dates, string path, int count)
    {
        var type = field.ClrType;
        string Text(LocalDate date) => dates.Format(date);
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await rowGroup.ReadAsync(field, strings.AsMemory());
            return strings;
        }
        if (type == typeof(DateOnly))
            return Format(await Values<DateOnly>(rowGroup, field, count), d => Text(LocalDate.FromDateOnly(d)));
        if (type == typeof(DateTime))
        {
            // A timestamp adjusted to UTC (pandas' and DuckDB's with a zone) is an instant: a Dutch midnight is 22:00
            // or 23:00 UTC the day before, so its date is the one in the Netherlands. One without a zone says its date.
            var instant = field is DateTimeDataField { IsAdjustedToUTC: true };
            return Format(await Values<DateTime>(rowGroup, field, count), d => Text(instant
                ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)).InZone(Netherlands).Date
                : LocalDate.FromDateTime(d)));
        }
        if (type == typeof(int))
            return Format(await Values<int>(rowGroup, field, count), v => v.ToString(CultureInfo.InvariantCulture));
        if (type == typeof(long))
            return Format(await Values<long>(rowGroup, field, count), v => v.ToString(CultureInfo.InvariantCulture));
        if (type == typeof(short))
            return Format(await Values<short>(rowGroup, field, count), v => v.ToString(CultureInfo.InvariantCulture));
        if (type == typeof(double))
            return Format(await Values<double>(rowGroup, field, count), v => v.ToString(CultureInfo.InvariantCulture));
        throw new UserError(Texts.ParquetTypeNotRead(path, field.Name, type.Name), Setting.Inputs);
    }

    private static readonly DateTimeZone Netherlands = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    private static async Task<T?[]> Values<T>(ParquetRowGroupReader rowGroup, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        if (field.IsNullable)
        {
            await rowGroup.ReadAsync(field, values.AsMemory());
        }
        else
        {
            var plain = new T[count];
            await rowGroup.ReadAsync(field, plain.AsMemory());
            for (var i = 0; i < count; i++)
                values[i] = plain[i];
        }
        return values;
    }

    private static string?[] Format<T>(T?[] values, Func<T, string> format)
        where T : struct =>
        [.. values.Select(v => v is { } value ? format(value) : null)];
}
