using System.Runtime.InteropServices;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// The folder a run writes (<c>--out</c>) as one unit (README, "Output"): every output goes into a staging folder
/// beside it, and only a run that finished swaps the staging folder in, whole, for the old one. A run that fails or
/// is killed leaves the folder as it was; there are never files of two runs side by side, and nothing of last week
/// (a timeline named by raw pupil number, a report a <c>--no-charts</c> run would not rewrite) survives.
/// <para>
/// A lock file beside the folder keeps a second run out while one writes. Because the whole folder is replaced, it
/// must hold nothing but outputs of this tool, and no input of the run may lie in it: both are refused up front.
/// </para>
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    private const string StagingMark = ".aanwezigheid-nieuw-";
    private const string OldMark = ".aanwezigheid-oud-";

    /// <summary>What a run of this tool leaves at the top of its folder.</summary>
    private static readonly string[] OwnFiles = ["pupils.parquet", "signals.parquet", "weekly.parquet", "rejects.csv", "run.json", "report.html", "actielijsten.csv", "leerlingen-trede-2-3.csv",
        "backtest.parquet", "lead_times.parquet", "backtest.json", "backtest.html", "model.zip", "metrics.json", "model.md",
        "patterns.parquet", "clusters.parquet", "patterns_by_school.parquet", "patterns.json", "patterns.md"];

    /// <summary>The files that mark each command's output folder (any one of them: a folder may have lost another).</summary>
    private static readonly (string File, string Command)[] Signatures =
    [
        ("run.json", "analyze"), ("pupils.parquet", "analyze"), ("report.html", "analyze"),
        ("backtest.json", "backtest"), ("backtest.parquet", "backtest"), ("lead_times.parquet", "backtest"),
        ("metrics.json", "train"), ("model.zip", "train"), ("model.md", "train"),
        ("patterns.json", "patterns"), ("patterns.parquet", "patterns"), ("clusters.parquet", "patterns"),
    ];

    /// <summary>Files an operating system puts in any folder it shows; they go with the folder.</summary>
    private static readonly string[] SystemFiles = [".DS_Store", "Thumbs.db", "desktop.ini"];

    private readonly FileStream _lock;
    private readonly string _lockPath;
    private bool _committed;

    private OutputFolder(string target, string staging, FileStream lockFile, string lockPath)
    {
        Target = target;
        Staging = staging;
        _lock = lockFile;
        _lockPath = lockPath;
    }

    /// <summary>The folder the user named, as a full path.</summary>
    public string Target { get; }

    /// <summary>Where this run writes; it becomes <see cref="Target"/> at <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>
    /// Takes the folder for one run: checks the name, that no <paramref name="inputs"/> lie in it and that it holds
    /// only outputs, locks it, finishes or clears what a killed run left, and makes an empty staging folder.
    /// </summary>
    /// <param name="path">The folder the user named.</param>
    /// <param name="inputs">Every file the run reads.</param>
    /// <param name="ownFiles">
    /// The only files a folder of this command may hold (no subfolders), when it is not a run's folder of analyze,
    /// backtest, patterns or train: each command replaces what it writes itself, never a file of another's name.
    /// </param>
    /// <param name="about">What the user gave the folder with, for the errors: <c>--out</c>, or a command's own place.</param>
    /// <param name="command">The command writing (analyze, backtest, train, patterns): a folder of another one's outputs is not replaced.</param>
    public static OutputFolder Open(string path, IEnumerable<string> inputs, IReadOnlyCollection<string>? ownFiles = null, Setting about = Setting.Output, string? command = null)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UserError(Texts.OutputNameEmpty, about);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        // A link to a folder: the folder it points at is the one replaced, and the link stays.
        if (Directory.Exists(target) && new DirectoryInfo(target) is { LinkTarget: not null } link
            && link.ResolveLinkTarget(returnFinalTarget: true) is { } linked)
            target = Path.TrimEndingDirectorySeparator(linked.FullName);
        var parent = Path.GetDirectoryName(target);
        // The working folder would be swapped away under the user's shell (and the root cannot be swapped at all).
        var here = Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory);
        if (parent is null || IsInside(here, target))
            throw new UserError(Texts.OutputIsRoot(target), about);
        // Inside another run's folder, this run's outputs would be deleted by that folder's next run.
        for (var above = parent; above is not null; above = Path.GetDirectoryName(above))
        {
            if (File.Exists(Path.Combine(above, "run.json")) && File.Exists(Path.Combine(above, "pupils.parquet")))
                throw new UserError(Texts.OutputInsideOutput(target, above), about);
        }
        RefuseFile(target, target, about);
        // Another command's outputs are someone's work too: a trained model given as analyze's --out (forgetting
        // --model) was replaced by a weekly run.
        if (command is not null && Directory.Exists(target)
            && Signatures.FirstOrDefault(s => s.Command != command && File.Exists(Path.Combine(target, s.File))) is { File: not null } other)
            throw new UserError(Texts.OutputOfAnotherCommand(target, other.Command, command), about);
        // A file where a folder above it would be made: said as such, not as the system's "already exists".
        for (var above = parent; above is not null; above = Path.GetDirectoryName(above))
        {
            if (File.Exists(above))
                throw new UserError(Texts.OutputIsFile(above), about);
        }
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            // A link is checked where it points too: the file it reaches would go with the old folder.
            var reached = (File.Exists(full) ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName : null) ?? full;
            if (IsInside(full, target) || IsInside(reached, target))
                throw new UserError(Texts.InputInsideOutput(full, target), about);
        }
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var lockPath = Path.Combine(parent, $".{name}.aanwezigheid-lock");
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive lock: flock on Unix, a share mode on Windows. The lock goes with the
            // process, so a killed run never leaves the folder locked.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new UserError(Texts.OutputBusy(target), about);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No lock file to be had at all: a name too long, a folder that cannot be written, not a run that is busy.
            throw new UserError(Texts.OutputNotWritable(target), about);
        }
        try
        {
            Recover(parent, name, target, ownFiles);
            CheckReplaceable(target, about);
            CheckOnlyOutputs(target, ownFiles, about);
            var staging = Path.Combine(parent, $".{name}{StagingMark}{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            return new OutputFolder(target, staging, lockFile, lockPath);
        }
        catch
        {
            DeleteLock(lockPath);
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The old folder can be removed once replaced: it and every folder in it can be written. A folder made read-only
    /// (last week's, kept as it was sent) was swapped out all the same, and left under a hidden name with its pupils'
    /// charts, while the run said it was done (an adversarial pass; a review found one two levels down). Tried by
    /// making a file, as the system decides; one a killed run left goes first.
    /// </summary>
    private static void CheckReplaceable(string target, Setting about)
    {
        if (!Directory.Exists(target))
            return;
        foreach (var folder in Directory.EnumerateDirectories(target, "*", SearchOption.AllDirectories).Prepend(target))
        {
            try
            {
                foreach (var left in Directory.EnumerateFiles(folder, ProbeName + "*"))
                    File.Delete(left);
                new FileStream(Path.Combine(folder, $"{ProbeName}{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserError(Texts.OutputNotWritable(target), about);
            }
        }
    }

    private const string ProbeName = ".aanwezigheid-schrijfproef-";

    /// <summary>The path of an output inside the staging folder.</summary>
    public string PathOf(string relative) => Path.Combine(Staging, relative);

    /// <summary>
    /// Puts the staging folder in place of the target, whole. On Linux one atomic exchange; elsewhere two renames,
    /// which a run killed between them leaves to <see cref="Recover"/> of the next run.
    /// </summary>
    public void Commit()
    {
        MakeDurable(Staging);
        var parent = Path.GetDirectoryName(Target)!;
        var name = Path.GetFileName(Target);
        if (!Directory.Exists(Target))
        {
            Directory.Move(Staging, Target);
        }
        else if (!Exchange(Staging, Target))
        {
            var old = Path.Combine(parent, $".{name}{OldMark}{Guid.NewGuid():N}");
            Directory.Move(Target, old);
            Directory.Move(Staging, Target);
            TryDelete(old);
        }
        _committed = true;
        // After an exchange the staging path holds last week's folder.
        TryDelete(Staging);
    }

    public void Dispose()
    {
        if (!_committed)
            TryDelete(Staging);
        DeleteLock(_lockPath);
        _lock.Dispose();
    }

    /// <summary>Deleted while still held: a run that opens the name now makes a new file and locks that.</summary>
    private static void DeleteLock(string lockPath)
    {
        try
        {
            File.Delete(lockPath);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// What killed runs left in this folder's parent: a folder moved aside by an unfinished swap comes back when its
    /// target is missing; staging folders of runs that are not running (their lock is free) are dropped, whatever
    /// folder they were for, so a folder-per-week routine does not collect them. Only folders that hold nothing
    /// but outputs are ever deleted: a folder the user happened to name alike is left alone.
    /// </summary>
    private static void Recover(string parent, string name, string target, IReadOnlyCollection<string>? ownFiles)
    {
        foreach (var old in Directory.EnumerateDirectories(parent, $".{name}{OldMark}*"))
        {
            if (!Directory.Exists(target))
                Directory.Move(old, target);
            else if (Foreign(old, ownFiles).Count == 0)
                TryDelete(old);
        }
        foreach (var staging in Directory.EnumerateDirectories(parent, $".*{StagingMark}*"))
        {
            var owner = Path.GetFileName(staging)[1..];
            owner = owner[..owner.IndexOf(StagingMark, StringComparison.Ordinal)];
            if (Foreign(staging, ownFiles).Count > 0)
                continue;
            if (owner == name)
            {
                TryDelete(staging); // ours: we hold the lock
                continue;
            }
            var otherLock = Path.Combine(parent, $".{owner}.aanwezigheid-lock");
            try
            {
                using var free = new FileStream(otherLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
                TryDelete(staging);
                DeleteLock(otherLock);
            }
            catch (IOException)
            {
                // That run is writing now.
            }
        }
    }

    /// <summary>The whole folder is replaced, so it may hold only what a run of this tool writes there.</summary>
    private static void CheckOnlyOutputs(string target, IReadOnlyCollection<string>? ownFiles, Setting about)
    {
        if (!Directory.Exists(target))
            return;
        var foreign = Foreign(target, ownFiles);
        if (foreign.Count == 0)
            return;
        // An office program's lock file: a file of the folder is open, and the user should close it first.
        if (foreign.FirstOrDefault(f => Path.GetFileName(f) is var n && (n.StartsWith("~$", StringComparison.Ordinal) || n.StartsWith(".~lock.", StringComparison.Ordinal))) is { } open)
            throw new UserError(Texts.OutputFileOpen(target, open), about);
        throw new UserError(Texts.OutputHoldsOtherFiles(target, foreign.Count, string.Join(", ", foreign.Take(3))), about);
    }

    /// <summary>
    /// What in <paramref name="folder"/> is not the command's own: by <see cref="Foreign(string)"/>, or the top-level
    /// <paramref name="ownFiles"/> only, with the temporary files they are written through (<see cref="AtomicFile"/>:
    /// <c>.weekly.parquet.{32 hex}.tmp</c>), which a killed run leaves. A user's own <c>.notes.tmp</c> is not one.
    /// </summary>
    private static List<string> Foreign(string folder, IReadOnlyCollection<string>? ownFiles) => ownFiles is null ? Foreign(folder)
        : [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>()
            .Where(name => !(File.Exists(Path.Combine(folder, name)) && (ownFiles.Contains(name) || SystemFiles.Contains(name)
                || (AtomicFile.TargetOfTemp(name) is { } target && ownFiles.Contains(target)))))];

    /// <summary>
    /// What in <paramref name="folder"/> a run of this tool did not write, as paths relative to it: the top-level
    /// outputs, charts/*.png|svg, charts/tijdlijnen/*.png and datasets/{pupils,signals,weekly}/school_id=…/as_of=…/part-0.parquet
    /// are its own; files the operating system adds are ignored; anything else is someone else's.
    /// </summary>
    private static List<string> Foreign(string folder)
    {
        var foreign = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, entry).Replace('\\', '/');
            var parts = relative.Split('/');
            var isFile = File.Exists(entry);
            var own = parts switch
            {
                [_] when isFile => OwnFiles.Contains(parts[0]) || (parts[0].StartsWith("rejects-", StringComparison.Ordinal) && parts[0].EndsWith(".csv", StringComparison.Ordinal)) || (parts[0].StartsWith('.') && parts[0].EndsWith(".tmp", StringComparison.Ordinal)),
                ["charts" or "datasets"] => !isFile,
                ["charts", var chart] => isFile ? chart.EndsWith(".png", StringComparison.Ordinal) || chart.EndsWith(".svg", StringComparison.Ordinal) : chart == "tijdlijnen",
                ["charts", "tijdlijnen", var timeline] => isFile && timeline.EndsWith(".png", StringComparison.Ordinal),
                ["datasets", "pupils" or "signals" or "weekly"] => !isFile,
                ["datasets", "_manifest.json"] => isFile,
                ["datasets", _, var school] => !isFile && school.StartsWith("school_id=", StringComparison.Ordinal),
                ["datasets", _, _, var asOf] => !isFile && asOf.StartsWith("as_of=", StringComparison.Ordinal),
                ["datasets", _, _, _, "part-0.parquet"] => isFile,
                _ => false,
            };
            if (!own && !(isFile && SystemFiles.Contains(parts[^1])))
                foreign.Add(relative);
        }
        return foreign;
    }

    /// <summary>
    /// Refuses a folder to write into that is a file, or a link to nothing (a share not mounted, a folder moved away):
    /// its target would be made anew, or the link replaced by a folder.
    /// </summary>
    internal static void RefuseFile(string path, string shown, Setting about)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target && !LeadsSomewhere(info))
            throw new UserError(Texts.OutputIsDanglingLink(shown, target), about);
        if (File.Exists(path))
            throw new UserError(Texts.OutputIsFile(shown), about);

        static bool LeadsSomewhere(FileInfo link)
        {
            try
            {
                return link.ResolveLinkTarget(returnFinalTarget: true) is { } final && Path.Exists(final.FullName);
            }
            catch (IOException)
            {
                return false; // a loop of links
            }
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies in it (case-blind where the file system is).</summary>
    internal static bool IsInside(string path, string folder) => IsBelow(path, folder) || string.Equals(path, folder, PathComparison);

    /// <summary>
    /// The path with every link along it followed, as far as it exists (the rest as given): a link to a folder inside a
    /// dataset is inside the dataset, whatever its own name says.
    /// </summary>
    internal static string RealPath(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var root = Path.GetPathRoot(full) ?? "";
        var current = root;
        try
        {
            foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
            {
                current = Path.Combine(current, part);
                FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
                if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
                    current = RealPath(target.FullName);
            }
        }
        catch (IOException)
        {
            return full; // a loop of links: the path as given, which the write itself will then fail on
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> lies in <paramref name="folder"/>, not being it (case-blind where the file system is).</summary>
    internal static bool IsBelow(string path, string folder) => path.StartsWith(folder + Path.DirectorySeparatorChar, PathComparison);

    // Windows and macOS file systems ignore case by default: "C:\Uitvoer" and "c:\uitvoer" are one folder there.
    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run's Recover; the outputs themselves are in place.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Swaps two folders atomically (Linux renameat2 with RENAME_EXCHANGE); false where that is not available.</summary>
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            return RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // an old C library, or musl without renameat2: two renames
        }
    }

    /// <summary>
    /// Puts every file of the staging folder on disk before it is swapped in, so that a power cut never shows a
    /// complete-looking folder of empty files. On Linux one syncfs for the whole file system (thousands of
    /// partition files cost one call, not one fsync each); elsewhere an fsync per file.
    /// </summary>
    private static void MakeDurable(string folder)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var fd = Open(folder, 0 /* O_RDONLY */);
                if (fd >= 0)
                {
                    var synced = SyncFileSystem(fd) == 0;
                    Close(fd);
                    if (synced)
                        return;
                }
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
            }
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1);
            stream.Flush(flushToDisk: true);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static extern int SyncFileSystem(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
