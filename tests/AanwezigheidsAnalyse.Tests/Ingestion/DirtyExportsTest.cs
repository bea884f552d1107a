using AanwezigheidsAnalyse.Ingestion;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// Exports as an adversarial pass made them (2026-12-05): each used to be read without a word, and each gave a pupil a
/// lower tier. Now the row is rejected with the reason, or read as what it means.
/// </summary>
public sealed class DirtyExportsTest
{
    private static readonly NodaTime.LocalDate T = D("2025-12-19");

    /// <summary>A date followed by anything but a time was read as its first day: ten days of truancy counted as one.</summary>
    [Theory]
    [InlineData("2025-11-24 t/m 2025-12-05", false)]
    [InlineData("2025-12-04 Fenna", false)]
    [InlineData("2025-12-04 25:99", false)]
    [InlineData("2025-12-04 8:30", true)]
    [InlineData("2025-12-04 08:30:00", true)]
    [InlineData("2025-12-04T08:30:00Z", true)]
    [InlineData("2025-12-04T08:30:00.000+01:00", true)]
    [InlineData("2025-12-04 0:00:00", true)]
    [InlineData("2025-12-04 12:00 PM", true)]
    [InlineData("2025-12-04 08:30:00+01", true)]            // PostgreSQL's timestamptz
    [InlineData("2025-12-04 08:30:00 +01:00", true)]        // .NET's DateTimeOffset in nl-NL
    [InlineData("2025-12-04 08.30", true)]                  // the Dutch way
    [InlineData("2025-12-04 00:00:00.000000000", true)]
    [InlineData("2025-12-04 8:30 uur", true)]
    [InlineData("2025-12-04 8:30:00 a.m.", true)]
    [InlineData("2025-12-04 24:00", true)]
    [InlineData("2025-12-04 24:30", false)]
    [InlineData("2025-12-04 12:60", false)]
    public void ADateWithMoreAfterIt_IsADateOnlyWhenTheRestIsATime(string date, bool accepted)
    {
        var read = Ingest($"pupil_id,date,slot,status\n100003,{date},1,unauthorized\n", T);

        Assert.Equal(accepted ? 1 : 0, read.Ingest.Accepted);
        Assert.Equal(accepted ? 0 : 1, read.Ingest.Rejected);
        if (!accepted)
            Assert.Contains("date_invalid", read.Rejects, StringComparison.Ordinal);
    }

    private const string DayHeader = "Leerlingnummer;Datum;Geroosterde minuten;Afwezige minuten;Reden\n";

    /// <summary>Absent minutes without a reason were counted as attended minutes: a pupil away for two weeks was in tier 1.</summary>
    [Theory]
    [InlineData("350;350;", "code_missing")]
    [InlineData("350;20;", "code_missing")]
    [InlineData("350;700;A", "minutes_over_scheduled")] // more absent minutes than the day has counted twice
    [InlineData(";700;A", "minutes_over_scheduled")]    // an empty scheduled column is the timetable's day
    public void ADayRowThatCannotBeRight_IsRejected(string minutes, string reason)
    {
        var read = Ingest(DayHeader + $"100003;04-12-2025;{minutes}\n", T, profile: "dag-minuten");

        Assert.Equal(0, read.Ingest.Accepted);
        Assert.Equal(1, read.Ingest.Rejected);
        Assert.Contains(reason, read.Rejects, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayRowWithoutAbsence_IsAPresentDay_AndOneWithACodeIsAbsence()
    {
        // A zero or a blank absent cell without a code is a present day; 350 minutes with code A are absence.
        var read = Ingest(DayHeader + "100003;02-12-2025;350;;\n100003;03-12-2025;350;0;\n100003;04-12-2025;350;350;A\n", T, profile: "dag-minuten");

        Assert.Equal(3, read.Ingest.Accepted);
        var ledger = read.Ledger;
        var day = ledger.Calendar.IndexOf(D("2025-12-04"));
        var totals = ledger.Totals(0, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(day - 1, day));
        Assert.Equal(700, totals.Scheduled);
        Assert.Equal(350, totals.Absent);
    }

    /// <summary>100.003 is 100003 as Dutch Excel shows it: two pupils, each with half of the absence, were one.</summary>
    [Fact]
    public void APupilNumberWithThousandsSeparators_IsTheSamePupil()
    {
        var read = IngestFiles(
            ["pupil_id,date,slot,status\n100003,2025-12-01,1,unauthorized\n", "pupil_id;date;slot;status\n100.003;2025-12-02;1;unauthorized\n"], T);

        Assert.Equal(1, read.Ledger.PupilCount);
        Assert.Equal(2, read.Ingest.Accepted);
    }

    /// <summary>An e-mail address, a user name or a phone number in the pupil column became a pupil key in every output.</summary>
    [Theory]
    [InlineData("k.bakker7@leerling.nl")]
    [InlineData("dewitlotte2011")]
    [InlineData("0612345678")]
    public void APupilColumnHoldingContactDetails_IsRejected_WithoutTheValue(string id)
    {
        var read = Ingest($"pupil_id,date,slot,status\n{id},2025-12-01,1,unauthorized\n", T);

        Assert.Equal(1, read.Ingest.Rejected);
        Assert.Contains("pupil_not_a_number", read.Rejects, StringComparison.Ordinal);
        Assert.Equal(0, read.Ledger.PupilCount);
    }

    /// <summary>Two exports put one after the other: the second header was rejected as a pupil number, and alone could cross the reject limit.</summary>
    [Theory]
    [InlineData("pupil_id,date,slot,status", "pupil_id,date,slot,status")]
    [InlineData("Stamnr;Datum;Lesuur;Code", "STAMNR;datum;Lesuur;Code")]
    public void TheHeaderAgain_IsIgnored_NotRejected(string header, string again)
    {
        var separator = header.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        string Row(string pupil, string date, string code) => string.Join(separator, pupil, date, "1", code);
        var dutch = separator == ';';
        var text = string.Join("\n", header, Row("100003", dutch ? "01-12-2025" : "2025-12-01", dutch ? "A" : "unauthorized"), again,
            Row("100004", dutch ? "02-12-2025" : "2025-12-02", dutch ? "A" : "unauthorized")) + "\n";

        var read = Ingest(text, T);

        Assert.Equal(2, read.Ingest.Accepted);
        Assert.Equal(0, read.Ingest.Rejected);
        Assert.Equal(1, read.Ingest.Files[0].IgnoredBy[IgnoreReason.HeaderAgain]);
    }

    /// <summary>
    /// Two exports put together whose second header has other columns, or the same in another order: every row below it
    /// would be read in the first header's columns (a pupil "3A" made of a class, names in the class column). Refused
    /// with the line and both headers (an adversarial pass); Excel's "sep=;" line of the second export is ignored.
    /// </summary>
    [Theory]
    [InlineData("Stamnr;Klas;Datum;Lesuur;Code", "Klas;Stamnr;Datum;Lesuur;Code", "Klas;Stamnr;Datum;Lesuur;Code")]
    [InlineData("Stamnr;Datum;Lesuur;Code;Klas", "Stamnr;Datum;Lesuur;Code;Naam;Klas", "Stamnr;Datum;Lesuur;Code;Naam;Klas")]
    [InlineData("Stamnr;Datum;Lesuur;Code", "Stamnr;Datum;Code;Lesuur", "Stamnr;Datum;Code;Lesuur")]
    public void ASecondHeaderWithOtherColumns_IsRefused_WithItsLine(string header, string other, string shown)
    {
        var first = header.Split(';');
        string Row(string[] columns, string pupil) => string.Join(";", columns.Select(c => c switch { "Stamnr" => pupil, "Klas" => "3A", "Datum" => "01-12-2025", "Lesuur" => "1", "Code" => "A", _ => "Daan Visser" }));
        var text = string.Join("\n", header, Row(first, "100003"), Row(first, "100004"), other, Row(other.Split(';'), "100005")) + "\n";

        var error = Assert.Throws<UserError>(() => Ingest(text, T));

        Assert.Contains($"has a second header row at line 4 with other columns ({shown}) than the first ({header})", error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("Daan", error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("Daan", error.Dutch, StringComparison.Ordinal);
    }

    /// <summary>
    /// Leave the export itself calls not authorized ("Geoorloofd: Nee": verlof refused, luxe verzuim) is unauthorized
    /// absence, as DUO counts it; it was read as the code's authorized_other, and 17 hours gave no melding (an
    /// adversarial pass). The same code authorized stays authorized_other; sickness stays sickness.
    /// </summary>
    [Fact]
    public void LeaveTheExportCallsNotAuthorized_IsUnauthorized()
    {
        var text = "Stamnr;Klas;Datum;Lesuur;Code;Omschrijving;Geoorloofd\n"
            + "200100;3A;01-12-2025;1;verlof;Verlof;Nee\n200100;3A;01-12-2025;2;verlof;Verlof;Ja\n200100;3A;01-12-2025;3;Z;Ziek;Nee\n";

        var read = Ingest(text, T);

        Assert.Equal(3, read.Ingest.Accepted);
        var day = read.Ledger.Calendar.IndexOf(D("2025-12-01"));
        var totals = read.Ledger.Totals(0, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(day, day));
        Assert.Equal(50.0 / 350, totals.Rate(AanwezigheidsAnalyse.Ledger.Category.Unauthorized), 9);
        Assert.Equal(50.0 / 350, totals.Rate(AanwezigheidsAnalyse.Ledger.Category.AuthorizedOther), 9);
        Assert.Equal(50.0 / 350, totals.Rate(AanwezigheidsAnalyse.Ledger.Category.Sick), 9);
    }

    /// <summary>
    /// A lesson-hour export whose date carries a clock time and whose lesson is empty: the whole day, as the row says
    /// (the time may be when it was registered: mapped to a lesson, time-stamped whole days shrank to one, a review),
    /// and said from 5 such rows, since if the time is the lesson's one lesson counts as seven (an adversarial pass).
    /// Midnight, also in UTC, is a date and not said.
    /// </summary>
    [Theory]
    [InlineData("10:10", true)]
    [InlineData("14:32", true)]
    [InlineData("0:00:00", false)]
    [InlineData("00:00:00.000Z", false)]
    public void ADatesClockTime_WithoutALesson_IsTheWholeDay_AndSaid(string time, bool said)
    {
        var days = new[] { "10", "11", "12", "13", "14" };
        var text = "Stamnr;Klas;Datum;Lesuur;Code\n" + string.Concat(days.Select(d => $"200100;3A;{d}-11-2025 {time};;Ziek\n"));

        var read = Ingest(text, T);

        Assert.Equal(5, read.Ingest.Accepted);
        var first = read.Ledger.Calendar.IndexOf(D("2025-11-10"));
        Assert.Equal(5 * 350, read.Ledger.Totals(0, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(first, first + 4)).Absent);
        Assert.Equal(said, read.Ingest.Warnings.Any(w => w.Contains("5 regels zonder lesuur hebben een tijd bij de datum", StringComparison.Ordinal) || w.Contains("5 rows without a lesson have a time with their date", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Rows of data with a word or two that are also column names are no second header: a pupil not yet numbered with
    /// "van" as tussenvoegsel and "Ouder" as who reported it, a legend of codes below the data (a review found them
    /// refusing the whole export). They are rejected rows, as before.
    /// </summary>
    [Theory]
    [InlineData("nieuw;Sam;van;Dijk;1A;18-11-2025;2;Z;;;Ouder", 1)]
    [InlineData("Code;Omschrijving;Geoorloofd\nZ;Ziek;Ja\nverlof;Verlof;Ja", 3)]
    [InlineData("Legenda;;;;Code;Omschrijving;", 1)]
    public void ARowWithAFewColumnNames_IsNoSecondHeader(string rows, int rejected)
    {
        var text = "Stamnr;Roepnaam;Tussenvoegsel;Achternaam;Klas;Datum;Lesuur;Code;Omschrijving;Geoorloofd;Gemeld door\n"
            + string.Concat(Enumerable.Range(0, 20).Select(i => $"{100100 + i};Sam;;Jansen;1A;18-11-2025;2;Z;Ziek;Ja;Ouder\n")) + rows + "\n"
            + "100200;Sam;;Jansen;1A;19-11-2025;2;Z;Ziek;Ja;Ouder\n";

        var read = Ingest(text, T);

        Assert.Equal(21, read.Ingest.Accepted);
        Assert.Equal(rejected, read.Ingest.Rejected + read.Ingest.Files[0].IgnoredBy.Values.Sum() - read.Ingest.Files[0].IgnoredBy.GetValueOrDefault(IgnoreReason.EmptyRow));
    }

    /// <summary>Lessons as schools spell them are the lesson of their number: "u3", "4de uur" and "4e lesuur" were rejected as no lesson (an adversarial pass).</summary>
    [Theory]
    [InlineData("u3", 3)]
    [InlineData("U 3", 3)]
    [InlineData("3de uur", 3)]
    [InlineData("3e lesuur", 3)]
    [InlineData("1ste uur", 1)]
    [InlineData("les 5", 5)]
    [InlineData("Lesuur 3", 3)]
    [InlineData("3e", 3)]
    public void ALessonAsSchoolsSpellIt_IsTheLessonOfItsNumber(string spelled, int lesson)
    {
        var read = Ingest($"Stamnr;Klas;Datum;Lesuur;Code\n200100;3A;12-11-2025;{lesson};Ziek\n200100;3A;12-11-2025;{spelled};Ziek\n", T);

        Assert.Equal(2, read.Ingest.Accepted);
        Assert.Equal(1, read.Ingest.Files[0].Duplicates); // the same lesson twice
    }

    [Fact]
    public void TheSeparatorLineOfASecondExcelExport_IsIgnored()
    {
        var read = Ingest("sep=;\nStamnr;Datum;Lesuur;Code\n100003;01-12-2025;1;A\nsep=;\nStamnr;Datum;Lesuur;Code\n100004;02-12-2025;1;A\n", T);

        Assert.Equal(2, read.Ingest.Accepted);
        Assert.Equal(0, read.Ingest.Rejected);
        Assert.Equal(2, read.Ingest.Files[0].IgnoredBy[IgnoreReason.HeaderAgain]);
    }

    /// <summary>
    /// A notification with its times in the date columns, and no time columns: the times were dropped, and a lesson's
    /// notification counted as the whole day (100 % absence, tier 3).
    /// </summary>
    [Theory]
    [InlineData("27-10-2025 08:30", "27-10-2025 09:20", 50)]
    [InlineData("2025-10-27T08:30:00", "2025-10-27T09:20:00", 50)]
    [InlineData("2025-10-27T07:30:00Z", "2025-10-27T08:20:00Z", 50)] // UTC: 08:30 in the Netherlands in October (CET)
    [InlineData("27-10-2025 08:30:00 +01:00", "27-10-2025 09:20:00 +01:00", 50)]
    [InlineData("2025-10-27T08:30:00+01", "2025-10-27T09:20:00+01", 50)]
    [InlineData("27-10-2025 08:30 uur", "27-10-2025 09:20 uur", 50)]
    [InlineData("27-10-2025 8:30 AM", "27-10-2025 9:20 AM", 50)]
    [InlineData("2025-10-27 08:30:00.000000000", "2025-10-27 09:20:00.000", 50)]
    [InlineData("27-10-2025 08:30", "27-10-2025 08:45", 50)]    // late, shorter than half a lesson: the lesson it overlaps
    [InlineData("27-10-2025 13:30", "28-10-2025 00:00", 100)]   // to midnight: that evening, not the next day
    [InlineData("27-10-2025 0:00:00", "27-10-2025 0:00:00", 350)] // Excel's midnight: a date, the whole day
    [InlineData("27-10-2025", "27-10-2025", 350)]
    [InlineData("27-10-2025 15:10", "27-10-2025 16:00", 50)]    // an 8th hour by its times, as "lesuur 8" counts (an adversarial pass: ignored)
    [InlineData("27-10-2025 08:00", "27-10-2025 17:00", 350)]   // a whole day by its times is the day's lessons, not lesuur 0, 8 and 9 too
    [InlineData("27-10-2025 15:30", "28-10-2025 09:20", 50)]    // from 15:30 on is the rest of that day, not lesuur 8 and 9 (a review)
    [InlineData("27-10-2025 14:20", "27-10-2025 16:00", 100)]   // ends with lesuur 8: lesuur 7 and 8, as "7 t/m 8" (an adversarial pass)
    [InlineData("27-10-2025 07:40", "27-10-2025 09:20", 100)]   // starts with lesuur 0: lesuur 0 and 1
    public void ANotificationsTimesInItsDateColumns_AreItsTimes(string start, string end, int absent)
    {
        var read = Ingest($"Leerlingnummer;Klas;Begindatum;Einddatum;Absentiereden\n300001;2B;{start};{end};ongeoorloofd\n", T, profile: "melding-interval");

        Assert.Equal(1, read.Ingest.Accepted);
        var day = read.Ledger.Calendar.IndexOf(D("2025-10-27"));
        Assert.Equal(absent, read.Ledger.Totals(0, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(day, day + 1)).Absent);
    }

    /// <summary>From a lesson to the end of that day, without an end lesson: its lessons, not "the end before the start" (an adversarial pass).</summary>
    [Fact]
    public void ANotificationFromALessonToTheEndOfTheDay_IsThoseLessons()
    {
        var read = Ingest("Leerlingnummer;Klas;Begindatum;Beginlesuur;Einddatum;Eindlesuur;Absentiereden\n300001;2B;27-10-2025;3;27-10-2025;;ongeoorloofd\n", T, profile: "melding-interval");

        Assert.Equal(1, read.Ingest.Accepted);
        var day = read.Ledger.Calendar.IndexOf(D("2025-10-27"));
        Assert.Equal(5 * 50, read.Ledger.Totals(0, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(day, day)).Absent);
    }

    /// <summary>An empty scheduled column is the timetable's day: registered as 0, 30 absent minutes a day made a pupil 100 % absent and a thuiszitter.</summary>
    [Fact]
    public void ADayRowWithoutScheduledMinutes_IsTheTimetablesDay()
    {
        var read = Ingest(DayHeader + "4001;03-12-2025;;30;M\n", T, profile: "dag-minuten");

        var day = read.Ledger.Calendar.IndexOf(D("2025-12-03"));
        var totals = read.Ledger.Totals(0, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(day, day));
        Assert.Equal(350, totals.Scheduled);
        Assert.Equal(30, totals.Absent);
    }

    /// <summary>Two Excel "CSV UTF-8" exports put one after the other: the second header carries its BOM.</summary>
    [Fact]
    public void TheHeaderAgain_WithItsByteOrderMark_IsIgnored()
    {
        var read = Ingest("pupil_id,date,slot,status\n100003,2025-12-01,1,unauthorized\n\uFEFFpupil_id,date,slot,status\n100004,2025-12-02,1,unauthorized\n", T);

        Assert.Equal(2, read.Ingest.Accepted);
        Assert.Equal(0, read.Ingest.Rejected);
    }

    /// <summary>A notification in the evening covers no lesson: ignored as such, not counted as an accepted duplicate.</summary>
    [Fact]
    public void ANotificationOutsideEveryLesson_IsIgnored()
    {
        var read = Ingest("Leerlingnummer;Klas;Begindatum;Einddatum;Absentiereden\n300001;2B;27-10-2025 18:00;27-10-2025 20:00;ongeoorloofd\n300001;2B;28-10-2025 08:30;28-10-2025 09:20;ongeoorloofd\n", T, profile: "melding-interval");

        Assert.Equal(1, read.Ingest.Accepted);
        Assert.Equal(1, read.Ingest.Files[0].IgnoredBy[IgnoreReason.NoLesson]);
        Assert.Equal(0, read.Ingest.Files[0].Duplicates);
        Assert.Empty(read.Ingest.Warnings); // one evening is no doubt about the timetable
    }

    /// <summary>
    /// A primary school with lessons on Wednesday afternoon, under po-standaard (free then): every notification of that
    /// afternoon is outside the timetable. They are ignored as no lesson (a Saturday's as no school day), and when there
    /// are enough of them the run says the timetable may not be the school's; one fewer, it does not.
    /// </summary>
    [Theory]
    [InlineData(global::AanwezigheidsAnalyse.Ingestion.Ingest.OutsideLessonsToWarn, true)]
    [InlineData(global::AanwezigheidsAnalyse.Ingestion.Ingest.OutsideLessonsToWarn - 1, false)]
    public void WednesdayAfternoonsUnderATimetableWithoutThem_AreIgnoredAndSaid(int wednesdays, bool warned)
    {
        var rows = new System.Text.StringBuilder("Leerlingnummer;Klas;Begindatum;Begintijd;Einddatum;Eindtijd;Absentiereden\n");
        // Wednesday 2025-09-03 onwards, one pupil a week (autumn holiday weeks fall out as no school day).
        var (date, outside, free) = (D("2025-09-03"), 0, 0);
        for (var i = 0; outside < wednesdays; i++, date = date.PlusWeeks(1))
        {
            var pupil = 400000 + i;
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{pupil};groep 5;{date:dd-MM-yyyy};13:00;{date:dd-MM-yyyy};15:00;ongeoorloofd\n");
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{pupil};groep 5;{date.PlusDays(1):dd-MM-yyyy};13:00;{date.PlusDays(1):dd-MM-yyyy};15:00;ongeoorloofd\n");
            if (Support.TestPipeline.Midden2025.IndexOf(date) >= 0)
                outside++;
            else
                free++;
        }
        rows.Append("400000;groep 5;06-09-2025;13:00;06-09-2025;15:00;ongeoorloofd\n"); // a Saturday

        var read = Ingest(rows.ToString(), D("2026-03-27"), profile: "melding-interval", timetable: "po-standaard");

        var file = read.Ingest.Files[0];
        Assert.Equal(wednesdays, file.IgnoredBy[IgnoreReason.NoLesson]);
        Assert.Equal(free * 2 + 1, file.IgnoredBy[IgnoreReason.NoSchoolDay]);
        Assert.Equal(wednesdays, file.Accepted); // the Thursday afternoons
        Assert.Equal(warned, read.Ingest.Warnings.Any(w => w.Contains($"{wednesdays} notifications fall on a school day, but on no lesson of timetable po-standaard ({wednesdays} on a Wednesday;", StringComparison.Ordinal)));
    }

    /// <summary>A lesson hour Excel made decimal ("3.0") is lesson 3, as "100346.0" is pupil 100346; "3.5" is no lesson.</summary>
    [Theory]
    [InlineData("3.0", 1, 0)]
    [InlineData("3,00", 1, 0)]
    [InlineData("3.5", 0, 1)]
    public void ALessonHourWithDecimalZeros_IsTheLesson(string slot, int accepted, int rejected)
    {
        var read = Ingest($"pupil_id;date;slot;status\n100003;2025-12-01;{slot};unauthorized\n", T);

        Assert.Equal(accepted, read.Ingest.Accepted);
        Assert.Equal(rejected, read.Ingest.Rejected);
    }
}
