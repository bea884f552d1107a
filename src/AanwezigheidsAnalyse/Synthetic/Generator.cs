using System.Globalization;
using CsvHelper;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using NodaTime;

namespace AanwezigheidsAnalyse.Synthetic;

/// <summary>One synthetic registration: a slot of a school day in a category.</summary>
/// <param name="Day">The school day.</param>
/// <param name="Slot">The lesuur or dagdeel.</param>
/// <param name="Category">What was registered.</param>
public readonly record struct SyntheticRegistration(int Day, int Slot, Category Category);

/// <summary>One synthetic pupil's year: who, where, which class, what kind of attender, the enrolment and the registrations.</summary>
/// <param name="PupilId">The pupil number.</param>
/// <param name="Group">The class.</param>
/// <param name="Archetype">What kind of attender the pupil is.</param>
/// <param name="Registrations">Every registration of the year, in day order.</param>
public sealed record SyntheticPupil(string PupilId, string Group, Archetype Archetype, IReadOnlyList<SyntheticRegistration> Registrations)
{
    /// <summary>The school's id.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>The kind of school.</summary>
    public SchoolType SchoolType { get; init; } = SchoolType.Vo;

    /// <summary>The enrolled school days of the year; the whole year unless set.</summary>
    public SchoolDayRange Enrolment { get; init; } = new(0, int.MaxValue);
}

/// <summary>The export mess a generated file carries, counted, so tests can check the accounting (README, "Synthetic data").</summary>
public sealed class NoiseCounts
{
    /// <summary>Rows with a date that does not exist.</summary>
    public long BadDates { get; set; }

    /// <summary>Rows with a code no profile knows.</summary>
    public long UnknownCodes { get; set; }

    /// <summary>Rows written twice.</summary>
    public long Duplicates { get; set; }

    /// <summary>Footer and blank rows below the data.</summary>
    public long FooterRows { get; set; }

    /// <summary>Blank lines among the data.</summary>
    public long BlankLines { get; set; }

    /// <summary>Rows a reader must reject: bad dates and unknown codes.</summary>
    public long Rejects => BadDates + UnknownCodes;
}

/// <summary>What <see cref="Generator.Write"/> wrote: one file per school year (and per school type for a mix).</summary>
/// <param name="Path">The export.</param>
/// <param name="PupilList">The pupil list, when asked for.</param>
/// <param name="Year">The school year.</param>
/// <param name="SchoolType">The kind of school.</param>
/// <param name="Pupils">Pupils in the file.</param>
/// <param name="Rows">Rows written, header and noise excluded.</param>
/// <param name="Noise">The export mess written.</param>
/// <param name="NoiseFile">The noise counts beside the export, when there is noise.</param>
public sealed record GeneratedFile(string Path, string? PupilList, SchoolYear Year, SchoolType SchoolType, int Pupils, long Rows, NoiseCounts Noise, string? NoiseFile);

/// <summary>
/// Realistic synthetic attendance (README, "Synthetic data"): most pupils rarely absent, a long tail, a winter sickness peak,
/// Monday/Friday and holiday-adjacent effects, sent-home-sick days, clusters of late arrivals, truancy, reduced
/// timetables, a few pupils drifting into long absence, pupils joining late or leaving early, and several
/// school years with pupils moving up a year. Pupils are generated one at a time from their own seed, so any
/// number can be streamed and the same seed gives the same data.
/// </summary>
public static class Generator
{
    private static readonly double[] SicknessByMonth = [0, 1.5, 1.4, 1.1, 0.9, 0.8, 0.7, 0.6, 0.6, 0.75, 0.9, 1.1, 1.4]; // index = month

    /// <summary>The class years of a school type: 8 in PO, 6 in VO, 4 in MBO.</summary>
    public static int YearsOf(SchoolType type) => type switch
    {
        SchoolType.Po => 8,
        SchoolType.Mbo => 4,
        _ => 6,
    };

    internal static Timetable TimetableOf(SchoolType type) => Timetable.Bundled(type == SchoolType.Po ? "po-standaard" : "vo-standaard");

    /// <summary>
    /// The pupils of one school type in school year <paramref name="yearIndex"/> (0 = the first), generated lazily.
    /// Pupil slot i keeps its pupil from year to year, one class higher; after the last class a new pupil takes it.
    /// </summary>
    public static IEnumerable<SyntheticPupil> Pupils(GeneratorOptions options, SchoolCalendar calendar, SchoolType type, int yearIndex = 0)
    {
        var timetable = TimetableOf(type);
        var mix = type switch
        {
            SchoolType.Po => ArchetypeMix.Po,
            SchoolType.Mbo => ArchetypeMix.Mbo,
            _ => options.Mix,
        };
        var lastDay = options.Until is { } until ? calendar.LastOnOrBefore(until) : calendar.DayCount - 1;
        var classes = YearsOf(type);
        // A mix's files are three kinds of school, not the same schools three times: each type its own school codes and
        // pupil numbers (they shared 00AA… and 100000…, so that a run or a Taskforce collection of them merged schools).
        var kind = options.SchoolType != SchoolType.Mix ? 0 : MixIndex(type);
        for (var i = 0; i < options.Pupils; i++)
        {
            // The pupil's traits come from its own seed, so that a pupil stays the kind of attender it is.
            var traits = new Random(unchecked(options.Seed * 1_000_003 + i * 7919));
            var cohort = traits.Next(classes);
            var letter = (char)('A' + traits.Next(4));
            var steps = cohort + yearIndex;
            var generation = steps / classes;
            var classYear = steps % classes + 1;
            var id = 100_000 + kind * 10_000_000 + i + generation * options.Pupils;
            var random = generation == 0 ? traits : new Random(unchecked(options.Seed * 1_000_003 + id * 7919));
            var archetype = mix.Draw(random);
            var yearRandom = new Random(unchecked(id * 31 + calendar.Year.StartYear * 1_000_033 + options.Seed));
            var first = 0;
            var last = calendar.DayCount - 1;
            if (options.EnrolmentChanges && yearRandom.NextDouble() < 0.04)
            {
                if (yearRandom.Next(2) == 0)
                    first = 10 + yearRandom.Next(Math.Max(1, calendar.DayCount / 2 - 10));
                else
                    last = calendar.DayCount / 2 + yearRandom.Next(Math.Max(1, calendar.DayCount / 2 - 10));
            }
            var registrations = new List<SyntheticRegistration>();
            new PupilSimulation(yearRandom, archetype, type, calendar, timetable, first, Math.Min(last, lastDay), registrations).Run();
            var group = type switch
            {
                SchoolType.Po => $"groep {classYear}{letter}",
                SchoolType.Mbo => $"mbo{classYear}{letter}",
                _ => $"{classYear}{letter}",
            };
            var school = options.Schools <= 1 ? options.SchoolId : SchoolIdOf(kind * options.Schools + SchoolOf(i, options.Schools, options.Pupils));
            yield return new SyntheticPupil(id.ToString(CultureInfo.InvariantCulture), group, archetype, registrations)
            {
                SchoolId = school,
                SchoolType = type,
                Enrolment = new SchoolDayRange(first, last),
            };
        }
    }

    /// <summary>A type's place in a mix (PO, VO, MBO): its school codes and pupil numbers come after the types before it.</summary>
    private static int MixIndex(SchoolType type) => type switch { SchoolType.Po => 0, SchoolType.Vo => 1, _ => 2 };

    /// <summary>Whether the export and the pupil list have a school column: one code given, or several schools.</summary>
    private static bool WithSchoolColumn(GeneratorOptions options) => options.SchoolId.Length > 0 || options.Schools > 1;

    /// <summary>Pupil slot <paramref name="pupil"/>'s school: consecutive pupils share one (in 64 bits: the country has 2.7 million × 3000).</summary>
    public static int SchoolOf(int pupil, int schools, int pupils) => (int)((long)pupil * schools / pupils);

    /// <summary>School ids like BRIN codes: 00AA, 00AB, … (made up).</summary>
    public static string SchoolIdOf(int school) =>
        $"{school / 676 % 100:00}{(char)('A' + school / 26 % 26)}{(char)('A' + school % 26)}";

    /// <summary>
    /// Writes the export (CSV in any shape, or canonical Parquet for a .parquet path), streaming pupil by pupil,
    /// and the school's pupil list (pupil_id, group, enrolment; no names) when <paramref name="pupilListPath"/> is
    /// given. Several years write one file per school year, a mix one per school type.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Write(GeneratorOptions options, string path, string? pupilListPath = null)
    {
        if (options.Pupils <= 0)
            throw new UserError(Texts.GeneratePupilsPositive, Setting.GeneratePupils);
        if (options.Years is < 1 or > 10)
            throw new UserError(Texts.GenerateYearsRange, Setting.GenerateYears);
        if (options.Noise is < 0 or > 0.5)
            throw new UserError(Texts.GenerateNoiseRange, Setting.GenerateNoise);
        var builtIn = CalendarFactory.BuiltInYears;
        for (var y = 0; y < options.Years; y++)
        {
            // Generated data follows the built-in holidays: a year without them is a mistake in the year asked for.
            if (!builtIn.Contains(new SchoolYear(options.SchoolYear.StartYear + y)))
                throw new UserError(Texts.GenerateYearNotBuiltIn(builtIn[0].ToString(), builtIn[^1].ToString(), new SchoolYear(options.SchoolYear.StartYear + y).ToString()), Setting.GenerateSchoolYear);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // One generate per export name, and per pupil-list name, at a time: two at once both checked that no file
        // existed, then each wrote over the other's, and the export of one stood beside the pupil list of the other
        // (an adversarial pass; the list's name too, a review).
        using var exportLock = Lock(path);
        using var listLock = pupilListPath is null || Path.GetFullPath(pupilListPath) == Path.GetFullPath(path) ? null : Lock(pupilListPath); // one name for both is refused below
        // Dagdelen are primary schools' registration: --shape dagdeel-po makes a PO school (a VO school's lessons 3-7
        // under "Dagdeel" made a file analyze refused).
        var types = options.SchoolType == SchoolType.Mix ? new[] { SchoolType.Po, SchoolType.Vo, SchoolType.Mbo }
            : options.Shape == ExportShape.DagdeelPo ? [SchoolType.Po] : [options.SchoolType];
        // Every file of the run is planned and checked before the first is written: a third year's file that exists
        // stopped the run after two years were written, and the user had to clear them by hand to run it again.
        var planned = new List<(int Year, SchoolType Type, string File, string? List)>();
        for (var y = 0; y < options.Years; y++)
        {
            var year = new SchoolYear(options.SchoolYear.StartYear + y);
            foreach (var type in types)
            {
                var suffix = (options.Years > 1 ? $"-{year}" : "") + (types.Length > 1 ? $"-{type.ToString().ToLowerInvariant()}" : "");
                var file = WithSuffix(path, suffix);
                var list = pupilListPath is null ? null : WithSuffix(pupilListPath, suffix);
                // Generated data never replaces a file: the sample, an export or the list of the same run.
                foreach (var target in new[] { file, list }.OfType<string>())
                {
                    if (File.Exists(target) || Directory.Exists(target))
                        throw new UserError(Texts.GenerateWouldOverwrite(target), Setting.Output);
                }
                if (list is not null && Path.GetFullPath(list) == Path.GetFullPath(file))
                    throw new UserError(Texts.GenerateWouldOverwrite(list), Setting.Output);
                planned.Add((y, type, file, list));
            }
        }
        // The files are written under hidden names and given theirs at the end, together: a run killed in its third
        // year left two years that looked complete, and the same command then refused to run again (an adversarial
        // pass). What a killed run left under those names, or half-written by AtomicFile, goes now.
        var targets = planned.SelectMany(p => new[] { p.File, p.List, p.File + NoiseSuffix }).OfType<string>().Select(Path.GetFullPath).ToList();
        var final = targets.ToDictionary(Staged); // by staged name
        var ours = final.Keys.Concat(targets).ToHashSet();
        foreach (var folder in targets.Select(Path.GetDirectoryName).Distinct())
        {
            foreach (var left in Directory.EnumerateFiles(folder!, ".*").Where(f => ours.Contains(f) || AtomicFile.TargetOfTemp(Path.GetFileName(f)) is { } target && ours.Contains(Path.Combine(folder!, target))))
                File.Delete(left);
        }
        var files = new List<GeneratedFile>();
        var placed = new List<string>();
        try
        {
            foreach (var (y, type, file, list) in planned.Select(p => (p.Year, p.Type, Staged(p.File), p.List is null ? null : Staged(p.List))))
            {
                // A mix spreads the pupils as the country does: about 55 % PO, 30 % VO, 15 % MBO.
                var share = options.SchoolType != SchoolType.Mix ? 1.0 : type switch { SchoolType.Po => 0.55, SchoolType.Vo => 0.30, _ => 0.15 };
                var typeOptions = options with { Pupils = Math.Max(1, (int)(options.Pupils * share)), Seed = options.Seed + (int)type * 7 };
                // One school per type, each its own code, when the mix is not spread over schools nor given one code.
                if (options.SchoolType == SchoolType.Mix && options.Schools <= 1 && options.SchoolId.Length == 0)
                    typeOptions = typeOptions with { SchoolId = SchoolIdOf(MixIndex(type)) };
                files.Add(WriteOne(typeOptions, type, y, CalendarFactory.Create(new SchoolYear(options.SchoolYear.StartYear + y), options.Region), file, list));
            }
            foreach (var (staged, target) in final.Where(f => File.Exists(f.Key)))
            {
                File.Move(staged, target, overwrite: false);
                placed.Add(target);
            }
        }
        catch
        {
            // One run's files are one unit: what it wrote before failing goes (a full disk in the third year). None of
            // them existed when the run began, and no other generate of these names ran beside it.
            foreach (var made in final.Keys.Concat(placed).Where(File.Exists))
                File.Delete(made);
            throw;
        }
        return [.. files.Select(f => f with
        {
            Path = final[f.Path],
            PupilList = f.PupilList is null ? null : final[f.PupilList],
            NoiseFile = f.NoiseFile is null ? null : final[f.NoiseFile],
        })];
    }

    /// <summary>An exclusive lock beside <paramref name="path"/>: it goes with the process, so a killed run leaves nothing locked.</summary>
    private static FileStream Lock(string path)
    {
        var full = Path.GetFullPath(path);
        var lockPath = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.aanwezigheid-lock");
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new UserError(Texts.GenerateBusy(path), Setting.Output);
        }
    }

    private const string NoiseSuffix = ".noise.json";

    private const string StagedMark = ".aanwezigheid-nieuw";

    /// <summary>The hidden name a file is written under until the run's files are all there: <c>.NAME.aanwezigheid-nieuw.EXT</c>, its extension kept (it says the file's format).</summary>
    private static string Staged(string path)
    {
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        // The noise file is named after its export (NAME.csv.noise.json), so staged after it too.
        var (stem, extension) = name.EndsWith(NoiseSuffix, StringComparison.Ordinal)
            ? (Path.GetFileNameWithoutExtension(name[..^NoiseSuffix.Length]), Path.GetExtension(name[..^NoiseSuffix.Length]) + NoiseSuffix)
            : (Path.GetFileNameWithoutExtension(name), Path.GetExtension(name));
        return Path.Combine(Path.GetDirectoryName(full)!, $".{stem}{StagedMark}{extension}");
    }

    private static GeneratedFile WriteOne(GeneratorOptions options, SchoolType type, int yearIndex, SchoolCalendar calendar, string path, string? pupilListPath)
    {
        var timetable = TimetableOf(type);
        var pupils = Pupils(options, calendar, type, yearIndex);
        var noise = new NoiseCounts();
        long rows;
        if (Path.GetExtension(path).Equals(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            rows = CanonicalParquet.WriteAsync(path, calendar, pupils, timetable.Kind, WithSchoolColumn(options)).GetAwaiter().GetResult();
        }
        else
        {
            long written = 0;
            var shape = type == SchoolType.Po && options.Shape == ExportShape.LesuurNl ? ExportShape.DagdeelPo
                : type != SchoolType.Po && options.Shape == ExportShape.DagdeelPo ? ExportShape.LesuurNl : options.Shape;
            var style = new ExportStyle
            {
                DateFormat = shape == ExportShape.Canonical ? "yyyy-MM-dd" : "dd-MM-yyyy",
                NewLine = "\n",
                Separator = shape == ExportShape.Canonical ? ',' : ';',
                ExcelFooter = options.Noise > 0,
                BlankLines = options.Noise > 0,
            };
            AtomicFile.Write(path, stream =>
                written = ExportWriter.Write(stream, shape, style, calendar, timetable, pupils,
                    options.Schools <= 1 ? options.SchoolId : "*", options.Until, options.Noise, new Random(options.Seed + 99), noise));
            rows = written;
        }
        if (pupilListPath is not null)
        {
            AtomicFile.Write(pupilListPath, stream =>
            {
                using var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
                var withSchool = WithSchoolColumn(options);
                writer.WriteRecord(withSchool
                    ? ["school_id", "pupil_id", "group", "enrolled_from", "enrolled_until"]
                    : ["pupil_id", "group", "enrolled_from", "enrolled_until"]);
                foreach (var pupil in Pupils(options with { Until = calendar.Date(0) }, calendar, type, yearIndex))
                {
                    if (withSchool)
                        writer.WriteField(pupil.SchoolId);
                    writer.WriteRecord([pupil.PupilId, pupil.Group, Iso(calendar.Date(pupil.Enrolment.First)), Iso(calendar.Date(Math.Min(pupil.Enrolment.Last, calendar.DayCount - 1)))]);
                }
                writer.Flush();
            });
        }
        // What the noise did, beside the export, so that a test or a demo can check the rejects exactly.
        string? noiseFile = null;
        if (options.Noise > 0)
        {
            noiseFile = Path.GetFullPath(path + NoiseSuffix);
            AtomicFile.WriteAllText(noiseFile, System.Text.Json.JsonSerializer.Serialize(noise, Json.Indented));
        }
        return new GeneratedFile(Path.GetFullPath(path), pupilListPath is null ? null : Path.GetFullPath(pupilListPath), calendar.Year, type, options.Pupils, rows, noise, noiseFile);
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string WithSuffix(string path, string suffix) =>
        suffix.Length == 0 ? path : Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + suffix + Path.GetExtension(path));

    /// <summary>Walks one pupil's school days and draws what happens on each.</summary>
    private sealed class PupilSimulation(Random random, Archetype archetype, SchoolType type, SchoolCalendar calendar, Timetable timetable, int firstDay, int lastDay, List<SyntheticRegistration> output)
    {
        // Per-pupil frailty: a log-normal factor on every rate, which makes the long tail.
        private readonly double _frailty = Math.Exp(0.5 * Gaussian(random) - 0.125);

        public void Run()
        {
            var sickStartRate = archetype switch
            {
                Archetype.FrequentlySick => 0.035,
                Archetype.Truant => 0.018,
                _ => 0.010,
            } * _frailty * (type == SchoolType.Po ? 0.9 : 1.0);
            var lateRate = (archetype == Archetype.Truant ? 0.03 : 0.006) * _frailty;
            var skipRate = archetype == Archetype.Truant ? 0.06 * _frailty : 0.002 * _frailty;
            var truantDayRate = archetype == Archetype.Truant ? 0.012 * _frailty : 0.0004;
            var sentHomeRate = (archetype == Archetype.FrequentlySick ? 0.008 : 0.0015) * _frailty;
            var appointmentRate = 0.005;

            // Archetype events placed in the year.
            var span = Math.Max(1, lastDay - firstDay);
            var longSickStart = archetype == Archetype.LongSick ? firstDay + random.Next(span) : -1;
            var longSickLength = 8 + random.Next(18);
            var driftStart = archetype == Archetype.Drifting ? firstDay + random.Next(Math.Max(1, span / 2)) : -1;
            var driftWeeks = 3 + random.Next(6);
            var driftUnauthorized = random.NextDouble() < 0.6;
            var reducedStart = archetype == Archetype.ReducedTimetable ? firstDay + random.Next(span) : -1;
            var reducedLength = 20 + random.Next(40);
            var suspendedDay = random.NextDouble() < 0.004 ? firstDay + random.Next(span) : -1;

            var sickLeft = 0;
            var lateClusterLeft = 0;
            var boundaries = calendar.BreakBoundaries(7);
            for (var day = firstDay; day <= lastDay; day++)
            {
                var date = calendar.Date(day);
                var slots = timetable.ScheduledSlots(0, date.DayOfWeek);
                var lastSlot = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)slots);

                if (driftStart >= 0 && day >= driftStart)
                {
                    // Drifting: the chance of staying away grows to certainty over a few weeks.
                    var progress = Math.Min(1.0, (day - driftStart) / (5.0 * driftWeeks));
                    if (random.NextDouble() < 0.15 + 0.85 * progress)
                    {
                        WholeDay(day, slots, driftUnauthorized ? Category.Unauthorized : Category.Sick);
                        continue;
                    }
                }
                if (longSickStart >= 0 && day >= longSickStart && day < longSickStart + longSickLength)
                {
                    WholeDay(day, slots, Category.Sick);
                    continue;
                }
                if (day == suspendedDay)
                {
                    WholeDay(day, slots, Category.Suspended);
                    continue;
                }
                if (sickLeft > 0)
                {
                    sickLeft--;
                    WholeDay(day, slots, Category.Sick);
                    continue;
                }

                // A new sick episode: winter peak, Monday and Friday, and around holidays.
                var hazard = sickStartRate * SicknessByMonth[date.Month]
                    * date.DayOfWeek switch { IsoDayOfWeek.Monday => 1.3, IsoDayOfWeek.Friday => 1.15, _ => 0.9 }
                    * (Internals.Bits.Test(boundaries, day) ? 1.6 : 1.0);
                if (random.NextDouble() < hazard)
                {
                    sickLeft = EpisodeLength() - 1;
                    WholeDay(day, slots, Category.Sick);
                    continue;
                }
                if (random.NextDouble() < truantDayRate * (date.DayOfWeek is IsoDayOfWeek.Monday or IsoDayOfWeek.Friday ? 1.5 : 1.0))
                {
                    WholeDay(day, slots, Category.Unauthorized);
                    continue;
                }
                if (random.NextDouble() < sentHomeRate * SicknessByMonth[date.Month])
                {
                    // Came to school, went home ill after a few lessons; often ill the next day too.
                    var from = 2 + random.Next(Math.Max(1, lastSlot - 2));
                    for (var s = from; s <= lastSlot; s++)
                    {
                        if ((slots & (1 << s)) != 0)
                            output.Add(new(day, s, Category.SentHomeSick));
                    }
                    if (random.NextDouble() < 0.5)
                        sickLeft = 1;
                    continue;
                }

                var reduced = reducedStart >= 0 && day >= reducedStart && day < reducedStart + reducedLength;
                for (var s = 0; s < Timetable.MaxSlots; s++)
                {
                    if ((slots & (1 << s)) == 0)
                        continue;
                    if (reduced && s >= lastSlot - (type == SchoolType.Po ? 0 : 2))
                        output.Add(new(day, s, Category.ReducedTimetable));
                    else if (s == FirstSlot(slots) && random.NextDouble() < (lateClusterLeft > 0 ? 0.25 : lateRate))
                        output.Add(new(day, s, Category.Late));
                    else if (random.NextDouble() < skipRate / 7 * (s >= lastSlot - 1 ? 2.0 : 1.0))
                        output.Add(new(day, s, Category.Unauthorized));
                    else if (random.NextDouble() < appointmentRate / 7)
                        output.Add(new(day, s, Category.AuthorizedOther));
                }
                if (lateClusterLeft > 0)
                    lateClusterLeft--;
                else if (random.NextDouble() < (archetype == Archetype.Truant ? 0.02 : 0.002) * _frailty)
                    lateClusterLeft = 10 + random.Next(10);
            }
        }

        private void WholeDay(int day, ushort slots, Category category)
        {
            for (var s = 0; s < Timetable.MaxSlots; s++)
            {
                if ((slots & (1 << s)) != 0)
                    output.Add(new(day, s, category));
            }
        }

        private int EpisodeLength()
        {
            var x = random.NextDouble();
            return x < 0.48 ? 1 : x < 0.74 ? 2 : x < 0.86 ? 3 : x < 0.95 ? 4 + random.Next(2) : x < 0.99 ? 6 + random.Next(5) : 11 + random.Next(10);
        }

        private static int FirstSlot(ushort slots) => System.Numerics.BitOperations.TrailingZeroCount((uint)slots);

        private static double Gaussian(Random random)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
