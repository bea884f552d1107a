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
    /// <summary>
    /// A new folder <paramref name="prefix"/>PID-HOST-… in <paramref name="parent"/> (the system's temporary folder by
    /// default). The host is in the name because a folder beside a query's answer may be on a share: another machine's
    /// process ids say nothing here.
    /// </summary>
    public static DirectoryInfo Create(string prefix, string? parent = null)
    {
        parent ??= Path.GetTempPath();
        RemoveLeftovers(prefix, parent);
        var path = Path.Combine(parent, NameFor(prefix, Environment.ProcessId) + Guid.NewGuid().ToString("N"));
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
        var host = "-" + Host + "-";
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder.AsSpan())[prefix.Length..];
            if (name.IndexOf(host, StringComparison.Ordinal) is not (var at and > 0) || !int.TryParse(name[..at], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Running(pid))
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

    /// <summary>The start of the name of a folder of process <paramref name="pid"/> on this machine.</summary>
    internal static string NameFor(string prefix, int pid) => $"{prefix}{pid}-{Host}-";

    /// <summary>This machine, as 8 hex digits of a hash of its name (a name may hold dashes).</summary>
    private static readonly string Host = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Environment.MachineName)))[..8];

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
