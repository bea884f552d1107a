using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using NodaTime;
using NodaTime.Text;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>What one slot number means: a lesuur (VO, MBO) or a dagdeel (PO: 1 = ochtend, 2 = middag).</summary>
internal enum SlotKind
{
    Lesuur,
    Dagdeel,
}

/// <summary>
/// Scheduled education time (README, "Scheduled time"): the slots of each weekday and the minutes of each slot. It is the
/// denominator of every rate when the export lists absences only; with a full register the denominator comes
/// from the register and the timetable only gives slot lengths.
/// </summary>
/// <remarks>Slots are numbered 0..15 (lesuur 0, the "nulde uur", exists at some schools).</remarks>
internal sealed partial class Timetable
{
    public const int MaxSlots = 16;

    private readonly ushort[] _slotMinutes;
    private readonly (LocalTime Start, LocalTime End)?[] _slotTimes;
    private readonly Variant[] _variants;

    private Timetable(TimetableFile file, string source)
    {
        Name = file.Name;
        Kind = file.SlotKind;
        Source = source;
        _slotMinutes = new ushort[MaxSlots];
        _slotTimes = new (LocalTime, LocalTime)?[MaxSlots];
        foreach (var slot in file.Slots)
        {
            if (slot.Slot is < 0 or >= MaxSlots)
                throw Invalid(source, Texts.SlotOutOfRange(slot.Slot, null, MaxSlots - 1));
            var minutes = slot.Minutes;
            if (slot.Start is { } start && slot.End is { } end)
            {
                var from = ParseTime(start, source);
                var to = ParseTime(end, source);
                if (to <= from)
                    throw Invalid(source, Texts.SlotEndsBeforeItStarts(slot.Slot));
                _slotTimes[slot.Slot] = (from, to);
                minutes ??= (int)Period.Between(from, to, PeriodUnits.Minutes).Minutes;
            }
            if (minutes is null or <= 0 or > 600)
                throw Invalid(source, Texts.SlotWithoutLength(slot.Slot));
            if (_slotMinutes[slot.Slot] != 0)
                throw Invalid(source, Texts.SlotTwice(slot.Slot));
            _slotMinutes[slot.Slot] = (ushort)minutes;
        }
        var variants = new List<Variant> { new("*", MaskDays(file.Days, source)) };
        foreach (var group in file.Groups ?? [])
            variants.Add(new Variant(group.Match, MaskDays(group.Days, source)));
        // A timetable that schedules nothing would make every rate empty and every tier wrong, silently.
        if (variants[0].Days.All(day => day == 0))
            throw Invalid(source, Texts.TimetableSchedulesNothing);
        // A day that names a slot the timetable does not define would schedule zero minutes for it, silently.
        foreach (var variant in variants)
        {
            for (var d = 0; d < 7; d++)
            {
                for (var mask = (uint)variant.Days[d]; mask != 0; mask &= mask - 1)
                {
                    var slot = System.Numerics.BitOperations.TrailingZeroCount(mask);
                    if (_slotMinutes[slot] == 0)
                        throw Invalid(source, Texts.SlotNotDefined(slot, ((IsoDayOfWeek)(d + 1)).ToString()));
                }
            }
        }
        _variants = [.. variants];
    }

    public string Name { get; }

    public SlotKind Kind { get; }

    /// <summary>Where the timetable came from (bundled name or file path), for run.json.</summary>
    public string Source { get; }

    /// <summary>The number of day schedules: the default (0) and one per group pattern.</summary>
    public int VariantCount => _variants.Length;

    public int SlotMinutes(int slot) => _slotMinutes[slot];

    /// <summary>The slot's clock times, when the timetable gives them (needed to map clock-time intervals onto slots).</summary>
    public (LocalTime Start, LocalTime End)? SlotTimes(int slot) => _slotTimes[slot];

    /// <summary>The scheduled slots of a weekday as a bitmask (bit s = slot s).</summary>
    public ushort ScheduledSlots(int variant, IsoDayOfWeek day) => _variants[variant].Days[(int)day - 1];

    public int ScheduledMinutes(int variant, IsoDayOfWeek day) => MinutesOf(ScheduledSlots(variant, day));

    public int MinutesOf(ushort slotMask)
    {
        var minutes = 0;
        for (var mask = (uint)slotMask; mask != 0; mask &= mask - 1)
            minutes += _slotMinutes[System.Numerics.BitOperations.TrailingZeroCount(mask)];
        return minutes;
    }

    /// <summary>The day schedule for a group (class): the first group pattern that matches, else the default.</summary>
    public int VariantFor(string? group)
    {
        if (group is not null)
        {
            for (var v = 1; v < _variants.Length; v++)
            {
                var pattern = _variants[v].Match;
                var matches = pattern.EndsWith('*')
                    ? group.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
                    : group.Equals(pattern, StringComparison.OrdinalIgnoreCase);
                if (matches)
                    return v;
            }
        }
        return 0;
    }

    /// <summary>A bundled timetable by name: <c>vo-standaard</c> or <c>po-standaard</c>.</summary>
    public static Timetable Bundled(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"timetables/{name}.json")
            ?? throw new UserError(Texts.NeitherFileNorBundled(Setting.Timetable, name, BundledNames), Setting.Timetable);
        return new Timetable(Json.Read(stream, name, Setting.Timetable, TimetableFormat.Instance.TimetableFile), name);
    }

    public static IReadOnlyList<string> BundledNames { get; } = ["vo-standaard", "po-standaard"];

    /// <summary>Reads a bundled name or a timetable file (<c>--timetable FILE</c>).</summary>
    public static Timetable Load(string nameOrPath) =>
        File.Exists(nameOrPath)
            ? new Timetable(Json.ReadFile(nameOrPath, Setting.Timetable, TimetableFormat.Instance.TimetableFile), Path.GetFullPath(nameOrPath))
            : Bundled(nameOrPath);

    private static ushort[] MaskDays(Dictionary<IsoDayOfWeek, int[]> days, string source)
    {
        var masks = new ushort[7];
        foreach (var (day, slots) in days)
        {
            // A weekday's list of slots written as null: the nullable annotations do not reach a dictionary's values.
            if (slots is null)
                throw Invalid(source, Texts.NullInsteadOfList(JsonNamingPolicy.SnakeCaseLower.ConvertName(day.ToString())));
            foreach (var slot in slots)
            {
                if (slot is < 0 or >= MaxSlots)
                    throw Invalid(source, Texts.SlotOutOfRange(slot, day.ToString(), MaxSlots - 1));
                masks[(int)day - 1] |= (ushort)(1 << slot);
            }
        }
        return masks;
    }

    private static LocalTime ParseTime(string text, string source)
    {
        var result = LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse(text);
        return result.Success ? result.Value : throw Invalid(source, Texts.NotATime(text));
    }

    private static UserError Invalid(string source, Phrase problem) => new(Texts.InvalidFile(Setting.Timetable, source, problem), Setting.Timetable);

    /// <summary>The timetable file's metadata, made at build time (<see cref="Json.ForContext"/>).</summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(TimetableFile))]
    internal sealed partial class TimetableFormat : JsonSerializerContext
    {
        public static TimetableFormat Instance { get; } = new(Json.ForContext());
    }

    private sealed record Variant(string Match, ushort[] Days);

    internal sealed record TimetableFile(
        string Name,
        SlotKind SlotKind,
        List<SlotSpec> Slots,
        Dictionary<IsoDayOfWeek, int[]> Days,
        List<GroupSpec>? Groups = null,
        string? Description = null);

    internal sealed record SlotSpec(int Slot, string? Name = null, string? Start = null, string? End = null, int? Minutes = null);

    internal sealed record GroupSpec(string Match, Dictionary<IsoDayOfWeek, int[]> Days);
}
