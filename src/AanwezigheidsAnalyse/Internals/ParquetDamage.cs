namespace AanwezigheidsAnalyse.Internals;

/// <summary>What reading a damaged Parquet file throws, one list for every reader that names the file instead of failing.</summary>
internal static class ParquetDamage
{
    /// <summary>
    /// True for the failures of a file that is cut off, overwritten or scrambled inside: Parquet.Net's own and its
    /// Thrift decoder's (a footer whose magic bytes survived), and what a decoder hits on nonsense lengths.
    /// </summary>
    public static bool Is(Exception e) => e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException
        or IndexOutOfRangeException or ArgumentException or OverflowException or FormatException or Parquet.ParquetException
        or Parquet.Meta.Proto.ThriftProtocolException;
}
