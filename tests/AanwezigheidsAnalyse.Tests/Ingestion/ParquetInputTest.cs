using AanwezigheidsAnalyse.Ingestion;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>Parquet exports through the row pipeline: typed columns read as text, every row accounted.</summary>
public sealed class ParquetInputTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("parquet-input-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly LocalDate T = new(2025, 12, 5);

    private string Write(string name, DateOnly[] dates, string?[] codes) =>
        WriteAsync(name, [.. dates.Select((_, i) => (1001 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))], [.. dates.Select(d => (DateOnly?)d)], codes, null).GetAwaiter().GetResult();

    // Writes pupil_id, date and status, and a name column the profile does not read when names are given.
    private async Task<string> WriteAsync(string name, string?[] pupils, DateOnly?[] dates, string?[] codes, string?[]? names)
    {
        var path = Path.Combine(_dir.FullName, name);
        var pupil = new DataField<string?>("pupil_id");
        var date = new DataField<DateOnly?>("date");
        var status = new DataField<string?>("status");
        var naam = new DataField<string?>("naam");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(names is null ? new ParquetSchema(pupil, date, status) : new ParquetSchema(pupil, date, status, naam), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(pupil, new ArraySegment<string?>(pupils), null);
        await group.WriteAsync(date, new ReadOnlyMemory<DateOnly?>(dates));
        await group.WriteAsync(status, new ArraySegment<string?>(codes), null);
        if (names is not null)
            await group.WriteAsync(naam, new ArraySegment<string?>(names), null);
        return path;
    }

    private LoadResult Load(string input, string? profile = null) =>
        Exports.Load(new LoadOptions { Inputs = [input], AsOf = T, Profile = profile }, Path.Combine(_dir.FullName, "rejects.csv"));

    [Fact]
    public void TypedDate_UnderAProfileWithoutIsoDates_IsReadInTheProfilesFormat()
    {
        // A school's own profile that knows only Dutch dates: a typed DATE column must not be rejected as a bad date.
        using var bundled = typeof(Exports).Assembly.GetManifestResourceStream("profiles/canonical.json")!;
        var canonical = new StreamReader(bundled).ReadToEnd();
        var profile = Path.Combine(_dir.FullName, "nl-dates.json");
        File.WriteAllText(profile, canonical
            .Replace("\"name\": \"canonical\"", "\"name\": \"nl-dates\"", StringComparison.Ordinal)
            .Replace("[\"yyyy-MM-dd\", \"dd-MM-yyyy\", \"d-M-yyyy\"]", "[\"dd-MM-yyyy\"]", StringComparison.Ordinal));
        Assert.Contains("[\"dd-MM-yyyy\"]", File.ReadAllText(profile), StringComparison.Ordinal);
        var input = Write("typed.parquet", [new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 2)], ["sick", "unauthorized"]);

        var loaded = Load(input, profile);

        var file = Assert.Single(loaded.Ingest.Files);
        Assert.Equal("nl-dates", file.Profile);
        Assert.Equal(2, file.Accepted);
        Assert.Equal(0, file.Rejected);
        Assert.Equal(new LocalDate(2025, 12, 1), file.FirstDate);
        Assert.Equal(new LocalDate(2025, 12, 2), file.LastDate);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATimestampAdjustedToUtc_IsDatedInAmsterdam(bool adjustedToUtc)
    {
        // pandas and DuckDB write a Dutch midnight with its zone as an instant: 2025-12-01 00:00+01 is 30 November 23:00 UTC
        // (a Sunday), 2025-12-02 00:00+01 is 1 December 23:00 UTC. A timestamp without a zone is the date it says.
        DateTime[] stamps = adjustedToUtc
            ? [new(2025, 11, 30, 23, 0, 0, DateTimeKind.Utc), new(2025, 12, 1, 23, 0, 0, DateTimeKind.Utc)]
            : [new(2025, 12, 1, 0, 0, 0, DateTimeKind.Unspecified), new(2025, 12, 2, 8, 30, 0, DateTimeKind.Unspecified)];
        var path = Path.Combine(_dir.FullName, "tijdzone.parquet");
        var pupil = new DataField<string>("pupil_id");
        var date = new DateTimeDataField("date", DateTimeFormat.Timestamp, isAdjustedToUTC: adjustedToUtc, unit: DateTimeTimeUnit.Micros);
        var status = new DataField<string>("status");
        await using (var stream = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(pupil, date, status), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(pupil, new ArraySegment<string>(["1001", "1001"]), null);
            await group.WriteAsync(date, new ReadOnlyMemory<DateTime>(stamps));
            await group.WriteAsync(status, new ArraySegment<string>(["sick", "sick"]), null);
        }

        var file = Assert.Single(Load(path).Ingest.Files);

        Assert.Equal(2, file.Accepted);
        Assert.Equal(new LocalDate(2025, 12, 1), file.FirstDate);
        Assert.Equal(new LocalDate(2025, 12, 2), file.LastDate);
    }

    [Fact]
    public async Task LastWeeksRunOfAnOlderVersion_IsReadInTodaysSpelling()
    {
        // Before December 2026 pupil numbers were written as the export had them: last week's 0100346 is today's 100346.
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "vorige-week")).FullName;
        var school = new DataField<string>("school_id");
        var key = new DataField<string>("pupil_key");
        var asOf = new DataField<DateOnly>("as_of");
        var tier = new DataField<int>("tier");
        var weeks = new DataField<int>("weeks_in_tier");
        await using (var stream = File.Create(Path.Combine(folder, "pupils.parquet")))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(school, key, asOf, tier, weeks), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(school, new ArraySegment<string>(["00aa", "00AA", "00AA"]), null);
            await group.WriteAsync(key, new ArraySegment<string>(["0100346", "a7", "0123456789abcdef0123456789abcdef"]), null);
            await group.WriteAsync(asOf, new ReadOnlyMemory<DateOnly>([new(2025, 12, 12), new(2025, 12, 12), new(2025, 12, 12)]));
            await group.WriteAsync(tier, new ReadOnlyMemory<int>([3, 2, 1]));
            await group.WriteAsync(weeks, new ReadOnlyMemory<int>([4, 1, 9]));
        }
        var criterion = new DataField<string>("criterion_id");
        await using (var stream = File.Create(Path.Combine(folder, "signals.parquet")))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(school, key, criterion), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(school, new ArraySegment<string>(["00aa"]), null);
            await group.WriteAsync(key, new ArraySegment<string>(["0100346"]), null);
            await group.WriteAsync(criterion, new ArraySegment<string>(["KPA-25"]), null);
        }

        var lastWeek = await AanwezigheidsAnalyse.Output.Datasets.ReadLastWeekAsync(folder);

        Assert.Equal([("00AA", "0123456789abcdef0123456789abcdef"), ("00AA", "100346"), ("00AA", "A7")], lastWeek.Pupils.Keys.Order());
        Assert.True(lastWeek.Met[("00AA", "100346")].Contains(AanwezigheidsAnalyse.Rules.CriterionId.Kpa25));
    }

    /// <summary>
    /// A date Parquet.Net cannot turn into a date (year 10000, -infinity), as DuckDB writes them, or a damaged footer:
    /// exit 2 naming the file, not an internal error (an adversarial pass).
    /// </summary>
    [Theory]
    [InlineData("'10000-01-01'::DATE")]
    [InlineData("'-infinity'::DATE")]
    [InlineData(null)]
    public void ADateBeyondTheYears_OrADamagedFooter_IsAUserError(string? date)
    {
        var path = Path.Combine(_dir.FullName, "hostile.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT * FROM (VALUES ('1001', DATE '2025-12-01', 'sick'), ('1002', {date ?? "DATE '2025-12-02'"}, 'sick')) t(pupil_id, date, status)) TO '{path}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        if (date is null)
        {
            // The footer's Thrift bytes overwritten, its length and the magic kept.
            var bytes = File.ReadAllBytes(path);
            var length = BitConverter.ToInt32(bytes, bytes.Length - 8);
            Array.Fill(bytes, (byte)0xFF, bytes.Length - 8 - length, Math.Min(length, 64));
            File.WriteAllBytes(path, bytes);
        }

        var error = Assert.Throws<UserError>(() => Load(path));

        Assert.Equal(Setting.Inputs, error.About);
        Assert.Contains("hostile.parquet' is not a readable Parquet file", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCode_InTheLastRow_IsRejectedNotLost()
    {
        var input = Write("trailing.parquet", [new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1)], ["sick", null]);

        var loaded = Load(input);

        var file = Assert.Single(loaded.Ingest.Files);
        Assert.Equal(2, file.RowsRead);
        Assert.Equal(1, file.Accepted);
        Assert.Equal(1, file.Rejected);
        Assert.True(file.IsBalanced);
        Assert.Equal(1, file.RejectedBy[RejectReason.CodeMissing]);
        Assert.Contains(";2;status;", File.ReadAllLines(Path.Combine(_dir.FullName, "rejects.csv"))[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Row_WithOnlyAnUnreadColumnFilled_IsRejectedAsInCsv_AndAnEmptyRowIsIgnored()
    {
        // Row 2 holds only a name (a column no profile reads): faulty, as it would be in CSV. Row 3 holds nothing.
        var input = await WriteAsync(
            "names.parquet",
            ["1001", null, null],
            [new DateOnly(2025, 12, 1), null, null],
            ["sick", null, null],
            [null, "Jan Jansen", null]);

        var loaded = Load(input);

        var file = Assert.Single(loaded.Ingest.Files);
        Assert.Equal(3, file.RowsRead);
        Assert.Equal(1, file.Accepted);
        Assert.Equal(1, file.RejectedBy[RejectReason.PupilMissing]);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.EmptyRow]);
        Assert.DoesNotContain("Jan", File.ReadAllText(Path.Combine(_dir.FullName, "rejects.csv")), StringComparison.Ordinal);
    }
}
