using System.Diagnostics;
using System.Globalization;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// A temporary folder of the user's own (mode 700 on Unix) for what a command holds while it runs: a collect's unpacked
/// zips, a prepared run's rejected rows, a query's answer before it is moved into place. Its name carries the process
/// id, so that the next command removes what a process killed with -9 left behind (pseudonymised pupil rows that
/// nothing else would ever remove).
/// </summary>
internal static class PrivateTemp
{
    /// <summary>A new folder <paramref name="prefix"/>PID-… in <paramref name="parent"/> (the system's temporary folder by default).</summary>
    public static DirectoryInfo Create(string prefix, string? parent = null)
    {
        parent ??= Path.GetTempPath();
        RemoveLeftovers(prefix, parent);
        var path = Path.Combine(parent, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Folders of <paramref name="prefix"/> in <paramref name="parent"/> whose process has ended.</summary>
    private static void RemoveLeftovers(string prefix, string parent)
    {
        IEnumerable<string> folders;
        try
        {
            folders = [.. Directory.EnumerateDirectories(parent, prefix + "*")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // a folder to be made yet, or not ours to read: creating says what is wrong
        }
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder.AsSpan())[prefix.Length..];
            if (name.IndexOf('-') is not (var dash and > 0) || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Running(pid))
                continue;
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one being removed by another run: not ours to insist on.
            }
        }
    }

    /// <summary>A process of that id exists (a reused id keeps a leftover one run longer: harmless).</summary>
    private static bool Running(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
