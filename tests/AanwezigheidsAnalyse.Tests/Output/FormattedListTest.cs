using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Rules;
using NodaTime;
using Parquet;
using Parquet.Schema;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// The list columns hand Parquet.Net character slices (signals.parquet's evidence formatted into one text buffer per
/// row group, tier_reasons the strings' own characters): the file is byte for byte the one Parquet.Net's own string
/// overload writes, over several row groups (the buffer is reused), with empty lists, lists that outgrow a buffer, and
/// rows after them.
/// </summary>
public class FormattedListTest
{
    [Theory]
    [InlineData(1, 7)]
    [InlineData(60_000, 42)]
    public async Task TheFileIsTheOneStringsWrite(int rows, int seed)
    {
        var random = new Random(seed);
        var day = new LocalDate(2025, 8, 18);
        var lists = Enumerable.Range(0, rows).Select(r => (IReadOnlyList<EvidenceItem>)[.. Enumerable.Range(0, r % 97 == 0 ? 3_000 : random.Next(0, 6))
            .Select(_ => new EvidenceItem(day.PlusDays(random.Next(0, 300)), day.PlusDays(random.Next(300, 320)), random.Next(3) == 0 ? null : random.NextDouble() * 40))]).ToArray();
        var expected = await WithParquetStrings(lists);

        using var formatted = new MemoryStream();
        await ColumnarWriter.WriteAsync(formatted, [Columns.FormattedList((in IReadOnlyList<EvidenceItem> row) => row, "evidence", "")], lists);
        using var texts = new MemoryStream();
        await ColumnarWriter.WriteAsync(texts, [Columns.TextList((in IReadOnlyList<EvidenceItem> row) => [.. row.Select(e => e.ToString())], "evidence", "")], lists);

        Assert.True(expected.Length > 0);
        Assert.Equal(expected, formatted.ToArray());
        Assert.Equal(expected, texts.ToArray());
    }

    /// <summary>The reference: each row group's items as strings, through Parquet.Net's string overload.</summary>
    private static async Task<byte[]> WithParquetStrings(IReadOnlyList<IReadOnlyList<EvidenceItem>> lists)
    {
        var field = new ListField("evidence", new DataField<string>("element", true));
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream, ColumnarWriter.Options))
        {
            foreach (var group in lists.Chunk(ColumnarWriter.RowGroupSize))
            {
                var elements = new List<string?>();
                var levels = new List<int>();
                foreach (var row in group)
                {
                    if (row.Count == 0)
                    {
                        elements.Add(null);
                        levels.Add(0);
                    }
                    for (var i = 0; i < row.Count; i++)
                    {
                        elements.Add(row[i].ToString());
                        levels.Add(i == 0 ? 0 : 1);
                    }
                }
                using var rowGroup = writer.CreateRowGroup();
                await rowGroup.WriteAsync((DataField)field.Item, elements, new ReadOnlyMemory<int>([.. levels]));
                rowGroup.CompleteValidate();
            }
        }
        return stream.ToArray();
    }
}
