namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The line number of a record from its byte offset, for rejected rows only: counts line feeds in the file up to
/// the offset, reading forward from where the last question left off, so all questions together read the file
/// at most once. Rows without faults never pay for line numbers. UTF-8 input only (offsets are file offsets).
/// </summary>
internal sealed class LineCounter(string path) : IDisposable
{
    private FileStream? _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private long _offset;
    private long _line = 1;

    /// <summary>The 1-based line on which the byte at <paramref name="byteOffset"/> lies.</summary>
    public long LineAt(long byteOffset)
    {
        if (byteOffset < _offset)
            Restart();
        _stream ??= new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        _stream.Position = _offset;
        while (_offset < byteOffset)
        {
            var want = (int)Math.Min(_buffer.Length, byteOffset - _offset);
            var read = _stream.Read(_buffer, 0, want);
            if (read == 0)
                break;
            _line += _buffer.AsSpan(0, read).Count((byte)'\n');
            _offset += read;
        }
        return _line;
    }

    private void Restart()
    {
        _offset = 0;
        _line = 1;
    }

    public void Dispose() => _stream?.Dispose();
}
