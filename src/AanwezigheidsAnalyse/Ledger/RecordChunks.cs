using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// The day records of every pupil, in chunks of a fixed number of records; a pupil's records lie together in one chunk.
/// In chunks, not one array, so that the ledger can be filled in the memory the builder's registrations leave as they
/// are released (<see cref="Give"/>): one array of a national year's records (a gigabyte) had to exist whole beside
/// all the registrations it was made from. A chunk is plain words seen as records, so a block of registrations
/// (<see cref="LedgerBuilder"/>) can become one. Records are stored packed (<see cref="PackedDay"/>); a pupil with a
/// day that does not pack has all its records kept whole beside the chunks, so that a pupil's records are one kind.
/// </summary>
internal sealed class RecordChunks
{
    private const int OffsetBits = 16; // a chunk holds at most 65 536 records

    private const ushort Whole = 1 << 15; // in a pupil's count: its records are kept whole (a pupil has far fewer days)

    private static readonly int RecordSize = Unsafe.SizeOf<PackedDay>();

    /// <summary>Records that fit in <paramref name="bytes"/>: a chunk made in a released block of registrations (1 MB: 65 536 of 16 bytes).</summary>
    public static int SizeIn(int bytes) => bytes / RecordSize;

    private readonly ulong[]?[] _chunks;
    private readonly int[] _chunkLength;
    private readonly int[] _at; // per pupil: its chunk << OffsetBits | its first record's offset there
    private readonly ushort[] _count;
    private readonly Dictionary<int, DayRecord[]> _whole = [];
    private readonly Stack<ulong[]> _spare = [];

    private RecordChunks(int[] at, ushort[] count, int[] chunkLength, int total)
    {
        _at = at;
        _count = count;
        _chunkLength = chunkLength;
        _chunks = new ulong[Math.Max(chunkLength.Length, 1)][]; // a pupil without records reads chunk 0, maybe never made
        Count = total;
    }

    /// <summary>Records of all pupils together.</summary>
    public int Count { get; }

    /// <summary>
    /// Places <paramref name="counts"/> records of each pupil, chunk after chunk of <paramref name="size"/> records, in
    /// the order of <paramref name="order"/> (pupils without records need not be in it). A chunk holds at least the most
    /// records a pupil has.
    /// </summary>
    public static RecordChunks Lay(ReadOnlySpan<int> counts, ReadOnlySpan<int> order, int size)
    {
        var most = 0;
        foreach (var count in counts)
            most = Math.Max(most, count);
        // A pupil has at most one record per school day, far below 2^16 (so offsets and ushort counts hold).
        var chunkSize = Math.Clamp(Math.Max(size, most), 1, 1 << OffsetBits);
        var at = new int[counts.Length];
        var countOf = new ushort[counts.Length];
        var lengths = new List<int>();
        var (chunk, offset, total) = (0, 0, 0);
        foreach (var pupil in order)
        {
            var count = counts[pupil];
            if (count == 0)
                continue;
            if (offset + count > chunkSize)
            {
                lengths.Add(offset);
                (chunk, offset) = (chunk + 1, 0);
            }
            at[pupil] = checked(chunk * (1 << OffsetBits)) | offset; // a multiplication: a shift would wrap silently
            countOf[pupil] = count < Whole ? (ushort)count : throw new OverflowException("More records for one pupil than a ledger holds.");
            offset += count;
            total = checked(total + count);
        }
        if (offset > 0)
            lengths.Add(offset);
        return new RecordChunks(at, countOf, [.. lengths], total);
    }

    /// <summary>A pupil's records, in date order (after <see cref="Seal"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DayRecords Of(int pupil)
    {
        var count = _count[pupil];
        if ((count & Whole) != 0)
            return new DayRecords(_whole[pupil]);
        // Lay put the pupil's records inside its chunk, Seal checked that each chunk holds its records: no bounds check.
        var at = _at[pupil];
        ref var first = ref Unsafe.As<ulong, PackedDay>(ref MemoryMarshal.GetArrayDataReference(_chunks[at >> OffsetBits]!));
        return new DayRecords(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref first, at & ((1 << OffsetBits) - 1)), count));
    }

    /// <summary>
    /// Stores a pupil's records, as many as were laid out for it: packed in its chunk, which is made on first use (from
    /// a spare block when one is large enough), or whole beside the chunks when one of them does not pack. Pupils are
    /// stored from any thread, each once.
    /// </summary>
    public void Store(int pupil, ReadOnlySpan<DayRecord> records)
    {
        if (records.Length != _count[pupil])
            throw new ArgumentException($"Pupil {pupil} was laid out with {_count[pupil]} records, not {records.Length}.", nameof(records));
        if (records.IsEmpty)
            return; // laid out nowhere: a pupil without records may have no chunk
        var at = _at[pupil];
        var chunk = at >> OffsetBits;
        var words = Volatile.Read(ref _chunks[chunk]);
        if (words is null)
        {
            lock (_spare)
                words = _chunks[chunk] ??= Make(_chunkLength[chunk]);
        }
        var packed = MemoryMarshal.Cast<ulong, PackedDay>(words.AsSpan()).Slice(at & ((1 << OffsetBits) - 1), records.Length);
        for (var i = 0; i < records.Length; i++)
        {
            if (!PackedDay.TryPack(in records[i], out packed[i]))
            {
                lock (_whole)
                    _whole[pupil] = records.ToArray();
                _count[pupil] |= Whole; // its own element: other pupils' counts are not touched
                return;
            }
        }
    }

    /// <summary>Memory no longer used elsewhere (a released block of registrations), for the chunks still to be made.</summary>
    public void Give(ulong[] block)
    {
        lock (_spare)
            _spare.Push(block);
    }

    /// <summary>
    /// Filling is done: spare memory goes back to the collector, and every chunk is checked to hold its records, which
    /// <see cref="Of"/> reads without a bounds check of its own (it runs for every pupil at every week's end).
    /// </summary>
    public RecordChunks Seal()
    {
        lock (_spare)
            _spare.Clear();
        _chunks[0] ??= [];
        for (var c = 0; c < _chunkLength.Length; c++)
        {
            if (_chunks[c] is not { } words || (long)words.Length * sizeof(ulong) < (long)_chunkLength[c] * RecordSize)
                throw new InvalidOperationException($"Record chunk {c} was not filled whole.");
        }
        return this;
    }

    private ulong[] Make(int records)
    {
        var words = (records * RecordSize + sizeof(ulong) - 1) / sizeof(ulong);
        return _spare.TryPeek(out var block) && block.Length >= words ? _spare.Pop() : new ulong[words];
    }
}
