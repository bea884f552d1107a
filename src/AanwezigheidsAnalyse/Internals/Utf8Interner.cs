using System.Text;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// Gives every distinct UTF-8 value (a pupil number, a code, a class) a dense id, without allocating for values
/// seen before. Exports repeat the same value row after row, so the last value is checked first with one
/// byte comparison; otherwise the bytes are widened on the stack and looked up in a string dictionary
/// through its span lookup.
/// </summary>
internal sealed class Utf8Interner
{
    /// <summary>Longer values are not identifiers; callers reject them before they get here.</summary>
    public const int MaxLength = 128;

    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _values = [];
    private readonly byte[] _last = new byte[MaxLength];
    private int _lastLength = -1;
    private int _lastId;

    public Utf8Interner(StringComparer? comparer = null)
    {
        _ids = new Dictionary<string, int>(comparer ?? StringComparer.Ordinal);
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _values.Count;

    public string this[int id] => _values[id];

    public IReadOnlyList<string> Values => _values;

    public int GetOrAdd(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == _lastLength && utf8.SequenceEqual(_last.AsSpan(0, _lastLength)))
            return _lastId;
        Span<char> chars = stackalloc char[MaxLength];
        var length = Encoding.UTF8.GetChars(utf8[..Math.Min(utf8.Length, MaxLength)], chars);
        var id = GetOrAdd(chars[..length]);
        utf8[..Math.Min(utf8.Length, MaxLength)].CopyTo(_last);
        _lastLength = utf8.Length <= MaxLength ? utf8.Length : -1;
        _lastId = id;
        return id;
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

    public int Find(ReadOnlySpan<char> text) => _lookup.TryGetValue(text, out var id) ? id : -1;
}
