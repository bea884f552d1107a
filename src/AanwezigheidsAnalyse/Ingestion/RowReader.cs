using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The rows of one input file, whatever holds them (a CSV file, a Parquet file): fields by column as UTF-8, and
/// where a row lies for a reject. A struct, so that <see cref="RowReader{TSource, TTarget}"/> is compiled for each source
/// and its per-row calls are inlined rather than dispatched.
/// </summary>
internal interface IRowSource
{
    /// <summary>Moves to the next row; false at the end of the file.</summary>
    bool Read();

    /// <summary>The number of fields of the current row.</summary>
    int FieldCount { get; }

    /// <summary>A field of the current row as UTF-8, padding included; empty past the end of the row.</summary>
    ReadOnlySpan<byte> Field(int column);

    /// <summary>
    /// Fields of the current row that hold a value but that the source did not load, because the profile does not
    /// read their column (Parquet reads bound columns only); 0 when every field is there to look at (CSV).
    /// </summary>
    int UnreadFilledFields { get; }

    /// <summary>A field as text, for rejects.csv.</summary>
    string Text(int column);

    /// <summary>A column's name.</summary>
    string Header(int column);

    /// <summary>Where the current row lies: its line (CSV) or its row number (Parquet), 1-based.</summary>
    long Line { get; }

    /// <summary>Bytes read so far, for progress.</summary>
    long Position { get; }

    /// <summary>
    /// True for a file a spreadsheet may have written (CSV): totals and notes below the data, which are not rows of
    /// data. Faulty rows with at most two filled fields then wait to see whether data follows them.
    /// </summary>
    bool MayHaveFooters { get; }
}

/// <summary>What one input file is read with: its profile bound to its columns, and the run it adds to.</summary>
internal sealed record FileInput(
    string Path,
    FileAccount Account,
    Profile Profile,
    Binding Columns,
    Timetable Timetable,
    IngestSettings Settings,
    RejectSink Rejects,
    IProgress<IngestProgress>? Progress);

/// <summary>
/// The one row pipeline of ingestion: every row of a file, CSV or Parquet, in any of the three shapes, goes through
/// the same checks (pupil number, date, code, enrolment) and the same accounting: accepted, ignored for a reason, or
/// rejected with its line, column and value, each counted (<c>accepted + ignored + rejected = read</c>). Faulty rows
/// with at most two filled fields may be an Excel footer: they wait, and count as footer unless data follows them.
/// A subclass per shape reads the rows (<see cref="SlotRows{TSource, TTarget}"/>, <see cref="IntervalRows{TSource, TTarget}"/>,
/// <see cref="DayRows{TSource, TTarget}"/>).
/// </summary>
internal abstract class RowReader<TSource, TTarget>
    where TSource : struct, IRowSource
    where TTarget : struct, ILedgerTarget
{
    private const int MaxFooterRows = 50;
    private const long ProgressEvery = 1 << 20;

    private readonly FileInput _input;
    private readonly FileAccount _account;
    private readonly int _defaultSchool;
    private readonly List<PendingFault> _pending = [];
    private readonly DurationUnit _durationUnit;

    /// <summary>Registrations of a whole day's absence with a duration, and those of at most one minute.</summary>
    private long _dayDurations, _tinyDayDurations;

    // Rows of one pupil, and of one school, come together: the value a check just passed needs no second look.
    // Not readonly: they change with every new value.
    private LastPassed _lastPupilId = new(RowReaders.MaxPupilIdLength);
    private LastPassed _lastSchool = new(RowReaders.MaxPupilIdLength);
    private readonly byte[] _pupilSpelling = new byte[RowReaders.MaxPupilIdLength];
    private readonly byte[] _schoolSpelling = new byte[RowReaders.MaxPupilIdLength];
    // The dates of the accepted rows: school days by their index (lesson-hour and day rows), intervals by their start.
    private int _firstDay = int.MaxValue, _lastDay = -1;
    private LocalDate _firstDate = LocalDate.MaxIsoValue;
    private LocalDate _lastDate = LocalDate.MinIsoValue;

    // Not readonly: reading moves the source on.
    private TSource _rows;

    protected RowReader(FileInput input, TSource rows, TTarget target, IEnumerable<PendingFault>? carried)
    {
        _input = input;
        _rows = rows;
        _account = input.Account;
        Columns = input.Columns;
        Builder = target;
        if (carried is not null)
            _pending.AddRange(carried);
        Timetable = input.Timetable;
        _durationUnit = input.Profile.DurationUnit;
        AsOf = input.Settings.AsOf;
        Dates = new DateResolver(Builder.Calendar, AsOf, input.Profile.DateFormats);
        Codes = new CodeResolver(new CodeTable(input.Profile.Codes));
        Slots = new SlotResolver(input.Profile);
        _defaultSchool = Builder.SchoolFor(input.Settings.SchoolId);
        _account.SchoolColumn = Columns[ColumnRole.SchoolId];
        RowReaders.CheckSchoolsMatch(input);
    }

    // A field, not a property: a property would copy the whole binding at every use in the per-row code.
    protected readonly Binding Columns;

    // A field, not a property: the target is a struct whose calls are inlined.
    protected readonly TTarget Builder;

    protected Timetable Timetable { get; }

    protected LocalDate AsOf { get; }

    protected DateResolver Dates { get; }

    internal CodeResolver Codes { get; }

    protected SlotResolver Slots { get; }

    /// <summary>
    /// A whole day's absence registered with its duration: at most one minute on most such rows means the column
    /// holds another unit (a day fraction: 1 = the whole day) than the profile says.
    /// </summary>
    protected void SeeDayDuration(int minutes)
    {
        _dayDurations++;
        if (minutes <= 1)
            _tinyDayDurations++;
    }

    /// <summary>True when most whole-day registrations carry at most one minute (at least 10 of them).</summary>
    public bool DurationsLookLikeAnotherUnit => DayDurations.LookLikeAnotherUnit(_durationUnit);

    /// <summary>Whole-day registrations with a duration, and those of at most one minute, for <see cref="DurationsLookLikeAnotherUnit"/>.</summary>
    public DayDurations DayDurations => new(_dayDurations, _tinyDayDurations);

    /// <summary>The accounting of the file being read.</summary>
    protected FileAccount Account => _account;

    /// <summary>Slots read as lesson-hour numbers and as dagdeel words (<see cref="SlotResolver"/>).</summary>
    public SlotSpelling SlotSpelling => Slots.Spelling;

    /// <summary>Accepted rows that say present: the full-register test of <see cref="Ingest"/> counts them.</summary>
    public long PresentRows { get; private set; }

    /// <summary>Reads every row, then settles the accounting: footers, the date range and the rows per code.</summary>
    public void ReadAll()
    {
        ReadRows();
        if (_pending.Count > 0)
            _account.Ignore(IgnoreReason.Footer, _pending.Count);
        _pending.Clear();
        SettleDates();
        _account.Codes = Codes.Summary();
        Report(force: true);
    }

    /// <summary>
    /// Reads the rows of one part of a file (<see cref="CsvParts"/>): as <see cref="ReadAll"/>, but the faults
    /// that wait as a possible footer stay waiting (<see cref="Pending"/>), for the part after this one to settle.
    /// </summary>
    public void ReadPart()
    {
        ReadRows();
        SettleDates();
    }

    /// <summary>The first and last date of the accepted rows into the accounting.</summary>
    private void SettleDates()
    {
        if (_firstDay <= _lastDay)
        {
            SeeDate(Builder.Calendar.Date(_firstDay));
            SeeDate(Builder.Calendar.Date(_lastDay));
        }
        if (_firstDate <= _lastDate)
        {
            _account.SeeDate(_firstDate);
            _account.SeeDate(_lastDate);
        }
    }

    private void SeeDate(LocalDate date)
    {
        if (date < _firstDate)
            _firstDate = date;
        if (date > _lastDate)
            _lastDate = date;
    }

    /// <summary>Faults that wait to see whether data follows them (a footer if none does).</summary>
    public IReadOnlyList<PendingFault> Pending => _pending;

    /// <summary>The shape's loop: <c>while (NextRow()) { … }</c>, each row ending in Accept, Ignore or Fault.</summary>
    protected abstract void ReadRows();

    /// <summary>Moves to the next row and counts it as read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool NextRow()
    {
        if (!_rows.Read())
            return false;
        if ((++_account.RowsRead & (ProgressEvery - 1)) == 0)
            Report();
        return true;
    }

    /// <summary>A field as UTF-8, without the spaces and tabs Excel exports pad values with; empty for a column the file lacks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ReadOnlySpan<byte> Field(int column)
    {
        if (column < 0)
            return default;
        var span = _rows.Field(column);
        // Nearly every field starts and ends with a visible character and is no formula: one comparison each, then done.
        if (span.IsEmpty || (span[0] > (byte)' ' && span[0] != (byte)'=' && span[^1] > (byte)' '))
            return span;
        return CsvFiles.Value(span);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryPupilAndDate(out ReadOnlySpan<byte> pupilId, out int day)
    {
        day = -1;
        pupilId = PupilNumber();
        if (!CheckPupilId(pupilId))
            return false;
        var column = Columns[ColumnRole.Date];
        var dateText = Field(column);
        if (dateText.IsEmpty)
        {
            Fault(RejectReason.DateMissing, column);
            return false;
        }
        switch (Dates.Resolve(dateText, out day, out var date))
        {
            case DateFate.SchoolDay:
                return true;
            case DateFate.AfterAsOf:
                _account.SeeIgnoredDate(date);
                Ignore(IgnoreReason.AfterAsOf);
                return false;
            case DateFate.BeforeSchoolYear:
                _account.SeeIgnoredDate(date);
                Ignore(IgnoreReason.BeforeSchoolYear);
                return false;
            case DateFate.NotASchoolDay:
                Fault(RejectReason.NotASchoolDay, column);
                return false;
            default:
                Fault(RejectReason.DateInvalid, column);
                return false;
        }
    }

    /// <summary>The row's pupil number in its one spelling (<see cref="Identifiers.PupilNumber(ReadOnlySpan{byte}, Span{byte})"/>), valid until the next row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ReadOnlySpan<byte> PupilNumber()
    {
        var field = Field(Columns[ColumnRole.PupilId]);
        // A pupil's rows come together, nearly always written as the ledger spells them: the bytes of the number that
        // last passed are their own spelling (spelling a spelled number changes nothing), so they need no second.
        return _lastPupilId.Is(field) ? field : Identifiers.PupilNumber(field, _pupilSpelling);
    }

    /// <summary>The row repeats the header: the pupil column and the date column (or the start date's) hold their own names (a second Excel export's BOM too).</summary>
    private bool IsHeaderAgain()
    {
        var pupil = Columns[ColumnRole.PupilId];
        var date = Columns[ColumnRole.Date] >= 0 ? Columns[ColumnRole.Date] : Columns[ColumnRole.StartDate];
        return pupil >= 0 && date >= 0 && HeaderRow.IsItsHeader(Field(pupil), _rows.Header(pupil)) && HeaderRow.IsItsHeader(Field(date), _rows.Header(date));
    }

    /// <summary>Every field of the row is the first header's name at its place, and the row has no field more.</summary>
    private bool IsTheHeader()
    {
        for (var i = 0; i < _rows.FieldCount; i++)
        {
            var header = _rows.Header(i);
            if (header.Length == 0 ? !Field(i).Trim(" \t"u8).IsEmpty : !HeaderRow.IsItsHeader(Field(i), header))
                return false;
        }
        return true;
    }

    /// <summary>Excel's "sep=;" line, at the top of a second export put below the first.</summary>
    private bool IsSeparatorLine() =>
        Field(Columns[ColumnRole.PupilId]).Trim(" \t\uFEFF"u8).StartsWith("sep="u8) && FilledFields() <= 1;

    /// <summary>The date column, or the start date's.</summary>
    private int DateColumn => Columns[ColumnRole.Date] >= 0 ? Columns[ColumnRole.Date] : Columns[ColumnRole.StartDate];

    /// <summary>
    /// A header, not a row of data with a word or two that are also column names ("van" in a tussenvoegsel, "Ouder"
    /// as who reported it, a legend of codes below the data: a review found those refused as headers): at least three
    /// fields, and half the first header's columns, are column names.
    /// </summary>
    private bool IsAHeader()
    {
        var names = 0;
        for (var i = 0; i < _rows.FieldCount; i++)
            names += IsAColumnName(i) ? 1 : 0;
        var width = 0;
        while (width < 256 && _rows.Header(width).Length > 0)
            width++;
        return names >= 3 && names * 2 >= width;
    }

    /// <summary>The field is a column name: of the bundled profiles and the pupil list, or of this file's header.</summary>
    private bool IsAColumnName(int column)
    {
        if (column < 0 || column >= _rows.FieldCount)
            return false;
        var text = _rows.Text(column).TrimStart('\uFEFF');
        if (text.Length == 0 || text.Length > 40)
            return false;
        if (HeaderRow.IsKnownName(text))
            return true;
        for (var i = 0; i < _rows.FieldCount; i++)
        {
            if (HeaderRow.IsItsHeader(Field(column), _rows.Header(i)))
                return true;
        }
        return false;
    }

    /// <summary>The row as a header, for the message: its column names, anything else left out (it may be data).</summary>
    private string HeaderCells() =>
        string.Join(";", Enumerable.Range(0, _rows.FieldCount).Select(i => IsAColumnName(i) ? _rows.Text(i).TrimStart('\uFEFF') : "…"));

    /// <summary>
    /// A pupil number is there, of a sane length and shaped like one (<see cref="Disclosure.LooksLikePupilId"/>);
    /// a row with no field at all is an empty row, which does not decide whether rows waiting as footer are one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool CheckPupilId(ReadOnlySpan<byte> pupilId)
    {
        if (pupilId.IsEmpty)
        {
            if (FilledFields() == 0)
                _account.Ignore(IgnoreReason.EmptyRow);
            else
                Fault(RejectReason.PupilMissing, Columns[ColumnRole.PupilId]);
            return false;
        }
        if (_lastPupilId.Is(pupilId))
            return true;
        if (pupilId.Length > RowReaders.MaxPupilIdLength)
        {
            Fault(RejectReason.PupilTooLong, Columns[ColumnRole.PupilId]);
            return false;
        }
        if (!Disclosure.LooksLikePupilId(pupilId) || Disclosure.LooksLikeUserName(Field(Columns[ColumnRole.PupilId])))
        {
            // Two exports put one after the other (cat a.csv b.csv): the second's header is no pupil, and no fault of
            // a row either; rejected, it could cross the reject limit alone.
            if (IsSeparatorLine())
            {
                _account.Ignore(IgnoreReason.HeaderAgain);
                return false;
            }
            if (IsHeaderAgain())
            {
                // The same header again is ignored; another one (the columns in another order, or others) would put
                // every row below it in the wrong columns: names in the class, classes as pupils (an adversarial pass).
                if (!IsTheHeader() && IsAHeader())
                    throw new SecondHeaderException(_rows.Line, HeaderCells());
                _account.Ignore(IgnoreReason.HeaderAgain);
                return false;
            }
            if (IsAColumnName(Columns[ColumnRole.PupilId]) && IsAColumnName(DateColumn) && IsAHeader())
                throw new SecondHeaderException(_rows.Line, HeaderCells());
            if (Disclosure.HoldsBsn(pupilId))
                _account.Bsns.See(_rows.Line, _rows.Header(Columns[ColumnRole.PupilId]), pupilId);
            Fault(RejectReason.PupilNotANumber, Columns[ColumnRole.PupilId]);
            return false;
        }
        _lastPupilId.Set(pupilId);
        return true;
    }

    /// <summary>The row's code (or, without one, its description) and "geoorloofd" flag as a category; the pupil is noted against the code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryCode(ReadOnlySpan<byte> pupilId, out Category category)
    {
        var column = Columns[ColumnRole.Code];
        var code = Field(column);
        if (code.IsEmpty && Columns[ColumnRole.Description] >= 0)
        {
            column = Columns[ColumnRole.Description];
            code = Field(column);
        }
        if (code.IsEmpty)
        {
            category = Category.None;
            Fault(RejectReason.CodeMissing, column);
            return false;
        }
        bool? authorized = null;
        if (Columns[ColumnRole.Authorized] >= 0)
        {
            authorized = Flag.Parse(Field(Columns[ColumnRole.Authorized]), out var valid);
            if (!valid)
            {
                category = Category.None;
                Fault(RejectReason.AuthorizedInvalid, Columns[ColumnRole.Authorized]);
                return false;
            }
        }
        category = Codes.Resolve(code, authorized, pupilId);
        if (category != Category.None)
            return true;
        Fault(RejectReason.CodeUnknown, column);
        return false;
    }

    /// <summary>
    /// A duration in an optional column, in the profile's unit, as whole minutes of school day <paramref name="day"/>:
    /// true (and -1) when the field is empty.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryMinutes(int column, int day, out int minutes)
    {
        minutes = -1;
        var text = Field(column);
        if (text.IsEmpty || Minutes.TryParse(text, _durationUnit, _durationUnit == DurationUnit.DayFraction ? Timetable.ScheduledMinutes(0, Builder.Calendar.Weekday(day)) : 0, out minutes))
            return true;
        Fault(RejectReason.MinutesInvalid, column);
        return false;
    }

    /// <summary>The pupil of the row, when enrolled on <paramref name="day"/>; the row's class is noted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryPupil(ReadOnlySpan<byte> pupilId, int day, out int pupil)
    {
        pupil = -1;
        if (!TrySchool(out var school))
            return false;
        pupil = Builder.PupilFor(school, pupilId);
        if (!Builder.IsEnrolled(pupil, day))
        {
            Ignore(IgnoreReason.OutsideEnrolment);
            return false;
        }
        SetGroup(pupil, day);
        return true;
    }

    /// <summary>The row's school, or the default for a file without a school column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TrySchool(out int school)
    {
        var column = Columns[ColumnRole.SchoolId];
        var field = Field(column);
        // As the pupil number (PupilNumber): the bytes of the school that last passed are that school, spelled.
        if (_lastSchool.Is(field))
        {
            school = _lastSchool.Id;
            return true;
        }
        var text = Identifiers.SchoolCode(field, _schoolSpelling);
        if (text.IsEmpty)
        {
            if (column >= 0)
                _account.BlankSchoolRows++; // Ingest stops when other rows name a school
            school = _defaultSchool;
            return true;
        }
        if (_lastSchool.Is(text))
        {
            school = _lastSchool.Id;
            return true;
        }
        school = -1;
        if (!Disclosure.LooksLikeSchoolId(text))
        {
            Fault(RejectReason.SchoolInvalid, column);
            return false;
        }
        school = Builder.SchoolFor(text);
        _lastSchool.Set(text, school);
        return true;
    }

    /// <summary>The row's class, as of <paramref name="day"/>, when the file has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void SetGroup(int pupil, int day)
    {
        // A class longer than a pupil number is a remark, not a class: it is not kept (and would be cut).
        if (Field(Columns[ColumnRole.Group]) is { IsEmpty: false, Length: <= RowReaders.MaxPupilIdLength } group)
            Builder.SetGroup(pupil, Builder.GroupFor(group), day);
    }

    /// <summary>An accepted registration of the school day <paramref name="day"/> (lesson-hour and day rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Accept(RegistrationEffect effect, Category category, int day)
    {
        Count(effect, category);
        // A school day's index orders as its date does: two integer comparisons a row, where NodaTime's order of two
        // dates checks their calendars and compares year, month and day (5 % of a read's time).
        if (day < _firstDay)
            _firstDay = day;
        if (day > _lastDay)
            _lastDay = day;
    }

    /// <summary>An accepted interval, by its start date (which may fall on no school day).</summary>
    protected void Accept(RegistrationEffect effect, Category category, LocalDate start)
    {
        Count(effect, category);
        SeeDate(start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(RegistrationEffect effect, Category category)
    {
        FlushPending();
        _account.Accepted++;
        if (effect == RegistrationEffect.Duplicate)
            _account.Duplicates++;
        else if (effect is RegistrationEffect.Replaced or RegistrationEffect.Overruled)
            _account.Conflicts++;
        if (category == Category.Present)
            PresentRows++;
    }

    protected void Ignore(IgnoreReason reason)
    {
        FlushPending();
        _account.Ignore(reason);
    }

    /// <summary>A notification on a school day that covers no lesson, counted by its weekday (Ingest warns).</summary>
    protected void IgnoreNoLesson(NodaTime.IsoDayOfWeek weekday)
    {
        FlushPending();
        _account.IgnoreNoLesson(weekday);
    }

    /// <summary>
    /// A row the school must fix. A row that looks like an Excel footer ("Totaal;;;1234": at most two filled fields,
    /// and no date of a registration) waits, and becomes a reject only when data follows it; a truncated row
    /// with a pupil and a date is never a footer. The value shown is one that cannot be personal
    /// (<see cref="Disclosure.MayShowRejected"/>): the line and column say where to look.
    /// </summary>
    protected void Fault(RejectReason reason, int column)
    {
        var line = _rows.Line;
        var header = column >= 0 ? _rows.Header(column) : "";
        var value = column >= 0 && column < _rows.FieldCount ? _rows.Text(column) : "";
        var dateColumn = column >= 0 && (column == Columns[ColumnRole.Date] || column == Columns[ColumnRole.StartDate] || column == Columns[ColumnRole.EndDate]);
        if (!Disclosure.MayShowRejected(value, dateColumn))
            value = "";
        if (_rows.MayHaveFooters && _pending.Count < MaxFooterRows && FilledFields() <= 2 && !HasDate())
        {
            _pending.Add(new PendingFault(line, header, value, reason));
            return;
        }
        FlushPending();
        Reject(line, header, value, reason);
    }

    private void Reject(long line, string column, string value, RejectReason reason)
    {
        _account.Reject(reason);
        _input.Rejects.Write(_input.Path, line, column, value, reason);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void FlushPending()
    {
        // Every accepted row passes here; a fault waits only now and then.
        if (_pending.Count != 0)
            RejectPending();
    }

    private void RejectPending()
    {
        foreach (var fault in _pending)
            Reject(fault.Line, fault.Column, fault.Value, fault.Reason);
        _pending.Clear();
    }

    /// <summary>
    /// The row has a date where a registration's date goes, or is a row written with another separator (a field
    /// with separators and a date in it): it is data, however short.
    /// </summary>
    private bool HasDate()
    {
        var column = Columns[ColumnRole.Date] >= 0 ? Columns[ColumnRole.Date] : Columns[ColumnRole.StartDate];
        if (Field(column) is { IsEmpty: false } text && Dates.TryParse(text, out _))
            return true;
        for (var i = 0; i < _rows.FieldCount; i++)
        {
            var field = Field(i);
            if (field.IndexOfAny(";,\t"u8) >= 0 && ContainsDateLike(field))
                return true;
        }
        return false;
    }

    /// <summary>Digits, a date separator, digits, the same separator, digits: 5-12-2025, 2025/12/05, 05.12.25.</summary>
    private static bool ContainsDateLike(ReadOnlySpan<byte> text)
    {
        for (var i = 1; i + 3 < text.Length; i++)
        {
            var separator = text[i];
            if (separator is not ((byte)'-' or (byte)'/' or (byte)'.') || !char.IsAsciiDigit((char)text[i - 1]))
                continue;
            var j = i + 1;
            while (j < text.Length && char.IsAsciiDigit((char)text[j]))
                j++;
            if (j > i + 1 && j + 1 < text.Length && text[j] == separator && char.IsAsciiDigit((char)text[j + 1]))
                return true;
        }
        return false;
    }

    /// <summary>Fields with something in them; blanks only count as empty (a padded blank line or footer cell).</summary>
    private int FilledFields()
    {
        var filled = _rows.UnreadFilledFields;
        for (var i = 0; i < _rows.FieldCount; i++)
        {
            if (!Field(i).IsEmpty)
                filled++;
        }
        return filled;
    }

    private void Report(bool force = false) =>
        _input.Progress?.Report(new IngestProgress(_input.Path, force ? _account.Bytes : _rows.Position, _account.Bytes, _account.RowsRead));
}

/// <summary>A fault that waits: a footer if no data follows it, else a rejected row.</summary>
/// <summary>
/// A second header row with other columns than the first, in the middle of a file: two exports put together. The
/// reader of the file turns it into a <see cref="Localization.UserError"/> with the line (a part's byte offset made one).
/// </summary>
/// <param name="line">Its line; in a part read on another core, its byte offset (<see cref="CsvParts"/>).</param>
/// <param name="header">Its column names, in its order.</param>
internal sealed class SecondHeaderException(long line, string header) : Exception("a second header with other columns")
{
    public long Line { get; } = line;

    public string Header { get; } = header;
}

/// <param name="Line">Its line; in a part read on another core, its byte offset (<see cref="CsvParts"/>).</param>
/// <param name="Column">The header of the column at fault.</param>
/// <param name="Value">The value shown, one that cannot be personal.</param>
/// <param name="Reason">Why the row is at fault.</param>
internal readonly record struct PendingFault(long Line, string Column, string Value, RejectReason Reason);

/// <summary>
/// The slot values of a file by kind: 1 and 2 (lesuur 1 and 2, or the dagdelen by number), other lesson hours (0, 3
/// to 15, "3e uur", a lesson profile's own words) and dagdeel words (ochtend, middag, a dagdeel profile's own words).
/// </summary>
internal readonly record struct SlotSpelling(long Small, long Lessons, long Dagdelen)
{
    public SlotSpelling Plus(SlotSpelling other) => new(Small + other.Small, Lessons + other.Lessons, Dagdelen + other.Dagdelen);
}

/// <summary>Whole-day registrations with a duration, and those of at most one minute.</summary>
internal readonly record struct DayDurations(long All, long Tiny)
{
    public DayDurations Plus(DayDurations other) => new(All + other.All, Tiny + other.Tiny);

    /// <summary>Most of at least 10 carry at most a minute: the column holds another unit than the profile's minutes.</summary>
    public bool LookLikeAnotherUnit(DurationUnit unit) => unit == DurationUnit.Minutes && All >= 10 && Tiny * 2 > All;
}

/// <summary>The last value a per-row check passed, and what it resolved to; a new value replaces it.</summary>
internal struct LastPassed(int capacity)
{
    private readonly byte[] _bytes = new byte[capacity];
    private int _length = -1;

    /// <summary>What the value resolved to (a school's index), when there is something to keep.</summary>
    public int Id { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Is(ReadOnlySpan<byte> value) => value.Length == _length && Internals.ShortBytes.Same(value, _bytes.AsSpan(0, _length));

    public void Set(ReadOnlySpan<byte> value, int id = 0)
    {
        value.CopyTo(_bytes);
        (_length, Id) = (value.Length, id);
    }
}

/// <summary>Picks the reader of a profile's shape.</summary>
internal static class RowReaders
{
    /// <summary>The longest pupil number read, in UTF-8 bytes: a longer one is a name or a note in the wrong column.</summary>
    public const int MaxPupilIdLength = 64;

    public static RowReader<TSource, TTarget> For<TSource, TTarget>(FileInput input, TSource rows, TTarget target, IEnumerable<PendingFault>? carried = null)
        where TSource : struct, IRowSource
        where TTarget : struct, ILedgerTarget => input.Profile.Shape switch
        {
            RowShape.Slots => new SlotRows<TSource, TTarget>(input, rows, target, carried),
            RowShape.Intervals => new IntervalRows<TSource, TTarget>(input, rows, target, carried),
            _ => new DayRows<TSource, TTarget>(input, rows, target, carried),
        };

    /// <summary>The export and the pupil list put pupils under the same schools, or the same pupil counts twice.</summary>
    public static void CheckSchoolsMatch(FileInput input)
    {
        if (input.Settings.PupilList is not { Pupils: > 0 } list || input.Settings.SchoolId.Length > 0)
            return;
        var exportHasSchools = input.Columns[ColumnRole.SchoolId] >= 0;
        if (!exportHasSchools && list.Schools.Count > 1)
            throw new Localization.UserError(Localization.Texts.PupilListSchoolsDoNotMatch(list.Path, string.Join(", ", list.Schools.Take(5))), Localization.Setting.SchoolId);
        if (exportHasSchools && list.Schools.Count == 0)
            throw new Localization.UserError(Localization.Texts.PupilListWithoutSchoolColumn(list.Path, input.Path), Localization.Setting.SchoolId);
    }

    /// <summary>
    /// Shapes whose accepted rows register exactly one thing, whose effect (duplicate, conflict) can be counted when
    /// a part read on another core is replayed: these may be read on several cores (<see cref="CsvParts"/>).
    /// </summary>
    public static bool OneRegistrationPerRow(RowShape shape) => shape is RowShape.Slots or RowShape.Days;
}
