using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using NodaTime;

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
}

/// <summary>What <c>collect</c> did, per school and as-of date.</summary>
/// <param name="Added">Runs new to the dataset.</param>
/// <param name="Unchanged">Runs already in it, byte for byte (the same run collected twice is one).</param>
/// <param name="Replaced">Runs of a school and as-of date already in it, replaced by a re-run.</param>
/// <param name="Lines">What to print.</param>
public sealed record CollectResult(int Added, int Unchanged, int Replaced, IReadOnlyList<string> Lines);

/// <summary>One run in the catalogue.</summary>
/// <param name="SchoolId">The school.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="Sha256">SHA-256 over its three partition files, in order.</param>
/// <param name="Source">The folder or zip it came from (its name only).</param>
/// <param name="ToolVersion">The version of the tool that made it.</param>
/// <param name="CollectedAt">When it was taken.</param>
public sealed record CatalogueRun(string SchoolId, LocalDate AsOf, string Sha256, string Source, string ToolVersion, Instant CollectedAt);

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
        var l = options.Language;
        var now = (clock ?? SystemClock.Instance).GetCurrentInstant();
        if (options.Inputs.Count == 0)
            throw new UserError(Texts.NoInputs, Setting.Inputs);
        if (File.Exists(options.Into))
            throw new UserError(Texts.OutputIsFile(options.Into), Setting.Output);
        Directory.CreateDirectory(options.Into);
        var into = Path.GetFullPath(options.Into);
        using var lockFile = Lock(into);
        var cataloguePath = Path.Combine(into, CatalogueName);
        var catalogue = File.Exists(cataloguePath) ? ReadCatalogue(cataloguePath) : null;

        var temp = Directory.CreateTempSubdirectory("aanwezigheid-collect-");
        var lines = new List<string>();
        int added = 0, unchanged = 0, replaced = 0;
        try
        {
            // Every input checked before anything is taken: one refused input leaves the dataset as it was.
            var runs = new List<(string Input, string Datasets, DatasetManifest Manifest)>();
            foreach (var input in options.Inputs)
            {
                var datasets = DatasetsFolder(input, temp.FullName);
                var manifest = ReadManifest(input, datasets);
                if (!manifest.Pseudonymised || manifest.KeyFingerprint is null)
                    throw new UserError(Texts.Taskforce.NotPseudonymised(input), Setting.Inputs);
                var expected = catalogue?.KeyFingerprint ?? runs.FirstOrDefault().Manifest?.KeyFingerprint;
                if (expected is not null && manifest.KeyFingerprint != expected)
                    throw new UserError(Texts.Taskforce.OtherKey(input, manifest.KeyFingerprint, expected), Setting.Inputs);
                var policy = catalogue?.PolicySha256 ?? runs.FirstOrDefault().Manifest?.PolicySha256;
                if (policy is not null && manifest.PolicySha256 != policy && !options.AllowPolicyChange)
                    throw new UserError(Texts.Taskforce.OtherPolicy(input, manifest.Policy), Setting.Inputs);
                runs.Add((input, datasets, manifest));
            }

            catalogue ??= new Catalogue(runs[0].Manifest.KeyFingerprint!, runs[0].Manifest.Policy, runs[0].Manifest.PolicySha256, []);
            var asOfText = (LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (input, datasets, manifest) in runs)
            {
                foreach (var school in manifest.Schools)
                {
                    var partition = Path.Combine($"school_id={Output.Datasets.PathValue(school)}", $"as_of={asOfText(manifest.AsOf)}");
                    var files = Datasets.Select(d => Path.Combine(datasets, d, partition, "part-0.parquet")).ToList();
                    var missing = files.FirstOrDefault(f => !File.Exists(f));
                    if (missing is not null)
                        throw new UserError(Texts.Taskforce.PartitionMissing(input, Path.GetRelativePath(datasets, missing)), Setting.Inputs);
                    // The manifest is the school's word; the files are checked themselves: a pupil_key that is not a
                    // pseudonym (a pupil number, a name) never enters the region's dataset.
                    foreach (var file in files.Take(2))
                    {
                        if (HoldsOnlyPseudonyms(file) is not { } pseudonyms)
                            throw new UserError(Texts.Taskforce.Unreadable(input, Path.GetRelativePath(datasets, file)), Setting.Inputs);
                        if (!pseudonyms)
                            throw new UserError(Texts.Taskforce.NotPseudonymised(input), Setting.Inputs);
                    }
                    var hash = Hash(files);
                    var existing = catalogue.Runs.FindIndex(r => r.SchoolId == school && r.AsOf == manifest.AsOf);
                    if (existing >= 0 && catalogue.Runs[existing].Sha256 == hash)
                    {
                        unchanged++;
                        continue;
                    }
                    // Each partition lands whole: copied beside its place, then renamed over it.
                    for (var d = 0; d < Datasets.Length; d++)
                    {
                        var target = Path.Combine(into, Datasets[d], partition, "part-0.parquet");
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        var staged = target + ".nieuw";
                        File.Copy(files[d], staged, overwrite: true);
                        File.Move(staged, target, overwrite: true);
                    }
                    var entry = new CatalogueRun(school, manifest.AsOf, hash, Path.GetFileName(Path.TrimEndingDirectorySeparator(input)), manifest.Version, now);
                    if (existing >= 0)
                    {
                        catalogue.Runs[existing] = entry;
                        replaced++;
                    }
                    else
                    {
                        catalogue.Runs.Add(entry);
                        added++;
                    }
                }
            }
            catalogue.Runs.Sort((a, b) => string.CompareOrdinal(a.SchoolId, b.SchoolId) is var bySchool and not 0 ? bySchool : a.AsOf.CompareTo(b.AsOf));
            var json = JsonSerializer.SerializeToUtf8Bytes(catalogue, Json.Indented);
            AtomicFile.Write(cataloguePath, stream => stream.Write(json));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
        lines.Add(Texts.Taskforce.Collected(l, added, unchanged, replaced, catalogue.Runs.Count, into));
        return new CollectResult(added, unchanged, replaced, lines);
    }

    /// <summary>The catalogue of a dataset, as <c>collect</c> wrote it.</summary>
    public static Catalogue ReadCatalogue(string path) => Json.ReadFile<Catalogue>(path, Setting.Inputs);

    /// <summary>One collect at a time per dataset: a second stops at once rather than interleave its files.</summary>
    private static FileStream Lock(string into)
    {
        try
        {
            return new FileStream(Path.Combine(into, ".collect-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new UserError(Texts.Taskforce.Busy(into), Setting.Output);
        }
    }

    /// <summary>The <c>datasets/</c> folder of an input: the folder itself, its <c>datasets/</c>, or a zip's, unpacked.</summary>
    private static string DatasetsFolder(string input, string temp)
    {
        if (File.Exists(input) && input.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var target = Path.Combine(temp, Guid.NewGuid().ToString("N"));
            using (var zip = ZipFile.OpenRead(input))
            {
                foreach (var entry in zip.Entries)
                {
                    // Only the files of a run, by their place: no entry may climb out of the folder ("../").
                    var parts = entry.FullName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
                    var start = Array.IndexOf(parts, "datasets") is var at and >= 0 ? at + 1 : 0;
                    var rest = parts[start..];
                    var take = rest is [DatasetManifest.FileName] or ["pupils" or "signals" or "weekly", _, _, "part-0.parquet"];
                    if (!take || rest.Any(p => p is "." or ".."))
                        continue;
                    var path = Path.Combine([target, .. rest]);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path);
                }
            }
            return target;
        }
        if (!Directory.Exists(input))
            throw new UserError(Texts.Taskforce.NotARun(input), Setting.Inputs);
        return File.Exists(Path.Combine(input, DatasetManifest.FileName)) ? input : Path.Combine(input, "datasets");
    }

    private static DatasetManifest ReadManifest(string input, string datasets)
    {
        var path = Path.Combine(datasets, DatasetManifest.FileName);
        if (!File.Exists(path))
            throw new UserError(Texts.Taskforce.NotARun(input), Setting.Inputs);
        return Json.ReadFile<DatasetManifest>(path, Setting.Inputs);
    }

    /// <summary>Every pupil_key of a partition is a pseudonym as <c>--pseudonymize-key</c> writes it: 32 lowercase hex digits.</summary>
    private static bool? HoldsOnlyPseudonyms(string file)
    {
        try
        {
            return HoldsOnlyPseudonymsAsync(file).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or InvalidOperationException)
        {
            return null; // damaged, or not a file of ours
        }
    }

    private static async Task<bool> HoldsOnlyPseudonymsAsync(string file)
    {
        await foreach (var group in Output.Datasets.ReadGroupsAsync(file, "pupil_key"))
        {
            foreach (var key in (string?[])group[0])
            {
                if (key is not { Length: 32 } || key.AsSpan().IndexOfAnyExcept("0123456789abcdef") >= 0)
                    return false;
            }
        }
        return true;
    }

    private static string Hash(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
            hash.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
