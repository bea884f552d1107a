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
    /// What a run uses: one reader. Measured on the project's 2-core machine, parts were not faster (the replay,
    /// the SHA-256 and the two workers share two cores) and took more memory (benchmarks/README.md, "Reading in
    /// parts"); <see cref="AllCores"/> becomes the default where it is measured faster.
    /// </summary>
    public static PartSettings Default => Serial;

    /// <summary>Parts of 16 MB on every core, for files of 32 MB and more: what the benchmarks and tests set against one reader.</summary>
    public static PartSettings AllCores { get; } = new(16 << 20, Environment.ProcessorCount, 32 << 20);

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
/// (<see cref="PartLog"/>), with pupils, schools and classes named by ids from a directory the workers share. This
/// thread replays the logs into the <see cref="LedgerBuilder"/> in file order, so whatever depends on order
/// (a pupil's number, duplicates and conflicts, the class of the latest row) comes out as one reader has it.
/// </para>
/// <para>
/// Two things only the parts before can decide make a part be read again, on this thread: a part that does not
/// start where the one before ended (a cut that was not a row boundary after all), and faults that wait as a
/// possible footer at the end of the part before (<see cref="PendingFault"/>), which the next rows settle.
/// Memory stays bounded: at most two parts per worker wait for their replay.
/// </para>
/// <para>
/// One known difference (a review's finding, left as long as one reader is the default): CsvHelper checks the
/// line limit only when its buffer must grow, so a line between 1 and 2 MB may be refused by one reader and read
/// by a part reader, or the other way round, as it depends on where the line falls in the buffer.
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
    public static (long PresentRows, DayDurations Durations) Read(FileInput input, PartPlan plan, LedgerBuilder builder, LineCounter lines)
    {
        // The one reader interns the file's default school before its first row: so does this.
        builder.SchoolFor(input.Settings.SchoolId);
        var directory = new PupilDirectory(builder);
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
                        results[i] = ReadPart(input, plan, directory, parts[i], carried: null);
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
                    result = ReadPart(input, plan, directory, parts[i] with { Start = Math.Min(expectedStart, account.Bytes) }, carried);
                if (result.Error is { } error)
                {
                    if (error is CsvFormatException format)
                        throw new UserError(Texts.LineTooLong(input.Path, lines.LineAt(format.ByteOffset > 0 ? result.Part.Start + format.ByteOffset : 0), CsvFiles.MaxLineBytes), Setting.Inputs);
                    ExceptionDispatchInfo.Throw(error);
                }
                account.Absorb(result.Account, lines.LineAt);
                codes.Absorb(result.Codes!);
                presentRows += result.PresentRows;
                durations = durations.Plus(result.Durations);
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
        input.Progress?.Report(new IngestProgress(input.Path, account.Bytes, account.Bytes, account.RowsRead));
        return (presentRows, durations);
    }

    /// <summary>Reads one part with a reader of its own, into a log; any exception is kept for the replay to throw in file order.</summary>
    private static PartResult ReadPart(FileInput file, PartPlan plan, PupilDirectory directory, Part part, IReadOnlyList<PendingFault>? carried)
    {
        var account = new FileAccount { Path = file.Account.Path, Bytes = file.Account.Bytes };
        var rejects = RejectSink.Holding(file.Settings.Language);
        var log = new PartLog(directory);
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
            return new PartResult(part, account, rejects, log, reader.Codes, [.. reader.Pending], reader.PresentRows, reader.DayDurations, end.Offset, null);
        }
        catch (Exception e)
        {
            return new PartResult(part, account, rejects, log, null, [], 0, default, end.Offset, e);
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
            if (!csv.Read())
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

    /// <summary>What a part's rows register, in their order, with the directory's ids.</summary>
    private sealed class PartLog(PupilDirectory directory)
    {
        private PartOp[] _ops = ArrayPool<PartOp>.Shared.Rent(1 << 16);
        private int _lastPupil = -1;
        private LastPassed _lastSchool = new(RowReaders.MaxPupilIdLength);
        private LastPassed _lastPupilId = new(RowReaders.MaxPupilIdLength);
        private LastPassed _lastGroupName = new(RowReaders.MaxPupilIdLength);
        private int _lastPupilSchool = -1;
        private PartOp _lastGroup;

        public PupilDirectory Directory { get; } = directory;

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

        /// <summary>The pupil's id; a new pupil in the log's order is noted, as the one reader numbers pupils as it meets them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Pupil(int school, ReadOnlySpan<byte> pupilId)
        {
            int pupil;
            if (school == _lastPupilSchool && _lastPupilId.Is(pupilId))
            {
                pupil = _lastPupilId.Id;
            }
            else
            {
                pupil = Directory.Pupil(school, pupilId);
                _lastPupilId.Set(pupilId, pupil);
                _lastPupilSchool = school;
            }
            if (pupil != _lastPupil)
            {
                Add(new PartOp { Pupil = pupil, Kind = PartOpKind.Touch });
                _lastPupil = pupil;
            }
            return pupil;
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
        public void SetGroup(int pupil, int group, int day)
        {
            // The same pupil, class and day again changes nothing (LedgerBuilder.SetGroup): logged once.
            var op = new PartOp { Pupil = pupil, Value = group, Day = (ushort)day, Kind = PartOpKind.Group };
            if (_lastGroup.Kind == PartOpKind.Group && _lastGroup.Pupil == pupil && _lastGroup.Value == group && _lastGroup.Day == op.Day)
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
            var larger = ArrayPool<PartOp>.Shared.Rent(_ops.Length * 2);
            _ops.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<PartOp>.Shared.Return(_ops);
            _ops = larger;
        }

        /// <summary>Gives the log's memory back once it is replayed.</summary>
        public void Release()
        {
            ArrayPool<PartOp>.Shared.Return(_ops);
            _ops = [];
            Count = 0;
        }
    }

    private enum PartOpKind : byte
    {
        Touch = 1,
        Group,
        Slot,
        WholeDay,
        Minutes,
    }

    /// <summary>One thing a row did: 16 bytes.</summary>
    private struct PartOp
    {
        public int Pupil;
        /// <summary>The slot, the class or the minutes.</summary>
        public int Value;
        /// <summary>The day's scheduled minutes (minute registrations).</summary>
        public int Value2;
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
        public bool IsEnrolled(int pupil, int day) => log.Directory.IsEnrolled(pupil, day);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int GroupFor(ReadOnlySpan<byte> utf8) => log.Group(utf8);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void SetGroup(int pupil, int group, int day) => log.SetGroup(pupil, group, day);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public RegistrationEffect RegisterSlot(int pupil, int day, int slot, Category category)
        {
            log.Add(new PartOp { Pupil = pupil, Value = slot, Day = (ushort)day, Kind = PartOpKind.Slot, Category = category });
            return RegistrationEffect.Added;
        }

        public RegistrationEffect RegisterWholeDay(int pupil, int day, Category category)
        {
            log.Add(new PartOp { Pupil = pupil, Day = (ushort)day, Kind = PartOpKind.WholeDay, Category = category });
            return RegistrationEffect.Added;
        }

        public RegistrationEffect RegisterMinutes(int pupil, int day, Category category, int minutes, int scheduledMinutes)
        {
            log.Add(new PartOp { Pupil = pupil, Value = minutes, Value2 = scheduledMinutes, Day = (ushort)day, Kind = PartOpKind.Minutes, Category = category });
            return RegistrationEffect.Added;
        }
    }

    /// <summary>
    /// Turns the directory's ids into the builder's in the order the logs meet them, which is the order one reader
    /// meets them in, and registers; counts duplicates and conflicts as the one reader's rows do.
    /// </summary>
    private sealed class Replay(LedgerBuilder builder, PupilDirectory directory)
    {
        private int[] _pupils = [];
        private int[] _schools = [];
        private int[] _groups = [];

        public void Apply(PartLog log, FileAccount account)
        {
            foreach (ref readonly var op in log.Ops)
            {
                var pupil = Pupil(op.Pupil);
                RegistrationEffect effect;
                switch (op.Kind)
                {
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Pupil(int id) => id < _pupils.Length && _pupils[id] >= 0 ? _pupils[id] : NewPupil(id);

        private int NewPupil(int id)
        {
            var (school, pupilId) = directory.PupilOf(id);
            var pupil = builder.PupilFor(School(school), pupilId);
            return Remember(ref _pupils, id, pupil);
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
/// The ids the workers of <see cref="CsvParts"/> give schools, pupils and classes, shared between them: a value's
/// id is found without a lock and added under one. The builder's pupils so far (from the pupil list) keep their
/// numbers, with their enrolment; every pupil met first in the export is enrolled all year, as in the builder.
/// </summary>
internal sealed class PupilDirectory
{
    private readonly ConcurrentIds _schools = new();
    private readonly ConcurrentIds _pupils = new();
    private readonly ConcurrentIds _groups = new();
    private readonly int[] _enrolFirst;
    private readonly int[] _enrolLast;

    public PupilDirectory(LedgerBuilder builder)
    {
        Calendar = builder.Calendar;
        foreach (var school in builder.Schools)
            _schools.Add(System.Text.Encoding.UTF8.GetBytes(school));
        foreach (var group in builder.Groups)
            _groups.Add(System.Text.Encoding.UTF8.GetBytes(group));
        _enrolFirst = new int[builder.PupilCount];
        _enrolLast = new int[builder.PupilCount];
        for (var p = 0; p < builder.PupilCount; p++)
        {
            var (school, pupilId, first, last) = builder.Known(p);
            var utf8 = System.Text.Encoding.UTF8.GetBytes(pupilId);
            _pupils.Add(PupilKey(school, utf8, new byte[4 + utf8.Length]).ToArray());
            (_enrolFirst[p], _enrolLast[p]) = (first, last);
        }
    }

    public SchoolCalendar Calendar { get; }

    public int School(ReadOnlySpan<byte> utf8) => _schools.GetOrAdd(utf8);

    public int Group(ReadOnlySpan<byte> utf8) => _groups.GetOrAdd(utf8);

    public int Pupil(int school, ReadOnlySpan<byte> pupilId) => _pupils.GetOrAdd(PupilKey(school, pupilId,
        pupilId.Length <= RowReaders.MaxPupilIdLength ? stackalloc byte[4 + RowReaders.MaxPupilIdLength] : new byte[4 + pupilId.Length]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnrolled(int pupil, int day) => pupil >= _enrolFirst.Length || (day >= _enrolFirst[pupil] && day <= _enrolLast[pupil]);

    public string SchoolOf(int id) => System.Text.Encoding.UTF8.GetString(_schools[id]);

    public string GroupOf(int id) => System.Text.Encoding.UTF8.GetString(_groups[id]);

    public (int School, string PupilId) PupilOf(int id)
    {
        var key = _pupils[id];
        return (BinaryPrimitives.ReadInt32LittleEndian(key), System.Text.Encoding.UTF8.GetString(key.AsSpan(4)));
    }

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
