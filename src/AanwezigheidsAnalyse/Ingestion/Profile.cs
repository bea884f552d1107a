using System.Reflection;
using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>The three shapes of attendance registrations (README, "Input").</summary>
internal enum RowShape
{
    /// <summary>One row per pupil × date × slot (lesuur or dagdeel), or per pupil × date for a whole day.</summary>
    Slots,
    /// <summary>One row per absence notification from a start to an end (date + time or date + lesuur), possibly spanning days.</summary>
    Intervals,
    /// <summary>One row per pupil × date with minutes scheduled, present or absent.</summary>
    Days,
}

/// <summary>Whether the export lists every scheduled slot (a full register) or only absences and lates.</summary>
internal enum RegisterKind
{
    /// <summary>Full register when more than half of the accepted rows are "present".</summary>
    Auto,
    Absences,
    Full,
}

/// <summary>
/// The unit of a duration column (<c>minutes</c> of a registration without slot, and the minutes of day rows). Ed-Fi's
/// <c>EventDuration</c> and some MBO systems write a day fraction (1 = the whole day, 0.5 = half); read as minutes,
/// a whole day's absence would count one minute.
/// </summary>
internal enum DurationUnit
{
    Minutes,
    Hours,

    /// <summary>A share of the day's scheduled time in the timetable: 1 is the whole day.</summary>
    DayFraction,
}

/// <summary>What a column of the pupil list holds.</summary>
internal enum PupilListRole
{
    PupilId,
    Group,
    SchoolId,
    EnrolledFrom,
    EnrolledUntil,
}

/// <summary>
/// How the school's pupil list reads, for a school whose export profile has its own header names: the list comes
/// from the same system and names its columns the same way. Tried before the built-in names; a personal column is
/// never taken, whatever its name.
/// </summary>
internal sealed record PupilListColumns
{
    /// <summary>Header names per role, tried in order.</summary>
    [JsonInclude]
    public Dictionary<PupilListRole, List<string>> Columns { get; internal set; } = [];

    /// <summary>Headers of personal data in the list: never read.</summary>
    [JsonInclude]
    public List<string> PersonalColumns { get; internal set; } = [];

    /// <summary>NodaTime patterns for the enrolment dates; null for the built-in ones.</summary>
    [JsonInclude]
    public List<string>? DateFormats { get; internal set; }
}

/// <summary>What a column holds. Every role but the required ones is optional.</summary>
internal enum ColumnRole
{
    PupilId,
    Date,
    Code,
    Description,
    Authorized,
    SchoolId,
    Group,
    Slot,
    Minutes,
    StartDate,
    StartTime,
    StartSlot,
    EndDate,
    EndTime,
    EndSlot,
    ScheduledMinutes,
    PresentMinutes,
}

/// <summary>The roles as a profile file writes them.</summary>
internal static class ColumnRoles
{
    /// <summary>The role as the profile file names it (<c>pupil_id</c>, <c>start_date</c>), in messages of either language: Dutch messages named "Slot" and "StartDate" (an adversarial pass).</summary>
    public static string Name(this ColumnRole role) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());
}

/// <summary>One entry of a profile's code table: a school code (and, optionally, its "geoorloofd" flag) and its category.</summary>
internal sealed record CodeRule(string Code, Category Category, bool? Authorized = null, string? Note = null);

/// <summary>
/// How one export shape maps onto the canonical model: columns by header name, date formats, the meaning of
/// slots, the timetable for the denominator, and the code table. Profiles are JSON data, so a school can add
/// its own without a release (<c>--profile FILE</c>).
/// </summary>
internal sealed partial record Profile
{
    [JsonRequired, JsonInclude]
    public string Name { get; internal set; } = "";

    [JsonInclude]
    public string Description { get; internal set; } = "";

    [JsonInclude]
    public RowShape Shape { get; internal set; } = RowShape.Slots;

    [JsonInclude]
    public SlotKind SlotKind { get; internal set; } = SlotKind.Lesuur;

    /// <summary>A bundled timetable name or a file; the default follows <see cref="SlotKind"/>.</summary>
    [JsonInclude]
    public string? Timetable { get; internal set; }

    [JsonInclude]
    public RegisterKind Register { get; internal set; } = RegisterKind.Auto;

    /// <summary>The unit of the duration columns.</summary>
    [JsonInclude]
    public DurationUnit DurationUnit { get; internal set; } = DurationUnit.Minutes;

    /// <summary>Header names per role, tried in order; matched without case, accents, spaces or punctuation.</summary>
    [JsonRequired, JsonInclude]
    public Dictionary<ColumnRole, List<string>> Columns { get; internal set; } = [];

    [JsonRequired, JsonInclude]
    public List<ColumnRole> Required { get; internal set; } = [];

    /// <summary>
    /// Columns that hold personal data (names, BSN, address, date of birth): never read, never echoed,
    /// not even in rejects.csv.
    /// </summary>
    [JsonInclude]
    public List<string> PersonalColumns { get; internal set; } = [];

    /// <summary>NodaTime patterns, tried in order.</summary>
    [JsonInclude]
    public List<string> DateFormats { get; internal set; } = ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy"];

    [JsonInclude]
    public List<string> TimeFormats { get; internal set; } = ["H:mm", "H:mm:ss", "H.mm"];

    /// <summary>Words for slots and their numbers; by default the words for dagdelen (PO: ochtend = 1, middag = 2).</summary>
    [JsonInclude]
    public Dictionary<string, int> SlotNames { get; internal set; } = new(DagdeelWords, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The words for dagdelen: a slot so named is a part of the day, whatever profile reads it (words a profile adds
    /// of its own, "eerste" for lesuur 1, are not).
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, int> DagdeelWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["ochtend"] = 1,
        ["o"] = 1,
        ["morgen"] = 1,
        ["vm"] = 1,
        ["voormiddag"] = 1,
        ["morning"] = 1,
        ["am"] = 1,
        ["middag"] = 2,
        ["m"] = 2,
        ["nm"] = 2,
        ["namiddag"] = 2,
        ["afternoon"] = 2,
        ["pm"] = 2,
    };

    [JsonRequired, JsonInclude]
    public List<CodeRule> Codes { get; internal set; } = [];

    /// <summary>The pupil list's columns, when the school's list names them its own way.</summary>
    [JsonInclude]
    public PupilListColumns? PupilList { get; internal set; }

    [JsonIgnore]
    public string Source { get; internal set; } = "";

    /// <summary>The profile file's metadata, made at build time (<see cref="Json.ForContext"/>).</summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(Profile))]
    internal sealed partial class ProfileFormat : JsonSerializerContext
    {
        public static ProfileFormat Instance { get; } = new(Json.ForContext());
    }

    /// <summary>The profiles that ship with the tool, tried in this order by detection.</summary>
    public static IReadOnlyList<Profile> Bundled => BundledProfiles.Value;

    public static IReadOnlyList<string> BundledNames { get; } =
        ["canonical", "lesuur-nl", "dagdeel-po", "melding-interval", "dag-minuten"];

    /// <summary>A bundled profile by name, or a profile file.</summary>
    public static Profile Load(string nameOrPath)
    {
        if (File.Exists(nameOrPath))
            return Validate(Json.ReadFile(nameOrPath, Setting.Profile, ProfileFormat.Instance.Profile) with { Source = Path.GetFullPath(nameOrPath) });
        return Bundled.FirstOrDefault(p => p.Name.Equals(nameOrPath, StringComparison.OrdinalIgnoreCase))
            ?? throw new UserError(Texts.NeitherFileNorBundled(Setting.Profile, nameOrPath, BundledNames), Setting.Profile);
    }

    /// <summary>The timetable this profile's exports are scheduled by: its own, or the standard one of its kind of slot.</summary>
    internal Timetable DefaultTimetable() =>
        Ledger.Timetable.Load(Timetable ?? (SlotKind == SlotKind.Dagdeel ? "po-standaard" : "vo-standaard"));

    private static readonly Lazy<IReadOnlyList<Profile>> BundledProfiles = new(() =>
        [.. BundledNames.Select(name =>
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"profiles/{name}.json")
                ?? throw new InvalidOperationException($"Bundled profile {name} is missing from the assembly.");
            return Validate(Json.Read(stream, name, Setting.Profile, ProfileFormat.Instance.Profile) with { Source = name });
        })]);

    private static Profile Validate(Profile profile)
    {
        UserError Invalid(Phrase problem) => new(Texts.InvalidFile(Setting.Profile, profile.Source, problem), Setting.Profile);
        // A role's names written as null: the nullable annotations do not reach a dictionary's values.
        var roles = profile.Columns.Select(c => (Role: c.Key.ToString(), Names: c.Value))
            .Concat(profile.PupilList?.Columns.Select(c => (Role: c.Key.ToString(), Names: c.Value)) ?? []);
        if (roles.FirstOrDefault(r => r.Names is null) is { Role: { } nullRole })
            throw Invalid(Texts.NullInsteadOfList(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(nullRole)));
        // Slot names are matched as codes are (case and accents folded): "O" and "o" would be one name twice.
        if (profile.SlotNames.Keys.GroupBy(Fold.Code).FirstOrDefault(g => g.Count() > 1) is { } sameName)
            throw Invalid(Texts.SlotNameTwice(sameName.First()));
        foreach (var role in profile.Required)
        {
            if (!profile.Columns.ContainsKey(role))
                throw Invalid(Texts.RequiredColumnWithoutNames(role.Name()));
        }
        var needed = profile.Shape switch
        {
            RowShape.Slots => new[] { ColumnRole.PupilId, ColumnRole.Date },
            RowShape.Intervals => [ColumnRole.PupilId, ColumnRole.StartDate],
            _ => [ColumnRole.PupilId, ColumnRole.Date],
        };
        foreach (var role in needed)
        {
            if (!profile.Required.Contains(role))
                throw Invalid(Texts.ShapeNeedsColumn(profile.Shape.ToString().ToLowerInvariant(), role.Name()));
        }
        // A BSN is never a pupil number: mapped as one, it would become every output's pupil key.
        foreach (var name in profile.Columns.GetValueOrDefault(ColumnRole.PupilId, []).Concat(profile.PupilList?.Columns.GetValueOrDefault(PupilListRole.PupilId) ?? []))
        {
            var folded = Fold.Header(name);
            if (folded.Contains("bsn", StringComparison.Ordinal) || folded.Contains("burgerservicenummer", StringComparison.Ordinal) || folded.Contains("sofinummer", StringComparison.Ordinal))
                throw Invalid(Texts.BsnIsNoPupilNumber(name));
        }
        if (profile.PupilList?.DateFormats is { Count: 0 })
            throw Invalid(Texts.NoDateFormats);
        if (profile.Codes.Count == 0)
            throw Invalid(Texts.CodeTableEmpty);
        var seen = new HashSet<(string, bool?)>();
        foreach (var rule in profile.Codes)
        {
            if (rule.Category == Category.None)
                throw Invalid(Texts.CodeWithoutCategory(rule.Code));
            // Two rules for one code: the first would win silently.
            if (!seen.Add((Fold.Code(rule.Code), rule.Authorized)))
                throw Invalid(Texts.CodeTwice(rule.Code));
        }
        if (profile.DateFormats.Count == 0)
            throw Invalid(Texts.NoDateFormats);
        foreach (var format in profile.DateFormats.Concat(profile.PupilList?.DateFormats ?? []))
        {
            try
            {
                NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture(format);
            }
            catch (NodaTime.Text.InvalidPatternException)
            {
                throw Invalid(Texts.NotADateFormat(format));
            }
        }
        return profile;
    }
}
