using CsvHelper;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Streams rejected rows to <c>rejects.csv</c> (file, line, column, value, reason) as they are found, so that
/// memory does not grow with bad rows. The file appears under its name only when <see cref="Complete"/> runs.
/// Values of columns a profile marks personal are never written; the tool never parses those columns anyway.
/// </summary>
internal sealed class RejectSink : IDisposable
{
    private const int MaxValueLength = 100;

    private readonly string? _path;
    private readonly string? _temp;
    private readonly FileStream? _stream;
    private readonly CsvWriter? _writer;
    private readonly Language _language;

    /// <summary>A sink that writes to <paramref name="path"/>, or counts only when it is null.</summary>
    public RejectSink(string? path, Language language)
    {
        _language = language;
        if (path is null)
            return;
        _path = path;
        _temp = AtomicFile.TempPathFor(path);
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        _writer = ExcelCsv.Create(_stream);
        _writer.WriteRecord(Texts.RejectsHeader(language));
    }

    public long Count { get; private set; }

    public void Write(string file, long line, string column, string value, RejectReason reason)
    {
        Count++;
        if (_writer is null)
            return;
        if (value.Length > MaxValueLength)
            value = value[..MaxValueLength] + "…";
        _writer.WriteField(Path.GetFileName(file));
        _writer.WriteField(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _writer.WriteField(column);
        _writer.WriteField(value);
        _writer.WriteField(reason.Code());
        _writer.WriteField(reason.Describe().In(_language));
        _writer.EndRecord();
    }

    /// <summary>Flushes and gives the file its name.</summary>
    public void Complete()
    {
        if (_writer is null)
            return;
        _writer.Flush();
        _writer.Dispose();
        _stream!.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(_temp!, _path!, overwrite: true);
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _stream?.Dispose();
        if (_temp is not null && File.Exists(_temp))
            File.Delete(_temp);
    }
}
