using System.Collections;
using System.Globalization;
using Parquet.Serialization;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>Reads a Parquet file (with its own reader, not ours) into text: the schema, then one line per row.</summary>
internal static class ParquetDump
{
    public static async Task<List<Dictionary<string, object?>>> RowsAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
        return [.. result.Data.Select(row => row.ToDictionary(kv => kv.Key, kv => (object?)kv.Value))];
    }

    public static async Task<string> TextAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        var result = await ParquetSerializer.DeserializeUntypedAsync(stream);
        var lines = new List<string> { "schema: " + string.Join(", ", result.Schema.Fields.Select(f => f.Name)) };
        foreach (var row in result.Data)
            lines.Add(string.Join(" | ", result.Schema.Fields.Select(f => $"{f.Name}={Format(row.TryGetValue(f.Name, out var v) ? v : null)}")));
        return string.Join("\n", lines) + "\n";
    }

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => "[" + string.Join(",", e.Cast<object?>().Select(Format)) + "]",
        var other => other.ToString() ?? "",
    };
}
