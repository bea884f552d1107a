using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using CsvHelper;
using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>Progress of a long read, for the console: bytes of the current file and rows so far.</summary>
public readonly record struct IngestProgress(string File, long Bytes, long TotalBytes, long Rows);

/// <summary>
/// Reads one CSV export into the <see cref="LedgerBuilder"/> in one streaming pass, and accounts for every row.
/// Fields are read as UTF-8 spans; pupil numbers, dates, codes and slots are resolved through caches, so a row
/// that repeats what came before allocates nothing.
/// </summary>
internal sealed class ExportReader
{
    private const int MaxPupilIdLength = 64;
    private const int MaxFooterRows = 50;
    private const long ProgressEvery = 1 << 20;

    private readonly string _path;
    private readonly IngestSettings _settings;
    private readonly LedgerBuilder _builder;
    private readonly RejectSink _rejects;
    private readonly IProgress<IngestProgress>? _progress;
    private readonly FileAccount _account;
    private readonly List<PendingFault> _pending = [];

    private CsvReader _csv = null!;
    private Profile _profile = null!;
    private Binding _columns;
    private DateResolver _dates = null!;
    private CodeResolver _codes = null!;
    private SlotResolver _slots = null!;
    private TimeResolver _times = null!;
    private Timetable _timetable = null!;
    private int _defaultSchool;
    private long _presentRows;
    private LineCounter? _lines;
    private LocalDate _firstDate = LocalDate.MaxIsoValue;
    private LocalDate _lastDate = LocalDate.MinIsoValue;

    private ExportReader(string path, IngestSettings settings, LedgerBuilder builder, RejectSink rejects, IProgress<IngestProgress>? progress)
    {
        _path = path;
        _settings = settings;
        _builder = builder;
        _rejects = rejects;
        _progress = progress;
        _account = new FileAccount { Path = Path.GetFullPath(path) };
    }

    /// <summary>Reads a file. The profile is the given one or, without one, the bundled profile whose required headers the file has.</summary>
    public static ReadResult Read(string path, IngestSettings settings, LedgerBuilder builder, RejectSink rejects, IProgress<IngestProgress>? progress = null)
    {
        if (!File.Exists(path))
            throw new UserError($"Invoerbestand '{path}' bestaat niet.", $"Input file '{path}' does not exist.");
        var reader = new ExportReader(path, settings, builder, rejects, progress);
        return reader.Run();
    }

    private ReadResult Run()
    {
        var info = new FileInfo(_path);
        _account.Bytes = info.Length;
        var hash = Task.Run(() =>
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });

        var encoding = InputSniffer.DetectEncoding(_path);
        _account.Encoding = encoding.Name;
        // Counting lines costs the scanner about a third of its speed, and trimming every field more than that:
        // UTF-8 files get their line numbers from byte offsets, only for rejected rows (LineCounter), and fields
        // are trimmed where they are read.
        _lines = encoding.Encoding is null && !encoding.OldMacLineBreaks ? new LineCounter(_path) : null;
        var options = new CsvReaderOptions
        {
            Encoding = encoding.Encoding,
            TrimWhitespace = false,
            TrackLineNumbers = _lines is null,
            SkipEmptyLines = true,
            IncludeValuesInExceptions = false,
            MaxRecordSize = 1 << 20,
            BufferSize = 1 << 20,
        };
        using (_lines)
        using (_csv = CsvReader.FromFile(_path, options))
        {
            try
            {
                ChooseProfile();
                _account.Separator = _csv.Separator switch { '\t' => "tab", var c => c.ToString() };
                Prepare();
                switch (_profile.Shape)
                {
                    case RowShape.Slots: ReadSlots(); break;
                    case RowShape.Intervals: ReadIntervals(); break;
                    default: ReadDays(); break;
                }
            }
            catch (CsvFormatException e)
            {
                // Without line tracking (UTF-8 input) the exception has no line number; the offset gives it.
                var line = _lines?.LineAt(e.ByteOffset) ?? e.LineNumber;
                throw new UserError(
                    $"'{_path}' regel {line}: het bestand is geen leesbare CSV ({e.Message}). Sla de export opnieuw op als CSV.",
                    $"'{_path}' line {line}: the file is not readable CSV ({e.Message}). Save the export again as CSV.");
            }
        }
        FinishFooter();
        if (_firstDate <= _lastDate)
        {
            _account.SeeDate(_firstDate);
            _account.SeeDate(_lastDate);
        }
        _account.Codes = [.. Enumerable.Range(0, _codes.CodeCount)
            .Select(id => new CodeCount(_codes.FoldedCode(id), _codes.CategoryOf(id) is var c && c != Category.None ? c.Name() : "unknown", _codes.RowsOf(id)))
            .Where(c => c.Rows > 0)
            .OrderByDescending(c => c.Rows).ThenBy(c => c.Code, StringComparer.Ordinal)];
        _account.Sha256 = hash.GetAwaiter().GetResult();
        Report(force: true);
        return new ReadResult(_account, _profile, _timetable, _presentRows);
    }

    private void ChooseProfile()
    {
        // A header may sit below a title line or two ("Absentieoverzicht 2025"): try the first few records.
        // Error messages list the first line only: later lines may be data, and data never goes into a message.
        var preamble = 0;
        var headers = _csv.Headers;
        List<string> firstLine = [.. headers];
        for (var attempt = 0; ; attempt++)
        {
            var found = _settings.Profile is { } given
                ? (Matches(given, headers) ? given : null)
                : ProfileDetector.Detect(headers, out _);
            if (found is not null)
            {
                _profile = found;
                _account.Profile = found.Name;
                _account.ProfileChoice = _settings.Profile is null ? "detected" : "given";
                _account.Headers = [.. headers];
                if (preamble > 0)
                    _account.Ignore(Reasons.Preamble, preamble);
                _account.RowsRead += preamble;
                return;
            }
            if (attempt == 4 || !_csv.Read())
                break;
            _csv.ReadHeader();
            headers = _csv.Headers;
            preamble++;
        }
        throw _settings.Profile is { } profile
            ? ProfileDetector.MissingColumns(_path, profile, firstLine)
            : ProfileDetector.NoMatch(_path, firstLine);
    }

    private static bool Matches(Profile profile, IReadOnlyList<string> headers) =>
        ProfileDetector.Bind(profile, headers, out _).All(b => b);

    private void Prepare()
    {
        ProfileDetector.Bind(_profile, _csv.Headers, out _columns);
        _dates = new DateResolver(_builder.Calendar, _settings.AsOf, _profile.DateFormats);
        _codes = new CodeResolver(new CodeTable(_profile.Codes));
        _slots = new SlotResolver(_profile);
        _times = new TimeResolver(_profile.TimeFormats);
        _timetable = _settings.Timetable ?? Timetable.Load(_profile.Timetable ?? (_profile.SlotKind == SlotKind.Dagdeel ? "po-standaard" : "vo-standaard"));
        _defaultSchool = _builder.SchoolFor(_settings.SchoolId);
    }

    // ---- slot rows: one row per pupil × date × slot (or per pupil × date for a whole day) ----

    private void ReadSlots()
    {
        while (_csv.Read())
        {
            _account.RowsRead++;
            if ((_account.RowsRead & (ProgressEvery - 1)) == 0)
                Report();
            if (!TryPupilAndDate(out var pupilId, out var day, out var date))
                continue;
            if (!TryCode(out var category))
                continue;

            var slot = -1;
            if (_columns.Slot >= 0)
            {
                var text = Field(_columns.Slot);
                if (!text.IsEmpty && (slot = _slots.Resolve(text)) < 0)
                {
                    Fault(Reasons.SlotInvalid, _columns.Slot);
                    continue;
                }
            }
            var minutes = -1;
            if (_columns.Minutes >= 0)
            {
                var text = Field(_columns.Minutes);
                if (!text.IsEmpty && !Minutes.TryParse(text, out minutes))
                {
                    Fault(Reasons.MinutesInvalid, _columns.Minutes);
                    continue;
                }
            }

            if (!TryPupil(pupilId, day, out var pupil))
                continue;
            if (category == Category.Ignore)
            {
                Ignore(Reasons.CodeIgnored);
                continue;
            }
            // A slot's length is the timetable's: the minutes of a slot row are not used (README, canonical format).
            var effect = slot >= 0 ? _builder.RegisterSlot(pupil, day, slot, category)
                : minutes >= 0 ? _builder.RegisterMinutes(pupil, day, category, minutes, 0)
                : _builder.RegisterWholeDay(pupil, day, category);
            Accept(effect, category, date);
        }
    }

    // ---- interval rows: an absence from a start to an end, possibly spanning days ----

    private void ReadIntervals()
    {
        var calendar = _builder.Calendar;
        while (_csv.Read())
        {
            _account.RowsRead++;
            if ((_account.RowsRead & (ProgressEvery - 1)) == 0)
                Report();
            var pupilId = Field(_columns.PupilId);
            if (!CheckPupilId(pupilId))
                continue;
            var startText = Field(_columns.StartDate);
            if (startText.IsEmpty)
            {
                Fault(Reasons.DateMissing, _columns.StartDate);
                continue;
            }
            if (!_dates.TryParse(startText, out var startDate))
            {
                Fault(Reasons.DateInvalid, _columns.StartDate);
                continue;
            }
            // An interval without an end is still running: it lasts up to the as-of date.
            var endDate = _settings.AsOf;
            if (_columns.EndDate >= 0 && Field(_columns.EndDate) is { IsEmpty: false } endText)
            {
                if (!_dates.TryParse(endText, out endDate))
                {
                    Fault(Reasons.DateInvalid, _columns.EndDate);
                    continue;
                }
            }
            if (!TryBoundary(_columns.StartTime, _columns.StartSlot, out var startTime, out var startSlot)
                || !TryBoundary(_columns.EndTime, _columns.EndSlot, out var endTime, out var endSlot))
                continue;
            if (endDate < startDate || (endDate == startDate && (endTime < startTime || endSlot < startSlot)))
            {
                Fault(Reasons.IntervalInvalid, _columns.EndDate >= 0 ? _columns.EndDate : _columns.StartDate);
                continue;
            }
            if (!TryCode(out var category))
                continue;
            if (startDate > _settings.AsOf)
            {
                Ignore(Reasons.AfterAsOf);
                continue;
            }
            if (endDate < calendar.Year.FirstDay)
            {
                Ignore(Reasons.BeforeSchoolYear);
                continue;
            }

            var school = SchoolOfRow();
            var pupil = _builder.PupilFor(school, pupilId);
            var first = calendar.FirstAfter(startDate.PlusDays(-1));
            var last = calendar.LastOnOrBefore(endDate < _settings.AsOf ? endDate : _settings.AsOf);
            if (_columns.Group >= 0 && Field(_columns.Group) is { IsEmpty: false } group)
                _builder.SetGroup(pupil, _builder.GroupFor(group), Math.Max(first, 0));
            if (category == Category.Ignore)
            {
                Ignore(Reasons.CodeIgnored);
                continue;
            }
            var effect = RegistrationEffect.Duplicate;
            for (var day = first; day <= last; day++)
            {
                if (!_builder.IsEnrolled(pupil, day))
                    continue;
                var date = calendar.Date(day);
                var from = date == startDate ? (startTime, startSlot) : (null, -1);
                var to = date == endDate ? (endTime, endSlot) : (null, -1);
                var dayEffect = RegisterPartOfDay(pupil, day, category, from, to);
                if (dayEffect < effect)
                    effect = dayEffect;
            }
            if (first > last)
                Ignore(Reasons.NoSchoolDay); // an interval that covers no school day (a weekend, a holiday) is no registration
            else
                Accept(effect, category, startDate);
        }
    }

    /// <summary>Registers the slots of a day that an interval covers: the whole day, or from a start and/or to an end.</summary>
    private RegistrationEffect RegisterPartOfDay(int pupil, int day, Category category, (LocalTime? Time, int Slot) from, (LocalTime? Time, int Slot) to)
    {
        if (from.Time is null && from.Slot < 0 && to.Time is null && to.Slot < 0)
            return _builder.RegisterWholeDay(pupil, day, category);
        // The timetabled slots of the day, and the slots an interval names explicitly ("lesuur 3 t/m 9").
        var candidates = (uint)_timetable.ScheduledSlots(0, _builder.Calendar.Date(day).DayOfWeek);
        if (from.Slot >= 0 && to.Slot >= 0)
        {
            for (var s = from.Slot; s <= to.Slot; s++)
                candidates |= 1u << s;
        }
        var effect = RegistrationEffect.Duplicate;
        var any = false;
        for (; candidates != 0; candidates &= candidates - 1)
        {
            var s = System.Numerics.BitOperations.TrailingZeroCount(candidates);
            if (!Covers(s, from, to))
                continue;
            any = true;
            var slotEffect = _builder.RegisterSlot(pupil, day, s, category);
            if (slotEffect < effect)
                effect = slotEffect;
        }
        return any ? effect : RegistrationEffect.Duplicate;
    }

    /// <summary>A slot is covered when its number lies in the slot range, or its midpoint in the time range.</summary>
    private bool Covers(int slot, (LocalTime? Time, int Slot) from, (LocalTime? Time, int Slot) to)
    {
        if (from.Slot >= 0 && slot < from.Slot)
            return false;
        if (to.Slot >= 0 && slot > to.Slot)
            return false;
        if (from.Time is null && to.Time is null)
            return true;
        if (_timetable.SlotTimes(slot) is not { } times)
            return false;
        var midpoint = times.Start.PlusMinutes((int)Period.Between(times.Start, times.End, PeriodUnits.Minutes).Minutes / 2);
        return (from.Time is not { } start || midpoint >= start) && (to.Time is not { } end || midpoint < end);
    }

    private bool TryBoundary(int timeColumn, int slotColumn, out LocalTime? time, out int slot)
    {
        time = null;
        slot = -1;
        if (timeColumn >= 0 && Field(timeColumn) is { IsEmpty: false } timeText)
        {
            if (!_times.TryParse(timeText, out var parsed))
            {
                Fault(Reasons.TimeInvalid, timeColumn);
                return false;
            }
            time = parsed;
        }
        if (slotColumn >= 0 && Field(slotColumn) is { IsEmpty: false } slotText)
        {
            slot = _slots.Resolve(slotText);
            if (slot < 0)
            {
                Fault(Reasons.SlotInvalid, slotColumn);
                return false;
            }
        }
        return true;
    }

    // ---- day rows: minutes scheduled / present / absent per pupil × date ----

    private void ReadDays()
    {
        while (_csv.Read())
        {
            _account.RowsRead++;
            if ((_account.RowsRead & (ProgressEvery - 1)) == 0)
                Report();
            if (!TryPupilAndDate(out var pupilId, out var day, out var date))
                continue;
            if (!TryMinutes(_columns.ScheduledMinutes, out var scheduled)
                || !TryMinutes(_columns.PresentMinutes, out var present)
                || !TryMinutes(_columns.Minutes, out var minutes))
                continue;

            var category = Category.Present;
            var hasCode = _columns.Code >= 0 && !Field(_columns.Code).IsEmpty;
            if (hasCode && !TryCode(out category))
                continue;
            if (!hasCode && minutes < 0 && present < 0)
            {
                Fault(Reasons.CodeMissing, _columns.Code);
                continue;
            }
            if (!TryPupil(pupilId, day, out var pupil))
                continue;
            if (category == Category.Ignore)
            {
                Ignore(Reasons.CodeIgnored);
                continue;
            }
            var dayMinutes = scheduled >= 0 ? scheduled : _timetable.ScheduledMinutes(0, date.DayOfWeek);
            RegistrationEffect effect;
            if (category.IsAttended() || !hasCode)
            {
                // A fully or partly present day: the present minutes count as attended; an absent remainder
                // without a code cannot be categorised and is left to the scheduled time.
                var attended = minutes >= 0 ? minutes : present >= 0 ? present : dayMinutes;
                effect = _builder.RegisterMinutes(pupil, day, hasCode ? category : Category.Present, attended, Math.Max(scheduled, 0));
            }
            else
            {
                var absent = minutes >= 0 ? minutes : present >= 0 ? Math.Max(0, dayMinutes - present) : dayMinutes;
                effect = _builder.RegisterMinutes(pupil, day, category, absent, Math.Max(scheduled, 0));
            }
            Accept(effect, category, date);
        }
    }

    private bool TryMinutes(int column, out int minutes)
    {
        minutes = -1;
        if (column < 0)
            return true;
        var text = Field(column);
        if (text.IsEmpty || Minutes.TryParse(text, out minutes))
            return true;
        Fault(Reasons.MinutesInvalid, column);
        return false;
    }

    // ---- shared steps ----

    /// <summary>A field as UTF-8, without the spaces and tabs Excel exports pad values with.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Field(int index)
    {
        var span = _csv.GetSpan(index);
        // Nearly every field starts and ends with a visible character: one comparison each, then done.
        return span.IsEmpty || (span[0] > (byte)' ' && span[^1] > (byte)' ') ? span : span.Trim(" \t"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryPupilAndDate(out ReadOnlySpan<byte> pupilId, out int day, out LocalDate date)
    {
        day = -1;
        date = default;
        pupilId = Field(_columns.PupilId);
        if (!CheckPupilId(pupilId))
            return false;
        var dateText = Field(_columns.Date);
        if (dateText.IsEmpty)
        {
            Fault(Reasons.DateMissing, _columns.Date);
            return false;
        }
        switch (_dates.Resolve(dateText, out day, out date))
        {
            case DateFate.SchoolDay:
                return true;
            case DateFate.AfterAsOf:
                Ignore(Reasons.AfterAsOf);
                return false;
            case DateFate.BeforeSchoolYear:
                Ignore(Reasons.BeforeSchoolYear);
                return false;
            case DateFate.NotASchoolDay:
                Fault(Reasons.NotASchoolDay, _columns.Date);
                return false;
            default:
                Fault(Reasons.DateInvalid, _columns.Date);
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool CheckPupilId(ReadOnlySpan<byte> pupilId)
    {
        if (pupilId.IsEmpty)
        {
            if (RowIsEmpty())
                Ignore(Reasons.EmptyRow);
            else
                Fault(Reasons.PupilMissing, _columns.PupilId);
            return false;
        }
        if (pupilId.Length > MaxPupilIdLength)
        {
            Fault(Reasons.PupilTooLong, _columns.PupilId);
            return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryCode(out Category category)
    {
        var column = _columns.Code;
        var code = column >= 0 ? Field(column) : default;
        if (code.IsEmpty && _columns.Description >= 0)
        {
            column = _columns.Description;
            code = Field(column);
        }
        if (code.IsEmpty)
        {
            category = Category.None;
            Fault(Reasons.CodeMissing, column);
            return false;
        }
        bool? authorized = null;
        if (_columns.Authorized >= 0)
        {
            authorized = Flag.Parse(Field(_columns.Authorized), out var valid);
            if (!valid)
            {
                category = Category.None;
                Fault(Reasons.FlagInvalid, _columns.Authorized);
                return false;
            }
        }
        category = _codes.Resolve(code, authorized, out _);
        if (category != Category.None)
            return true;
        Fault(Reasons.CodeUnknown, column);
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryPupil(ReadOnlySpan<byte> pupilId, int day, out int pupil)
    {
        pupil = _builder.PupilFor(SchoolOfRow(), pupilId);
        if (!_builder.IsEnrolled(pupil, day))
        {
            Ignore(Reasons.OutsideEnrolment);
            return false;
        }
        if (_columns.Group >= 0 && Field(_columns.Group) is { IsEmpty: false } group)
            _builder.SetGroup(pupil, _builder.GroupFor(group), day);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SchoolOfRow() =>
        _columns.SchoolId >= 0 && Field(_columns.SchoolId) is { IsEmpty: false } school
            ? _builder.SchoolFor(school)
            : _defaultSchool;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Accept(RegistrationEffect effect, Category category, LocalDate date)
    {
        FlushPending();
        _account.Accepted++;
        if (effect == RegistrationEffect.Duplicate)
            _account.Duplicates++;
        else if (effect is RegistrationEffect.Replaced or RegistrationEffect.Overruled)
            _account.Conflicts++;
        if (category == Category.Present)
            _presentRows++;
        if (date < _firstDate)
            _firstDate = date;
        if (date > _lastDate)
            _lastDate = date;
    }

    private void Ignore(string reason)
    {
        FlushPending();
        _account.Ignore(reason);
    }

    /// <summary>
    /// A row the school must fix. Rows with at most two filled fields may be an Excel footer ("Totaal;;;1234"):
    /// they wait, and become rejects only when data follows them.
    /// </summary>
    private void Fault(string reason, int column)
    {
        var line = _lines?.LineAt(_csv.ByteOffset) ?? _csv.LineNumber;
        var header = column >= 0 && column < _csv.Headers.Count ? _csv.Headers[column] : "";
        var value = column >= 0 && column < _csv.FieldCount ? _csv.GetString(column).Trim() : "";
        if (FilledFields() <= 2 && _pending.Count < MaxFooterRows)
        {
            _pending.Add(new PendingFault(line, header, value, reason));
            return;
        }
        FlushPending();
        Reject(line, header, value, reason);
    }

    private void Reject(long line, string column, string value, string reason)
    {
        _account.Reject(reason);
        _rejects.Write(_path, line, column, value, reason);
    }

    private void FlushPending()
    {
        if (_pending.Count == 0)
            return;
        foreach (var fault in _pending)
            Reject(fault.Line, fault.Column, fault.Value, fault.Reason);
        _pending.Clear();
    }

    private void FinishFooter()
    {
        if (_pending.Count > 0)
            _account.Ignore(Reasons.Footer, _pending.Count);
        _pending.Clear();
    }

    private bool RowIsEmpty() => FilledFields() == 0;

    private int FilledFields()
    {
        var filled = 0;
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            if (!Field(i).IsEmpty) // blanks only count as empty (a padded blank line or footer cell)
                filled++;
        }
        return filled;
    }

    private void Report(bool force = false)
    {
        if (_progress is null)
            return;
        var bytes = force ? _account.Bytes : _csv.ByteOffset;
        _progress.Report(new IngestProgress(_path, bytes, _account.Bytes, _account.RowsRead));
    }

    private readonly record struct PendingFault(long Line, string Column, string Value, string Reason);
}

/// <summary>What the reader of one file hands back.</summary>
internal sealed record ReadResult(FileAccount Account, Profile Profile, Timetable Timetable, long PresentRows);

/// <summary>The settings every input file of a run shares.</summary>
internal sealed record IngestSettings(LocalDate AsOf, Profile? Profile, string SchoolId, Timetable? Timetable, Language Language);

/// <summary>Column index per role; -1 when the export lacks the column.</summary>
internal struct Binding
{
    public int PupilId, Date, Code, Description, Authorized, SchoolId, Group, Slot, Minutes;
    public int StartDate, StartTime, StartSlot, EndDate, EndTime, EndSlot, ScheduledMinutes, PresentMinutes;

    public void Set(ColumnRole role, int index)
    {
        switch (role)
        {
            case ColumnRole.PupilId: PupilId = index; break;
            case ColumnRole.Date: Date = index; break;
            case ColumnRole.Code: Code = index; break;
            case ColumnRole.Description: Description = index; break;
            case ColumnRole.Authorized: Authorized = index; break;
            case ColumnRole.SchoolId: SchoolId = index; break;
            case ColumnRole.Group: Group = index; break;
            case ColumnRole.Slot: Slot = index; break;
            case ColumnRole.Minutes: Minutes = index; break;
            case ColumnRole.StartDate: StartDate = index; break;
            case ColumnRole.StartTime: StartTime = index; break;
            case ColumnRole.StartSlot: StartSlot = index; break;
            case ColumnRole.EndDate: EndDate = index; break;
            case ColumnRole.EndTime: EndTime = index; break;
            case ColumnRole.EndSlot: EndSlot = index; break;
            case ColumnRole.ScheduledMinutes: ScheduledMinutes = index; break;
            case ColumnRole.PresentMinutes: PresentMinutes = index; break;
        }
    }

    public static Binding None()
    {
        var binding = new Binding();
        foreach (var role in Enum.GetValues<ColumnRole>())
            binding.Set(role, -1);
        return binding;
    }
}
