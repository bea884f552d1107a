using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Tests.Support;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Reliability;

/// <summary>
/// The faults of a real week (issue "nothing lost, nothing leaked, nothing overwritten"), each as it was found:
/// stray quotes, names in the wrong column, inputs in the output folder, mismatched schools, nonsense settings.
/// </summary>
public sealed class FaultsTest : IDisposable
{
    private static readonly LocalDateAlias T = new(D("2025-11-14"));
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-faults-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    /// <summary>A lesuur-nl export of <paramref name="pupils"/> pupils with names, over two weeks, and the line each row is on.</summary>
    private static List<string> MagisterRows(int pupils, string? school = null)
    {
        var rows = new List<string> { (school is null ? "" : "BRIN;") + "Stamnr;Naam;Klas;Datum;Lesuur;Code" };
        foreach (var day in new[] { "03-11-2025", "04-11-2025", "05-11-2025", "10-11-2025", "11-11-2025" })
        {
            for (var p = 0; p < pupils; p++)
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{(school is null ? "" : school + ";")}{4700 + p};Naam{p} Achternaam{p};2B;{day};{1 + p % 7};{(p % 2 == 0 ? "Z" : "S")}"));
        }
        return rows;
    }

    private AnalyzeOptions Options(IReadOnlyList<string> inputs, string output, string? pupils = null, string? key = null) => new()
    {
        Inputs = inputs,
        AsOf = T.Date,
        OutputDirectory = Path.Combine(_dir.FullName, output),
        PupilsFile = pupils,
        PseudonymizeKeyFile = key,
        Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
        MaxRejectRate = 1,
        Language = Language.English,
    };

    private static string AllText(string folder)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            text.Append(Path.GetFileName(file)).Append('\n');
            if (file.EndsWith(".parquet", StringComparison.Ordinal))
            {
                foreach (var row in ParquetDump.RowsAsync(file).GetAwaiter().GetResult())
                    text.AppendJoin('\n', row.Values.Select(ParquetDump.Format)).Append('\n');
            }
            else if (!file.EndsWith(".png", StringComparison.Ordinal))
            {
                // Embedded images are pixels, not text (their base64 may spell anything).
                text.Append(System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(file), "base64,[A-Za-z0-9+/=]+", "base64,…")).Append('\n');
            }
        }
        return text.ToString();
    }

    // ---- critical: silent loss ----

    [Fact]
    public void StrayQuote_InTheNameColumn_CostsThatRowOnly()
    {
        var rows = MagisterRows(40);
        rows[7] = rows[7].Replace(";Naam6 ", ";\"Naam6 ", StringComparison.Ordinal); // opens a quote that never closes
        rows[90] = rows[90].Replace("Achternaam", "Achter\"naam", StringComparison.Ordinal); // a quote inside a field
        var file = Ingest(string.Join("\n", rows) + "\n", T.Date).Ingest.Files[0];
        Assert.Equal(rows.Count - 1, file.RowsRead);
        Assert.Equal(rows.Count - 2, file.Accepted);
        Assert.Equal(1, file.Rejected);
    }

    [Fact]
    public async Task StrayQuote_InThePupilList_CostsThatPupilOnly()
    {
        var list = new StringBuilder("Stamnr;Naam;Klas;Inschrijfdatum\n");
        for (var p = 0; p < 400; p++)
            list.Append(CultureInfo.InvariantCulture, $"{5000 + p};{(p == 8 ? "\"" : "")}Naam {p};2B;01-08-2025\n");
        var export = Write("export.csv", string.Join("\n", MagisterRows(3)) + "\n");
        var result = await Analysis.RunAsync(Options([export], "out", Write("list.csv", list.ToString())));
        // The row with the open quote keeps its pupil number (the columns after the quote are lost); every pupil is
        // there, where the quote used to swallow all but 9 of them.
        Assert.Equal(400 + 3, result.Manifest.Pupils);
    }

    // ---- critical: leaks ----

    [Fact]
    public async Task RejectsAndCodeTables_ShowNoNameTypedIntoAMappedColumn_AndNoPupilNumberWithAKey()
    {
        var rows = MagisterRows(6);
        rows[2] = rows[2].Replace(";S", ";Jansen, Piet", StringComparison.Ordinal);           // a name in the code column
        rows[4] = "de Vries, Anna" + rows[4][4..];                                             // a name in the pupil column
        rows[5] = rows[5].Replace(";2B;", ";Bakker Sanne;", StringComparison.Ordinal);        // a name in the class column
        rows[6] = rows[6].Replace(";04-11-2025;", ";Mohamed El Amrani;", StringComparison.Ordinal)
            .Replace(";05-11-2025;", ";Mohamed El Amrani;", StringComparison.Ordinal)
            .Replace(";03-11-2025;", ";Mohamed El Amrani;", StringComparison.Ordinal);        // a name in the date column
        var key = Write("key.txt", "f3b9c0a1d2e4f5a6b7c8d9e0f1a2b3c4");
        var result = await Analysis.RunAsync(Options([Write("export.csv", string.Join("\n", rows) + "\n")], "out", key: key));
        var text = AllText(Path.Combine(_dir.FullName, "out")) + string.Join("\n", result.Summary);
        foreach (var name in new[] { "Jansen", "Piet", "Vries", "Anna", "Bakker", "Sanne", "Amrani", "Achternaam1" })
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
        var rejects = File.ReadAllText(Path.Combine(_dir.FullName, "out", "rejects.csv"));
        foreach (var pupil in Enumerable.Range(4700, 6))
            Assert.DoesNotContain(pupil.ToString(CultureInfo.InvariantCulture), rejects);
        Assert.True(result.Manifest.Rows.Rejected == 3, rejects);
    }

    [Fact]
    public void HeaderlessPupilList_QuotesNoneOfItsFirstRow()
    {
        var list = Write("list.csv", "Jansen;Piet;2B;Zonnebloemstraat\nBakker;Sanne;2B;Tulpweg\n");
        var builder = new AanwezigheidsAnalyse.Ledger.LedgerBuilder(Midden2025);
        var error = Assert.Throws<UserError>(() => PupilList.Read(list, builder, "", T.Date));
        foreach (var word in new[] { "Jansen", "Piet", "Zonnebloem" })
            Assert.DoesNotContain(word, error.English + error.Dutch);
        Assert.Contains("header row", error.English);
    }

    [Fact]
    public void Header_WithTerminalEscapes_IsNotEchoedRaw()
    {
        var error = Assert.Throws<UserError>(() => Ingest("Stamnr;\u001b[31mDatum\u001b[0m;Code\n", T.Date));
        Assert.DoesNotContain('\u001b', error.English);
        Assert.Contains("?[31mDatum", error.English);
    }

    // ---- critical: inputs overwritten ----

    [Fact]
    public async Task Analyze_AnInputInsideTheOutputFolder_IsRefusedAndKept()
    {
        var out1 = Path.Combine(_dir.FullName, "d");
        await Analysis.RunAsync(Options([Write("export.csv", string.Join("\n", MagisterRows(3)) + "\n")], "d"));
        var rejects = Path.Combine(out1, "rejects.csv");
        var before = File.ReadAllBytes(rejects);
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([rejects], "d")));
        Assert.Equal(Setting.Output, error.About);
        Assert.Equal(before, File.ReadAllBytes(rejects));
        // Last week's folder as this week's output: refused too, the weekly re-run trap.
        var previous = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([Write("export2.csv", string.Join("\n", MagisterRows(3)) + "\n")], "d") with { PreviousDirectory = out1 }));
        Assert.Equal(Setting.Output, previous.About);
    }

    [Fact]
    public void Validate_RejectsFileNamedAsTheInput_IsRefusedAndTheInputKept()
    {
        var export = Write("x.csv", string.Join("\n", MagisterRows(3)) + "\n");
        var before = File.ReadAllBytes(export);
        var error = Assert.Throws<UserError>(() => Validation.Run(new ValidateOptions { Inputs = [export], AsOf = T.Date, RejectsFile = export }));
        Assert.Equal(Setting.RejectsFile, error.About);
        Assert.Equal(before, File.ReadAllBytes(export));
    }

    // ---- critical: output sets ----

    [Fact]
    public async Task Rerun_WithoutCharts_LeavesNoReportOfTheRunBefore_AndAKeyedRunNoTimelineByPupilNumber()
    {
        var rows = new List<string> { "pupil_id,date,status" };
        foreach (var day in Enumerable.Range(Midden2025.IndexOf(D("2025-09-29")), 30).Select(Midden2025.Date))
            rows.Add($"4711,{day:yyyy-MM-dd},unauthorized");
        var export = Write("e.csv", string.Join("\n", rows) + "\n");
        await Analysis.RunAsync(Options([export], "o"));
        var folder = Path.Combine(_dir.FullName, "o");
        Assert.Contains(Directory.EnumerateFiles(folder, "*.png", SearchOption.AllDirectories), f => f.Contains("4711", StringComparison.Ordinal));
        await Analysis.RunAsync(Options([export], "o", key: Write("k.txt", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")) with { Charts = false });
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(folder, "charts")));
        Assert.DoesNotContain("4711", AllText(folder));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.FullName, ".o.*"));
    }

    [Fact]
    public async Task FailingPrevious_LeavesTheFolderAsItWas()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(3)) + "\n");
        await Analysis.RunAsync(Options([export], "o"));
        var folder = Path.Combine(_dir.FullName, "o");
        var before = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        var bad = Write(Path.Combine("previous", "pupils.parquet"), "not parquet");
        var rows = MagisterRows(3);
        rows[2] = rows[2].Replace("03-11-2025", "31-11-2025", StringComparison.Ordinal); // a new reject, which must not land
        await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([Write("e2.csv", string.Join("\n", rows) + "\n")], "o") with { PreviousDirectory = Path.GetDirectoryName(bad) }));
        var after = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (file, bytes) in before)
            Assert.Equal(bytes, after[file]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.FullName, ".o.*"));
    }

    [Fact]
    public async Task OutputFolder_HoldingOtherFiles_IsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "mine"));
        File.WriteAllText(Path.Combine(folder.FullName, "notities.docx"), "mine");
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(3)) + "\n")], "mine")));
        Assert.Equal(Setting.Output, error.About);
        Assert.True(File.Exists(Path.Combine(folder.FullName, "notities.docx")));
    }

    // ---- critical: counted twice ----

    [Fact]
    public async Task ExportWithoutSchool_AndAOneSchoolPupilList_CountEachPupilOnce()
    {
        var list = new StringBuilder("BRIN;Stamnr;Klas;Inschrijfdatum\n");
        for (var p = 0; p < 10; p++)
            list.Append(CultureInfo.InvariantCulture, $"99ZZ;{4700 + p};2B;01-08-2025\n");
        var export = Write("e.csv", string.Join("\n", MagisterRows(4)) + "\n");
        var result = await Analysis.RunAsync(Options([export], "o", Write("list.csv", list.ToString())));
        Assert.Equal(10, result.Manifest.Pupils);
    }

    [Fact]
    public async Task SchoolsThatCannotBeMatched_StopTheRunAskingForSchoolId()
    {
        var several = Write("list.csv", "BRIN;Stamnr;Klas\n99ZZ;4700;2B\n88YY;4701;2B\n");
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n")], "o", several)));
        Assert.Equal(Setting.SchoolId, error.About);
        var none = Write("list2.csv", "Stamnr;Klas\n4700;2B\n4701;2B\n");
        var error2 = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([Write("e2.csv", string.Join("\n", MagisterRows(2, school: "99ZZ")) + "\n")], "o", none)));
        Assert.Equal(Setting.SchoolId, error2.About);
    }

    // ---- major ----

    [Fact]
    public void BinaryKeys_ThatDecodeToTheSameText_GiveDifferentPseudonyms_AndWeakKeysAreRefused()
    {
        // Invalid UTF-8 used to collapse to U+FFFD: these two keys were one key.
        var a = new byte[32];
        new Random(42).NextBytes(a);
        a = [.. a.Select(x => (byte)(0x80 | (x & 0x3F)))]; // continuation bytes only: no valid UTF-8 (an arithmetic run would be a guessable key)
        var b = a.Select(x => (byte)(x ^ 0x01)).ToArray();
        File.WriteAllBytes(Path.Combine(_dir.FullName, "a.key"), a);
        File.WriteAllBytes(Path.Combine(_dir.FullName, "b.key"), b);
        var ka = AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Path.Combine(_dir.FullName, "a.key"));
        var kb = AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Path.Combine(_dir.FullName, "b.key"));
        Assert.NotEqual(ka.KeyOf("99ZZ", "4711"), kb.KeyOf("99ZZ", "4711"));
        // A text key with or without a newline is the same key.
        var t1 = AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Write("t1.key", "f3b9c0a1d2e4f5a6b7c8d9e0f1a2b3c4"));
        var t2 = AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Write("t2.key", "f3b9c0a1d2e4f5a6b7c8d9e0f1a2b3c4\r\n"));
        Assert.Equal(t1.KeyOf("", "1"), t2.KeyOf("", "1"));
        // A word repeated until the key is long enough carries what the word does (geheim five times passed, as the
        // entropy of the bytes times the length grew with every copy); a run like 0123… carries what its steps do.
        foreach (var weak in new[] { "aaaaaaaaaaaaaaaaaaaaaaaa", "abababababababababababab", "1234123412341234", "geheimgeheimgeheimgeheimgeheim",
            "Welkom01Welkom01Welkom01Welkom01", "0123456789abcdef", "1234567812345678123456781234567812345678", "abcdefghijklmnopqrstuvwxyz",
            "geheimgeheimgeheimgeheimgeheim1", "GeheimGEHEIMgeheimGeheimGEHEIM" })
        {
            var error = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Write("weak.key", weak)));
            Assert.Equal(Setting.PseudonymizeKey, error.About);
        }
    }

    [Theory]
    [InlineData("policy", """{"name":"p","criteria":{"TZ-0":{"more_than_weeks":-1}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "more_than_weeks")]
    [InlineData("policy", """{"name":"p","criteria":{"LR-50":{"fraction_below":5}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "fraction_below")]
    [InlineData("policy", """{"name":"p","criteria":{"MAZL-FREQ":{"school_weeks":0}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "school_weeks")]
    [InlineData("policy", """{"name":"p","criteria":{"LPW-16U":{"hours":0}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "hours")]
    [InlineData("policy", """{"name":"p","criteria":{"ZZV-SHORT":{"months":2147483647}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "months")]
    [InlineData("policy", """{"name":"p","criteria":null,"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "criteria")]
    [InlineData("policy", """{"name":"p","tiers":null}""", "tiers")]
    // Rules that never hold: an empty tier without a word (an adversarial pass).
    [InlineData("policy", """{"name":"p","tiers":[{"tier":3,"criteria":["TZ-0"]},{"tier":2}]}""", "the rule for tier 2 has no rate and no criteria")]
    [InlineData("policy", """{"name":"p","tiers":[{"tier":2,"criteria":[]}]}""", "the rule for tier 2 has no rate and no criteria")]
    [InlineData("policy", """{"name":"p","criteria":{"ZZV-SHORT":{"enabled":false},"ZZV-LONG":{"enabled":false},"ZZV-MONTH":{"enabled":false},"ZZV-HOME":{"enabled":false}},"tiers":[{"tier":2,"criteria":["ZZV-*"]}]}""", "names only criteria that are switched off (ZZV-*)")]
    [InlineData("policy", """{"name":"p","criteria":{"LR-50":{"geoorloofd_max_unauthorized_share":0.9,"ongeoorloofd_min_unauthorized_share":0.1}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "must be below ongeoorloofd_min_unauthorized_share")]
    [InlineData("timetable", """{"name":"x"}""", "slots")]
    [InlineData("timetable", """{"name":"t","slot_kind":"lesuur","slots":[{"slot":1,"minutes":50},{"slot":1,"minutes":50}],"days":{"monday":[1]}}""", "twice")]
    [InlineData("timetable", """{"name":"t","slot_kind":"lesuur","slots":[{"slot":1,"minutes":50}],"days":{"monday":[1,2]}}""", "slot 2")]
    [InlineData("timetable", """{"name":"x","slot_kind":"lesuur","slots":[],"days":{}}""", "schedules no slot")]
    [InlineData("timetable", """{"name":"x","slot_kind":"lesuur","slots":[{"slot":1,"minutes":50}],"days":{}}""", "schedules no slot")]
    [InlineData("policy", """{"name":"p","name":"q","tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "name")]
    [InlineData("policy", """{"name":"p","min_scheduled_days_for_rate":"ten","tiers":[{"tier":3,"criteria":["TZ-0"]}]}""", "min_scheduled_days_for_rate")]
    [InlineData("profile", """{"name":"p","shape":"slots","columns":{"pupil_id":["a"],"date":["b"],"code":["c"]},"required":["pupil_id","date","code"],"codes":[{"code":"z","category":"sick"},{"code":"Z","category":"unauthorized"}],"date_formats":["yyyy-MM-dd"]}""", "twice")]
    [InlineData("calendar", """{"replace_builtin":true}""", "free_days")]
    [InlineData("policy", """{"name":"p","tiers":[null]}""", "null")]
    [InlineData("calendar", """{"free_days":[null]}""", "null")]
    [InlineData("timetable", """{"name":"t","slot_kind":"lesuur","slots":[{"slot":1,"minutes":50}],"days":{"monday":null}}""", "'monday' is null")]
    [InlineData("profile", """{"name":"p","shape":"slots","columns":{"pupil_id":null,"date":["b"],"code":["c"]},"required":["pupil_id","date","code"],"codes":[{"code":"z","category":"sick"}],"date_formats":["yyyy-MM-dd"]}""", "'pupil_id' is null")]
    [InlineData("profile", """{"name":"p","shape":"slots","columns":{"pupil_id":["a"],"date":["b"],"code":["c"],"group":null},"required":["pupil_id","date","code"],"codes":[{"code":"z","category":"sick"}],"date_formats":["yyyy-MM-dd"]}""", "'group' is null")]
    [InlineData("profile", """{"name":"p","shape":"slots","columns":{"pupil_id":["a"],"date":["b"],"code":["c"]},"required":["pupil_id","date","code"],"codes":[{"code":"z","category":"sick"}],"slot_names":{"a":1,"A":2},"date_formats":["yyyy-MM-dd"]}""", "twice")]
    [InlineData("calendar", """{"free_days":null}""", "free_days")]
    [InlineData("profile", """{"name":"p","shape":"slots","columns":{"pupil_id":["a"],"date":["b"],"code":["c"]},"required":["pupil_id","date","code"],"codes":[{"code":"z","category":"sick"}],"date_formats":["yyyy-MM-dd","qq[["]}""", "qq[[")]
    public async Task NonsenseSettings_AreAUserErrorNamingTheField(string kind, string json, string named)
    {
        var file = Write(kind + ".json", json);
        var export = Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n");
        var options = Options([export], "o");
        options = kind switch
        {
            "policy" => options with { Policy = file },
            "timetable" => options with { Timetable = file },
            "calendar" => options with { CalendarFile = file },
            _ => options with { Profile = file },
        };
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Contains(named, error.English, StringComparison.Ordinal);
        Assert.Contains(kind + ".json", error.English, StringComparison.Ordinal);
    }

    /// <summary>
    /// What a policy author gets wrong is said as what it is (an adversarial pass): a file saved as Latin-1 was "a value
    /// of the wrong kind" at the field of its first 'é', and a criterion in lower case named no criterion without a hint.
    /// </summary>
    [Fact]
    public void APolicyInLatin1_OrWithAnIdInLowerCase_IsSaidAsSuch()
    {
        var latin1 = Write("latin1.json", "{ \"name\": \"p\",\n  \"description\": \"regionale lezing, gewijzigd door de coördinator\",\n  \"tiers\": [ { \"tier\": 3, \"criteria\": [\"TZ-0\"] } ] }", Encoding.Latin1);
        var error = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Rules.Policy.Load(latin1));
        Assert.Contains("latin1.json' is not UTF-8 text (line 2 has a character in another encoding", error.English, StringComparison.Ordinal);
        Assert.Contains("Sla het bestand op als UTF-8", error.Dutch, StringComparison.Ordinal);

        var lower = Write("klein.json", """{ "name": "p", "tiers": [ { "tier": 2, "criteria": ["late-rep"] } ] }""");
        Assert.Contains("'late-rep' names no criterion: did you mean 'LATE-REP'?", Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Rules.Policy.Load(lower)).English, StringComparison.Ordinal);
        var unknown = Write("onbekend.json", """{ "name": "p", "tiers": [ { "tier": 2, "criteria": ["TE-LAAT"] } ] }""");
        Assert.Contains("Valid are the ids ZZV-SHORT, ZZV-LONG", Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Rules.Policy.Load(unknown)).English, StringComparison.Ordinal);
    }

    /// <summary>A profile's roles are named in messages as the profile file writes them, in Dutch too: "Slot" and "StartDate" were .NET's names (an adversarial pass).</summary>
    [Fact]
    public async Task AMissingColumn_IsNamedAsTheProfileWritesIt()
    {
        var profile = Write("p.json", """{"name":"p","shape":"slots","columns":{"pupil_id":["Stamnr"],"date":["Datum"],"code":["Code"],"slot":["Lesuur"]},"required":["pupil_id","date","code","slot"],"codes":[{"code":"Z","category":"sick"}],"date_formats":["dd-MM-yyyy"]}""");
        var export = Write("e.csv", "Stamnr;Datum;Code\n100001;01-12-2025;Z\n");

        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "o") with { Profile = profile }));

        Assert.Contains("mist verplichte kolommen: slot (Lesuur)", error.Dutch, StringComparison.Ordinal);
        Assert.Contains("lacks required columns: slot (Lesuur)", error.English, StringComparison.Ordinal);
    }

    /// <summary>
    /// The two long-episode criteria can be switched off, or one field changed, like every other criterion: both
    /// needed min_days, so '"ZZV-LONG": { "enabled": false }' was refused (an adversarial pass). The others keep their defaults.
    /// </summary>
    [Fact]
    public void ALongEpisodeCriterion_IsSwitchedOffOrChangedByOneField()
    {
        var off = AanwezigheidsAnalyse.Rules.Policy.Load(Write("uit.json", """{"name":"p","criteria":{"ZZV-LONG":{"enabled":false},"MAZL-LONG":{"ended_within_school_weeks":6}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}"""));
        Assert.Equal((false, 11, 4), (off.Criteria.ZzvLong.Enabled, off.Criteria.ZzvLong.MinDays, off.Criteria.ZzvLong.EndedWithinSchoolWeeks));
        Assert.Equal((true, 7, 6), (off.Criteria.MazlLong.Enabled, off.Criteria.MazlLong.MinDays, off.Criteria.MazlLong.EndedWithinSchoolWeeks));
        Assert.DoesNotContain(new AanwezigheidsAnalyse.Rules.RulesEngine(off).Criteria, c => c.Id == AanwezigheidsAnalyse.Rules.CriterionId.ZzvLong);
        var changed = AanwezigheidsAnalyse.Rules.Policy.Load(Write("vijf.json", """{"name":"p","criteria":{"ZZV-LONG":{"min_days":5}},"tiers":[{"tier":3,"criteria":["TZ-0"]}]}"""));
        Assert.Equal((true, 5, 4), (changed.Criteria.ZzvLong.Enabled, changed.Criteria.ZzvLong.MinDays, changed.Criteria.ZzvLong.EndedWithinSchoolWeeks));
        Assert.Equal(AanwezigheidsAnalyse.Rules.Policy.Default.Criteria.MazlLong, changed.Criteria.MazlLong);
    }

    [SkippableTheory]
    [InlineData("policy")]
    [InlineData("timetable")]
    [InlineData("calendar")]
    [InlineData("profile")]
    public async Task ASettingsFileThatNeverEnds_IsRefused_NotReadIntoMemory(string kind)
    {
        Skip.IfNot(OperatingSystem.IsLinux());
        var export = Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n");
        var options = Options([export], "o");
        options = kind switch
        {
            "policy" => options with { Policy = "/dev/zero" },
            "timetable" => options with { Timetable = "/dev/zero" },
            "calendar" => options with { CalendarFile = "/dev/zero" },
            _ => options with { Profile = "/dev/zero" },
        };
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Contains("/dev/zero", error.English, StringComparison.Ordinal);
        Assert.Contains("16 MB", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryPolicyParameter_HasARange()
    {
        foreach (var criterion in typeof(AanwezigheidsAnalyse.Rules.CriteriaSettings).GetProperties())
        {
            foreach (var parameter in criterion.PropertyType.GetProperties().Where(p => p.PropertyType != typeof(bool)))
                _ = AanwezigheidsAnalyse.Rules.ParameterRanges.Of(parameter.Name); // throws for a parameter without one
        }
    }

    [SkippableFact]
    public void Fifo_IsRefusedAtOnce_NotWaitedOn()
    {
        Skip.IfNot(OperatingSystem.IsLinux());
        var fifo = Path.Combine(_dir.FullName, "pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
            mkfifo.WaitForExit();
        var task = Task.Run(() => Exports.Load(new LoadOptions { Inputs = [fifo], AsOf = T.Date }));
        Assert.True(Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(20))).GetAwaiter().GetResult() == task, "reading a FIFO hangs");
        var error = Assert.IsType<UserError>(task.Exception!.InnerException);
        Assert.Contains("not a regular file", error.English);
    }

    [Fact]
    public void TruncatedRowsAtTheEnd_AreRejected_NotTakenForAFooter()
    {
        var rows = MagisterRows(5);
        for (var i = 0; i < 40; i++)
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"{4700 + (i % 5)};;;{(10 + (i % 5)).ToString("00", CultureInfo.InvariantCulture)}-11-2025"));
        rows.Add("Totaal;;;;;;1234");
        var file = Ingest(string.Join("\n", rows) + "\n", T.Date).Ingest.Files[0];
        Assert.Equal(40, file.Rejected);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.Footer]);
        Assert.Equal(file.RowsRead, file.Accepted + file.Ignored + file.Rejected);
    }

    [Fact]
    public void EmptyLinesAfterAFooter_LeaveItAFooter()
    {
        var text = string.Join("\n", MagisterRows(2)) + "\nTotaal;;;;;;10\n;;;;;;\n;;;;;;\n";
        var file = Ingest(text, T.Date).Ingest.Files[0];
        Assert.Equal(0, file.Rejected);
        Assert.Equal(1, file.IgnoredBy[IgnoreReason.Footer]);
    }

    [Fact]
    public async Task NameInTheClassColumn_ReachesNoOutput_WhileRealClassesDo()
    {
        var rows = MagisterRows(6);
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].StartsWith("4703;", StringComparison.Ordinal))
                rows[i] = rows[i].Replace(";2B;", ";Sanne Bakker;", StringComparison.Ordinal);
        }
        var result = await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", rows) + "\n")], "o"));
        var text = AllText(Path.Combine(_dir.FullName, "o"));
        Assert.DoesNotContain("Sanne", text);
        Assert.Contains("2B", text);
        Assert.Contains(result.Manifest.Warnings, w => w.Contains("class is not shown", StringComparison.Ordinal));
    }

    [Fact]
    public void SchoolIdsTooLongOrWithControlCharacters_AreRejected_PupilIdsAndDatesWithControlCharactersToo()
    {
        var text = "school_id,pupil_id,date,status\n"
            + new string('S', 200) + ",1,2025-11-03,sick\n"
            + new string('S', 199) + "T,1,2025-11-03,sick\n"
            + "99\u0007ZZ,1,2025-11-03,sick\n"
            + "99ZZ,1\u0001,2025-11-03,sick\n"
            + "99ZZ,1,2025-11-03\u0000\u0000,sick\n"
            + "99ZZ,1,2025-11-03,sick\n";
        var read = Ingest(text, T.Date);
        Assert.Equal(5, read.Ingest.Files[0].Rejected);
        Assert.Equal(1, read.Ledger.PupilCount);
    }

    [Fact]
    public void Utf16WithoutBom_IsRefused_AndUtf8ValidOnlyAtTheStart_IsReadAsWindows1252()
    {
        var text = string.Join("\n", MagisterRows(2)) + "\n";
        var path = Path.Combine(_dir.FullName, "u16.csv");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes(text)); // no BOM
        var error = Assert.Throws<UserError>(() => IngestPaths([path], T.Date, null, null, Path.Combine(_dir.FullName, "r.csv")));
        Assert.Contains("UTF-16", error.English);

        // 1.5 MB of ASCII, then a Windows-1252 'ë' in an unmapped column: the whole file decides, not its first MB.
        var rows = MagisterRows(2);
        var padding = new StringBuilder(string.Join("\n", rows) + "\n");
        while (padding.Length < 1_500_000)
            padding.Append(rows[1]).Append('\n');
        padding.Append(rows[1].Replace("Naam0", "Zoë", StringComparison.Ordinal)).Append('\n');
        var mixed = Path.Combine(_dir.FullName, "mixed.csv");
        File.WriteAllBytes(mixed, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(padding.ToString()));
        var read = IngestPaths([mixed], T.Date, null, null, Path.Combine(_dir.FullName, "r2.csv"));
        Assert.Equal("windows-1252", read.Ingest.Files[0].Encoding);
    }

    /// <summary>A workbook or another binary file given as the export is said for what it is, not blamed on the profile.</summary>
    [Theory]
    [InlineData("export.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x06, 0 }, "Excel workbook (xlsx)")]
    [InlineData("export.csv", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x08, 0 }, "compressed file (zip)")]
    [InlineData("export.ods", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0x08, 0 }, "OpenDocument spreadsheet")]
    [InlineData("export.csv.gz", new byte[] { 0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0 }, "compressed file (gzip)")]
    [InlineData("export.csv", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "Excel workbook (xls)")]
    [InlineData("export.csv", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34 }, "a PDF")]
    [InlineData("export.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "an image (png)")]
    public void ABinaryFile_IsRefusedForWhatItIs(string name, byte[] start, string said)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, [.. start, .. new byte[600]]);

        var error = Assert.Throws<UserError>(() => IngestPaths([path], T.Date, null, null, Path.Combine(_dir.FullName, "r.csv")));

        Assert.Contains(said, error.English, StringComparison.Ordinal);
        Assert.Equal(Setting.Inputs, error.About);
    }

    /// <summary>A run of NUL bytes in one field of a small export damages that row, not the file (a first check refused the whole file).</summary>
    [Fact]
    public void ManyNulBytesInOneField_RejectTheirRowOnly()
    {
        var rows = Enumerable.Range(0, 20).Select(i => $"99ZZ,{100 + i},2025-11-03,1,sick").ToList();
        rows[5] = "99ZZ,105,2025-11-03,1,sick" + new string('\0', 300);
        var read = Ingest("school_id,pupil_id,date,slot,status\n" + string.Join("\n", rows) + "\n", T.Date);

        Assert.Equal(19, read.Ingest.Accepted);
        Assert.Equal(1, read.Ingest.Rejected);
    }

    [Theory]
    [InlineData("utf-16", false)]
    [InlineData("utf-16BE", false)]
    [InlineData("utf-32", true)]
    [InlineData("utf-32BE", true)]
    public void UnicodeWithABom_IsReadAsUtf8Is_AndNamedForWhatItIs(string name, bool utf32)
    {
        var text = string.Join("\n", MagisterRows(3)) + "\n";
        var utf8 = Path.Combine(_dir.FullName, "u8.csv");
        File.WriteAllText(utf8, text);
        var other = Path.Combine(_dir.FullName, name + ".csv");
        var encoding = Encoding.GetEncoding(name);
        File.WriteAllBytes(other, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        var expected = IngestPaths([utf8], T.Date, null, null, Path.Combine(_dir.FullName, "r8.csv")).Ingest.Files[0];
        var read = IngestPaths([other], T.Date, null, null, Path.Combine(_dir.FullName, "r-" + name + ".csv")).Ingest.Files[0];

        Assert.Equal(utf32 ? "utf-32" : "utf-16", read.Encoding);
        Assert.Equal((expected.RowsRead, expected.Accepted, expected.Rejected), (read.RowsRead, read.Accepted, read.Rejected));
        Assert.True(read.Accepted > 0);
    }

    [Fact]
    public async Task PupilListRowsSkipped_AreNamedByLine_NotByValue()
    {
        // Line 3 a name where the number belongs, line 5 empty, line 6 a BSN as school: the warning says where to look.
        var list = Write("skipped.csv", "Stamnr;Klas;School\n4700;1A;99ZZ\nPiet Jansen;1A;99ZZ\n4701;1A;99ZZ\n;1A;99ZZ\n4702;1A;111222333\n");
        var result = await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n")], "skip", list) with { SchoolId = "99ZZ" });
        var warning = Assert.Single(result.Manifest.Warnings, w => w.StartsWith("Pupil list", StringComparison.Ordinal));
        Assert.True(warning.Contains("3 rows without a usable pupil number or school code skipped", StringComparison.Ordinal), warning);
        Assert.Contains(": line 3, 5, 6.", warning);
        Assert.DoesNotContain("Piet", warning);
        Assert.DoesNotContain("111222333", warning);
        // At the top of the report too, where the team reads (warnings were in run.json and on the console only).
        Assert.Contains(System.Net.WebUtility.HtmlEncode(warning), File.ReadAllText(Path.Combine(_dir.FullName, "skip", "report.html")), StringComparison.Ordinal);
        // And in rejects.csv, by line, column and reason, as an export's rows (they were counted only), no value shown.
        var rejects = File.ReadAllLines(Path.Combine(_dir.FullName, "skip", "rejects.csv")).Where(l => l.StartsWith("skipped.csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(["skipped.csv;3;Stamnr;;pupil_not_a_number", "skipped.csv;5;Stamnr;;pupil_missing", "skipped.csv;6;School;;school_invalid"], rejects.Select(l => string.Join(';', l.Split(';').Take(5))));
    }

    /// <summary>
    /// A pupil list without one usable row (names or BSNs in its pupil column, or a header alone) was read as no list,
    /// without saying so, not even the note a run without a list gets (an adversarial pass): exit 2.
    /// </summary>
    [Theory]
    [InlineData("Stamnr;Klas\nPiet Jansen;1A\nKees de Vries;1A\n", "all of its 2 rows lack a usable pupil number")]
    [InlineData("Stamnr;Klas\n", "has no pupil at all: a header row only")]
    public async Task APupilListWithoutOneUsableRow_IsRefused(string text, string message)
    {
        var list = Write("niemand.csv", text);
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n")], "niemand", list)));
        Assert.Equal(Setting.PupilList, error.About);
        Assert.Contains(message, error.English, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", error.English, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "niemand")));
    }

    [Fact]
    public async Task PupilListDuplicates_AreMergedAndSaid()
    {
        var list = Write("list.csv", "Stamnr;Klas;Inschrijfdatum;Uitschrijfdatum\n4700;1A;01-08-2025;30-09-2025\n4700;2B;01-10-2025;\n4701;2B;01-08-2025;\n");
        var result = await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n")], "o", list));
        Assert.Equal(2, result.Manifest.Pupils);
        Assert.Contains(result.Manifest.Warnings, w => w.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoSchoolsSharingAPupilNumber_GetATimelineEach_AndAHiveNamedSchoolItsOwnPartition()
    {
        var rows = new List<string> { "school_id,pupil_id,date,status" };
        foreach (var day in Enumerable.Range(Midden2025.IndexOf(D("2025-09-29")), 30).Select(Midden2025.Date))
        {
            foreach (var school in new[] { "99ZZ", "__HIVE_DEFAULT_PARTITION__" })
                rows.Add($"{school},1,{day:yyyy-MM-dd},unauthorized");
        }
        await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", rows) + "\n")], "o") with { Partitioned = true });
        var folder = Path.Combine(_dir.FullName, "o");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "charts", "tijdlijnen")).Length);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(folder, "datasets", "pupils")).Length);
    }

    /// <summary>
    /// A class column that holds the pupil's own number (a profile mapping one header to both, or a canonical file
    /// whose group repeats pupil_id) put every pupil's number beside its pseudonym in pupils.parquet, undoing
    /// --pseudonymize-key (an adversarial pass). Such a class is not shown; one header in both roles stops the run.
    /// </summary>
    [Fact]
    public async Task AClassThatIsThePupilsNumber_IsNotShown_AndOneHeaderInBothRoles_IsRefused()
    {
        // 100018 alone in class "100018"; 0100019 in class "100019" (the number with its zero dropped); pupils 1, 2 and
        // 3 in class "1", which pupil 1's number is too, and shares with two others: a class, shown (a review: pupils
        // numbered 1 to 58 lost their group 1 to 8).
        var rows = new List<string> { "school_id,pupil_id,group,date,slot,status" };
        foreach (var (pupil, group) in new[] { ("100018", "100018"), ("0100019", "100019"), ("1", "1"), ("2", "1"), ("3", "1"), ("100020", "2B") })
            rows.Add($"00AA,{pupil},{group},2025-11-03,1,unauthorized");
        using var run = await Analysis.PrepareAsync(Options([Write("klassen.csv", string.Join("\n", rows) + "\n")], "klassen"));
        var shown = Enumerable.Range(0, run.Ledger.PupilCount).ToDictionary(run.Ledger.PupilId, run.GroupOf);
        Assert.Equal(new Dictionary<string, string?> { ["100018"] = null, ["100019"] = null, ["1"] = "1", ["2"] = "1", ["3"] = "1", ["100020"] = "2B" }, shown);

        var profile = Write("twee-rollen.json", """{ "name": "eigen", "required": ["pupil_id", "date", "slot", "code"], "columns": { "pupil_id": ["Leerlingcode"], "group": ["Leerlingcode"], "date": ["Datum"], "slot": ["Uur"], "code": ["Verzuimcode"] }, "date_formats": ["dd-MM-yyyy"], "codes": [ { "code": "SP", "category": "unauthorized" } ] }""");
        var export = Write("export.csv", "Leerlingcode;Datum;Uur;Verzuimcode\n100018;03-11-2025;1;SP\n");
        var error = Assert.Throws<UserError>(() => Exports.Load(new LoadOptions { Inputs = [export], AsOf = D("2025-12-19"), Profile = profile }));
        Assert.Equal(Setting.Profile, error.About);
        Assert.Contains("'Leerlingcode' is the pupil number in the profile and also group", error.English, StringComparison.Ordinal);
    }

    /// <summary>
    /// An empty school cell among named ones made one pupil two (its rows under the school and under none), each with
    /// part of the absence: a tier 3 became two tier 2s (an adversarial pass). The run stops, naming the file; with
    /// --school-id an empty cell is that school, and the pupil is one.
    /// </summary>
    [Fact]
    public async Task AnEmptySchoolCellAmongNamedOnes_StopsTheRun_UnlessSchoolIdSaysWhichItIs()
    {
        var rows = new List<string> { "school_id,pupil_id,date,status" };
        foreach (var (day, i) in Enumerable.Range(Midden2025.IndexOf(D("2025-09-29")), 30).Select((d, i) => (Midden2025.Date(d), i)))
            rows.Add($"{(i % 5 == 0 ? "" : "99ZZ")},100001,{day:yyyy-MM-dd},unauthorized");
        var export = Write("leeg.csv", string.Join("\n", rows) + "\n");

        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], "o1")));
        Assert.Equal(Setting.SchoolId, error.About);
        Assert.Contains("6 rows have an empty school code", error.English, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "o1")));

        using var run = await Analysis.PrepareAsync(Options([export], "o2") with { SchoolId = "99ZZ" });
        Assert.Equal(1, run.Evaluation.PupilsOnRoll);

        // A whole file without a school column beside one with (a review: 337 pupils for 193), and a pupil list with an
        // empty school cell among named ones (a phantom pupil of no school): the same stop, the same way out.
        var withSchool = Write("herfst.csv", "school_id,pupil_id,date,status\n99ZZ,100001,2025-11-03,unauthorized\n");
        var without = Write("winter.csv", "pupil_id,date,status\n100001,2025-11-10,unauthorized\n");
        Assert.Contains("winter.csv has no school column", (await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([withSchool, without], "o3")))).English, StringComparison.Ordinal);
        using (var both = await Analysis.PrepareAsync(Options([withSchool, without], "o4") with { SchoolId = "99ZZ" }))
            Assert.Equal(1, both.Evaluation.PupilsOnRoll);
        var list = Write("lijst.csv", "BRIN;Stamnr;Klas\n99ZZ;100001;2B\n;100002;2B\n");
        var listError = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([withSchool], "o5", list)));
        Assert.Equal(Setting.SchoolId, listError.About);
        Assert.Contains("1 rows have an empty 'BRIN' (the first on line 3)", listError.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previous_FromTheSameOrALaterDate_IsRefused()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(3)) + "\n");
        await Analysis.RunAsync(Options([export], "w46"));
        foreach (var asOf in new[] { D("2025-11-14"), D("2025-11-07") })
        {
            var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "w45") with { AsOf = asOf, PreviousDirectory = Path.Combine(_dir.FullName, "w46") }));
            Assert.Equal(Setting.Previous, error.About);
            Assert.Contains("2025-11-14", error.English);
        }
    }

    [Fact]
    public async Task BsnLikeValues_AreNeverShown_AsPupilNumberClassOrCode()
    {
        // 123456782 passes the BSN eleven-test. As a pupil number it is rejected; as a class or code, even for
        // three pupils, it is not shown; "Jansen, Piet" as a code for three pupils is not shown either.
        var rows = MagisterRows(6);
        rows[1] = "123456782" + rows[1][4..];
        for (var i = 2; i < rows.Count; i++)
        {
            if (rows[i].StartsWith("4702;", StringComparison.Ordinal) || rows[i].StartsWith("4703;", StringComparison.Ordinal) || rows[i].StartsWith("4704;", StringComparison.Ordinal))
                rows[i] = rows[i].Replace(";2B;", ";111000005;", StringComparison.Ordinal).Replace(";S", ";Jansen, Piet", StringComparison.Ordinal).Replace(";Z", ";Jansen, Piet", StringComparison.Ordinal);
        }
        var result = await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", rows) + "\n")], "o"));
        var text = AllText(Path.Combine(_dir.FullName, "o")) + string.Join("\n", result.Summary);
        foreach (var value in new[] { "123456782", "111000005", "Jansen" })
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        Assert.True(AanwezigheidsAnalyse.Ingestion.Disclosure.HoldsBsn("123456782"u8));
        Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.HoldsBsn("100000000"u8));
    }

    /// <summary>A BSN with something beside it (a suffix, a school code before it) is a BSN; ten digits in a row are not.</summary>
    [Theory]
    [InlineData("123456782-01", true)]
    [InlineData("1-123456782", true)]
    [InlineData("00AA 123456782", true)]
    [InlineData("123.456.782", true)]
    [InlineData("A123456782", true)]
    [InlineData("1234567820", false)]
    [InlineData("123456783-01", false)]
    [InlineData("00AA 1234567820", false)]
    [InlineData("100003", false)]
    [InlineData("a71a56c6-60bb-4aee-a516-093181012ad6", false)] // a UUID whose digits pass by chance: no BSN
    [InlineData("00AA-123456782", true)]                        // a school code of A–F letters beside a BSN is no UUID
    [InlineData("123.456.782-01", true)]                        // grouped as BSNs are written, with a suffix
    [InlineData("1234.56.782/2", true)]
    [InlineData("BSN 123 456 782 (moeder)", true)]
    [InlineData("123-456-782-01", true)]
    [InlineData("123\u00a0456\u00a0782-01", true)]                // no-break spaces, as Excel groups digits
    [InlineData("123\u202f456\u202f782", true)]
    [InlineData("123_456_782_01", true)]                        // other separators (an adversarial pass)
    [InlineData("123\u2013456\u2013782\u201301", true)]           // en dashes, as Word writes them
    [InlineData("2025/123/456/782", true)]
    [InlineData("123\u2009456\u2009782-01", true)]
    [InlineData("123..456..782.01", true)]
    [InlineData("3A 123 - 456 - 782-01", true)]
    [InlineData("123\u2011456\u2011782-01", true)]                // Word's non-breaking hyphen (an adversarial pass)
    [InlineData("1234\u200b56782-01", true)]                      // a zero-width space
    [InlineData("1234\u00ad56782", true)]                         // a soft hyphen
    [InlineData("01/09/2025 08:30", false)]
    [InlineData("01-09-2025 08:30", false)]
    [InlineData("06-1234-5678", false)]
    [InlineData("123.456.7820", false)]
    [InlineData("01.09.2025-02", false)]
    [InlineData("2025 123 45", false)]
    public void Bsn_BesideOtherCharacters_IsFound(string value, bool bsn)
    {
        Assert.Equal(bsn, AanwezigheidsAnalyse.Ingestion.Disclosure.HoldsBsn(System.Text.Encoding.UTF8.GetBytes(value).AsSpan()));
        Assert.Equal(bsn, AanwezigheidsAnalyse.Ingestion.Disclosure.HoldsBsn(value.AsSpan()));
        if (bsn)
        {
            Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.LooksLikeSchoolId(System.Text.Encoding.UTF8.GetBytes(value)));
            Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.LooksLikePupilId(System.Text.Encoding.UTF8.GetBytes(value)));
            Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.MayShowRejected(value, dateColumn: true));
            Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.MayShowRejected(value, dateColumn: false));
        }
    }

    /// <summary>A rejected date that is a BSN written as a date with a time is not shown in rejects.csv (an adversarial pass).</summary>
    [Fact]
    public void ABsnWrittenAsADateWithATime_IsNotShown()
    {
        Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.MayShowRejected("1234-5-6 782", dateColumn: true));
        Assert.True(AanwezigheidsAnalyse.Ingestion.Disclosure.MayShowRejected("2025-13-45 08:30", dateColumn: true));
    }

    /// <summary>A BSN in a file or folder name went into run.json, the report and every row of rejects.csv (an adversarial pass).</summary>
    [Fact]
    public async Task ABsnInAnInputsName_IsRefused_AndNotRepeated()
    {
        var export = Write("verzuim 123456782.csv", string.Join("\n", MagisterRows(3)) + "\n");
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], "bsn")));
        Assert.Equal(Setting.Inputs, error.About);
        Assert.DoesNotContain("123456782", error.In(Language.Dutch) + error.In(Language.English), StringComparison.Ordinal);
        Assert.Contains("BSN", error.In(Language.Dutch), StringComparison.Ordinal);
        // A temporary name with a GUID, whose digits may pass the test by chance, is no BSN.
        Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.PathHoldsBsn("/tmp/t-a71a56c6-60bb-4aee-a516-093181012ad6/e.csv"));
        Assert.False(AanwezigheidsAnalyse.Ingestion.Disclosure.PathHoldsBsn("/tmp/export-a71a56c660bb4aeea516093181012ad6.csv"));
    }

    /// <summary>
    /// A BSN in the output folder's name (echoed by the console) or in a run's folder given to collect (written into the
    /// Taskforce's catalogue as the run's source) is refused as in an input's name (an adversarial pass).
    /// </summary>
    [Fact]
    public async Task ABsnInTheOutputsOrACollectedRunsName_IsRefused_AndNotRepeated()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(6)) + "\n");
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], "123456782")));
        Assert.Equal(Setting.Output, error.About);
        Assert.DoesNotContain("123456782", error.In(Language.Dutch) + error.In(Language.English), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "123456782")));
        // Last week's folder goes into run.json, a research command's --out onto the console (a review).
        var previous = Directory.CreateDirectory(Path.Combine(_dir.FullName, "123456782", "vorige")).FullName;
        Assert.Equal(Setting.Previous, (await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], "w") with { PreviousDirectory = previous }))).About);
        var patterns = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Research.Patterns.Run(new AanwezigheidsAnalyse.Research.PatternsOptions { Years = [new AanwezigheidsAnalyse.Ingestion.LoadOptions { Inputs = [export], AsOf = T.Date }] }, Path.Combine(_dir.FullName, "123456782", "patronen")));
        Assert.Equal(Setting.Output, patterns.About);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "w")) || Directory.Exists(Path.Combine(_dir.FullName, "123456782", "patronen")));

        var key = Write("k.txt", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
        await Analysis.RunAsync(Options([export], "run") with { PseudonymizeKeyFile = key, Charts = false, Partitioned = true, SchoolId = "12AB" });
        var named = Path.Combine(_dir.FullName, "leerling-123456782");
        Directory.Move(Path.Combine(_dir.FullName, "run"), named);
        var dataset = Path.Combine(_dir.FullName, "regio");
        error = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Taskforce.Collection.Run(new AanwezigheidsAnalyse.Taskforce.CollectOptions { Inputs = [named], Into = dataset }));
        Assert.Equal(Setting.Inputs, error.About);
        Assert.DoesNotContain("123456782", error.In(Language.Dutch) + error.In(Language.English), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataset));
        // The same run under a plain name is taken: what was refused was the name.
        var plain = Path.Combine(_dir.FullName, "week51");
        Directory.Move(named, plain);
        AanwezigheidsAnalyse.Taskforce.Collection.Run(new AanwezigheidsAnalyse.Taskforce.CollectOptions { Inputs = [plain], Into = dataset });
        Assert.True(File.Exists(Path.Combine(dataset, AanwezigheidsAnalyse.Taskforce.Collection.CatalogueName)));
    }

    [Fact]
    public async Task Previous_MadeWithAnotherKey_IsRefused_NotShownAsAllNew()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(3)) + "\n");
        await Analysis.RunAsync(Options([export], "keyed", key: Write("k.txt", "0f1e2d3c4b5a69788796a5b4c3d2e1f0")) with { AsOf = D("2025-11-07") });
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "plain") with { PreviousDirectory = Path.Combine(_dir.FullName, "keyed") }));
        Assert.Equal(Setting.Previous, error.About);
        Assert.Contains("--pseudonymize-key", error.English);
    }

    /// <summary>
    /// Last week's folder with a folder in it that cannot be written (made read-only, kept as sent) was swapped out all the
    /// same and left under a hidden name with its pupils' charts, while the run exited 0 (an adversarial pass). Now the
    /// run stops first, and the folder is as it was. Root ignores permissions, so the folder is made immutable
    /// (<c>chattr +i</c>), which binds root too; where the file system cannot, there is nothing to test.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOutputFolderThatCannotBeRemoved_StopsTheRun_Untouched(bool deep)
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(6)) + "\n");
        var options = Options([export], "vast") with { Partitioned = true };
        await Analysis.RunAsync(options);
        // A folder right in the output, or one four levels down (a review: only the first level was tried).
        var charts = deep ? Directory.EnumerateDirectories(Path.Combine(options.OutputDirectory, "datasets"), "as_of=*", SearchOption.AllDirectories).First() : Path.Combine(options.OutputDirectory, "charts");
        if (!Chattr("+i", charts))
            return;
        try
        {
            var before = Directory.GetFileSystemEntries(_dir.FullName).Order().ToList();
            var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options));
            Assert.Equal(Setting.Output, error.About);
            Assert.Equal(before, Directory.GetFileSystemEntries(_dir.FullName).Order().ToList());
        }
        finally
        {
            Chattr("-i", charts);
        }

        static bool Chattr(string flag, string path)
        {
            try
            {
                using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
                process.WaitForExit();
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false; // no chattr
            }
        }
    }

    /// <summary>The file that tries whether a folder can be written, left by a run killed at that moment, does not make the folder someone else's (a review).</summary>
    [Fact]
    public async Task AWriteProbeAKilledRunLeft_IsCleared()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(6)) + "\n");
        var options = Options([export], "proef");
        await Analysis.RunAsync(options);
        File.WriteAllText(Path.Combine(options.OutputDirectory, "charts", ".aanwezigheid-schrijfproef-0123456789abcdef0123456789abcdef"), "");

        await Analysis.RunAsync(options);

        Assert.Empty(Directory.EnumerateFiles(options.OutputDirectory, ".aanwezigheid-schrijfproef-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task OutAsALinkToAFolder_WritesIntoTheFolder_AndKeepsTheLink()
    {
        var real = Directory.CreateDirectory(Path.Combine(_dir.FullName, "real"));
        var link = Path.Combine(_dir.FullName, "link");
        Directory.CreateSymbolicLink(link, real.FullName);
        await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(3)) + "\n")], "link"));
        Assert.NotNull(new DirectoryInfo(link).LinkTarget);
        Assert.True(File.Exists(Path.Combine(real.FullName, "run.json")));
    }

    [Fact]
    public async Task OutAsALinkToNothing_IsRefused_AsALink_NotAsAFile()
    {
        // A share not mounted, a folder moved away, or links in a loop: neither made anew nor replaced by a folder.
        var export = Write("e.csv", string.Join("\n", MagisterRows(3)) + "\n");
        var dangling = Path.Combine(_dir.FullName, "dangling");
        File.CreateSymbolicLink(dangling, Path.Combine(_dir.FullName, "moved-away"));
        var loop = Path.Combine(_dir.FullName, "loop");
        File.CreateSymbolicLink(loop, Path.Combine(_dir.FullName, "loop2"));
        File.CreateSymbolicLink(Path.Combine(_dir.FullName, "loop2"), loop);
        foreach (var link in new[] { "dangling", "loop" })
        {
            var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], link)));
            Assert.Equal(Setting.Output, error.About);
            Assert.Contains("is a link to", error.English, StringComparison.Ordinal);
            Assert.NotNull(new FileInfo(Path.Combine(_dir.FullName, link)).LinkTarget);
        }
        Assert.False(Path.Exists(Path.Combine(_dir.FullName, "moved-away")));
        var file = Write("a-file", "x");
        Assert.Contains("is a file", Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Internals.OutputFolder.RefuseFile(file, file, Setting.Dataset)).English, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFile_ThatIsADeviceOrHuge_IsRefused()
    {
        var huge = Path.Combine(_dir.FullName, "huge.key");
        File.WriteAllBytes(huge, RandomNumberGenerator.GetBytes(1 << 20));
        Assert.Equal(Setting.PseudonymizeKey, Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(huge)).About);
        if (File.Exists("/dev/urandom"))
            Assert.Equal(Setting.PseudonymizeKey, Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile("/dev/urandom")).About);
    }

    [Fact]
    public void Generate_NeverWritesOverAFile()
    {
        var existing = Write("existing.csv", "mine");
        var error = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Synthetic.Generator.Write(new AanwezigheidsAnalyse.Synthetic.GeneratorOptions { Pupils = 5 }, existing));
        Assert.Equal(Setting.Output, error.About);
        Assert.Equal("mine", File.ReadAllText(existing));
        var same = Path.Combine(_dir.FullName, "same.csv");
        Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Synthetic.Generator.Write(new AanwezigheidsAnalyse.Synthetic.GeneratorOptions { Pupils = 5 }, same, same));
    }

    [Fact]
    public void LastRowInAnotherSeparator_IsRejected_NotTakenForAFooter()
    {
        var text = "school_id,pupil_id,date,status\n99ZZ,1,2025-11-03,sick\n99ZZ;2;2025-11-04;sick\n";
        var file = Ingest(text, T.Date).Ingest.Files[0];
        Assert.Equal(1, file.Rejected);
        Assert.False(file.IgnoredBy.ContainsKey(IgnoreReason.Footer));
    }

    [Fact]
    public async Task SchoolIdWithControlCharacters_IsRefused_AndARefusedRunLeavesNoLockFile()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n");
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "o") with { SchoolId = "AB\u001b[31mCD" }));
        Assert.Equal(Setting.SchoolId, error.About);
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "full"));
        File.WriteAllText(Path.Combine(_dir.FullName, "full", "mine.txt"), "mine");
        await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "full")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.FullName, ".*"));
    }

    [Fact]
    public async Task OutAsTheWorkingFolder_OrHoldingAnInputThroughALink_IsRefused()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n");
        var here = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], Environment.CurrentDirectory)));
        Assert.Equal(Setting.Output, here.About);

        await Analysis.RunAsync(Options([export], "o"));
        var link = Path.Combine(_dir.FullName, "last-rejects.csv");
        File.CreateSymbolicLink(link, Path.Combine(_dir.FullName, "o", "rejects.csv"));
        var linked = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "o") with { PupilsFile = link }));
        Assert.Equal(Setting.Output, linked.About);
    }

    [Fact]
    public async Task OutputFolder_IsCheckedWhole_SystemFilesAside_AndNoRunNestsInAnother()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n");
        await Analysis.RunAsync(Options([export], "o"));
        var folder = Path.Combine(_dir.FullName, "o");
        // A file of the user's deep inside: refused, named, kept.
        File.WriteAllText(Path.Combine(folder, "charts", "verslag-zorgoverleg.docx"), "mine");
        var error = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "o")));
        Assert.Contains("charts/verslag-zorgoverleg.docx", error.English);
        Assert.True(File.Exists(Path.Combine(folder, "charts", "verslag-zorgoverleg.docx")));
        File.Delete(Path.Combine(folder, "charts", "verslag-zorgoverleg.docx"));
        // What Finder and Explorer put there does not stop a run; an office lock file says what to do.
        File.WriteAllText(Path.Combine(folder, ".DS_Store"), "");
        File.WriteAllText(Path.Combine(folder, "charts", "Thumbs.db"), "");
        await Analysis.RunAsync(Options([export], "o"));
        File.WriteAllText(Path.Combine(folder, "~$rejects.csv"), "");
        var open = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], "o")));
        Assert.Contains("open in another program", open.English);
        File.Delete(Path.Combine(folder, "~$rejects.csv"));
        // A run inside another run's folder would be deleted by that folder's next run.
        var nested = await Assert.ThrowsAnyAsync<UserError>(() => Analysis.RunAsync(Options([export], Path.Combine("o", "charts", "x"))));
        Assert.Equal(Setting.Output, nested.About);
    }

    [Fact]
    public async Task AFolderNamedLikeStaging_IsLeftAlone_AndStagingOfOtherKilledRunsIsCleared()
    {
        var export = Write("e.csv", string.Join("\n", MagisterRows(2)) + "\n");
        var mine = Directory.CreateDirectory(Path.Combine(_dir.FullName, ".o.aanwezigheid-nieuw-x"));
        File.WriteAllText(Path.Combine(mine.FullName, "important.txt"), "mine");
        // What a run into another folder left when it was killed: outputs only, its lock free.
        var stale = Directory.CreateDirectory(Path.Combine(_dir.FullName, ".w49.aanwezigheid-nieuw-0123"));
        File.WriteAllText(Path.Combine(stale.FullName, "rejects.csv"), "file;line\n");
        await Analysis.RunAsync(Options([export], "o"));
        Assert.True(File.Exists(Path.Combine(mine.FullName, "important.txt")));
        Assert.False(Directory.Exists(stale.FullName));
    }

    [Fact]
    public async Task AnExportOfAHeaderAlone_IsNothingToAnalyse_NotAnEmptySchool()
    {
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([Write("leeg.csv", "school_id,pupil_id,date,slot,status\n\n")], "o")));

        Assert.Contains("geen enkele regel onder de kopregel", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "o", "pupils.parquet")));
        // Rows that are there but ignored by their code are rows: not "nothing below the header".
        var ignored = await Record.ExceptionAsync(() => Analysis.RunAsync(Options([Write("genegeerd.csv", "school_id,pupil_id,date,slot,status\n00AA,1,2025-11-03,1,ignore\n00AA,2,2025-11-03,1,ignore\n")], "o2")));
        Assert.False(ignored is UserError e && e.In(Language.Dutch).Contains("onder de kopregel", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("school_id,pupil_id,pupil_id,date,slot,status\n00AA,1,2,2025-11-03,1,sick\n", "pupil_id")]
    [InlineData("school_id,pupil_id,date,slot,Status,status\n00AA,1,2025-11-03,1,sick,present\n", "Status")]
    public void AColumnReadTwiceUnderOneName_IsRefused_NotGuessed(string text, string column)
    {
        var error = Assert.Throws<UserError>(() => Ingest(text, T.Date));

        Assert.Contains($"'{column}' staat twee keer", error.In(Language.Dutch), StringComparison.Ordinal);
    }

    [Fact]
    public void ARejectedValueOutsideADateColumn_IsShownOnlyWhenItCannotBePersonal()
    {
        // A birth date and phone numbers typed into the slot and date columns, beside a slot that is simply out of range.
        var read = Ingest("pupil_id,date,slot,status\n1,2025-11-03,14-03-2011,sick\n1,2025-11-03,06-12345678,sick\n1,2025-11-03,06-12-34-56-78,sick\n"
            + "1,06-1234-5678,1,sick\n1,2025-11-03,99,sick\n1,31-11-2025,1,sick\n1,2025-11-03,08:30-09:20,sick\n1,2025/13/01 08:30,1,sick\n", T.Date);

        Assert.DoesNotContain("14-03-2011", read.Rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", read.Rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("06-12-34-56-78", read.Rejects, StringComparison.Ordinal); // grouped digits make no run, but ten of them
        Assert.DoesNotContain("06-1234-5678", read.Rejects, StringComparison.Ordinal);
        Assert.Contains(";99;", read.Rejects, StringComparison.Ordinal);
        Assert.Contains(";31-11-2025;", read.Rejects, StringComparison.Ordinal); // in the date column a bad date is what to fix
        Assert.Contains(";08:30-09:20;", read.Rejects, StringComparison.Ordinal); // a time range is no phone number
        Assert.Contains(";2025/13/01 08:30;", read.Rejects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutputFolderBelowAFile_IsSaidSo_NotInTheSystemsWords()
    {
        var export = Write("e.csv", "pupil_id,date,status\n1,2025-11-03,sick\n");
        var file = Write("geen-map", "tekst");

        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], Path.Combine(file, "uit"))));

        Assert.Equal(Setting.Output, error.About);
        Assert.Contains("is een bestand, geen map", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.Equal("tekst", File.ReadAllText(file));
    }

    [Fact]
    public async Task TheSameExportGivenTwice_IsSaid()
    {
        var export = Write("e.csv", "pupil_id,date,status\n1,2025-11-03,sick\n2,2025-11-04,sick\n");
        var copy = Write("kopie.csv", File.ReadAllText(export));

        var result = await Analysis.RunAsync(Options([export, copy], "o"));

        Assert.Contains(result.Manifest.Warnings, w => w.Contains("are the same file", StringComparison.Ordinal) && w.Contains("kopie.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileWrittenBelowAFile_IsSaidSo_NotByItsTemporaryName()
    {
        var file = Write("geen-map", "tekst");

        var error = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Internals.AtomicFile.WriteAllText(Path.Combine(file, "x.csv"), "a"));

        Assert.Contains("is geen bestaande map", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error.In(Language.Dutch), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Dutch, "het veld 'name' staat er twee keer")]
    [InlineData(Language.English, "the field 'name' is there twice")]
    public void AFieldGivenTwice_InADataFile_IsNamed(Language language, string expected)
    {
        var policy = Write("dubbel.json", """{"name":"a","name":"b","criteria":{},"tiers":[]}""");
        var error = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Rules.Policy.Load(policy));
        Assert.Contains(expected, error.In(language), StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJson_InEnglish_SaysNoPlaceOfItsOwn()
    {
        var policy = Write("kapot.json", "{name: 1}");
        var english = Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Rules.Policy.Load(policy)).In(Language.English);
        Assert.DoesNotContain("LineNumber", english, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", english, StringComparison.Ordinal);
        Assert.Contains("line 1", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutputFolderNameTooLong_IsSaidSo_NotThatAnotherRunIsBusy()
    {
        var export = Write("e.csv", "pupil_id,date,status\n1,2025-11-03,sick\n");

        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options([export], new string('u', 300))));

        Assert.Contains("kan niet geschreven worden", error.In(Language.Dutch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExcelTextNumbers_AreReadAsTheirText()
    {
        // The ="…" is Excel's, the number the pupil's: in its one spelling, the leading zeros are not part of it.
        var text = "pupil_id,date,status\n=\"000123\",2025-11-03,sick\n";
        var read = Ingest(text, T.Date);
        Assert.Equal(1, read.Ingest.Files[0].Accepted);
        Assert.Equal("123", read.Ledger.PupilId(0));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task BsnsWrittenWithSeparators_AndNamesOrDatesAsAClassOrSchool_AreNeverShown()
    {
        var rows = MagisterRows(6);
        rows[1] = "123.456.782" + rows[1][4..];
        rows[2] = "BSN123456782" + rows[2][4..];
        rows[3] = rows[3].Replace(";03-11-2025;", ";1234 5678 2;", StringComparison.Ordinal);
        for (var i = 4; i < rows.Count; i++)
        {
            if (rows[i].StartsWith("4705;", StringComparison.Ordinal))
                rows[i] = rows[i].Replace(";2B;", ";P. Jansen 3;", StringComparison.Ordinal);
            else if (rows[i].StartsWith("4704;", StringComparison.Ordinal))
                rows[i] = rows[i].Replace(";2B;", ";12-03-2012;", StringComparison.Ordinal);
            else if (rows[i].StartsWith("4703;", StringComparison.Ordinal))
                rows[i] = rows[i].Replace(";S", ";123.456.782", StringComparison.Ordinal).Replace(";Z", ";123.456.782", StringComparison.Ordinal);
        }
        var school = MagisterRows(1, school: "Piet, Jansen");
        var result = await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", rows) + "\n"), Write("s.csv", string.Join("\n", school) + "\n")], "o"));
        var text = AllText(Path.Combine(_dir.FullName, "o")) + string.Join("\n", result.Summary);
        foreach (var value in new[] { "123.456.782", "123456782", "1234 5678 2", "Jansen", "12-03-2012" })
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PupilListSchools_AreCheckedAsExportSchoolsAre()
    {
        // One guard for a school code wherever it is read: a name or a BSN in the list's school column is a rejected row.
        var list = Write("list.csv", "BRIN;Stamnr;Klas\n99ZZ;4700;2B\n99ZZ;4701;2B\nJansen, Piet;4702;2B\n123456782;4703;2B\n");
        var result = await Analysis.RunAsync(Options([Write("e.csv", string.Join("\n", MagisterRows(2, school: "99ZZ")) + "\n")], "o", list));
        Assert.Equal(2, result.Manifest.PupilList!.Rejected);
        var text = AllText(Path.Combine(_dir.FullName, "o")) + string.Join("\n", result.Summary);
        Assert.DoesNotContain("Jansen", text);
        Assert.DoesNotContain("123456782", text);
    }

    /// <summary>A LocalDate for a static field (xunit's data needs no NodaTime here).</summary>
    private sealed record LocalDateAlias(NodaTime.LocalDate Date);
}
