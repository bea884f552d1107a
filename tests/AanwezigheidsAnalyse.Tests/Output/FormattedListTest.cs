using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Rules;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// signals.parquet's evidence is formatted into one text buffer per row group instead of a string per item: the file
/// is byte for byte the one the strings made, over several row groups (the buffer is reused), with empty lists,
/// lists that outgrow a buffer, and rows after them.
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

        using var formatted = new MemoryStream();
        await ColumnarWriter.WriteAsync(formatted, [Columns.FormattedList((in IReadOnlyList<EvidenceItem> row) => row, "evidence", "")], lists);
        using var strings = new MemoryStream();
        await ColumnarWriter.WriteAsync(strings, [Columns.TextList((in IReadOnlyList<EvidenceItem> row) => [.. row.Select(e => e.ToString())], "evidence", "")], lists);

        Assert.True(formatted.Length > 0);
        Assert.Equal(strings.ToArray(), formatted.ToArray());
    }
}
