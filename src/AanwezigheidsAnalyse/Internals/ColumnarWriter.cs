using Parquet;
using Parquet.Schema;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// One column of a dataset: its name, what it means (for the README), and how to take its value from a row.
/// Values are gathered into a typed buffer of one row group and written with Parquet.Net's column writer, so a
/// dataset of millions of rows is written without an object per row and in bounded memory.
/// </summary>
internal abstract class Column<TRow>(string name, string description)
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public abstract Field Field { get; }

    public abstract void Take(in TRow row, int index);

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, int count);

    public abstract void Resize(int capacity);
}

/// <summary>Column factories: one per Parquet type the datasets use.</summary>
internal static class Columns
{
    public delegate T Getter<TRow, T>(in TRow row);

    public static Column<TRow> Int<TRow>(Getter<TRow, int> get, string name, string description) =>
        new Value<TRow, int>(name, description, get);

    public static Column<TRow> Long<TRow>(Getter<TRow, long> get, string name, string description) =>
        new Value<TRow, long>(name, description, get);

    public static Column<TRow> Double<TRow>(Getter<TRow, double> get, string name, string description) =>
        new Value<TRow, double>(name, description, get);

    public static Column<TRow> Bool<TRow>(Getter<TRow, bool> get, string name, string description) =>
        new Value<TRow, bool>(name, description, get);

    public static Column<TRow> Date<TRow>(Getter<TRow, DateOnly> get, string name, string description) =>
        new Value<TRow, DateOnly>(name, description, get);

    public static Column<TRow> NullableInt<TRow>(Getter<TRow, int?> get, string name, string description) =>
        new Nullable<TRow, int>(name, description, get);

    public static Column<TRow> NullableDouble<TRow>(Getter<TRow, double?> get, string name, string description) =>
        new Nullable<TRow, double>(name, description, get);

    public static Column<TRow> NullableDate<TRow>(Getter<TRow, DateOnly?> get, string name, string description) =>
        new Nullable<TRow, DateOnly>(name, description, get);

    public static Column<TRow> Text<TRow>(Getter<TRow, string?> get, string name, string description) =>
        new TextColumn<TRow>(name, description, get);

    public static Column<TRow> TextList<TRow>(Getter<TRow, IReadOnlyList<string>> get, string name, string description) =>
        new TextListColumn<TRow>(name, description, get);

    /// <summary>A list of items per row written as text, like <see cref="TextList"/>, but formatted into one buffer per row group instead of a string per item.</summary>
    public static Column<TRow> FormattedList<TRow, TItem>(Getter<TRow, IReadOnlyList<TItem>> get, string name, string description)
        where TItem : ISpanFormattable =>
        new FormattedListColumn<TRow, TItem>(name, description, get);

    private sealed class Value<TRow, T>(string name, string description, Getter<TRow, T> get) : Column<TRow>(name, description)
        where T : struct
    {
        private T[] _values = [];

        public override Field Field { get; } = new DataField<T>(name, false);

        public override void Resize(int capacity) => _values = new T[capacity];

        public override void Take(in TRow row, int index) => _values[index] = get(in row);

        public override Task WriteAsync(ParquetRowGroupWriter writer, int count) =>
            writer.WriteAsync((DataField)Field, new ReadOnlyMemory<T>(_values, 0, count));
    }

    private sealed class Nullable<TRow, T>(string name, string description, Getter<TRow, T?> get) : Column<TRow>(name, description)
        where T : struct
    {
        private T?[] _values = [];

        public override Field Field { get; } = new DataField<T?>(name, true);

        public override void Resize(int capacity) => _values = new T?[capacity];

        public override void Take(in TRow row, int index) => _values[index] = get(in row);

        public override Task WriteAsync(ParquetRowGroupWriter writer, int count) =>
            writer.WriteAsync((DataField)Field, new ReadOnlyMemory<T?>(_values, 0, count));
    }

    private sealed class TextColumn<TRow>(string name, string description, Getter<TRow, string?> get) : Column<TRow>(name, description)
    {
        private string?[] _values = [];

        public override Field Field { get; } = new DataField<string>(name, true);

        public override void Resize(int capacity) => _values = new string?[capacity];

        public override void Take(in TRow row, int index) => _values[index] = get(in row);

        public override Task WriteAsync(ParquetRowGroupWriter writer, int count) =>
            writer.WriteAsync((DataField)Field, new ArraySegment<string?>(_values, 0, count), null);
    }

    /// <summary>
    /// A list of texts per row: elements flattened with repetition levels; an empty list is one null element at level
    /// 0. Elements are character slices, as Parquet.Net's string overload makes them from strings: the same bytes.
    /// </summary>
    private abstract class ListColumn<TRow>(string name, string description) : Column<TRow>(name, description)
    {
        private readonly ListField _field = new(name, new DataField<string>("element", true));
        private ReadOnlyMemory<char>?[] _elements = [];
        private int[] _levels = [];
        private int _count;

        public override Field Field => _field;

        public override void Resize(int capacity)
        {
            (_elements, _levels, _count) = ([], [], 0);
            Clear();
        }

        protected void Add(ReadOnlyMemory<char>? element, int level)
        {
            if (_count == _elements.Length)
            {
                Array.Resize(ref _elements, Math.Max(_count * 2, 1024));
                Array.Resize(ref _levels, _elements.Length);
            }
            _elements[_count] = element;
            _levels[_count++] = level;
        }

        /// <summary>The row group is written: what the elements were made in may be reused.</summary>
        protected virtual void Clear()
        {
        }

        public override async Task WriteAsync(ParquetRowGroupWriter writer, int count)
        {
            await writer.WriteAsync((DataField)_field.Item, new ReadOnlyMemory<ReadOnlyMemory<char>?>(_elements, 0, _count), new ReadOnlyMemory<int>(_levels, 0, _count));
            _count = 0;
            Clear();
        }
    }

    private sealed class TextListColumn<TRow>(string name, string description, Getter<TRow, IReadOnlyList<string>> get) : ListColumn<TRow>(name, description)
    {
        public override void Take(in TRow row, int index)
        {
            var values = get(in row);
            if (values.Count == 0)
                Add(null, 0);
            for (var i = 0; i < values.Count; i++)
                Add(values[i].AsMemory(), i == 0 ? 0 : 1);
        }
    }

    /// <summary>
    /// Items formatted into a text buffer kept from row group to row group, without a string per element
    /// (signals.parquet's evidence: about three million at a million pupils).
    /// </summary>
    private sealed class FormattedListColumn<TRow, TItem>(string name, string description, Getter<TRow, IReadOnlyList<TItem>> get) : ListColumn<TRow>(name, description)
        where TItem : ISpanFormattable
    {
        private char[] _text = [];
        private int _used;

        public override void Take(in TRow row, int index)
        {
            var items = get(in row);
            if (items.Count == 0)
                Add(null, 0);
            for (var i = 0; i < items.Count; i++)
            {
                int written;
                while (!items[i].TryFormat(_text.AsSpan(_used), out written, default, System.Globalization.CultureInfo.InvariantCulture))
                {
                    // Slices taken so far keep the full buffer alive until the row group is written.
                    _text = new char[Math.Max(_text.Length * 2, 1 << 12)]; // small at first: a school's partition needs little
                    _used = 0;
                }
                Add(new ReadOnlyMemory<char>(_text, _used, written), i == 0 ? 0 : 1);
                _used += written;
            }
        }

        // Written: the buffer is free for the next row group (Parquet.Net keeps no slice of it, its statistics are strings).
        protected override void Clear() => _used = 0;
    }
}

/// <summary>
/// Writes rows to a Parquet file through a column list, one row group of at most <see cref="RowGroupSize"/>
/// rows at a time, atomically. The same rows in the same order give the same bytes.
/// </summary>
internal static class ColumnarWriter
{
    public const int RowGroupSize = 25_000;

    internal static readonly ParquetOptions Options = new()
    {
        CompressionLevel = System.IO.Compression.CompressionLevel.Fastest,
        DictionaryEncodingSampleSize = 1000,
        // Parquet.Net pools its page buffers (RecyclableMemoryStream); a small cap lets a national run's memory go
        // back to the GC instead of to the pool.
        MaximumSmallPoolFreeBytes = 8 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 8 * 1024 * 1024,
    };

    /// <summary>
    /// Writes a new file at <paramref name="path"/>, plainly: a run's outputs go into a staging folder that becomes
    /// visible whole (<see cref="OutputFolder"/>), so a file of its own needs no temporary name and no flush to disk.
    /// With rows made as they are read (a count LINQ cannot see), an exact <c>rowCount</c> keeps a small run's buffers
    /// small and gives the same row groups as no count.
    /// </summary>
    public static async Task<long> WriteFileAsync<TRow>(string path, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows, int? rowCount = null)
    {
        // Parquet.Net writes many small pieces asynchronously: a buffer keeps them from each becoming an operating-system
        // write scheduled on the thread pool (its pages pass straight through). Below the large-object heap's 85 000
        // bytes: a buffer of 1 MB per file made a partitioned national run's 24 000 files leave gigabytes of large
        // objects for the collector (a million pupils partitioned peaked at 2.2 GB, 1.4 GB with this one; pupils.parquet
        // of a million pupils is written as fast).
        await using var stream = new BufferedStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1), 1 << 16);
        return await WriteAsync(stream, columns, rows, rowCount);
    }

    /// <summary>Writes the rows as Parquet to <paramref name="stream"/>, a row group at a time; returns the rows written.</summary>
    public static async Task<long> WriteAsync<TRow>(Stream stream, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows, int? rowCount = null)
    {
        long written = 0;
        try
        {
            var schema = new ParquetSchema(columns.Select(c => c.Field));
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, Options);
            // Buffers for one row group, no larger than the rows when their count is known (a small school's run).
            var capacity = (rowCount ?? (rows.TryGetNonEnumeratedCount(out var known) ? known : null)) is { } expected ? Math.Clamp(expected, 1, RowGroupSize) : RowGroupSize;
            foreach (var column in columns)
                column.Resize(capacity);
            var group = new TRow[capacity];
            var count = 0;
            foreach (var row in rows)
            {
                group[count] = row;
                if (++count == capacity)
                {
                    Gather(columns, group, count);
                    await Flush(writer, columns, count);
                    written += count;
                    count = 0;
                }
            }
            Gather(columns, group, count);
            if (count > 0 || written == 0)
                await Flush(writer, columns, count);
            written += count;
        }
        finally
        {
            foreach (var column in columns)
                column.Resize(0); // the buffers go with the file, whoever holds the column list
        }
        return written;
    }

    /// <summary>
    /// A row group's values, column by column on every core (taking the values is most of a dataset's time: about two
    /// thirds of pupils.parquet's); each column fills its own buffer in row order, so the file is the same.
    /// </summary>
    private static void Gather<TRow>(IReadOnlyList<Column<TRow>> columns, TRow[] group, int count)
    {
        try
        {
            Parallel.For(0, columns.Count, c =>
            {
                var column = columns[c];
                for (var i = 0; i < count; i++)
                    column.Take(in group[i], i);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A failure surfaces as itself, as when the values were taken on one thread (the CLI's exit codes go by its type).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    private static async Task Flush<TRow>(ParquetWriter writer, IReadOnlyList<Column<TRow>> columns, int count)
    {
        using var group = writer.CreateRowGroup();
        foreach (var column in columns)
            await column.WriteAsync(group, count);
        group.CompleteValidate();
    }
}
