using System.IO.Compression;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using System.Security.Cryptography;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Taskforce;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Taskforce;

/// <summary>The Taskforce analyst's first two commands (issue 11): collect the schools' runs, and ask them questions in SQL.</summary>
public sealed class CollectAndQueryTest : TempFolder
{
    private string Key(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
            File.WriteAllText(path, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        return path;
    }

    private string Export()
    {
        var path = PathOf("regio.csv");
        if (!File.Exists(path))
            Generator.Write(new GeneratorOptions { Pupils = 300, Schools = 3, Seed = 11, Until = new LocalDate(2025, 12, 19) }, path, null);
        return path;
    }

    /// <summary>One partitioned run of the region's three schools, as the schools hand it over.</summary>
    private async Task<string> Run(string name, string asOf, string? key = "regio.key", string policy = "kearney-nl")
    {
        var output = PathOf(name);
        await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Export()],
            AsOf = LocalDate.FromDateTime(DateTime.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)),
            OutputDirectory = output,
            Partitioned = true,
            Charts = false,
            PseudonymizeKeyFile = key is null ? null : Key(key),
            Policy = policy,
        });
        return output;
    }

    private static Dictionary<string, string> Snapshot(string folder) => !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public async Task Collect_TakesEachSchoolAndWeekOnce_AndQueryCountsWhatThePupilFilesHold()
    {
        var w50 = await Run("w50", "2025-12-12");
        var w51 = await Run("w51", "2025-12-19");
        var dataset = PathOf("regio");

        var first = Collection.Run(new CollectOptions { Inputs = [Path.Combine(w50, "datasets"), w51], Into = dataset });
        var again = Collection.Run(new CollectOptions { Inputs = [w51], Into = dataset });

        Assert.Equal((6, 0, 0), (first.Added, first.Unchanged, first.Replaced));
        Assert.Equal((0, 3, 0), (again.Added, again.Unchanged, again.Replaced));
        Assert.Equal(6, Collection.ReadCatalogue(Path.Combine(dataset, Collection.CatalogueName)).Runs.Count);

        // The naive count: every row of each run's own pupils.parquet, by school, tier and as-of date.
        var expected = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var run in new[] { w50, w51 })
        {
            foreach (var row in await ParquetDump.RowsAsync(Path.Combine(run, "pupils.parquet")))
            {
                var key = $"{row["school_id"]}|{ParquetDump.Format(row["as_of"])}|{row["tier"]}";
                expected[key] = expected.GetValueOrDefault(key) + 1;
            }
        }
        var answer = DatasetQuery.Run(dataset, "SELECT school_id, as_of, tier, count(*) AS n FROM pupils GROUP BY ALL");
        var actual = answer.Rows.ToDictionary(
            r => $"{r[0]}|{DatasetQuery.Text(r[1], Language.English)}|{r[2]}", r => Convert.ToInt64(r[3], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, new SortedDictionary<string, long>(actual, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Collect_RefusesAPlainRun_AnotherKey_AndAnotherPolicy_LeavingTheDatasetAsItWas()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var before = Snapshot(dataset);

        var plainRun = await Run("plain", "2025-12-12", key: null);
        var otherKeyRun = await Run("other", "2025-12-12", key: "andere.key");
        var plain = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [plainRun], Into = dataset }));
        var otherKey = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [otherKeyRun], Into = dataset }));
        var otherPolicy = await Run("policy", "2025-12-12", policy: "dfe-england");
        Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [otherPolicy], Into = dataset }));

        Assert.Contains("niet gepseudonimiseerd", plain.In(Language.Dutch));
        Assert.Contains("andere sleutel", otherKey.In(Language.Dutch));
        Assert.Equal(before, Snapshot(dataset));
        Assert.Equal(3, Collection.Run(new CollectOptions { Inputs = [otherPolicy], Into = dataset, AllowPolicyChange = true }).Added);
        // Trends over both says that a rise may be the policy's (it mixed the two without a word).
        var trends = Trends.Run(new TrendsOptions { Dataset = dataset, Output = PathOf("uit"), Language = Language.English });
        Assert.Contains(trends.Notes, n => n.English.Contains("more than one policy version", StringComparison.Ordinal) && n.English.Contains("dfe-england", StringComparison.Ordinal));
    }

    /// <summary>
    /// A name typed into one row's school column became a school of one pupil, and its "code" a folder of the region's
    /// dataset and a line of its catalogue (an adversarial pass). Collect refuses a school smaller than trends' smallest
    /// cell, without naming it.
    /// </summary>
    [Fact]
    public async Task Collect_RefusesASchoolOfFewerThanFivePupils_AStrayNameInTheSchoolColumn_WithoutNamingIt()
    {
        var export = PathOf("naam.csv");
        File.WriteAllText(export, File.ReadAllText(Export()) + "Zwaantje Pietersen,100001,2B,2025-10-01,1,sick\n");
        var output = PathOf("naam");
        await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [export],
            AsOf = new LocalDate(2025, 12, 19),
            OutputDirectory = output,
            Partitioned = true,
            Charts = false,
            PseudonymizeKeyFile = Key("regio.key"),
        });
        var dataset = PathOf("regio");
        var error = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [output], Into = dataset }));
        Assert.Contains("school 4 van de 4 in datasets/_manifest.json heeft maar 1 leerling", error.In(Language.Dutch));
        Assert.DoesNotContain("Zwaantje", error.In(Language.Dutch), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ZWAANTJE", string.Concat(Snapshot(dataset).Keys));
        Assert.Equal(3, Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset }).Added);
    }

    /// <summary>
    /// Two schools' exports without a school column, analysed without --school-id: the second collect replaced the first
    /// school's week ("delivered again") and the first school was gone (a regression pass). A school without a code is refused.
    /// </summary>
    [Fact]
    public async Task Collect_RefusesASchoolWithoutACode_ItWouldReplaceAnother()
    {
        var export = PathOf("zonder-code.csv");
        Generator.Write(new GeneratorOptions { Pupils = 60, Seed = 5, Until = new LocalDate(2025, 12, 19) }, export, null);
        var output = PathOf("zonder-code");
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = new LocalDate(2025, 12, 19), OutputDirectory = output, Partitioned = true, Charts = false, PseudonymizeKeyFile = Key("regio.key") });
        var dataset = PathOf("regio-zonder");

        var error = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [output], Into = dataset }));
        Assert.Contains("school 1 van de 1 in datasets/_manifest.json heeft geen schoolcode", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.Contains("--school-id", error.In(Language.English), StringComparison.Ordinal);
        Assert.DoesNotContain("pupils", Snapshot(dataset).Keys.Select(k => k.Split(Path.DirectorySeparatorChar)[0]));
    }

    [Fact]
    public async Task APlainRunWhoseManifestSaysPseudonymised_IsStillRefused_ByItsPupilKeys()
    {
        var dataset = PathOf("regio");
        var keyed = await Run("w51", "2025-12-19");
        Collection.Run(new CollectOptions { Inputs = [keyed], Into = dataset });
        var plain = await Run("plain", "2025-12-12", key: null);
        // The school's manifest claims the region's key; its files hold pupil numbers.
        File.Copy(Path.Combine(keyed, "datasets", AanwezigheidsAnalyse.Output.DatasetManifest.FileName), Path.Combine(plain, "datasets", AanwezigheidsAnalyse.Output.DatasetManifest.FileName), overwrite: true);
        var manifest = File.ReadAllText(Path.Combine(plain, "datasets", AanwezigheidsAnalyse.Output.DatasetManifest.FileName)).Replace("2025-12-19", "2025-12-12", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(plain, "datasets", AanwezigheidsAnalyse.Output.DatasetManifest.FileName), manifest);
        var before = Snapshot(dataset);

        var error = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [plain], Into = dataset }));

        Assert.Contains("niet gepseudonimiseerd", error.In(Language.Dutch));
        Assert.Equal(before, Snapshot(dataset));
    }

    [Fact]
    public async Task AZip_IsTakenByTheRunsFiles_AndNothingClimbsOutOfIt()
    {
        var w51 = await Run("w51", "2025-12-19");
        var zip = PathOf("school.zip");
        ZipFile.CreateFromDirectory(w51, zip);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(archive.CreateEntry("../../ontsnapt.txt").Open());
            writer.Write("mag niet");
        }

        var result = Collection.Run(new CollectOptions { Inputs = [zip], Into = PathOf("regio") });

        Assert.Equal(3, result.Added);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "ontsnapt.txt")));
        Assert.False(File.Exists(PathOf("ontsnapt.txt")));
    }

    /// <summary>Two weeks zipped together: one of them was taken and the other dropped, by the order of the zip's entries.</summary>
    [Fact]
    public async Task AZipOfTwoRuns_IsRefused_AndNothingIsTaken()
    {
        var w50 = await Run("w50", "2025-12-12");
        var w51 = await Run("w51", "2025-12-19");
        var both = PathOf("beide");
        foreach (var (run, name) in new[] { (w50, "2025-12-12"), (w51, "2025-12-19") })
            CopyFolder(run, Path.Combine(both, name));
        var zip = PathOf("twee.zip");
        ZipFile.CreateFromDirectory(both, zip);
        var dataset = PathOf("regio");

        var error = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [zip], Into = dataset }));

        Assert.Contains("bevat 2 runs", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataset, Collection.CatalogueName)));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Theory]
    [InlineData("COPY pupils TO '/tmp/aanwezigheid-copy.csv'")]
    [InlineData("SELECT 1; DROP VIEW pupils")]
    [InlineData("SELECT * FROM read_csv('/etc/hostname')")]
    [InlineData("ATTACH '/tmp/x.db'")]
    public async Task Query_OnlyReadsTheDataset(string sql)
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });

        Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, sql));
        Assert.False(File.Exists("/tmp/aanwezigheid-copy.csv"));
    }

    /// <summary>The README's five example questions, as written there.</summary>
    private static IEnumerable<string> ReadmeQuestions([System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "README.md"));
        var block = System.Text.RegularExpressions.Regex.Match(readme, "```sql\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        return block.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("--", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOlderCopyOfAWeek_DoesNotReplaceTheSchoolsReRun_AndFoldersTheManifestDoesNotName_AreSaid()
    {
        var dataset = PathOf("regio");
        var first = await Run("w51-eerst", "2025-12-19");
        // The school corrects its export and runs the week again: other data, same school and week, made later.
        File.Delete(Export());
        Generator.Write(new GeneratorOptions { Pupils = 300, Schools = 3, Seed = 12, Until = new LocalDate(2025, 12, 19) }, PathOf("regio.csv"), null);
        var rerun = await Run("w51-opnieuw", "2025-12-19");
        Collection.Run(new CollectOptions { Inputs = [rerun], Into = dataset });
        var taken = Directory.GetFiles(Path.Combine(dataset, "pupils"), "*.parquet", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();

        // The first run's zip turns up later, with a folder of another school slipped into it.
        var extra = Path.Combine(first, "datasets", "pupils", "school_id=99ZZ", "as_of=2025-12-19");
        Directory.CreateDirectory(extra);
        File.Copy(Directory.GetFiles(Path.Combine(first, "datasets", "pupils"), "*.parquet", SearchOption.AllDirectories)[0], Path.Combine(extra, "part-0.parquet"));
        var result = Collection.Run(new CollectOptions { Inputs = [first], Into = dataset });

        Assert.Equal((0, 0, 3), (result.Added, result.Replaced, result.Older));
        Assert.Equal(taken, Directory.GetFiles(Path.Combine(dataset, "pupils"), "*.parquet", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList());
        Assert.Contains(result.Lines, line => line.Contains("latere run", StringComparison.Ordinal));
        Assert.Contains(result.Lines, line => line.Contains("1 map(pen)", StringComparison.Ordinal) && !line.Contains("99ZZ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(dataset, "pupils", "school_id=99ZZ")));
    }

    [Fact]
    public async Task Query_ASemicolonInAStringOrAComment_IsData_ASecondStatementIsNot()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });

        Assert.Equal("a;b", DatasetQuery.Run(dataset, "SELECT 'a;b' AS x -- ; no second statement").Rows[0][0]);
        Assert.Equal("it's;", DatasetQuery.Run(dataset, "SELECT 'it''s;' AS \"x;y\"").Rows[0][0]);
        Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, "SELECT 'a;b'; SELECT 1"));
        Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, "SELECT 1 /* ; */ ; DROP VIEW pupils"));
    }

    [Fact]
    public async Task TheReadmesQuestions_AllRun_AndAnswer()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w50", "2025-12-12"), await Run("w51", "2025-12-19")], Into = dataset });

        Trends.Run(new TrendsOptions { Dataset = dataset }); // into the dataset: the views trends and schools

        var questions = ReadmeQuestions().ToList();

        Assert.Equal(7, questions.Count);
        var answers = questions.Select(sql => DatasetQuery.Run(dataset, sql)).ToList();
        Assert.All(answers, answer => Assert.NotEmpty(answer.Columns));
        // A generated autumn of 300 pupils may have no thuiszitter yet; every other question has an answer.
        Assert.True(answers.Count(a => a.Rows.Count > 0) >= 6);
        // Collecting again beside what trends wrote: the same runs, already there.
        var runs = Collection.ReadCatalogue(Path.Combine(dataset, Collection.CatalogueName)).Runs.Count;
        Collection.Run(new CollectOptions { Inputs = [PathOf("w51")], Into = dataset });
        Assert.Equal(runs, Collection.ReadCatalogue(Path.Combine(dataset, Collection.CatalogueName)).Runs.Count);
    }

    [Fact]
    public async Task Reconcile_FindsEachOfTheThreeGroups_ExactlyAsPlanted()
    {
        // A region into March, so that there are thuiszitters and LR-50 pupils; analysed once plain (the school's view,
        // whose pupil numbers the regional list uses) and once keyed and collected (the Taskforce's view).
        var export = PathOf("maart.csv");
        Generator.Write(new GeneratorOptions { Pupils = 900, Schools = 3, Seed = 11, Until = new LocalDate(2026, 3, 20) }, export, null);
        async Task<string> Analyse(string name, string? key)
        {
            await Analysis.RunAsync(new AnalyzeOptions
            {
                Inputs = [export],
                AsOf = new LocalDate(2026, 3, 20),
                OutputDirectory = PathOf(name),
                Partitioned = key is not null,
                Charts = false,
                PseudonymizeKeyFile = key is null ? null : Key(key),
            });
            return PathOf(name);
        }
        var plain = await Analyse("plain", null);
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Analyse("keyed", "regio.key")], Into = dataset });

        string[] atHome = ["TZ-0", "TZ-LPW", "TZ-3M", "LR-50"];
        var signals = await ParquetDump.RowsAsync(Path.Combine(plain, "signals.parquet"));
        var computed = signals.Where(r => atHome.Contains((string)r["criterion_id"]!)).Select(r => ((string)r["school_id"]!, (string)r["pupil_key"]!)).Distinct().Order().ToList();
        var notComputed = (await ParquetDump.RowsAsync(Path.Combine(plain, "pupils.parquet")))
            .Select(r => ((string)r["school_id"]!, (string)r["pupil_key"]!)).Where(p => !computed.Contains(p)).Order().Take(3).ToList();
        Assert.True(computed.Count >= 4, "the planted region should have thuiszitters");
        var both = computed.Take(computed.Count / 2).ToList();
        var onlyComputed = computed.Skip(both.Count).ToList();
        var onlyOnList = notComputed.Append(("00AA", "999999")).ToList(); // and one the data do not know
        var list = PathOf("thuiszitters.csv");
        // The list as a spreadsheet keeps it: a leading zero before some numbers, some BRIN codes in lower case.
        // And the first pupil on both twice more: with Dutch Excel's thousands separators, and as its pseudonym in capitals.
        var keys = AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Key("regio.key"));
        var again = both[0];
        string[] twice = [$"{long.Parse(again.Item2, System.Globalization.CultureInfo.InvariantCulture).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))};{again.Item1};2026-01-12;thuiszitter",
            $"{keys.KeyOf(again.Item1, again.Item2).ToUpperInvariant()};{again.Item1};2026-01-12;thuiszitter"];
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds;Categorie", .. both.Concat(onlyOnList).Select((p, i) => i % 2 == 0 ? $"0{p.Item2};{p.Item1.ToLowerInvariant()};2026-01-12;thuiszitter" : $"{p.Item2};{p.Item1};2026-01-12;thuiszitter"), .. twice]);

        var pupils = Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = PathOf("vergelijking.csv") });

        List<(string, string)> Keyed(IEnumerable<(string School, string Pupil)> ps) => [.. ps.Select(p => (p.School, keys.KeyOf(p.School, p.Pupil))).Order()];
        List<(string, string)> Group(ReconcileGroup g) => [.. pupils.Where(p => p.Group == g).Select(p => (p.SchoolId, p.PupilKey)).Order()];
        Assert.Equal(Keyed(both), Group(ReconcileGroup.Both));
        Assert.Equal(Keyed(onlyComputed), Group(ReconcileGroup.OnlyComputed));
        Assert.Equal(Keyed(onlyOnList), Group(ReconcileGroup.OnlyOnList));
        Assert.All(pupils.Where(p => p.Group == ReconcileGroup.OnlyOnList), p => Assert.NotEmpty(p.WhatWeSee));
        // The CSV for Excel holds pseudonyms only: no pupil number of the list reaches it.
        var csv = File.ReadAllText(PathOf("vergelijking.csv"));
        Assert.All(both.Concat(onlyOnList), p => Assert.DoesNotContain($";{p.Item2};", csv));
    }

    [Fact]
    public async Task ALinkOrADamagedFileInARun_IsRefused_AndTheDatasetStaysAsItWas()
    {
        var dataset = PathOf("regio");
        var good = await Run("w51", "2025-12-19");
        Collection.Run(new CollectOptions { Inputs = [good], Into = dataset });
        var before = Snapshot(dataset);
        var partition = Directory.EnumerateFiles(Path.Combine(good, "datasets", "pupils"), "part-0.parquet", SearchOption.AllDirectories).First();

        File.Move(partition, partition + ".echt");
        File.CreateSymbolicLink(partition, "/etc/hostname");
        var link = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [good], Into = dataset }));
        File.Delete(partition);
        File.WriteAllBytes(partition, File.ReadAllBytes(partition + ".echt")[..100]);
        var damaged = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [good], Into = dataset }));
        // Scrambled inside, its magic bytes at both ends intact (Parquet.Net's Thrift decoder fails, not its checks).
        var scrambled = File.ReadAllBytes(partition + ".echt");
        for (var i = 100; i < scrambled.Length - 100; i++)
            scrambled[i] ^= 0x5A;
        File.WriteAllBytes(partition, scrambled);
        var inside = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [good], Into = dataset }));

        Assert.Contains("koppeling", link.In(Language.Dutch));
        Assert.Contains("niet te lezen", damaged.In(Language.Dutch));
        Assert.Contains("niet te lezen", inside.In(Language.Dutch));
        Assert.Equal(before, Snapshot(dataset));
    }

    [Fact]
    public async Task Query_MakesOnlyTheViewsItNames_SoADamagedSignalsPartitionDoesNotStopAPupilsQuestion()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        Trends.Run(new TrendsOptions { Dataset = dataset });
        string[] all = ["pupils", "schools", "signals", "trends", "weekly"];

        // Naming no view (SHOW TABLES, information_schema) makes them all.
        Assert.Equal(all, DatasetQuery.Run(dataset, "SHOW TABLES").Rows.Select(r => (string)r[0]!).Order(StringComparer.Ordinal));
        Assert.Equal(all, DatasetQuery.Run(dataset, "SELECT table_name FROM information_schema.tables ORDER BY 1").Rows.Select(r => (string)r[0]!));
        var pupils = DatasetQuery.Run(dataset, "SELECT count(*) FROM pupils").Rows[0][0];

        var partition = Directory.EnumerateFiles(Path.Combine(dataset, "signals"), "*.parquet", SearchOption.AllDirectories).First();
        File.WriteAllBytes(partition, File.ReadAllBytes(partition)[..100]);

        Assert.Equal(pupils, DatasetQuery.Run(dataset, "SELECT count(*) FROM PUPILS").Rows[0][0]);
        Assert.Single(DatasetQuery.Run(dataset, "SELECT count(*) FROM trends, schools").Rows);
        Assert.Contains("beschadigd", Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, "SELECT count(*) FROM signals")).In(Language.Dutch));
        Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, "SHOW TABLES"));
    }

    [Fact]
    public async Task Query_QuestionsAboutTheViews_OrNamingThemInTextOrAtRunTime_SeeThemAll()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        Trends.Run(new TrendsOptions { Dataset = dataset });
        long Count(string sql) => Convert.ToInt64(DatasetQuery.Run(dataset, sql).Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);

        // A view's name in a string, a comment or an alias is not a use of it: the catalogue still lists all five.
        Assert.Equal(4, Count("SELECT count(*) FROM information_schema.tables WHERE table_name <> 'trends'"));
        Assert.Equal(5, Count("SELECT count(*) AS views FROM information_schema.tables -- besides trends"));
        Assert.Equal(5, Count("SELECT count(*) AS schools FROM information_schema.tables"));
        Assert.Equal(3, Count("SELECT count(*) FROM duckdb_views() WHERE NOT internal AND view_name NOT IN ('schools', 'trends')"));
        // A table named at run time, beside one named in the text; a quoted name; a name only in a string is no use.
        var pupils = Count("SELECT count(*) FROM pupils");
        Assert.Equal(pupils, Count("SELECT count(*) FROM query_table('pup' || 'ils'), (SELECT 1 FROM trends LIMIT 1)"));
        Assert.Equal(pupils, Count("SELECT count(*) FROM \"pupils\""));
        Assert.Equal(["weekly"], DatasetQuery.ViewsNamed("SELECT count(*) FROM Weekly WHERE 'pupils' <> '' /* signals */ -- trends"));
        Assert.Equal(["pupils", "schools"], DatasetQuery.ViewsNamed("SELECT * FROM \"pupils\" JOIN schools USING (school_id)")!.Order());
        Assert.Null(DatasetQuery.ViewsNamed("SHOW TABLES"));
        // --parquet of a question that ends in a comment.
        DatasetQuery.ToParquet(dataset, "SELECT count(*) AS n FROM pupils -- all of them", PathOf("n.parquet"));
        Assert.Equal(pupils, Convert.ToInt64((await ParquetDump.RowsAsync(PathOf("n.parquet")))[0]["n"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Into_ARunOrAFolderOfOtherFiles_IsRefused()
    {
        var run = await Run("w51", "2025-12-19");
        var other = Directory.CreateDirectory(PathOf("mijn-map")).FullName;
        File.WriteAllText(Path.Combine(other, "notities.txt"), "van mij");

        Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [run], Into = run }));
        Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [run], Into = Path.Combine(run, "datasets") }));
        Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [run], Into = other }));
        Assert.Equal(["notities.txt"], Directory.EnumerateFileSystemEntries(other).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Query_WritesOutsideTheDatasetOnly_AndExcelGetsNumbersAsNumbers()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var catalogue = File.ReadAllText(Path.Combine(dataset, Collection.CatalogueName));

        Assert.Throws<UserError>(() => DatasetQuery.ToParquet(dataset, "SELECT 1 AS a", Path.Combine(dataset, Collection.CatalogueName)));
        Assert.Throws<UserError>(() => DatasetQuery.ToCsv(dataset, "SELECT 1 AS a", Path.Combine(dataset, "x.csv"), Language.Dutch));
        // Nor through a link to a folder of the dataset, whatever the link is called.
        var link = PathOf("gewoon-een-map");
        Directory.CreateSymbolicLink(link, Path.Combine(dataset, "pupils"));
        Assert.Throws<UserError>(() => DatasetQuery.ToParquet(dataset, "SELECT 1 AS a", Path.Combine(link, "x.parquet")));
        Assert.Throws<UserError>(() => DatasetQuery.ToCsv(dataset, "SELECT 1 AS a", Path.Combine(link, "x.csv"), Language.Dutch));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(dataset, "pupils")));
        Assert.Equal(catalogue, File.ReadAllText(Path.Combine(dataset, Collection.CatalogueName)));
        Assert.Matches("\"collected_at\": \"\\d{4}-\\d{2}-\\d{2}T", catalogue);

        var csv = PathOf("antwoord.csv");
        DatasetQuery.ToCsv(dataset, "SELECT -5 AS n, 2.5 AS x, '=1+1' AS f, ['a', 'b'] AS l", csv, Language.Dutch);
        Assert.Equal("n;x;f;l", File.ReadAllLines(csv)[0].TrimStart('\uFEFF'));
        Assert.Equal("-5;2,5;'=1+1;[a, b]", File.ReadAllLines(csv)[1]);

        // The same question again replaces its answer; a file that is not an answer to it stays (the region's key was
        // once overwritten this way), in CSV and in Parquet.
        DatasetQuery.ToCsv(dataset, "SELECT -5 AS n, 2.5 AS x, '=1+1' AS f, ['a', 'b'] AS l", csv, Language.Dutch);
        var key = PathOf("regio.key");
        File.WriteAllText(key, "geheim");
        Assert.Throws<UserError>(() => DatasetQuery.ToCsv(dataset, "SELECT 1 AS a", key, Language.Dutch));
        Assert.Throws<UserError>(() => DatasetQuery.ToParquet(dataset, "SELECT 1 AS a", key));
        Assert.Throws<UserError>(() => DatasetQuery.ToCsv(dataset, "SELECT 1 AS a", csv, Language.Dutch));
        Assert.Equal("geheim", File.ReadAllText(key));
        Assert.Equal("n;x;f;l", File.ReadAllLines(csv)[0].TrimStart('\uFEFF'));
        // A wide answer (a header of over 1 000 bytes) and a column name the writer quotes are their own answers too.
        foreach (var question in new[] { "SELECT * FROM pupils", "SELECT 1 AS \"a;b\", 2 AS \"c\"\"d\"" })
        {
            var answer = PathOf($"antwoord-{question.Length}.csv");
            DatasetQuery.ToCsv(dataset, question, answer, Language.Dutch);
            DatasetQuery.ToCsv(dataset, question, answer, Language.Dutch);
        }
        var parquet = PathOf("antwoord.parquet");
        DatasetQuery.ToParquet(dataset, "SELECT 1 AS a", parquet);
        DatasetQuery.ToParquet(dataset, "SELECT 2 AS a", parquet);
        Assert.Throws<UserError>(() => DatasetQuery.ToParquet(dataset, "SELECT 2 AS b", parquet));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(parquet)!, ".aanwezigheid-query-*"));
    }

    [Fact]
    public async Task ANewDatasetWithOnlyTheLockOfAKilledCollect_IsCollectedInto()
    {
        // What a first collect killed before it wrote anything leaves: the folder and its lock file, nothing else.
        var dataset = PathOf("regio");
        Directory.CreateDirectory(dataset);
        File.WriteAllText(Path.Combine(dataset, ".collect-lock"), "");

        var result = Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });

        Assert.True(result.Added > 0);
        Assert.True(File.Exists(Path.Combine(dataset, Collection.CatalogueName)));
    }

    /// <summary>What a kill leaves, made by stopping a collect at one of its steps (an exception there runs no more of it).</summary>
    private sealed class Stopped : Exception;

    private async Task<(string Dataset, string First, string Rerun)> AWeekAndItsRerun()
    {
        var dataset = PathOf("regio");
        var first = await Run("w51-eerst", "2025-12-19");
        Collection.Run(new CollectOptions { Inputs = [first], Into = dataset });
        // The school corrects its export and runs the week again: other data, same school and week, made later.
        File.Delete(Export());
        Generator.Write(new GeneratorOptions { Pupils = 300, Schools = 3, Seed = 12, Until = new LocalDate(2025, 12, 19) }, PathOf("regio.csv"), null);
        return (dataset, first, await Run("w51-opnieuw", "2025-12-19"));
    }

    private static Dictionary<string, string> Partitions(string folder) => Snapshot(folder)
        .Where(f => f.Key.Split(Path.DirectorySeparatorChar)[0] is "pupils" or "signals" or "weekly").ToDictionary();

    [Theory]
    [InlineData("collect")]
    [InlineData("trends")]
    public async Task ACollectStoppedAfterItsCommit_IsFinishedByTheNext_SoNoWeekStaysHalfItsOldRun(string next)
    {
        var (dataset, first, rerun) = await AWeekAndItsRerun();

        // Stopped after the commit, with the first file of the re-run moved into its place and the rest not.
        Assert.Throws<Stopped>(() => Collection.Run(new CollectOptions { Inputs = [rerun], Into = dataset, Step = step => { if (step == "moved") throw new Stopped(); } }));
        var mixed = Partitions(dataset);
        Assert.NotEqual(Partitions(Path.Combine(first, "datasets")), mixed);
        Assert.NotEqual(Partitions(Path.Combine(rerun, "datasets")), mixed);
        var refused = Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, "SELECT count(*) FROM pupils"));
        Assert.Contains("collect", refused.Message, StringComparison.Ordinal);
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03"]);
        var unreconciled = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = PathOf("vergelijking.csv") }));
        Assert.Equal(refused.Message, unreconciled.Message);

        // The next collect (here of the old copy, which is not taken: the re-run is later) or trends finishes the stopped one.
        if (next == "collect")
            Assert.Equal(3, Collection.Run(new CollectOptions { Inputs = [first], Into = dataset }).Older);
        else
            Trends.Run(new TrendsOptions { Dataset = dataset, Output = PathOf("uit") });

        Assert.Equal(Partitions(Path.Combine(rerun, "datasets")), Partitions(dataset));
        var catalogue = Collection.ReadCatalogue(Path.Combine(dataset, Collection.CatalogueName));
        Assert.All(catalogue.Runs, run => Assert.Equal("w51-opnieuw", run.Source));
        Assert.Equal(1L, Convert.ToInt64(DatasetQuery.Run(dataset, "SELECT count(DISTINCT as_of) FROM pupils").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(dataset), e => Path.GetFileName(e).StartsWith(".collect-", StringComparison.Ordinal) && Path.GetFileName(e) != ".collect-lock");
    }

    [Fact]
    public async Task AWeekAndItsReRunInOneCollect_AreCountedOnce_AndTheReRunIsTaken()
    {
        var (_, first, rerun) = await AWeekAndItsRerun();
        var fresh = PathOf("vers");

        var result = Collection.Run(new CollectOptions { Inputs = [first, rerun, rerun], Into = fresh });

        Assert.Equal((3, 0, 0, 0), (result.Added, result.Unchanged, result.Replaced, result.Older));
        Assert.Equal(Partitions(Path.Combine(rerun, "datasets")), Partitions(fresh));
        Assert.All(Collection.ReadCatalogue(Path.Combine(fresh, Collection.CatalogueName)).Runs, run => Assert.Equal("w51-opnieuw", run.Source));
    }

    [Fact]
    public async Task ACollectStoppedWhileMoving_LeavesAtMostOneSchoolsWeekHalfMoved()
    {
        var (dataset, first, rerun) = await AWeekAndItsRerun();
        var old = Partitions(Path.Combine(first, "datasets"));
        var moves = 0;

        // Stopped after the fourth file: the first school's week whole (its three files), the second's first file.
        Assert.Throws<Stopped>(() => Collection.Run(new CollectOptions { Inputs = [rerun], Into = dataset, Step = step => { if (step == "moved" && ++moves == 4) throw new Stopped(); } }));
        Assert.Equal(4, moves);

        var changed = Partitions(dataset).Where(f => old[f.Key] != f.Value).Select(f => f.Key).ToList();
        string Week(string file) => Path.GetDirectoryName(file)![(file.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal) + 1)..];
        Assert.Equal(4, changed.Count);
        Assert.Equal([3, 1], changed.GroupBy(Week).Select(g => g.Count()).Order().Reverse());
    }

    [Fact]
    public async Task AQuestionReadWhileACollectMovedRuns_IsAskedAgain_AndRefusedWhenItKeepsChanging()
    {
        var (dataset, _, rerun) = await AWeekAndItsRerun();
        var asked = 0;

        // The first reading overlaps a collect (here: the whole collect runs during it); the second does not.
        var answer = DatasetQuery.WhileUnchanged(dataset, () =>
        {
            if (++asked == 1)
            {
                Collection.Run(new CollectOptions { Inputs = [rerun], Into = dataset });
                return "read while the runs moved";
            }
            return "read after";
        });
        Assert.Equal(("read after", 2), (answer, asked));

        // A reading that fails because files moved under it is asked again too; one that keeps seeing changes stops.
        var catalogue = Path.Combine(dataset, Collection.CatalogueName);
        void Touch() => File.SetLastWriteTimeUtc(catalogue, File.GetLastWriteTimeUtc(catalogue).AddSeconds(1));
        asked = 0;
        var retried = DatasetQuery.WhileUnchanged(dataset, () =>
        {
            if (++asked > 1)
                return asked;
            Touch(); // a collect replaced the catalogue while DuckDB read a partition's footer and then its rows
            throw new UserError(new Phrase("DuckDB: Invalid Error: TProtocolException: Invalid data", "the same"), Setting.Inputs);
        });
        Assert.Equal(2, retried);
        asked = 0;
        var wrongQuestion = Assert.Throws<UserError>(() => DatasetQuery.WhileUnchanged<int>(dataset, () => throw new UserError(new Phrase("fout in de vraag", "a wrong question"), Setting.Inputs)));
        Assert.Equal("a wrong question", wrongQuestion.In(Language.English)); // a question's own mistake is not asked again
        var changing = Assert.Throws<UserError>(() => DatasetQuery.WhileUnchanged(dataset, () => { Touch(); return 0; }));
        Assert.Contains("veranderde drie keer", changing.In(Language.Dutch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACollectStoppedBeforeItsCommit_LeavesTheDatasetAsItWas_AndItsStagedFilesAreDropped()
    {
        var (dataset, first, rerun) = await AWeekAndItsRerun();
        var before = Partitions(dataset);
        var catalogue = File.ReadAllBytes(Path.Combine(dataset, Collection.CatalogueName));

        Assert.Throws<Stopped>(() => Collection.Run(new CollectOptions { Inputs = [rerun], Into = dataset, Step = step => { if (step == "staged") throw new Stopped(); } }));
        Assert.Equal(before, Partitions(dataset));
        Assert.Equal(catalogue, File.ReadAllBytes(Path.Combine(dataset, Collection.CatalogueName)));
        Assert.Equal(Partitions(Path.Combine(first, "datasets")), Partitions(dataset));

        // A kill leaves the staged files (no finally runs): queries do not read them, the next collect drops them.
        static object? Count(string dataset) => DatasetQuery.Run(dataset, "SELECT count(*) FROM pupils").Rows[0][0];
        var pupils = Count(dataset);
        var school = Directory.GetDirectories(Path.Combine(dataset, "pupils"))[0];
        var staged = Path.Combine(dataset, ".collect-nieuw", "pupils", Path.GetFileName(school), "as_of=2025-12-19", "part-0.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        File.WriteAllText(staged, "half a file");
        Assert.Equal(pupils, Count(dataset));
        var next = Collection.Run(new CollectOptions { Inputs = [rerun], Into = dataset });

        Assert.Equal(3, next.Replaced);
        Assert.False(Directory.Exists(Path.Combine(dataset, ".collect-nieuw")));
        Assert.Equal(Partitions(Path.Combine(rerun, "datasets")), Partitions(dataset));
    }

    /// <summary>
    /// A list already pseudonymised, with another key: no fingerprint says so, and the comparison was all "on the list
    /// only" and "computed only", exit 0 (an adversarial pass). The same pupils under the region's key compare.
    /// </summary>
    [Fact]
    public async Task Reconcile_AListOfPseudonymsOfAnotherKey_Stops_InsteadOfFindingNobody()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        string[] numbers = ["100001", "100002", "100003"];
        string List(string name, string key)
        {
            var keys = AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(Key(key));
            var path = PathOf(name);
            File.WriteAllLines(path, ["pupil_key;BRIN", .. numbers.Select(n => $"{keys.KeyOf("00AA", n)};00AA")]);
            return path;
        }
        var output = PathOf("vergelijking.csv");

        var error = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = List("ander.csv", "andere.key"), Output = output }));

        Assert.Equal(Setting.Inputs, error.About);
        Assert.Contains("andere sleutel", error.In(Language.Dutch));
        Assert.False(File.Exists(output));
        var pupils = Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = List("regio.csv", "regio.key"), Output = output });
        Assert.Equal(3, pupils.Count(p => p.Group != ReconcileGroup.OnlyComputed && !p.WhatWeSee.Contains("niet in onze", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reconcile_WithAnotherKey_Stops_InsteadOfFindingNobody()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03"]);
        var output = PathOf("vergelijking.csv");

        var error = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("andere.key"), Output = output }));

        Assert.Equal(Setting.PseudonymizeKey, error.About);
        Assert.Contains("past niet bij de dataset", error.In(Language.Dutch));
        Assert.False(File.Exists(output));
    }

    /// <summary>
    /// A partition the catalogue lists but that is gone was left out of query's answers and reconcile's comparison
    /// without a word; one cut short stopped reconcile with an internal error. Both are a damaged dataset, said so.
    /// </summary>
    [Fact]
    public async Task ADamagedDataset_StopsQueryAndReconcile_NamingThePartition()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03"]);
        ReconcileOptions Reconcile(string output) => new() { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = PathOf(output) };
        var signals = Directory.EnumerateFiles(Path.Combine(dataset, "signals"), "part-0.parquet", SearchOption.AllDirectories).First();
        var pupils = Directory.EnumerateFiles(Path.Combine(dataset, "pupils"), "part-0.parquet", SearchOption.AllDirectories).First();

        File.Move(signals, signals + ".weg");
        var gone = Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, "SELECT count(*) FROM signals"));
        Assert.Contains(Path.GetRelativePath(dataset, Path.GetDirectoryName(signals)!), gone.In(Language.Dutch), StringComparison.Ordinal);
        Assert.Throws<UserError>(() => Reconciliation.Run(Reconcile("a.csv")));
        DatasetQuery.Run(dataset, "SELECT count(*) FROM pupils"); // a question that does not read signals still runs
        File.Move(signals + ".weg", signals);

        File.WriteAllBytes(pupils, File.ReadAllBytes(pupils)[..3000]);
        Assert.Contains("beschadigd", Assert.Throws<UserError>(() => Reconciliation.Run(Reconcile("b.csv"))).In(Language.Dutch), StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("a.csv")) || File.Exists(PathOf("b.csv")));
    }

    [Fact]
    public async Task Reconcile_AListWithANameInThePupilColumn_StopsNamingTheLine_AndWritesNothing()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03", "\"Jansen, Piet\";00AA;2025-11-03"]);
        var output = PathOf("vergelijking.csv");

        var error = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = output }));

        Assert.Contains("regel 3", error.In(Language.Dutch));
        Assert.DoesNotContain("Jansen", error.In(Language.Dutch));
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData(1 << 20, 3 << 19)] // a line of 1.5 MB after one of exactly 1 MB: in CsvHelper's grown buffer
    [InlineData(0, 3 << 20)] // 3 MB: CsvHelper's own limit (it was an internal error, exit 3)
    public async Task Reconcile_AListWithALineOverTheLimit_StopsNamingTheLine(int before, int over)
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        string[] lines = ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03", .. before > 0 ? new[] { "100002;00AA;" + new string('x', before - 12) } : [], "100003;00AA;" + new string('y', over)];
        File.WriteAllLines(list, lines);
        var output = PathOf("vergelijking.csv");

        var error = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = output }));

        Assert.Contains($"regel {lines.Length}:", error.In(Language.Dutch));
        Assert.False(File.Exists(output));
    }

    /// <summary>
    /// EXPLAIN ANALYZE runs what it explains: EXPLAIN ANALYZE COPY … TO wrote over a partition of the dataset (DuckDB may
    /// write where it reads). A question explained is still asked.
    /// </summary>
    [Fact]
    public async Task Query_ExplainAnalyzeOfAWrite_IsRefused_AndAnExplainedQuestionIsAsked()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var before = Snapshot(dataset);
        var partition = Directory.EnumerateFiles(Path.Combine(dataset, "pupils"), "*.parquet", SearchOption.AllDirectories).First();

        foreach (var sql in new[]
        {
            $"EXPLAIN ANALYZE COPY (SELECT 1 AS x) TO '{partition}' (FORMAT parquet)",
            $"explain   analyze\nCOPY (SELECT 1 AS x) TO '{Path.Combine(dataset, Collection.CatalogueName)}' (FORMAT json)",
            $"EXPLAIN (FORMAT json) COPY (SELECT 1 AS x) TO '{partition}'",
            "EXPLAIN EXPLAIN ANALYZE SELECT 1",
            // DuckDB nests /* */ comments: to it this is a COPY.
            $"/* /* */ SELECT 1 */ COPY (SELECT 1 AS x) TO '{partition}' (FORMAT parquet)",
            // DuckDB may end a -- comment at a carriage return: two statements.
            $"SELECT 1 -- x\r; COPY (SELECT 1 AS x) TO '{partition}' (FORMAT parquet)",
        })
        {
            Assert.Throws<UserError>(() => DatasetQuery.Run(dataset, sql));
        }
        Assert.Equal(before, Snapshot(dataset));
        Assert.NotEmpty(DatasetQuery.Run(dataset, "EXPLAIN ANALYZE SELECT count(*) FROM pupils").Rows);
    }

    private static readonly string[] NotAsking = ["copy", "create", "attach", "install", "load", "pragma", "set", "insert", "update", "delete", "drop", "export", "import", "call", "checkpoint", "detach", "use", "vacuum"];
    private static readonly string[] AskingWords = ["select", "with", "from", "describe", "summarize", "show", "pivot", "unpivot", "table", "values"];

    /// <summary>By its first word, and after EXPLAIN [ANALYZE] by the word that follows: the statement's own first word decides.</summary>
    [Property(MaxTest = 500)]
    public Property IsQuestion_GoesByTheStatementExplained() => Prop.ForAll(
        (from word in Gen.Elements(AskingWords.Concat(NotAsking).ToArray())
         from explain in Gen.Elements("", "explain ", "EXPLAIN ANALYZE ", "Explain\n\tanalyze  ", "-- pupils per tier\n", "-- a\n explain -- b\n analyze ")
         from upper in Gen.Elements(true, false)
         select (word, text: explain + (upper ? word.ToUpperInvariant() : word) + " 1")).ToArbitrary(),
        t => Assert.Equal(AskingWords.Contains(t.word), DatasetQuery.IsQuestion(t.text)));

    /// <summary>--parquet is written from an empty folder of its own: the target's folder (a home folder, with the export and the key) stays closed to the question.</summary>
    [Fact]
    public async Task Query_ToParquet_CannotReadWhatLiesBesideTheTarget()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var home = Directory.CreateDirectory(PathOf("thuis")).FullName;
        File.WriteAllText(Path.Combine(home, "export.csv"), "leerlingnummer,naam\n4700,Piet Jansen\n");

        var target = Path.Combine(home, "antwoord.parquet");
        Assert.Throws<UserError>(() => DatasetQuery.ToParquet(dataset, $"SELECT * FROM read_csv('{Path.Combine(home, "export.csv")}')", target));
        Assert.False(File.Exists(target));

        DatasetQuery.ToParquet(dataset, "SELECT count(*) AS n FROM pupils", target);
        Assert.True(File.Exists(target));
        Assert.Equal(["antwoord.parquet", "export.csv"], Directory.EnumerateFileSystemEntries(home).Select(Path.GetFileName).Order());
    }

    /// <summary>reconcile writes its CSV where it harms nothing: not over the list or the key, not into the dataset, not over a file of someone else's.</summary>
    [Fact]
    public async Task Reconcile_NeverWritesOverItsInputs_OrIntoTheDataset()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03"]);
        var note = PathOf("notities.txt");
        File.WriteAllText(note, "niet weggooien");
        var inputs = new[] { list, Key("regio.key"), note };
        var before = inputs.ToDictionary(f => f, File.ReadAllText);
        var datasetBefore = Snapshot(dataset);

        foreach (var output in inputs.Append(Path.Combine(dataset, Collection.CatalogueName)).Append(Path.Combine(dataset, "vergelijking.csv")))
            Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = output }));

        Assert.All(inputs, f => Assert.Equal(before[f], File.ReadAllText(f)));
        Assert.Equal(datasetBefore, Snapshot(dataset));
        // An earlier comparison is replaced, in either language.
        var comparison = PathOf("vergelijking.csv");
        Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = comparison });
        Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = comparison, Language = Language.English });
        Assert.Contains("on the list only", File.ReadAllText(comparison));
    }

    /// <summary>
    /// What the list says besides pupil and school reaches the CSV only when it cannot be personal: a name, a phone
    /// number or a BSN typed into "since" or "category" stays out; a category several pupils share is kept. A name in
    /// the school column stops the run, naming the line.
    /// </summary>
    [Fact]
    public async Task Reconcile_CopiesOnlyWhatCannotBePersonal_FromTheList()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds;Categorie",
            "100001;00AA;2025-11-03;thuiszitter", "100002;00AA;2025-11-04;thuiszitter", "100003;00AB;2025-11-05;Thuiszitter",
            "100004;00AB;Piet Jansen;Piet Jansen tel 0612345678", "100005;00AB;12.345.678.2;123456782",
            // The same pupil three times does not make a category shared; nor does a phone number grouped, or an address.
            "100007;00AB;06-12345678;Piet Jansen", "100007;00AB;1234 5678;Piet Jansen", "100007;00AB;2025-11-05;Piet Jansen",
            "100008;00AA;2025-11-05;06-12 34 56 78", "100009;00AA;2025-11-05;06-12 34 56 78", "100010;00AA;2025-11-05;06-12 34 56 78",
            "100011;00AA;2025-11-05;jansen@school.nl", "100012;00AA;2025-11-05;jansen@school.nl", "100013;00AA;2025-11-05;jansen@school.nl",
            // A caseworker's name or a street shared by siblings is not a category; a birth date in "since" is not since when.
            "100014;00AA;12-3-2011;Mw. J. de Vries", "100015;00AA;2011-03-12;Mw. J. de Vries", "100016;00AA;2025-11-05;Mw. J. de Vries",
            "100017;00AB;2025-11-05;Dorpsstraat 12", "100018;00AB;2025-11-05;Dorpsstraat 12", "100019;00AB;2025-11-05;Dorpsstraat 12"]);
        var output = PathOf("vergelijking.csv");

        Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = output });

        var csv = File.ReadAllText(output);
        Assert.Contains("thuiszitter", csv, StringComparison.Ordinal);
        Assert.Contains("2025-11-03", csv, StringComparison.Ordinal);
        foreach (var personal in new[] { "Piet", "Jansen", "jansen", "0612345678", "123456782", "12.345.678.2", "06-12345678", "1234 5678", "06-12 34 56 78", "Vries", "Dorpsstraat", "12-3-2011", "2011-03-12" })
            Assert.DoesNotContain(personal, csv, StringComparison.Ordinal);

        File.AppendAllLines(list, ["100006;Piet Jansen;2025-11-03;thuiszitter"]);
        var error = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = PathOf("tweede.csv") }));
        Assert.Contains("regel 22", error.In(Language.Dutch));
        Assert.DoesNotContain("Jansen", error.In(Language.Dutch));
    }

    /// <summary>Against one school's analyze folder the key is checked too (its run.json has the fingerprint), and a plain folder takes no key.</summary>
    [Fact]
    public async Task Reconcile_AgainstAnAnalyzeFolder_ChecksTheKey_AndAPlainFolderTakesNone()
    {
        var keyed = await Run("w51", "2025-12-19");
        var plain = await Run("w51-plain", "2025-12-19", key: null);
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN;Sinds", "100001;00AA;2025-11-03"]);

        var other = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = keyed, List = list, PseudonymizeKeyFile = Key("andere.key"), Output = PathOf("a.csv") }));
        Assert.Contains("past niet bij de dataset", other.In(Language.Dutch));
        var needless = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = plain, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = PathOf("b.csv") }));
        Assert.Equal(Setting.PseudonymizeKey, needless.About);
        File.WriteAllLines(list, ["Pseudoniem;BRIN", $"{new string('a', 32)};00AA"]);
        Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = plain, List = list, Output = PathOf("c.csv") }));
        Assert.False(File.Exists(PathOf("a.csv")) || File.Exists(PathOf("b.csv")) || File.Exists(PathOf("c.csv")));
    }

    /// <summary>An input that is not there is said to be missing (a mistyped option, an option); a refused first collect leaves no folder.</summary>
    [Fact]
    public async Task Collect_AMissingInputOrAMistypedOption_IsSaidSo_AndARefusedFirstCollectLeavesNoFolder()
    {
        var run = await Run("w51", "2025-12-19");
        var dataset = PathOf("nieuw");

        var missing = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [run, PathOf("bestaat-niet")], Into = dataset }));
        Assert.Contains("bestaat niet", missing.In(Language.Dutch), StringComparison.Ordinal);
        var option = Assert.Throws<UserError>(() => Collection.Run(new CollectOptions { Inputs = [run, "--bogus"], Into = dataset }));
        Assert.Contains("geen optie", option.In(Language.Dutch), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dataset));
    }

    /// <summary>What a collect killed with -9 left in the temporary folder (pseudonymised rows) goes with the next collect; a running one's stays.</summary>
    [Fact]
    public async Task Collect_RemovesWhatAKilledCollectLeftInTheTemporaryFolder()
    {
        var run = await Run("w51", "2025-12-19");
        var killed = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), AanwezigheidsAnalyse.Internals.PrivateTemp.NameFor("aanwezigheid-collect-", int.MaxValue) + Guid.NewGuid().ToString("N"))).FullName;
        File.WriteAllText(Path.Combine(killed, "part-0.parquet"), "rijen");
        var running = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), AanwezigheidsAnalyse.Internals.PrivateTemp.NameFor("aanwezigheid-collect-", Environment.ProcessId) + Guid.NewGuid().ToString("N"))).FullName;
        // Another machine's folder (a share): its process ids say nothing here.
        var elsewhere = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"aanwezigheid-collect-{int.MaxValue}-0123abcd-{Guid.NewGuid():N}")).FullName;
        try
        {
            Collection.Run(new CollectOptions { Inputs = [run], Into = PathOf("regio") });

            Assert.False(Directory.Exists(killed));
            Assert.True(Directory.Exists(running));
            Assert.True(Directory.Exists(elsewhere));
        }
        finally
        {
            Directory.Delete(running, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
            if (Directory.Exists(killed))
                Directory.Delete(killed, recursive: true);
        }
    }

    /// <summary>An empty name for an output, or a computed side that is not there, is a user's mistake (it was an internal error, or "a folder of pupil numbers").</summary>
    [Fact]
    public async Task EmptyOutputNames_AndAMissingComputedSide_AreUserMistakes()
    {
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [await Run("w51", "2025-12-19")], Into = dataset });
        var list = PathOf("lijst.csv");
        File.WriteAllLines(list, ["Leerlingnummer;BRIN", "100001;00AA"]);

        Assert.Equal(Setting.Output, Assert.Throws<UserError>(() => DatasetQuery.ToParquet(dataset, "SELECT 1 AS a", "")).About);
        Assert.Equal(Setting.Output, Assert.Throws<UserError>(() => DatasetQuery.ToCsv(dataset, "SELECT 1 AS a", " ", Language.Dutch)).About);
        Assert.Equal(Setting.Output, Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = dataset, List = list, PseudonymizeKeyFile = Key("regio.key"), Output = "" })).About);
        var missing = Assert.Throws<UserError>(() => Reconciliation.Run(new ReconcileOptions { Computed = PathOf("bestaat-niet"), List = list, PseudonymizeKeyFile = Key("regio.key"), Output = PathOf("v.csv") }));
        Assert.Contains("geen dataset van collect", missing.In(Language.Dutch), StringComparison.Ordinal);
    }
}
