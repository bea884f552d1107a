using System.Diagnostics;
using System.Globalization;
using System.Text;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using DuckDB.NET.Data;
using NodaTime;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// The yardstick: DuckDB computing the same per-pupil absence rates per category over the 4- and 8-week windows
/// from the same CSV, written to Parquet like <c>analyze</c> writes <c>pupils.parquet</c>. It gets the school
/// calendar as a table (the part a SQL user would also have to bring) and the same reading of the rules: one
/// registration per pupil, day and lesson hour (highest precedence wins), scheduled time from the default
/// timetable (lesuur 1–7 of 50 minutes) plus registered hours outside it, windows of school weeks with the week
/// of T counting up to T, rate = category minutes ÷ scheduled minutes. Only what the rates need: no criteria,
/// tiers, signals or weekly replay, which <c>analyze</c> computes in the same run.
/// </summary>
internal static class DuckDbRates
{
    private const int SlotMinutes = 50;
    private const int FirstTimetabledSlot = 1;
    private const int LastTimetabledSlot = 7;
    private static readonly int[] Windows = [4, 8];

    /// <summary>Runs the query over <paramref name="csv"/> into <paramref name="output"/> (Parquet); returns the seconds it took.</summary>
    public static double Run(string csv, SchoolCalendar calendar, LocalDate asOf, string output, int threads)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"SET threads = {threads}");
        Execute(connection, SchoolDaysTable(calendar));
        Execute(connection, PrecedenceTable());
        var watch = Stopwatch.StartNew();
        Execute(connection, RatesQuery(csv, asOf, output));
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Pupils in both files, and those whose rates differ by more than the 6 decimals <c>pupils.parquet</c> keeps.</summary>
    public static (long DuckDbPupils, long AnalyzePupils, long Matched, long Differing) Compare(string duckParquet, string pupilsParquet)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var differs = string.Join(" OR ", RateColumns().Select(c => $"abs(d.{c} - p.{c}) > 1e-6 OR (d.{c} IS NULL) <> (p.{c} IS NULL)"));
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT (SELECT count(*) FROM read_parquet('{duckParquet}')),
                   (SELECT count(*) FROM read_parquet('{pupilsParquet}')),
                   count(*),
                   count(*) FILTER (WHERE {differs})
            FROM read_parquet('{duckParquet}') d JOIN read_parquet('{pupilsParquet}') p ON d.school_id = p.school_id AND d.pupil_id = p.pupil_key
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    internal static IEnumerable<string> RateColumns() =>
        Windows.SelectMany(w => Categories.Absent.Select(c => $"{c.Name()}_rate_{w}w").Append($"absence_rate_{w}w"));

    private static string SchoolDaysTable(SchoolCalendar calendar)
    {
        var values = Enumerable.Range(0, calendar.DayCount)
            .Select(d => string.Create(CultureInfo.InvariantCulture, $"(DATE '{calendar.Date(d):yyyy-MM-dd}', {calendar.WeekOf(d)})"));
        return $"CREATE TABLE school_days AS SELECT * FROM (VALUES {string.Join(", ", values)}) t(day, week)";
    }

    /// <summary>The ledger's precedence when one lesson hour is registered twice (README, "Canonical format").</summary>
    private static string PrecedenceTable()
    {
        var order = Enum.GetValues<Category>().Where(c => c is not (Category.None or Category.Ignore)).ToList();
        order.Sort((a, b) => a.Beats(b) ? 1 : b.Beats(a) ? -1 : 0);
        var values = order.Select((c, rank) => $"('{c.Name()}', {rank})");
        return $"CREATE TABLE precedence AS SELECT * FROM (VALUES {string.Join(", ", values)}) t(status, rank)";
    }

    private static string RatesQuery(string csv, LocalDate asOf, string output)
    {
        // One school's export may leave the school out, as analyze allows; then every pupil is of school ''.
        var school = File.ReadLines(csv).First().Split(',').Contains("school_id") ? "school_id" : "''";
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            COPY (
            WITH as_of AS (
                SELECT max(day) AS day, arg_max(week, day) AS week FROM school_days WHERE day <= DATE '{asOf:yyyy-MM-dd}'
            ),
            windows AS (
                SELECT w.weeks, min(s.day) AS first_day, count(*) * {SlotMinutes * (LastTimetabledSlot - FirstTimetabledSlot + 1)} AS timetabled
                FROM (VALUES {string.Join(", ", Windows.Select(w => $"({w})"))}) w(weeks), school_days s, as_of a
                WHERE s.day <= a.day AND s.week > a.week - w.weeks
                GROUP BY w.weeks
            ),
            registrations AS (
                SELECT {school} AS school_id, pupil_id, date, slot, status
                FROM read_csv('{csv}', header = true, delim = ',', quote = '"',
                              types = {"{"}'pupil_id': 'VARCHAR', 'date': 'DATE', 'slot': 'INTEGER', 'status': 'VARCHAR'{"}"})
            ),
            -- analyze ignores rows after T: a pupil registered only after T is not in pupils.parquet.
            pupils AS (SELECT DISTINCT school_id, pupil_id FROM registrations WHERE date <= DATE '{asOf:yyyy-MM-dd}'),
            slots AS (
                SELECT school_id, pupil_id, date, slot, arg_max(status, rank) AS status
                FROM registrations JOIN precedence USING (status)
                WHERE date <= (SELECT day FROM as_of)
                  AND date >= (SELECT first_day FROM windows WHERE weeks = {Windows.Max()})
                GROUP BY school_id, pupil_id, date, slot
            ),
            minutes AS (
                SELECT school_id, pupil_id
            """);
        foreach (var weeks in Windows)
        {
            var inWindow = $"date >= (SELECT first_day FROM windows WHERE weeks = {weeks})";
            sql.Append(CultureInfo.InvariantCulture,
                $",\n        sum(CASE WHEN slot NOT BETWEEN {FirstTimetabledSlot} AND {LastTimetabledSlot} THEN {SlotMinutes} WHEN status = 'exempt' THEN -{SlotMinutes} ELSE 0 END) FILTER (WHERE {inWindow}) AS extra_{weeks}w");
            foreach (var category in Categories.Absent)
                sql.Append(CultureInfo.InvariantCulture, $",\n        sum({SlotMinutes}) FILTER (WHERE {inWindow} AND status = '{category.Name()}') AS {category.Name()}_{weeks}w");
        }
        sql.Append("\n    FROM slots GROUP BY school_id, pupil_id\n)\nSELECT school_id, pupil_id");
        foreach (var weeks in Windows)
        {
            var scheduled = $"((SELECT timetabled FROM windows WHERE weeks = {weeks}) + coalesce(extra_{weeks}w, 0))";
            foreach (var category in Categories.Absent)
                sql.Append(CultureInfo.InvariantCulture, $",\n    coalesce({category.Name()}_{weeks}w, 0) / {scheduled} AS {category.Name()}_rate_{weeks}w");
            var absent = string.Join(" + ", Categories.Absent.Select(c => $"coalesce({c.Name()}_{weeks}w, 0)"));
            sql.Append(CultureInfo.InvariantCulture, $",\n    ({absent}) / {scheduled} AS absence_rate_{weeks}w");
        }
        sql.Append(CultureInfo.InvariantCulture, $"\nFROM pupils LEFT JOIN minutes USING (school_id, pupil_id)\n) TO '{output}' (FORMAT parquet)");
        return sql.ToString();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
