using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Output;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// A row group's columns are taken side by side on the cores: every column still holds its rows in the order given,
/// over several row groups and a last short one (read back with the reader last week's run is read with).
/// </summary>
public class ColumnarWriterTest
{
    private sealed record Row(int Id, string? Name, double? Share, long Big);

    [Fact]
    public async Task EveryColumnHoldsTheRowsInTheirOrder()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 2 * ColumnarWriter.RowGroupSize + 1234)
            .Select(i => new Row(i, random.Next(5) == 0 ? null : $"n{random.Next(100_000)}", random.Next(4) == 0 ? null : random.NextDouble(), random.NextInt64()))
            .ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"columnar-{Guid.NewGuid():N}.parquet");
        try
        {
            await ColumnarWriter.WriteFileAsync(path,
            [
                Columns.Int((in Row r) => r.Id, "id", ""),
                Columns.Text((in Row r) => r.Name, "name", ""),
                Columns.NullableDouble((in Row r) => r.Share, "share", ""),
                Columns.Long((in Row r) => r.Big, "big", ""),
            ], rows);

            var read = new List<Row>();
            await foreach (var group in Datasets.ReadGroupsAsync(path, "id", "name", "share", "big"))
            {
                var (ids, names, shares, bigs) = ((int[])group[0], (string?[])group[1], (double?[])group[2], (long[])group[3]);
                read.AddRange(ids.Select((id, i) => new Row(id, names[i], shares[i], bigs[i])));
            }
            Assert.Equal(rows, read);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AColumnThatFails_FailsTheWriteWithItsOwnException()
    {
        using var stream = new MemoryStream();
        var failure = await Assert.ThrowsAsync<IOException>(() => ColumnarWriter.WriteAsync(stream,
        [
            Columns.Int((in int r) => r, "id", ""),
            Columns.Int((in int r) => r == 7 ? throw new IOException("disk") : r, "other", ""),
        ], Enumerable.Range(0, 10)));
        Assert.Equal("disk", failure.Message);
    }
}
