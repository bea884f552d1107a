using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AanwezigheidsAnalyse.Localization;
using NodaTime;
using NodaTime.Text;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>The one JSON dialect of the project's data files: snake_case, comments and trailing commas allowed, ISO dates.</summary>
internal static partial class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>
    /// The dialect for a data file's <see cref="JsonSerializerContext"/>, whose metadata the source generator made at
    /// build time: reflecting over the settings types at run time cost a school's weekly run a fifth of its second.
    /// A generated reader sets an <c>init</c> property a file leaves out to its type's default instead of its
    /// initializer (dotnet/runtime#84484), so such a property of a file's type is <c>[JsonInclude] internal set</c>.
    /// </summary>
    public static JsonSerializerOptions ForContext(bool indented = false) => Create(indented, readOnly: false);

    private static JsonSerializerOptions Create(bool indented, bool readOnly = true)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // A field left out or written as null is an error naming it, not a null reaching the engine.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // A field given twice is a mistake to point out, not a value to pick silently.
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new LocalDateConverter());
        options.Converters.Add(new NamedEnumConverter());
        if (readOnly)
            options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// An enum by one of its names (snake_case as written, or as declared; any case), and written in snake_case. The
    /// runtime's string-enum converter also read "category": 3 as the fourth category, "present, late" as the two
    /// combined (off-site education, counted attended: truancy gone without a word) and "sick, suspended" as no
    /// category at all (an internal error): adversarial passes of the profiles.
    /// </summary>
    private sealed class NamedEnumConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Named<>).MakeGenericType(typeToConvert), Names.Of(typeToConvert))!;

        /// <summary>
        /// An enum's names, made without generic code: each enum type's converter is compiled at run time, and a
        /// LINQ chain over it put some 90 methods more before a school's first row (3 % of its run).
        /// </summary>
        private sealed class Names(Dictionary<string, object> values, Dictionary<object, string> names)
        {
            public Dictionary<string, object> Values { get; } = values;

            public Dictionary<object, string> Snake { get; } = names;

            public static Names Of(Type type)
            {
                var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
                var names = new Dictionary<object, string>();
                foreach (var name in Enum.GetNames(type))
                {
                    var value = Enum.Parse(type, name);
                    var snake = JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
                    values.TryAdd(snake, value);
                    values.TryAdd(name, value);
                    names.TryAdd(value, snake);
                }
                return new Names(values, names);
            }
        }

        private sealed class Named<T>(Names names) : JsonConverter<T>
            where T : struct, Enum
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                reader.TokenType == JsonTokenType.String && names.Values.TryGetValue(reader.GetString()!, out var value) ? (T)value : throw new JsonException();

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(names.Snake[value]);

            public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                names.Values.TryGetValue(reader.GetString()!, out var value) ? (T)value : throw new JsonException();

            public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(names.Snake[value]);
        }
    }

    /// <summary>Reads a data file, turning every failure into a <see cref="UserError"/> about <paramref name="setting"/> that names the file and the place.</summary>
    public static T ReadFile<T>(string path, Setting setting, JsonTypeInfo<T>? format = null) =>
        Parse(WholeFile(path, setting), path, setting, format);

    /// <summary>Reads a data file from a stream; <paramref name="format"/> is the file type's generated metadata, or null for reflection.</summary>
    public static T Read<T>(Stream stream, string name, Setting setting, JsonTypeInfo<T>? format = null) =>
        Parse(Whole(stream, name, setting), name, setting, format);

    /// <summary>
    /// Parses a data file's bytes (<see cref="Whole"/>). Read whole, then parsed: .NET 10 reading generated metadata
    /// from a stream lets a null through where the type allows none ("criteria": null), which the same bytes read at
    /// once refuse.
    /// </summary>
    public static T Parse<T>(byte[] bytes, string name, Setting setting, JsonTypeInfo<T>? format = null)
    {
        format ??= (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        // An empty file (or blank lines only) would be "not valid JSON: a comma or quote too many", which sends the
        // user looking for a comma.
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            throw new UserError(Texts.FileEmpty(setting, name), setting);
        // A file saved as Latin-1 (Windows' Notepad of old) was said as a value of the wrong kind, or a comma too many,
        // at the field where the first 'é' stood (an adversarial pass): the encoding is the problem.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            throw new UserError(Texts.NotUtf8(setting, name, LineOfFirstInvalid(bytes)), setting);
        try
        {
            RefuseNullItems(bytes, name, setting);
            return JsonSerializer.Deserialize(bytes, format)
                ?? throw new UserError(Texts.FileEmpty(setting, name), setting);
        }
        catch (JsonException e) when ((MissingFields(e) ?? NullField(e)) is { } fields)
        {
            throw new UserError(Texts.MissingFields(setting, name, e.LineNumber + 1, (e.BytePositionInLine ?? 0) + 1, e.Path, fields), setting);
        }
        catch (JsonValueException e)
        {
            throw new UserError(Texts.WrongValue(setting, name, e.LineNumber + 1, (e.BytePositionInLine ?? 0) + 1, e.Path, e.Problem), setting);
        }
        catch (JsonException e) when (UnknownField(e, format.Options) is var (field, allowed))
        {
            // .NET names its own type ("…any .NET member contained in type 'AanwezigheidsAnalyse.Rules.CriteriaSettings'");
            // the user needs the fields that are there. A key that is not shaped like one (a number, a name typed in
            // the wrong place) is not repeated.
            var path = Shown(e.Path) ? e.Path : null;
            throw new UserError(Texts.UnknownField(setting, name, e.LineNumber + 1, (e.BytePositionInLine ?? 0) + 1, path, Shown(field) ? field : null, allowed), setting);
        }
        catch (JsonException e) when (e.Path is { Length: > 0 } path && e.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // .NET's message names its own types ("…converted to System.Int32"); the user needs the field, and for a
            // category (a "?" left by --suggest-profile) the words that are allowed.
            var problem = path.EndsWith(".category", StringComparison.Ordinal) ? Texts.NotACategory : Texts.WrongJsonType;
            throw new UserError(Texts.WrongValue(setting, name, e.LineNumber + 1, (e.BytePositionInLine ?? 0) + 1, path, problem), setting);
        }
        catch (JsonException e)
        {
            // What is left is how the file is written (a comma, a quote or a bracket): .NET says which in English only.
            throw new UserError(Texts.NotValidJson(setting, name, e.LineNumber + 1, (e.BytePositionInLine ?? 0) + 1, Texts.JsonSyntax(e.Message)), setting);
        }
    }

    /// <summary>The line (from 1) of the first byte that is not UTF-8.</summary>
    private static int LineOfFirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length && System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var length) == System.Buffers.OperationStatus.Done)
            at += length;
        return bytes[..at].Count((byte)'\n') + 1;
    }

    /// <summary>A data file is a few kilobytes: anything near this is not one, and is not read into memory.</summary>
    private const int MaxDataFileBytes = 16 << 20;

    /// <summary>A data file's bytes (<see cref="Whole"/>), after the checks every input file gets (<see cref="InputFile.Check"/>).</summary>
    public static byte[] WholeFile(string path, Setting setting)
    {
        InputFile.Check(path, setting);
        using var stream = File.OpenRead(path);
        return Whole(stream, path, setting);
    }

    /// <summary>A data file's bytes, refused as a <see cref="UserError"/> past <see cref="MaxDataFileBytes"/> (a device such as /dev/zero never ends).</summary>
    public static byte[] Whole(Stream stream, string name, Setting setting)
    {
        // A byte order mark (Notepad, PowerShell 5) is not JSON; a stream reader skips it, a parse of the bytes does not.
        var start = new byte[3];
        var head = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        var memory = new MemoryStream();
        if (!start.AsSpan(0, head).SequenceEqual(Encoding.UTF8.Preamble))
            memory.Write(start, 0, head);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (memory.Length + read > MaxDataFileBytes)
                throw new UserError(Texts.DataFileTooLarge(setting, name, MaxDataFileBytes >> 20), setting);
            memory.Write(buffer, 0, read);
        }
        return memory.ToArray();
    }

    /// <summary>
    /// No list in a data file holds a null (tiers, codes, slots, free days, schools…), and the types' nullable
    /// annotations do not reach a list's items: refused here, before a null could reach the engine.
    /// </summary>
    private static void RefuseNullItems(byte[] bytes, string name, Setting setting)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        var inArray = new Stack<bool>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartArray or JsonTokenType.StartObject:
                        inArray.Push(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndArray or JsonTokenType.EndObject:
                        inArray.TryPop(out _);
                        break;
                    case JsonTokenType.Null when inArray.TryPeek(out var array) && array:
                        var (line, column) = Place(bytes, (int)reader.TokenStartIndex);
                        throw new UserError(Texts.WrongValue(setting, name, line, column, null, Texts.NullInList), setting);
                }
            }
        }
        catch (JsonException)
        {
            // Not valid JSON: the deserializer says where, in its words.
        }
    }

    /// <summary>Line and column (from 1) of a byte offset.</summary>
    private static (long Line, long Column) Place(byte[] bytes, int offset)
    {
        var before = bytes.AsSpan(0, offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    /// <summary>
    /// A field the file has and the type does not, and the fields the type has (as the file names them), or null.
    /// System.Text.Json says so only in its (English) message: "The JSON property 'x' could not be mapped to any .NET
    /// member contained in type 'T'."
    /// </summary>
    private static (string Field, string Allowed)? UnknownField(JsonException e, JsonSerializerOptions options)
    {
        var match = Unmapped().Match(e.Message);
        if (!match.Success || typeof(Json).Assembly.GetType(match.Groups[2].Value) is not { } type)
            return null;
        var allowed = options.GetTypeInfo(type).Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name);
        return (match.Groups[1].Value, string.Join(", ", allowed));
    }

    [GeneratedRegex(@"The JSON property '(.*)' could not be mapped to any \.NET member contained in type '([^']+)'")]
    private static partial Regex Unmapped();

    /// <summary>A key or path shaped like one: letters, digits, '_', '-', '.', '$', '[', ']', at most 60, no run of five digits.</summary>
    private static bool Shown(string? text) =>
        text is { Length: > 0 and <= 60 } && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '$' or '[' or ']')
        && !DigitRun().IsMatch(text);

    [GeneratedRegex("[0-9]{5}")]
    private static partial Regex DigitRun();

    /// <summary>
    /// The fields a <c>[JsonRequired]</c> property found missing, as the file names them, or null for another problem.
    /// System.Text.Json says so only in its (English) message: "… missing required properties including: 'window'."
    /// </summary>
    private static string? MissingFields(JsonException e)
    {
        var match = MissingRequired().Match(e.Message);
        return match.Success ? string.Join(", ", match.Groups[1].Captures.Select(c => c.Value)) : null;
    }

    [GeneratedRegex(@"missing required properties including: (?:'([^']+)'(?:, )?)+")]
    private static partial Regex MissingRequired();

    /// <summary>The field a null was written for, where the type does not allow one (as the file names it).</summary>
    private static string? NullField(JsonException e)
    {
        var match = NullNotAllowed().Match(e.Message);
        return match.Success ? JsonNamingPolicy.SnakeCaseLower.ConvertName(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"(?:property or field|constructor parameter) '([^']+)' on type '[^']+' doesn't allow (?:getting |setting )?null")]
    private static partial Regex NullNotAllowed();

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            var result = LocalDatePattern.Iso.Parse(text ?? "");
            return result.Success ? result.Value : throw new JsonValueException(Texts.NotAnIsoDate);
        }

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}

/// <summary>A value a converter of ours cannot read, with what is wrong in both languages.</summary>
internal sealed class JsonValueException(Phrase problem) : JsonException(problem.English)
{
    public Phrase Problem { get; } = problem;
}
