using System.Text;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// A file read in parts on several cores (<see cref="CsvParts"/>) gives what one reader gives, wherever the cuts
/// fall: the same ledger (pupils in the same order, every day record), the same accounting of every row
/// (duplicates and conflicts included) and the same rejects.csv, line numbers included. The files are messy on
/// purpose: duplicates and conflicting codes across cuts, footers and empty lines, faults next to a cut.
/// </summary>
public class CsvPartsPropertyTest
{
    private static readonly LocalDate AsOf = D("2025-10-10");

    private static readonly string[] Statuses = ["sick", "sick", "unauthorized", "late", "present", "authorized_other", "exempt", "ignore", "ziek?"];

    /// <summary>One line of an export in the canonical profile (school_id,pupil_id,group,date,slot,status[,minutes]).</summary>
    private static Gen<string> LineGen(bool minutes) => Gen.Frequency(
        (20, from school in Gen.Elements("", "00AA", "00AB")
             from pupil in Gen.Elements("101", "102", "103", "104", "105", "0106")
             from klas in Gen.Elements("", "1A", "2B", "3Hé")
             from day in Gen.Choose(0, 45)
             from slot in Gen.Frequency((6, Gen.Choose(1, 8).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, Gen.Constant("")), (1, Gen.Constant("x")))
             from status in Gen.Elements(Statuses)
             from length in Gen.Frequency((4, Gen.Constant("")), (1, Gen.Elements("50", "350", "0", "?")))
             select string.Join(',', school, pupil, klas, D("2025-08-25").PlusDays(day).ToString("yyyy-MM-dd", null), slot, status)
                 + (minutes ? "," + (slot.Length == 0 ? length : "") : "")),
        (1, Gen.Constant("")),
        (1, Gen.Constant("Totaal,,,,,")),
        (1, Gen.Constant(",,,,,")),
        (1, Gen.Constant("00AA,107,\"1A,2025-09-01,2,sick")),
        (1, Gen.Constant("00AA,108,1A")),
        (1, Gen.Constant("00AA,Jan de Vries,1A,2025-09-01,2,sick")),
        (1, Gen.Elements("00AA,123456782,1A,2025-09-02,3,sick", "00AB,111222333,2B,2025-09-03,1,late")),
        (1, Gen.Constant("00AA,109,1A,31-02-2025,2,sick")));

    /// <summary>An export, how it is cut, and what is read before it.</summary>
    /// <param name="Text">The export.</param>
    /// <param name="PartBytes">The size its parts aim at.</param>
    /// <param name="CrLf">Whether its lines end in CR LF.</param>
    /// <param name="PupilList">The pupil list read before it, if any.</param>
    /// <param name="Profile">Its profile.</param>
    /// <param name="Earlier">A file of the same run read before it, by one reader: its pupils are known when the parts start.</param>
    public sealed record Export(string Text, int PartBytes, bool CrLf, string? PupilList = null, string Profile = "canonical", string? Earlier = null)
    {
        public override string ToString() => $"{Profile} in parts of {PartBytes} bytes, {(CrLf ? "CRLF" : "LF")}:\n{Text}"
            + (PupilList is null ? "" : $"\npupil list:\n{PupilList}") + (Earlier is null ? "" : $"\nread before it:\n{Earlier}");
    }

    /// <summary>One line of a day-level export (dag-minuten): pupil, class, date, scheduled and absent minutes, reason.</summary>
    private static Gen<string> DayLineGen => Gen.Frequency(
        (20, from pupil in Gen.Elements("101", "102", "103", "104", "0106", "110")
             from klas in Gen.Elements("", "1A", "2B")
             from day in Gen.Choose(0, 45)
             from scheduled in Gen.Frequency((6, Gen.Elements("350", "300")), (1, Gen.Elements("", "x")))
             from absent in Gen.Elements("0", "50", "350", "")
             from code in Gen.Elements("", "", "ziek", "Z", "te laat", "ongeoorloofd", "HV", "ziek?")
             select string.Join(';', pupil, klas, D("2025-08-25").PlusDays(day).ToString("dd-MM-yyyy", Inv), scheduled, absent, code)),
        (1, Gen.Constant("")),
        (1, Gen.Constant("Totaal;;;;;")),
        (1, Gen.Constant("Jan de Vries;1A;01-09-2025;350;50;ziek")),
        (1, Gen.Constant("123456782;1A;02-09-2025;350;50;ziek")));

    private static Gen<string> DayFileGen =>
        from lines in Gen.Choose(0, 50).SelectMany(n => Gen.ListOf(DayLineGen, n))
        select "Leerlingnummer;Klas;Datum;Geroosterde minuten;Afwezige minuten;Reden\n" + string.Concat(lines.Select(line => line + "\n"));

    // Blank lines (skipped by both readers) make the export longer than the earlier file, which alone is read by one reader.
    private static Gen<Export> DayExportGen =>
        from text in DayFileGen
        from earlier in Gen.Frequency((1, Gen.Constant<string?>(null)), (1, DayFileGen.Select(t => (string?)t)))
        from partBytes in Gen.Frequency((3, Gen.Choose(1, 80)), (1, Gen.Choose(80, 1000)))
        from pupilList in PupilListGen
        let padded = text + new string('\n', Math.Max(0, (earlier?.Length ?? 0) - text.Length + 1))
        select new Export(padded, partBytes, false, pupilList?.Replace("00AA,", "", StringComparison.Ordinal).Replace("school_id,", "", StringComparison.Ordinal), "dag-minuten", earlier);

    /// <summary>A pupil list that numbers some pupils first and enrols some for part of the year only.</summary>
    private static Gen<string?> PupilListGen => Gen.Frequency(
        (2, Gen.Constant<string?>(null)),
        (1, from pupils in Gen.SubListOf(new[] { "101", "102", "104", "0106", "110" })
            from start in Gen.Choose(0, 30)
            from length in Gen.Choose(0, 30)
            select (string?)("school_id,pupil_id,group,enrolled_from,enrolled_until\n" + string.Concat(pupils.Select((pupil, i) =>
                $"00AA,{pupil},1A,{D("2025-08-25").PlusDays(i % 2 == 0 ? 0 : start):yyyy-MM-dd},{(i % 3 == 0 ? "" : D("2025-08-25").PlusDays(start + length).ToString("yyyy-MM-dd", null))}\n")))));

    private static Gen<Export> ExportGen =>
        from minutes in Gen.Elements(false, true)
        from lines in Gen.Choose(0, 60).SelectMany(n => Gen.ListOf(LineGen(minutes), n))
        from footer in Gen.Elements(0, 1, 3)
        from crlf in Gen.Elements(false, true)
        from partBytes in Gen.Frequency((3, Gen.Choose(1, 80)), (1, Gen.Choose(80, 2000)))
        from pupilList in PupilListGen
        let header = "school_id,pupil_id,group,date,slot,status" + (minutes ? ",minutes" : "")
        let all = new[] { header }.Concat(lines).Concat(Enumerable.Repeat("Totaal,,,,,", footer))
        select new Export(string.Join(crlf ? "\r\n" : "\n", all) + (crlf ? "\r\n" : "\n"), partBytes, crlf, pupilList);

    [Property(MaxTest = 300)]
    public Property ReadInParts_IsReadByOneReader() => Prop.ForAll(ExportGen.ToArbitrary(), export =>
    {
        Assert.Equal(ReadAndDescribe(export, PartSettings.Serial), ReadAndDescribe(export, new PartSettings(export.PartBytes, 2, 0)));
    });

    /// <summary>
    /// Day rows (whole days and minutes), after a file of the same run whose pupils the builder knows already, with a
    /// pupil list that enrols some of them for part of the year: the enrolments the parts look up, and the pupils
    /// the replay finds in the builder.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property DayRowsReadInParts_AfterAnEarlierFile_AreReadByOneReader() => Prop.ForAll(DayExportGen.ToArbitrary(), export =>
    {
        Assert.Equal(ReadAndDescribe(export, PartSettings.Serial), ReadAndDescribe(export, new PartSettings(export.PartBytes, 2, 0)));
    });

    [Fact]
    public void ACutInsideAQuotedField_IsRereadFromTheRowBoundary()
    {
        // A quote that is never closed ends with its line (CsvFiles): the cut after that line is a row boundary.
        var text = "school_id,pupil_id,group,date,slot,status\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"00AA,{100 + (i % 7)},\"1A,2025-09-{1 + (i % 20):00},{1 + (i % 8)},sick\n00AA,{100 + (i % 5)},2B,2025-09-{1 + (i % 20):00},{1 + (i % 8)},late\n"));
        for (var partBytes = 1; partBytes < 120; partBytes += 7)
            Assert.Equal(Describe(Read(text, PartSettings.Serial)), Describe(Read(text, new PartSettings(partBytes, 2, 0))));
    }

    [Fact]
    public void ALineStartingWithAByteOrderMark_IsDataAtEveryCut()
    {
        // Two exports joined with copy /b: the second one's byte order mark starts a line in the middle of the file.
        var first = "school_id,pupil_id,group,date,slot,status\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"00AA,{101 + i},1A,2025-09-0{1 + i},2,sick\n"));
        var text = first + "\uFEFF" + first;
        for (var partBytes = 1; partBytes < 80; partBytes += 3)
            Assert.Equal(ReadAndDescribe(new Export(text, 0, false), PartSettings.Serial), ReadAndDescribe(new Export(text, 0, false), new PartSettings(partBytes, 2, 0)));
    }

    [Fact]
    public void AnExportWithoutRows_IsCheckedAgainstThePupilListAsByOneReader()
    {
        var list = "school_id,pupil_id,group,enrolled_from\n00AA,101,1A,2025-08-25\n00AB,102,1A,2025-08-25\n";
        var export = new Export("pupil_id,date,status\n", 0, false, list);
        var one = ReadAndDescribe(export, PartSettings.Serial);
        Assert.StartsWith("refused", one, StringComparison.Ordinal);
        Assert.Equal(one, ReadAndDescribe(export, new PartSettings(1, 2, 0)));
    }

    /// <summary>A second header with other columns is named by its line wherever the parts split the file.</summary>
    [Property(MaxTest = 12)]
    public Property ASecondHeader_IsNamedByItsLine_InEveryPart() => Prop.ForAll(
        Gen.Choose(0, 60).ToArbitrary(), Gen.Choose(40, 400).ToArbitrary(), (before, partBytes) =>
        {
            var rows = string.Concat(Enumerable.Range(0, before).Select(i => $"00AA,{100 + i},1A,2025-09-01,2,sick\n"));
            var text = "school_id,pupil_id,group,date,slot,status\n" + rows + "school_id,group,pupil_id,date,slot,status\n" + "00AA,1A,300,2025-09-02,2,sick\n" + rows;
            var english = global::AanwezigheidsAnalyse.Localization.Language.English;
            var one = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(() => Read(text, PartSettings.Serial)).In(english);
            var parts = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(() => Read(text, new PartSettings(partBytes, 2, 0))).In(english);
            static string AfterThePath(string message) => message[message.IndexOf("export.csv", StringComparison.Ordinal)..];
            Assert.Equal(AfterThePath(one), AfterThePath(parts));
            Assert.Contains($"second header row at line {2 + before} with other columns (school_id;group;pupil_id;date;slot;status)", one, StringComparison.Ordinal);
            return true;
        });

    [Fact]
    public void ALineOverTheLimitInALaterPart_IsNamedByItsLine()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"00AA,{100 + i},1A,2025-09-01,2,sick\n"));
        var text = "school_id,pupil_id,group,date,slot,status\n" + rows + "00AA,999,1A,2025-09-01,2," + new string('x', 2 * CsvFiles.MaxLineBytes) + "\n" + rows;
        var one = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(() => Read(text, PartSettings.Serial));
        var parts = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(() => Read(text, new PartSettings(100, 2, 0)));
        static string AfterThePath(string message) => message[message.IndexOf("export.csv", StringComparison.Ordinal)..];
        var english = global::AanwezigheidsAnalyse.Localization.Language.English;
        Assert.Equal(AfterThePath(one.In(english)), AfterThePath(parts.In(english)));
        Assert.Contains(" 52", parts.In(english), StringComparison.Ordinal);
    }

    /// <summary>
    /// CsvHelper checks its record limit only when its buffer must grow, so a line of 1–2 MB already in the buffer
    /// (after an earlier long line had grown it) was read, elsewhere refused. Now every line over the limit is refused,
    /// by one reader and in parts alike, and named; a line of exactly the limit is read.
    /// </summary>
    [Property(MaxTest = 12)]
    public Property ALineOverTheLimit_IsRefusedWhereverItFalls() => Prop.ForAll(
        Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), Gen.Choose(1, CsvFiles.MaxLineBytes - 1).ToArbitrary(), (before, longLines, over) =>
        {
            var rows = string.Concat(Enumerable.Range(0, before).Select(i => $"00AA,{100 + i},1A,2025-09-01,2,sick\n"));
            var text = "school_id,pupil_id,group,date,slot,status\n" + rows
                + string.Concat(Enumerable.Repeat(Line(CsvFiles.MaxLineBytes), longLines)) + Line(CsvFiles.MaxLineBytes + over) + rows;
            var english = global::AanwezigheidsAnalyse.Localization.Language.English;
            var one = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(() => Read(text, PartSettings.Serial)).In(english);
            var parts = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(() => Read(text, new PartSettings(1 << 16, 2, 0))).In(english);
            static string AfterThePath(string message) => message[message.IndexOf("export.csv", StringComparison.Ordinal)..];
            Assert.Equal(AfterThePath(one), AfterThePath(parts));
            Assert.Contains($"line {2 + before + longLines}:", one, StringComparison.Ordinal);
            return true;
        });

    /// <summary>The same in an export that is not UTF-8: its reader counts lines itself, and the line comes from it.</summary>
    [Property(MaxTest = 8)]
    public Property ALineOverTheLimitInALatin1Export_IsNamedByItsLine() => Prop.ForAll(
        Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), Gen.Choose(1, CsvFiles.MaxLineBytes - 1).ToArbitrary(), (before, longLines, over) =>
        {
            var dir = Directory.CreateTempSubdirectory("aanwezigheid-parts-");
            try
            {
                var path = Path.Combine(dir.FullName, "export.csv");
                var rows = string.Concat(Enumerable.Range(0, before).Select(i => $"00AA,{100 + i},1A,2025-09-01,2,sick\n"));
                var text = "school_id,pupil_id,group,date,slot,status\n00AA,99,1A,2025-09-01,2,ziek \u00e9\n" + rows
                    + string.Concat(Enumerable.Repeat(Line(CsvFiles.MaxLineBytes), longLines)) + Line(CsvFiles.MaxLineBytes + over) + rows;
                File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));
                var error = Assert.Throws<global::AanwezigheidsAnalyse.Localization.UserError>(
                    () => IngestPaths([path], AsOf, "canonical", null, Path.Combine(dir.FullName, "rejects.csv"), parts: PartSettings.AllCores));
                Assert.Contains($"line {3 + before + longLines}:", error.In(global::AanwezigheidsAnalyse.Localization.Language.English), StringComparison.Ordinal);
                return true;
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        });

    /// <summary>A row of exactly <paramref name="bytes"/> bytes before its line break, its status a run of x.</summary>
    private static string Line(int bytes)
    {
        const string start = "00AA,999,1A,2025-09-01,2,";
        return start + new string('x', bytes - start.Length) + "\n";
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The export read with its pupil list, if any, as text; a refusal is described by its message.</summary>
    private static string ReadAndDescribe(Export export, PartSettings parts)
    {
        var dir = Directory.CreateTempSubdirectory("aanwezigheid-parts-");
        try
        {
            var path = Path.Combine(dir.FullName, "export.csv");
            File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(export.Text));
            string[] paths = [path];
            if (export.Earlier is { } earlier)
            {
                // Read first and by one reader whatever the settings: files under the parts' minimum size are (the
                // export is made longer than it).
                paths = [Path.Combine(dir.FullName, "eerder.csv"), path];
                File.WriteAllBytes(paths[0], new UTF8Encoding(false).GetBytes(earlier));
                parts = parts with { MinFileBytes = new FileInfo(paths[0]).Length + 1 };
            }
            var builder = new LedgerBuilder(Midden2025);
            var settings = new IngestSettings(AsOf, Profile.Load(export.Profile), "", null, global::AanwezigheidsAnalyse.Localization.Language.English) { Parts = parts };
            if (export.PupilList is { } list)
            {
                var listPath = Path.Combine(dir.FullName, "leerlingen.csv");
                File.WriteAllText(listPath, list);
                settings = settings with { PupilList = PupilList.Read(listPath, builder, "", AsOf) };
            }
            var rejectsPath = Path.Combine(dir.FullName, "rejects.csv");
            IngestResult result;
            using (var rejects = new RejectSink(rejectsPath, global::AanwezigheidsAnalyse.Localization.Language.English))
            {
                result = global::AanwezigheidsAnalyse.Ingestion.Ingest.Run(paths, settings, builder, rejects, null);
                rejects.Complete();
            }
            return Describe(new Ingested(builder.Build(result.Timetable, result.FullRegister), result, File.ReadAllText(rejectsPath)));
        }
        catch (global::AanwezigheidsAnalyse.Localization.UserError e)
        {
            var message = e.In(global::AanwezigheidsAnalyse.Localization.Language.English);
            return "refused: " + message.Replace(dir.FullName, "", StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static Ingested Read(string text, PartSettings parts)
    {
        var dir = Directory.CreateTempSubdirectory("aanwezigheid-parts-");
        try
        {
            var path = Path.Combine(dir.FullName, "export.csv");
            File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
            return IngestPaths([path], AsOf, "canonical", null, Path.Combine(dir.FullName, "rejects.csv"), parts: parts);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Everything a read hands on, as text: the ledger pupil by pupil, the accounting, the rejects.</summary>
    private static string Describe(Ingested ingested)
    {
        var text = new StringBuilder();
        var ledger = ingested.Ledger;
        text.AppendLine(Inv, $"schools {string.Join('|', ledger.Schools)}; pupils {ledger.PupilCount}");
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            text.Append(Inv, $"{ledger.SchoolId(p)}/{ledger.PupilId(p)} {ledger.Group(p)} {ledger.Enrolment(p)}:");
            foreach (var record in ledger.Records(p))
                text.Append(Inv, $" {record.Day}:{record.Scheduled}/{record.ScheduledSlots}/{record.AbsentSlots}/{record.LateArrivals}/{record.UnauthorizedSlots}/{string.Join('.', Enumerable.Range(0, Categories.Counted).Select(i => record.Minutes[i]))}");
            text.AppendLine();
        }
        foreach (var file in ingested.Ingest.Files)
        {
            var account = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(file, Internals.Json.Indented))!.AsObject();
            account.Remove("sha256");
            text.AppendLine(account.ToJsonString());
            text.AppendLine(Inv, $"BSN as pupil number: {file.Bsns.Rows} rows, first on line {file.Bsns.FirstLine} in column {file.Bsns.Column}");
        }
        text.AppendLine(Inv, $"full register {ingested.Ingest.FullRegister}; {string.Join(" | ", ingested.Ingest.Warnings)}");
        text.Append(ingested.Rejects);
        // Each read is of files in a folder of its own: their paths (in accounts and warnings) are told apart by it alone.
        return text.ToString().Replace(Path.GetDirectoryName(ingested.Ingest.Files[0].Path)!, "", StringComparison.Ordinal);
    }
}
