using System.Reflection;
using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using NodaTime;

namespace AanwezigheidsAnalyse.Calendar;

/// <summary>
/// Builds the calendar of a school year from the built-in Rijksoverheid school holidays of a region and the
/// national public holidays, and from a school's calendar file that adds free days (studiedagen) or replaces them all.
/// </summary>
public static partial class CalendarFactory
{
    private static readonly Lazy<BuiltIn> Data = new(LoadBuiltIn);

    /// <summary>The school years whose holidays are built in, for every region.</summary>
    public static IReadOnlyList<SchoolYear> BuiltInYears => Data.Value.Years;

    /// <summary>The calendar of <paramref name="year"/>: the region's built-in holidays, plus or replaced by a calendar file's free days.</summary>
    public static SchoolCalendar Create(SchoolYear year, Region region, string? calendarFile = null)
    {
        CalendarFile? file = calendarFile is null ? null : Json.ReadFile(calendarFile, Setting.Calendar, CalendarFormat.Instance.CalendarFile);
        var periods = new List<FreePeriod>();
        var description = new List<Phrase>();
        if (file?.ReplaceBuiltin != true)
        {
            periods.AddRange(BuiltInFreePeriods(year, region));
            description.Add(Texts.BuiltInCalendar(region.Name()));
        }
        if (file is not null)
        {
            foreach (var day in file.FreeDays)
            {
                var last = day.Last ?? day.First;
                if (last < day.First)
                    throw new UserError(Texts.InvalidFile(Setting.Calendar, calendarFile!, Texts.FreeDayEndsBeforeItStarts(day.Name, day.First, last)), Setting.Calendar);
                periods.Add(new FreePeriod(day.Name, day.First, last));
            }
            description.Add(Texts.CalendarFile(Path.GetFileName(calendarFile)!, file.FreeDays.Count, file.ReplaceBuiltin));
        }
        return new SchoolCalendar(year, periods, string.Join(" + ", description.Select(d => d.Dutch)))
        {
            Words = new(string.Join(" + ", description.Select(d => d.Dutch)), string.Join(" + ", description.Select(d => d.English))),
        };
    }

    /// <summary>The built-in free periods that touch <paramref name="year"/>: its holidays, both summer holidays and public holidays.</summary>
    public static IReadOnlyList<FreePeriod> BuiltInFreePeriods(SchoolYear year, Region region)
    {
        var data = Data.Value;
        if (!data.Years.Contains(year))
            throw new UserError(Texts.YearNotBuiltIn(data.Years[0].ToString(), data.Years[^1].ToString(), year.ToString()), Setting.Calendar);
        var regionName = region.Name();
        return [.. data.File.SchoolHolidays
            .Where(h => h.Region == regionName && h.Last >= year.FirstDay && h.First <= year.LastDay)
            .Select(h => new FreePeriod(h.Name, h.First, h.Last))
            .Concat(data.File.PublicHolidays
                .Where(p => year.Contains(p.Date))
                .Select(p => new FreePeriod(p.Name, p.Date, p.Date)))];
    }

    private static BuiltIn LoadBuiltIn()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("holidays-nl.json")
            ?? throw new InvalidOperationException("The built-in holiday table is missing from the assembly.");
        var file = Json.Read(stream, "holidays-nl.json", Setting.Calendar, CalendarFormat.Instance.HolidayFile);

        // A year is covered when both its summer holidays are known in every region: the one it starts in
        // and the one it ends with.
        var summers = file.SchoolHolidays.Where(h => h.Name == "zomervakantie").ToList();
        bool HasSummer(int calendarYear) =>
            new[] { "noord", "midden", "zuid" }.All(r => summers.Any(s => s.Region == r && s.First.Year == calendarYear));
        var years = file.SchoolHolidays
            .Select(h => SchoolYear.Containing(h.First))
            .Distinct()
            .Where(y => HasSummer(y.StartYear) && HasSummer(y.StartYear + 1))
            .Order()
            .ToList();
        return new BuiltIn(file, years);
    }

    /// <summary>The calendar files' metadata, made at build time (<see cref="Json.ForContext"/>).</summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(HolidayFile))]
    [JsonSerializable(typeof(CalendarFile))]
    internal sealed partial class CalendarFormat : JsonSerializerContext
    {
        public static CalendarFormat Instance { get; } = new(Json.ForContext());
    }

    private sealed record BuiltIn(HolidayFile File, List<SchoolYear> Years);

    internal sealed record HolidayFile(
        string Description,
        List<string> Sources,
        string Notes,
        List<SchoolHoliday> SchoolHolidays,
        List<PublicHoliday> PublicHolidays);

    internal sealed record SchoolHoliday(string SchoolYear, string Name, string Region, LocalDate First, LocalDate Last);

    internal sealed record PublicHoliday(LocalDate Date, string Name);

    /// <summary>A school's calendar file (JSON): free days to add, or all free days when <c>replace_builtin</c> is true.</summary>
    internal sealed record CalendarFile(List<CalendarFreeDay> FreeDays, bool ReplaceBuiltin = false, string? Description = null);

    internal sealed record CalendarFreeDay(string Name, LocalDate First, LocalDate? Last = null);
}
