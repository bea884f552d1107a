using System.Text.RegularExpressions;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// Writes files the way the README's Output section promises: to a temporary file beside the target, then renamed over it, so an
/// interrupted run never leaves a half-written file that looks complete.
/// </summary>
internal static partial class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var temp = TempPathFor(path);
        try
        {
            // Parquet.Net writes many small pieces asynchronously: a large buffer keeps them from each becoming an
            // operating-system write scheduled on the thread pool. Writers may close the stream, so the data is
            // made durable through a second handle.
            await using (var stream = new BufferedStream(new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1), 1 << 20))
            {
                await write(stream);
                if (stream.CanWrite)
                    await stream.FlushAsync();
            }
            using (var durable = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1))
                durable.Flush(flushToDisk: true);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            stream.Write(bytes);
        });

    /// <summary>A temporary name in the same directory, so that the rename stays on one file system.</summary>
    public static string TempPathFor(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        // Said as the user's mistake it is, not as the system's "could not find a part of the path" of the temporary name.
        if (!Directory.Exists(folder))
            throw new Localization.UserError(Localization.Texts.NoFolderFor(path, folder), Localization.Setting.Output);
        return Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>
    /// The file name a temporary file of <see cref="TempPathFor"/> was to become (<c>.weekly.parquet.{32 hex}.tmp</c>:
    /// <c>weekly.parquet</c>), which a killed process leaves behind; null for any other name (a user's <c>.notes.tmp</c>).
    /// </summary>
    public static string? TargetOfTemp(string fileName) => TemporaryName().Match(fileName) is { Success: true } temporary ? temporary.Groups[1].Value : null;

    [GeneratedRegex(@"^\.(.+)\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
