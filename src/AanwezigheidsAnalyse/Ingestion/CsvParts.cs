using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using CsvHelper;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>How a large CSV file is cut into parts for <see cref="CsvParts"/>.</summary>
/// <param name="PartBytes">The size a part aims at; parts end at a line end.</param>
/// <param name="Workers">Readers side by side; below 2, a file is read by one reader.</param>
/// <param name="MinFileBytes">Smaller files are read by one reader: starting the workers would cost more than it saves.</param>
internal sealed record PartSettings(long PartBytes, int Workers, long MinFileBytes)
{
    /// <summary>
    /// What a run uses: parts of 4 MB on every core for files of 64 MB and more, one reader below. Measured on the
    /// project's 2-core machine (benchmarks/README.md, "Reading in parts" and the eighth section): a 2 GB file is read
    /// a third faster; the whole run of a 205 MB file is 0.86× the time in the single-file build, of a 102 MB file
    /// 0.88×, of a 51 MB file 0.97× (the JIT build 1.03×: a second path to compile), so smaller files keep one reader.
    /// Small parts keep the logs waiting for their replay small: 16 MB parts read no faster and held 30-40 MB more.
    /// </summary>
    public static PartSettings Default { get; } = new(4 << 20, Environment.ProcessorCount, 64L << 20);

    /// <summary>Parts on every core for files of 32 MB and more: what the benchmarks and tests set against one reader.</summary>
    public static PartSettings AllCores { get; } = Default with { MinFileBytes = 32 << 20 };

    /// <summary>One reader, whatever the size.</summary>
    public static PartSettings Serial { get; } = new(long.MaxValue, 1, long.MaxValue);
}

/// <summary>A part of a file: its rows start at or after <paramref name="Start"/> and before <paramref name="End"/> (byte offsets).</summary>
internal readonly record struct Part(long Start, long End);

/// <summary>The parts of one file, and what every part's reader needs of its first line.</summary>
internal sealed record PartPlan(IReadOnlyList<Part> Parts, string[] Headers, char Separator, PartSettings Settings);

/// <summary>
/// Reads a large UTF-8 export on all cores and gives exactly what one reader gives: the same ledger, pupils
/// numbered in the same order, the same accounting, the same rejects.csv.
/// <para>
/// The file is cut into parts at line ends (a line is a row: <see cref="CsvFiles"/>). Workers read parts through
/// the one row pipeline (<see cref="RowReader{TSource, TTarget}"/>), each into a log of what its rows register
/// (<see cref="PartLog"/>): schools and classes by ids from a directory the workers share, pupils by their number
/// once per run of their rows. This thread replays the logs into the <see cref="LedgerBuilder"/> in file order, so
/// whatever depends on order (a pupil's index, duplicates and conflicts, the class of the latest row) comes out as
/// one reader has it, and the builder's is the only directory of pupils.
/// </para>
/// <para>
/// Two things only the parts before can decide make a part be read again, on this thread: a part that does not
/// start where the one before ended (a cut that was not a row boundary after all), and faults that wait as a
/// possible footer at the end of the part before (<see cref="PendingFault"/>), which the next rows settle.
/// Memory stays bounded: at most two parts per worker wait for their replay.
/// </para>
/// <para>
/// A line over the limit is refused wherever it falls, by both readers (<see cref="CsvFiles.Read"/>).
/// </para>
/// </summary>
internal static class CsvParts
{
    /// <summary>
    /// The parts of <paramref name="path"/>, with <paramref name="csv"/> standing on its header; null (the reader
    /// untouched) when one reader should read it. May read the first data row to learn where the data starts.
    /// </summary>
    public static PartPlan? Plan(string path, CsvReader csv, PartSettings settings)
    {
        var length = Internals.InputFile.Length(path);
        if (settings.Workers < 2 || length < settings.MinFileBytes)
            return null;
        string[] headers = [.. csv.Headers];
        var separator = csv.Separator;
        if (!csv.Read())
            return new PartPlan([], headers, separator, settings);
        var start = csv.ByteOffset;
        var parts = new List<Part>();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess))
        {
            while (start < length)
            {
                var end = LineStartAfter(stream, start + Math.Clamp(settings.PartBytes, 1, length), length);
                parts.Add(new Part(start, end));
                start = end;
            }
        }
        return new PartPlan(parts, headers, separator, settings);
    }

    /// <summary>
    /// The first offset at or after <paramref name="from"/> that follows a line feed and starts a line with something
    /// on it, and not with a byte order mark (a part's reader would take one for its own, one reader reads it as
    /// data: files joined with <c>copy /b</c>); the file's length if none.
    /// </summary>
    private static long LineStartAfter(FileStream stream, long from, long length)
    {
        if (from >= length)
            return length;
        var block = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            // The byte before `from` may be the line feed itself.
            var position = from - 1;
            var afterLineFeed = false;
            while (position < length)
            {
                stream.Position = position;
                var read = stream.Read(block, 0, block.Length);
                if (read == 0)
                    break;
                for (var i = 0; i < read; i++)
                {
                    var b = block[i];
                    if (afterLineFeed && b is not ((byte)'\n' or (byte)'\r' or 0xEF))
                        return position + i;
                    afterLineFeed = b == (byte)'\n' || (afterLineFeed && b == (byte)'\r');
                }
                position += read;
            }
            return length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    /// <summary>Reads every part into <paramref name="builder"/>; the file's accounting goes into the input's account.</summary>
    public static (long PresentRows, DayDurations Durations, SlotSpelling Slots) Read(FileInput input, PartPlan plan, LedgerBuilder builder, LineCounter lines)
    {
        // The one reader interns the file's default school before its first row: so does this.
        builder.SchoolFor(input.Settings.SchoolId);
        var directory = new PartDirectory(builder);
        var arrays = new OpArrays();
        var replay = new Replay(builder, directory);
        var codes = new CodeResolver(new CodeTable(input.Profile.Codes));
        var account = input.Account;
        var parts = plan.Parts;
        var results = new PartResult?[parts.Count];
        var ready = new SemaphoreSlim[parts.Count];
        for (var i = 0; i < ready.Length; i++)
            ready[i] = new SemaphoreSlim(0);
        var workers = Math.Min(plan.Settings.Workers, parts.Count);
        using var ahead = new SemaphoreSlim(2 * workers);
        var next = -1;
        var stop = false;
        var tasks = new Task[workers];
        for (var w = 0; w < workers; w++)
        {
            tasks[w] = Task.Factory.StartNew(() =>
            {
                while (true)
                {
                    ahead.Wait();
                    var i = Interlocked.Increment(ref next);
                    if (Volatile.Read(ref stop) || i >= parts.Count)
                        return;
                    try
                    {
                        results[i] = ReadPart(input, plan, directory, arrays, parts[i], carried: null);
                    }
                    finally
                    {
                        ready[i].Release(); // a part that failed outside ReadPart has no result, and is read again below
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        long presentRows = 0;
        var durations = new DayDurations(0, 0);
        var slots = new SlotSpelling(0, 0, 0);
        IReadOnlyList<PendingFault> carried = [];
        var expectedStart = parts.Count > 0 ? parts[0].Start : 0;
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                ready[i].Wait();
                var result = results[i];
                results[i] = null;
                ahead.Release();
                if (result is null || result.Part.Start != expectedStart || carried.Count > 0)
                    result = ReadPart(input, plan, directory, arrays, parts[i] with { Start = Math.Min(expectedStart, account.Bytes) }, carried);
                if (result.Error is { } error)
                {
                    // A line over the limit (CsvFiles.Read or CsvHelper's own check): its offset is from the part's start.
                    if (error is CsvFormatException format)
                        throw new UserError(Texts.LineTooLong(input.Path, lines.LineAt(result.Part.Start + format.ByteOffset), CsvFiles.MaxLineBytes), Setting.Inputs);
                    if (error is SecondHeaderException header)
                        throw new UserError(Texts.SecondHeader(input.Path, lines.LineAt(header.Line), header.Header, string.Join(";", plan.Headers)), Setting.Inputs);
                    ExceptionDispatchInfo.Throw(error);
                }
                account.Absorb(result.Account, lines.LineAt);
                codes.Absorb(result.Codes!);
                presentRows += result.PresentRows;
                durations = durations.Plus(result.Durations);
                slots = slots.Plus(result.Slots);
                replay.Apply(result.Log, account);
                result.Log.Release();
                result.Rejects.MoveTo(input.Rejects, input.Path, lines.LineAt);
                carried = result.Pending;
                expectedStart = result.End;
                input.Progress?.Report(new IngestProgress(input.Path, Math.Min(result.End, account.Bytes), account.Bytes, account.RowsRead));
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            ahead.Release(workers + 1);
            Task.WaitAll(tasks);
            foreach (var semaphore in ready)
                semaphore.Dispose();
        }
        if (carried.Count > 0)
            account.Ignore(IgnoreReason.Footer, carried.Count);
        account.Codes = codes.Summary();
        // The parts' garbage (their logs, readers and buffers) would be collected only once the ledger is built on
        // top of it: the national run's peak was 70-100 MB higher without this collection, which takes 0.1 s there.
        // The workers' closure still holds the logs' arrays until this method ends.
        arrays.Clear();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        input.Progress?.Report(new IngestProgress(input.Path, account.Bytes, account.Bytes, account.RowsRead));
        return (presentRows, durations, slots);
    }

    /// <summary>Reads one part with a reader of its own, into a log; any exception is kept for the replay to throw in file order.</summary>
    private static PartResult ReadPart(FileInput file, PartPlan plan, PartDirectory directory, OpArrays arrays, Part part, IReadOnlyList<PendingFault>? carried)
    {
        var account = new FileAccount { Path = file.Account.Path, Bytes = file.Account.Bytes };
        var rejects = RejectSink.Holding(file.Settings.Language);
        var log = new PartLog(directory, arrays);
        var end = new PartEnd();
        try
        {
            var input = file with { Account = account, Rejects = rejects, Progress = null };
            using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            stream.Position = part.Start;
            var options = CsvFiles.Options(null, trackLineNumbers: false, partOf: plan.Separator);
            using var csv = CsvReader.Create(stream, options, leaveOpen: false);
            var reader = RowReaders.For(input, new PartRows(csv, part, plan.Headers, end), new PartTarget(log), carried);
            reader.ReadPart();
            return new PartResult(part, account, rejects, log, reader.Codes, [.. reader.Pending], reader.PresentRows, reader.DayDurations, reader.SlotSpelling, end.Offset, null);
        }
        catch (Exception e)
        {
            return new PartResult(part, account, rejects, log, null, [], 0, default, default, end.Offset, e);
        }
    }

    private sealed record PartResult(
        Part Part,
        FileAccount Account,
        RejectSink Rejects,
        PartLog Log,
        CodeResolver? Codes,
        IReadOnlyList<PendingFault> Pending,
        long PresentRows,
        DayDurations Durations,
        SlotSpelling Slots,
        long End,
        Exception? Error);

    /// <summary>Where the first row after a part starts, as its reader found it; the end of the file when it read to there.</summary>
    private sealed class PartEnd
    {
        public long Offset = long.MaxValue;
    }

    /// <summary>
    /// The rows of a part: those that start before its end. A row's "line" is its byte offset in the file, which
    /// the replay turns into a line number (rejects only).
    /// </summary>
    private readonly struct PartRows(CsvReader csv, Part part, string[] headers, PartEnd end) : IRowSource
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Read()
        {
            if (!CsvFiles.Read(csv))
                return false;
            if (part.Start + csv.ByteOffset < part.End)
                return true;
            end.Offset = part.Start + csv.ByteOffset;
            return false;
        }

        public int FieldCount => csv.FieldCount;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<byte> Field(int column) => csv.GetSpan(column);

        public string Text(int column) => csv.GetString(column).Trim();

        public string Header(int column) => column < headers.Length ? headers[column] : "";

        public long Line => part.Start + csv.ByteOffset;

        public long Position => part.Start + csv.ByteOffset;

        public int UnreadFilledFields => 0;

        public bool MayHaveFooters => true;
    }

    /// <summary>
    /// What a part's rows register, in their order: schools and classes by the directory's ids, pupils by their number
    /// (kept once per run of rows of one pupil, for the replay to number them as the one reader does).
    /// </summary>
    private sealed class PartLog(PartDirectory directory, OpArrays arrays)
    {
        private PartOp[] _ops = arrays.Rent();
        private byte[] _pupilIds = ArrayPool<byte>.Shared.Rent(1 << 12);
        private int _pupilIdBytes;
        private int _pupils;
        private (int First, int Last, SchoolDayRange[]? Gaps) _enrolment;
        private LastPassed _lastSchool = new(RowReaders.MaxPupilIdLength);
        private LastPassed _lastPupilId = new(RowReaders.MaxPupilIdLength);
        private LastPassed _lastGroupName = new(RowReaders.MaxPupilIdLength);
        private int _lastPupilSchool = -1;
        private PartOp _lastGroup;

        public PartDirectory Directory { get; } = directory;

        public int Count { get; private set; }

        public ReadOnlySpan<PartOp> Ops => _ops.AsSpan(0, Count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int School(ReadOnlySpan<byte> utf8)
        {
            if (_lastSchool.Is(utf8))
                return _lastSchool.Id;
            var school = Directory.School(utf8);
            _lastSchool.Set(utf8, school);
            return school;
        }

        /// <summary>
        /// The pupil of the row: the number of its run of rows in this part. A new run is logged with the pupil's
        /// school and number (<see cref="PupilId"/>), and takes the enrolment the pupil list gave it.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Pupil(int school, ReadOnlySpan<byte> pupilId)
        {
            if (school == _lastPupilSchool && _lastPupilId.Is(pupilId))
                return _pupils - 1;
            _lastPupilId.Set(pupilId);
            _lastPupilSchool = school;
            _enrolment = Directory.Enrolment(school, pupilId);
            if (_pupilIdBytes + pupilId.Length > _pupilIds.Length)
                GrowPupilIds(pupilId.Length);
            pupilId.CopyTo(_pupilIds.AsSpan(_pupilIdBytes));
            _lastGroup = default; // a class op of the run before says nothing of this one
            Add(new PartOp { Value = school, Value2 = _pupilIdBytes, Day = (ushort)pupilId.Length, Kind = PartOpKind.Touch });
            _pupilIdBytes += pupilId.Length;
            return _pupils++;
        }

        /// <summary>The number of the pupil a <see cref="PartOpKind.Touch"/> names.</summary>
        public ReadOnlySpan<byte> PupilId(in PartOp touch) => _pupilIds.AsSpan(touch.Value2, touch.Day);

        /// <summary>Whether the pupil of the current run (the only one a row asks about) is enrolled on the day.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool IsEnrolled(int pupil, int day)
        {
            System.Diagnostics.Debug.Assert(pupil == _pupils - 1);
            return day >= _enrolment.First && day <= _enrolment.Last && (_enrolment.Gaps is null || !EnrolmentGaps.Contain(_enrolment.Gaps, day));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Group(ReadOnlySpan<byte> utf8)
        {
            if (_lastGroupName.Is(utf8))
                return _lastGroupName.Id;
            var group = Directory.Group(utf8);
            _lastGroupName.Set(utf8, group);
            return group;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void SetGroup(int group, int day)
        {
            // The same class and day again in the pupil's run changes nothing (LedgerBuilder.SetGroup): logged once.
            var op = new PartOp { Value = group, Day = (ushort)day, Kind = PartOpKind.Group };
            if (_lastGroup.Kind == PartOpKind.Group && _lastGroup.Value == group && _lastGroup.Day == op.Day)
                return;
            _lastGroup = op;
            Add(op);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(in PartOp op)
        {
            if (Count == _ops.Length)
                Grow();
            _ops[Count++] = op;
        }

        private void Grow()
        {
            var larger = new PartOp[_ops.Length * 2];
            _ops.AsSpan(0, Count).CopyTo(larger);
            _ops = larger;
        }

        private void GrowPupilIds(int more)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_pupilIds.Length * 2, _pupilIdBytes + more));
            _pupilIds.AsSpan(0, _pupilIdBytes).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_pupilIds);
            _pupilIds = larger;
        }

        /// <summary>Gives the log's memory back once it is replayed.</summary>
        public void Release()
        {
            arrays.Return(_ops);
            ArrayPool<byte>.Shared.Return(_pupilIds);
            (_ops, _pupilIds) = ([], []);
            (Count, _pupilIdBytes) = (0, 0);
        }
    }

    /// <summary>
    /// The logs' arrays of one read, handed from a replayed part to the next one read, and let go with the read:
    /// the shared array pool would keep them for the rest of the run.
    /// </summary>
    private sealed class OpArrays
    {
        private readonly ConcurrentBag<PartOp[]> _free = [];

        public PartOp[] Rent() => _free.TryTake(out var ops) ? ops : new PartOp[1 << 16];

        public void Return(PartOp[] ops) => _free.Add(ops);

        public void Clear() => _free.Clear();
    }

    private enum PartOpKind : byte
    {
        /// <summary>The rows that follow are of another pupil: its school in Value, its number in the log (<see cref="PartLog.PupilId"/>).</summary>
        Touch = 1,
        Group,
        Slot,
        WholeDay,
        Minutes,
    }

    /// <summary>One thing a row did, to the pupil of the last <see cref="PartOpKind.Touch"/> before it: 12 bytes.</summary>
    private struct PartOp
    {
        /// <summary>The slot, the class, the minutes, or the school (touch).</summary>
        public int Value;
        /// <summary>The day's scheduled minutes (minute registrations), or where the pupil number starts (touch).</summary>
        public int Value2;
        /// <summary>The school day, or the pupil number's length (touch).</summary>
        public ushort Day;
        public PartOpKind Kind;
        public Category Category;
    }

    /// <summary>A part's rows into its log; what a registration did is only known on replay.</summary>
    private readonly struct PartTarget(PartLog log) : ILedgerTarget
    {
        public SchoolCalendar Calendar => log.Directory.Calendar;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int SchoolFor(ReadOnlySpan<byte> utf8) => log.School(utf8);

        public int SchoolFor(string schoolId) => log.School(System.Text.Encoding.UTF8.GetBytes(schoolId));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int PupilFor(int school, ReadOnlySpan<byte> pupilId) => log.Pupil(school, pupilId);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool IsEnrolled(int pupil, int day) => log.IsEnrolled(pupil, day);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int GroupFor(ReadOnlySpan<byte> utf8) => log.Group(utf8);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void SetGroup(int pupil, int group, int day) => log.SetGroup(group, day);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RegistrationEffect RegisterSlot(int pupil, int day, int slot, Category category)
        {
            log.Add(new PartOp { Value = slot, Day = (ushort)day, Kind = PartOpKind.Slot, Category = category });
            return RegistrationEffect.Added;
        }

        public RegistrationEffect RegisterWholeDay(int pupil, int day, Category category)
        {
            log.Add(new PartOp { Day = (ushort)day, Kind = PartOpKind.WholeDay, Category = category });
            return RegistrationEffect.Added;
        }

        public RegistrationEffect RegisterMinutes(int pupil, int day, Category category, int minutes, int scheduledMinutes)
        {
            log.Add(new PartOp { Value = minutes, Value2 = scheduledMinutes, Day = (ushort)day, Kind = PartOpKind.Minutes, Category = category });
            return RegistrationEffect.Added;
        }
    }

    /// <summary>
    /// Names the logs' pupils in the builder in the order the logs meet them, which is the order one reader meets
    /// them in, turns the directory's schools and classes into the builder's, and registers; counts duplicates and
    /// conflicts as the one reader's rows do.
    /// </summary>
    private sealed class Replay(LedgerBuilder builder, PartDirectory directory)
    {
        private int[] _schools = [];
        private int[] _groups = [];

        public void Apply(PartLog log, FileAccount account)
        {
            var pupil = -1;
            foreach (ref readonly var op in log.Ops)
            {
                RegistrationEffect effect;
                switch (op.Kind)
                {
                    case PartOpKind.Touch:
                        pupil = builder.PupilFor(School(op.Value), log.PupilId(op));
                        continue;
                    case PartOpKind.Group:
                        builder.SetGroup(pupil, Group(op.Value), op.Day);
                        continue;
                    case PartOpKind.Slot:
                        effect = builder.RegisterSlot(pupil, op.Day, op.Value, op.Category);
                        break;
                    case PartOpKind.WholeDay:
                        effect = builder.RegisterWholeDay(pupil, op.Day, op.Category);
                        break;
                    case PartOpKind.Minutes:
                        effect = builder.RegisterMinutes(pupil, op.Day, op.Category, op.Value, op.Value2);
                        break;
                    default:
                        continue;
                }
                if (effect == RegistrationEffect.Duplicate)
                    account.Duplicates++;
                else if (effect is RegistrationEffect.Replaced or RegistrationEffect.Overruled)
                    account.Conflicts++;
            }
        }

        private int School(int id) =>
            id < _schools.Length && _schools[id] >= 0 ? _schools[id] : Remember(ref _schools, id, builder.SchoolFor(directory.SchoolOf(id)));

        private int Group(int id) =>
            id < _groups.Length && _groups[id] >= 0 ? _groups[id] : Remember(ref _groups, id, builder.GroupFor(directory.GroupOf(id)));

        private static int Remember(ref int[] map, int id, int value)
        {
            if (id >= map.Length)
            {
                var old = map.Length;
                Array.Resize(ref map, Math.Max(id + 1, old * 2 + 64));
                map.AsSpan(old).Fill(-1);
            }
            map[id] = value;
            return value;
        }
    }
}

/// <summary>
/// What the workers of <see cref="CsvParts"/> share: ids for schools and classes (a value's id is found without a
/// lock and added under one), and the enrolment of the pupils the builder knows before the file (from the pupil
/// list), read only. A pupil met first in the export is enrolled all year, as in the builder. Pupils themselves
/// are not numbered here: the replay names them in the builder, so the parts add no memory per pupil.
/// </summary>
internal sealed class PartDirectory
{
    private readonly ConcurrentIds _schools = new();
    private readonly ConcurrentIds _groups = new();
    // Only pupils enrolled for less than the year: nothing at all for an export read without a pupil list.
    private readonly Dictionary<byte[], (int First, int Last, SchoolDayRange[]? Gaps)> _enrolments = new(Bytes.Comparer);
    private readonly Dictionary<byte[], (int First, int Last, SchoolDayRange[]? Gaps)>.AlternateLookup<ReadOnlySpan<byte>> _enrolmentOf;

    public PartDirectory(LedgerBuilder builder)
    {
        Calendar = builder.Calendar;
        // The builder's schools keep their indexes as ids: a known pupil's school is the same number in both.
        foreach (var school in builder.Schools)
            _schools.Add(System.Text.Encoding.UTF8.GetBytes(school));
        foreach (var group in builder.Groups)
            _groups.Add(System.Text.Encoding.UTF8.GetBytes(group));
        for (var p = 0; p < builder.PupilCount; p++)
        {
            var (school, pupilId, first, last) = builder.Known(p);
            if ((first, last) == LedgerBuilder.AllYear)
                continue;
            var utf8 = System.Text.Encoding.UTF8.GetBytes(pupilId);
            var gaps = builder.GapsOf(p);
            _enrolments[PupilKey(school, utf8, new byte[4 + utf8.Length]).ToArray()] = (first, last, gaps.IsEmpty ? null : gaps.ToArray());
        }
        _enrolmentOf = _enrolments.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public SchoolCalendar Calendar { get; }

    public int School(ReadOnlySpan<byte> utf8) => _schools.GetOrAdd(utf8);

    public int Group(ReadOnlySpan<byte> utf8) => _groups.GetOrAdd(utf8);

    /// <summary>The school days a pupil is enrolled on: the pupil list's (and the gaps between its enrolments), or the whole year.</summary>
    public (int First, int Last, SchoolDayRange[]? Gaps) Enrolment(int school, ReadOnlySpan<byte> pupilId) =>
        _enrolments.Count > 0 && _enrolmentOf.TryGetValue(PupilKey(school, pupilId,
            pupilId.Length <= RowReaders.MaxPupilIdLength ? stackalloc byte[4 + RowReaders.MaxPupilIdLength] : new byte[4 + pupilId.Length]), out var enrolment)
            ? enrolment : (LedgerBuilder.AllYear.First, LedgerBuilder.AllYear.Last, null);

    public string SchoolOf(int id) => System.Text.Encoding.UTF8.GetString(_schools[id]);

    public string GroupOf(int id) => System.Text.Encoding.UTF8.GetString(_groups[id]);

    private static ReadOnlySpan<byte> PupilKey(int school, ReadOnlySpan<byte> pupilId, Span<byte> key)
    {
        BinaryPrimitives.WriteInt32LittleEndian(key, school);
        pupilId.CopyTo(key[4..]);
        return key[..(4 + pupilId.Length)];
    }

    /// <summary>Dense ids for byte strings, shared by threads.</summary>
    private sealed class ConcurrentIds
    {
        private readonly ConcurrentDictionary<byte[], int> _ids = new(Bytes.Comparer);
        private readonly ConcurrentDictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
        private readonly List<byte[]> _values = [];
        private readonly Lock _gate = new();

        public ConcurrentIds() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<byte>>();

        public byte[] this[int id]
        {
            get
            {
                lock (_gate)
                    return _values[id];
            }
        }

        public void Add(byte[] value)
        {
            lock (_gate)
            {
                if (_ids.TryAdd(value, _values.Count))
                    _values.Add(value);
            }
        }

        public int GetOrAdd(ReadOnlySpan<byte> value)
        {
            if (_lookup.TryGetValue(value, out var id))
                return id;
            lock (_gate)
            {
                if (_lookup.TryGetValue(value, out id))
                    return id;
                var bytes = value.ToArray();
                id = _values.Count;
                _values.Add(bytes);
                _ids[bytes] = id;
                return id;
            }
        }
    }

    private sealed class Bytes : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Bytes Comparer = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
