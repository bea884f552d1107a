using System.Globalization;
using System.Text.RegularExpressions;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using DuckDB.NET.Data;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>The answer to a question: the column names and the rows, values as DuckDB gives them.</summary>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// SQL over a Taskforce dataset with DuckDB, embedded (README, "The Taskforce"): views <c>pupils</c>, <c>signals</c> and
/// <c>weekly</c> over the Hive partitions, <c>school_id</c> as text and <c>as_of</c> as a date. Read-only: one
/// statement that asks (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, SHOW, PIVOT), and DuckDB itself locked to the
/// dataset's folder, so a question can neither write nor read elsewhere.
/// </summary>
public static class DatasetQuery
{
    private static readonly string[] Views = ["pupils", "signals", "weekly"];

    private static readonly (string Name, string File)[] TrendsViews = [("trends", "weekly.parquet"), ("schools", "schools.parquet")];

    private static readonly string[] Asking = ["select", "with", "from", "describe", "summarize", "show", "pivot", "unpivot", "table", "values", "explain"];

    /// <summary>Asks <paramref name="sql"/> of the dataset in <paramref name="dataset"/>; at most <paramref name="maxRows"/> rows are read.</summary>
    public static QueryResult Run(string dataset, string sql, int maxRows = int.MaxValue) => WhileUnchanged(dataset, () =>
    {
        var rows = new List<object?[]>();
        IReadOnlyList<string> columns = [];
        Read(dataset, sql, names => columns = names, row =>
        {
            rows.Add(row);
            return rows.Count < maxRows;
        });
        return new QueryResult(columns, rows);
    });

    /// <summary>
    /// Asks a question so that it sees one state of a Taskforce dataset. query takes no lock (two analysts may ask at
    /// once, and the dataset may be read-only to them), so a collect may move its runs into place while DuckDB reads:
    /// a school's week half moved, or a file replaced between its footer and its rows. Whether the catalogue (which a
    /// collect replaces last) and the commit folder stayed as they were says whether that happened; if so the
    /// question is asked again, twice at most.
    /// </summary>
    internal static T WhileUnchanged<T>(string dataset, Func<T> ask)
    {
        var folder = Path.GetFullPath(dataset);
        for (var attempt = 1; ; attempt++)
        {
            var before = State(folder);
            try
            {
                var answer = ask();
                if (State(folder) == before)
                    return answer;
            }
            catch (UserError) when (State(folder) != before)
            {
                // read while a collect moved files: asked again below
            }
            if (attempt == 3)
                throw new UserError(Texts.Taskforce.DatasetChanging(dataset), Setting.Inputs);
        }
    }

    private static (long Length, DateTime Written, bool Unfinished) State(string folder)
    {
        var catalogue = new FileInfo(Path.Combine(folder, Collection.CatalogueName));
        return catalogue.Exists ? (catalogue.Length, catalogue.LastWriteTimeUtc, Collection.Unfinished(folder)) : (-1, default, false);
    }

    /// <summary>Gives the column names to <paramref name="begin"/>, then the answer row by row to <paramref name="take"/> until it says stop.</summary>
    private static void Read(string dataset, string sql, Action<IReadOnlyList<string>> begin, Func<object?[], bool> take)
    {
        sql = OneKindOfLineEnd(sql);
        using var connection = Open(dataset, sql, writeTo: null);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using var reader = command.ExecuteReader();
            begin([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)]);
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var c = 0; c < row.Length; c++)
                    row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
                if (!take(row))
                    break;
            }
        }
        catch (DuckDBException e)
        {
            throw new UserError(Texts.Taskforce.QueryFailed(FirstLine(e.Message)), Setting.Inputs);
        }
    }

    /// <summary>Writes the answer for Excel: ';', UTF-8 with BOM, numbers in the language's notation, formulas escaped.</summary>
    public static int ToCsv(string dataset, string sql, string file, Language language)
    {
        CheckOutside(dataset, file);
        return WhileUnchanged(dataset, () => WriteCsv(dataset, sql, file, language));
    }

    private static int WriteCsv(string dataset, string sql, string file, Language language)
    {
        var rows = 0;
        Internals.AtomicFile.Write(file, stream =>
        {
            // Streamed, row by row: an answer of millions of rows never sits in memory. Text that Excel would run
            // as a formula is escaped; numbers (a negative one too) stay numbers.
            using var writer = Internals.ExcelCsv.Create(stream, escapeFormulas: false);
            Read(dataset, sql, columns =>
            {
                // The answer to the same question may replace its earlier answer; any other file is the user's (an
                // export, the region's key), and stays.
                if (File.Exists(file) && !Internals.ExcelCsv.HasHeader(file, _ => [.. columns]))
                    throw new UserError(Texts.Taskforce.AnswerWouldReplace(file)); // given with --csv or --parquet, not --out
                writer.WriteRecord(columns.ToArray());
            }, row =>
            {
                writer.WriteRecord(row.Select(v => v is string or System.Collections.IEnumerable ? Escaped(Text(v, language)) : Text(v, language)).ToArray());
                rows++;
                return true;
            });
        });
        return rows;
    }

    /// <summary>Whether <paramref name="existing"/> is a Parquet file with the columns of <paramref name="answer"/>: an earlier answer to the question.</summary>
    private static bool SameColumns(string existing, string answer)
    {
        static string[]? Columns(string path)
        {
            try
            {
                var reader = Parquet.ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
                try
                {
                    return [.. reader.Schema.GetDataFields().Select(f => f.Path.ToString())];
                }
                finally
                {
                    reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException or Parquet.ParquetException)
            {
                return null;
            }
        }
        return Columns(existing) is { } had && Columns(answer) is { } has && had.SequenceEqual(has);
    }

    private static string Escaped(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>
    /// Writes the answer as Parquet, by DuckDB itself (its types kept), into a new empty folder beside the target that
    /// is then moved into place: DuckDB may read and write where it writes, and the target's own folder (a home folder,
    /// with the export and the region's key in it) was open to the question's read_csv.
    /// </summary>
    public static void ToParquet(string dataset, string sql, string file)
    {
        CheckOutside(dataset, file);
        var target = Path.GetFullPath(file);
        sql = OneKindOfLineEnd(sql);
        string staging;
        try
        {
            if (!Directory.Exists(Path.GetDirectoryName(target)))
                throw new UserError(Texts.NoFolderFor(file, Path.GetDirectoryName(target)!), Setting.Output);
            staging = PrivateTemp.Create(".aanwezigheid-query-", Path.GetDirectoryName(target)).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(Texts.Taskforce.CannotWriteAnswer(file), Setting.Output);
        }
        try
        {
            var answer = Path.Combine(staging, "answer.parquet");
            using (var connection = Open(dataset, sql, writeTo: staging))
            using (var command = connection.CreateCommand())
            {
                // The closing parenthesis on a line of its own: a question ending in a -- comment would swallow it.
                command.CommandText = $"COPY ({sql.TrimEnd().TrimEnd(';')}\n) TO '{answer.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
                WhileUnchanged(dataset, () =>
                {
                    try
                    {
                        return command.ExecuteNonQuery();
                    }
                    catch (DuckDBException e)
                    {
                        throw new UserError(Texts.Taskforce.QueryFailed(FirstLine(e.Message)), Setting.Inputs);
                    }
                });
            }
            if (File.Exists(target) && !SameColumns(target, answer))
                throw new UserError(Texts.Taskforce.AnswerWouldReplace(file)); // given with --csv or --parquet, not --out
            File.Move(answer, target, overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>True when the computed side holds pseudonyms: a Taskforce dataset always, an analyze folder when its run.json says so.</summary>
    internal static bool HoldsPseudonyms(string computed)
    {
        if (File.Exists(Path.Combine(computed, Collection.CatalogueName)))
            return true;
        var manifest = Path.Combine(computed, "run.json");
        return File.Exists(manifest) && System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.TryGetProperty("pseudonymised", out var p) && p.GetBoolean();
    }

    /// <summary>The fingerprint of the key that made the computed side: a dataset's catalogue, or an analyze folder's run.json; null when neither says.</summary>
    internal static string? KeyFingerprintOf(string computed)
    {
        var catalogue = Path.Combine(computed, Collection.CatalogueName);
        if (File.Exists(catalogue))
            return Collection.ReadCatalogue(catalogue).KeyFingerprint;
        var manifest = Path.Combine(computed, "run.json");
        return File.Exists(manifest) && System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.TryGetProperty("key_fingerprint", out var f)
            && f.ValueKind == System.Text.Json.JsonValueKind.String ? f.GetString() : null;
    }

    /// <summary>
    /// One of our own questions over a Taskforce dataset or one school's analyze folder, with a view <c>latest</c>:
    /// each school's latest as-of date.
    /// </summary>
    internal static List<object?[]> Latest(string computed, string sql) => WhileUnchanged(computed, () =>
    {
        try
        {
            return AskLatest(computed, sql);
        }
        catch (DuckDBException e)
        {
            // A partition cut short or overwritten: the dataset is damaged, which the user can mend (collect again).
            throw new UserError(Texts.Taskforce.DatasetUnreadable(computed, FirstLine(e.Message)), Setting.Inputs);
        }
    });

    private static List<object?[]> AskLatest(string computed, string sql)
    {
        var folder = Path.GetFullPath(computed);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        void Execute(string text) => DatasetQuery.Execute(connection, text);
        if (File.Exists(Path.Combine(folder, Collection.CatalogueName)))
        {
            if (Collection.Unfinished(folder))
                throw new UserError(Texts.Taskforce.CollectUnfinished(computed), Setting.Inputs);
            foreach (var run in Collection.ReadCatalogue(Path.Combine(folder, Collection.CatalogueName)).Runs)
            {
                foreach (var view in Views)
                    Collection.PartitionFiles(folder, view, run);
            }
            foreach (var view in Views)
                Execute($"CREATE VIEW {view} AS SELECT * FROM read_parquet({Quote(Path.Combine(folder, view, "*", "*", "*.parquet"))}, hive_partitioning = true, union_by_name = true, hive_types = {{'school_id': VARCHAR, 'as_of': DATE}})");
        }
        else if (Views.All(v => File.Exists(Path.Combine(folder, v + ".parquet"))))
        {
            foreach (var view in Views)
                Execute($"CREATE VIEW {view} AS SELECT * REPLACE (coalesce(school_id, '') AS school_id) FROM read_parquet({Quote(Path.Combine(folder, view + ".parquet"))})");
        }
        else
        {
            throw new UserError(Texts.Taskforce.NotComputed(computed), Setting.Inputs);
        }
        Execute("CREATE VIEW latest AS SELECT school_id, max(as_of) AS as_of FROM pupils GROUP BY 1");
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        return Rows(reader);
    }

    private static List<object?[]> Rows(System.Data.Common.DbDataReader reader)
    {
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++)
                row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            rows.Add(row);
        }
        return rows;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>query writes nothing into the dataset: not over its catalogue, not over a partition.</summary>
    private static void CheckOutside(string dataset, string file)
    {
        if (string.IsNullOrWhiteSpace(file))
            throw new UserError(Texts.OutputNameEmpty, Setting.Output);
        if (OutputFolder.IsBelow(OutputFolder.RealPath(file), OutputFolder.RealPath(dataset)))
            throw new UserError(Texts.Taskforce.OutputInDataset(file));
        if (Directory.Exists(file))
            throw new UserError(Texts.IsAFolder(Setting.Output, file));
    }

    private static DuckDBConnection Open(string dataset, string sql, string? writeTo)
    {
        var folder = Path.GetFullPath(dataset);
        if (folder.AsSpan().IndexOfAny("*?[]{}") >= 0)
            throw new UserError(Texts.Taskforce.BadDatasetPath(dataset), Setting.Inputs);
        if (!File.Exists(Path.Combine(folder, Collection.CatalogueName)))
            throw new UserError(Texts.Taskforce.NotADataset(dataset), Setting.Inputs);
        // A collect moving its runs into place (or stopped while it did) leaves a school's week half moved: no answer from that.
        if (Collection.Unfinished(folder))
            throw new UserError(Texts.Taskforce.CollectUnfinished(dataset), Setting.Inputs);
        var statement = sql.Trim().TrimEnd(';').TrimStart();
        if (!IsQuestion(statement) || OutsideLiterals(statement).Contains(';', StringComparison.Ordinal))
            throw new UserError(Texts.Taskforce.OnlyQuestions, Setting.Inputs);

        // A view over the partitions reads every partition's schema when it is made (about 1.5 ms a file: seconds for
        // a region, 6.6 s for the country's 24 000 files): only the views the question names are made.
        var named = ViewsNamed(statement);
        bool Wanted(string view) => named is null || named.Contains(view);
        // A run the catalogue lists without its partition (a file deleted or moved by hand) would be left out of the
        // answer without a word, and reconcile would put its thuiszitters under "only on the list".
        var runs = Collection.ReadCatalogue(Path.Combine(folder, Collection.CatalogueName)).Runs;
        foreach (var view in Views.Where(Wanted))
        {
            foreach (var run in runs)
                Collection.PartitionFiles(folder, view, run);
        }

        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        void Execute(string text) => DatasetQuery.Execute(connection, text);
        try
        {
            foreach (var view in Views.Where(v => Wanted(v) && Directory.Exists(Path.Combine(folder, v)) && Directory.EnumerateFiles(Path.Combine(folder, v), "*.parquet", SearchOption.AllDirectories).Any()))
            {
                var glob = Path.Combine(folder, view, "*", "*", "*.parquet");
                Execute($"CREATE VIEW {view} AS SELECT * FROM read_parquet({Quote(glob)}, hive_partitioning = true, union_by_name = true, hive_types = {{'school_id': VARCHAR, 'as_of': DATE}})");
            }
            // What trends wrote into the dataset (trends without --out): the trends and the schools' facts.
            foreach (var view in TrendsViews.Where(v => Wanted(v.Name) && File.Exists(Path.Combine(folder, "trends", v.File))))
                Execute($"CREATE VIEW {view.Name} AS SELECT * FROM read_parquet({Quote(Path.Combine(folder, "trends", view.File))})");
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new UserError(Texts.Taskforce.DatasetUnreadable(dataset, FirstLine(e.Message)), Setting.Inputs);
        }
        // From here DuckDB reads only the dataset (and writes only where --parquet asked), whatever the question says:
        // no extensions fetched or loaded, no spilling to a folder of the working directory.
        var allowed = string.Join(", ", new[] { folder, writeTo }.OfType<string>().Select(d => Quote(d + Path.DirectorySeparatorChar)));
        Execute("SET autoinstall_known_extensions = false");
        Execute("SET autoload_known_extensions = false");
        Execute("SET allow_community_extensions = false");
        Execute("SET temp_directory = ''");
        Execute($"SET allowed_directories = [{allowed}]");
        Execute("SET enable_external_access = false");
        Execute("SET lock_configuration = true");
        return connection;
    }

    /// <summary>
    /// A statement that only asks, by its first word. EXPLAIN asks only when what it explains does: EXPLAIN ANALYZE
    /// runs the statement, and DuckDB may write into the dataset's folder (it reads from there), so
    /// <c>EXPLAIN ANALYZE COPY … TO</c> wrote over a partition.
    /// </summary>
    internal static bool IsQuestion(string statement)
    {
        var words = Uncommented(statement);
        var first = FirstWord(words);
        if (first.Equals("explain", StringComparison.OrdinalIgnoreCase))
        {
            words = Uncommented(words[first.Length..]);
            if (FirstWord(words) is var option && option.Equals("analyze", StringComparison.OrdinalIgnoreCase))
                words = Uncommented(words[option.Length..]);
            first = FirstWord(words); // EXPLAIN (options) … has none: refused
            if (first.Equals("explain", StringComparison.OrdinalIgnoreCase))
                return false;
        }
        foreach (var asking in Asking)
        {
            if (first.Equals(asking, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;

        static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text) => text[..(text.IndexOfAnyExcept(Letters) is var end and >= 0 ? end : text.Length)];

        // The README's questions come with a -- comment above them, as an analyst keeps them. Only those: DuckDB nests
        // /* */ comments, so "/* /* */ SELECT */ COPY …" is a COPY to DuckDB and would be a SELECT to a simpler reading.
        // (Line ends are one kind by now: DuckDB may end a -- comment at a carriage return too.)
        static ReadOnlySpan<char> Uncommented(ReadOnlySpan<char> text)
        {
            while (true)
            {
                text = text.TrimStart();
                if (!text.StartsWith("--", StringComparison.Ordinal))
                    return text;
                text = text.IndexOf('\n') is var end and >= 0 ? text[(end + 1)..] : [];
            }
        }
    }

    private static readonly System.Buffers.SearchValues<char> Letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// The question with its line ends made one kind (\n): DuckDB's lexer may end a -- comment at a carriage return,
    /// where ours (<see cref="OutsideLiterals"/>, <see cref="IsQuestion"/>) ends it at a line feed, and "SELECT 1 --\r;
    /// COPY …" would be one statement to us and two to DuckDB. What DuckDB is given is what was checked.
    /// </summary>
    internal static string OneKindOfLineEnd(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>
    /// The views <paramref name="statement"/> names as words outside its strings and comments (a quoted name counts);
    /// null, for all of them, when it names none (SHOW TABLES) or asks the catalogue or a table by a name made at run
    /// time (information_schema, duckdb_views(), query_table): those would otherwise see only the views named.
    /// A column or alias of a view's name (weekly's <c>pupils</c>) makes one view more than needed, never one less.
    /// </summary>
    internal static HashSet<string>? ViewsNamed(string statement)
    {
        var words = OutsideLiterals(statement, keepQuotedNames: true);
        if (Regex.IsMatch(words, @"information_schema|duckdb_|pragma_|pg_catalog|sqlite_master|\bquery(_table)?\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            return null;
        var named = Views.Concat(TrendsViews.Select(v => v.Name))
            .Where(view => Regex.IsMatch(words, $@"\b{view}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToHashSet();
        return named.Count == 0 ? null : named;
    }

    /// <summary>
    /// The statement with its string literals, quoted names (unless <paramref name="keepQuotedNames"/>) and comments
    /// blanked: a semicolon in <c>'a;b'</c> is data, one outside them starts a second statement. An unclosed quote
    /// blanks the rest (DuckDB then refuses it).
    /// </summary>
    internal static string OutsideLiterals(string sql, bool keepQuotedNames = false)
    {
        var text = sql.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            var (open, close) = text[i] switch
            {
                '\'' => ("'", "'"),
                '"' => ("\"", "\""),
                '-' when i + 1 < text.Length && text[i + 1] == '-' => ("--", "\n"),
                '/' when i + 1 < text.Length && text[i + 1] == '*' => ("/*", "*/"),
                _ => (null, null),
            };
            if (open is null)
                continue;
            var end = sql.IndexOf(close!, i + open.Length, StringComparison.Ordinal);
            end = end < 0 ? text.Length : end + close!.Length;
            if (!(keepQuotedNames && open == "\""))
            {
                for (var k = i; k < end; k++)
                    text[k] = ' ';
            }
            i = end - 1;
        }
        return new string(text);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>A value as a person reads it in a table: dates as yyyy-MM-dd, numbers in the language's notation.</summary>
    public static string Text(object? value, Language language) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double x => x.ToString("0.####", language.Culture()),
        float x => x.ToString("0.####", language.Culture()),
        decimal x => x.ToString("0.####", language.Culture()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(v => Text(v, language))) + "]",
        _ => value.ToString() ?? "",
    };
}
