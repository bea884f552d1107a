using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using NodaTime;
using NodaTime.Text;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>The options of <c>aanwezigheid collect</c>.</summary>
public sealed record CollectOptions
{
    /// <summary>What the schools handed over: an analyze output folder, its <c>datasets/</c> folder, or a zip of either.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The Taskforce's dataset, made when it does not exist.</summary>
    public required string Into { get; init; }

    /// <summary>Take runs made with another policy version than the dataset's.</summary>
    public bool AllowPolicyChange { get; init; }

    /// <summary>The language of messages.</summary>
    public Language Language { get; init; } = Language.Dutch;

    /// <summary>Called at each step of taking the runs in (<c>staged</c>, <c>committed</c>, <c>moved</c>): tests stop a collect there, as a kill would.</summary>
    internal Action<string>? Step { get; init; }
}

/// <summary>What <c>collect</c> did, per school and as-of date.</summary>
/// <param name="Added">Runs new to the dataset.</param>
/// <param name="Unchanged">Runs already in it, byte for byte (the same run collected twice is one).</param>
/// <param name="Replaced">Runs of a school and as-of date already in it, replaced by a re-run.</param>
/// <param name="Lines">What to print.</param>
public sealed record CollectResult(int Added, int Unchanged, int Replaced, IReadOnlyList<string> Lines)
{
    /// <summary>Runs not taken because the dataset holds a later run of the same school and week.</summary>
    public int Older { get; init; }
}

/// <summary>One run in the catalogue.</summary>
/// <param name="SchoolId">The school.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Sha256">SHA-256 over its three partition files, in order.</param>
/// <param name="Source">The folder or zip it came from (its name only).</param>
/// <param name="ToolVersion">The version of the tool that made it.</param>
/// <param name="CollectedAt">When it was taken (ISO 8601, UTC).</param>
/// <param name="Policy">The policy it was made with.</param>
/// <param name="PolicySha256">That policy's version.</param>
/// <param name="CreatedAt">When the school made the run (ISO 8601, UTC); null for runs of older versions.</param>
public sealed record CatalogueRun(string SchoolId, LocalDate AsOf, string Sha256, string Source, string ToolVersion, string CollectedAt, string Policy, string PolicySha256, string? CreatedAt = null);

/// <summary>
/// <c>catalogue.json</c> of a Taskforce dataset: the one key and policy version of all its runs, and every run taken.
/// </summary>
/// <param name="KeyFingerprint">The fingerprint of the region's pseudonymisation key.</param>
/// <param name="Policy">The policy's name.</param>
/// <param name="PolicySha256">The policy version (SHA-256 of its file).</param>
/// <param name="Runs">Every run, by school and as-of date.</param>
public sealed record Catalogue(string KeyFingerprint, string Policy, string PolicySha256, List<CatalogueRun> Runs);

/// <summary>
/// Adds the partitioned, pseudonymised runs of schools to one Hive-partitioned dataset (README, "The Taskforce"):
/// <c>{pupils,signals,weekly}/school_id=…/as_of=…/part-0.parquet</c> plus <c>catalogue.json</c>. Idempotent: a run
/// already there byte for byte is left; a re-run of a school's week replaces it. Refuses a run that is not
/// pseudonymised, was made with another key, or (unless asked) with another policy version, naming the input.
/// </summary>
public static class Collection
{
    /// <summary>The catalogue's file name in the dataset.</summary>
    public const string CatalogueName = "catalogue.json";

    private static readonly string[] Datasets = ["pupils", "signals", "weekly"];

    /// <summary>Takes the runs of <paramref name="options"/> into the dataset; <paramref name="clock"/> stamps the catalogue.</summary>
    public static CollectResult Run(CollectOptions options, IClock? clock = null)
    {
        var now = (clock ?? SystemClock.Instance).GetCurrentInstant();
        if (options.Inputs.Count == 0)
            throw new UserError(Texts.NoInputs, Setting.Inputs);
        // A run's folder name goes into the catalogue (its source): "123456782" or "leerling-123456782.zip" took a BSN
        // into the Taskforce's dataset (an adversarial pass).
        foreach (var input in options.Inputs)
            Ingestion.Disclosure.RefusePathWithBsn(input, Setting.Inputs);
        Ingestion.Disclosure.RefusePathWithBsn(options.Into, Setting.Dataset);
        var existed = Directory.Exists(options.Into);
        var into = CheckInto(options);
        try
        {
            return Take(options, into, now);
        }
        catch
        {
            // A refused first collect leaves no empty dataset folder behind.
            if (!existed && Directory.Exists(into) && !Directory.EnumerateFileSystemEntries(into).Any())
                Directory.Delete(into);
            throw;
        }
    }

    private static CollectResult Take(CollectOptions options, string into, Instant now)
    {
        var l = options.Language;
        using var lockFile = Lock(into, Setting.Dataset);
        Complete(into);
        // The half-copied files of versions before 2026-12, which copied each file beside its place, and the
        // catalogue of a collect killed while it was being written (AtomicFile's temporary file beside it).
        foreach (var leftover in Directory.EnumerateFiles(into, "*.nieuw", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(into).Where(IsKilledCatalogue)))
            File.Delete(leftover);
        var staging = Path.Combine(into, StagingName);
        var cataloguePath = Path.Combine(into, CatalogueName);
        var temp = PrivateTemp.Create("aanwezigheid-collect-");
        try
        {
            // 1. Every input checked, down to its files, before anything is taken: one refused input leaves the dataset as it was.
            var catalogue = File.Exists(cataloguePath) ? ReadCatalogue(cataloguePath) : null;
            var planned = new List<(string Input, DatasetManifest Manifest, string School, string Partition, List<string> Files, string Hash)>();
            DatasetManifest? first = null;
            var notInManifest = new List<(string Input, int Partitions)>();
            foreach (var input in options.Inputs)
            {
                var datasets = DatasetsFolder(input, temp.FullName);
                var manifest = ReadManifest(input, datasets);
                if (Unnamed(datasets, manifest) is { Count: > 0 } unnamed)
                    notInManifest.Add((input, unnamed.Count)); // counted, not named: a folder's name is not ours to repeat
                if (!manifest.Pseudonymised || manifest.KeyFingerprint is null)
                    throw new UserError(Texts.Taskforce.NotPseudonymised(input), Setting.Inputs);
                if (manifest.Schools.Count == 0 || manifest.Schools.Any(school => !Ingestion.Disclosure.LooksLikeSchoolId(System.Text.Encoding.UTF8.GetBytes(school)) || school is "." or ".."))
                    throw new UserError(Texts.Taskforce.NotARun(input), Setting.Inputs);
                first ??= manifest;
                var expected = catalogue?.KeyFingerprint ?? first.KeyFingerprint;
                if (manifest.KeyFingerprint != expected)
                    throw new UserError(Texts.Taskforce.OtherKey(input, manifest.KeyFingerprint, expected!), Setting.Inputs);
                if (manifest.PolicySha256 != (catalogue?.PolicySha256 ?? first.PolicySha256) && !options.AllowPolicyChange)
                    throw new UserError(Texts.Taskforce.OtherPolicy(input, manifest.Policy), Setting.Inputs);
                for (var s = 0; s < manifest.Schools.Count; s++)
                {
                    var school = manifest.Schools[s];
                    // A school without a code (an export without a school column, analysed without --school-id) is every
                    // such school: the second one's week replaced the first one's, said as "delivered again" (a
                    // regression pass). Nothing without a code is taken.
                    if (school.Length == 0)
                        throw new UserError(Texts.Taskforce.SchoolWithoutCode(input, s + 1, manifest.Schools.Count), Setting.Inputs);
                    var partition = Path.Combine($"school_id={Output.Datasets.PathValue(school)}", $"as_of={manifest.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
                    var files = Datasets.Select(d => Path.Combine(datasets, d, partition, "part-0.parquet")).ToList();
                    foreach (var file in files)
                        CheckFile(input, datasets, file, (s + 1, manifest.Schools.Count));
                    planned.Add((input, manifest, school, partition, files, Hash(files)));
                }
            }

            // 2. Taken as one unit: every file of the runs taken and the new catalogue are staged in one folder, which
            // is renamed to commit them and then moved into place (Complete). What is on disk decides "already there",
            // not the catalogue.
            if (catalogue is null)
            {
                // A new dataset gets its catalogue (of no runs yet) before its first partition: a collect killed while
                // copying leaves a dataset that the next collect repairs, not a folder of files it must refuse.
                catalogue = new Catalogue(first!.KeyFingerprint!, first.Policy, first.PolicySha256, []);
                var empty = JsonSerializer.SerializeToUtf8Bytes(catalogue, Json.Indented);
                AtomicFile.Write(cataloguePath, stream => stream.Write(empty));
            }
            Directory.CreateDirectory(staging);
            int added = 0, unchanged = 0, replaced = 0, older = 0;
            var seen = new HashSet<(string, LocalDate)>(); // a school's week met again among the inputs is counted once
            foreach (var (input, manifest, school, partition, files, hash) in planned)
            {
                var again = !seen.Add((school, manifest.AsOf));
                var targets = Datasets.Select(d => Path.Combine(into, d, partition, "part-0.parquet")).ToList();
                var existing = catalogue.Runs.FindIndex(r => r.SchoolId == school && r.AsOf == manifest.AsOf);
                var entry = new CatalogueRun(school, manifest.AsOf, hash, Path.GetFileName(Path.TrimEndingDirectorySeparator(input)), manifest.Version,
                    InstantPattern.ExtendedIso.Format(now), manifest.Policy, manifest.PolicySha256, manifest.CreatedAt);
                // What is there: a file this collect staged already (a school's week twice among the inputs), else the dataset's.
                var there = targets.Select(t => Path.Combine(staging, Path.GetRelativePath(into, t)) is var copy && File.Exists(copy) ? copy : t).ToList();
                if (there.All(File.Exists) && Hash(there) == hash)
                {
                    unchanged += again ? 0 : 1;
                    if (existing < 0)
                        catalogue.Runs.Add(entry);
                    continue;
                }
                // A school's re-run of a week replaces it; an older copy of that week (a zip handed over before) does not.
                if (existing >= 0 && IsOlder(manifest.CreatedAt, catalogue.Runs[existing].CreatedAt))
                {
                    older++;
                    continue;
                }
                for (var d = 0; d < Datasets.Length; d++)
                {
                    var copy = Path.Combine(staging, Path.GetRelativePath(into, targets[d]));
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(files[d], copy, overwrite: true);
                }
                if (existing >= 0)
                {
                    catalogue.Runs[existing] = entry;
                    replaced += again ? 0 : 1;
                }
                else
                {
                    catalogue.Runs.Add(entry);
                    added++;
                }
            }
            catalogue.Runs.Sort((a, b) => string.CompareOrdinal(a.SchoolId, b.SchoolId) is var bySchool and not 0 ? bySchool : a.AsOf.CompareTo(b.AsOf));
            File.WriteAllBytes(Path.Combine(staging, CatalogueName), JsonSerializer.SerializeToUtf8Bytes(catalogue, Json.Indented));
            options.Step?.Invoke("staged");
            Directory.Move(staging, Path.Combine(into, CommittedName));
            options.Step?.Invoke("committed");
            Complete(into, options.Step);
            List<string> lines = [Texts.Taskforce.Collected(l, added, unchanged, replaced, catalogue.Runs.Count, into)];
            if (older > 0)
                lines.Add(Texts.Taskforce.OlderNotTaken(l, older));
            lines.AddRange(notInManifest.Select(x => Texts.Taskforce.NotInManifest(l, x.Input, x.Partitions)));
            return new CollectResult(added, unchanged, replaced, lines) { Older = older };
        }
        finally
        {
            temp.Delete(recursive: true);
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true); // stopped before its commit: the dataset is as it was
        }
    }

    /// <summary>
    /// The dataset folder, made: not the root, not the folder you work in, not an input or inside one, not
    /// a school's own run, and not a folder of other files.
    /// </summary>
    private static string CheckInto(CollectOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Into))
            throw new UserError(Texts.Taskforce.NotADatasetFolder(options.Into), Setting.Dataset);
        var into = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Into));
        OutputFolder.RefuseFile(into, options.Into, Setting.Dataset);
        if (into == Path.TrimEndingDirectorySeparator(Path.GetPathRoot(into) ?? "") || into == Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory))
            throw new UserError(Texts.OutputIsRoot(options.Into), Setting.Dataset);
        foreach (var input in options.Inputs.Select(i => Path.TrimEndingDirectorySeparator(Path.GetFullPath(i))))
        {
            if (OutputFolder.IsInside(into, input) || OutputFolder.IsBelow(input, into))
                throw new UserError(Texts.Taskforce.NotADatasetFolder(options.Into), Setting.Dataset);
        }
        // The lock file of a first collect killed before its catalogue was in place, and the catalogue it was writing,
        // do not make the folder someone else's.
        if (Directory.Exists(into) && !File.Exists(Path.Combine(into, CatalogueName))
            && Directory.EnumerateFileSystemEntries(into).Any(e => Path.GetFileName(e) != LockName && !IsKilledCatalogue(e)))
            throw new UserError(Texts.Taskforce.NotADatasetFolder(options.Into), Setting.Dataset);
        Directory.CreateDirectory(into);
        return into;
    }

    /// <summary>
    /// A file of a run: there, not a link (nothing outside the run is taken, whatever the link points at), a Parquet
    /// file of its dataset's columns, and for pupils and signals every pupil_key a pseudonym.
    /// </summary>
    private static void CheckFile(string input, string datasets, string file, (int Number, int Of) school)
    {
        var shown = Path.GetRelativePath(datasets, file);
        if (!File.Exists(file))
            throw new UserError(Texts.Taskforce.PartitionMissing(input, shown), Setting.Inputs);
        for (var path = file; path.Length > datasets.Length; path = Path.GetDirectoryName(path)!)
        {
            if (new FileInfo(path).LinkTarget is not null)
                throw new UserError(Texts.Taskforce.LinkInRun(input, Path.GetRelativePath(datasets, path)), Setting.Inputs);
        }
        var dataset = Path.GetRelativePath(datasets, file).Split(Path.DirectorySeparatorChar)[0];
        var column = dataset == "weekly" ? "week" : "pupil_key";
        if (HoldsOnlyPseudonyms(file, column, check: dataset != "weekly") is not { } read)
            throw new UserError(Texts.Taskforce.Unreadable(input, shown), Setting.Inputs);
        if (!read.Pseudonyms)
            throw new UserError(Texts.Taskforce.NotPseudonymised(input), Setting.Inputs);
        // A school column that held something else (a name, a BSN) makes a "school" of every value, and its code would
        // stand in the dataset's folders and catalogue: a school has more pupils than the smallest group shown.
        if (dataset == "pupils" && read.Rows < MinSchoolPupils)
            throw new UserError(Texts.Taskforce.SchoolTooSmall(input, school.Number, school.Of, read.Rows, MinSchoolPupils), Setting.Inputs);
    }

    /// <summary>The fewest pupils a school of a run may have: trends' smallest cell shown (<c>--min-cell</c>'s default).</summary>
    internal const int MinSchoolPupils = 5;

    /// <summary>The Parquet files of one run's partition of a dataset; a run the catalogue lists without its files is a damaged dataset.</summary>
    internal static List<string> PartitionFiles(string dataset, string name, CatalogueRun run)
    {
        var folder = Path.Combine(dataset, name, $"school_id={Output.Datasets.PathValue(run.SchoolId)}", $"as_of={run.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}");
        var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.parquet").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
            throw new UserError(Texts.Taskforce.DatasetPartitionMissing(dataset, Path.GetRelativePath(dataset, folder)), Setting.Inputs);
        return files;
    }

    /// <summary>The catalogue of a dataset, as <c>collect</c> wrote it.</summary>
    public static Catalogue ReadCatalogue(string path) => Json.ReadFile<Catalogue>(path, Setting.Inputs);

    private const string LockName = ".collect-lock";

    /// <summary>The temporary file a catalogue is written to before it is renamed into place (<see cref="AtomicFile.TempPathFor"/>).</summary>
    private static bool IsKilledCatalogue(string path) => AtomicFile.TargetOfTemp(Path.GetFileName(path)) == CatalogueName;

    // A collect's files before and after its commit: dot-folders beside the datasets, so that no reader's
    // pupils/**/*.parquet sees them.
    private const string StagingName = ".collect-nieuw", CommittedName = ".collect-klaar";

    /// <summary>Whether a collect committed runs that are not all in place yet (it was stopped, or is running).</summary>
    internal static bool Unfinished(string dataset) => Directory.Exists(Path.Combine(dataset, CommittedName));

    /// <summary>
    /// Finishes a collect (its own, or one that was stopped): the runs it committed are moved into place, the
    /// catalogue last; what a stopped collect only staged is dropped. Idempotent, and under the dataset's lock
    /// (collect and trends call it first); query and reconcile refuse while it is unfinished.
    /// </summary>
    internal static void Complete(string dataset, Action<string>? step = null)
    {
        var committed = Path.Combine(dataset, CommittedName);
        if (Directory.Exists(committed))
        {
            // A school's week at a time, its three files together: a collect stopped here leaves one week half moved
            // for readers that do not look for the commit folder, not every week half.
            var weeks = Directory.EnumerateFiles(committed, "*", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(committed, file))
                .Where(file => file != CatalogueName)
                .GroupBy(file => file[(file.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal) + 1)..], StringComparer.Ordinal)
                .OrderBy(week => week.Key, StringComparer.Ordinal)
                .ToList();
            foreach (var file in weeks.SelectMany(week => week.Order(StringComparer.Ordinal)))
            {
                var target = Path.Combine(dataset, file);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(committed, file), target, overwrite: true);
                step?.Invoke("moved");
            }
            if (File.Exists(Path.Combine(committed, CatalogueName)))
                File.Move(Path.Combine(committed, CatalogueName), Path.Combine(dataset, CatalogueName), overwrite: true);
            Directory.Delete(committed, recursive: true);
        }
        var staging = Path.Combine(dataset, StagingName);
        if (Directory.Exists(staging))
            Directory.Delete(staging, recursive: true);
    }

    /// <summary>The dataset's lock: one collect or trends at a time, a second stops at once rather than interleave its files.</summary>
    /// <param name="into">The dataset.</param>
    /// <param name="about">How the user named it: <c>--into</c> (collect) or the inputs (trends).</param>
    internal static FileStream Lock(string into, Setting about)
    {
        try
        {
            return new FileStream(Path.Combine(into, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new UserError(Texts.Taskforce.Busy(into), about);
        }
    }

    /// <summary>The <c>datasets/</c> folder of an input: the folder itself, its <c>datasets/</c>, or a zip's, unpacked.</summary>
    private static string DatasetsFolder(string input, string temp)
    {
        if (File.Exists(input) && input.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var target = Path.Combine(temp, Guid.NewGuid().ToString("N"));
            try
            {
                Unzip(input, target);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
            {
                throw new UserError(Texts.Taskforce.BadZip(input), Setting.Inputs);
            }
            return target;
        }
        if (!Directory.Exists(input))
            throw new UserError(File.Exists(input) ? Texts.Taskforce.NotARun(input) : Texts.FileMissing(Setting.Inputs, input), Setting.Inputs);
        return File.Exists(Path.Combine(input, DatasetManifest.FileName)) ? input : Path.Combine(input, "datasets");
    }

    /// <summary>
    /// Unpacks the run's files of a zip (one run: a second would meet the first's files and stop it): its manifest, and
    /// the parts of the partitions the manifest names. A partition it does not name gets its folder only, so that it is
    /// counted as such (<see cref="Unnamed"/>) without a byte of it written: a zip of one run and gigabytes of zeros
    /// under other schools' names filled the temporary folder before those were passed over.
    /// </summary>
    private static void Unzip(string input, string target)
    {
        using var zip = ZipFile.OpenRead(input);
        var entries = new List<(ZipArchiveEntry Entry, string[] Place)>();
        foreach (var entry in zip.Entries)
        {
            // Only the files of a run, by their place: no entry may climb out of the folder ("../").
            var parts = entry.FullName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            var start = Array.IndexOf(parts, "datasets") is var at and >= 0 ? at + 1 : 0;
            var rest = parts[start..];
            if ((rest is [DatasetManifest.FileName] or ["pupils" or "signals" or "weekly", _, _, "part-0.parquet"]) && !rest.Any(p => p is "." or ".." || p.Contains(':')))
                entries.Add((entry, rest));
        }
        // Two runs in one zip (two weeks zipped together): the second's manifest would be dropped without a word, and
        // with it that week, picked by the order of the zip's entries.
        if (entries.Count(e => e.Place.Length == 1) is > 1 and var runs)
            throw new UserError(Texts.Taskforce.ZipOfRuns(input, runs), Setting.Inputs);
        Directory.CreateDirectory(target);
        if (entries.Find(e => e.Place.Length == 1) is not { Entry: { } manifestEntry })
            return; // no manifest: not a run (ReadManifest says so)
        Extract(manifestEntry, Path.Combine(target, DatasetManifest.FileName));
        HashSet<string> named;
        try
        {
            var manifest = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(target, DatasetManifest.FileName)), RunManifest.ManifestFormat.Instance.DatasetManifest);
            var asOf = manifest is null ? "" : $"as_of={manifest.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
            named = manifest?.Schools is { } schools ? [.. schools.Select(school => $"school_id={Output.Datasets.PathValue(school)}/{asOf}")] : [];
        }
        catch (System.Text.Json.JsonException)
        {
            return; // ReadManifest reads it again and says what is wrong
        }
        long unpacked = 0, packed = 0;
        foreach (var (entry, rest) in entries.Where(e => e.Place.Length > 1))
        {
            var path = Path.Combine([target, .. rest]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!named.Contains($"{rest[1]}/{rest[2]}"))
                continue;
            // Packed far smaller than Parquet (compressed already, about 2x) ever packs, part by part or all together
            // (a manifest may name a thousand schools, each with small parts of zeros): a zip bomb, not a school's week.
            (unpacked, packed) = (unpacked + entry.Length, packed + entry.CompressedLength);
            if (unpacked > MaxRunBytes || (unpacked > 1L << 24 && unpacked > 32 * packed))
                throw new InvalidDataException();
            Extract(entry, path);
        }

        static void Extract(ZipArchiveEntry entry, string path)
        {
            if (entry.Length > MaxPartBytes || (entry.Length > 1L << 16 && entry.Length > 32 * entry.CompressedLength))
                throw new InvalidDataException();
            entry.ExtractToFile(path);
        }
    }

    private const long MaxPartBytes = 1L << 30;

    /// <summary>All the parts of one zip: a national year's partitioned run is well under this.</summary>
    private const long MaxRunBytes = 4 * MaxPartBytes;

    private static DatasetManifest ReadManifest(string input, string datasets)
    {
        var path = Path.Combine(datasets, DatasetManifest.FileName);
        if (!File.Exists(path))
            throw new UserError(Texts.Taskforce.NotARun(input), Setting.Inputs);
        return Json.ReadFile(path, Setting.Inputs, RunManifest.ManifestFormat.Instance.DatasetManifest);
    }

    /// <summary>Every pupil_key of a partition is a pseudonym as <c>--pseudonymize-key</c> writes it: 32 lowercase hex digits.</summary>
    private static (bool Pseudonyms, long Rows)? HoldsOnlyPseudonyms(string file, string column, bool check)
    {
        try
        {
            return HoldsOnlyPseudonymsAsync(file, column, check).GetAwaiter().GetResult();
        }
        catch (Exception e) when (ParquetDamage.Is(e))
        {
            return null; // damaged, or not a file of ours
        }
    }

    /// <summary>Reads <paramref name="column"/> of every row group (a file without it is not its dataset's), checking pseudonyms when asked, and counts the rows.</summary>
    private static async Task<(bool Pseudonyms, long Rows)> HoldsOnlyPseudonymsAsync(string file, string column, bool check)
    {
        long rows = 0;
        await foreach (var group in Output.Datasets.ReadGroupsAsync(file, column))
        {
            var values = group[0];
            rows += values.Length;
            if (!check)
                continue;
            foreach (var key in (string?[])values)
            {
                if (key is not { Length: 32 } || key.AsSpan().IndexOfAnyExcept("0123456789abcdef") >= 0)
                    return (false, rows);
            }
        }
        return (true, rows);
    }

    /// <summary>True when both runs say when they were made and <paramref name="incoming"/> was made first.</summary>
    private static bool IsOlder(string? incoming, string? present) =>
        incoming is not null && present is not null && InstantPattern.ExtendedIso.Parse(incoming) is { Success: true } a
        && InstantPattern.ExtendedIso.Parse(present) is { Success: true } b && a.Value < b.Value;

    /// <summary>Partition folders in a run's datasets/ that its manifest does not name: not taken, and said so.</summary>
    private static List<string> Unnamed(string datasets, DatasetManifest manifest)
    {
        var named = manifest.Schools.Select(school => $"school_id={Output.Datasets.PathValue(school)}").ToHashSet(StringComparer.Ordinal);
        var asOf = $"as_of={manifest.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
        var unnamed = new List<string>();
        foreach (var dataset in Datasets.Where(d => Directory.Exists(Path.Combine(datasets, d))))
        {
            foreach (var school in Directory.EnumerateDirectories(Path.Combine(datasets, dataset)))
            {
                foreach (var partition in Directory.EnumerateDirectories(school))
                {
                    if (!named.Contains(Path.GetFileName(school)) || Path.GetFileName(partition) != asOf)
                        unnamed.Add($"{dataset}/{Path.GetFileName(school)}/{Path.GetFileName(partition)}");
                }
            }
        }
        return [.. unnamed.Order(StringComparer.Ordinal)];
    }

    private static string Hash(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
            hash.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
