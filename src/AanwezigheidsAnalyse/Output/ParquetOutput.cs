using Parquet;
using Parquet.Serialization;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// Writes a dataset file: rows in row groups of a bounded size (so memory does not grow with the dataset),
/// atomically, and deterministically (the same rows give the same bytes).
/// </summary>
internal static class ParquetOutput
{
    public const int RowGroupSize = 100_000;

    public static async Task WriteAsync<T>(string path, IEnumerable<T> rows, IReadOnlyDictionary<string, string>? metadata = null)
        where T : class, new()
    {
        await AtomicFile.WriteAsync(path, async stream =>
        {
            var first = true;
            foreach (var chunk in rows.Chunk(RowGroupSize))
            {
                await ParquetSerializer.SerializeAsync(chunk, stream, new ParquetOptions { Append = !first }, first ? metadata : null);
                first = false;
            }
            if (first)
                await ParquetSerializer.SerializeAsync(Array.Empty<T>(), stream, new ParquetOptions(), metadata);
        });
    }
}
