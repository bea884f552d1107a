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
    private readonly List<PendingFault>? _held;

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

    private RejectSink(List<PendingFault> held, Language language)
    {
        _language = language;
        _held = held;
    }

    /// <summary>
    /// A sink that holds the rejects of one part of a file read on another core (<see cref="CsvParts"/>), with byte
    /// offsets for lines, until <see cref="MoveTo"/> writes them after the parts before it.
    /// </summary>
    public static RejectSink Holding(Language language) => new([], language);

    public long Count { get; private set; }

    public void Write(string file, long line, string column, string value, RejectReason reason)
    {
        Count++;
        _held?.Add(new PendingFault(line, column, value, reason));
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

    /// <summary>Writes the held rejects into <paramref name="target"/>, each byte offset turned into its line.</summary>
    public void MoveTo(RejectSink target, string file, Func<long, long> lineAt)
    {
        foreach (var held in _held ?? [])
            target.Write(file, lineAt(held.Line), held.Column, held.Value, held.Reason);
        _held?.Clear();
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
