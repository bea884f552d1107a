using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;

namespace AanwezigheidsAnalyse.Tests.Library;

/// <summary>
/// The data files are read with metadata the source generator made (<c>JsonContext</c>); it must read every file
/// exactly as reflection does. A generated reader sets an <c>init</c> property the file leaves out to the type's
/// default instead of its initializer (dotnet/runtime#84484): a policy without <c>criteria</c> would get none at all.
/// Each document is read both ways and the two results written out by reflection must be the same.
/// </summary>
public sealed class JsonContextTest : TempFolder
{
    private static readonly JsonSerializerOptions Reflection = ReflectionOnly(Json.Options);

    private static readonly JsonSerializerOptions ReflectionIndented = ReflectionOnly(Json.Indented);

    private static JsonSerializerOptions ReflectionOnly(JsonSerializerOptions dialect)
    {
        var options = new JsonSerializerOptions(dialect) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }

    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        var assembly = typeof(Policy).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
            data.Add(TypeOf(name), reader.ReadToEnd());
        }

        // Only what is required: every default comes from the type.
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ] }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ], "criteria": { "ZZV-SHORT": { "months": 3 }, "LR-50": { "enabled": false } }, "min_scheduled_days_for_rate": 5 }""");
        // A field the type does not have is refused both ways, at any depth.
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ], "criteria": { "KPA-25": { "weeks": 2 } } }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ], "criteria": { "kpa_25": { } } }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1, "rat": 0.5 } ] }""");
        data.Add(nameof(Policy), """{ "name": "p", "tier": [ { "tier": 1 } ] }""");
        data.Add(nameof(Timetable.TimetableFile), """{ "name": "t", "slot_kind": "lesuur", "slots": [ { "slot": 1, "minuten": 50 } ], "days": { "monday": [1] } }""");
        data.Add(nameof(CalendarFactory.CalendarFile), """{ "free_days": [ { "name": "studiedag", "first": "2025-10-01", "tot": "2025-10-02" } ] }""");

        // A null in a list is refused both ways (not a crash).
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ null ] }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 3, "criteria": [ "TZ-0", null ] } ] }""");
        data.Add(nameof(Profile), """{ "name": "x", "columns": { "pupil_id": ["ll", null] }, "required": ["pupil_id"], "codes": [] }""");
        data.Add(nameof(Timetable.TimetableFile), """{ "name": "t", "slot_kind": "lesuur", "slots": [ null ], "days": { "monday": [1] } }""");
        data.Add(nameof(CalendarFactory.CalendarFile), """{ "free_days": [ null ] }""");
        data.Add(nameof(DatasetManifest), """{ "version": "1.0.0", "as_of": "2025-12-19", "school_year": "2025-2026", "schools": [null], "pseudonymised": true, "policy": "kearney-nl", "policy_sha256": "ab" }""");

        // A mistake is placed on its own line, not at the end of the file.
        data.Add(nameof(Policy), "{\n  \"name\": \"p\",\n  \"hour_unit\": \"klok\",\n  \"tiers\": [ { \"tier\": 1 } ]\n}\n");
        data.Add(nameof(Profile), "{\n  \"name\": \"x\",\n  \"timetable\": 5,\n  \"columns\": { \"pupil_id\": [\"ll\"] },\n  \"required\": [\"pupil_id\"],\n  \"codes\": []\n}\n");

        // A null where the type has none is refused both ways.
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ], "criteria": null }""");
        data.Add(nameof(Policy), """{ "name": "p", "criteria": null, "tiers": [ { "tier": 1 } ] }""");
        data.Add(nameof(Profile), """{ "date_formats": null, "name": "x", "columns": { "pupil_id": ["ll"] }, "required": ["pupil_id"], "codes": [] }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ], "description": null }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": [ { "tier": 1 } ], "criteria": { "ZZV-LONG": null } }""");
        data.Add(nameof(Policy), """{ "name": "p", "tiers": null }""");
        data.Add(nameof(Profile), """{ "name": "x", "columns": { "pupil_id": ["ll"] }, "required": ["pupil_id"], "codes": [], "date_formats": null }""");
        data.Add(nameof(Profile), """{ "name": "x", "columns": { "pupil_id": ["ll"] }, "required": ["pupil_id"], "codes": [], "pupil_list": { "columns": null } }""");
        data.Add(nameof(Profile), """{ "name": "x", "columns": { "pupil_id": ["ll"], "date": ["datum"] }, "required": ["pupil_id", "date"], "codes": [ { "code": "Z", "category": "sick" } ] }""");
        data.Add(nameof(Profile), """{ "name": "x", "columns": { "pupil_id": ["ll"], "date": ["datum"] }, "required": ["pupil_id", "date"], "codes": [ { "code": "Z", "category": "sick" } ], "pupil_list": { "personal_columns": ["naam"] } }""");
        data.Add(nameof(CalendarFactory.CalendarFile), """{ "free_days": [ { "name": "studiedag", "first": "2025-10-01" } ] }""");
        data.Add(nameof(Timetable.TimetableFile), """{ "name": "t", "slot_kind": "lesuur", "slots": [ { "slot": 1, "minutes": 50 } ], "days": { "monday": [1] } }""");
        data.Add(nameof(DatasetManifest), """{ "version": "1.0.0", "as_of": "2025-12-19", "school_year": "2025-2026", "schools": ["01AB"], "pseudonymised": true, "policy": "kearney-nl", "policy_sha256": "ab" }""");
        data.Add(nameof(RunManifest), """{ "command": "analyze", "as_of": "2025-12-19", "school_year": "2025-2026", "calendar": { "description": "d", "school_days": 1, "first_school_day": null, "last_school_day": null, "school_weeks": 1, "free_periods": [] }, "timetable": "vo-standaard", "denominator": "timetable", "inputs": [], "rows": { "read": 1, "accepted": 1, "ignored": 0, "rejected": 0 } }""");
        return data;
    }

    /// <summary>
    /// A file with two mistakes is refused both ways, but the generated reader may name the other one first: here
    /// the missing <c>tiers</c> where reflection names the unknown <c>weeks</c>. Either is true and points at the file.
    /// </summary>
    [Fact]
    public void AFileWithTwoMistakes_IsRefusedBothWays()
    {
        var ((_, generated), (_, reflected)) = ReadBothWays("""{ "name": "x", "criteria": { "KPA-25": { "weeks": 2 } } }""", Policy.PolicyFormat.Instance.Policy);
        Assert.Contains("'weeks'", reflected, StringComparison.Ordinal);
        Assert.NotNull(generated);
        Assert.Contains("x.json", generated, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void TheGeneratedReader_ReadsEveryFile_AsReflectionDoes(string type, string json)
    {
        var format = Format(type);
        var target = format.Type;
        var ((generated, generatedError), (reflected, reflectedError)) = ReadBothWays(json, format);
        // Refused both ways with the same message (the place may be a few characters apart), or read the same.
        Assert.Equal(WithoutPlace(reflectedError), WithoutPlace(generatedError));
        if (reflectedError is not null)
            return;
        var written = JsonSerializer.Serialize(reflected, target, Reflection);
        Assert.Equal(written, JsonSerializer.Serialize(generated, target, Reflection));

        // And both read what the file says: a property without a setter either reader can use is passed over
        // silently, so every field of the file must come back when the value is written out again.
        AssertHolds(JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }), JsonNode.Parse(written), "$");
    }

    private static string? WithoutPlace(string? message) =>
        message is null ? null : System.Text.RegularExpressions.Regex.Replace(message, @"column \d+", "column");

    /// <summary>Read as a run reads a file (<see cref="Json.Read"/>) with the generated metadata and with reflection's.</summary>
    private static ((object?, string?) Generated, (object?, string?) Reflected) ReadBothWays(string json, JsonTypeInfo format) => format switch
    {
        JsonTypeInfo<Policy> policy => Both(json, policy),
        JsonTypeInfo<Profile> profile => Both(json, profile),
        JsonTypeInfo<Timetable.TimetableFile> timetable => Both(json, timetable),
        JsonTypeInfo<CalendarFactory.HolidayFile> holidays => Both(json, holidays),
        JsonTypeInfo<CalendarFactory.CalendarFile> calendar => Both(json, calendar),
        JsonTypeInfo<DatasetManifest> manifest => Both(json, manifest),
        JsonTypeInfo<RunManifest> run => Both(json, run),
        _ => throw new ArgumentException(format.Type.Name, nameof(format)),
    };

    private static ((object?, string?), (object?, string?)) Both<T>(string json, JsonTypeInfo<T> format) =>
        (Read(json, format), Read(json, (JsonTypeInfo<T>)Reflection.GetTypeInfo(typeof(T))));

    private static (object?, string?) Read<T>(string json, JsonTypeInfo<T> format)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            return (Json.Read(stream, "x.json", AanwezigheidsAnalyse.Localization.Setting.Policy, format), null);
        }
        catch (AanwezigheidsAnalyse.Localization.UserError e)
        {
            return (null, e.English);
        }
    }

    /// <summary>Every field of <paramref name="file"/> is in <paramref name="read"/> with the same value.</summary>
    private static void AssertHolds(JsonNode? file, JsonNode? read, string path)
    {
        switch (file)
        {
            case JsonObject fields:
                var readFields = Assert.IsType<JsonObject>(read, exactMatch: false);
                foreach (var (name, value) in fields)
                {
                    if (value is null && !readFields.ContainsKey(name))
                        continue; // a null is not written (JsonIgnoreCondition.WhenWritingNull)
                    Assert.True(readFields.ContainsKey(name), $"{path}.{name} is not read");
                    AssertHolds(value, readFields[name], $"{path}.{name}");
                }
                break;
            case JsonArray items:
                var readItems = Assert.IsType<JsonArray>(read, exactMatch: false);
                Assert.Equal(items.Count, readItems.Count);
                for (var i = 0; i < items.Count; i++)
                    AssertHolds(items[i], readItems[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(file, read), $"{path}: {file?.ToJsonString()} read as {read?.ToJsonString()}");
                break;
        }
    }

    [Fact]
    public void TheGeneratedWriter_WritesEveryFile_AsReflectionDoes()
    {
        foreach (var (type, json) in Documents().Select(row => ((string)row[0], (string)row[1])))
        {
            var format = Format(type);
            var (_, (value, error)) = ReadBothWays(json, format);
            if (error is null)
                Assert.Equal(JsonSerializer.Serialize(value, format.Type, format.Options.WriteIndented ? ReflectionIndented : Reflection), JsonSerializer.Serialize(value, format));
        }
    }

    [Theory]
    [InlineData("{\n  \"name\": \"p\",\n  \"hour_unit\": \"klok\",\n  \"tiers\": [ { \"tier\": 1 } ]\n}\n", "line 3")]
    [InlineData("{\n  \"name\": \"p\",\n  \"tiers\": [\n    null\n  ]\n}\n", "line 4, column 5")]
    [InlineData("{ \"name\": \"p\", \"tiers\": [ { \"tier\": 1 } ], \"description\": \"a\", \"description\": \"b\" }", "line 1")]
    public void AMistake_IsPlacedWhereItIs(string json, string place)
    {
        var ((_, generated), _) = ReadBothWays(json, Policy.PolicyFormat.Instance.Policy);
        Assert.Contains(place, generated, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteOrderMark_IsNotPartOfTheFile()
    {
        var json = Encoding.UTF8.GetBytes("""{ "name": "p", "min_scheduled_days_for_rate": 7, "tiers": [ { "tier": 1 } ] }""");
        using var stream = new MemoryStream([.. Encoding.UTF8.Preamble, .. json]);
        Assert.Equal(7, Json.Read(stream, "bom.json", AanwezigheidsAnalyse.Localization.Setting.Policy, Policy.PolicyFormat.Instance.Policy).MinScheduledDaysForRate);
    }

    [Fact]
    public void ADataFileOfManyMegabytes_IsRefusedBeforeItIsRead_AsNoSettingsFile()
    {
        using var huge = new MemoryStream(new byte[17 << 20]);
        var error = Assert.Throws<AanwezigheidsAnalyse.Localization.UserError>(() => Json.Read(huge, "groot.json", AanwezigheidsAnalyse.Localization.Setting.Policy, Policy.PolicyFormat.Instance.Policy));
        Assert.Contains("groot.json", error.English, StringComparison.Ordinal);
        Assert.Contains("16 MB", error.Dutch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunsOwnRunJson_IsReadAndWrittenAsByReflection()
    {
        await GoldenRun.AnalyzeAsync(PathOf("uit"));
        var json = File.ReadAllText(Path.Combine(PathOf("uit"), "run.json"));
        var generated = JsonSerializer.Deserialize(json, RunManifest.ManifestFormat.Instance.RunManifest)!;
        var reflected = JsonSerializer.Deserialize<RunManifest>(json, Reflection)!;
        Assert.NotEmpty(reflected.Inputs);
        Assert.Equal(JsonSerializer.Serialize(reflected, Reflection), JsonSerializer.Serialize(generated, Reflection));
        Assert.Equal(JsonSerializer.Serialize(reflected, ReflectionIndented), JsonSerializer.Serialize(reflected, RunManifest.ManifestFormat.Instance.RunManifest));
    }

    private static string TypeOf(string resource) => resource switch
    {
        _ when resource.StartsWith("policies/", StringComparison.Ordinal) => nameof(Policy),
        _ when resource.StartsWith("profiles/", StringComparison.Ordinal) => nameof(Profile),
        _ when resource.StartsWith("timetables/", StringComparison.Ordinal) => nameof(Timetable.TimetableFile),
        "holidays-nl.json" => nameof(CalendarFactory.HolidayFile),
        _ => throw new InvalidOperationException($"No type for the bundled file {resource}: add it here and to JsonContext."),
    };

    private static JsonTypeInfo Format(string name) => name switch
    {
        nameof(Policy) => Policy.PolicyFormat.Instance.Policy,
        nameof(Profile) => Profile.ProfileFormat.Instance.Profile,
        nameof(Timetable.TimetableFile) => Timetable.TimetableFormat.Instance.TimetableFile,
        nameof(CalendarFactory.HolidayFile) => CalendarFactory.CalendarFormat.Instance.HolidayFile,
        nameof(CalendarFactory.CalendarFile) => CalendarFactory.CalendarFormat.Instance.CalendarFile,
        nameof(DatasetManifest) => RunManifest.ManifestFormat.Instance.DatasetManifest,
        nameof(RunManifest) => RunManifest.ManifestFormat.Instance.RunManifest,
        _ => throw new ArgumentException(name, nameof(name)),
    };
}
