using System.Globalization;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>The options of <c>aanwezigheid trends</c>.</summary>
public sealed record TrendsOptions
{
    /// <summary>The Taskforce's dataset (<c>collect</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Where <c>trends/weekly.parquet</c>, <c>trends/schools.parquet</c> and <c>trends/trends.html</c> go; the dataset itself when null, where <c>query</c> finds them as the views <c>trends</c> and <c>schools</c>.</summary>
    public string? Output { get; init; }

    /// <summary>The schools file: school type, gemeente, region, samenwerkingsverband per school.</summary>
    public string? SchoolsFile { get; init; }

    /// <summary>The smallest count that is published.</summary>
    public int MinCell { get; init; } = Suppression.DefaultMinCell;

    /// <summary>The language of trends.html.</summary>
    public Language Language { get; init; } = Language.Dutch;
}

/// <summary>One group's school week in <c>trends/weekly.parquet</c>; a null count is suppressed.</summary>
/// <param name="Dimension">What the groups are: <c>alle</c>, <c>schooltype</c>, <c>gemeente</c>, <c>regio</c>, <c>samenwerkingsverband</c> or <c>school</c>.</param>
/// <param name="Group">The group (a school type, a gemeente, …; "onbekend" for schools without facts).</param>
/// <param name="WeekStart">The Monday of the school week.</param>
/// <param name="Schools">Schools in the group with the week.</param>
/// <param name="Counts">Pupils per tier (1, 2, 3), per criterion (TZ-0, TZ-LPW, TZ-3M, LR-50), whose tier went up or down since the week before, and per criterion LPW-16U and the ZZV criteria, in <see cref="Trends.CountNames"/> order; null when suppressed.</param>
/// <param name="AbsenceRate">Absent ÷ scheduled minutes of the group's pupils; null when the group has fewer pupils than the smallest published count.</param>
/// <param name="SickRate">Sick (and sent home sick) ÷ scheduled minutes.</param>
/// <param name="UnauthorizedRate">Unauthorised ÷ scheduled minutes.</param>
public sealed record TrendRow(string Dimension, string Group, DateOnly WeekStart, int Schools, long?[] Counts, double? AbsenceRate, double? SickRate, double? UnauthorizedRate);

/// <summary>What <c>trends</c> found.</summary>
/// <param name="Rows">The rows of trends/weekly.parquet.</param>
/// <param name="Rises">Every rise test, significant or not.</param>
/// <param name="OldPage">A trends.html a version before 2026-12 wrote beside the trends folder, which is not rewritten; null when there is none.</param>
public sealed record TrendsResult(IReadOnlyList<TrendRow> Rows, IReadOnlyList<Rise> Rises, string? OldPage = null)
{
    /// <summary>What the analyst should know about the schools file: schools it misses, and lines naming no school of the dataset.</summary>
    public IReadOnlyList<Phrase> Notes { get; init; } = [];
}

/// <summary>
/// The Taskforce's trends (README, "The Taskforce"): per school week and per group of schools (all, school type,
/// gemeente, region, samenwerkingsverband, school), pupils per tier and per thuiszitter criterion and the absence
/// rates, from each school's latest run of each school year. Every count that leaves the region goes through
/// small-cell suppression, all groups of a week in one table per count with the "alle" row as the total of each
/// dimension, so no suppressed count can be worked out from the file's other numbers.
/// </summary>
public static class Trends
{
    /// <summary>The counts of a trend row, as the Parquet columns name them.</summary>
    public static readonly string[] CountNames =
    [
        "pupils_tier_1", "pupils_tier_2", "pupils_tier_3", "pupils_tz_0", "pupils_tz_lpw", "pupils_tz_3m", "pupils_lr_50", "pupils_tier_up", "pupils_tier_down",
        "pupils_lpw_16u", "pupils_zzv_short", "pupils_zzv_long", "pupils_zzv_month", "pupils_zzv_home",
    ];

    /// <summary>The first counts of <see cref="CountNames"/>: the tiers, which add up to a group's pupils.</summary>
    private const int TierCounts = 3;

    /// <summary>The absence measures of the rise test: all absence, then the categories (sick with sent home sick), as shares of scheduled time.</summary>
    private static readonly string[] CategoryMeasures = ["absence", "sick", "authorized_other", "unauthorized", "suspended", "reduced_timetable"];

    /// <summary>
    /// What the rise test tests: the absence measures (shares of scheduled time), then pupils in tier 2 and 3 and
    /// meeting each criterion (shares of the pupils with scheduled time in the week).
    /// </summary>
    public static readonly string[] RiseMeasures = [.. CategoryMeasures, "tier_2", "tier_3", .. CriterionIds.All.Select(id => id.Code())];

    private static readonly string[] Dimensions = ["alle", "schooltype", "gemeente", "regio", "samenwerkingsverband", "school"];

    /// <summary>The folder of a trends run's outputs, in the dataset or in <see cref="TrendsOptions.Output"/>.</summary>
    internal const string TrendsFolder = "trends";

    /// <summary>All a trends folder may hold: a run replaces these and refuses a folder with anything else in it.</summary>
    private static readonly string[] OwnFiles = ["weekly.parquet", "schools.parquet", "trends.html"];

    /// <summary>Computes the trends and the rise tests, writes <c>trends/weekly.parquet</c>, <c>trends/schools.parquet</c> and <c>trends/trends.html</c> into the output folder.</summary>
    public static TrendsResult Run(TrendsOptions options)
    {
        if (!File.Exists(Path.Combine(options.Dataset, Collection.CatalogueName)))
            throw new UserError(Texts.Taskforce.NotADataset(options.Dataset), Setting.Inputs);
        if (options.Output is { } named && string.IsNullOrWhiteSpace(named))
            throw new UserError(Texts.OutputNameEmpty, Setting.Output);
        var output = options.Output ?? options.Dataset;
        // Without --out the folder is the dataset's, named as the command's input.
        var outputSetting = options.Output is null ? Setting.Inputs : Setting.Output;
        OutputFolder.RefuseFile(output, output, outputSetting);
        // The dataset's own trends folder cannot be swapped away under the user's shell; they did not choose it.
        var trendsFolder = Path.Combine(Path.GetFullPath(output), TrendsFolder);
        if (options.Output is null && OutputFolder.IsInside(Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory), trendsFolder))
            throw new UserError(Texts.Taskforce.WorkingInTrendsFolder(trendsFolder), Setting.Inputs);
        // Into the dataset itself (its trends/ folder), or outside it: never among its partitions.
        if (OutputFolder.IsBelow(OutputFolder.RealPath(output), OutputFolder.RealPath(options.Dataset)))
            throw new UserError(Texts.Taskforce.OutputInDataset(output), Setting.Output);
        if (options.MinCell < 1)
            throw new UserError(Texts.Taskforce.MinCellTooSmall(options.MinCell), Setting.Inputs);
        var facts = options.SchoolsFile is null ? new Dictionary<string, SchoolFact>() : SchoolFacts.Read(options.SchoolsFile);

        // Each school's weeks from its latest run of each school year: a later run holds every week of its year so far.
        // One trends or collect at a time in a dataset: two would mix their files.
        using var busy = Collection.Lock(options.Dataset, Setting.Inputs);
        Collection.Complete(options.Dataset); // the runs of a collect stopped after its commit, put in place before they are read
        // The three files are one unit: the trends folder is replaced whole, or left as it was (a run killed between
        // the files would otherwise leave this week's numbers beside last week's page). Taken before the work, so
        // that a folder that cannot be replaced stops the run at once.
        using var folder = OutputFolder.Open(Path.Combine(output, TrendsFolder), LoadOptions.ExistingOf(options.SchoolsFile), OwnFiles, outputSetting);
        var catalogue = Collection.ReadCatalogue(Path.Combine(options.Dataset, Collection.CatalogueName));
        if (catalogue.Runs.Count == 0)
            throw new UserError(Texts.Taskforce.EmptyDataset(options.Dataset), Setting.Inputs);
        var weeks = LatestWeeks(options.Dataset, catalogue);
        var classYearsOf = ClassYears(options.Dataset, catalogue);
        // Columns of a school week's values: scheduled minutes, pupils, CountNames, absent minutes, the other category
        // measures (as rates), the criteria.
        const int First = 2;
        var absent = First + CountNames.Length;
        static double Number(SchoolWeekValues w, int column) => w.Values[column];

        // The weeks are independent tables: suppressed on every core, in order.
        List<TrendRow> rows = [.. weeks.GroupBy(w => w.WeekStart).AsParallel().AsOrdered().SelectMany(Week)];
        List<TrendRow> Week(IGrouping<DateOnly, SchoolWeekValues> week)
        {
            var rows = new List<TrendRow>();
            // One table per week over every dimension: each dimension's groups sum to the "alle" row.
            var groups = new List<(string Dimension, string Group, List<SchoolWeekValues> Schools)>();
            foreach (var dimension in Dimensions)
            {
                foreach (var group in week.GroupBy(w => GroupOf(dimension, w.SchoolId, facts)).OrderBy(g => g.Key, StringComparer.Ordinal))
                    groups.Add((dimension, group.Key, group.ToList()));
            }
            // One table per count: no sum ties two counts together, so each can be worked out only from its own
            // cells, and eliminating per count keeps a national week (8 000 schools) fast. The three tier counts are the
            // exception: they add up to the group's pupils, which a reader knows (DUO publishes a school's size per
            // year), so they share a table with that total as a known number.
            var tierTable = new CountTable();
            var tables = CountNames.Select((_, c) => c < TierCounts ? tierTable : new CountTable()).ToArray();
            var known = new HashSet<int>();
            var cells = groups.Select(g => CountNames.Select((_, c) => tables[c].Add(g.Schools.Sum(w => (long)w.Values[First + c]))).ToArray()).ToList();
            for (var i = 0; i < groups.Count; i++)
            {
                var roll = tierTable.Add(Enumerable.Range(0, TierCounts).Sum(c => tierTable.Values[cells[i][c]]));
                tierTable.Sum(roll, [.. Enumerable.Range(0, TierCounts).Select(c => cells[i][c])]);
                known.Add(roll);
            }
            var all = groups.FindIndex(g => g.Dimension == "alle");
            foreach (var dimension in Dimensions.Where(d => d != "alle"))
            {
                var members = Enumerable.Range(0, groups.Count).Where(i => groups[i].Dimension == dimension).ToList();
                for (var c = 0; c < CountNames.Length; c++)
                    tables[c].Sum(cells[all][c], [.. members.Select(i => cells[i][c])]);
            }

            // Class years, in the weeks a school handed over a run: its pupils at that as-of date. They add up,
            // per school type, to a total that is not published but that the school rows of the same week may give
            // (when the run's as-of date is the week's end): that sum joins the table, so no class year's hidden
            // count can be worked out through the schools' published counts either.
            var classYears = new List<(string Group, string SchoolType, List<string> Schools, long[] Counts)>();
            foreach (var (school, byYear) in classYearsOf.GetValueOrDefault(week.Key, []))
            {
                // Class year 1 of a school of unknown type is groep 1 (age 4), klas 1 (age 12) or an MBO first year:
                // added together they are no class year (an adversarial pass). Those schools get no leerjaar rows.
                var type = GroupOf("schooltype", school, facts);
                if (type.Equals(SchoolFact.Unknown, StringComparison.OrdinalIgnoreCase))
                    continue;
                foreach (var (year, counts) in byYear)
                {
                    var name = $"{type} leerjaar {year}";
                    var at = classYears.FindIndex(g => g.Group == name);
                    if (at < 0)
                    {
                        classYears.Add((name, type, [school], (long[])counts.Clone()));
                    }
                    else
                    {
                        classYears[at].Schools.Add(school);
                        for (var c = 0; c < counts.Length; c++)
                            classYears[at].Counts[c] += counts[c];
                    }
                }
            }
            classYears.Sort((a, b) => string.CompareOrdinal(a.Group, b.Group));
            var classCells = classYears.Select(g => CountNames.Select((_, c) => tables[c].Add(g.Counts[c])).ToArray()).ToList();
            foreach (var classCell in classCells)
            {
                // A class year's pupils at a school are published by DUO too.
                var roll = tierTable.Add(Enumerable.Range(0, TierCounts).Sum(c => tierTable.Values[classCell[c]]));
                tierTable.Sum(roll, [.. Enumerable.Range(0, TierCounts).Select(c => classCell[c])]);
                known.Add(roll);
            }
            var unpublishedTiers = new HashSet<int>();
            var unpublished = CountNames.Select((_, c) => c < TierCounts ? unpublishedTiers : []).ToArray();
            var schoolRow = Enumerable.Range(0, groups.Count).Where(i => groups[i].Dimension == "school").ToDictionary(i => groups[i].Group, StringComparer.Ordinal);
            foreach (var type in classYears.GroupBy(g => g.SchoolType))
            {
                var members = Enumerable.Range(0, classYears.Count).Where(i => classYears[i].SchoolType == type.Key).ToList();
                var schoolCells = type.SelectMany(g => g.Schools).Distinct().Select(school => schoolRow.GetValueOrDefault(school, -1)).ToList();
                for (var c = 0; c < CountNames.Length; c++)
                {
                    var total = tables[c].Add(members.Sum(i => classYears[i].Counts[c]));
                    unpublished[c].Add(total);
                    tables[c].Sum(total, [.. members.Select(i => classCells[i][c])]);
                    if (schoolCells.All(i => i >= 0))
                        tables[c].Sum(total, [.. schoolCells.Select(i => cells[i][c])]);
                }
            }

            // Every group is also the sum of its schools' rows: a gemeente of two schools gives one away when the
            // other's count is published.
            for (var i = 0; i < groups.Count; i++)
            {
                if (groups[i].Dimension is "alle" or "school")
                    continue;
                var members = groups[i].Schools.Select(w => schoolRow[w.SchoolId]).ToArray();
                for (var c = 0; c < CountNames.Length; c++)
                    tables[c].Sum(cells[i][c], [.. members.Select(m => cells[m][c])]);
            }
            var tierHidden = Suppression.Suppress(tierTable, options.MinCell, unpublishedTiers, known);
            var hidden = tables.Select((t, c) => c < TierCounts ? tierHidden : Suppression.Suppress(t, options.MinCell, unpublished[c])).ToArray();
            for (var i = 0; i < groups.Count; i++)
            {
                var (dimension, group, schools) = groups[i];
                var scheduled = schools.Sum(w => Number(w, 0));
                var pupils = Enumerable.Range(0, 3).Sum(c => tables[c].Values[cells[i][c]]);
                double? Rate(int column) =>
                    scheduled > 0 && pupils >= options.MinCell ? Math.Round(schools.Sum(w => column == absent ? Number(w, absent) : Number(w, column) * Number(w, 0)) / scheduled, 6) : null;
                rows.Add(new TrendRow(dimension, group, week.Key, schools.Count,
                    [.. cells[i].Select((index, c) => hidden[c][index] ? (long?)null : tables[c].Values[index])],
                    Rate(absent), Rate(absent + Array.IndexOf(CategoryMeasures, "sick")), Rate(absent + Array.IndexOf(CategoryMeasures, "unauthorized"))));
            }
            // Class years carry counts only: a run's pupils are a snapshot at its as-of date, not the week's minutes.
            for (var i = 0; i < classYears.Count; i++)
            {
                rows.Add(new TrendRow("leerjaar", classYears[i].Group, week.Key, classYears[i].Schools.Count,
                    [.. classCells[i].Select((index, c) => hidden[c][index] ? (long?)null : tables[c].Values[index])], null, null, null));
            }
            return rows;
        }

        // Which categories rise: per school and week its minutes and pupils, the school as the unit of the test.
        var weekIndex = weeks.Select(w => (Year: w.SchoolYear, Start: w.WeekStart)).Distinct()
            .GroupBy(w => w.Year).SelectMany(y => y.OrderBy(w => w.Start).Select((w, i) => (w.Start, Index: i))).ToDictionary(x => x.Start, x => x.Index);
        var schoolWeeks = weeks.Select(w =>
        {
            var start = w.WeekStart;
            var (scheduled, pupils) = (Number(w, 0), Number(w, 1));
            var numerators = new double[RiseMeasures.Length];
            var denominators = new double[RiseMeasures.Length];
            for (var m = 0; m < RiseMeasures.Length; m++)
            {
                var tiers = CategoryMeasures.Length; // the measures tier_2, tier_3 follow the categories, then the criteria
                (numerators[m], denominators[m]) = m switch
                {
                    0 => (Number(w, absent), scheduled),
                    _ when m < tiers => (Number(w, absent + m) * scheduled, scheduled),
                    _ when m < tiers + 2 => (Number(w, First + 1 + m - tiers), pupils),
                    _ => (Number(w, absent + tiers + (m - tiers - 2)), pupils),
                };
            }
            return new SchoolWeek(w.SchoolId, w.SchoolYear, weekIndex[start],
                ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)), numerators, denominators);
        }).ToList();
        var rises = Rises.Find(schoolWeeks, RiseMeasures, school => [("alle", "alle scholen"), ("schooltype", GroupOf("schooltype", school, facts))]);

        Write(rows, folder.PathOf("weekly.parquet"));
        WriteSchools(catalogue, facts, folder.PathOf("schools.parquet"));
        if (rows.Count > 0)
            TrendsPage.Write(rows, rises, folder.Staging, options.MinCell, options.Language);
        folder.Commit();
        // Versions before 2026-12 wrote the page beside the folder: it is not rewritten, so the user is told.
        var oldPage = Path.Combine(output, "trends.html");
        return new TrendsResult(rows, rises, File.Exists(oldPage) ? oldPage : null) { Notes = [.. PolicyNotes(catalogue), .. SchoolsFileNotes(options.SchoolsFile, facts, catalogue), .. ClassYearNotes(facts, catalogue), .. MinCellNotes(options.MinCell)] };
    }

    /// <summary>
    /// Runs of more than one policy version (collected with --allow-policy-change): their tiers and criteria were set
    /// by other rules, so a rise may be the policy's. Said, with the versions and their runs.
    /// </summary>
    // Below the default, counts of a few pupils are shown: the analyst's choice, said so that the page is not passed on unaware.
    private static List<Phrase> MinCellNotes(int minCell) => minCell < Suppression.DefaultMinCell ? [Texts.Taskforce.MinCellBelowDefault(minCell, Suppression.DefaultMinCell)] : [];

    private static List<Phrase> PolicyNotes(Catalogue catalogue) =>
        catalogue.Runs.GroupBy(r => (r.Policy, r.PolicySha256)).ToList() is { Count: > 1 } versions
            ? [Texts.Taskforce.PoliciesMixed(string.Join(", ", versions.OrderByDescending(v => v.Count()).Select(v => $"{v.Key.Policy} {v.Key.PolicySha256[..Math.Min(8, v.Key.PolicySha256.Length)]} ({v.Count()})")))]
            : [];

    /// <summary>
    /// A school missing from the schools file, or a line of it whose code is no school of the dataset (a typo in a
    /// BRIN), puts a school under "onbekend" without a word: the analyst is told how many, and the file's codes.
    /// </summary>
    private static List<Phrase> SchoolsFileNotes(string? file, IReadOnlyDictionary<string, SchoolFact> facts, Catalogue catalogue)
    {
        if (file is null)
            return [];
        var inDataset = catalogue.Runs.Select(r => r.SchoolId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var notes = new List<Phrase>();
        if (inDataset.Count(school => !facts.ContainsKey(school)) is > 0 and var missing)
            notes.Add(Texts.Taskforce.SchoolsNotInFile(file, missing));
        // A code is repeated only when it could be one (no space, no BSN): a name typed into the school column is not.
        if (facts.Keys.Where(code => !inDataset.Contains(code)).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
            notes.Add(Texts.Taskforce.FileSchoolsNotInDataset(file, unknown.Count, [.. unknown.Where(ShownAsCode)]));
        return notes;
    }

    /// <summary>Schools without a school type have no leerjaar rows: said, with how many.</summary>
    private static List<Phrase> ClassYearNotes(IReadOnlyDictionary<string, SchoolFact> facts, Catalogue catalogue) =>
        catalogue.Runs.Select(r => r.SchoolId).Distinct(StringComparer.OrdinalIgnoreCase).Count(school => GroupOf("schooltype", school, facts).Equals(SchoolFact.Unknown, StringComparison.OrdinalIgnoreCase)) is > 0 and var untyped
            ? [Texts.Taskforce.ClassYearsWithoutSchoolType(untyped)]
            : [];

    private static bool ShownAsCode(string code) =>
        code.Length <= 16 && !code.Contains(' ', StringComparison.Ordinal) && Disclosure.LooksLikeSchoolId(System.Text.Encoding.UTF8.GetBytes(code));

    /// <summary>One school's week from its weekly.parquet, the values in the order <see cref="LatestWeeks"/> reads them.</summary>
    private sealed record SchoolWeekValues(string SchoolId, int SchoolYear, DateOnly WeekStart, double[] Values);

    /// <summary>
    /// Each school's weeks from its latest run of each school year (a later run holds every week of its year so
    /// far), read from the partitions the catalogue lists: a national dataset has thousands of small files, and
    /// opening only the ones needed, column by column, keeps this in seconds and little memory. A column a run of an
    /// older version did not write reads as 0 (the tier transitions were added later).
    /// </summary>
    private static List<SchoolWeekValues> LatestWeeks(string dataset, Catalogue catalogue)
    {
        string[] names =
        [
            "week_start", "scheduled_minutes", "pupils", .. CountNames, "absent_minutes",
            .. CategoryMeasures.Skip(1).Select(c => c + "_rate"), "sent_home_sick_rate", .. CriterionIds.All.Select(Column),
        ];
        var sentHomeSick = names.Length - CriterionIds.All.Count - 1;
        var sick = Array.IndexOf(names, "sick_rate");
        var weeks = new List<SchoolWeekValues>();
        foreach (var run in catalogue.Runs.GroupBy(r => (r.SchoolId, SchoolYear.Containing(r.AsOf))).Select(g => g.MaxBy(r => r.AsOf)!)
            .OrderBy(r => r.SchoolId, StringComparer.Ordinal))
        {
            var year = SchoolYear.Containing(run.AsOf).StartYear;
            foreach (var file in Collection.PartitionFiles(dataset, "weekly", run))
            {
                // The values from scheduled minutes on, in the layout Run reads; sick with sent home sick.
                foreach (var group in Groups(dataset, file, names, missingAsNull: true))
                {
                    var starts = (DateOnly[])group[0];
                    for (var i = 0; i < starts.Length; i++)
                    {
                        var values = new double[names.Length - 2];
                        for (int c = 1, v = 0; c < names.Length; c++)
                        {
                            if (c != sentHomeSick)
                                values[v++] = Value(group[c], i) + (c == sick ? Value(group[sentHomeSick], i) : 0);
                        }
                        weeks.Add(new SchoolWeekValues(run.SchoolId, year, starts[i], values));
                    }
                }
            }
        }
        return [.. weeks.OrderBy(w => w.WeekStart).ThenBy(w => w.SchoolId, StringComparer.Ordinal)];
    }

    /// <summary>Reads a partition file's columns; a file that is not Parquet (cut off, overwritten) is named, not a stack trace.</summary>
    private static IEnumerable<Array[]> Groups(string dataset, string file, IReadOnlyList<string> names, bool missingAsNull)
    {
        try
        {
            return [.. Output.Datasets.ReadGroupsAsync(file, names, missingAsNull).ToBlockingEnumerable()];
        }
        catch (Exception e) when (ParquetDamage.Is(e))
        {
            throw new UserError(Texts.Taskforce.PartitionDamaged(dataset, Path.GetRelativePath(dataset, file)), Setting.Inputs);
        }
    }

    /// <summary>
    /// Per school week, each school's pupils per class year at the as-of date of its latest run in that week:
    /// pupils per tier, per TZ/LR-50 criterion, and up or down a tier since last week, in <see cref="CountNames"/> order.
    /// </summary>
    private static Dictionary<DateOnly, List<(string SchoolId, SortedDictionary<string, long[]> ByYear)>> ClassYears(string dataset, Catalogue catalogue)
    {
        var byWeek = new Dictionary<DateOnly, List<(string, SortedDictionary<string, long[]>)>>();
        foreach (var run in catalogue.Runs.GroupBy(r => (r.SchoolId, Monday(r.AsOf))).Select(g => g.MaxBy(r => r.AsOf)!)
            .OrderBy(r => r.SchoolId, StringComparer.Ordinal).ThenBy(r => r.AsOf))
        {
            var yearOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
            long[] Of(string year) => counts.TryGetValue(year, out var c) ? c : counts[year] = new long[CountNames.Length];
            foreach (var file in Collection.PartitionFiles(dataset, "pupils", run))
            {
                foreach (var group in Groups(dataset, file, ["pupil_key", "group", "tier", "tier_change"], missingAsNull: false))
                {
                    var (keys, classes, tiers, changes) = ((string?[])group[0], (string?[])group[1], (int[])group[2], (string?[])group[3]);
                    for (var i = 0; i < keys.Length; i++)
                    {
                        var year = ClassYear(classes[i]);
                        yearOf[keys[i] ?? ""] = year;
                        var c = Of(year);
                        c[Math.Clamp(tiers[i], 1, 3) - 1]++;
                        if (changes[i] is "up" or "down")
                            c[changes[i] == "up" ? 7 : 8]++;
                    }
                }
            }
            foreach (var file in Collection.PartitionFiles(dataset, "signals", run))
            {
                foreach (var group in Groups(dataset, file, ["pupil_key", "criterion_id"], missingAsNull: false))
                {
                    var (keys, criteria) = ((string?[])group[0], (string?[])group[1]);
                    for (var i = 0; i < keys.Length; i++)
                    {
                        var index = Array.IndexOf(CountNames, "pupils_" + (criteria[i] ?? "").ToLowerInvariant().Replace('-', '_'));
                        if (index >= 0 && CountNames[index] is not ("pupils_tier_up" or "pupils_tier_down") && yearOf.TryGetValue(keys[i] ?? "", out var year))
                            Of(year)[index]++;
                    }
                }
            }
            var monday = Monday(run.AsOf);
            if (!byWeek.TryGetValue(monday, out var list))
                byWeek[monday] = list = [];
            list.Add((run.SchoolId, counts));
        }
        return byWeek;
    }

    private static DateOnly Monday(NodaTime.LocalDate date) => date.With(NodaTime.DateAdjusters.PreviousOrSame(NodaTime.IsoDayOfWeek.Monday)).ToDateOnly();

    /// <summary>
    /// The class year in a class name: its first number, 1 to 8 ("2B", "H4a", "groep 5", "ICT-2A"); anything else is
    /// onbekend. The datasets carry no date of birth, so there are no age bands.
    /// </summary>
    internal static string ClassYear(string? group)
    {
        var digits = new string([.. (group ?? "").SkipWhile(ch => !char.IsAsciiDigit(ch)).TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 8 ? year.ToString(CultureInfo.InvariantCulture) : SchoolFact.Unknown;
    }

    private static double Value(Array? column, int row) => column switch
    {
        null => 0,
        int[] ints => ints[row],
        long[] longs => longs[row],
        double?[] doubles => doubles[row] ?? 0,
        _ => throw new InvalidDataException($"a weekly column of type {column.GetType().Name}"),
    };

    private static string Column(CriterionId id) => "pupils_" + id.Code().ToLowerInvariant().Replace('-', '_');

    private static string GroupOf(string dimension, string school, IReadOnlyDictionary<string, SchoolFact> facts)
    {
        var fact = facts.GetValueOrDefault(school) ?? SchoolFact.Of(school);
        return dimension switch
        {
            "alle" => "alle scholen",
            "schooltype" => fact.SchoolType,
            "gemeente" => fact.Gemeente,
            "regio" => fact.Region,
            "samenwerkingsverband" => fact.Samenwerkingsverband,
            _ => school,
        };
    }

    private static void Write(List<TrendRow> rows, string path) =>
        Internals.ParquetTable.Write(path, "dimension VARCHAR, \"group\" VARCHAR, week_start DATE, schools INTEGER, " +
            string.Join(", ", CountNames.Select(c => c + " BIGINT")) + ", absence_rate DOUBLE, sick_rate DOUBLE, unauthorized_rate DOUBLE",
            "dimension, \"group\", week_start", rows, (line, row) =>
            {
                line = line.AppendValue(row.Dimension).AppendValue(row.Group).AppendValue(row.WeekStart).AppendValue(row.Schools);
                foreach (var count in row.Counts)
                    line = line.AppendValue(count);
                return line.AppendValue(row.AbsenceRate).AppendValue(row.SickRate).AppendValue(row.UnauthorizedRate);
            });

    /// <summary>Every school of the dataset with the facts the trends grouped it by ("onbekend" where the schools file said nothing): the view <c>schools</c>.</summary>
    private static void WriteSchools(Catalogue catalogue, IReadOnlyDictionary<string, SchoolFact> facts, string path) =>
        Internals.ParquetTable.Write(path, "school_id VARCHAR, schooltype VARCHAR, gemeente VARCHAR, regio VARCHAR, samenwerkingsverband VARCHAR", "school_id",
            catalogue.Runs.Select(r => r.SchoolId).Distinct().Select(s => (facts.GetValueOrDefault(s) ?? SchoolFact.Of(s)) with { SchoolId = s }).ToList(),
            (line, f) => line.AppendValue(f.SchoolId).AppendValue(f.SchoolType).AppendValue(f.Gemeente).AppendValue(f.Region).AppendValue(f.Samenwerkingsverband));
}
