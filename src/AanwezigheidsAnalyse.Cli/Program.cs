using System.CommandLine;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Cli;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Synthetic;
using NodaTime;
using NodaTime.Text;

// The CLI is thin: parse the arguments, call the engine, print. User errors become one clear message and
// exit code 2 (README, "Command line"); an analysis that ran but crossed --max-reject-rate exits with 1.

var root = new RootCommand(
    "aanwezigheid — verzuimanalyse voor scholen: criteria (zorgwekkend ziekteverzuim, M@ZL, 16 uur, < 50 % onderwijs), " +
    "Kearney-treden, Parquet-datasets en een rapport voor het schoolaanwezigheidsteam.");
root.Subcommands.Add(Commands.Analyze());
root.Subcommands.Add(Commands.Validate());
root.Subcommands.Add(Commands.Generate());
root.Subcommands.Add(Commands.Collect());
root.Subcommands.Add(Commands.Query());
root.Subcommands.Add(Commands.Reconcile());
root.Subcommands.Add(Commands.Trends());
root.Subcommands.Add(Commands.Backtest());
root.Subcommands.Add(Commands.Train());
root.Subcommands.Add(Commands.Patterns());

args = Messages.Normalized(args);
var language = Messages.LanguageOf(args);
Commands.ParseLanguage = language; // for the options' own parsers, which run before --lang has a value
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
        Console.Error.WriteLine(Messages.Translate(error.Message, language));
    Console.Error.WriteLine(Texts.Cli.SeeHelpIn(language));
    return 2;
}
try
{
    if (parse.Action is System.CommandLine.Help.HelpAction)
    {
        // The help in the user's language: System.CommandLine writes its titles in English only.
        var help = new StringWriter();
        var code = await parse.InvokeAsync(new InvocationConfiguration { Output = help });
        Console.Out.Write(Messages.Translate(help.ToString(), language));
        return code;
    }
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
// Work done on several cores (the charts, the datasets) fails as an AggregateException: what failed is inside.
catch (Exception thrown) when (Unwrapped(thrown) is UserError error)
{
    Console.Error.WriteLine(Messages.Of(error, Commands.LanguageOf(parse), parse.CommandResult.Command.Name));
    return 2;
}
catch (Exception thrown) when (Unwrapped(thrown) is (IOException or UnauthorizedAccessException or ArgumentOutOfRangeException { TargetSite.DeclaringType.Namespace: "System.IO" }) and var error)
{
    // The disk is full, a file grows past a size limit, a file is locked or a directory is read-only: the user can fix it.
    Console.Error.WriteLine(Messages.OfIo(error, Commands.LanguageOf(parse)));
    return 2;
}
catch (Exception error) when (Environment.GetEnvironmentVariable("AANWEZIGHEID_DEBUG") is null)
{
    // A bug: say so briefly; AANWEZIGHEID_DEBUG=1 shows the stack trace.
    Console.Error.WriteLine(Texts.Cli.InternalError(error.GetType().Name, error.Message));
    return 3;
}

// The first failure of work on several cores (a full disk fails every chart alike).
static Exception Unwrapped(Exception error) =>
    error is AggregateException { InnerExceptions.Count: > 0 } all ? Unwrapped(all.InnerExceptions[0]) : error;

namespace AanwezigheidsAnalyse.Cli
{
    internal static class Commands
    {
        private static readonly Option<string> Lang = CreateLang();

        private static Option<string> CreateLang()
        {
            var option = new Option<string>("--lang")
            {
                Description = "Taal van rapport en meldingen: nl (standaard) of en.",
                DefaultValueFactory = _ => "nl",
                Recursive = true,
            };
            option.AcceptOnlyFromAmong("nl", "en"); // "fr" is a mistake to say, not Dutch to fall back to; EN is en (Messages.Normalized)
            return option;
        }

        /// <summary>The language of the command line's words (<see cref="Messages.LanguageOf"/>), set before they are parsed.</summary>
        public static Language ParseLanguage { get; set; } = Language.Dutch;

        public static Language LanguageOf(ParseResult parse) =>
            parse.GetValue(Lang) is "en" ? Language.English : Language.Dutch;

        public static Command Analyze()
        {
            var inputs = new Argument<string[]>("bestanden") { Description = "Exportbestanden (CSV of Parquet), één of meer.", Arity = ArgumentArity.OneOrMore };
            var asOf = DateOption("--as-of", "Peildatum T (jjjj-mm-dd): de analyse kijkt naar het schooljaar tot en met deze dag.", required: true);
            var output = new Option<string>("--out") { Description = "Map voor de uitvoer (wordt aangemaakt).", Required = true };
            var profile = new Option<string?>("--profile") { Description = "Profiel: naam (canonical, lesuur-nl, dagdeel-po, melding-interval, dag-minuten) of bestand. Standaard: herkennen aan de kopregel." };
            var region = new Option<string?>("--region") { Description = "Vakantieregio: noord, midden (standaard) of zuid." };
            var calendar = new Option<string?>("--calendar") { Description = "Kalenderbestand (JSON) met studiedagen of een eigen vakantierooster." };
            var policy = new Option<string>("--policy") { Description = "Beleid: kearney-nl (standaard), attendance-works, dfe-england, of een bestand.", DefaultValueFactory = _ => "kearney-nl" };
            var timetable = new Option<string?>("--timetable") { Description = "Rooster: vo-standaard, po-standaard of een bestand; de noemer bij een export met alleen verzuim." };
            var pupils = new Option<string?>("--pupils") { Description = "Leerlingenlijst (CSV): leerlingnummer, klas, in- en uitschrijfdatum. Namen worden niet gelezen." };
            var previous = new Option<string?>("--previous") { Description = "Uitvoermap van vorige week, voor overgangen tussen treden." };
            var key = new Option<string?>("--pseudonymize-key") { Description = "Sleutelbestand: pupil_key wordt een HMAC-SHA-256-pseudoniem in alle uitvoer." };
            var noCharts = new Option<bool>("--no-charts") { Description = "Geen grafieken en rapport maken." };
            var maxReject = FractionOption("--max-reject-rate", "Hoogste deel afgekeurde regels per bestand (standaard 0,01 = 1 %); daarboven exitcode 1.", 0.01);
            var school = new Option<string>("--school-id") { Description = "Schoolcode (bijv. BRIN) voor exports zonder schoolkolom.", DefaultValueFactory = _ => "" };
            var partitioned = new Option<bool>("--partitioned") { Description = "Schrijf de datasets ook Hive-gepartitioneerd (school_id=…/as_of=…/)." };
            var model = new Option<string?>("--model") { Description = "Model van 'aanwezigheid train' (map): risk_score en risk_drivers per leerling en de sectie 'mogelijk risico' in het rapport." };

            var command = new Command("analyze", "De wekelijkse analyse: criteria, treden, datasets, grafieken en rapport.\n" +
                "Voorbeeld: aanwezigheid analyze samples/vo-school-2025-herfst.csv --pupils samples/vo-school-2025-leerlingen.csv --as-of 2025-12-19 --region midden --out uitvoer/2025-12-19")
            {
                inputs, asOf, output, profile, region, calendar, policy, timetable, pupils, previous, key, noCharts, maxReject, school, partitioned, model, Lang,
            };
            command.SetAction(async (parse, cancel) =>
            {
                var language = LanguageOf(parse);
                var options = new AnalyzeOptions
                {
                    Inputs = parse.GetValue(inputs)!,
                    AsOf = parse.GetValue(asOf),
                    OutputDirectory = parse.GetValue(output)!,
                    Profile = parse.GetValue(profile),
                    Region = RegionOf(parse.GetValue(region)),
                    CalendarFile = parse.GetValue(calendar),
                    Policy = parse.GetValue(policy)!,
                    Timetable = parse.GetValue(timetable),
                    PupilsFile = parse.GetValue(pupils),
                    PreviousDirectory = parse.GetValue(previous),
                    PseudonymizeKeyFile = parse.GetValue(key),
                    Language = language,
                    Charts = !parse.GetValue(noCharts),
                    MaxRejectRate = parse.GetValue(maxReject),
                    SchoolId = parse.GetValue(school)!,
                    Partitioned = parse.GetValue(partitioned),
                    Model = parse.GetValue(model),
                };
                var progress = new ConsoleProgress(language);
                var hooks = new AnalysisHooks
                {
                    Reading = progress,
                    Step = progress.Step,
                    // What reading left (the pupils' directory, its buffers, blocks the records did not need) is garbage
                    // now: collected and compacted, large objects too, before the rules allocate. A collection without the
                    // compaction takes 0.04 s instead of 0.2 s at a million pupils, but raises the national run's peak.
                    // The memory is kept, not given back (GCCollectionMode.Aggressive did): the later stages reuse it
                    // instead of faulting it in again (0.5 s of a million pupils' datasets), and the run's peak stays
                    // where the ledger was built (benchmarks/README.md, "Memory kept after the ledger's collection").
                    LedgerBuilt = () =>
                    {
                        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
                        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    },
                };
                var result = await Analysis.RunAsync(options, hooks, cancel);
                foreach (var line in result.Summary)
                    Console.WriteLine(line);
                foreach (var path in result.Outputs)
                    Console.WriteLine(path);
                // The one thing a zorgcoördinator needs from the list above: which file to open.
                var report = result.Outputs.FirstOrDefault(p => Path.GetFileName(p) == "report.html");
                Console.WriteLine(report is null
                    ? Texts.Cli.FilesIn(language, result.Outputs.Count, options.OutputDirectory)
                    : Texts.Cli.OpenThis(language, report, result.Outputs.Count, options.OutputDirectory));
                return result.ExitCode;
            });
            return command;
        }

        public static Command Validate()
        {
            var inputs = new Argument<string[]>("bestanden") { Description = "Exportbestanden (CSV of Parquet).", Arity = ArgumentArity.OneOrMore };
            var asOf = DateOption("--as-of", "Peildatum (jjjj-mm-dd); standaard de laatste datum in de export. Bepaalt het schooljaar.", required: false);
            var profile = new Option<string?>("--profile") { Description = "Profiel (naam of bestand); standaard herkennen." };
            var region = new Option<string?>("--region") { Description = "Vakantieregio: noord, midden (standaard) of zuid." };
            var calendar = new Option<string?>("--calendar") { Description = "Kalenderbestand (JSON)." };
            var timetable = new Option<string?>("--timetable") { Description = "Rooster: vo-standaard, po-standaard of een bestand; zoals bij analyze." };
            var rejects = new Option<string?>("--rejects") { Description = "Bestand voor de afgekeurde regels (standaard rejects.csv in de map waar je werkt). Een bestaand bestand wordt alleen vervangen als het een eerdere rejects.csv is." };
            var maxReject = FractionOption("--max-reject-rate", "Hoogste deel afgekeurde regels (standaard 0,01 = 1 %).", 0.01);
            var suggest = new Option<string?>("--suggest-profile") { Description = "Schrijf een startprofiel (JSON) voor een export die geen profiel herkent, om zelf aan te vullen." };
            var pupils = new Option<string?>("--pupils") { Description = "Leerlingenlijst (CSV) om mee te controleren: inschrijfdata, leerlingen die niet in beide staan." };
            var school = new Option<string>("--school-id") { Description = "Schoolcode (bijv. BRIN) voor exports zonder schoolkolom.", DefaultValueFactory = _ => "" };
            var command = new Command("validate", "Leest en vertaalt de export zonder te analyseren: telling per bestand en per code, onbekende codes, datumbereik, leerlingen; schrijft de afgekeurde regels.\n" +
                "Voorbeeld: aanwezigheid validate export.csv")
            {
                inputs, asOf, profile, region, calendar, timetable, rejects, maxReject, suggest, pupils, school, Lang,
            };
            command.SetAction(parse =>
            {
                var language = LanguageOf(parse);
                var files = parse.GetValue(inputs)!;
                if (parse.GetValue(suggest) is { } profileFile)
                {
                    foreach (var line in Validation.SuggestProfile(files[0], profileFile, language))
                        Console.WriteLine(line);
                    return 0;
                }
                var date = parse.GetResult(asOf) is null ? SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]).Date : parse.GetValue(asOf);
                var report = Validation.Run(new ValidateOptions
                {
                    Inputs = files,
                    AsOf = date,
                    Profile = parse.GetValue(profile),
                    Region = RegionOf(parse.GetValue(region)),
                    CalendarFile = parse.GetValue(calendar),
                    Timetable = parse.GetValue(timetable),
                    PupilsFile = parse.GetValue(pupils),
                    SchoolId = parse.GetValue(school)!,
                    // Not beside the export: that folder may be a share, a synced folder, or read-only.
                    RejectsFile = parse.GetValue(rejects) ?? "rejects.csv",
                    AsOfFromData = parse.GetResult(asOf) is null,
                    MaxRejectRate = parse.GetValue(maxReject),
                    Language = language,
                }, new ConsoleProgress(language));
                foreach (var line in report.Lines)
                    Console.WriteLine(line);
                return report.ExitCode;
            });
            return command;
        }

        public static Command Generate()
        {
            var pupils = new Option<int>("--pupils") { Description = "Aantal leerlingen (per schooltype bij --school-type mix: verdeeld).", DefaultValueFactory = _ => 300 };
            var output = new Option<string>("--out") { Description = "Uitvoerbestand: .csv (elke vorm) of .parquet (canonical).", Required = true };
            var year = new Option<int>("--school-year") { Description = "Eerste jaar van het (eerste) schooljaar (2025 = 2025-2026).", DefaultValueFactory = _ => 2025 };
            var years = new Option<int>("--years") { Description = "Aantal schooljaren; leerlingen gaan elk jaar een klas omhoog. Eén bestand per jaar.", DefaultValueFactory = _ => 1 };
            var until = DateOption("--until", "Laatste datum in de export (standaard: eind van het schooljaar).", required: false);
            var seed = new Option<int>("--seed") { Description = "Startwaarde: dezelfde waarde geeft dezelfde data.", DefaultValueFactory = _ => 1 };
            var region = new Option<string>("--region") { Description = "Vakantieregio: noord, midden of zuid.", DefaultValueFactory = _ => "midden" };
            var school = new Option<string>("--school-id") { Description = "Schoolcode in de export (één school).", DefaultValueFactory = _ => "" };
            var schools = new Option<int>("--schools") { Description = "Aantal scholen (codes 00AA, 00AB …) waarover de leerlingen verdeeld worden.", DefaultValueFactory = _ => 1 };
            var type = new Option<string>("--school-type") { Description = "po, vo (standaard), mbo of mix (een bestand per schooltype).", DefaultValueFactory = _ => "vo" };
            var shape = new Option<string>("--shape") { Description = "Vorm: canonical (standaard), lesuur-nl, dagdeel-po, melding-lesuur, melding-tijd, dag-minuten.", DefaultValueFactory = _ => "canonical" };
            var noise = FractionOption("--noise", "Deel van de regels met een fout (slechte datum, onbekende code, dubbel), plus voettekst en lege regels; de aantallen staan in <uitvoer>.noise.json.", 0);
            var pupilList = new Option<string?>("--pupils-out") { Description = "Schrijf ook de leerlingenlijst (leerlingnummer, klas, inschrijving; geen namen)." };
            var command = new Command("generate", "Maakt een synthetische, realistische export voor demo's, tests, benchmarks en onderzoek.\n" +
                "Voorbeeld: aanwezigheid generate --pupils 300 --until 2025-12-19 --out voorbeeld.csv --pupils-out leerlingen.csv")
            {
                pupils, output, year, years, until, seed, region, school, schools, type, shape, noise, pupilList, Lang,
            };
            command.SetAction(parse =>
            {
                var schoolType = parse.GetValue(type)!.ToLowerInvariant() switch
                {
                    "po" => SchoolType.Po,
                    "vo" => SchoolType.Vo,
                    "mbo" => SchoolType.Mbo,
                    "mix" => SchoolType.Mix,
                    var other => throw Messages.NoSuchSchoolType(other),
                };
                var exportShape = parse.GetValue(shape)!.ToLowerInvariant() switch
                {
                    "canonical" => ExportShape.Canonical,
                    "lesuur-nl" => ExportShape.LesuurNl,
                    "dagdeel-po" => ExportShape.DagdeelPo,
                    "melding-lesuur" => ExportShape.MeldingLesuur,
                    "melding-tijd" => ExportShape.MeldingTijd,
                    "dag-minuten" => ExportShape.DagMinuten,
                    var other => throw Messages.NoSuchShape(other),
                };
                var files = Generator.Write(new GeneratorOptions
                {
                    Pupils = parse.GetValue(pupils),
                    Schools = parse.GetValue(schools),
                    SchoolType = schoolType,
                    SchoolYear = new SchoolYear(parse.GetValue(year)),
                    Years = parse.GetValue(years),
                    Until = parse.GetResult(until) is null ? null : parse.GetValue(until),
                    Seed = parse.GetValue(seed),
                    Region = RegionOf(parse.GetValue(region)) ?? Region.Midden,
                    SchoolId = parse.GetValue(school)!,
                    Shape = exportShape,
                    Noise = parse.GetValue(noise),
                }, parse.GetValue(output)!, parse.GetValue(pupilList));
                foreach (var file in files)
                {
                    Console.WriteLine(Texts.Cli.Generated(LanguageOf(parse), file.Rows, file.Pupils, file.SchoolType.ToString().ToLowerInvariant(), file.Year.ToString(), file.Path));
                    if (file.PupilList is not null)
                        Console.WriteLine(file.PupilList);
                    if (file.NoiseFile is not null)
                        Console.WriteLine(file.NoiseFile);
                }
                return 0;
            });
            return command;
        }

        public static Command Collect()
        {
            var inputs = new Argument<string[]>("runs") { Description = "De map datasets/ (of de uitvoermap, of een zip daarvan) van elke school.", Arity = ArgumentArity.OneOrMore };
            var into = new Option<string>("--into") { Description = "De dataset van de Taskforce (wordt aangemaakt).", Required = true };
            var allowPolicy = new Option<bool>("--allow-policy-change") { Description = "Neem ook runs met een andere versie van het beleid." };
            var command = new Command("collect", "Voegt de gepseudonimiseerde runs van scholen toe aan één dataset (Hive-partities), de zelfde run twee keer is één.\n" +
                "Voorbeeld: aanwezigheid collect school-a/datasets school-b.zip --into regio")
            {
                inputs, into, allowPolicy, Lang,
            };
            command.SetAction(parse =>
            {
                var result = AanwezigheidsAnalyse.Taskforce.Collection.Run(new AanwezigheidsAnalyse.Taskforce.CollectOptions
                {
                    Inputs = parse.GetValue(inputs)!,
                    Into = parse.GetValue(into)!,
                    AllowPolicyChange = parse.GetValue(allowPolicy),
                    Language = LanguageOf(parse),
                });
                foreach (var line in result.Lines)
                    Console.WriteLine(line);
                return 0;
            });
            return command;
        }

        public static Command Query()
        {
            var dataset = new Argument<string>("dataset") { Description = "De dataset van 'aanwezigheid collect'." };
            var sql = new Argument<string>("sql") { Description = "Eén vraag in SQL over de views pupils, signals en weekly." };
            var csv = new Option<string?>("--csv") { Description = "Schrijf het antwoord als CSV voor Excel (;, UTF-8 met BOM)." };
            var parquet = new Option<string?>("--parquet") { Description = "Schrijf het antwoord als Parquet." };
            var command = new Command("query", "SQL over de dataset met DuckDB (ingebouwd, alleen lezen).\n" +
                "Voorbeeld: aanwezigheid query regio \"SELECT school_id, tier, count(*) FROM pupils GROUP BY ALL\"")
            {
                dataset, sql, csv, parquet, Lang,
            };
            command.SetAction(parse =>
            {
                var language = LanguageOf(parse);
                var (folder, question) = (parse.GetValue(dataset)!, parse.GetValue(sql)!);
                if (parse.GetValue(csv) is not null && parse.GetValue(parquet) is not null)
                    throw new UserError(Texts.Taskforce.OneOutput);
                if (parse.GetValue(csv) is { } csvFile)
                {
                    Console.WriteLine(Texts.Cli.RowsWritten(language, AanwezigheidsAnalyse.Taskforce.DatasetQuery.ToCsv(folder, question, csvFile, language), csvFile));
                    return 0;
                }
                if (parse.GetValue(parquet) is { } parquetFile)
                {
                    AanwezigheidsAnalyse.Taskforce.DatasetQuery.ToParquet(folder, question, parquetFile);
                    Console.WriteLine(parquetFile);
                    return 0;
                }
                const int MaxShown = 200;
                var result = AanwezigheidsAnalyse.Taskforce.DatasetQuery.Run(folder, question, MaxShown + 1);
                var cells = result.Rows.Take(MaxShown).Select(r => r.Select(v => AanwezigheidsAnalyse.Taskforce.DatasetQuery.Text(v, language)).ToArray()).ToList();
                var widths = result.Columns.Select((c, i) => Math.Min(40, Math.Max(c.Length, cells.Select(r => r[i].Length).DefaultIfEmpty(0).Max()))).ToArray();
                string Line(IEnumerable<string> values) => string.Join(" | ", values.Select((v, i) => (v.Length > widths[i] ? v[..(widths[i] - 1)] + "…" : v).PadRight(widths[i]))).TrimEnd();
                Console.WriteLine(Line(result.Columns));
                Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
                foreach (var row in cells)
                    Console.WriteLine(Line(row));
                if (result.Rows.Count > MaxShown)
                    Console.WriteLine(Texts.Taskforce.MoreRows(language, MaxShown));
                return 0;
            });
            return command;
        }

        public static Command Reconcile()
        {
            var computed = new Option<string>("--computed") { Description = "De dataset van collect, of de uitvoermap van één analyse.", Required = true };
            var list = new Option<string>("--list") { Description = "De thuiszitterslijst van de regio (CSV): leerlingnummer of pseudoniem, school, sinds, categorie.", Required = true };
            var key = new Option<string?>("--pseudonymize-key") { Description = "De sleutel van de regio, om leerlingnummers op de lijst te pseudonimiseren." };
            var output = new Option<string>("--out") { Description = "CSV voor Excel met de drie groepen.", Required = true };
            var command = new Command("reconcile", "Legt de thuiszitterslijst van de regio naast de berekende thuiszitters en LR-50-leerlingen: op beide, alleen berekend, alleen op de lijst.\n" +
                "Voorbeeld: aanwezigheid reconcile --computed regio --list thuiszitters.csv --pseudonymize-key regio.key --out vergelijking.csv")
            {
                computed, list, key, output, Lang,
            };
            command.SetAction(parse =>
            {
                var language = LanguageOf(parse);
                var pupils = AanwezigheidsAnalyse.Taskforce.Reconciliation.Run(new AanwezigheidsAnalyse.Taskforce.ReconcileOptions
                {
                    Computed = parse.GetValue(computed)!,
                    List = parse.GetValue(list)!,
                    PseudonymizeKeyFile = parse.GetValue(key),
                    Output = parse.GetValue(output)!,
                    Language = language,
                });
                foreach (var group in pupils.GroupBy(p => p.Group).OrderBy(g => g.Key))
                    Console.WriteLine($"{group.Count(),6}  {AanwezigheidsAnalyse.Taskforce.Reconciliation.Words(group.Key).In(language)}");
                Console.WriteLine(parse.GetValue(output));
                return 0;
            });
            return command;
        }

        public static Command Trends()
        {
            var dataset = new Argument<string>("dataset") { Description = "De dataset van 'aanwezigheid collect'." };
            var output = new Option<string?>("--out") { Description = "Map voor trends/weekly.parquet, trends/schools.parquet en trends/trends.html (standaard: de dataset zelf, zodat query de views trends en schools heeft)." };
            var schools = new Option<string?>("--schools") { Description = "Scholenbestand (CSV): school_id of BRIN, schooltype (PO/SO/VO/MBO), gemeente, regio, samenwerkingsverband." };
            var minCell = new Option<int>("--min-cell") { Description = "Kleinste aantal leerlingen dat getoond wordt (standaard 5); kleinere worden weggelaten.", DefaultValueFactory = _ => AanwezigheidsAnalyse.Taskforce.Suppression.DefaultMinCell };
            var command = new Command("trends", "Per schoolweek en per groep scholen (alle, schooltype, gemeente, regio, samenwerkingsverband, school): leerlingen per trede en per thuiszitterscriterium en het verzuim, met kleine aantallen weggelaten.\n" +
                "Voorbeeld: aanwezigheid trends regio --schools scholen.csv")
            {
                dataset, output, schools, minCell, Lang,
            };
            command.SetAction(parse =>
            {
                var result = AanwezigheidsAnalyse.Taskforce.Trends.Run(new AanwezigheidsAnalyse.Taskforce.TrendsOptions
                {
                    Dataset = parse.GetValue(dataset)!,
                    Output = parse.GetValue(output),
                    SchoolsFile = parse.GetValue(schools),
                    MinCell = parse.GetValue(minCell),
                    Language = LanguageOf(parse),
                });
                var folder = parse.GetValue(output) ?? parse.GetValue(dataset)!;
                Console.WriteLine(Texts.Cli.RowsWritten(LanguageOf(parse), result.Rows.Count, Path.Combine(folder, "trends", "weekly.parquet")));
                var page = Path.Combine(folder, "trends", "trends.html");
                if (result.OldPage is { } old)
                    Console.WriteLine(Texts.Taskforce.OldTrendsPage(old, page).In(LanguageOf(parse)));
                foreach (var note in result.Notes)
                    Console.WriteLine(note.In(LanguageOf(parse)));
                if (File.Exists(page))
                    Console.WriteLine(page);
                return 0;
            });
            return command;
        }

        /// <summary>The region a flag names; null when the flag is absent.</summary>
        private static Region? RegionOf(string? text) =>
            text is null ? null : RegionNames.TryParse(text, out var region) ? region : throw Messages.NoSuchRegion(text);

        public static Command Backtest()
        {
            var range = new ResearchRange();
            var every = new Option<string>("--every") { Description = "Om de hoeveel schoolweken een peildatum: 1w (standaard), 2w, …", DefaultValueFactory = _ => "1w" };
            var policies = new Option<string[]>("--policy") { Description = "Beleid om te vergelijken (herhaal voor meer): kearney-nl (standaard), attendance-works, dfe-england of een bestand." };
            var output = new Option<string>("--out") { Description = "Map voor backtest.parquet, lead_times.parquet, backtest.json en backtest.html.", Required = true };
            var data = new DataOptions();
            var command = new Command("backtest", "Speelt elke peildatum na voor één of meer beleidsregels en scoort elk criterium tegen een latere uitkomst: gesignaleerd, precisie, recall, voorlooptijd.\n" +
                "Voorbeeld: aanwezigheid backtest jaar-2025-2026.csv --from 2025-09-19 --to 2026-05-29 --policy kearney-nl --policy attendance-works --outcome lr50 --horizon 8 --out backtest")
            {
                range.Inputs, range.From, range.To, every, policies, range.Outcome, range.Horizon, output, data.Profile, data.Region, data.Calendar, data.Timetable, data.Pupils, data.School, Lang,
            };
            command.SetAction(parse =>
            {
                var language = LanguageOf(parse);
                var everyText = parse.GetValue(every)!.Trim().ToLowerInvariant();
                if (!everyText.EndsWith('w') || !int.TryParse(everyText[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weeks))
                    throw new UserError(Texts.Research.EveryFormat(parse.GetValue(every)!), Setting.Inputs);
                var named = parse.GetValue(policies) is { Length: > 0 } given ? given : ["kearney-nl"];
                var (result, files) = AanwezigheidsAnalyse.Research.BacktestOutput.Run(new AanwezigheidsAnalyse.Research.BacktestOptions
                {
                    Input = data.Of(parse, parse.GetValue(range.Inputs)!, parse.GetValue(range.To), language),
                    From = parse.GetValue(range.From),
                    To = parse.GetValue(range.To),
                    EveryWeeks = weeks,
                    Policies = named,
                    Outcome = range.OutcomeOf(parse),
                    Horizon = parse.GetValue(range.Horizon),
                }, parse.GetValue(output)!);
                foreach (var note in result.Notes)
                    Console.WriteLine(note);
                Console.WriteLine(Texts.Cli.RowsWritten(language, result.Rows.Count, files[0]));
                Console.WriteLine(files[3]);
                return 0;
            });
            return command;
        }

        public static Command Train()
        {
            var range = new ResearchRange();
            var seed = new Option<int>("--seed") { Description = "Startwaarde van ML.NET: dezelfde waarde en data geven hetzelfde model (standaard 42).", DefaultValueFactory = _ => 42 };
            var output = new Option<string>("--out") { Description = "Map voor model.zip, metrics.json en model.md.", Required = true };
            var schools = new Option<string?>("--schools") { Description = "Scholenbestand (CSV, als bij trends): de eerlijkheidssectie vergelijkt dan schooltypes in plaats van scholen." };
            var data = new DataOptions();
            var command = new Command("train", "Traint een vroegsignaleringsmodel (ML.NET FastTree) op de maten van de regels per peildatum, getoetst op de laatste weken tegen de regels.\n" +
                "Voorbeeld: aanwezigheid train jaar-2025-2026.csv --from 2025-09-19 --to 2026-05-29 --outcome lr50 --horizon 8 --out model")
            {
                range.Inputs, range.From, range.To, range.Outcome, range.Horizon, seed, output, schools, data.Profile, data.Region, data.Calendar, data.Timetable, data.Pupils, data.School, Lang,
            };
            command.SetAction(parse =>
            {
                var language = LanguageOf(parse);
                var metrics = AanwezigheidsAnalyse.Research.Training.Run(new AanwezigheidsAnalyse.Research.TrainOptions
                {
                    Input = data.Of(parse, parse.GetValue(range.Inputs)!, parse.GetValue(range.To), language),
                    From = parse.GetValue(range.From),
                    To = parse.GetValue(range.To),
                    Outcome = range.OutcomeOf(parse),
                    Horizon = parse.GetValue(range.Horizon),
                    Seed = parse.GetValue(seed),
                    SchoolsFile = parse.GetValue(schools),
                }, parse.GetValue(output)!);
                Console.WriteLine(Texts.Research.Trained(language, metrics.TrainExamples, metrics.TestExamples, metrics.RocAuc, metrics.Model.Recall, metrics.Rules.Recall));
                foreach (var note in metrics.Notes)
                    Console.WriteLine(note);
                Console.WriteLine(Path.Combine(parse.GetValue(output)!, "model.md"));
                return 0;
            });
            return command;
        }

        /// <summary>The input options the research commands share with analyze.</summary>
        private sealed class DataOptions
        {
            public Option<string?> Profile { get; } = new("--profile") { Description = "Profiel: naam of bestand (standaard: herkennen)." };

            public Option<string?> Region { get; } = new("--region") { Description = "Vakantieregio: noord, midden (standaard) of zuid." };

            public Option<string?> Calendar { get; } = new("--calendar") { Description = "Kalenderbestand (JSON)." };

            public Option<string?> Timetable { get; } = new("--timetable") { Description = "Rooster: vo-standaard, po-standaard of een bestand." };

            public Option<string?> Pupils { get; } = new("--pupils") { Description = "Leerlingenlijst (CSV)." };

            public Option<string> School { get; } = new("--school-id") { Description = "Schoolcode voor exports zonder schoolkolom.", DefaultValueFactory = _ => "" };

            public AanwezigheidsAnalyse.Ingestion.LoadOptions Of(ParseResult parse, string[] inputs, LocalDate asOf, Language language) => new()
            {
                Inputs = inputs,
                AsOf = asOf,
                Profile = parse.GetValue(Profile),
                Region = RegionOf(parse.GetValue(Region)),
                CalendarFile = parse.GetValue(Calendar),
                Timetable = parse.GetValue(Timetable),
                PupilsFile = parse.GetValue(Pupils),
                SchoolId = parse.GetValue(School)!,
                Language = language,
            };
        }

        public static Command Patterns()
        {
            var inputs = new Argument<string[]>("bestanden") { Description = "Exportbestanden (CSV of Parquet): één schooljaar, of één bestand per schooljaar met evenveel --to.", Arity = ArgumentArity.OneOrMore };
            var to = new Option<string[]>("--to") { Description = "Laatste datum die meetelt (jjjj-mm-dd); één voor alle bestanden, of één per bestand (dan het schooljaar van dat bestand).", Required = true };
            var output = new Option<string>("--out") { Description = "Map voor patterns.parquet, clusters.parquet, patterns_by_school.parquet, patterns.json en patterns.md.", Required = true };
            var seed = new Option<int>("--seed") { Description = "Startwaarde van k-means (standaard 42).", DefaultValueFactory = _ => 42 };
            var key = new Option<string?>("--pseudonymize-key") { Description = "Sleutelbestand: pupil_key in patterns.parquet wordt het HMAC-SHA-256-pseudoniem dat analyze met dezelfde sleutel maakt." };
            var data = new DataOptions();
            var command = new Command("patterns", "Verzuimpatronen: per leerling en schooljaar een profiel van het verzuim (weekdag, lesuur, soort, periodes, seizoen, rond vakanties), geclusterd met k-means en in woorden beschreven, met het aandeel per school en jaar.\n" +
                "Voorbeeld: aanwezigheid patterns regio-2024-2025.csv regio-2025-2026.csv --to 2025-07-18 --to 2026-07-17 --out patronen")
            {
                inputs, to, output, seed, key, data.Profile, data.Region, data.Calendar, data.Timetable, data.Pupils, data.School, Lang,
            };
            command.SetAction(parse =>
            {
                var language = LanguageOf(parse);
                var files = parse.GetValue(inputs)!;
                var dates = parse.GetValue(to)!.Select(text => LocalDatePattern.Iso.Parse(text) is { Success: true } d ? d.Value : throw new UserError(Texts.Research.NotADate("--to", text), Setting.Period)).ToList();
                if (dates.Count != 1 && dates.Count != files.Length)
                    throw new UserError(Texts.Research.OneToPerFile(files.Length, dates.Count), Setting.Period);
                var years = dates.Count == 1 ? [data.Of(parse, files, dates[0], language)] : files.Select((f, i) => data.Of(parse, [f], dates[i], language)).ToList();
                var result = AanwezigheidsAnalyse.Research.Patterns.Run(new AanwezigheidsAnalyse.Research.PatternsOptions { Years = years, Seed = parse.GetValue(seed), PseudonymizeKeyFile = parse.GetValue(key) }, parse.GetValue(output)!);
                foreach (var cluster in result.Clusters)
                    Console.WriteLine($"{cluster.Number}. {cluster.Description.In(language)} ({cluster.Pupils})");
                Console.WriteLine(Path.Combine(parse.GetValue(output)!, "patterns.md"));
                return 0;
            });
            return command;
        }

        /// <summary>The data, range and outcome that backtest and train share.</summary>
        private sealed class ResearchRange
        {
            public ResearchRange()
            {
                Outcome.AcceptOnlyFromAmong("lr50", "thuiszitter", "tier3", "absence10");
            }

            public Argument<string[]> Inputs { get; } = new("bestanden") { Description = "Exportbestanden (CSV of Parquet), van één of meer schooljaren.", Arity = ArgumentArity.OneOrMore };

            public Option<LocalDate> From { get; } = DateOption("--from", "Eerste peildatum (jjjj-mm-dd): het einde van de eerste schoolweek die op of na deze dag eindigt.", required: true);

            public Option<LocalDate> To { get; } = DateOption("--to", "Laatste peildatum (jjjj-mm-dd): het einde van de laatste schoolweek die op of vóór deze dag eindigt; over meer schooljaren valt elke peildatum in zijn eigen schooljaar.", required: true);

            public Option<string> Outcome { get; } = new("--outcome") { Description = "De uitkomst waarvoor gewaarschuwd wordt: lr50 (standaard), thuiszitter, tier3, absence10.", DefaultValueFactory = _ => "lr50" };

            public Option<int> Horizon { get; } = new("--horizon") { Description = "De uitkomst telt als ze binnen zoveel schoolweken na de peildatum komt (standaard 8).", DefaultValueFactory = _ => 8 };

            public AanwezigheidsAnalyse.Research.Outcome OutcomeOf(ParseResult parse) => parse.GetValue(Outcome) switch
            {
                "thuiszitter" => AanwezigheidsAnalyse.Research.Outcome.Thuiszitter,
                "tier3" => AanwezigheidsAnalyse.Research.Outcome.Tier3,
                "absence10" => AanwezigheidsAnalyse.Research.Outcome.Absence10,
                _ => AanwezigheidsAnalyse.Research.Outcome.Lr50,
            };
        }

        /// <summary>
        /// A share written as 0.01, 0,01 or 1 %: a decimal comma is how the Dutch help itself writes it. Read as a number
        /// in the invariant culture, "0,01" was 1 (a thousands separator), and the reject gate was off without a word.
        /// </summary>
        private static Option<double> FractionOption(string name, string description, double fallback) => new(name)
        {
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
                if (Fraction.TryParse(text, out var value))
                    return value;
                result.AddError(Texts.Cli.NotAFraction(name, text).In(ParseLanguage));
                return fallback;
            },
        };

        private static Option<LocalDate> DateOption(string name, string description, bool required) => new(name)
        {
            Description = description,
            Required = required,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (parsed.Success)
                    return parsed.Value;
                result.AddError(Texts.Cli.NotADate(name, text).In(ParseLanguage));
                return default;
            },
        };
    }
}
