using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>The one check on every file a run reads, before it is read: there, not a folder, and a regular file.</summary>
internal static class InputFile
{
    /// <summary>
    /// Refuses a missing file, a folder, and a pipe or device: those can be read only once (process substitution,
    /// a FIFO), while an export is read more than once (encoding, hash, rows), so a second read would wait forever.
    /// </summary>
    public static void Check(string path, Setting setting)
    {
        if (Directory.Exists(path))
            throw new UserError(Texts.IsAFolder(setting, path), setting);
        if (!File.Exists(path))
            throw new UserError(Texts.FileMissing(setting, path), setting);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        if (!stream.CanSeek)
            throw new UserError(Texts.NotARegularFile(setting, path), setting);
    }
}
