using System.Diagnostics;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Cli;

/// <summary>
/// Progress on stderr (README, "Command line"): at most once a second, with rows/s and MB/s, so that a long run shows it is
/// alive; on a terminal the line is redrawn in place.
/// </summary>
internal sealed class ConsoleProgress(Language language) : IProgress<IngestProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private TimeSpan _last = TimeSpan.Zero;
    private bool _drawn;

    public void Report(IngestProgress value)
    {
        var now = _clock.Elapsed;
        var done = value.Bytes >= value.TotalBytes;
        if (!done && now - _last < TimeSpan.FromSeconds(1))
            return;
        if (done && !_drawn && now < TimeSpan.FromSeconds(2))
            return; // a short file needs no progress line
        _last = now;
        var seconds = Math.Max(now.TotalSeconds, 0.001);
        var percent = value.TotalBytes > 0 ? 100.0 * value.Bytes / value.TotalBytes : 100;
        var line = Texts.Cli.Progress(language, Path.GetFileName(value.File), percent, value.Rows, value.Rows / seconds, value.Bytes / seconds / 1e6);
        if (_terminal)
            Console.Error.Write($"\r{line}   ");
        else
            Console.Error.WriteLine(line);
        _drawn = true;
        if (done && _terminal)
            Console.Error.WriteLine();
    }

    public void Step(string message)
    {
        if (_drawn && _terminal)
            Console.Error.WriteLine();
        _drawn = false;
        Console.Error.WriteLine(message);
    }
}
