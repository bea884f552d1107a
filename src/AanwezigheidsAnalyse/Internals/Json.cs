using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>The one JSON dialect of the project's data files: snake_case, comments and trailing commas allowed, ISO dates.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
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
        };
        options.Converters.Add(new LocalDateConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a data file, turning every failure into a <see cref="UserError"/> that names the file and the place.</summary>
    public static T ReadFile<T>(string path, string whatItIs)
    {
        if (!File.Exists(path))
            throw new UserError($"{whatItIs} '{path}' bestaat niet.", $"{whatItIs} '{path}' does not exist.");
        using var stream = File.OpenRead(path);
        return Read<T>(stream, path, whatItIs);
    }

    public static T Read<T>(Stream stream, string name, string whatItIs)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options)
                ?? throw new UserError($"{whatItIs} '{name}' is leeg.", $"{whatItIs} '{name}' is empty.");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (regel {line + 1}, kolom {(e.BytePositionInLine ?? 0) + 1})" : "";
            var whereEn = e.LineNumber is { } l ? $" (line {l + 1}, column {(e.BytePositionInLine ?? 0) + 1})" : "";
            throw new UserError(
                $"{whatItIs} '{name}' is geen geldige JSON{where}: {e.Message}",
                $"{whatItIs} '{name}' is not valid JSON{whereEn}: {e.Message}");
        }
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            var result = LocalDatePattern.Iso.Parse(text ?? "");
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not a date in the form yyyy-MM-dd.");
        }

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
