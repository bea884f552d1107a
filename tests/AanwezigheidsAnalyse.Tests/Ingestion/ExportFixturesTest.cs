using System.Globalization;
using System.Text;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// Hand-written exports in the shape of each bundled profile, as a school would hand them over, each compared
/// with the same registrations written canonically. Region midden, 2025-2026; T = Friday 3 October 2025.
/// </summary>
public class ExportFixturesTest
{
    private static readonly NodaTime.LocalDate T = D("2025-10-03");

    // Pupil 4711 (2B): lessons 1-2 sick on Tuesday 30 Sep, sick all of Wednesday 1 Oct and Thursday 2 Oct, late for
    // lesson 1 on Friday 3 Oct, and skipped lesson 7 on Monday 29 Sep. Pupil 4712 (2B): medisch, lesson 3 on Monday.
    private const string Canonical = """
        pupil_id;group;date;slot;status
        4711;2B;2025-09-29;7;unauthorized
        4711;2B;2025-09-30;1;sick
        4711;2B;2025-09-30;2;sick
        4711;2B;2025-10-01;;sick
        4711;2B;2025-10-02;;sick
        4711;2B;2025-10-03;1;late
        4712;2B;2025-09-29;3;authorized_other
        """;

    private static Ingested Reference(string? timetable = null) => Ingest(Canonical, T, timetable: timetable);

    [Fact]
    public void LesuurNl_MagisterStyleWindows1252WithNamesAndFooter_EqualsCanonical()
    {
        // Excel's Dutch CSV: ';', dd-MM-yyyy, Windows-1252, a title line, names, mixed-case codes, a 'Geoorloofd'
        // column, an ignored code (HV), padding spaces, trailing empty columns and a totals footer.
        var text = """
            Absentieoverzicht klas 2B;;;;;;;;;
            Stamnr;Achternaam;Roepnaam;Klas;Datum;Lesuur;Code;Omschrijving;Geoorloofd;;
            4711;Ünal;Zoë;2B;29-09-2025;7;S;Gespijbeld;nee;;
            4711;Ünal;Zoë;2B;30-09-2025;1;z;Ziek;ja;;
            4711;Ünal;Zoë;2B;30-09-2025;2;Z;Ziek;ja;;
             4711 ;Ünal;Zoë;2B;01-10-2025;1; ZIEK ;;;;
            4711;Ünal;Zoë;2B;01-10-2025;2;Ziek;;;;
            4711;Ünal;Zoë;2B;01-10-2025;3;Ziek;;;;
            4711;Ünal;Zoë;2B;01-10-2025;4;Ziek;;;;
            4711;Ünal;Zoë;2B;01-10-2025;5;Ziek;;;;
            4711;Ünal;Zoë;2B;01-10-2025;6;Ziek;;;;
            4711;Ünal;Zoë;2B;01-10-2025;7;Ziek;;;;
            4711;Ünal;Zoë;2B;02-10-2025;1;Z;;;;
            4711;Ünal;Zoë;2B;02-10-2025;2;Z;;;;
            4711;Ünal;Zoë;2B;02-10-2025;3;Z;;;;
            4711;Ünal;Zoë;2B;02-10-2025;4;Z;;;;
            4711;Ünal;Zoë;2B;02-10-2025;5;Z;;;;
            4711;Ünal;Zoë;2B;02-10-2025;6;Z;;;;
            4711;Ünal;Zoë;2B;02-10-2025;7;Z;;;;
            4711;Ünal;Zoë;2B;03-10-2025;1;L;Te laat;nee;;
            4711;Ünal;Zoë;2B;03-10-2025;4;HV;Huiswerk vergeten;;;
            4712;de Vries;Anaïs;2B;29-09-2025;3;M;Tandarts;ja;;
            ;;;;;;;;;;
            Totaal;;;;;;;;;;21
            """.Replace("\n", "\r\n");
        var read = Ingest(text, T, encoding: Windows1252());
        var file = read.Ingest.Files[0];
        Assert.Equal("lesuur-nl", file.Profile);
        Assert.Equal("windows-1252", file.Encoding);
        Assert.Equal(";", file.Separator);
        Assert.Equal(0, file.Rejected);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.Preamble]);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.CodeIgnored]);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.EmptyRow]);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.Footer]);
        Assert.True(file.IsBalanced);
        ShapesPropertyTest.AssertSameLedger(Reference().Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void DagdeelPo_ParnasSysStyle_EqualsCanonicalOnThePoTimetable()
    {
        const string po = """
            pupil_id;group;date;slot;status
            4711;groep 5;2025-09-29;ochtend;unauthorized
            4711;groep 5;2025-10-01;;sick
            4711;groep 5;2025-10-02;middag;sick
            """;
        var text = """
            Leerlingnummer,Groep,Datum,Dagdeel,Reden,Geoorloofd
            4711,groep 5,29-9-2025,Ochtend,Ongeoorloofd,nee
            4711,groep 5,1-10-2025,ochtend,Ziek,ja
            4711,groep 5,2-10-2025,middag,ziek,ja
            """;
        var read = Ingest(text, T);
        Assert.Equal("dagdeel-po", read.Ingest.Files[0].Profile);
        Assert.Equal(0, read.Ingest.Rejected);
        // Wednesday has one dagdeel: the ochtend row is the whole day.
        ShapesPropertyTest.AssertSameLedger(Ingest(po, T, timetable: "po-standaard").Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void MeldingInterval_SomtodayStyleSpanningDays_EqualsCanonical()
    {
        // One notification from Tuesday 08:30 (lesson 1) to Thursday 15:10 (the end of lesson 7) is not what the
        // canonical rows say (Tuesday only lessons 1-2), so the export has three notifications, as a school's would.
        var text = """
            Leerlingnummer	Klas	Begindatum	Begintijd	Einddatum	Eindtijd	Beginlesuur	Eindlesuur	Absentiereden	Geoorloofd
            4711	2B	2025-09-29		2025-09-29		7	7	Spijbelen	Nee
            4711	2B	2025-09-30	08:30	2025-09-30	10:10			Ziek	Ja
            4711	2B	2025-10-01		2025-10-02				Ziek	Ja
            4711	2B	2025-10-03	08:30	2025-10-03	09:20			Te laat	Nee
            4712	2B	2025-09-29	10:10	2025-09-29	11:00			Medisch	Ja
            """;
        var read = Ingest(text, T);
        Assert.Equal("melding-interval", read.Ingest.Files[0].Profile);
        Assert.Equal("tab", read.Ingest.Files[0].Separator);
        Assert.Equal(0, read.Ingest.Rejected);
        ShapesPropertyTest.AssertSameLedger(Reference().Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void MeldingInterval_WithoutEnd_RunsUpToTheAsOfDate()
    {
        var read = Ingest("Leerlingnummer;Begindatum;Einddatum;Absentiereden\n4711;29-09-2025;;ziek\n", T);
        var pupil = Pupil(read.Ledger, "4711");
        var totals = read.Ledger.Totals(pupil, new(0, Midden2025.IndexOf(T)));
        Assert.Equal(5 * 350, totals.Minutes[Category.Sick.MinutesIndex()]);
    }

    [Theory]
    [InlineData(5, true)]  // every pupil has present rows: a full register
    [InlineData(1, false)] // one pupil's present rows, the majority of all rows: not a full register for the other four
    [InlineData(-1, true)] // every pupil attends, four of them only late or off-site so far: still a full register
    public void PresentRows_MakeAFullRegister_OnlyWhenNearlyEveryPupilHasThem(int pupilsWithPresentRows, bool full)
    {
        var lateOnly = pupilsWithPresentRows < 0;
        pupilsWithPresentRows = lateOnly ? 5 : pupilsWithPresentRows;
        var rows = new StringBuilder("pupil_id,date,slot,status\n");
        for (var pupil = 1; pupil <= 5; pupil++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"{pupil},2025-09-29,1,sick\n");
            for (var slot = 2; slot <= (pupil <= pupilsWithPresentRows ? 7 : 1); slot++)
                rows.Append(CultureInfo.InvariantCulture, $"{pupil},2025-09-29,{slot},{(lateOnly && pupil > 1 ? (slot % 2 == 0 ? "late" : "off_site_education") : "present")}\n");
            if (pupil == 1)
            {
                foreach (var date in new[] { "2025-09-30", "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07" })
                {
                    for (var slot = 1; slot <= 7; slot++)
                        rows.Append(CultureInfo.InvariantCulture, $"1,{date},{slot},present\n");
                }
            }
        }

        var read = Ingest(rows.ToString(), T);

        Assert.True(read.Ingest.Files[0].Accepted < 2 * (read.Ingest.Files[0].Accepted - 5), "present rows are the majority in both cases");
        Assert.Equal(full, read.Ledger.FullRegister);
        Assert.Equal(!full, read.Ingest.Warnings.Any(w => w.Contains("1 of the 5 pupils", StringComparison.Ordinal)));
        // Pupil 3 was absent one lesson hour of a 350-minute day either way, not 100 % of one registered slot.
        var day = Midden2025.IndexOf(D("2025-09-29"));
        Assert.Equal(350, read.Ledger.Totals(Pupil(read.Ledger, "3"), new(day, day)).Scheduled);
    }

    [Fact]
    public void DagMinuten_DayRows_EqualCanonicalAsAFullRegister()
    {
        var rows = new StringBuilder("Leerlingnummer;Klas;Datum;Geroosterde minuten;Afwezige minuten;Reden\n");
        for (var day = 0; day <= Midden2025.IndexOf(T); day++)
        {
            var date = Midden2025.Date(day).ToString("dd-MM-yyyy", null);
            rows.Append(date switch
            {
                "29-09-2025" => $"4711;2B;{date};350;50;ongeoorloofd\n",
                "30-09-2025" => $"4711;2B;{date};350;100;ziek\n",
                "01-10-2025" or "02-10-2025" => $"4711;2B;{date};350;350;ziek\n",
                "03-10-2025" => $"4711;2B;{date};350;50;te laat\n",
                _ => $"4711;2B;{date};350;0;\n",
            });
            rows.Append(date == "29-09-2025" ? $"4712;2B;{date};350;50;medisch\n" : $"4712;2B;{date};350;0;\n");
        }
        var read = Ingest(rows.ToString(), T);
        Assert.Equal("dag-minuten", read.Ingest.Files[0].Profile);
        Assert.True(read.Ledger.FullRegister);
        ShapesPropertyTest.AssertSameLedger(Reference().Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void SeveralFiles_OverlappingAndDuplicated_CountEachSlotOnce()
    {
        var lines = Canonical.Split('\n');
        var first = string.Join('\n', lines[..5]) + "\n";                 // header + 4 rows
        var second = lines[0] + "\n" + string.Join('\n', lines[3..]) + "\n"; // header + rows 3.. (two overlap)
        var read = IngestFiles([first, second], T);
        Assert.Equal(2, read.Ingest.Files.Count);
        Assert.Equal(2, read.Ingest.Files[1].Duplicates);
        ShapesPropertyTest.AssertSameLedger(Reference().Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void Canonical_QuotedFieldsCrlfBomAndDateFormats_EqualCanonical()
    {
        var text = "\"pupil_id\",\"group\",\"date\",\"slot\",\"status\"\r\n" + string.Join("\r\n", Canonical.Split('\n').Skip(1).Select(line =>
        {
            var f = line.Split(';');
            var date = NodaTime.Text.LocalDatePattern.Iso.Parse(f[2]).Value;
            return $"\"{f[0]}\",\"{f[1]}\",\"{date:d-M-yyyy}\",\"{f[3]}\",\"{f[4].ToUpperInvariant()}\"";
        })) + "\r\n\r\n";
        var read = Ingest(text, T, encoding: new UTF8Encoding(true));
        Assert.Equal("utf-8-bom", read.Ingest.Files[0].Encoding);
        Assert.Equal(",", read.Ingest.Files[0].Separator);
        ShapesPropertyTest.AssertSameLedger(Reference().Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void Rejects_NameFileLineColumnAndValue_AndALineBreakInQuotesEndsTheRow()
    {
        // Exports are line-oriented: a quote still open at the end of a line ends with it, so it costs that row
        // (and the broken-off rest on the next line), never the rows after it.
        var text = "pupil_id;group;date;slot;status\n"
            + "4711;\"2B\nmentor X\";2025-09-29;7;unauthorized\n"   // a quote left open on line 2: lines 2 and 3 are rows of their own
            + "\n"                                                   // line 4 is blank
            + "4711;2B;2025-09-31;1;sick\n"                          // line 5: no such date
            + "4711;2B;2025-09-30;1;ziekte\n"                        // line 6: not a canonical code
            + "4711;2B;2025-09-30;2;sick\n";                         // line 7: fine
        var read = Ingest(text, T);
        var rejects = read.Rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rejects.Length);
        Assert.StartsWith("export0.csv;2;date;;date_missing;", rejects[1]);
        Assert.StartsWith("export0.csv;3;pupil_id;;pupil_not_a_number;", rejects[2]);
        Assert.StartsWith("export0.csv;5;date;2025-09-31;date_invalid;", rejects[3]);
        Assert.StartsWith("export0.csv;6;status;;code_unknown;", rejects[4]); // a code column may hold a typed name: not shown
        var file = read.Ingest.Files[0];
        Assert.Equal(1, file.Accepted);
        Assert.Equal(file.RowsRead, file.Accepted + file.Ignored + file.Rejected);
    }

    [Fact]
    public void PaddedBlankRowAndFooter_InUtf8_AreIgnoredNotRejected()
    {
        // Blanks are empty: a row of padded empty cells is an empty row and a padded totals line a footer,
        // in UTF-8 (fields trimmed where they are read) as in Windows-1252.
        var text = Canonical.Replace("\n", ";\n") + ";\n   ;  ;  ;  ;  ;  \nTotaal;  ;  ;  ;  ;10\n";
        var read = Ingest(text, T);
        var file = read.Ingest.Files[0];
        Assert.Equal(0, file.Rejected);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.EmptyRow]);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.Footer]);
        ShapesPropertyTest.AssertSameLedger(Reference().Ledger, read.Ledger, lateArrivals: true, T);
    }

    [Fact]
    public void UnclosedQuote_CostsItsOwnLineOnly()
    {
        // Line 4 opens a quote that never closes: it used to swallow the 60 000 rows below it.
        var text = "pupil_id;group;date;slot;status\n4711;2B;2025-09-29;7;unauthorized\n4711;2B;2025-09-30;1;sick\n"
            + "4711;\"2B;2025-09-30;2;sick\n" + string.Concat(Enumerable.Repeat("4711;2B;2025-09-30;2;sick\n", 60_000));
        var file = Ingest(text, T).Ingest.Files[0];
        Assert.Equal(60_003, file.RowsRead);
        Assert.Equal(1, file.Rejected);
        Assert.Equal(60_002, file.Accepted);
    }

    [Fact]
    public void LineOverTheLimit_InUtf8_IsAnErrorNamingItsLine()
    {
        // A line of 2 MB without a line end (a damaged file) stops the read with the line it starts on.
        var text = "pupil_id;group;date;slot;status\n4711;2B;2025-09-29;7;unauthorized\n4711;2B;2025-09-30;1;sick\n"
            + "4711;2B;" + new string('x', 2 << 20) + "\n4711;2B;2025-09-30;2;sick\n";
        var error = Assert.Throws<UserError>(() => Ingest(text, T));
        Assert.Contains("line 4:", error.English);
        Assert.Contains("regel 4:", error.Dutch);
        Assert.DoesNotContain("xxxx", error.English);
    }

    [Fact]
    public void Detection_UnknownHeaders_ListsTheHeadersAndTheProfilesTried()
    {
        var error = Assert.Throws<UserError>(() => Ingest("Naam;Wanneer;Wat\nZoë;1-10-2025;ziek\n", T));
        Assert.Contains("'Wanneer'", error.English);
        Assert.Contains("lesuur-nl", error.English);
        Assert.Contains("--profile", AanwezigheidsAnalyse.Cli.Messages.Of(error, Language.Dutch));
        Assert.DoesNotContain("Zoë", error.English); // header names only, never values
    }

    [Fact]
    public void Detection_ExportWithoutHeaderRow_SaysSoAndQuotesNoData()
    {
        // The first line is a pupil's row: name and pupil number must not reach the message.
        var error = Assert.Throws<UserError>(() => Ingest("4711;Ünal;Zoë;2B;01-10-2025;3;Z\n4712;de Vries;Anaïs;2B;01-10-2025;3;Z\n", T));
        foreach (var value in new[] { "4711", "Ünal", "Zoë", "01-10-2025" })
        {
            Assert.DoesNotContain(value, error.English);
            Assert.DoesNotContain(value, error.Dutch);
        }
        Assert.Contains("header row", error.English);
        Assert.Contains("kopregel", error.Dutch);
    }

    [Fact]
    public void Detection_AHeaderCarryingABsn_IsNotQuoted()
    {
        // A header typed by hand, with the pupil's BSN in it: a column name never has five digits.
        var error = Assert.Throws<UserError>(() => Ingest("Leerling 111222333;Datum;Code\n4711;01-10-2025;Z\n", T));
        Assert.DoesNotContain("111222333", error.English);
        Assert.DoesNotContain("111222333", error.Dutch);
    }

    [Fact]
    public void GivenProfile_MissingRequiredColumn_SaysWhichAndWhatWasFound()
    {
        var error = Assert.Throws<UserError>(() => Ingest("Stamnr;Datum;Code\n4711;01-10-2025;Z\n", T, profile: "lesuur-nl"));
        Assert.Contains("lacks required columns: slot (", error.English); // the role as a profile file writes it
        Assert.Contains("'Datum'", error.English);
    }

    [Fact]
    public void Validate_UnknownCodes_ListsThemWithCountsAndExitsNonZero()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(dir.FullName, "export.csv");
            // XX is used for three pupils: a code. QQ for one pupil only: it may be a name typed into the column,
            // so it is counted but not shown.
            File.WriteAllText(path, "Stamnr;Klas;Datum;Lesuur;Code\n4711;2B;29-09-2025;1;Z\n4711;2B;29-09-2025;2;XX\n4712;2B;30-09-2025;2;XX\n4713;2B;30-09-2025;2;XX\n4711;2B;30-09-2025;3;QQ\n");
            var report = Validation.Run(new ValidateOptions { Inputs = [path], AsOf = T, RejectsFile = Path.Combine(dir.FullName, "rejects.csv"), Language = Language.English });
            Assert.Equal(1, report.ExitCode);
            var unknown = Assert.Single(report.Lines, l => l.Contains("UNKNOWN CODES"));
            Assert.Contains("'xx' (3×)", unknown);
            Assert.Contains("'(hidden: < 3 pupils)' (1×)", unknown);
            Assert.DoesNotContain("qq", string.Join("\n", report.Lines), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(4, File.ReadAllLines(Path.Combine(dir.FullName, "rejects.csv")).Length - 1);
            // In Dutch, in Dutch (an adversarial pass: the English words stood in a Dutch run).
            var dutch = Validation.Run(new ValidateOptions { Inputs = [path], AsOf = T, RejectsFile = Path.Combine(dir.FullName, "rejects.csv") });
            Assert.Contains(dutch.Lines, l => l.Contains("'(verborgen: < 3 leerlingen)' (1×)", StringComparison.Ordinal));
            Assert.DoesNotContain(dutch.Lines, l => l.Contains("hidden", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void CodeTable_CountsPerCodeAndCategory_AsTheGeoorloofdColumnSentTheRows()
    {
        // "A" with Geoorloofd = ja is authorised; with nee it is not: two lines in run.json, not one.
        var text = "Stamnr;Klas;Datum;Lesuur;Code;Geoorloofd\n4711;2B;29-09-2025;1;A;ja\n4711;2B;29-09-2025;2;A;nee\n4711;2B;29-09-2025;3;A;nee\n";
        var codes = Ingest(text, T).Ingest.Files[0].Codes;
        Assert.Contains(codes, c => c is { Code: "a", Category: "authorized_other", Rows: 1 });
        Assert.Contains(codes, c => c is { Code: "a", Category: "unauthorized", Rows: 2 });
    }

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
