using System.Globalization;
using System.Text;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using CsvHelper;
using NodaTime;

namespace AanwezigheidsAnalyse.Synthetic;

/// <summary>The export shapes the generator writes: the canonical format and the shape of every bundled profile.</summary>
public enum ExportShape
{
    /// <summary>Canonical rows (profile canonical): lesson hours, or for a PO school dagdelen by name (ochtend, middag).</summary>
    Canonical,
    /// <summary>Lesson-hour rows with Dutch headers and codes (profile lesuur-nl).</summary>
    LesuurNl,
    /// <summary>PO rows per dagdeel (profile dagdeel-po); slots 1 and 2 only.</summary>
    DagdeelPo,
    /// <summary>Absence notifications from a start to an end, by lesuur (profile melding-interval).</summary>
    MeldingLesuur,
    /// <summary>Absence notifications from a start to an end, by clock time (profile melding-interval).</summary>
    MeldingTijd,
    /// <summary>One row per pupil, school day and code with minutes (profile dag-minuten); a full register.</summary>
    DagMinuten,
}

/// <summary>
/// How an export looks on disk: the mess real school exports have (README, "Input"). The defaults are a tidy file.
/// </summary>
internal sealed record ExportStyle
{
    public char Separator { get; init; } = ';';

    /// <summary>UTF-8 (the default) or Windows-1252.</summary>
    public bool Windows1252 { get; init; }

    public bool ByteOrderMark { get; init; }

    /// <summary>A .NET date format: dd-MM-yyyy (Dutch Excel), d-M-yyyy, yyyy-MM-dd.</summary>
    public string DateFormat { get; init; } = "dd-MM-yyyy";

    public bool QuoteAll { get; init; }

    public string NewLine { get; init; } = "\r\n";

    /// <summary>Two empty columns at the end of every row, as Excel leaves them.</summary>
    public bool TrailingEmptyColumns { get; init; }

    /// <summary>A blank line now and then.</summary>
    public bool BlankLines { get; init; }

    /// <summary>An Excel footer below the data ("Totaal", a count).</summary>
    public bool ExcelFooter { get; init; }

    /// <summary>Codes in upper, lower or mixed case.</summary>
    public int CodeCase { get; init; }

    /// <summary>A column with the pupil's name (Dutch shapes), which the tool must never read.</summary>
    public bool WithNames { get; init; }

    /// <summary>The encoding the export is written in (taken from the code-page provider, not registered: no process-wide state).</summary>
    public Encoding Encoding => Windows1252 ? CodePagesEncodingProvider.Instance.GetEncoding(1252)! : new UTF8Encoding(ByteOrderMark);
}

/// <summary>
/// Writes synthetic pupils' registrations in any export shape and style, streaming pupil by pupil. The tests
/// use it to check that every shape reads back to the same ledger; the generator, to produce demo and
/// benchmark files.
/// </summary>
internal static class ExportWriter
{
    /// <summary>A dagdeel as exports name it: ochtend (1), middag (2); another slot by its number.</summary>
    internal static string Dagdeel(int slot) => slot switch
    {
        1 => "ochtend",
        2 => "middag",
        _ => slot.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Names for the name column: with é, ë, ï and ü, so that encodings matter.</summary>
    public static readonly string[] Names = ["Zoë Ünal", "Anaïs de Vries", "Noël Bakker", "Chloé Jansen", "Eloïse van Dijk", "Mehmet Öztürk", "Bjørn Smit", "Lieke Mulder"];

    private static readonly Dictionary<Category, string[]> DutchCodes = new()
    {
        [Category.Present] = ["PR", "aanwezig"],
        [Category.Late] = ["L", "te laat", "T"],
        [Category.OffSiteEducation] = ["stage", "excursie"],
        [Category.Sick] = ["Z", "ziek", "Zb"],
        [Category.SentHomeSick] = ["ZH", "ziek naar huis"],
        [Category.AuthorizedOther] = ["M", "medisch", "verlof", "tandarts"],
        [Category.Unauthorized] = ["S", "spijbelen", "A", "ongeoorloofd"],
        [Category.Suspended] = ["GE", "geschorst"],
        [Category.ReducedTimetable] = ["lestijdverkorting", "LV"],
        [Category.Exempt] = ["VR", "vrijstelling"],
        [Category.Ignore] = ["HV", "huiswerk vergeten", "BV"],
    };

    /// <summary>
    /// Writes an export; returns the number of data rows written. <paramref name="schoolId"/> "*" writes each pupil's
    /// own school. With <paramref name="noise"/>, that share of rows gets a bad date or an unknown code or is written
    /// twice, counted in <paramref name="counts"/>.
    /// </summary>
    public static long Write(Stream stream, ExportShape shape, ExportStyle style, SchoolCalendar calendar, Timetable timetable,
        IEnumerable<SyntheticPupil> pupils, string schoolId = "", LocalDate? until = null, double noise = 0, Random? noiseRandom = null, NoiseCounts? counts = null)
    {
        counts ??= new NoiseCounts();
        noiseRandom ??= new Random(23);
        var codeIndex = shape switch
        {
            ExportShape.MeldingLesuur => 4,
            ExportShape.MeldingTijd => 6,
            ExportShape.DagMinuten => 3,
            _ => 2,
        };
        using var text = new StreamWriter(stream, style.Encoding, 1 << 16, leaveOpen: true);
        var options = new CsvWriterOptions
        {
            Separator = style.Separator,
            NewLine = style.NewLine,
            Quoting = style.QuoteAll ? CsvQuoting.Always : CsvQuoting.WhenNeeded,
            ValidateFieldCount = false,
        };
        using var csv = CsvWriter.Create(text, options, leaveOpen: true);
        var header = Header(shape, style, schoolId.Length > 0);
        Record(csv, header);
        var random = new Random(17);
        long rows = 0;
        var lastDay = until is { } u ? calendar.LastOnOrBefore(u) : calendar.DayCount - 1;
        var index = 0;
        foreach (var pupil in pupils)
        {
            var name = Names[index++ % Names.Length];
            foreach (var fields in Rows(shape, style, calendar, timetable, pupil, lastDay, random))
            {
                var copies = 1;
                if (noise > 0 && noiseRandom.NextDouble() < noise)
                {
                    switch (noiseRandom.Next(3))
                    {
                        case 0 when fields[codeIndex].Length > 0:
                            fields[codeIndex] = "XYZ";
                            counts.UnknownCodes++;
                            break;
                        case 2:
                            copies = 2;
                            counts.Duplicates++;
                            break;
                        default:
                            fields[0] = $"31-02-{calendar.Year.StartYear + 1}";
                            counts.BadDates++;
                            break;
                    }
                }
                var record = new List<string>(header.Length);
                if (schoolId.Length > 0)
                    record.Add(schoolId == "*" ? pupil.SchoolId : schoolId);
                record.Add(pupil.PupilId);
                if (style.WithNames && shape != ExportShape.Canonical)
                    record.Add(name);
                record.Add(pupil.Group);
                record.AddRange(fields);
                for (var copy = 0; copy < copies; copy++)
                {
                    Record(csv, [.. record]);
                    rows++;
                }
                if (style.BlankLines && random.Next(40) == 0)
                {
                    csv.Flush();
                    text.Write(style.NewLine);
                    counts.BlankLines++;
                }
            }
        }
        if (style.ExcelFooter)
        {
            var footer = new string[header.Length];
            Array.Fill(footer, "");
            Record(csv, footer);
            footer[0] = "Totaal";
            footer[footer.Length - 1 - (style.TrailingEmptyColumns ? 2 : 0)] = rows.ToString(CultureInfo.InvariantCulture);
            Record(csv, footer);
            counts.FooterRows += 2;
        }
        csv.Flush();
        text.Flush();
        return rows;
    }

    private static string[] Header(ExportShape shape, ExportStyle style, bool withSchool)
    {
        var columns = new List<string>();
        if (withSchool)
            columns.Add(shape == ExportShape.Canonical ? "school_id" : "BRIN");
        columns.Add(shape switch
        {
            ExportShape.Canonical => "pupil_id",
            ExportShape.LesuurNl => "Stamnr",
            _ => "Leerlingnummer",
        });
        if (style.WithNames && shape != ExportShape.Canonical)
            columns.Add("Naam");
        columns.Add(shape switch
        {
            ExportShape.Canonical => "group",
            ExportShape.DagdeelPo => "Groep",
            _ => "Klas",
        });
        columns.AddRange(shape switch
        {
            ExportShape.Canonical => ["date", "slot", "status"],
            ExportShape.LesuurNl => ["Datum", "Lesuur", "Code", "Omschrijving", "Geoorloofd"],
            ExportShape.DagdeelPo => ["Datum", "Dagdeel", "Reden"],
            ExportShape.MeldingLesuur => ["Begindatum", "Beginlesuur", "Einddatum", "Eindlesuur", "Absentiereden"],
            ExportShape.MeldingTijd => ["Begindatum", "Begintijd", "Beginlesuur", "Einddatum", "Eindtijd", "Eindlesuur", "Absentiereden"],
            _ => ["Datum", "Geroosterde minuten", "Afwezige minuten", "Reden"],
        });
        if (style.TrailingEmptyColumns)
            columns.AddRange(["", ""]);
        return [.. columns];
    }

    private static IEnumerable<string[]> Rows(ExportShape shape, ExportStyle style, SchoolCalendar calendar, Timetable timetable,
        SyntheticPupil pupil, int lastDay, Random random)
    {
        var registrations = pupil.Registrations.Where(r => r.Day <= lastDay).ToList();
        string Date(int day) => calendar.Date(day).ToString(style.DateFormat, CultureInfo.InvariantCulture);
        bool Timetabled(int day, int slot) => (timetable.ScheduledSlots(0, calendar.Date(day).DayOfWeek) & (1 << slot)) != 0;
        string Code(Category category)
        {
            var text = shape == ExportShape.Canonical ? category.Name() : DutchCodes[category][random.Next(DutchCodes[category].Length)];
            return style.CodeCase switch
            {
                1 => text.ToUpperInvariant(),
                2 => text.Length > 1 ? char.ToUpperInvariant(text[0]) + text[1..].ToLowerInvariant() : text.ToLowerInvariant(),
                _ => text,
            };
        }

        switch (shape)
        {
            case ExportShape.Canonical:
                // A PO school's dagdelen by name: as numbers they were read as lesuur 1 and 2 of 50 minutes each.
                foreach (var r in registrations)
                    yield return Trailing(style, [Date(r.Day), timetable.Kind == SlotKind.Dagdeel ? Dagdeel(r.Slot) : r.Slot.ToString(CultureInfo.InvariantCulture), Code(r.Category)]);
                break;
            case ExportShape.LesuurNl:
                foreach (var r in registrations)
                {
                    var code = Code(r.Category);
                    // "A" (absent) is unauthorized unless Geoorloofd says ja: write nee for it, and a flag now and then elsewhere.
                    var flag = code.Equals("a", StringComparison.OrdinalIgnoreCase) ? "nee"
                        : r.Category is Category.Sick or Category.AuthorizedOther && random.Next(2) == 0 ? "ja" : "";
                    yield return Trailing(style, [Date(r.Day), r.Slot.ToString(CultureInfo.InvariantCulture), code, "", flag]);
                }
                break;
            case ExportShape.DagdeelPo:
                foreach (var r in registrations)
                    yield return Trailing(style, [Date(r.Day), Dagdeel(r.Slot), Code(r.Category)]);
                break;
            case ExportShape.MeldingLesuur:
            case ExportShape.MeldingTijd:
                foreach (var run in Runs(registrations, calendar, timetable))
                {
                    if (shape == ExportShape.MeldingLesuur)
                    {
                        yield return Trailing(style, [Date(run.FirstDay), run.FirstSlot.ToString(CultureInfo.InvariantCulture),
                            Date(run.LastDay), run.LastSlot.ToString(CultureInfo.InvariantCulture), Code(run.Category)]);
                    }
                    else if (Timetabled(run.FirstDay, run.FirstSlot) && Timetabled(run.LastDay, run.LastSlot))
                    {
                        // By clock time: from the start of the first lesson to the end of the last.
                        var start = timetable.SlotTimes(run.FirstSlot)!.Value.Start;
                        var end = timetable.SlotTimes(run.LastSlot)!.Value.End;
                        yield return Trailing(style, [Date(run.FirstDay), start.ToString("HH:mm", CultureInfo.InvariantCulture), "",
                            Date(run.LastDay), end.ToString("HH:mm", CultureInfo.InvariantCulture), "", Code(run.Category)]);
                    }
                    else
                    {
                        // A lesson outside the timetable (an 8th hour) is named by its lesuur.
                        yield return Trailing(style, [Date(run.FirstDay), "", run.FirstSlot.ToString(CultureInfo.InvariantCulture),
                            Date(run.LastDay), "", run.LastSlot.ToString(CultureInfo.InvariantCulture), Code(run.Category)]);
                    }
                }
                break;
            default:
                // A full register by day: every school day, its scheduled minutes and one row per code with minutes.
                var byDay = registrations.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => g.ToList());
                for (var day = Math.Max(0, pupil.Enrolment.First); day <= Math.Min(lastDay, pupil.Enrolment.Last); day++)
                {
                    var timetabled = timetable.ScheduledSlots(0, calendar.Date(day).DayOfWeek);
                    var slots = (uint)timetabled;
                    var list = byDay.GetValueOrDefault(day) ?? [];
                    foreach (var r in list)
                    {
                        if (r.Category != Category.Ignore)
                            slots |= 1u << r.Slot;
                    }
                    var exempt = list.Where(r => r.Category == Category.Exempt).Sum(r => timetable.SlotMinutes(r.Slot));
                    var scheduled = timetable.MinutesOf((ushort)slots) - exempt;
                    var perCategory = list.Where(r => r.Category is not (Category.Exempt or Category.Ignore))
                        .GroupBy(r => r.Category)
                        .Select(g => (Category: g.Key, Minutes: g.Sum(r => timetable.SlotMinutes(r.Slot))))
                        .ToList();
                    if (perCategory.Count == 0)
                    {
                        yield return Trailing(style, [Date(day), scheduled.ToString(CultureInfo.InvariantCulture), "0", ""]);
                        continue;
                    }
                    foreach (var (category, minutes) in perCategory)
                        yield return Trailing(style, [Date(day), scheduled.ToString(CultureInfo.InvariantCulture), minutes.ToString(CultureInfo.InvariantCulture), Code(category)]);
                }
                break;
        }
    }

    private static string[] Trailing(ExportStyle style, string[] fields) => style.TrailingEmptyColumns ? [.. fields, "", ""] : fields;

    /// <summary>A run of one category: consecutive slots of a day, continued over whole days that have only that category on every timetabled slot.</summary>
    public readonly record struct Run(int FirstDay, int FirstSlot, int LastDay, int LastSlot, Category Category);

    /// <summary>Groups slot registrations into notifications the way a school would report them.</summary>
    public static IEnumerable<Run> Runs(IReadOnlyList<SyntheticRegistration> registrations, SchoolCalendar calendar, Timetable timetable)
    {
        var byDay = registrations.GroupBy(r => r.Day).OrderBy(g => g.Key).ToList();
        Run? open = null;
        foreach (var day in byDay)
        {
            var timetabled = timetable.ScheduledSlots(0, calendar.Date(day.Key).DayOfWeek);
            var slots = day.OrderBy(r => r.Slot).ToList();
            var first = System.Numerics.BitOperations.TrailingZeroCount((uint)timetabled);
            var last = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)timetabled);
            var wholeDay = slots.Count == System.Numerics.BitOperations.PopCount((uint)timetabled)
                && slots.All(r => (timetabled & (1 << r.Slot)) != 0 && r.Category == slots[0].Category);
            if (open is { } run && wholeDay && run.Category == slots[0].Category && run.LastDay == day.Key - 1 && run.LastSlot == LastSlotOf(run.LastDay))
            {
                open = run with { LastDay = day.Key, LastSlot = last };
                continue;
            }
            if (open is { } finished)
                yield return finished;
            open = null;
            if (wholeDay)
            {
                open = new Run(day.Key, first, day.Key, last, slots[0].Category);
                continue;
            }
            // Consecutive slots of one category within the day.
            Run? part = null;
            foreach (var r in slots)
            {
                if (part is { } p && p.Category == r.Category && p.LastSlot == r.Slot - 1)
                {
                    part = p with { LastSlot = r.Slot };
                    continue;
                }
                if (part is { } done)
                    yield return done;
                part = new Run(day.Key, r.Slot, day.Key, r.Slot, r.Category);
            }
            if (part is { } tail)
                yield return tail;
        }
        if (open is { } end)
            yield return end;

        int LastSlotOf(int day) => 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)timetable.ScheduledSlots(0, calendar.Date(day).DayOfWeek));
    }

    private static void Record(CsvWriter csv, string[] fields)
    {
        foreach (var field in fields)
            csv.WriteField(field);
        csv.EndRecord();
    }
}
