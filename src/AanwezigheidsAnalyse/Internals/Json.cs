using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Localization;
using NodaTime;
using NodaTime.Text;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>The one JSON dialect of the project's data files: snake_case, comments and trailing commas allowed, ISO dates.</summary>
internal static partial class Json
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
            // A field left out or written as null is an error naming it, not a null reaching the engine.
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // A field given twice is a mistake to point out, not a value to pick silently.
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new LocalDateConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads a data file, turning every failure into a <see cref="UserError"/> about <paramref name="setting"/> that names the file and the place.</summary>
    public static T ReadFile<T>(string path, Setting setting)
    {
        InputFile.Check(path, setting);
        using var stream = File.OpenRead(path);
        return Read<T>(stream, path, setting);
    }

    public static T Read<T>(Stream stream, string name, Setting setting)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Options)
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
        catch (JsonException e) when (UnknownField(e) is var (field, allowed))
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

    /// <summary>
    /// A field the file has and the type does not, and the fields the type has (as the file names them), or null.
    /// System.Text.Json says so only in its (English) message: "The JSON property 'x' could not be mapped to any .NET
    /// member contained in type 'T'."
    /// </summary>
    private static (string Field, string Allowed)? UnknownField(JsonException e)
    {
        var match = Unmapped().Match(e.Message);
        if (!match.Success || typeof(Json).Assembly.GetType(match.Groups[2].Value) is not { } type)
            return null;
        var allowed = Options.GetTypeInfo(type).Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name);
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
