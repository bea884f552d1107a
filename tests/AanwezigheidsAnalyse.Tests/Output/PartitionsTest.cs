using System.Globalization;
using AanwezigheidsAnalyse.Synthetic;
using DuckDB.NET.Data;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// README, "Output": with <c>--partitioned</c> each school's partition of a dataset holds exactly that school's rows of
/// the dataset's single file, in the same order, without the partition columns; a school without signals has an empty
/// signals partition. The partitions are written from the rows on their way to the single file, a school at a time.
/// </summary>
public sealed class PartitionsTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-partitions-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Each_school_partition_is_the_school_s_rows_of_the_single_file()
    {
        // Three generated schools (00AA-00AC) and one school with a single late arrival, named to sort between them
        // (00AB5): no criterion holds for it, so its signals partition is the empty one in the middle of the order.
        var export = Path.Combine(_dir.FullName, "export.csv");
        Generator.Write(new GeneratorOptions { Pupils = 900, Schools = 3, Seed = 4, Until = new NodaTime.LocalDate(2025, 12, 19) }, export, null);
        File.AppendAllText(export, "00AB5,777777,1A,2025-12-01,2,late\n");
        var output = Path.Combine(_dir.FullName, "run");
        var result = await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [export],
            AsOf = new NodaTime.LocalDate(2025, 12, 19),
            OutputDirectory = output,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            Partitioned = true,
            Charts = false,
        });
        Assert.Equal(0, result.ExitCode);

        string[] schools = ["00AA", "00AB", "00AB5", "00AC"];
        foreach (var dataset in new[] { "pupils", "signals", "weekly" })
        {
            var single = await Rows(Path.Combine(output, $"{dataset}.parquet"));
            Assert.Equal(dataset == "signals" ? schools.Where(s => s != "00AB5") : schools, single.Select(r => r.School).Distinct());
            foreach (var school in schools)
            {
                var folder = Path.Combine(output, "datasets", dataset, $"school_id={school}");
                var asOf = Assert.Single(Directory.GetDirectories(folder));
                Assert.Equal("as_of=2025-12-19", Path.GetFileName(asOf));
                var partition = await Rows(Path.Combine(asOf, "part-0.parquet"));
                Assert.Equal(single.Where(r => r.School == school).Select(r => r.Values), partition.Select(r => r.Values));
            }
        }
        Assert.Empty(await Rows(Path.Combine(output, "datasets", "signals", "school_id=00AB5", "as_of=2025-12-19", "part-0.parquet")));
    }

    /// <summary>A Parquet file's rows in file order (DuckDB, as an analyst reads them): the school_id, and the other columns but as_of as text.</summary>
    private static Task<List<(string? School, string Values)>> Rows(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{path.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        var rows = new List<(string?, string)>();
        while (reader.Read())
        {
            string? school = null;
            var rest = new List<string>();
            for (var c = 0; c < reader.FieldCount; c++)
            {
                var text = reader.IsDBNull(c) ? "null" : Text(reader.GetValue(c));
                if (reader.GetName(c) == "school_id")
                    school = text;
                else if (reader.GetName(c) != "as_of")
                    rest.Add($"{reader.GetName(c)}={text}");
            }
            rows.Add((school, string.Join('|', rest)));
        }
        return Task.FromResult(rows);

        static string Text(object value) => value is System.Collections.IEnumerable list and not string
            ? "[" + string.Join(',', list.Cast<object?>().Select(v => v is null ? "null" : Text(v))) + "]"
            : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
    }
}
