using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// Gives every distinct UTF-8 value (a pupil number, a date, a code, a class) a dense id, without allocating for
/// values seen before. Exports repeat the same value row after row, so the last value is checked first with one
/// byte comparison. Values of up to 15 bytes (nearly all of them) are then looked up by their bytes packed into a
/// 128-bit key, which costs no decoding and no string hashing; longer ones are widened on the stack and looked up
/// in a string dictionary through its span lookup.
/// </summary>
internal sealed class Utf8Interner
{
    /// <summary>Longer values are not identifiers; callers reject them before they get here.</summary>
    public const int MaxLength = 128;

    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<Key, int> _short = [];
    // Direct-mapped, in front of _short; made on the first short lookup, as a run has an interner per school (32 KB each).
    private (Key Key, int Id)[]? _recent;
    private readonly bool _ordinal;
    private readonly List<string> _values = [];
    // The last value, to be checked first: packed when short (zero when the last was not), else its bytes.
    private Key _lastKey;
    private readonly byte[] _last = new byte[MaxLength];
    private int _lastLength = -1;
    private int _lastId;

    /// <param name="comparer">How values compare; with anything but ordinal, the byte-key path is off.</param>
    public Utf8Interner(StringComparer? comparer = null)
    {
        _ordinal = comparer is null || ReferenceEquals(comparer, StringComparer.Ordinal);
        _ids = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    public IReadOnlyList<string> Values => _values;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        if (_ordinal && utf8.Length is > 0 and <= 15)
        {
            var key = Pack(utf8);
            return key.Low == _lastKey.Low && key.High == _lastKey.High ? _lastId : Lookup(key, utf8);
        }
        if (utf8.Length == _lastLength && ShortBytes.Same(utf8, _last.AsSpan(0, _lastLength)))
            return _lastId;
        return Lookup(utf8);
    }

    /// <summary>A value of up to 15 bytes (ordinal): the direct-mapped cache, then the dictionary of packed keys.</summary>
    private int Lookup(Key key, ReadOnlySpan<byte> utf8)
    {
        // Keys are never zero (the length byte of a non-empty value is set), so an empty slot never matches.
        _recent ??= new (Key, int)[1 << RecentBits];
        ref var recent = ref _recent[Slot(key)];
        if (recent.Key != key)
        {
            if (!_short.TryGetValue(key, out var added))
            {
                added = Add(utf8);
                _short[key] = added;
            }
            recent = (key, added);
        }
        (_lastKey, _lastLength, _lastId) = (key, -1, recent.Id);
        return recent.Id;
    }

    /// <summary>A longer value (or any value, compared other than ordinally): the string dictionary.</summary>
    private int Lookup(ReadOnlySpan<byte> utf8)
    {
        var id = Add(utf8);
        var length = Math.Min(utf8.Length, MaxLength);
        utf8[..length].CopyTo(_last);
        (_lastKey, _lastLength, _lastId) = (default, utf8.Length <= MaxLength ? utf8.Length : -1, id);
        return id;
    }

    /// <summary>The id of the value's text, adding it when new.</summary>
    private int Add(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8[..Math.Min(utf8.Length, MaxLength)], chars);
        return GetOrAdd(chars[..length]);
    }

    public int GetOrAdd(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var id))
            return id;
        var value = text.ToString();
        id = _values.Count;
        _ids.Add(value, id);
        _values.Add(value);
        return id;
    }

    /// <summary>
    /// Where a key sits in the direct-mapped cache: both halves folded by one multiplication (Fibonacci hashing), the
    /// top bits taken: a dictionary's hash of the pair mixes like HashCode.Combine, several times the work, on every row
    /// whose value differs from the row before (a lesson-hour export's status and date change every few rows).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(Key key) => (int)(((key.Low ^ key.High) * 0x9E3779B97F4A7C15UL) >> (64 - RecentBits));

    private const int RecentBits = 10;

    /// <summary>
    /// Up to 15 bytes and their length in one 128-bit value, the bytes in memory order (little-endian): equal keys mean
    /// equal bytes. Made from two loads that overlap, not a copy: this runs for every field an interner sees.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Key Pack(ReadOnlySpan<byte> utf8)
    {
        ref var first = ref MemoryMarshal.GetReference(utf8);
        var n = utf8.Length;
        ulong low, high = 0;
        if (n >= 8)
        {
            low = Unsafe.ReadUnaligned<ulong>(ref first);
            // Bytes 8 and on are the top n - 8 bytes of the last eight.
            if (n > 8)
                high = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, n - 8)) >> ((16 - n) * 8);
        }
        else if (n >= 4)
        {
            low = Unsafe.ReadUnaligned<uint>(ref first) | ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, n - 4)) << ((n - 4) * 8));
        }
        else
        {
            // One to three bytes: the first, the middle and the last are all of them.
            low = first | ((ulong)Unsafe.Add(ref first, n >> 1) << ((n >> 1) * 8)) | ((ulong)Unsafe.Add(ref first, n - 1) << ((n - 1) * 8));
        }
        return new Key(low, high | ((ulong)n << 56));
    }

    /// <summary>
    /// A packed value: 16 bytes as two integers, not a UInt128, which ahead-of-time compilation leaves out (its layout
    /// differs between platforms): a reader's row loop that used one was compiled at start-up, slowly, on every run.
    /// </summary>
    private readonly record struct Key(ulong Low, ulong High);
}
