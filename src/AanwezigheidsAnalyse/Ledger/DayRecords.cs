using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// One pupil's day records in date order, as the ledger stores them: most in 16 bytes (<see cref="PackedDay"/>),
/// read as whole <see cref="DayRecord"/>s. An indexer and an enumerator give records by value; <see cref="DayOf"/>
/// reads a day without unpacking the rest.
/// </summary>
public readonly ref struct DayRecords
{
    private readonly ReadOnlySpan<PackedDay> _packed;
    private readonly ReadOnlySpan<DayRecord> _whole;
    private readonly bool _isWhole;

    internal DayRecords(ReadOnlySpan<PackedDay> packed)
    {
        _packed = packed;
    }

    internal DayRecords(ReadOnlySpan<DayRecord> whole)
    {
        _whole = whole;
        _isWhole = true;
    }

    /// <summary>The number of records.</summary>
    public int Length => _isWhole ? _whole.Length : _packed.Length;

    /// <summary>True when there are no records.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The record at <paramref name="index"/>.</summary>
    public DayRecord this[int index] => _isWhole ? _whole[index] : _packed[index].Unpack();

    /// <summary>The school day of the record at <paramref name="index"/>.</summary>
    public int DayOf(int index) => _isWhole ? _whole[index].Day : _packed[index].Day;

    // What the rules read in their loops, without making the whole record (the weekly replay reads them at every week's end).

    /// <summary>The scheduled minutes of the record at <paramref name="index"/>.</summary>
    internal int ScheduledOf(int index) => _isWhole ? _whole[index].Scheduled : _packed[index].Scheduled;

    /// <summary>The absent minutes (criteria §1) of the record at <paramref name="index"/>.</summary>
    internal int AbsentOf(int index) => _isWhole ? _whole[index].Absent : _packed[index].Absent;

    /// <summary>The minutes of one category of the record at <paramref name="index"/>.</summary>
    internal int MinutesOf(int index, Category category) =>
        _isWhole ? _whole[index].Minutes.Of(category) : _packed[index].Of(category);

    /// <summary>The late arrivals of the record at <paramref name="index"/>.</summary>
    internal int LateArrivalsOf(int index) => _isWhole ? _whole[index].LateArrivals : _packed[index].LateArrivals;

    /// <summary>The unauthorized slots of the record at <paramref name="index"/>.</summary>
    internal int UnauthorizedSlotsOf(int index) => _isWhole ? _whole[index].UnauthorizedSlots : _packed[index].UnauthorizedSlots;

    /// <summary>Adds the record at <paramref name="index"/> to window totals (see <see cref="WindowTotals.Add"/>).</summary>
    internal void AddTo(ref WindowTotals totals, int index, int timetabled)
    {
        if (_isWhole)
            totals.Add(in _whole[index], timetabled);
        else
            _packed[index].AddTo(ref totals, timetabled);
    }

    /// <summary>The records <c>[start, start + length)</c>.</summary>
    public DayRecords Slice(int start, int length) =>
        _isWhole ? new DayRecords(_whole.Slice(start, length)) : new DayRecords(_packed.Slice(start, length));

    /// <summary>The index of the first record on or after <paramref name="day"/> (<see cref="Length"/> when there is none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FirstFrom(int day)
    {
        int lo = 0, hi = Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (DayOf(mid) < day)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>The index of the record of <paramref name="day"/>, or -1.</summary>
    public int IndexOf(int day)
    {
        var index = FirstFrom(day);
        return index < Length && DayOf(index) == day ? index : -1;
    }

    /// <summary>The records copied out.</summary>
    public DayRecord[] ToArray()
    {
        var array = new DayRecord[Length];
        for (var i = 0; i < array.Length; i++)
            array[i] = this[i];
        return array;
    }

    /// <summary>Enumerates the records in date order.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates <see cref="DayRecords"/>.</summary>
    public ref struct Enumerator
    {
        private readonly DayRecords _records;
        private int _index;

        internal Enumerator(DayRecords records)
        {
            _records = records;
            _index = -1;
        }

        /// <summary>Moves to the next record.</summary>
        public bool MoveNext() => ++_index < _records.Length;

        /// <summary>The current record.</summary>
        public readonly DayRecord Current => _records[_index];
    }
}

/// <summary>
/// A <see cref="DayRecord"/> with minutes in at most three categories, in 16 bytes instead of 28: a lesson-hour
/// export fills one or two categories on a day (absent, and late or present), and a national year holds some 30
/// million records. A day with more categories does not pack; its pupil's records are kept whole
/// (<see cref="RecordChunks"/>). 16 bytes is also a registration cell's size, so a released block of cells holds
/// exactly as many records as it held cells.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
internal struct PackedDay
{
    private const int MinutesBits = 12; // a day's minutes (at most 1440) in the low 12 bits, the category above
    private const int MinutesMask = (1 << MinutesBits) - 1;

    public ushort Day;
    public ushort Scheduled;
    public ushort ScheduledSlots;
    public ushort AbsentSlots;
    public byte LateArrivals;
    public byte UnauthorizedSlots;
    // (minutes index + 1) << 12 | minutes, in minutes-index order; 0 when unused.
    private ushort _first;
    private ushort _second;
    private ushort _third;

    /// <summary>Packs <paramref name="record"/>; false when it has minutes in more than three categories, or more than 4 095 in one.</summary>
    public static bool TryPack(in DayRecord record, out PackedDay packed)
    {
        packed = new PackedDay
        {
            Day = record.Day,
            Scheduled = record.Scheduled,
            ScheduledSlots = record.ScheduledSlots,
            AbsentSlots = record.AbsentSlots,
            LateArrivals = record.LateArrivals,
            UnauthorizedSlots = record.UnauthorizedSlots,
        };
        var used = 0;
        for (var i = 0; i < Categories.Counted; i++)
        {
            var minutes = record.Minutes[i];
            if (minutes == 0)
                continue;
            if (minutes > MinutesMask) // more than a day: slots of a timetable with long ones, kept exact
                return false;
            var pair = (ushort)((i + 1) << MinutesBits | minutes);
            switch (used++)
            {
                case 0: packed._first = pair; break;
                case 1: packed._second = pair; break;
                case 2: packed._third = pair; break;
                default: return false;
            }
        }
        return true;
    }

    // The absent categories (criteria §1) as bits of the code a pair keeps (minutes index + 1).
    private static readonly int AbsentCodes = Categories.Absent.Aggregate(0, (codes, category) => codes | 1 << (category.MinutesIndex() + 1));

    /// <summary>Absent minutes (criteria §1).</summary>
    public readonly int Absent => AbsentIn(_first) + AbsentIn(_second) + AbsentIn(_third);

    /// <summary>The minutes of one category.</summary>
    public readonly int Of(Category category)
    {
        var code = category.MinutesIndex() + 1;
        return In(_first, code) + In(_second, code) + In(_third, code);
    }

    /// <summary>Adds the day to window totals, as <see cref="WindowTotals.Add"/> adds a whole record.</summary>
    public readonly void AddTo(ref WindowTotals totals, int timetabled)
    {
        totals.Scheduled += Scheduled - timetabled;
        totals.ScheduledDays += (Scheduled > 0 ? 1 : 0) - (timetabled > 0 ? 1 : 0);
        totals.LateArrivals += LateArrivals;
        totals.UnauthorizedSlots += UnauthorizedSlots;
        AddTo(ref totals.Minutes, _first);
        AddTo(ref totals.Minutes, _second);
        AddTo(ref totals.Minutes, _third);
    }

    private static int AbsentIn(ushort pair) => ((AbsentCodes >> (pair >> MinutesBits)) & 1) * (pair & MinutesMask);

    private static int In(ushort pair, int code) => pair >> MinutesBits == code ? pair & MinutesMask : 0;

    private static void AddTo(ref CategoryTotals minutes, ushort pair)
    {
        if (pair != 0)
            minutes[(pair >> MinutesBits) - 1] += pair & MinutesMask;
    }

    public readonly DayRecord Unpack()
    {
        var record = new DayRecord
        {
            Day = Day,
            Scheduled = Scheduled,
            ScheduledSlots = ScheduledSlots,
            AbsentSlots = AbsentSlots,
            LateArrivals = LateArrivals,
            UnauthorizedSlots = UnauthorizedSlots,
        };
        Put(ref record.Minutes, _first);
        Put(ref record.Minutes, _second);
        Put(ref record.Minutes, _third);
        return record;
    }

    private static void Put(ref CategoryMinutes minutes, ushort pair)
    {
        if (pair != 0)
            minutes[(pair >> MinutesBits) - 1] = (ushort)(pair & MinutesMask);
    }
}
