namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The line number of a record from its byte offset, for rejected rows only: counts line feeds in the file up to
/// the offset, reading forward in 64 KB blocks from where the last question left off, so all questions together
/// read the file at most once, however many rows are rejected. Rows without faults never pay for line numbers.
/// UTF-8 input only (offsets are file offsets).
/// </summary>
internal sealed class LineCounter(string path) : IDisposable
{
    private FileStream? _stream;
    private readonly byte[] _block = new byte[1 << 16];
    private long _blockStart; // file offset of _block[0]
    private int _blockLength;
    private int _counted; // bytes of the block whose line feeds are in _line
    private long _line = 1;

    /// <summary>The 1-based line on which the byte at <paramref name="byteOffset"/> lies.</summary>
    public long LineAt(long byteOffset)
    {
        _stream ??= new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        if (byteOffset < _blockStart + _counted)
            Restart(); // offsets only grow while reading; a question about an earlier byte starts over
        while (_blockStart + _counted < byteOffset)
        {
            if (_counted == _blockLength)
            {
                _blockStart += _blockLength;
                _blockLength = _stream.Read(_block, 0, _block.Length);
                _counted = 0;
                if (_blockLength == 0)
                    break;
            }
            var take = (int)Math.Min(_blockLength - _counted, byteOffset - _blockStart - _counted);
            _line += _block.AsSpan(_counted, take).Count((byte)'\n');
            _counted += take;
        }
        return _line;
    }

    private void Restart()
    {
        _stream!.Position = 0;
        _blockStart = 0;
        _blockLength = 0;
        _counted = 0;
        _line = 1;
    }

    public void Dispose() => _stream?.Dispose();
}
