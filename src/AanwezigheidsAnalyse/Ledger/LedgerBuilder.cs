using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using NodaTime;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>What a registration did to the ledger, for the accounting of duplicates and conflicts.</summary>
internal enum RegistrationEffect
{
    /// <summary>The slot (or day, or category-minutes) had no registration yet.</summary>
    Added,
    /// <summary>The same registration was there already: counted once.</summary>
    Duplicate,
    /// <summary>Another code was there and this one has precedence (<see cref="Categories.Beats"/>).</summary>
    Replaced,
    /// <summary>Another code with precedence was there: this one is not used.</summary>
    Overruled,
}

/// <summary>
/// Collects registrations per pupil and school day while exports stream in. Memory grows with pupils and the
/// school days on which they have a registration, never with rows: a slot registered twice is stored once.
/// <see cref="Build(Timetable, bool)"/> turns the collection into the <see cref="DayLedger"/> the rules read.
/// </summary>
internal sealed class LedgerBuilder(SchoolCalendar calendar, int cellBlockBits = 16)
{
    private readonly Utf8Interner _schools = new();
    private readonly List<Utf8Interner> _pupilIdsBySchool = [];
    private readonly List<int[]> _pupilIndexBySchool = [];
    private readonly Utf8Interner _groups = new();
    private Pupil[] _pupils = new Pupil[256];
    private readonly Dictionary<int, SchoolDayRange[]> _gaps = [];
    private readonly CellArena _cells = new(cellBlockBits);
    private MinuteEntry[] _minuteEntries = new MinuteEntry[64];
    private int _minuteEntryCount;
    private bool _built;

    public SchoolCalendar Calendar { get; } = calendar;

    public int PupilCount { get; private set; }

    /// <summary>The enrolment of a pupil no pupil list enrols: every school day.</summary>
    public static (int First, int Last) AllYear => (0, int.MaxValue);

    /// <summary>Blocks of registrations still held: none once the ledger is built.</summary>
    internal int BlocksHeld => _cells.BlocksHeld;

    public int SchoolFor(ReadOnlySpan<byte> utf8) => EnsureSchool(_schools.GetOrAdd(utf8));

    public int SchoolFor(string schoolId) => EnsureSchool(_schools.GetOrAdd(schoolId));

    public string SchoolName(int school) => _schools[school];

    /// <summary>The pupil with this number at this school, created on first sight.</summary>
    public int PupilFor(int school, ReadOnlySpan<byte> pupilId)
    {
        var local = _pupilIdsBySchool[school].GetOrAdd(pupilId);
        return PupilAt(school, local);
    }

    public int PupilFor(int school, string pupilId) => PupilAt(school, _pupilIdsBySchool[school].GetOrAdd(pupilId));

    public int GroupFor(ReadOnlySpan<byte> utf8) => _groups.GetOrAdd(utf8);

    public int GroupFor(string group) => _groups.GetOrAdd(group);

    /// <summary>The schools known so far, by index.</summary>
    public IReadOnlyList<string> Schools => _schools.Values;

    /// <summary>The classes known so far, by index.</summary>
    public IReadOnlyList<string> Groups => _groups.Values;

    /// <summary>A pupil known so far (from the pupil list, or rows read): its school, number and enrolment.</summary>
    public (int School, string PupilId, int EnrolFirst, int EnrolLast) Known(int pupil)
    {
        ref var p = ref _pupils[pupil];
        return (p.School, _pupilIdsBySchool[p.School][p.LocalId], p.EnrolFirst, p.EnrolLast);
    }

    /// <summary>The school and class (its latest, or -1) of a pupil known so far.</summary>
    public (int School, int Group) SchoolAndGroupOf(int pupil) => (_pupils[pupil].School, _pupils[pupil].Group);

    /// <summary>The pupil's class is the one of its latest registration (a pupil can change class mid-year).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetGroup(int pupil, int group, int day)
    {
        ref var p = ref _pupils[pupil];
        if (p.Group != group && day >= p.GroupDay)
        {
            p.Group = group;
            p.GroupDay = day;
        }
    }

    /// <summary>
    /// Sets the enrolment of a pupil from the pupil list: its first and last school day, and the school days between
    /// two enrolments of a pupil who left and came back (<paramref name="gaps"/>, in date order).
    /// </summary>
    public void SetEnrolment(int pupil, SchoolDayRange enrolment, SchoolDayRange[]? gaps = null)
    {
        ref var p = ref _pupils[pupil];
        p.EnrolFirst = enrolment.First;
        p.EnrolLast = enrolment.Last;
        if (gaps is { Length: > 0 })
            _gaps[pupil] = gaps;
        else
            _gaps.Remove(pupil);
    }

    public bool IsEnrolled(int pupil, int day)
    {
        ref var p = ref _pupils[pupil];
        return day >= p.EnrolFirst && day <= p.EnrolLast && (_gaps.Count == 0 || !EnrolmentGaps.Contain(GapsOf(pupil), day));
    }

    /// <summary>The school days between a pupil's enrolments (none for nearly every pupil).</summary>
    public ReadOnlySpan<SchoolDayRange> GapsOf(int pupil) => _gaps.Count > 0 && _gaps.TryGetValue(pupil, out var gaps) ? gaps : [];

    /// <summary>Registers one slot (a lesuur or dagdeel, 0..15) of a school day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RegistrationEffect RegisterSlot(int pupil, int day, int slot, Category category)
    {
        ref var cell = ref CellFor(pupil, day);
        var shift = slot << 2;
        var current = (Category)((cell.Slots >> shift) & 0xF);
        if (current == Category.None)
        {
            cell.Slots |= (ulong)category << shift;
            return RegistrationEffect.Added;
        }
        if (current == category)
            return RegistrationEffect.Duplicate;
        if (!category.Beats(current))
            return RegistrationEffect.Overruled;
        cell.Slots = (cell.Slots & ~(0xFUL << shift)) | ((ulong)category << shift);
        return RegistrationEffect.Replaced;
    }

    /// <summary>Registers a whole school day: every timetabled slot, and every slot registered on its own by precedence (settled when the ledger is built).</summary>
    public RegistrationEffect RegisterWholeDay(int pupil, int day, Category category)
    {
        ref var cell = ref CellFor(pupil, day);
        var current = (Category)cell.WholeDay;
        if (current == Category.None)
        {
            cell.WholeDay = (byte)category;
            return RegistrationEffect.Added;
        }
        if (current == category)
            return RegistrationEffect.Duplicate;
        if (!category.Beats(current))
            return RegistrationEffect.Overruled;
        cell.WholeDay = (byte)category;
        return RegistrationEffect.Replaced;
    }

    /// <summary>
    /// Registers minutes of one category on a day, from exports without slots (day rows, canonical rows with
    /// minutes). Rows for the same pupil, day and category are one registration: the largest count is kept.
    /// <paramref name="scheduledMinutes"/> is the day's scheduled time when the export gives it, else 0.
    /// </summary>
    public RegistrationEffect RegisterMinutes(int pupil, int day, Category category, int minutes, int scheduledMinutes)
    {
        ref var cell = ref CellFor(pupil, day);
        if (cell.MinutesRef < 0)
        {
            if (_minuteEntryCount == _minuteEntries.Length)
                Array.Resize(ref _minuteEntries, _minuteEntries.Length * 2);
            cell.MinutesRef = _minuteEntryCount++;
        }
        ref var entry = ref _minuteEntries[cell.MinutesRef];
        if (scheduledMinutes > entry.Scheduled)
            entry.Scheduled = (ushort)Math.Min(scheduledMinutes, 1440);
        if (category == Category.Exempt)
        {
            var effectExempt = entry.Exempt == 0 ? RegistrationEffect.Added : entry.Exempt == minutes ? RegistrationEffect.Duplicate : RegistrationEffect.Replaced;
            entry.Exempt = (ushort)Math.Max(entry.Exempt, Math.Min(minutes, 1440));
            return effectExempt;
        }
        var index = category.MinutesIndex();
        var existing = entry.Minutes[index];
        var effect = existing == 0 ? RegistrationEffect.Added
            : existing == minutes ? RegistrationEffect.Duplicate
            : RegistrationEffect.Replaced;
        if (minutes > existing)
            entry.Minutes[index] = (ushort)Math.Min(minutes, 1440);
        if (category == Category.Late && existing == 0)
            entry.LateArrivals++;
        return effect;
    }

    /// <summary>Pupils with any registration, and how many of them have one of <paramref name="categories"/> (a slot, a whole day or minutes).</summary>
    public (int Registering, int WithCategory) PupilsRegistering(params Category[] categories)
    {
        var (registering, with) = (0, 0);
        for (var p = 0; p < PupilCount; p++)
        {
            ref var pupil = ref _pupils[p];
            if (pupil.CellCount == 0)
                continue;
            registering++;
            if (HasAny(ref pupil, categories))
                with++;
        }
        return (registering, with);
    }

    private bool HasAny(ref Pupil pupil, Category[] categories)
    {
        foreach (ref var cell in _cells.Run(pupil.CellStart, pupil.CellCount))
        {
            foreach (var category in categories)
            {
                // Four bits per slot: a nibble equal to the category, found for all sixteen at once.
                var x = cell.Slots ^ (0x1111_1111_1111_1111UL * (ulong)category);
                if (((x - 0x1111_1111_1111_1111UL) & ~x & 0x8888_8888_8888_8888UL) != 0 || cell.WholeDay == (byte)category
                    || (cell.MinutesRef >= 0 && category != Category.Exempt && _minuteEntries[cell.MinutesRef].Minutes[category.MinutesIndex()] > 0))
                    return true;
            }
        }
        return false;
    }

    /// <summary>Turns the collected registrations into the ledger, releasing them as it goes.</summary>
    public DayLedger Build(Timetable timetable, bool fullRegister) => Build(timetable, fullRegister, Parallelism.Default);

    /// <summary>
    /// <see cref="Build(Timetable, bool)"/> on the cores <paramref name="parallelism"/> allows. A first pass, in pupil
    /// order, settles each pupil's school, class, timetable variant and how many records it gets. Then the records are
    /// filled block of registrations after block (the pupils whose cells lie in a block, cores taking blocks side by
    /// side), and each block is released once its pupils are done, so that the registrations shrink while the records
    /// grow instead of both existing whole (a national year's peak). The ledger is the same either way.
    /// </summary>
    internal DayLedger Build(Timetable timetable, bool fullRegister, Parallelism parallelism, int? recordChunkSize = null)
    {
        if (_built)
            throw new InvalidOperationException("A ledger builder builds once: Build releases the registrations.");
        _built = true;
        var days = Calendar.DayCount;
        var words = Calendar.BitsetWords;
        var pupilCount = PupilCount;
        var counts = new int[pupilCount];
        var sick = new ulong[pupilCount * words];
        var sentHome = new ulong[pupilCount * words];
        var variants = new int[pupilCount];
        var schoolOf = new int[pupilCount];
        var pupilIds = new string[pupilCount];
        var groupOf = new int[pupilCount];
        var enrolFirst = new int[pupilCount];
        var enrolLast = new int[pupilCount];
        var variantOfGroup = new Dictionary<int, int>();
        var typicalSlot = TypicalSlotMinutes(timetable);

        // Pupils with records bucketed by the block their cells lie in (a counting sort, pupil order kept within a block).
        var blocks = _cells.BlockCount;
        var bucketStart = new int[blocks + 1];
        for (var p = 0; p < pupilCount; p++)
        {
            ref var pupil = ref _pupils[p];
            schoolOf[p] = pupil.School;
            pupilIds[p] = _pupilIdsBySchool[pupil.School][pupil.LocalId];
            groupOf[p] = pupil.Group;
            enrolFirst[p] = pupil.EnrolFirst;
            enrolLast[p] = Math.Min(pupil.EnrolLast, days - 1);
            if (!variantOfGroup.TryGetValue(pupil.Group, out var variant))
            {
                variant = timetable.VariantFor(pupil.Group >= 0 ? _groups[pupil.Group] : null);
                variantOfGroup[pupil.Group] = variant;
            }
            variants[p] = variant;
            var count = 0;
            foreach (ref var cell in _cells.Run(pupil.CellStart, pupil.CellCount))
            {
                if (cell.Day >= enrolFirst[p] && cell.Day <= enrolLast[p])
                    count++;
            }
            counts[p] = count;
            if (count > 0)
                bucketStart[_cells.BlockOf(pupil.CellStart) + 1]++;
        }
        for (var b = 0; b < blocks; b++)
            bucketStart[b + 1] += bucketStart[b];
        var inBlockOrder = new int[bucketStart[blocks]];
        var next = bucketStart[..^1];
        for (var p = 0; p < pupilCount; p++)
        {
            if (counts[p] > 0)
                inBlockOrder[next[_cells.BlockOf(_pupils[p].CellStart)]++] = p;
        }
        var records = RecordChunks.Lay(counts, inBlockOrder, recordChunkSize ?? RecordChunks.SizeIn(_cells.BlockBytes));

        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = parallelism.MaxDegree }, b =>
        {
            var filled = new DayRecord[days]; // a pupil's records before they are stored packed
            for (var i = bucketStart[b]; i < bucketStart[b + 1]; i++)
            {
                var p = inBlockOrder[i];
                ref var pupil = ref _pupils[p];
                var sickBits = sick.AsSpan(p * words, words);
                var sentHomeBits = sentHome.AsSpan(p * words, words);
                var at = 0;
                foreach (ref var cell in _cells.Run(pupil.CellStart, pupil.CellCount))
                {
                    if (cell.Day < enrolFirst[p] || cell.Day > enrolLast[p])
                        continue;
                    ref var record = ref filled[at++];
                    record = default;
                    Fill(ref record, in cell, timetable, variants[p], Calendar.Weekday(cell.Day), fullRegister, typicalSlot);
                    if (record.Minutes.Of(Category.Sick) > 0 || record.Minutes.Of(Category.SentHomeSick) > 0)
                        Bits.Set(sickBits, record.Day);
                    if (record.Minutes.Of(Category.SentHomeSick) > 0)
                        Bits.Set(sentHomeBits, record.Day);
                }
                records.Store(p, filled.AsSpan(0, at));
            }
            records.Give(_cells.Release(b)); // its pupils hold their records now: its memory can hold the next ones
        });

        var schools = new string[_schools.Count];
        for (var s = 0; s < schools.Length; s++)
            schools[s] = _schools[s];
        return new DayLedger(
            Calendar, timetable, fullRegister,
            schools, schoolOf, pupilIds, [.. _groups.Values], groupOf,
            enrolFirst, enrolLast, variants, records.Seal(), sick, sentHome)
        {
            Gaps = new Dictionary<int, SchoolDayRange[]>(_gaps),
        };
    }

    private void Fill(ref DayRecord record, in DayCell cell, Timetable timetable, int variant, IsoDayOfWeek weekday, bool fullRegister, int typicalSlot)
    {
        record.Day = cell.Day;
        var timetabled = timetable.ScheduledSlots(variant, weekday);
        var wholeDay = (Category)cell.WholeDay;

        // Which category each slot has. A whole-day registration registers every timetabled slot of the day and every
        // slot registered on its own, and the precedence decides as between two rows for one slot
        // (README, "Canonical format"): a day reported sick beats lessons marked absent, reason unknown. A whole day
        // late is one late arrival, not one per lesson (LateArrival); the day's other lessons stay scheduled.
        var scheduledMask = fullRegister ? 0u : timetabled;
        var arrival = wholeDay == Category.Late ? LateArrival(cell.Slots, timetabled) : -1;
        var exempt = 0;
        var late = 0;
        var unauthorizedSlots = 0;
        var exemptMask = 0u;
        var absentMask = 0u;
        for (var s = 0; s < Timetable.MaxSlots; s++)
        {
            var category = (Category)((cell.Slots >> (s << 2)) & 0xF);
            // The other lessons of a day registered late as a whole are attended, in a full register too.
            var ofTheDay = wholeDay == Category.Late && s != arrival ? Category.Present : wholeDay;
            if (ofTheDay != Category.None && (category == Category.None ? (timetabled & (1 << s)) != 0 : ofTheDay.Beats(category)))
                category = ofTheDay;
            if (category == Category.None)
                continue;
            scheduledMask |= 1u << s;
            var minutes = timetable.SlotMinutes(s);
            switch (category)
            {
                case Category.Exempt:
                    exempt += minutes;
                    exemptMask |= 1u << s;
                    continue;
                case Category.Late:
                    late++;
                    break;
                case Category.Unauthorized:
                    unauthorizedSlots++;
                    break;
            }
            record.Minutes[category.MinutesIndex()] += (ushort)minutes;
            if (category.IsAbsent())
                absentMask |= 1u << s;
        }
        var scheduled = timetable.MinutesOf((ushort)scheduledMask) - exempt;
        record.ScheduledSlots = (ushort)(scheduledMask & ~exemptMask);
        record.AbsentSlots = (ushort)absentMask;

        // Minutes rows on a day registered as a whole fall inside that day: they do not lengthen it, and the precedence
        // decides between them and the day's lessons, as between the rows of one lesson. A row takes its minutes from
        // the lessons whose codes it beats, the weakest first, at most all of them; the strongest row claims first,
        // exempt minutes before all; what nothing weaker is left for is covered. An exempt day has nothing for them.
        if (cell.MinutesRef >= 0 && wholeDay != Category.None && (record.Minutes.Total > 0 || wholeDay == Category.Exempt))
        {
            ref var entry = ref _minuteEntries[cell.MinutesRef];
            var unauthorizedBefore = record.Minutes[Category.Unauthorized.MinutesIndex()];
            scheduled -= TakeFrom(ref record.Minutes, Category.Exempt, entry.Exempt);
            for (var i = Categories.CountedWeakestFirst.Length - 1; i >= 0; i--)
            {
                var category = Categories.CountedWeakestFirst[i];
                var taken = TakeFrom(ref record.Minutes, category, entry.Minutes[category.MinutesIndex()]);
                record.Minutes[category.MinutesIndex()] += (ushort)taken;
                if (category == Category.Late && taken > 0 && late == 0)
                    late = entry.LateArrivals;
            }
            // A day whose late arrival was taken by an absence had none; the unauthorised lessons follow the minutes.
            if (record.Minutes[Category.Late.MinutesIndex()] == 0)
                late = 0;
            unauthorizedSlots += (int)Math.Round((record.Minutes[Category.Unauthorized.MinutesIndex()] - unauthorizedBefore) / (double)typicalSlot);
            if (entry.Scheduled > 0 && wholeDay != Category.Exempt)
                scheduled = entry.Scheduled - entry.Exempt;
        }
        else if (cell.MinutesRef >= 0)
        {
            ref var entry = ref _minuteEntries[cell.MinutesRef];
            for (var i = 0; i < Categories.Counted; i++)
                record.Minutes[i] += entry.Minutes[i];
            late += entry.LateArrivals;
            unauthorizedSlots += entry.Minutes[Category.Unauthorized.MinutesIndex()] / typicalSlot;
            // The export's own scheduled minutes win over the timetable's; either way a day is never shorter
            // than what was registered on it, so a fraction never goes below zero.
            scheduled = entry.Scheduled > 0 ? entry.Scheduled - entry.Exempt : Math.Max(0, scheduled - entry.Exempt);
        }
        record.Scheduled = (ushort)Math.Clamp(Math.Max(scheduled, record.Minutes.Total), 0, 1440);
        record.LateArrivals = (byte)Math.Min(late, 255);
        record.UnauthorizedSlots = (byte)Math.Min(unauthorizedSlots, 255);
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> minutes for <paramref name="claimant"/> out of the categories of a day that it
    /// beats, the weakest first, and returns how many it took.
    /// </summary>
    private static int TakeFrom(ref CategoryMinutes minutes, Category claimant, int wanted)
    {
        var taken = 0;
        foreach (var weaker in Categories.CountedWeakestFirst)
        {
            if (taken == wanted || !claimant.Beats(weaker))
                break;
            var from = Math.Min(wanted - taken, (int)minutes[weaker.MinutesIndex()]);
            minutes[weaker.MinutesIndex()] -= (ushort)from;
            taken += from;
        }
        return taken;
    }

    /// <summary>
    /// The slot of the one late arrival a whole day registered late makes: none when a lesson of the day is already
    /// registered late (the same arrival), else the first slot, timetabled or registered, that late beats (nothing or
    /// present): a pupil absent from the first lesson arrived at a later one, and one absent all day did not arrive.
    /// </summary>
    private static int LateArrival(ulong slots, uint timetabled)
    {
        for (var s = 0; s < Timetable.MaxSlots; s++)
        {
            if ((Category)((slots >> (s << 2)) & 0xF) == Category.Late)
                return -1;
        }
        for (var s = 0; s < Timetable.MaxSlots; s++)
        {
            var own = (Category)((slots >> (s << 2)) & 0xF);
            if ((own != Category.None || (timetabled & (1u << s)) != 0) && (own == Category.None || Category.Late.Beats(own)))
                return s;
        }
        return -1;
    }

    private static int TypicalSlotMinutes(Timetable timetable)
    {
        var minutes = timetable.SlotMinutes(1);
        return minutes > 0 ? minutes : 50;
    }

    private int EnsureSchool(int school)
    {
        while (_pupilIdsBySchool.Count <= school)
        {
            _pupilIdsBySchool.Add(new Utf8Interner());
            _pupilIndexBySchool.Add(new int[64]);
        }
        return school;
    }

    private int PupilAt(int school, int local)
    {
        ref var index = ref CollectionsMarshal.AsSpan(_pupilIndexBySchool)[school];
        if (local >= index.Length)
            Array.Resize(ref index, Math.Max(index.Length * 2, local + 1));
        if (index[local] != 0)
            return index[local] - 1;
        // New pupil: indexes are stored + 1 so that 0 means "none yet".
        if (PupilCount == _pupils.Length)
            Array.Resize(ref _pupils, _pupils.Length * 2);
        var pupil = PupilCount++;
        _pupils[pupil] = new Pupil
        {
            School = school,
            LocalId = local,
            Group = -1,
            GroupDay = -1,
            EnrolFirst = AllYear.First,
            EnrolLast = AllYear.Last,
        };
        index[local] = pupil + 1;
        return pupil;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref DayCell CellFor(int pupil, int day)
    {
        ref var p = ref _pupils[pupil];
        var count = p.CellCount;
        if (count > 0)
        {
            ref var last = ref _cells[p.CellStart + count - 1];
            if (last.Day == day)
                return ref last;
            if (last.Day < day)
                return ref Append(ref p, day);
            return ref Insert(ref p, day);
        }
        return ref Append(ref p, day);
    }

    private ref DayCell Append(ref Pupil p, int day)
    {
        Grow(ref p);
        ref var cell = ref _cells[p.CellStart + p.CellCount++];
        cell = new DayCell { Day = (ushort)day, MinutesRef = -1 };
        return ref cell;
    }

    private ref DayCell Insert(ref Pupil p, int day)
    {
        var cells = _cells.Run(p.CellStart, p.CellCount);
        int lo = 0, hi = cells.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var d = cells[mid].Day;
            if (d == day)
                return ref cells[mid];
            if (d < day)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        Grow(ref p);
        cells = _cells.Run(p.CellStart, p.CellCount + 1);
        cells[lo..^1].CopyTo(cells[(lo + 1)..]);
        p.CellCount++;
        ref var cell = ref cells[lo];
        cell = new DayCell { Day = (ushort)day, MinutesRef = -1 };
        return ref cell;
    }

    /// <summary>Room for one more cell: a pupil's run of cells doubles, moving to a run of the next size.</summary>
    private void Grow(ref Pupil p)
    {
        if (p.CellCount < p.CellCapacity)
            return;
        var capacity = p.CellCapacity == 0 ? CellArena.SmallestRun : p.CellCapacity * 2;
        var start = _cells.Rent(capacity);
        if (p.CellCapacity > 0)
        {
            _cells.Run(p.CellStart, p.CellCount).CopyTo(_cells.Run(start, capacity));
            _cells.Return(p.CellStart, p.CellCapacity);
        }
        (p.CellStart, p.CellCapacity) = (start, capacity);
    }

    /// <summary>A pupil while registrations stream in: no references, so the collector never looks inside the array of them.</summary>
    private struct Pupil
    {
        public int School;
        public int LocalId;
        public int Group;
        public int GroupDay;
        public int EnrolFirst;
        public int EnrolLast;
        /// <summary>The pupil's cells, in day order: <see cref="CellCount"/> of a run of <see cref="CellCapacity"/> in the arena.</summary>
        public int CellStart;
        public int CellCapacity;
        public int CellCount;
    }

    /// <summary>
    /// The day cells of every pupil, in runs of 8, 16, … cells carved from blocks of 65 536. A pupil's cells grew
    /// in an array of its own before: a million pupils made millions of small arrays, which the collector copied
    /// twice (to generation 1, then 2) as they all live until the ledger is built, 0.8 s of a 1 M-pupil read.
    /// Blocks are allocated once and never moved; a run given up by a pupil that grew is reused by the next pupil
    /// needing one of its size. A block is plain words (<see cref="DayCell"/>s seen through a cast), so that once
    /// the ledger is built from it, the same memory can hold day records (<see cref="RecordChunks.Give"/>).
    /// </summary>
    private sealed class CellArena(int blockBits)
    {
        public const int SmallestRun = 8;
        private static readonly int WordsPerCell = Unsafe.SizeOf<DayCell>() / sizeof(ulong); // 16 bytes: 2 (a ulong in it aligns it to 8)

        private readonly int _blockSize = 1 << blockBits;
        private ulong[]?[] _blocks = new ulong[4][];
        private readonly int[] _free = [.. Enumerable.Repeat(-1, blockBits - 2)]; // per run size 8·2^k: the first free run, linked through MinutesRef
        private int _used = 1 << blockBits; // in the last block

        public int BlockCount { get; private set; }

        public ref DayCell this[int index] =>
            ref Unsafe.As<ulong, DayCell>(ref _blocks[index >> blockBits]![(index & (_blockSize - 1)) * WordsPerCell]);

        /// <summary>The cells <c>[start, start + length)</c> of a run (a run never crosses a block).</summary>
        public Span<DayCell> Run(int start, int length) => BlockCount == 0 ? default
            : MemoryMarshal.Cast<ulong, DayCell>(_blocks[start >> blockBits].AsSpan((start & (_blockSize - 1)) * WordsPerCell, length * WordsPerCell));

        /// <summary>The size of a block: what a released one can hold instead.</summary>
        public int BlockBytes => _blockSize * WordsPerCell * sizeof(ulong);

        /// <summary>The block a cell lies in.</summary>
        public int BlockOf(int index) => index >> blockBits;

        public int Rent(int capacity)
        {
            var size = SizeClass(capacity);
            if (_free[size] is var free and >= 0)
            {
                _free[size] = this[free].MinutesRef;
                return free;
            }
            if (_used + capacity > _blockSize)
            {
                if (BlockCount == _blocks.Length)
                    Array.Resize(ref _blocks, BlockCount * 2);
                _blocks[BlockCount++] = new ulong[_blockSize * WordsPerCell];
                _used = 0;
            }
            var start = ((BlockCount - 1) << blockBits) + _used;
            _used += capacity;
            return start;
        }

        public void Return(int start, int capacity)
        {
            var size = SizeClass(capacity);
            this[start].MinutesRef = _free[size];
            _free[size] = start;
        }

        /// <summary>Takes a block away once no cell of it is read again; its memory is the caller's.</summary>
        public ulong[] Release(int block)
        {
            var words = _blocks[block]!;
            _blocks[block] = null;
            return words;
        }

        public int BlocksHeld => _blocks.Count(b => b is not null);

        private int SizeClass(int capacity)
        {
            var size = System.Numerics.BitOperations.Log2((uint)(capacity / SmallestRun));
            return size < _free.Length ? size : throw new InvalidOperationException($"A pupil with more than {SmallestRun << (_free.Length - 1)} registered days.");
        }
    }

    /// <summary>The registrations of one pupil on one school day: 16 bytes.</summary>
    private struct DayCell
    {
        public ushort Day;
        /// <summary>A whole-day registration (a <see cref="Category"/>), or 0.</summary>
        public byte WholeDay;
        /// <summary>Index into the minute entries, or -1.</summary>
        public int MinutesRef;
        /// <summary>Four bits per slot 0..15: the <see cref="Category"/> registered on it, or 0.</summary>
        public ulong Slots;
    }

    /// <summary>Minute registrations of one pupil-day (exports without slots), rare enough to live apart.</summary>
    private struct MinuteEntry
    {
        public ushort Scheduled;
        public ushort Exempt;
        public byte LateArrivals;
        public CategoryMinutes Minutes;
    }
}
