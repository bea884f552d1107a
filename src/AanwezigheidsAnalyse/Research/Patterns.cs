using System.Globalization;
using System.Text;
using System.Text.Json;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using NodaTime;

namespace AanwezigheidsAnalyse.Research;

/// <summary>The options of <c>aanwezigheid patterns</c>.</summary>
public sealed record PatternsOptions
{
    /// <summary>One school year's data per entry: the files and the last date read (the school year is that date's).</summary>
    public required IReadOnlyList<LoadOptions> Years { get; init; }

    /// <summary>The numbers of clusters tried; the one with the lowest Davies-Bouldin index is kept.</summary>
    public IReadOnlyList<int> ClusterCounts { get; init; } = [3, 4, 5, 6, 7, 8];

    /// <summary>The seed of ML.NET's k-means++.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>A pupil needs at least this many days with absence to have a pattern.</summary>
    public int MinimumAbsenceDays { get; init; } = 5;

    /// <summary>
    /// A key file: <c>pupil_key</c> of patterns.parquet becomes the HMAC-SHA-256 pseudonym <c>analyze</c> makes with the
    /// same key, so a researcher's table links to a Taskforce's without a pupil number; null for the school's own numbers.
    /// </summary>
    public string? PseudonymizeKeyFile { get; init; }
}

/// <summary>One cluster of verzuimpatronen.</summary>
/// <param name="Number">1, 2, …, by size.</param>
/// <param name="Pupils">Pupils (pupil-years) in it.</param>
/// <param name="Centroid">The centroid, in <see cref="Patterns.ProfileNames"/> order.</param>
/// <param name="Description">The centroid in words (Dutch and English).</param>
public sealed record PatternCluster(int Number, int Pupils, float[] Centroid, Phrase Description);

/// <summary>What <c>patterns</c> found.</summary>
/// <param name="Clusters">The clusters, largest first.</param>
/// <param name="DaviesBouldin">The criterion per number of clusters tried.</param>
/// <param name="Pupils">Pupil-years profiled.</param>
/// <param name="Files">Every file read.</param>
public sealed record PatternsResult(IReadOnlyList<PatternCluster> Clusters, IReadOnlyDictionary<int, double> DaviesBouldin, int Pupils, IReadOnlyList<FileAccount> Files);

/// <summary>
/// Verzuimpatronen as data (README, "The researcher"): per pupil and school year a profile of its absence (weekday,
/// first/last lesson and morning shares, category mix, episode lengths, season, next to a holiday), clustered with
/// ML.NET k-means over all years at once so that the clusters mean the same in every year; the number of clusters
/// is the one with the lowest Davies-Bouldin index (compact, well-separated clusters). Each cluster is described
/// from its centroid in words, with its share per school and school year.
/// </summary>
public static class Patterns
{
    /// <summary>The profile: shares of a pupil's absence, each in [0, 1].</summary>
    public static readonly string[] ProfileNames =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday",
        "morning", "first_lesson", "last_lesson",
        "sick", "unauthorized", "other_authorized",
        "episodes_1_day", "episodes_2_4_days", "episodes_5_days_or_more",
        "autumn", "winter", "spring",
        "next_to_holiday",
    ];

    private const int Size = 18;

    private sealed class Profile
    {
        [VectorType(Size)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Assigned
    {
        [ColumnName("PredictedLabel")]
        public uint Cluster { get; set; }
    }

    /// <summary>Profiles, clusters and writes <c>patterns.parquet</c>, <c>clusters.parquet</c>, <c>patterns_by_school.parquet</c>, <c>patterns.json</c> and <c>patterns.md</c>.</summary>
    public static PatternsResult Run(PatternsOptions options, string directory)
    {
        if (options.Years.Count == 0)
            throw new UserError(Texts.NoInputs, Setting.Inputs);
        Disclosure.RefusePathWithBsn(directory, Setting.Output); // the console names it
        using var folder = OutputFolder.Open(directory, [.. options.Years.SelectMany(y => y.Files), .. LoadOptions.ExistingOf(options.PseudonymizeKeyFile)], command: "patterns");
        var keys = Output.PupilKeys.Of(options.PseudonymizeKeyFile);
        var pupils = new List<(string School, string Pupil, int Year, float Rate, float[] Profile)>();
        var files = new List<FileAccount>();
        foreach (var year in options.Years)
        {
            var loaded = Exports.Load(year, folder.PathOf($"rejects-{SchoolYear.Containing(year.AsOf).StartYear}.csv"));
            files.AddRange(loaded.Ingest.Files);
            // A file of another school year beside one --to (two years' files, one date): its rows were all outside
            // the year, and that year dropped out of the clusters without a word.
            if (loaded.Ingest.Files.FirstOrDefault(f => f.Accepted == 0 && f.IgnoredBy.GetValueOrDefault(IgnoreReason.BeforeSchoolYear) + f.IgnoredBy.GetValueOrDefault(IgnoreReason.AfterAsOf) > 0) is { } outside)
                throw new UserError(Texts.Research.FileOutsideYear(outside.Path, SchoolYear.Containing(year.AsOf).ToString(), year.AsOf), Setting.AsOf);
            var ledger = loaded.Ledger;
            for (var p = 0; p < ledger.PupilCount; p++)
            {
                if (Of(ledger, p, year.AsOf, options.MinimumAbsenceDays) is { } profile)
                    pupils.Add((ledger.SchoolId(p), ledger.PupilId(p), ledger.Calendar.Year.StartYear, profile.Rate, profile.Shares));
            }
        }
        // One order whatever the order of the files: k-means++ picks its first centres from the data in order, so the
        // same pupils given as 2025 2024 or 2024 2025 made other clusters.
        pupils.Sort((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : string.CompareOrdinal(a.School, b.School) is var s and not 0 ? s : string.CompareOrdinal(a.Pupil, b.Pupil));
        // k-means needs more different profiles than clusters (ML.NET stops with "too few examples" otherwise): five
        // pupils of one profile are one point.
        var distinct = pupils.Select(p => string.Join(',', p.Profile.Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).Distinct().Count();
        var counts = options.ClusterCounts.Where(k => k >= 2 && k < distinct).Distinct().Order().ToList();
        if (counts.Count == 0)
            throw new UserError(distinct < pupils.Count
                ? Texts.Research.TooFewDistinctForPatterns(pupils.Count, distinct)
                : Texts.Research.TooFewForPatterns(pupils.Count, options.MinimumAbsenceDays), Setting.Inputs);

        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(pupils.Select(p => new Profile { Features = p.Profile }));
        var tried = new Dictionary<int, double>();
        (ITransformer Model, int K)? best = null;
        foreach (var k in counts)
        {
            var model = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options { NumberOfClusters = k, FeatureColumnName = nameof(Profile.Features), NumberOfThreads = 1 }).Fit(data);
            var metrics = ml.Clustering.Evaluate(model.Transform(data), featureColumnName: nameof(Profile.Features));
            tried[k] = Math.Round(metrics.DaviesBouldinIndex, 4);
            if (best is null || tried[k] < tried[best.Value.K])
                best = (model, k);
        }
        var (chosen, clusters) = best!.Value;
        // Keyed after the clustering, which goes by pupil number: the same clusters with a key or without.
        var pupilKeys = pupils.Select(p => keys.KeyOf(p.School, p.Pupil)).ToArray();
        var assigned = ml.Data.CreateEnumerable<Assigned>(chosen.Transform(data), reuseRowObject: false).Select(a => (int)a.Cluster - 1).ToArray();
        // Numbered by size, largest first, so that "cluster 1" is the most common pattern.
        var order = Enumerable.Range(0, clusters).OrderByDescending(c => assigned.Count(a => a == c)).ThenBy(c => c).ToArray();
        var number = new int[clusters];
        for (var i = 0; i < order.Length; i++)
            number[order[i]] = i + 1;
        var result = order.Select(c =>
        {
            var members = Enumerable.Range(0, pupils.Count).Where(i => assigned[i] == c).ToList();
            var centroid = Enumerable.Range(0, Size).Select(f => (float)Math.Round(members.Average(i => pupils[i].Profile[f]), 4)).ToArray();
            return new PatternCluster(number[c], members.Count, centroid, Describe(centroid));
        }).ToList();

        ParquetTable.Write(folder.PathOf("patterns.parquet"),
            "school_id VARCHAR, pupil_key VARCHAR, school_year INTEGER, cluster INTEGER, absence_rate DOUBLE, " + string.Join(", ", ProfileNames.Select(n => $"{n} DOUBLE")),
            "school_year, school_id, pupil_key", Enumerable.Range(0, pupils.Count).ToList(), (line, i) =>
            {
                line = line.AppendValue(pupils[i].School).AppendValue(pupilKeys[i]).AppendValue(pupils[i].Year).AppendValue(number[assigned[i]]).AppendValue(Math.Round((double)pupils[i].Rate, 6));
                foreach (var value in pupils[i].Profile)
                    line = line.AppendValue(Math.Round((double)value, 6));
                return line;
            });
        ParquetTable.Write(folder.PathOf("clusters.parquet"),
            "cluster INTEGER, pupils INTEGER, share DOUBLE, description_nl VARCHAR, description_en VARCHAR, " + string.Join(", ", ProfileNames.Select(n => $"{n} DOUBLE")),
            "cluster", result, (line, c) =>
            {
                line = line.AppendValue(c.Number).AppendValue(c.Pupils).AppendValue(Math.Round((double)c.Pupils / pupils.Count, 6)).AppendValue(c.Description.Dutch).AppendValue(c.Description.English);
                foreach (var value in c.Centroid)
                    line = line.AppendValue((double)value);
                return line;
            });
        var bySchool = Enumerable.Range(0, pupils.Count).GroupBy(i => (pupils[i].School, pupils[i].Year))
            .SelectMany(g => g.GroupBy(i => number[assigned[i]]).Select(c => (g.Key.School, g.Key.Year, Cluster: c.Key, Pupils: c.Count(), Share: (double)c.Count() / g.Count()))).ToList();
        ParquetTable.Write(folder.PathOf("patterns_by_school.parquet"), "school_id VARCHAR, school_year INTEGER, cluster INTEGER, pupils INTEGER, share DOUBLE",
            "school_year, school_id, cluster", bySchool, (line, x) => line.AppendValue(x.School).AppendValue(x.Year).AppendValue(x.Cluster).AppendValue(x.Pupils).AppendValue(Math.Round(x.Share, 6)));
        var patterns = new PatternsResult(result, tried, pupils.Count, files);
        File.WriteAllBytes(folder.PathOf("patterns.json"), JsonSerializer.SerializeToUtf8Bytes(new
        {
            Tool = "aanwezigheid patterns",
            Version = typeof(Patterns).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            Inputs = files.Select(f => new { File = Path.GetFileName(f.Path), f.Sha256, f.RowsRead, f.Accepted, f.Rejected }),
            Years = options.Years.Select(y => y.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            options.Seed,
            options.MinimumAbsenceDays,
            Profile = ProfileNames,
            Criterion = "Davies-Bouldin index, lowest kept",
            DaviesBouldin = tried.ToDictionary(t => t.Key.ToString(CultureInfo.InvariantCulture), t => t.Value),
            Clusters = clusters,
            Pupils = pupils.Count,
            keys.Pseudonymised,
            KeyFingerprint = keys.Fingerprint,
        }, Json.Indented));
        File.WriteAllText(folder.PathOf("patterns.md"), Summary(patterns, options.Years[0].Language));
        folder.Commit();
        return patterns;
    }

    /// <summary>A pupil's profile up to <paramref name="asOf"/>; null with fewer than <paramref name="minimumDays"/> days with absence.</summary>
    internal static (float Rate, float[] Shares)? Of(DayLedger ledger, int pupil, LocalDate asOf, int minimumDays)
    {
        var calendar = ledger.Calendar;
        var last = calendar.LastOnOrBefore(asOf);
        var records = ledger.Records(pupil);
        var shares = new double[Size];
        double absent = 0, slots = 0;
        var absenceDays = new List<int>();
        foreach (var r in records)
        {
            if (r.Day > last)
                break;
            if (r.Absent <= 0)
                continue;
            absent += r.Absent;
            var date = calendar.Date(r.Day);
            shares[(int)date.DayOfWeek - 1 is var wd and >= 0 and < 5 ? wd : 0] += r.Absent;
            // Lesson hours: the first and last scheduled slot, and the morning (the first four).
            var slotCount = System.Numerics.BitOperations.PopCount(r.AbsentSlots);
            if (slotCount > 0 && r.ScheduledSlots != 0)
            {
                var first = System.Numerics.BitOperations.TrailingZeroCount(r.ScheduledSlots);
                var lastSlot = 15 - System.Numerics.BitOperations.LeadingZeroCount((uint)r.ScheduledSlots << 16);
                slots += slotCount;
                shares[5] += System.Numerics.BitOperations.PopCount(r.AbsentSlots & 0b1111u);
                shares[6] += (r.AbsentSlots >> first) & 1;
                shares[7] += (r.AbsentSlots >> lastSlot) & 1;
            }
            shares[8] += r.Minutes.Of(Category.Sick) + r.Minutes.Of(Category.SentHomeSick);
            shares[9] += r.Minutes.Of(Category.Unauthorized);
            shares[10] += r.Absent - r.Minutes.Of(Category.Sick) - r.Minutes.Of(Category.SentHomeSick) - r.Minutes.Of(Category.Unauthorized);
            shares[date.Month is >= 8 and <= 11 ? 14 : date.Month is 12 or 1 or 2 ? 15 : 16] += r.Absent;
            // Next to a holiday: more than a weekend between this school day and the one before or after it.
            var before = r.Day > 0 && Period.Between(calendar.Date(r.Day - 1), date, PeriodUnits.Days).Days > 3;
            var after = r.Day < calendar.DayCount - 1 && Period.Between(date, calendar.Date(r.Day + 1), PeriodUnits.Days).Days > 3;
            shares[17] += before || after ? r.Absent : 0;
            if (r.Absent * 2 >= r.Scheduled)
                absenceDays.Add(r.Day);
        }
        var daysWithAbsence = records.ToArray().Count(r => r.Day <= last && r.Absent > 0);
        if (daysWithAbsence < minimumDays || absent <= 0)
            return null;
        // Episodes: runs of consecutive school days with at least half the day absent, by length.
        var episodeDays = new double[3];
        for (var i = 0; i < absenceDays.Count;)
        {
            var j = i;
            while (j + 1 < absenceDays.Count && absenceDays[j + 1] == absenceDays[j] + 1)
                j++;
            var length = j - i + 1;
            episodeDays[length == 1 ? 0 : length <= 4 ? 1 : 2] += length;
            i = j + 1;
        }
        var profile = new float[Size];
        for (var f = 0; f < 5; f++)
            profile[f] = (float)(shares[f] / absent);
        for (var f = 5; f < 8; f++)
            profile[f] = slots > 0 ? (float)(shares[f] / slots) : 0;
        for (var f = 8; f < 11; f++)
            profile[f] = (float)(shares[f] / absent);
        var totalEpisodeDays = episodeDays.Sum();
        for (var f = 0; f < 3; f++)
            profile[11 + f] = totalEpisodeDays > 0 ? (float)(episodeDays[f] / totalEpisodeDays) : 0;
        for (var f = 14; f < 18; f++)
            profile[f] = (float)(shares[f] / absent);
        // The year's rate as pupils.parquet's absence_rate_ytd: over every enrolled school day up to T, not only the days
        // with a record (those are the days with absence, in an absence-only export: a rate of 0,6 for a pupil at 2 %).
        var enrolment = ledger.Enrolment(pupil);
        var year = ledger.Totals(pupil, new Calendar.SchoolDayRange(Math.Max(0, enrolment.First), Math.Min(last, enrolment.Last)));
        return ((float)(year.Scheduled > 0 ? (double)year.Absent / year.Scheduled : 0), profile);
    }

    /// <summary>The centroid in words: what stands out against an even spread.</summary>
    internal static Phrase Describe(float[] c)
    {
        var nl = new List<string>();
        var en = new List<string>();
        string[] daysNl = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"], daysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
        var days = Enumerable.Range(0, 5).Where(d => c[d] >= 0.28f).OrderByDescending(d => c[d]).Take(2).Order().ToList();
        if (days.Count > 0)
        {
            nl.Add("vooral op " + string.Join(" en ", days.Select(d => daysNl[d])));
            en.Add("mostly on " + string.Join(" and ", days.Select(d => daysEn[d])));
        }
        (int Index, string Nl, string En)[] kinds = [(8, "ziek", "sick"), (9, "ongeoorloofd", "unauthorised"), (10, "ander geoorloofd verzuim", "other authorised absence")];
        var kind = kinds.MaxBy(k => c[k.Index]);
        if (c[kind.Index] >= 0.5f)
        {
            nl.Add($"{(c[kind.Index] >= 0.8f ? "bijna alleen" : "vooral")} {kind.Nl}");
            en.Add($"{(c[kind.Index] >= 0.8f ? "almost only" : "mostly")} {kind.En}");
        }
        if (c[7] >= 0.5f && c[7] > c[6] * 1.5f)
        {
            nl.Add("vaak het laatste lesuur");
            en.Add("often the last lesson");
        }
        else if (c[6] >= 0.5f && c[6] > c[7] * 1.5f)
        {
            nl.Add("vaak het eerste lesuur");
            en.Add("often the first lesson");
        }
        (int Index, string Nl, string En)[] episodes = [(11, "losse dagen", "single days"), (12, "korte periodes (2–4 dagen)", "short spells (2–4 days)"), (13, "lange periodes (5 dagen of meer)", "long spells (5 days or more)")];
        var episode = episodes.MaxBy(e => c[e.Index]);
        if (c[episode.Index] >= 0.5f)
        {
            nl.Add(episode.Nl);
            en.Add(episode.En);
        }
        (int Index, string Nl, string En)[] seasons = [(14, "in de herfst", "in autumn"), (15, "in de winter", "in winter"), (16, "in het voorjaar", "in spring")];
        var season = seasons.MaxBy(s => c[s.Index]);
        if (c[season.Index] >= 0.55f)
        {
            nl.Add(season.Nl);
            en.Add(season.En);
        }
        if (c[17] >= 0.25f)
        {
            nl.Add("vaak rond vakanties");
            en.Add("often next to holidays");
        }
        if (nl.Count == 0)
        {
            nl.Add("verspreid over dagen, uren en soorten verzuim");
            en.Add("spread over days, hours and kinds of absence");
        }
        return new Phrase(Capital(string.Join(", ", nl)), Capital(string.Join(", ", en)));
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Summary(PatternsResult result, Language l)
    {
        var c = l.Culture();
        var text = new StringBuilder();
        text.AppendLine(c, $"# {l.Pick("Verzuimpatronen", "Patterns of absence")}");
        text.AppendLine();
        text.AppendLine(c, $"{l.Pick("Leerling-jaren met een patroon", "Pupil-years with a pattern")}: {result.Pupils:N0}; {l.Pick("clusters", "clusters")}: {result.Clusters.Count} ({l.Pick("laagste Davies-Bouldin-index van", "lowest Davies-Bouldin index of")} {string.Join(", ", result.DaviesBouldin.Select(d => string.Create(c, $"k={d.Key}: {d.Value:0.###}")))}).");
        text.AppendLine();
        text.AppendLine(l.Pick("| cluster | leerlingen | aandeel | patroon |", "| cluster | pupils | share | pattern |"));
        text.AppendLine("|---:|---:|---:|---|");
        foreach (var cluster in result.Clusters)
            text.AppendLine(c, $"| {cluster.Number} | {cluster.Pupils:N0} | {(double)cluster.Pupils / result.Pupils:P0} | {cluster.Description.In(l)} |");
        text.AppendLine();
        text.AppendLine(l.Pick(
            "Op synthetische data (aanwezigheid generate) vinden de clusters de soorten leerlingen van de generator terug, niet die van een echte school.",
            "On synthetic data (aanwezigheid generate) the clusters find the generator's kinds of pupil, not a real school's."));
        return text.ToString();
    }
}
