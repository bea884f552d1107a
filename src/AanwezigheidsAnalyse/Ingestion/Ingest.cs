using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>What ingestion of all inputs of a run hands to the ledger: the accounting and the denominator decision.</summary>
public sealed record IngestResult
{
    internal IngestResult(IReadOnlyList<FileAccount> files, Timetable timetable, bool fullRegister, Phrase denominator, IReadOnlyList<string> warnings)
    {
        Files = files;
        Timetable = timetable;
        FullRegister = fullRegister;
        Denominator = denominator;
        Warnings = warnings;
    }

    /// <summary>The accounting of every input file, in the order given.</summary>
    public IReadOnlyList<FileAccount> Files { get; }

    /// <summary>The latest date of an accepted row in any file; null when none.</summary>
    public NodaTime.LocalDate? DataEnd => Files.Select(f => f.LastDate).Where(d => d is not null).Max();

    /// <summary>The timetable scheduled time comes from.</summary>
    internal Timetable Timetable { get; }

    /// <summary>The timetable's name, for run.json and the report.</summary>
    public string TimetableName => $"{Timetable.Name} ({Timetable.Source})";

    /// <summary>True when scheduled time is the registered slots (a full register), false when the timetable's.</summary>
    public bool FullRegister { get; }

    /// <summary>Where scheduled time came from, in words (README, "Scheduled time").</summary>
    public Phrase Denominator { get; }

    /// <summary>What the user should know about the inputs, in the run's language.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Rows read in all files.</summary>
    public long RowsRead => Files.Sum(f => f.RowsRead);

    /// <summary>Rows accepted in all files.</summary>
    public long Accepted => Files.Sum(f => f.Accepted);

    /// <summary>Rows ignored in all files.</summary>
    public long Ignored => Files.Sum(f => f.Ignored);

    /// <summary>Rows rejected in all files.</summary>
    public long Rejected => Files.Sum(f => f.Rejected);
}

/// <summary>
/// Reads every input file of a run into one <see cref="LedgerBuilder"/>, in the order given: one file per class
/// or per month, overlapping or duplicated, all land in the same ledger, where a slot registered twice counts once.
/// Then decides where scheduled time comes from (README, "Scheduled time").
/// </summary>
internal static class Ingest
{
    /// <summary>Notifications outside every lesson that make the timetable doubtful.</summary>
    public const int OutsideLessonsToWarn = 5;

    public static IngestResult Run(
        IReadOnlyList<string> inputs,
        IngestSettings settings,
        LedgerBuilder builder,
        RejectSink rejects,
        IProgress<IngestProgress>? progress)
    {
        var files = new List<FileAccount>();
        var warnings = new List<string>();
        var timetable = settings.Timetable;
        var slots = new List<SlotSpelling>();
        var registers = new List<RegisterKind>();
        var unchosen = false; // a file whose scheduled time comes from a timetable nobody named
        Phrase? differing = null; // a file read with another timetable than the run's
        long presentRows = 0, acceptedRows = 0;
        foreach (var input in inputs)
        {
            var result = Path.GetExtension(input).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
                ? ParquetInput.Read(input, settings, builder, rejects, progress)
                : CsvInput.Read(input, settings, builder, rejects, progress);
            files.Add(result.Account);
            slots.Add(result.Slots);
            var fileTimetable = TimetableOf(input, result, settings, warnings);
            if (timetable is null)
                timetable = fileTimetable;
            else if (settings.Timetable is null && timetable.Name != fileTimetable.Name)
                differing ??= Texts.TimetablesDiffer(input, fileTimetable.Name, timetable.Name);
            if (result.DurationsLookLikeAnotherUnit)
                warnings.Add(Texts.DurationsTooShort(input, result.Profile.Name).In(settings.Language));
            registers.Add(result.Profile.Register);
            if (result.Profile.Shape != RowShape.Days && settings.Timetable is null && result.Profile.Timetable is null)
                unchosen = true;
            presentRows += result.PresentRows;
            acceptedRows += result.Account.Accepted;
        }
        // An empty school cell among named ones put a pupil's rows under two schools: two pupils, each with part of the
        // absence, and a tier 3 became two tier 2s without a word (an adversarial pass). With --school-id an empty
        // cell is that school.
        // So did a whole file without a school column beside files with one (337 pupils for 193, a review).
        if (settings.SchoolId.Length == 0 && builder.Schools.Any(s => s.Length > 0))
        {
            if (files.FirstOrDefault(f => f.SchoolColumn < 0 && f.Accepted + f.Rejected > 0) is { } without)
                throw new UserError(Texts.SchoolColumnMissing(without.Path), Setting.SchoolId);
            if (files.FirstOrDefault(f => f.BlankSchoolRows > 0) is { } blank)
                throw new UserError(Texts.SchoolCellsEmpty(blank.BlankSchoolRows, blank.Path, blank.Headers.ElementAtOrDefault(blank.SchoolColumn) ?? ""), Setting.SchoolId);
        }
        timetable ??= Timetable.Bundled("vo-standaard");
        CheckOneKindOfSlot(inputs, slots, timetable);
        // A file is read with its own timetable (a notification's times become its lessons), the ledger counts with
        // the run's: a primary school's dagdelen beside its notifications by time read a morning as four lessons of one
        // timetable counted in the other, with a warning only (a review). One run, one timetable, chosen.
        if (differing is { } message)
            throw new UserError(message, Setting.Timetable);
        if (unchosen && timetable.Kind == SlotKind.Lesuur && PrimaryGroups.InAnySchool(builder))
            throw new UserError(Texts.PrimaryGroupsUnderLessonHours(timetable.Name), Setting.Timetable);
        // Groups called "6D" say nothing; lessons that are only ever 1 or 2 look like a morning and an afternoon. Said,
        // not stopped: an export of late arrivals in the first hour has them too.
        var spelled = slots.Aggregate(new SlotSpelling(0, 0, 0), (sum, s) => sum.Plus(s));
        if (unchosen && timetable.Kind == SlotKind.Lesuur && spelled is { Small: >= PrimaryGroups.SlotRows, Lessons: 0, Dagdelen: 0 })
            warnings.Add(Texts.OnlyLessonsOneAndTwo(spelled.Small, timetable.Name).In(settings.Language));
        // Notifications on school days outside every lesson are ignored: an evening appointment now and then, but a few
        // already may say the school has lessons the timetable lacks. A primary school with lessons on Wednesday
        // afternoon under po-standaard lost every absence of that afternoon without a word (an adversarial pass); a
        // floor of 20 missed a school of 120 pupils all year. A warning too many costs a glance: said from 5, with the
        // weekday most of them fall on.
        if (files.Sum(f => f.IgnoredBy.GetValueOrDefault(IgnoreReason.NoLesson)) is var outside && outside >= OutsideLessonsToWarn)
        {
            var weekday = Enumerable.Range(1, 7).MaxBy(d => files.Sum(f => f.NoLessonOn[d]));
            warnings.Add(Texts.NotificationsOutsideLessons(outside, files.Sum(f => f.NoLessonOn[weekday]), (NodaTime.IsoDayOfWeek)weekday, timetable.Name).In(settings.Language));
        }
        // Whole days whose date has a clock time: if those times are lessons', every lesson counted as the day's seven.
        foreach (var file in files.Where(f => f.TimedWholeDays >= OutsideLessonsToWarn))
            warnings.Add(Texts.WholeDaysWithTimes(file.Path, file.TimedWholeDays).In(settings.Language));
        // The same export given twice reads as every row a duplicate: said, as it is most likely a slip of the shell.
        foreach (var same in files.GroupBy(f => f.Sha256).Where(g => g.Key.Length > 0 && g.Count() > 1))
            warnings.Add(Texts.SameFileTwice(same.First().Path, same.Skip(1).First().Path).In(settings.Language));

        // A full register lists every scheduled slot, "present" included; an absence-only export does not.
        // Auto: full when more than half of the accepted rows say present, and nearly every pupil has a row of
        // attendance (present, late, educated elsewhere).
        // Present rows of a few pupils (a majority of the rows all the same) would otherwise turn every other pupil's
        // scheduled time into its absences alone: rates of 50 % and more, tiers that are wrong, and nothing said.
        var byProfile = registers.Contains(RegisterKind.Full) ? RegisterKind.Full
            : registers.All(r => r == RegisterKind.Absences) ? RegisterKind.Absences
            : RegisterKind.Auto;
        var full = byProfile == RegisterKind.Full || (byProfile == RegisterKind.Auto && acceptedRows > 0 && presentRows * 2 > acceptedRows);
        if (full && byProfile == RegisterKind.Auto && builder.PupilsRegistering(Category.Present, Category.Late, Category.OffSiteEducation) is var (registering, present) && present < registering * 0.9)
        {
            full = false;
            warnings.Add(Texts.PresentRowsOfFewPupils(present, registering, presentRows, acceptedRows).In(settings.Language));
        }
        return new IngestResult(files, timetable, full, Texts.Denominator(byProfile == RegisterKind.Auto, full, presentRows, acceptedRows, timetable.Name, timetable.Source), warnings);
    }

    /// <summary>
    /// The timetable a file's slots are read with. Dagdeel words (ochtend, middag) under a timetable of lesson hours
    /// were lesuur 1 and 2 of 50 minutes: a pupil sick every morning was absent a seventh of the week, not half of it.
    /// A slot file of dagdelen (by word, perhaps with 1 and 2 besides) whose timetable nobody chose is read with
    /// <c>po-standaard</c>, and the run says so. Dagdelen beside other lesson hours, or under a timetable of lesson
    /// hours someone chose, stop the run: no reading of them is right.
    /// </summary>
    private static Timetable TimetableOf(string input, ReadResult result, IngestSettings settings, List<string> warnings)
    {
        var slots = result.Slots;
        if (slots.Dagdelen == 0)
            return result.Timetable;
        if (slots.Lessons > 0)
            throw new UserError(Texts.DagdelenAndLessonHours(input, slots.Dagdelen, slots.Lessons), Setting.Inputs);
        if (result.Timetable.Kind == SlotKind.Dagdeel)
            return result.Timetable;
        if (settings.Timetable is null && result.Profile.Timetable is null && result.Profile.Shape == RowShape.Slots)
        {
            var dagdelen = Timetable.Bundled("po-standaard");
            warnings.Add(Texts.DagdelenTimetable(input, dagdelen.Name).In(settings.Language));
            return dagdelen;
        }
        throw new UserError(Texts.DagdelenUnderLessonHours(input, slots.Dagdelen, result.Timetable.Name), Setting.Timetable);
    }

    /// <summary>
    /// One run has one timetable: exports in dagdelen and exports in lesson hours cannot be read in one run (the
    /// second was read with the first's timetable, a warning beside it), whichever comes first.
    /// </summary>
    private static void CheckOneKindOfSlot(IReadOnlyList<string> inputs, IReadOnlyList<SlotSpelling> slots, Timetable timetable)
    {
        var dagdelen = Enumerable.Range(0, inputs.Count).FirstOrDefault(i => slots[i].Dagdelen > 0, -1);
        if (dagdelen < 0)
            return;
        var lessons = timetable.Kind == SlotKind.Dagdeel ? Enumerable.Range(0, inputs.Count).FirstOrDefault(i => slots[i].Lessons > 0, -1)
            : Enumerable.Range(0, inputs.Count).FirstOrDefault(i => slots[i].Dagdelen == 0 && slots[i].Small + slots[i].Lessons > 0, -1);
        if (lessons >= 0 || timetable.Kind != SlotKind.Dagdeel)
            throw new UserError(Texts.DagdeelAndLessonExports(inputs[dagdelen], lessons >= 0 ? inputs[lessons] : null, timetable.Name), Setting.Inputs);
    }
}

/// <summary>
/// Group names of primary education ("groep 6D", "Groep 8 (Dolfijnen)", "Combinatiegroep 3/4", "gr. 8"). A school
/// at least half of whose groups are named so is a primary school, which has mornings and afternoons, not lesson hours:
/// read with a lesson-hour timetable nobody chose, its notifications put a morning at 50 of 350 minutes (a generated
/// school: 3 pupils in tier 3 instead of 9). The run stops and asks for the timetable rather than guess it: a name is a
/// convention, not proof, and an interval's times were already mapped to the timetable's lessons when the file was
/// read. Per school, as a run of a primary and a secondary school has one timetable; half, as one group named after
/// an animal ("De Dolfijnen") must not let the others through. A secondary school's "mentorgroep" stops too, and is
/// told to give --timetable vo-standaard: a question too many is better than a tier wrong.
/// </summary>
internal static partial class PrimaryGroups
{
    /// <summary>Rows naming lesuur 1 or 2, and no other, that make an export look like mornings and afternoons.</summary>
    public const int SlotRows = 50;

    public static bool Looks(string group) => group.Contains("groep", StringComparison.OrdinalIgnoreCase) || Numbered().IsMatch(group);

    /// <summary>A primary school's data: a timetable of dagdelen, or at least half of the class names "groep …" (the kind of school a model learned from).</summary>
    public static bool IsPrimarySchool(DayLedger ledger) => ledger.Timetable.Kind == SlotKind.Dagdeel || Mostly(ledger);

    /// <summary>At least half of the ledger's class names are a primary school's.</summary>
    public static bool Mostly(DayLedger ledger)
    {
        var groups = Enumerable.Range(0, ledger.PupilCount).Select(ledger.Group).OfType<string>().Where(g => !string.IsNullOrWhiteSpace(g)).Distinct(StringComparer.Ordinal).ToList();
        return groups.Count > 0 && groups.Count(Looks) * 2 >= groups.Count;
    }

    public static bool InAnySchool(LedgerBuilder builder)
    {
        var groups = builder.Groups;
        var seen = new HashSet<long>(); // a school's class, once
        var (named, primary) = (new Dictionary<int, int>(), new Dictionary<int, int>());
        for (var p = 0; p < builder.PupilCount; p++)
        {
            var (school, group) = builder.SchoolAndGroupOf(p);
            if (group < 0 || !seen.Add(((long)school << 32) | (uint)group) || string.IsNullOrWhiteSpace(groups[group]))
                continue;
            named[school] = named.GetValueOrDefault(school) + 1;
            primary[school] = primary.GetValueOrDefault(school) + (Looks(groups[group]) ? 1 : 0);
        }
        return named.Any(s => primary[s.Key] * 2 >= s.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[^a-z])gr\.?\s*[1-8](?:$|[^0-9])", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Numbered();
}

/// <summary>A file's SHA-256 for run.json, computed on another core while the file is read.</summary>
internal static class FileHash
{
    public static Task<string> Sha256Async(string path) => Task.Run(() =>
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    });
}

/// <summary>What the reader of one file hands back.</summary>
internal sealed record ReadResult(FileAccount Account, Profile Profile, Ledger.Timetable Timetable, long PresentRows, bool DurationsLookLikeAnotherUnit, SlotSpelling Slots);

/// <summary>The settings every input file of a run shares.</summary>
internal sealed record IngestSettings(NodaTime.LocalDate AsOf, Profile? Profile, string SchoolId, Ledger.Timetable? Timetable, Language Language)
{
    /// <summary>The pupil list read before the exports, if any: an export must put its pupils under the same schools.</summary>
    public PupilListSummary? PupilList { get; init; }

    /// <summary>How a large CSV file is cut into parts read on several cores; the default suits a run, tests cut finer.</summary>
    public PartSettings Parts { get; init; } = PartSettings.Default;
}

/// <summary>Progress of a long read, for the console: bytes of the current file and rows so far.</summary>
/// <param name="File">The file being read.</param>
/// <param name="Bytes">Bytes read so far.</param>
/// <param name="TotalBytes">The file's size.</param>
/// <param name="Rows">Rows read so far.</param>
public readonly record struct IngestProgress(string File, long Bytes, long TotalBytes, long Rows);
