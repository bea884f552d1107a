using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>How to read a school's exports into a day ledger.</summary>
public record LoadOptions
{
    /// <summary>The export files (CSV or Parquet), one or more, in any of the three shapes.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The as-of date T: rows after it are ignored, and its school year is the one read.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>A bundled profile name or a profile file; null to detect from the header.</summary>
    public string? Profile { get; init; }

    /// <summary>The holiday region of the built-in calendar; null for midden, which the report then says it assumed.</summary>
    public Region? Region { get; init; }

    /// <summary>A calendar file with the school's free days, or one that replaces the built-in holidays.</summary>
    public string? CalendarFile { get; init; }

    /// <summary>A bundled timetable name or a timetable file; null for the profile's.</summary>
    public string? Timetable { get; init; }

    /// <summary>The school's pupil list (leerlingenlijst), so that pupils without registrations count too.</summary>
    public string? PupilsFile { get; init; }

    /// <summary>The school's id (e.g. its BRIN) for rows of exports without a school column.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>Every file the read takes (a bundled name is none): none of them may lie in a folder that a run replaces.</summary>
    internal IEnumerable<string> Files => [.. Inputs, .. ExistingOf(PupilsFile, CalendarFile, Profile, Timetable)];

    /// <summary>The paths among <paramref name="paths"/> that name a file or folder.</summary>
    internal static IEnumerable<string> ExistingOf(params string?[] paths) =>
        paths.OfType<string>().Where(p => p.Length > 0 && (File.Exists(p) || Directory.Exists(p)));

    /// <summary>The language of rejects.csv and messages.</summary>
    public Language Language { get; init; } = Language.Dutch;
}

/// <summary>A school year's exports read into a ledger, and how they were read.</summary>
/// <param name="Ledger">The day ledger: per pupil and school day, scheduled minutes and minutes per category.</param>
/// <param name="Ingest">The accounting of every file and where scheduled time came from.</param>
/// <param name="PupilList">What the pupil list held, when one was read.</param>
public sealed record LoadResult(DayLedger Ledger, IngestResult Ingest, PupilListSummary? PupilList);

/// <summary>Every setting of a load checked, and the calendar made: nothing read yet.</summary>
internal sealed record LoadPlan(LoadOptions Options, SchoolCalendar Calendar, IngestSettings Settings);

/// <summary>
/// Reads exports into a <see cref="DayLedger"/>: every row accepted, ignored or rejected, the pupil list applied.
/// Memory grows with pupils and their registered days, never with rows.
/// </summary>
/// <example>
/// <code>
/// var loaded = Exports.Load(new LoadOptions { Inputs = ["export.csv"], AsOf = new LocalDate(2025, 12, 19) });
/// Console.WriteLine($"{loaded.Ledger.PupilCount} pupils, {loaded.Ingest.Rejected} rows rejected");
/// </code>
/// </example>
public static class Exports
{
    /// <summary>Reads the exports of <paramref name="options"/>; rejected rows go to <paramref name="rejectsFile"/> when given.</summary>
    public static LoadResult Load(LoadOptions options, string? rejectsFile = null, IProgress<IngestProgress>? progress = null) =>
        Read(Plan(options), rejectsFile, progress, _ => { });

    /// <summary>Checks every setting and makes the calendar, so that user errors surface before any reading.</summary>
    internal static LoadPlan Plan(LoadOptions options)
    {
        if (options.Inputs.Count == 0)
            throw new UserError(Texts.NoInputs, Setting.Inputs);
        // An input's path goes into run.json, the report, rejects.csv and messages: a BSN in a file or folder name
        // ("verzuim 123456782.csv") went with it (an adversarial pass). Refused, and not repeated.
        foreach (var input in options.Inputs)
            Disclosure.RefusePathWithBsn(input, Setting.Inputs);
        Disclosure.RefusePathWithBsn(options.PupilsFile, Setting.PupilList);
        Disclosure.RefusePathWithBsn(options.CalendarFile, Setting.Calendar);
        Disclosure.RefusePathWithBsn(options.Profile, Setting.Profile);
        Disclosure.RefusePathWithBsn(options.Timetable, Setting.Timetable);
        foreach (var input in options.Inputs)
            InputFile.Check(input, Setting.Inputs);
        if (options.PupilsFile is { } list)
            InputFile.Check(list, Setting.PupilList);
        if (!Disclosure.LooksLikeSchoolId(System.Text.Encoding.UTF8.GetBytes(options.SchoolId)))
            throw new UserError(Texts.SchoolIdInvalid, Setting.SchoolId);
        var calendar = CalendarFactory.Create(SchoolYear.Containing(options.AsOf), options.Region ?? Calendar.Region.Midden, options.CalendarFile);
        var profile = options.Profile is null ? null : Profile.Load(options.Profile);
        var timetable = options.Timetable is null ? null : Timetable.Load(options.Timetable);
        return new LoadPlan(options, calendar, new IngestSettings(options.AsOf, profile, Identifiers.SchoolCode(options.SchoolId), timetable, options.Language));
    }

    /// <summary>
    /// The pupil list's columns under the profile in use: its own names, and the export's personal columns too (the
    /// list comes from the same system). Null without a given profile: the built-in names only.
    /// </summary>
    private static PupilListColumns? PupilListOf(Profile? profile) => profile is null ? null
        : (profile.PupilList ?? new()) with { PersonalColumns = [.. profile.PupilList?.PersonalColumns ?? [], .. profile.PersonalColumns] };

    /// <summary>
    /// Reads every export into a ledger builder and builds the day ledger from it. A method of its own, not async,
    /// so that the builder (as large as the ledger itself) is garbage once the ledger exists.
    /// </summary>
    /// <param name="plan">What to read.</param>
    /// <param name="rejectsFile">Where rejected rows go; null to count them only.</param>
    /// <param name="progress">Progress of the reading.</param>
    /// <param name="lap">Told "ingest" when the files are read and "ledger" when the ledger is built, for run.json's durations.</param>
    internal static LoadResult Read(LoadPlan plan, string? rejectsFile, IProgress<IngestProgress>? progress, Action<string> lap)
    {
        var options = plan.Options;
        var builder = new LedgerBuilder(plan.Calendar);
        IngestResult ingest;
        PupilListSummary? pupilList;
        using (var rejects = new RejectSink(rejectsFile, options.Language))
        {
            pupilList = options.PupilsFile is null ? null : PupilList.Read(options.PupilsFile, builder, plan.Settings.SchoolId, options.AsOf, PupilListOf(plan.Settings.Profile), rejects);
            // An export without a school column belongs to the school of a one-school pupil list; otherwise the same
            // pupils would be counted twice, once under that school and once under none.
            var settings = plan.Settings with { PupilList = pupilList };
            if (pupilList is { Schools.Count: 1 } && options.SchoolId.Length == 0)
                settings = settings with { SchoolId = pupilList.Schools[0] };
            ingest = Ingest.Run(options.Inputs, settings, builder, rejects, progress);
            rejects.Complete();
        }
        lap("ingest");
        var ledger = builder.Build(ingest.Timetable, ingest.FullRegister);
        PupilNumberCheck.RefuseBsns(ledger, ingest.Files, pupilList);
        if (pupilList is not null)
            PupilList.CheckMatchesExports(ledger, pupilList);
        lap("ledger");
        return new LoadResult(ledger, ingest, pupilList);
    }
}
