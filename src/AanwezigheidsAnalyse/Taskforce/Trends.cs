using System.Globalization;
using AanwezigheidsAnalyse.Localization;
using DuckDB.NET.Data;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>The options of <c>aanwezigheid trends</c>.</summary>
public sealed record TrendsOptions
{
    /// <summary>The Taskforce's dataset (<c>collect</c>).</summary>
    public required string Dataset { get; init; }

    /// <summary>Where <c>trends/weekly.parquet</c> goes.</summary>
    public required string Output { get; init; }

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
/// <param name="Counts">Pupils per tier (1, 2, 3) and per criterion (TZ-0, TZ-LPW, TZ-3M, LR-50), in <see cref="Trends.CountNames"/> order; null when suppressed.</param>
/// <param name="AbsenceRate">Absent ÷ scheduled minutes of the group's pupils; null when the group has fewer pupils than the smallest published count.</param>
/// <param name="SickRate">Sick (and sent home sick) ÷ scheduled minutes.</param>
/// <param name="UnauthorizedRate">Unauthorised ÷ scheduled minutes.</param>
public sealed record TrendRow(string Dimension, string Group, DateOnly WeekStart, int Schools, long?[] Counts, double? AbsenceRate, double? SickRate, double? UnauthorizedRate);

/// <summary>What <c>trends</c> found.</summary>
/// <param name="Rows">The rows of trends/weekly.parquet.</param>
/// <param name="Rises">Every rise test, significant or not.</param>
public sealed record TrendsResult(IReadOnlyList<TrendRow> Rows, IReadOnlyList<Rise> Rises);

/// <summary>
/// The Taskforce's trends (README, "The Taskforce"): per school week and per group of schools (all, school type,
/// gemeente, region, samenwerkingsverband, school), pupils per tier and per thuiszitter criterion and the absence
/// rates, from each school's latest run. Every count that leaves the region goes through small-cell suppression, all
/// groups of a week in one table with the "alle" row as its column totals, so no suppressed count can be worked out
/// from the file's other numbers.
/// </summary>
public static class Trends
{
    /// <summary>The counts of a trend row, as the Parquet columns name them.</summary>
    public static readonly string[] CountNames = ["pupils_tier_1", "pupils_tier_2", "pupils_tier_3", "pupils_tz_0", "pupils_tz_lpw", "pupils_tz_3m", "pupils_lr_50"];

    private static readonly string[] Dimensions = ["alle", "schooltype", "gemeente", "regio", "samenwerkingsverband", "school"];

    /// <summary>Computes the trends and the rise tests, writes <c>trends/weekly.parquet</c> and <c>trends.html</c> into the output folder.</summary>
    public static TrendsResult Run(TrendsOptions options)
    {
        if (!File.Exists(Path.Combine(options.Dataset, Collection.CatalogueName)))
            throw new UserError(Texts.Taskforce.NotADataset(options.Dataset), Setting.Inputs);
        if (File.Exists(options.Output))
            throw new UserError(Texts.OutputIsFile(options.Output), Setting.Output);
        if (options.MinCell < 1)
            throw new UserError(Texts.Taskforce.MinCellTooSmall(options.MinCell), Setting.Inputs);
        var facts = options.SchoolsFile is null ? new Dictionary<string, SchoolFact>() : SchoolFacts.Read(options.SchoolsFile);

        // Each school's weeks from its latest run: a later run holds every week of the year so far.
        var weeks = DatasetQuery.Latest(options.Dataset,
            "SELECT w.school_id, w.week_start, w.scheduled_minutes, w.absent_minutes, " +
            "coalesce(w.sick_rate, 0) + coalesce(w.sent_home_sick_rate, 0), coalesce(w.unauthorized_rate, 0), " +
            string.Join(", ", CountNames.Select(c => "w." + c)) + " " +
            "FROM weekly w JOIN (SELECT school_id, max(as_of) AS as_of FROM weekly GROUP BY 1) m ON w.school_id = m.school_id AND w.as_of = m.as_of " +
            "ORDER BY w.week_start, w.school_id");

        var rows = new List<TrendRow>();
        foreach (var week in weeks.GroupBy(w => WeekStart(w[1])))
        {
            // One table per week over every dimension: each dimension's groups sum to the "alle" row.
            var groups = new List<(string Dimension, string Group, List<object?[]> Schools)>();
            foreach (var dimension in Dimensions)
            {
                foreach (var group in week.GroupBy(w => GroupOf(dimension, (string)w[0]!, facts)).OrderBy(g => g.Key, StringComparer.Ordinal))
                    groups.Add((dimension, group.Key, group.ToList()));
            }
            var table = new CountTable();
            var cells = groups.Select(g => CountNames.Select((_, c) => table.Add(g.Schools.Sum(w => Convert.ToInt64(w[6 + c], CultureInfo.InvariantCulture)))).ToArray()).ToList();
            var all = groups.FindIndex(g => g.Dimension == "alle");
            foreach (var dimension in Dimensions.Where(d => d != "alle"))
            {
                var members = Enumerable.Range(0, groups.Count).Where(i => groups[i].Dimension == dimension).ToList();
                for (var c = 0; c < CountNames.Length; c++)
                    table.Sum(cells[all][c], [.. members.Select(i => cells[i][c])]);
            }
            var hidden = Suppression.Suppress(table, options.MinCell);
            for (var i = 0; i < groups.Count; i++)
            {
                var (dimension, group, schools) = groups[i];
                var scheduled = schools.Sum(w => Convert.ToDouble(w[2], CultureInfo.InvariantCulture));
                var pupils = CountNames.Take(3).Select((_, c) => table.Values[cells[i][c]]).Sum();
                double? Rate(Func<object?[], double> minutes) =>
                    scheduled > 0 && pupils >= options.MinCell ? Math.Round(schools.Sum(minutes) / scheduled, 6) : null;
                rows.Add(new TrendRow(dimension, group, week.Key, schools.Count,
                    [.. cells[i].Select(index => hidden[index] ? (long?)null : table.Values[index])],
                    Rate(w => Convert.ToDouble(w[3], CultureInfo.InvariantCulture)),
                    Rate(w => Convert.ToDouble(w[4], CultureInfo.InvariantCulture) * Convert.ToDouble(w[2], CultureInfo.InvariantCulture)),
                    Rate(w => Convert.ToDouble(w[5], CultureInfo.InvariantCulture) * Convert.ToDouble(w[2], CultureInfo.InvariantCulture))));
            }
        }
        // Which categories rise: per school and week its minutes, the school as the unit of the test.
        var weekIndex = weeks.Select(w => WeekStart(w[1])).Distinct().Order().Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var schoolWeeks = weeks.Select(w =>
        {
            var scheduled = Convert.ToDouble(w[2], CultureInfo.InvariantCulture);
            return new SchoolWeek((string)w[0]!, weekIndex[WeekStart(w[1])], scheduled,
                [Convert.ToDouble(w[3], CultureInfo.InvariantCulture), Convert.ToDouble(w[4], CultureInfo.InvariantCulture) * scheduled, Convert.ToDouble(w[5], CultureInfo.InvariantCulture) * scheduled]);
        }).ToList();
        var rises = Rises.Find(schoolWeeks, school => [("alle", "alle scholen"), ("schooltype", GroupOf("schooltype", school, facts))]);

        Write(rows, Path.Combine(options.Output, "trends", "weekly.parquet"));
        if (rows.Count > 0)
            TrendsPage.Write(rows, rises, options.Output, options.MinCell, options.Language);
        return new TrendsResult(rows, rises);
    }

    private static DateOnly WeekStart(object? value) => value is DateOnly d ? d : DateOnly.FromDateTime(Convert.ToDateTime(value, CultureInfo.InvariantCulture));

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

    private static void Write(List<TrendRow> rows, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE trends (dimension VARCHAR, \"group\" VARCHAR, week_start DATE, schools INTEGER, " +
                string.Join(", ", CountNames.Select(c => c + " BIGINT")) + ", absence_rate DOUBLE, sick_rate DOUBLE, unauthorized_rate DOUBLE)";
            create.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("trends"))
        {
            foreach (var row in rows)
            {
                var line = appender.CreateRow().AppendValue(row.Dimension).AppendValue(row.Group).AppendValue(row.WeekStart).AppendValue(row.Schools);
                foreach (var count in row.Counts)
                    line = line.AppendValue(count);
                line.AppendValue(row.AbsenceRate).AppendValue(row.SickRate).AppendValue(row.UnauthorizedRate).EndRow();
            }
        }
        var temp = path + ".nieuw";
        using (var copy = connection.CreateCommand())
        {
            copy.CommandText = $"COPY (SELECT * FROM trends ORDER BY dimension, \"group\", week_start) TO '{temp.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            copy.ExecuteNonQuery();
        }
        File.Move(temp, path, overwrite: true);
    }
}
