using DuckDB.NET.Data;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// A small table of derived numbers (trends, backtests) to one Parquet file through DuckDB: typed columns, sorted,
/// the file replaced whole. The pupil datasets have their own streaming writer; these tables are thousands of rows.
/// </summary>
internal static class ParquetTable
{
    /// <summary>Writes <paramref name="rows"/> as <paramref name="columns"/> (DuckDB column definitions), ordered by <paramref name="order"/>.</summary>
    public static void Write<TRow>(string path, string columns, string order, IReadOnlyList<TRow> rows, Func<IDuckDBAppenderRow, TRow, IDuckDBAppenderRow> append)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE t ({columns})";
            create.ExecuteNonQuery();
        }
        using (var appender = connection.CreateAppender("t"))
        {
            foreach (var row in rows)
                append(appender.CreateRow(), row).EndRow();
        }
        // Named as every file being written is, so that what a killed run leaves is known for its own (OutputFolder).
        var temp = AtomicFile.TempPathFor(path);
        using (var copy = connection.CreateCommand())
        {
            copy.CommandText = $"COPY (SELECT * FROM t ORDER BY {order}) TO '{temp.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            copy.ExecuteNonQuery();
        }
        File.Move(temp, path, overwrite: true);
    }
}
