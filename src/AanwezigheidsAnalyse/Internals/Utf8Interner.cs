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
    private readonly Dictionary<UInt128, int> _short = [];
    // Direct-mapped, in front of _short; made on the first short lookup, as a run has an interner per school (32 KB each).
    private (UInt128 Key, int Id)[]? _recent;
    private readonly bool _ordinal;
    private readonly List<string> _values = [];
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
        if (utf8.Length == _lastLength && utf8.SequenceEqual(_last.AsSpan(0, _lastLength)))
            return _lastId;
        return Lookup(utf8);
    }

    private int Lookup(ReadOnlySpan<byte> utf8)
    {
        int id;
        if (_ordinal && utf8.Length is > 0 and <= 15)
        {
            // Keys are never zero (the length byte of a non-empty value is set), so an empty slot never matches.
            var key = Pack(utf8);
            _recent ??= new (UInt128, int)[1024];
            ref var recent = ref _recent[(int)((ulong)((key.GetHashCode() * 0x9E3779B1u) >> 22)) & (_recent.Length - 1)];
            if (recent.Key == key)
            {
                id = recent.Id;
            }
            else
            {
                if (!_short.TryGetValue(key, out id))
                {
                    id = Add(utf8);
                    _short[key] = id;
                }
                recent = (key, id);
            }
        }
        else
        {
            id = Add(utf8);
        }
        var length = Math.Min(utf8.Length, MaxLength);
        utf8[..length].CopyTo(_last);
        _lastLength = utf8.Length <= MaxLength ? utf8.Length : -1;
        _lastId = id;
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

    /// <summary>Up to 15 bytes and their length in one 128-bit value: equal keys mean equal bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static UInt128 Pack(ReadOnlySpan<byte> utf8)
    {
        var key = default(UInt128);
        var bytes = MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref key, 1));
        utf8.CopyTo(bytes);
        bytes[15] = (byte)utf8.Length;
        return key;
    }
}
