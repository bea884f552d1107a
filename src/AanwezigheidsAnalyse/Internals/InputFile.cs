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
        // A FIFO without a writer would block the open below for ever: on Linux, look without waiting first.
        if (OperatingSystem.IsLinux() && IsPipe(path))
            throw new UserError(Texts.NotARegularFile(setting, path), setting);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        if (!stream.CanSeek)
            throw new UserError(Texts.NotARegularFile(setting, path), setting);
    }

    /// <summary>The size of the file itself, also when the path is a link to it.</summary>
    public static long Length(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        return stream.Length;
    }

    /// <summary>Opens without blocking (O_NONBLOCK) and asks for the position: a pipe has none (ESPIPE).</summary>
    private static bool IsPipe(string path)
    {
        try
        {
            var fd = Open(path, 0x800 /* O_RDONLY | O_NONBLOCK */);
            if (fd < 0)
                return false; // the open below says why
            var position = Seek(fd, 0, 1 /* SEEK_CUR */);
            Close(fd);
            return position < 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, int flags);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "lseek", SetLastError = true)]
    private static extern long Seek(int fd, long offset, int whence);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
