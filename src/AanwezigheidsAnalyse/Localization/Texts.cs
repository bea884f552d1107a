using System.Globalization;

namespace AanwezigheidsAnalyse.Localization;

/// <summary>
/// The text catalogue: every sentence the tool says to people, in Dutch and English, in one place. Entries take
/// plain values (paths, counts, dates) so that every stage can use them; words that belong to one concept of a
/// later stage (a criterion's label, a category's name, the reason a row was rejected) live with that concept, as a
/// <see cref="Phrase"/> too. Numbers and dates are formatted in the culture of each language (<see cref="Languages"/>).
/// </summary>
internal static partial class Texts
{
    // ---- settings and data files ----

    /// <summary>What a setting's file is called in a message: "Profiel 'x' bestaat niet".</summary>
    public static Phrase FileKind(Setting setting) => setting switch
    {
        Setting.Calendar => new("Kalenderbestand", "Calendar file"),
        Setting.Policy => new("Beleid", "Policy"),
        Setting.Profile => new("Profiel", "Profile"),
        Setting.Timetable => new("Rooster", "Timetable"),
        Setting.PupilList => new("Leerlingenlijst", "Pupil list"),
        Setting.PseudonymizeKey => new("Sleutelbestand", "Key file"),
        Setting.RejectsFile => new("Bestand voor afgekeurde regels", "File for rejected rows"),
        Setting.SuggestProfile => new("Profielbestand", "Profile file"),
        Setting.Output => new("Uitvoer", "Output"),
        Setting.Previous => new("Map van vorige week", "Last week's folder"),
        Setting.Model => new("Model", "Model"),
        _ => new("Invoerbestand", "Input file"),
    };

    public static Phrase PathHoldsBsn(Setting setting) => new(
        $"{FileKind(setting).Dutch}: een map- of bestandsnaam in het pad bevat een BSN (het pad wordt daarom niet getoond). Geef het bestand een naam, en zet het in een map, zonder BSN: het pad komt in run.json, het rapport en rejects.csv.",
        $"{FileKind(setting).English}: a folder or file name in the path holds a BSN (so the path is not shown). Give the file a name, and put it in a folder, without a BSN: the path goes into run.json, the report and rejects.csv.");

    public static Phrase FileMissing(Setting setting, string path) => path.StartsWith('-')
        // A mistyped option lands among the input files: say what it most likely is.
        ? new($"'{path}' is geen optie van deze opdracht en ook geen bestand; de opties staan bij --help.", $"'{path}' is not an option of this command, nor a file; --help lists the options.")
        : new($"{FileKind(setting).Dutch} '{path}' bestaat niet.", $"{FileKind(setting).English} '{path}' does not exist.");

    public static Phrase IsAFolder(Setting setting, string path) =>
        new($"{FileKind(setting).Dutch} '{path}' is een map, geen bestand.", $"{FileKind(setting).English} '{path}' is a folder, not a file.");

    public static Phrase NotARegularFile(Setting setting, string path) => new(
        $"{FileKind(setting).Dutch} '{path}' is geen gewoon bestand (een pipe of apparaat): dat kan maar één keer gelezen worden. Sla het eerst op als bestand.",
        $"{FileKind(setting).English} '{path}' is not a regular file (a pipe or device): it can be read only once. Save it as a file first.");

    public static Phrase OutputOfAnotherCommand(string folder, string other, string command) => new(
        $"De map '{folder}' bevat de uitvoer van '{other}'{(other == "train" ? " (een getraind model)" : "")}; '{command}' vervangt die niet. Kies een andere map voor --out.",
        $"The folder '{folder}' holds the output of '{other}'{(other == "train" ? " (a trained model)" : "")}; '{command}' does not replace it. Choose another folder for --out.");

    public static Phrase Utf16WithoutBom(string path) => new(
        $"'{path}' lijkt UTF-16-tekst zonder byte-order-mark; dat is niet veilig te lezen. Sla de export op als CSV UTF-8.",
        $"'{path}' looks like UTF-16 text without a byte order mark, which cannot be read safely. Save the export as CSV UTF-8.");

    /// <summary>A file that is no text at all: what it seems to be (xlsx, xls, ods, zip, pdf, png, gzip).</summary>
    public static Phrase NotText(string path, string? kind) => kind switch
    {
        "xlsx" or "xls" => new(
            $"'{path}' is een Excel-werkmap ({kind}), geen CSV. Open hem in Excel en kies Opslaan als > CSV UTF-8 (door lijstscheidingsteken gescheiden).",
            $"'{path}' is an Excel workbook ({kind}), not a CSV. Open it in Excel and choose Save As > CSV UTF-8 (comma delimited)."),
        "ods" => new(
            $"'{path}' is een OpenDocument-rekenblad (ods), geen CSV. Sla het op als CSV (UTF-8).",
            $"'{path}' is an OpenDocument spreadsheet (ods), not a CSV. Save it as CSV (UTF-8)."),
        "zip" or "gzip" => new(
            $"'{path}' is een gecomprimeerd bestand ({kind}), geen CSV. Pak het uit en geef de CSV-bestanden erin; is het een document of rekenblad, sla het dan op als CSV.",
            $"'{path}' is a compressed file ({kind}), not a CSV. Unpack it and give the CSV files in it; if it is a document or spreadsheet, save it as CSV."),
        "pdf" => new($"'{path}' is een PDF, geen CSV. Maak de export opnieuw als CSV.", $"'{path}' is a PDF, not a CSV. Make the export again as a CSV."),
        _ => new($"'{path}' is een afbeelding ({kind}), geen CSV. Geef de export zelf.", $"'{path}' is an image ({kind}), not a CSV. Give the export itself."),
    };

    public static Phrase DataFileTooLarge(Setting setting, string name, int maxMb) => new(
        $"{FileKind(setting).Dutch} '{name}' is groter dan {maxMb} MB: dat is geen instellingenbestand. Kies het goede bestand.",
        $"{FileKind(setting).English} '{name}' is larger than {maxMb} MB: that is not a settings file. Choose the right file.");

    public static Phrase FileEmpty(Setting setting, string name) =>
        new($"{FileKind(setting).Dutch} '{name}' is leeg.", $"{FileKind(setting).English} '{name}' is empty.");

    public static Phrase WholeDaysWithTimes(string path, long rows) => Phrase.Of(
        $"'{path}': {rows:N0} regels zonder lesuur hebben een tijd bij de datum (zoals '12-11-2025 10:10'); ze tellen als hele dagen. Is die tijd het lesuur van de registratie, geef dan de kolom met het lesuur, of een profiel met een tijdkolom (README, 'Profiles'): nu telt één les als een hele dag.",
        $"'{path}': {rows:N0} rows without a lesson have a time with their date (such as '12-11-2025 10:10'); they count as whole days. If that time is the registration's lesson, give the column with the lesson, or a profile with a time column (README, 'Profiles'): as it is, one lesson counts as a whole day.");

    public static Phrase SecondHeader(string path, long line, string header, string first) => Phrase.Of(
        $"'{path}' heeft op regel {line} een tweede kopregel met andere kolommen ({header}) dan de eerste ({first}): twee exports achter elkaar gezet. De regels eronder zouden in de verkeerde kolommen gelezen worden. Geef elke export als eigen bestand.",
        $"'{path}' has a second header row at line {line} with other columns ({header}) than the first ({first}): two exports put one after the other. The rows below it would be read in the wrong columns. Give each export as a file of its own.");

    public static Phrase NotUtf8(Setting setting, string name, int line) => Phrase.Of(
        $"{FileKind(setting).Dutch} '{name}' is geen UTF-8-tekst (regel {line} heeft een teken in een andere codering, zoals Latin-1 of Windows-1252). Sla het bestand op als UTF-8 (Kladblok: Opslaan als, codering UTF-8).",
        $"{FileKind(setting).English} '{name}' is not UTF-8 text (line {line} has a character in another encoding, such as Latin-1 or Windows-1252). Save the file as UTF-8 (Notepad: Save As, encoding UTF-8).");

    public static Phrase NotValidJson(Setting setting, string name, long? line, long column, Phrase problem) => Phrase.Of(
        $"{FileKind(setting).Dutch} '{name}' is geen geldige JSON{(line is { } l ? $" (regel {l}, kolom {column})" : "")}: {problem.Dutch}",
        $"{FileKind(setting).English} '{name}' is not valid JSON{(line is { } l2 ? $" (line {l2}, column {column})" : "")}: {problem.English}");

    public static Phrase UnknownField(Setting setting, string name, long? line, long column, string? path, string? field, string allowed) => Phrase.Of(
        $"{FileKind(setting).Dutch} '{name}' heeft een veld dat hier niet bestaat{Where(line, column, path, "regel", "kolom")}{(field is null ? "" : $": '{field}'")}. Hier kunnen: {allowed}. Een tikfout, of een veld op de verkeerde plek?",
        $"{FileKind(setting).English} '{name}' has a field that does not exist here{Where(line, column, path, "line", "column")}{(field is null ? "" : $": '{field}'")}. Allowed here: {allowed}. A typo, or a field in the wrong place?");

    /// <summary>How a JSON file is written is wrong: in Dutch in general words, in English .NET's own (which says which).</summary>
    /// <summary>
    /// How a data file is written, said from .NET's message: a field given twice by its name, the rest in general
    /// terms in Dutch and in .NET's own words in English, without its place (0-based: the message names it 1-based).
    /// </summary>
    public static Phrase JsonSyntax(string dotnetMessage)
    {
        if (System.Text.RegularExpressions.Regex.Match(dotnetMessage, @"[Dd]uplicate (?:property|key)[^']*'([^']{1,64})'") is { Success: true } twice)
        {
            var field = twice.Groups[1].Value;
            return new($"het veld '{field}' staat er twee keer: houd er één", $"the field '{field}' is there twice: keep one");
        }
        var words = System.Text.RegularExpressions.Regex.Replace(dotnetMessage, @"\s*(Path:|LineNumber:|\| BytePositionInLine:).*$", "", System.Text.RegularExpressions.RegexOptions.Singleline).TrimEnd(' ', '.');
        return new(
            "de schrijfwijze klopt hier niet: een komma, aanhalingsteken of haakje te veel of te weinig, of tekst zonder aanhalingstekens",
            words.Length > 0 ? words : "the way it is written is not right here");
    }

    public static Phrase NullInList => new(
        "een lijst bevat null: laat het weg, of zet er de waarde die bedoeld is",
        "a list holds null: leave it out, or put the value that was meant");

    public static Phrase NullInsteadOfList(string key) => new(
        $"'{key}' is null waar een lijst hoort; schrijf [] voor geen",
        $"'{key}' is null where a list belongs; write [] for none");

    public static Phrase SlotNameTwice(string name) => new(
        $"slot_names noemt '{name}' twee keer (hoofdletters en accenten tellen niet): houd er één",
        $"slot_names names '{name}' twice (upper case and accents do not count): keep one");

    public static Phrase NotAnIsoDate => new("geen datum in de vorm jjjj-mm-dd", "not a date in the form yyyy-MM-dd");

    public static Phrase WrongValue(Setting setting, string name, long? line, long column, string? path, Phrase problem) => Phrase.Of(
        $"{FileKind(setting).Dutch} '{name}' heeft een waarde die niet klopt{Where(line, column, path, "regel", "kolom")}: {problem.Dutch}",
        $"{FileKind(setting).English} '{name}' has a value that is not right{Where(line, column, path, "line", "column")}: {problem.English}");

    public static Phrase MissingFields(Setting setting, string name, long? line, long column, string? path, string fields) => Phrase.Of(
        $"{FileKind(setting).Dutch} '{name}' mist een verplicht veld{Where(line, column, path, "regel", "kolom")}: {fields}. Vul het aan.",
        $"{FileKind(setting).English} '{name}' lacks a required field{Where(line, column, path, "line", "column")}: {fields}. Add it.");

    private static string Where(long? line, long column, string? path, string lineWord, string columnWord) =>
        (line, path) switch
        {
            ({ } l, { Length: > 0 } p) => string.Create(CultureInfo.InvariantCulture, $" ({lineWord} {l}, {columnWord} {column}, {p})"),
            ({ } l, _) => string.Create(CultureInfo.InvariantCulture, $" ({lineWord} {l}, {columnWord} {column})"),
            (_, { Length: > 0 } p) => $" ({p})",
            _ => "",
        };

    public static Phrase SchoolIdInvalid => new(
        "de schoolcode is langer dan 64 tekens, bevat stuurtekens of een komma, of lijkt een BSN; geef de code zoals de BRIN, bijvoorbeeld 12AB.",
        "the school code is longer than 64 characters, holds control characters or a comma, or looks like a BSN; give the code as the BRIN, for example 12AB.");

    /// <summary>The categories a code table may name, as files write them (a test keeps this list equal to the ledger's).</summary>
    public const string CategoryChoices = "present, late, off_site_education, sick, sent_home_sick, authorized_other, unauthorized, suspended, reduced_timetable, exempt, ignore";

    public static Phrase NotACategory => new($"dit is geen categorie; kies uit {CategoryChoices}", $"this is not a category; choose from {CategoryChoices}");

    public static Phrase WrongJsonType => new(
        "de waarde past hier niet: een woord dat hier niet kan, of de verkeerde soort (tekst waar een getal hoort, een lijst waar een object hoort). De README noemt per sleutel wat kan.",
        "the value does not fit here: a word that is not allowed here, or the wrong kind (text where a number belongs, a list where an object belongs). The README lists what each key takes.");

    public static Phrase AsOfOutsideSchoolYear(NodaTime.LocalDate asOf, string year) => new(
        $"De peildatum {asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} ligt buiten schooljaar {year}, het schooljaar van de gelezen gegevens.",
        $"The as-of date {asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} lies outside school year {year}, the year of the data read.");

    public static Phrase LastWeekMostlyRejected(double share) => Phrase.Of(
        $"De export ervan had {share:P0} afgekeurde regels, dus ook de treden van die week zijn niet te vertrouwen.",
        $"Its export had {share:P0} rows rejected, so that week's tiers cannot be trusted either.");

    public static Phrase NothingInSchoolYear(long outside, long rows) => Phrase.Of(
        $"Er valt niets te analyseren: {outside} van de {rows} regels liggen buiten het schooljaar tot en met de peildatum, en geen regel erbinnen. Klopt de peildatum (--as-of)?",
        $"There is nothing to analyse: {outside} of {rows} rows lie outside the school year up to the as-of date, and no row inside it. Is the as-of date (--as-of) right?");

    public static Phrase NobodyOnTheRoll(int left, NodaTime.LocalDate asOf, NodaTime.LocalDate lastDay) => Phrase.Of(
        $"Er valt niets te analyseren: geen leerling staat in de week van de peildatum {asOf:yyyy-MM-dd} ingeschreven. Alle {left} leerlingen zijn eerder uitgeschreven; wie het laatst vertrok had {lastDay:yyyy-MM-dd} als laatste schooldag. Klopt de peildatum (--as-of), en is de leerlingenlijst (--pupils) van nu?",
        $"There is nothing to analyse: no pupil is enrolled in the week of the as-of date {asOf:yyyy-MM-dd}. All {left} pupils left earlier; the last of them to leave had {lastDay:yyyy-MM-dd} as their last school day. Is the as-of date (--as-of) right, and is the pupil list (--pupils) a current one?");

    public static Phrase NoRowsInExports(IReadOnlyList<string> files) => Phrase.Of(
        $"Er valt niets te analyseren: {Quoted(files)} {(files.Count == 1 ? "heeft" : "hebben")} geen enkele regel onder de kopregel. Is de export afgebroken of leeg opgeslagen? Maak hem opnieuw, of geef met --pupils de leerlingenlijst.",
        $"There is nothing to analyse: {Quoted(files)} {(files.Count == 1 ? "has" : "have")} no row below the header. Was the export cut off or saved empty? Make it again, or give the pupil list with --pupils.");

    private static string Quoted(IReadOnlyList<string> files) => string.Join(", ", files.Select(f => $"'{f}'"));

    public static Phrase MaxRejectRateRange => new(
        "Het hoogste deel afgekeurde regels ligt tussen 0 en 1 (0,01 = 1 %).", "The highest share of rejected rows lies between 0 and 1 (0.01 = 1 %).");

    public static Phrase NoSuchWindow(string text) => new($"venster '{text}' bestaat niet (ytd, 4w, 8w).", $"window '{text}' does not exist (ytd, 4w, 8w).");

    /// <summary>A setting's file has a value the tool cannot use: "Profiel 'x': de codetabel is leeg."</summary>
    public static Phrase InvalidFile(Setting setting, string name, Phrase problem) =>
        new($"{FileKind(setting).Dutch} '{name}': {problem.Dutch}", $"{FileKind(setting).English} '{name}': {problem.English}");

    public static Phrase NeitherFileNorBundled(Setting setting, string name, IEnumerable<string> bundled)
    {
        var list = string.Join(", ", bundled);
        return setting switch
        {
            Setting.Policy => new($"Beleid '{name}' bestaat niet als bestand en is geen ingebouwd beleid ({list}).", $"Policy '{name}' is neither a file nor a bundled policy ({list})."),
            Setting.Timetable => new($"Er is geen ingebouwd rooster '{name}' en geen roosterbestand met die naam. Ingebouwd: {list}.", $"There is no bundled timetable '{name}' and no timetable file of that name. Bundled: {list}."),
            _ => new($"Profiel '{name}' bestaat niet als bestand en is geen ingebouwd profiel ({list}).", $"Profile '{name}' is neither a file nor a bundled profile ({list})."),
        };
    }
}

internal static partial class Texts
{
    // ---- calendar ----

    /// <summary>Where a calendar's free days come from, as run.json and the report name it (in Dutch, the school's own words).</summary>
    public static Phrase BuiltInCalendar(string region) => new($"regio {region} (Rijksoverheid)", $"region {region} (Rijksoverheid)");

    /// <inheritdoc cref="BuiltInCalendar"/>
    public static Phrase CalendarFile(string file, int freePeriods, bool replacesBuiltIn) => new(
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file} ({freePeriods} vrije periodes{(replacesBuiltIn ? ", vervangt de ingebouwde" : "")})"),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file} ({freePeriods} free periods{(replacesBuiltIn ? ", replacing the built-in ones" : "")})"));

    public static Phrase FreeDayEndsBeforeItStarts(string name, NodaTime.LocalDate first, NodaTime.LocalDate last) => Phrase.Of(
        $"'{name}' eindigt ({last:yyyy-MM-dd}) vóór het begint ({first:yyyy-MM-dd}).",
        $"'{name}' ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).");

    public static Phrase YearNotBuiltIn(string firstYear, string lastYear, string year) => new(
        $"De ingebouwde schoolvakanties gaan over de schooljaren {firstYear} tot en met {lastYear}, niet over {year}. " +
        "Geef de vrije dagen van dat jaar in een kalenderbestand met \"replace_builtin\": true.",
        $"The built-in school holidays cover school years {firstYear} to {lastYear}, not {year}. " +
        "Give that year's free days in a calendar file with \"replace_builtin\": true.");
}

internal static partial class Texts
{
    // ---- timetables ----

    public static Phrase SlotOutOfRange(int slot, string? weekday, int maxSlot) => Phrase.Of(
        $"slot {slot}{(weekday is null ? "" : $" op {weekday}")} ligt niet tussen 0 en {maxSlot}.",
        $"slot {slot}{(weekday is null ? "" : $" on {weekday}")} is not between 0 and {maxSlot}.");

    public static Phrase SlotEndsBeforeItStarts(int slot) => Phrase.Of(
        $"slot {slot} eindigt niet na het begin.", $"slot {slot} does not end after it starts.");

    public static Phrase NotADateFormat(string format) => new(
        $"datumnotatie '{format}' is geen geldige notatie (bijvoorbeeld dd-MM-yyyy of yyyy-MM-dd).",
        $"date format '{format}' is not a valid pattern (for example dd-MM-yyyy or yyyy-MM-dd).");

    public static Phrase TimetableSchedulesNothing => new(
        "het rooster plant op geen enkele weekdag een slot (days is leeg); geef per weekdag de slots, bijvoorbeeld \"monday\": [1, 2, 3, 4, 5, 6, 7].",
        "the timetable schedules no slot on any weekday (days is empty); give the slots per weekday, for example \"monday\": [1, 2, 3, 4, 5, 6, 7].");

    public static Phrase SlotTwice(int slot) => Phrase.Of(
        $"slot {slot} staat twee keer in de lijst van slots; geef elk slot één keer.", $"slot {slot} appears twice in the list of slots; give each slot once.");

    public static Phrase SlotNotDefined(int slot, string weekday) => Phrase.Of(
        $"{weekday} noemt slot {slot}, dat niet bij de slots staat; voeg het toe aan slots of haal het weg bij {weekday}.",
        $"{weekday} names slot {slot}, which is not among the slots; add it to slots or remove it from {weekday}.");

    public static Phrase OutOfRange(string field, double value, double min, double max, bool minExclusive) => Phrase.Of(
        $"{field} is {value}, maar moet {(minExclusive ? "groter dan" : "minstens")} {min} en hoogstens {max} zijn.",
        $"{field} is {value}, but must be {(minExclusive ? "more than" : "at least")} {min} and at most {max}.");

    public static Phrase SlotWithoutLength(int slot) => Phrase.Of(
        $"slot {slot} heeft geen geldige duur (minutes, of start en end).", $"slot {slot} has no valid length (minutes, or start and end).");

    public static Phrase NotATime(string text) => new($"'{text}' is geen tijd (H:mm).", $"'{text}' is not a time (H:mm).");
}

internal static partial class Texts
{
    // ---- policies ----

    public static Phrase NoTierRules => new("er zijn geen trederegels.", "there are no tier rules.");

    public static Phrase NoSuchTier(int tier) => Phrase.Of($"trede {tier} bestaat niet (1-3).", $"tier {tier} does not exist (1-3).");

    // The share as the JSON file writes it (0.1), not as either language would.
    public static Phrase NoShare(double share) => NoShare(share.ToString(CultureInfo.InvariantCulture));

    private static Phrase NoShare(string share) => new(
        $"at_least {share} is geen aandeel: schrijf een getal boven 0 en hoogstens 1, zoals 0.1 voor 10 %.",
        $"at_least {share} is not a share: write a number above 0 and at most 1, such as 0.1 for 10 %.");

    public static Phrase TierRuleNeverHolds(int tier, IReadOnlyList<string> criteria) => criteria.Count == 0
        ? Phrase.Of($"de regel voor trede {tier} heeft geen rate en geen criteria, en geldt dus nooit. Geef een rate (\"rate\": {{ \"window\": \"8w\", \"at_least\": 0.1 }}) of criteria, of laat de regel weg.",
            $"the rule for tier {tier} has no rate and no criteria, so it never holds. Give a rate (\"rate\": {{ \"window\": \"8w\", \"at_least\": 0.1 }}) or criteria, or leave the rule out.")
        : Phrase.Of($"de regel voor trede {tier} noemt alleen criteria die uit staan ({string.Join(", ", criteria)}), en geldt dus nooit. Zet er een aan (\"enabled\": true), of laat de regel weg.",
            $"the rule for tier {tier} names only criteria that are switched off ({string.Join(", ", criteria)}), so it never holds. Switch one on (\"enabled\": true), or leave the rule out.");

    public static Phrase AbsenceKindsOverlap(double geoorloofd, double ongeoorloofd) => Phrase.Of(
        $"criteria.LR-50: geoorloofd_max_unauthorized_share ({geoorloofd.ToString(CultureInfo.InvariantCulture)}) moet kleiner zijn dan ongeoorloofd_min_unauthorized_share ({ongeoorloofd.ToString(CultureInfo.InvariantCulture)}), anders overlappen geoorloofd en ongeoorloofd.",
        $"criteria.LR-50: geoorloofd_max_unauthorized_share ({geoorloofd.ToString(CultureInfo.InvariantCulture)}) must be below ongeoorloofd_min_unauthorized_share ({ongeoorloofd.ToString(CultureInfo.InvariantCulture)}), or geoorloofd and ongeoorloofd overlap.");

    public static Phrase NamesNoCriterion(string pattern, string? meant, IEnumerable<string> ids) => meant is not null
        ? new($"'{pattern}' noemt geen criterium: bedoelt u '{meant}'? Ids schrijft u in hoofdletters, zoals in de uitvoer.", $"'{pattern}' names no criterion: did you mean '{meant}'? Ids are written in capitals, as in the outputs.")
        : new($"'{pattern}' noemt geen criterium. Geldig zijn de ids {string.Join(", ", ids)}, of een begin met * (ZZV-*).", $"'{pattern}' names no criterion. Valid are the ids {string.Join(", ", ids)}, or a prefix with * (ZZV-*).");
}

internal static partial class Texts
{
    // ---- last week's run ----

    public static Phrase LastWeekNotBefore(string directory, NodaTime.LocalDate previous, NodaTime.LocalDate asOf) => new(
        $"De uitvoer in '{directory}' is van peildatum {previous:yyyy-MM-dd}, niet vóór deze peildatum {asOf:yyyy-MM-dd}: geef de uitvoermap van een eerdere week.",
        $"The output in '{directory}' is of as-of date {previous:yyyy-MM-dd}, not before this as-of date {asOf:yyyy-MM-dd}: give the output folder of an earlier week.");

    public static Phrase LastWeekNoPupilMatches(string directory, int pupils) => Phrase.Of(
        $"Geen van de {pupils} leerlingen van '{directory}' komt in deze analyse voor: is die week met een andere --pseudonymize-key gemaakt (of juist zonder)? Gebruik dezelfde sleutel als vorige week.",
        $"None of the {pupils} pupils of '{directory}' is in this analysis: was that week made with another --pseudonymize-key (or without one)? Use last week's key.");

    public static Phrase LastWeekOtherSchool(string directory, string schools) => new(
        $"De uitvoer in '{directory}' is van een andere school ({schools}): geef de uitvoermap van deze school van vorige week.",
        $"The output in '{directory}' is of another school ({schools}): give this school's output folder of last week.");

    public static Phrase LastWeekMissing(string directory, string file = "pupils.parquet") => new(
        $"De map van vorige week '{directory}' bevat geen {file}: geef de uitvoermap van vorige week, zoals die gemaakt is.",
        $"Last week's directory '{directory}' has no {file}: give last week's output directory as it was made.");

    public static Phrase LastWeekUnreadable(string directory, string problem) => new(
        $"De uitvoer van vorige week in '{directory}' is niet te lezen ({problem}).",
        $"Last week's output in '{directory}' cannot be read ({problem}).");

    /// <summary>Where last week's tiers came from, as run.json and the report say it.</summary>
    public static string LastWeekSource(string directory, NodaTime.LocalDate asOf) =>
        $"{directory} ({asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})";
}

internal static partial class Texts
{
    // ---- pseudonyms ----

    public static Phrase KeyTooShort(string path) => new(
        $"Sleutelbestand '{path}' is te kort: gebruik minstens 16 tekens, bijvoorbeeld een willekeurige reeks van 32 tekens (openssl rand -hex 32).",
        $"Key file '{path}' is too short: use at least 16 characters, for example a random string of 32 (openssl rand -hex 32).");

    public static Phrase GenerateBusy(string path) => new(
        $"Er loopt al een generate naar '{path}'. Wacht tot die klaar is, of kies een andere naam.",
        $"A generate into '{path}' is already running. Wait until it has finished, or choose another name.");

    public static Phrase GenerateWouldOverwrite(string path) => new(
        $"'{path}' bestaat al (of is ook het andere uitvoerbestand); generate schrijft nooit over een bestaand bestand. Kies een andere naam of verwijder het eerst.",
        $"'{path}' already exists (or is the other output as well); generate never writes over an existing file. Choose another name or delete it first.");

    public static Phrase KeyTooLong(string path, int max) => Phrase.Of(
        $"Sleutelbestand '{path}' is langer dan {max} bytes: dat is geen sleutel. Maak er een met openssl rand -hex 32.",
        $"Key file '{path}' is longer than {max} bytes: that is not a key. Make one with openssl rand -hex 32.");

    public static Phrase KeyTooPredictable(string path) => new(
        $"Sleutelbestand '{path}' is te voorspelbaar (te weinig verschillende tekens, een herhaald woord of een reeks als 0123…): een pseudoniem is dan terug te rekenen. Maak een willekeurige sleutel, bijvoorbeeld met openssl rand -hex 32.",
        $"Key file '{path}' is too predictable (too few different characters, a repeated word or a run such as 0123…): pseudonyms could be reversed. Make a random key, for example with openssl rand -hex 32.");
}

internal static partial class Texts
{
    // ---- rejects.csv ----

    /// <summary>The header row of rejects.csv.</summary>
    public static string[] RejectsHeader(Language l) => l == Language.Dutch
        ? ["bestand", "regel", "kolom", "waarde", "reden_code", "reden"]
        : ["file", "line", "column", "value", "reason_code", "reason"];
}

internal static partial class Texts
{
    // ---- profiles ----

    public static Phrase RequiredColumnWithoutNames(string role) => new($"de verplichte kolom {role} heeft geen kolomnamen.", $"required column {role} has no header names.");

    public static Phrase ShapeNeedsColumn(string shape, string role) => new($"vorm {shape} vraagt een verplichte kolom {role}.", $"shape {shape} needs a required column {role}.");

    public static Phrase CodeTableEmpty => new(
        "de codetabel is leeg: zet elke code van de export erin met haar categorie (README, 'Profiles').",
        "the code table is empty: list every code of the export with its category (README, 'Profiles').");

    public static Phrase CodeTwice(string code) => new($"code '{code}' staat twee keer in de codetabel.", $"code '{code}' appears twice in the code table.");

    public static Phrase CodeWithoutCategory(string code) => new($"code '{code}' heeft geen categorie.", $"code '{code}' has no category.");

    public static Phrase NoDateFormats => new("er zijn geen datumformaten.", "there are no date formats.");
}

internal static partial class Texts
{
    // ---- reading exports ----

    public static Phrase FirstLineHasNoKnownColumn(int columns) => new(
        $"(de eerste regel heeft {columns} kolom(men) en geen ervan is een bekende kolomnaam; niet getoond, want zonder kopregel zou het een regel met gegevens zijn. Controleer of het bestand een kopregel met kolomnamen heeft)",
        $"(the first line has {columns} column(s) and none is a known column name; not shown, as without a header row it would be a row of data. Check that the file has a header row of column names)");

    public static Phrase FirstLineLooksLikeData => new(
        "(de eerste regel bevat een datum of getal: het lijkt een regel met gegevens, zonder kopregel met kolomnamen; exporteer opnieuw met kolomnamen)",
        "(the first line holds a date or a number: it looks like a row of data, without a header row of column names; export again with column names)");

    public static Phrase NoHeaderToSuggestFrom(string path, Phrase found) => new(
        $"{path}: de eerste regel heeft geen kolomnaam die het programma kent ({found.Dutch}), dus er valt geen profiel uit af te leiden. Begin met een profiel uit de README, 'Profiles'.",
        $"{path}: the first line has no column name the tool knows ({found.English}), so no profile can be derived from it. Start from a profile in the README, 'Profiles'.");

    public static Phrase PupilNumbersAreBsns(string school, int bsns, int shorter, int bsnPupils, string path, long line, string column) => Phrase.Of(
        $"Het leerlingnummer is een BSN: ten minste {bsnPupils} leerlingen hebben een BSN als leerlingnummer (de eerste: '{path}' regel {line}, kolom '{column}'), en {AtSchool(school).Dutch} is van de {shorter} leerlingnummers van 7 of 8 cijfers {bsns} een BSN zonder de nullen vooraan (Excel laat die weg). {PupilNumbersAreBsnsWhatToDo.Dutch}",
        $"The pupil number is a BSN: at least {bsnPupils} pupils have a BSN as their pupil number (the first: '{path}' line {line}, column '{column}'), and {AtSchool(school).English}, of the {shorter} pupil numbers of 7 or 8 digits, {bsns} are a BSN without its leading zeros (Excel drops them). {PupilNumbersAreBsnsWhatToDo.English}");

    public static Phrase PupilNumberColumnOfBsns(string path, long bsnRows, long rows, long line, string column) => Phrase.Of(
        $"Het leerlingnummer is een BSN: {bsnRows} van de {rows} regels hebben een BSN als leerlingnummer (de eerste: '{path}' regel {line}, kolom '{column}'). {PupilNumbersAreBsnsWhatToDo.Dutch}",
        $"The pupil number is a BSN: {bsnRows} of the {rows} rows have a BSN as their pupil number (the first: '{path}' line {line}, column '{column}'). {PupilNumbersAreBsnsWhatToDo.English}");

    public static Phrase PupilNumbersAreBsns(string school, int bsns, int shorter) => Phrase.Of(
        $"Het leerlingnummer is een BSN: {AtSchool(school).Dutch} is van de {shorter} leerlingnummers van 7 of 8 cijfers {bsns} een BSN zonder de nullen vooraan (Excel laat die weg); van de nummers van een school is dat ongeveer 1 op 11. {PupilNumbersAreBsnsWhatToDo.Dutch}",
        $"The pupil number is a BSN: {AtSchool(school).English}, of the {shorter} pupil numbers of 7 or 8 digits, {bsns} are a BSN without its leading zeros (Excel drops them); of a school's own numbers about 1 in 11 are. {PupilNumbersAreBsnsWhatToDo.English}");

    private static Phrase AtSchool(string school) => school.Length > 0 ? new($"bij school {school}", $"at school {school}") : new("in de export", "in the export");

    private static readonly Phrase PupilNumbersAreBsnsWhatToDo = new(
        "Een BSN is geen leerlingnummer en komt nooit in de uitvoer. Exporteer opnieuw met het leerlingnummer (stamnummer), of wijs in het profiel die kolom aan als leerlingnummer en zet de BSN-kolom bij personal_columns.",
        "A BSN is not a pupil number and never goes into an output. Export again with the pupil number (stamnummer), or map that column as the pupil number in the profile and list the BSN column under personal_columns.");

    public static Phrase BsnIsNoPupilNumber(string column) => new(
        $"de kolom '{column}' is als leerlingnummer opgegeven, maar een BSN is geen leerlingnummer en wordt nooit gelezen. Neem het leerlingnummer (stamnummer) en zet '{column}' bij personal_columns.",
        $"the column '{column}' is given as the pupil number, but a BSN is not a pupil number and is never read. Take the pupil number (stamnummer) and list '{column}' under personal_columns.");

    public static Phrase CannotWriteRejects(string folder) => new(
        $"In de map '{folder}' kan het programma rejects.csv niet schrijven (alleen lezen, of de map bestaat niet). Geef een andere plek met --rejects BESTAND, of werk vanuit een map waarin je mag schrijven.",
        $"The tool cannot write rejects.csv in the folder '{folder}' (read-only, or it does not exist). Give another place with --rejects FILE, or work from a folder you may write in.");

    public static Phrase SuggestNeedsCsv(string path) => new(
        $"{path}: een profiel wordt uit een CSV-export afgeleid; een Parquet-bestand heeft de kolommen van het canonieke formaat of van een profiel dat je opgeeft (README, 'Input').",
        $"{path}: a profile is derived from a CSV export; a Parquet file has the columns of the canonical format or of a profile you give (README, 'Input').");

    public static Phrase FolderMissing(Setting setting, string folder) => new(
        $"De map '{folder}' bestaat niet. Maak haar aan, of kies een andere plek voor het {FileKind(setting).Dutch.ToLowerInvariant()}.",
        $"The folder '{folder}' does not exist. Create it, or choose another place for the {FileKind(setting).English.ToLowerInvariant()}.");

    public static Phrase SuggestedProfileExists(string path) => new(
        $"'{path}' bestaat al; het programma schrijft er niet overheen. Kies een nieuwe bestandsnaam voor het profiel.",
        $"'{path}' already exists; the tool does not write over it. Choose a new file name for the profile.");

    public static Phrase PupilColumnInTwoRoles(string path, string header, string role) => new(
        $"{path}: de kolom '{header}' is in het profiel het leerlingnummer en ook {role}: één kolom heeft één rol. Wijs de rol {role} aan een andere kolom toe, of laat hem weg.",
        $"{path}: the column '{header}' is the pupil number in the profile and also {role}: one column has one role. Give the role {role} another column, or leave it out.");

    public static Phrase ColumnTwice(string path, string header, int first, int second) => new(
        $"{path}: de kolom '{header}' staat twee keer in de kopregel (kolom {first} en {second}); welke bedoeld is, is niet te zeggen. Haal er één weg of geef hem een andere naam.",
        $"{path}: the column '{header}' appears twice in the header row (columns {first} and {second}); which one is meant cannot be told. Remove one or rename it.");

    public static Phrase PresentRowsOfFewPupils(int present, int pupils, long presentRows, long acceptedRows) => new(
        $"{presentRows} van {acceptedRows} regels zijn 'aanwezig', maar ze komen van {present} van de {pupils} leerlingen: gelezen als een export van alleen verzuim, met het rooster als geroosterde tijd. Is het een volledige registratie, zet dan \"register\": \"full\" in het profiel (zie README, 'Scheduled time').",
        $"{presentRows} of {acceptedRows} rows are 'present', but they come from {present} of the {pupils} pupils: read as an absence-only export, with the timetable as scheduled time. If it is a full register, set \"register\": \"full\" in the profile (see README, 'Scheduled time').");

    public static Phrase DurationsTooShort(string path, string profile) => new(
        $"{path}: de meeste hele dagen afwezig staan er met hoogstens 1 minuut in. Staat de duur als deel van een dag (1 = hele dag, 0,5 = halve dag) of in uren? Zet dan in het profiel '{profile}' \"duration_unit\": \"day_fraction\" of \"hours\" (zie README, 'Profiles'); nu telt zo'n dag als 1 minuut verzuim.",
        $"{path}: most whole days of absence carry at most 1 minute. Is the duration a share of the day (1 = whole day, 0.5 = half a day) or in hours? Then set \"duration_unit\": \"day_fraction\" or \"hours\" in profile '{profile}' (see README, 'Profiles'); now such a day counts as 1 minute of absence.");

    public static Phrase SeveralProfilesFit(string path, string profiles, Phrase columns) => new(
        $"'{path}': meerdere profielen passen even goed ({profiles}). Kies er een. Kolommen in het bestand: {columns.Dutch}.",
        $"'{path}': several profiles fit equally well ({profiles}). Choose one. Columns in the file: {columns.English}.");

    public static Phrase NoProfileFits(string path, Phrase columns, string tried) => new(
        $"'{path}': geen profiel herkent de kolommen van dit bestand. Gevonden kolommen: {columns.Dutch}. Geprobeerd (met verplichte kolommen): {tried}. " +
        "Kies een profiel, of maak een eigen profielbestand (zie README, 'Profiles').",
        $"'{path}': no profile recognises this file's columns. Columns found: {columns.English}. Tried (with required columns): {tried}. " +
        "Choose a profile, or write a profile file of your own (see README, 'Profiles').");

    public static Phrase ProfileMissesColumns(string path, string profile, string missing, Phrase columns) => new(
        $"'{path}': profiel '{profile}' mist verplichte kolommen: {missing}. Kolommen in het bestand: {columns.Dutch}.",
        $"'{path}': profile '{profile}' lacks required columns: {missing}. Columns in the file: {columns.English}.");
}

internal static partial class Texts
{
    public static Phrase LineTooLong(string path, long line, int maxBytes) => Phrase.Of(
        $"'{path}' regel {line}: de regel is langer dan {maxBytes / (1 << 20)} MB. Het bestand is beschadigd of geen CSV-export; sla de export opnieuw op als CSV.",
        $"'{path}' line {line}: the line is longer than {maxBytes / (1 << 20)} MB. The file is damaged or not a CSV export; save the export again as CSV.");
}

internal static partial class Texts
{
    public static readonly Phrase ParquetDateOutOfRange = new(
        "een datum of tijdstip valt buiten de jaren 1 tot en met 9999 (bijvoorbeeld -infinity of 10000-01-01)",
        "a date or timestamp lies outside the years 1 to 9999 (for example -infinity or 10000-01-01)");

    public static Phrase NotReadableParquet(string path, string problem) => NotReadable(path, problem.TrimEnd('.', ' '));

    private static Phrase NotReadable(string path, string problem) => new(
        $"'{path}' is geen leesbaar Parquet-bestand: {problem}. Schrijf het bestand opnieuw, of lever het als CSV.",
        $"'{path}' is not a readable Parquet file: {problem}. Write the file again, or deliver it as CSV.");

    public static Phrase ParquetTypeNotRead(string path, string column, string type) => new(
        $"'{path}': Parquet-kolom '{column}' heeft een type ({type}) dat niet gelezen wordt: gebruik tekst, een datum of een getal.",
        $"'{path}': Parquet column '{column}' has a type ({type}) that is not read: use text, a date or a number.");
}

internal static partial class Texts
{
    public static Phrase TimetablesDiffer(string input, string itsTimetable, string runTimetable) => new(
        $"'{input}' hoort bij rooster {itsTimetable}, de eerdere bestanden bij {runTimetable}: één run telt met één rooster. Kies het rooster van de school met --timetable, of analyseer de bestanden apart.",
        $"'{input}' belongs to timetable {itsTimetable}, the files before it to {runTimetable}: one run counts with one timetable. Choose the school's with --timetable, or analyse the files apart.");

    /// <summary>Where scheduled time comes from (README, "Scheduled time"): by the profile, or detected from the share of rows that say present.</summary>
    public static Phrase Denominator(bool detected, bool full, long presentRows, long acceptedRows, string timetable, string timetableSource)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var why = (detected, full) switch
        {
            (false, true) => "full register (profile)",
            (false, false) => "absences only (profile)",
            (true, true) => string.Create(invariant, $"full register (detected: {presentRows} of {acceptedRows} accepted rows are present)"),
            _ => string.Create(invariant, $"absences only (detected: {presentRows} of {acceptedRows} accepted rows are present)"),
        };
        var share = string.Create(invariant, $"{presentRows} van {acceptedRows} geaccepteerde regels zijn 'aanwezig'");
        var whyDutch = (detected, full) switch
        {
            (false, true) => "volledige registratie (profiel)",
            (false, false) => "alleen verzuim (profiel)",
            (true, true) => $"volledige registratie (herkend: {share})",
            _ => $"alleen verzuim (herkend: {share})",
        };
        return full
            ? new($"{whyDutch}: de geplande tijd is wat geregistreerd is; lesduur uit rooster {timetable}",
                $"{why}: scheduled time is the registered slots; slot lengths from timetable {timetable}")
            : new($"{whyDutch}: de geplande tijd komt uit rooster {timetable}",
                $"{why}: scheduled time from timetable {timetable} ({timetableSource})");
    }
}

internal static partial class Texts
{
    // ---- the pupil list ----

    public static Phrase PupilListWithoutPupilColumn(string path, string names, Phrase columns) => new(
        $"Leerlingenlijst '{path}' heeft geen kolom met het leerlingnummer ({names}). Kolommen: {columns.Dutch}. Heet die kolom bij jullie anders, zet de naam dan in een eigen profiel onder \"pupil_list\" en geef dat met --profile (README, 'Pupil list').",
        $"Pupil list '{path}' has no pupil number column ({names}). Columns: {columns.English}. If your system names it differently, put the name under \"pupil_list\" in a profile of your own and give it with --profile (README, 'Pupil list').");

    public static Phrase PupilListEndBeforeStart(string path, int rows, IReadOnlyList<long> lines, string end, string start) => Phrase.Of(
        $"Leerlingenlijst '{path}': in {rows} regel(s) ligt de datum in kolom '{end}' vóór die in kolom '{start}' (regel {Listed(lines, rows)}). Verbeter de datums, of laat de uitschrijfdatum leeg als de leerling nog ingeschreven is.",
        $"Pupil list '{path}': in {rows} row(s) the date in column '{end}' lies before the one in column '{start}' (line {Listed(lines, rows)}). Correct the dates, or leave the leaving date empty when the pupil is still enrolled.");

    public static Phrase PupilListNobodyThisYear(string path, int rows, string year, NodaTime.LocalDate asOf, NodaTime.LocalDate? earliest, NodaTime.LocalDate? latest) => Phrase.Of(
        $"Leerlingenlijst '{path}': geen van de {rows} leerlingen is in schooljaar {year} tot en met de peildatum {asOf:yyyy-MM-dd} ingeschreven{Span(earliest, latest, "de inschrijvingen lopen van", "tot")}. Is het de lijst van dit schooljaar, en klopt de peildatum (--as-of)?",
        $"Pupil list '{path}': none of its {rows} pupils is enrolled in school year {year} up to the as-of date {asOf:yyyy-MM-dd}{Span(earliest, latest, "the enrolments run from", "to")}. Is it this school year's list, and is the as-of date (--as-of) right?");

    public static Phrase PupilListWithoutPupils(string path, int rejected, IReadOnlyList<long> lines, string column) => rejected == 0
        ? new($"Leerlingenlijst '{path}' heeft geen enkele leerling: alleen een kopregel. Geef de lijst met leerlingen, of laat --pupils weg.",
            $"Pupil list '{path}' has no pupil at all: a header row only. Give the list with its pupils, or leave out --pupils.")
        : Phrase.Of($"Leerlingenlijst '{path}' heeft geen enkele bruikbare leerling: alle {rejected} regels missen een bruikbaar leerlingnummer of schoolcode (leeg, een naam, e-mailadres, telefoonnummer of BSN in '{column}'?): regel {Listed(lines, rejected)}. Is het de goede kolom, of de goede lijst?",
            $"Pupil list '{path}' has no usable pupil at all: all of its {rejected} rows lack a usable pupil number or school code (empty, a name, an e-mail address, a phone number or a BSN in '{column}'?): line {Listed(lines, rejected)}. Is it the right column, or the right list?");

    /// <summary>The first few of <paramref name="total"/> things, and "…" when there are more.</summary>
    private static string Listed<T>(IReadOnlyList<T> shown, int total) => string.Join(", ", shown) + (total > shown.Count ? ", …" : "");

    private static string Span(NodaTime.LocalDate? from, NodaTime.LocalDate? to, string runFrom, string until) => (from, to) switch
    {
        ({ } a, { } b) => string.Create(CultureInfo.InvariantCulture, $" ({runFrom} {a:yyyy-MM-dd} {until} {b:yyyy-MM-dd})"),
        _ => "",
    };

    public static Phrase PupilListOtherSchool(string path, int listed, int registered, string listSchools, string exportSchools) => Phrase.Of(
        $"Leerlingenlijst '{path}' en de export hebben geen leerling gemeen: geen van de {listed} leerlingen van de lijst heeft een registratie, en geen van de {registered} leerlingen van de export staat op de lijst{Schools(listSchools, exportSchools, "lijst", "export")}. Is de lijst van dezelfde school, en staan de leerlingnummers in beide hetzelfde geschreven? Kies de lijst van deze school, of geef met --school-id de school van een export zonder schoolkolom.",
        $"Pupil list '{path}' and the export have no pupil in common: none of the {listed} pupils of the list has a registration, and none of the {registered} pupils of the export is on the list{Schools(listSchools, exportSchools, "list", "export")}. Is the list of the same school, and are the pupil numbers written the same in both? Choose this school's list, or give the school of an export without a school column with --school-id.");

    private static string Schools(string list, string export, string listWord, string exportWord) =>
        list.Length > 0 || export.Length > 0 ? $" ({listWord}: {(list.Length > 0 ? list : "-")}; {exportWord}: {(export.Length > 0 ? export : "-")})" : "";

    public static Phrase PupilListBadDate(string path, long line, string column, string value) => Phrase.Of(
        $"Leerlingenlijst '{path}' regel {line}, kolom '{column}': {(value.Length > 0 ? $"'{value}'" : "de waarde")} is geen datum (dd-mm-jjjj of jjjj-mm-dd).",
        $"Pupil list '{path}' line {line}, column '{column}': {(value.Length > 0 ? $"'{value}'" : "the value")} is not a date (dd-MM-yyyy or yyyy-MM-dd).");

    public static Phrase PupilListSchoolsDoNotMatch(string path, string schools) => new(
        $"Leerlingenlijst '{path}' noemt meer scholen ({schools}), maar de export heeft geen schoolkolom: welke school is de export? Geef --school-id.",
        $"Pupil list '{path}' names several schools ({schools}), but the export has no school column: which school is the export? Give --school-id.");

    public static Phrase PupilListWithoutSchoolColumn(string path, string export) => new(
        $"Leerlingenlijst '{path}' heeft geen schoolkolom, maar export '{export}' wel: de leerlingen zouden dubbel tellen. Geef met --school-id aan van welke school de lijst is.",
        $"Pupil list '{path}' has no school column, but export '{export}' has one: pupils would count twice. Give the list's school with --school-id.");

    public static Phrase PupilListDuplicates(string path, int pupils) => new(
        $"Leerlingenlijst '{path}': {pupils} leerlingnummer(s) staan er meer dan eens in; de inschrijvingen zijn samengevoegd (eerste begin- tot laatste einddatum, klas van de laatste inschrijving). Schooldagen tussen twee inschrijvingen tellen niet als schooltijd, en registraties op die dagen vallen buiten de inschrijving.",
        $"Pupil list '{path}': {pupils} pupil number(s) appear more than once; their enrolments were merged (first start to last end, class of the latest enrolment). School days between two enrolments are no school time, and registrations on them fall outside the enrolment.");
}

internal static partial class Texts
{
    public static Phrase NoInputs => new("Geef minstens één invoerbestand.", "Give at least one input file.");

    // ---- the output folder (written as one unit, replaced whole) ----

    public static Phrase OutputNameEmpty => new("Geef een map voor de uitvoer, bijvoorbeeld --out uitvoer.", "Give a folder for the outputs, for example --out output.");

    public static Phrase OutputIsRoot(string path) => new(
        $"'{path}' is de hoofdmap van een schijf of de map waarin je nu werkt; die wordt niet vervangen. Kies een map daaronder, bijvoorbeeld uitvoer.",
        $"'{path}' is the root of a drive or the folder you are working in; that is not replaced. Choose a folder below it, for example output.");

    public static Phrase OutputIsDanglingLink(string path, string target) => new(
        $"'{path}' is een koppeling naar '{target}', en die bestaat niet (een schijf die niet is aangesloten, of een verplaatste map). Sluit de schijf aan of maak de map, of kies een andere map voor de uitvoer.",
        $"'{path}' is a link to '{target}', which does not exist (a drive that is not connected, or a folder moved away). Connect the drive or make the folder, or choose another folder for the outputs.");

    public static Phrase OutputIsFile(string path) => new(
        $"'{path}' is een bestand, geen map. Kies een (nieuwe) map voor de uitvoer.",
        $"'{path}' is a file, not a folder. Choose a (new) folder for the outputs.");

    public static Phrase InputInsideOutput(string input, string folder) => new(
        $"'{input}' ligt in de uitvoermap '{folder}', en die map wordt bij elke run in zijn geheel vervangen. Zet het bestand ergens anders, of kies een andere map voor de uitvoer (bijvoorbeeld uitvoer-week-51).",
        $"'{input}' lies in the output folder '{folder}', which every run replaces whole. Move the file elsewhere, or choose another output folder (for example output-week-51).");

    public static Phrase OutputHoldsOtherFiles(string folder, int count, string first) => new(
        $"De uitvoermap '{folder}' bevat {count} bestand(en) of map(pen) die deze opdracht daar niet schrijft ({first}). De map wordt in zijn geheel vervangen; verplaats ze, of kies een lege of nieuwe map.",
        $"The output folder '{folder}' holds {count} file(s) or folder(s) that this command does not write there ({first}). The folder is replaced whole; move them, or choose an empty or new folder.");

    public static Phrase OutputFileOpen(string folder, string lockFile) => new(
        $"Een bestand in de uitvoermap '{folder}' is geopend in een ander programma ({lockFile}). Sluit het eerst; de map wordt in zijn geheel vervangen.",
        $"A file in the output folder '{folder}' is open in another program ({lockFile}). Close it first; the folder is replaced whole.");

    public static Phrase OutputInsideOutput(string folder, string other) => new(
        $"'{folder}' ligt in de uitvoermap van een analyse ('{other}'), die bij de volgende analyse daar in zijn geheel vervangen wordt. Kies een map daarbuiten.",
        $"'{folder}' lies in the output folder of an analysis ('{other}'), which that analysis's next run replaces whole. Choose a folder outside it.");

    public static Phrase OutputNotWritable(string folder) => new(
        $"In '{folder}' kan niet geschreven worden (een te lange naam, of een map zonder schrijfrecht). Kies met --out een andere map.",
        $"'{folder}' cannot be written to (a name too long, or a folder without write permission). Choose another folder with --out.");

    public static Phrase OutputBusy(string folder) => new(
        $"Er schrijft al een andere run van aanwezigheid naar '{folder}'. Wacht tot die klaar is, of kies een andere map.",
        $"Another run of aanwezigheid is already writing to '{folder}'. Wait until it has finished, or choose another folder.");

    public static Phrase RejectsFileWouldReplace(string path) => new(
        $"'{path}' bestaat al en is geen bestand met afgekeurde regels van aanwezigheid; het wordt niet overschreven. Kies een andere naam voor --rejects, of verplaats het bestand.",
        $"'{path}' exists and is not a file of rejected rows written by aanwezigheid; it is not overwritten. Choose another name for --rejects, or move the file.");

    public static Phrase DagdelenTimetable(string file, string timetable) => new(
        $"{file}: de kolom met het lesuur of dagdeel noemt dagdelen (ochtend, middag); de noemer komt daarom uit rooster {timetable}. Geef --timetable met het rooster van de school als dat anders is.",
        $"{file}: the column of the lesson hour or part of the day names parts of the day (ochtend, middag), so the denominator comes from timetable {timetable}. Give --timetable with the school's own if it differs.");

    public static Phrase DagdelenAndLessonHours(string file, long dagdelen, long lessons) => Phrase.Of(
        $"{file}: de kolom met het lesuur of dagdeel noemt {dagdelen:N0} keer een dagdeel (ochtend, middag) en {lessons:N0} keer een lesuur (0 of 3 en hoger, '3e uur'): één export heeft dagdelen of lesuren, niet allebei. Zet de export om in één soort, of lees de delen in aparte runs.",
        $"{file}: the column of the lesson hour or part of the day names a part of the day (ochtend, middag) {dagdelen:N0} times and a lesson hour (0, or 3 and up, '3e uur') {lessons:N0} times: an export has parts of the day or lesson hours, not both. Turn it into one kind, or read the parts in separate runs.");

    public static Phrase DagdelenUnderLessonHours(string file, long dagdelen, string timetable) => Phrase.Of(
        $"{file}: de kolom met het lesuur of dagdeel noemt {dagdelen:N0} keer een dagdeel (ochtend, middag), maar het rooster {timetable} heeft lesuren: een dagdeel zou als lesuur 1 of 2 tellen. Geef bij analyze --timetable po-standaard (of het rooster van de school in dagdelen), of een profiel met \"slot_kind\": \"dagdeel\".",
        $"{file}: the column of the lesson hour or part of the day names a part of the day (ochtend, middag) {dagdelen:N0} times, but timetable {timetable} has lesson hours: a part of the day would count as lesson hour 1 or 2. Give analyze --timetable po-standaard (or the school's own in parts of the day), or a profile with \"slot_kind\": \"dagdeel\".");

    public static Phrase PrimaryGroupsUnderLessonHours(string timetable) => Phrase.Of(
        $"De groepen van een school heten 'groep …', zoals op een basisschool, maar de noemer zou uit rooster {timetable} komen, dat lesuren heeft, geen ochtend en middag: het verzuim van een basisschool telt daarmee verkeerd. Geef --timetable po-standaard (ochtend en middag, woensdagmiddag vrij) of het rooster van de school; of --timetable {timetable} als de school toch lesuren heeft. Een basisschool en een school met lesuren analyseer je apart: één run heeft één rooster.",
        $"A school's groups are called 'groep …', as in a primary school, but the denominator would come from timetable {timetable}, which has lesson hours, not a morning and an afternoon: a primary school's absence counts wrongly with it. Give --timetable po-standaard (morning and afternoon, Wednesday afternoon free) or the school's own timetable; or --timetable {timetable} if the school does have lesson hours. Analyse a primary school and a school with lesson hours apart: one run has one timetable.");

    public static Phrase OnlyLessonsOneAndTwo(long rows, string timetable) => Phrase.Of(
        $"De export noemt alleen lesuur 1 en 2 ({rows:N0} regels), zoals de ochtend en middag van een basisschool; rooster {timetable} telt ze als twee lesuren van de dag. Is dit een basisschool, geef dan --timetable po-standaard of het rooster van de school.",
        $"The export names lessons 1 and 2 only ({rows:N0} rows), like a primary school's morning and afternoon; timetable {timetable} counts them as two lessons of the day. If this is a primary school, give --timetable po-standaard or the school's own timetable.");

    public static Phrase PupilListSchoolCellsEmpty(string file, int rows, long firstLine, string column) => Phrase.Of(
        $"Leerlingenlijst '{file}': {rows:N0} regels hebben een lege '{column}' (de eerste op regel {firstLine}), terwijl andere een school noemen: zo zou een leerling twee leerlingen worden. Vul de school aan, of geef --school-id als de lijst van één school is (een lege cel is dan die school).",
        $"Pupil list '{file}': {rows:N0} rows have an empty '{column}' (the first on line {firstLine}), while others name a school: a pupil would become two. Fill in the school, or give --school-id if the list is of one school (an empty cell is then that school).");

    public static Phrase SchoolColumnMissing(string file) => Phrase.Of(
        $"{file} heeft geen kolom met de school, terwijl andere bestanden of de leerlingenlijst wel een school noemen: zo zou één leerling twee leerlingen worden, elk met een deel van het verzuim. Analyseer de bestanden apart, of geef --school-id als ze van één school zijn.",
        $"{file} has no school column, while other files or the pupil list name a school: one pupil would become two, each with part of the absence. Analyse the files apart, or give --school-id if they are of one school.");

    public static Phrase SchoolCellsEmpty(long rows, string file, string column) => Phrase.Of(
        $"{file}: {rows:N0} regels hebben een lege schoolcode in kolom '{column}', terwijl andere regels wel een school noemen: zo zou één leerling twee leerlingen worden, elk met een deel van het verzuim. Vul de schoolcode aan in de export, of geef --school-id als de export van één school is (een lege cel is dan die school).",
        $"{file}: {rows:N0} rows have an empty school code in column '{column}' while other rows name a school: one pupil would become two, each with part of the absence. Fill in the school code in the export, or give --school-id if the export is of one school (an empty cell is then that school).");

    public static Phrase NotificationsOutsideLessons(long rows, long onWeekday, NodaTime.IsoDayOfWeek weekday, string timetable) => Phrase.Of(
        $"{rows:N0} meldingen vallen op een schooldag, maar op geen les van rooster {timetable} ({onWeekday:N0} op een {DayName(Language.Dutch, weekday)}; zoals een woensdagmiddag die het rooster vrij heeft, of na de laatste les): ze tellen niet mee, ook niet als verzuim. Heeft de school op die tijden les, geef dan het rooster van de school met --timetable.",
        $"{rows:N0} notifications fall on a school day, but on no lesson of timetable {timetable} ({onWeekday:N0} on a {DayName(Language.English, weekday)}; such as a Wednesday afternoon the timetable has free, or after the last lesson): they do not count, not as absence either. If the school has lessons at those times, give the school's own timetable with --timetable.");

    /// <summary>A weekday's name in the language, as its culture writes it ("woensdag", "Wednesday").</summary>
    private static string DayName(Language language, NodaTime.IsoDayOfWeek weekday) =>
        language.Culture().DateTimeFormat.GetDayName(NodaTime.Extensions.IsoDayOfWeekExtensions.ToDayOfWeek(weekday));

    public static Phrase DagdeelAndLessonExports(string dagdelen, string? lessons, string timetable) => lessons is not null
        ? new($"'{dagdelen}' heeft dagdelen en '{lessons}' lesuren: één run heeft één rooster ({timetable}). Analyseer ze in aparte runs.",
            $"'{dagdelen}' has parts of the day and '{lessons}' lesson hours: one run has one timetable ({timetable}). Analyse them in separate runs.")
        : new($"'{dagdelen}' heeft dagdelen, maar de run gebruikt rooster {timetable} met lesuren (van een ander bestand). Analyseer de bestanden in aparte runs, of geef --timetable.",
            $"'{dagdelen}' has parts of the day, but the run uses timetable {timetable} with lesson hours (of another file). Analyse the files in separate runs, or give --timetable.");

    public static Phrase SameFileTwice(string first, string second) => new(
        $"'{first}' en '{second}' zijn hetzelfde bestand (dezelfde inhoud): elke regel van het tweede telt als dubbel. Geef elke export één keer.",
        $"'{first}' and '{second}' are the same file (the same contents): every row of the second counts as a duplicate. Give each export once.");

    public static Phrase NoFolderFor(string path, string folder) => new(
        $"'{path}' kan niet geschreven worden: '{folder}' is geen bestaande map (of het is een bestand). Kies een plek in een bestaande map.",
        $"'{path}' cannot be written: '{folder}' is not an existing folder (or it is a file). Choose a place in an existing folder.");

    public static Phrase OutputIsInput(string path) => new(
        $"'{path}' is een invoerbestand; er wordt nooit over een invoer geschreven. Kies een andere naam voor --out.",
        $"'{path}' is an input file; nothing is ever written over an input. Choose another name for --out.");

    public static Phrase RejectsFileIsInput(string path) => new(
        $"'{path}' is een invoerbestand; de afgekeurde regels worden niet over een invoer geschreven. Kies een andere naam voor --rejects.",
        $"'{path}' is an input file; rejected rows are never written over an input. Choose another name for --rejects.");
}

internal static partial class Texts
{
    // ---- the generator ----

    public static Phrase GeneratePupilsPositive => new("Het aantal leerlingen moet groter dan 0 zijn.", "The number of pupils must be greater than 0.");

    public static Phrase GenerateYearsRange => new("Het aantal schooljaren ligt tussen 1 en 10.", "The number of school years lies between 1 and 10.");

    public static Phrase GenerateYearNotBuiltIn(string firstYear, string lastYear, string year) => new(
        $"Schooljaar {year} heeft geen ingebouwde schoolvakanties: kies schooljaren van {firstYear} tot en met {lastYear}.",
        $"School year {year} has no built-in school holidays: choose school years from {firstYear} to {lastYear}.");

    public static Phrase GenerateNoiseRange => new("Het deel regels met ruis ligt tussen 0 en 0,5.", "The share of rows with noise lies between 0 and 0.5.");
}

internal static partial class Texts
{
    /// <summary>The command line's own messages (the CLI sees the catalogue through InternalsVisibleTo).</summary>
    public static class Cli
    {
        public static Phrase NoSuchRegion(string text) => new(
            $"'{text}' is geen vakantieregio: kies noord, midden of zuid.", $"'{text}' is no holiday region: choose noord, midden or zuid.");

        public static Phrase NoSuchSchoolType(string text) => new(
            $"--school-type '{text}' bestaat niet: kies po, vo, mbo of mix.", $"--school-type '{text}' does not exist: choose po, vo, mbo or mix.");

        public static Phrase NoSuchShape(string text) => new(
            $"--shape '{text}' bestaat niet: kies canonical, lesuur-nl, dagdeel-po, melding-lesuur, melding-tijd of dag-minuten.",
            $"--shape '{text}' does not exist: choose canonical, lesuur-nl, dagdeel-po, melding-lesuur, melding-tijd or dag-minuten.");

        /// <summary>The run's last line: what to open, and where the rest is (the paths are listed above it).</summary>
        public static string OpenThis(Language l, string report, int files, string folder) => l.Format(
            $"Open {report} — de {files} bestanden van deze analyse staan in {folder}.",
            $"Open {report} — the {files} files of this analysis are in {folder}.");

        public static string FilesIn(Language l, int files, string folder) => l.Format(
            $"De {files} bestanden van deze analyse staan in {folder}.", $"The {files} files of this analysis are in {folder}.");

        public static string RowsWritten(Language l, int rows, string path) => l.Format($"{rows:N0} rijen geschreven naar {path}.", $"{rows:N0} rows written to {path}.");

        public static Phrase NotADate(string flag, string text) => new(
            $"{flag} '{text}' is geen datum in de vorm jjjj-mm-dd.", $"{flag} '{text}' is not a date in the form yyyy-mm-dd.");

        public static Phrase NotAFraction(string flag, string text) => new(
            $"{flag} '{text}' is geen getal als 0,01, 0.01 of 1 %.", $"{flag} '{text}' is not a number like 0.01, 0,01 or 1 %.");

        public static Phrase FileNotFound(string path) => new(
            $"Lezen of schrijven mislukt: het bestand '{path}' bestaat niet (meer). Is het verplaatst of verwijderd terwijl het programma liep?",
            $"Reading or writing failed: the file '{path}' does not exist (any more). Was it moved or deleted while the program ran?");

        public static Phrase FolderNotFound(string path) => new(
            $"Lezen of schrijven mislukt: de map van '{path}' bestaat niet (meer).", $"Reading or writing failed: the folder of '{path}' does not exist (any more).");

        public static Phrase NoAccess(string path) => new(
            $"Lezen of schrijven mislukt: geen toegang tot '{path}'. Mag je dit bestand of deze map lezen en schrijven?",
            $"Reading or writing failed: no access to '{path}'. Are you allowed to read and write this file or folder?");

        public static Phrase DiskFull => new("Schrijven mislukt: de schijf is vol. Maak ruimte vrij en start opnieuw; de vorige uitvoer is ongewijzigd.",
            "Writing failed: the disk is full. Free some space and start again; the previous output is unchanged.");

        public static Phrase FileTooLarge => new("Schrijven mislukt: een bestand wordt groter dan de schijf of map toestaat (een USB-stick in FAT32 neemt tot 4 GB per bestand; of een quotum). Schrijf naar een andere schijf; de vorige uitvoer is ongewijzigd.",
            "Writing failed: a file grows larger than the disk or folder allows (a FAT32 USB stick takes up to 4 GB per file; or a quota). Write to another disk; the previous output is unchanged.");

        public static Phrase ReadOrWriteFailed(string problem) => new($"Lezen of schrijven mislukt: {problem}", $"Reading or writing failed: {problem}");

        /// <summary>A progress line on stderr.</summary>
        public static string Progress(Language l, string file, double percent, long rows, double rowsPerSecond, double megabytesPerSecond) => l.Format(
            $"{file}: {percent,5:0.0}%  {rows:N0} regels  {rowsPerSecond:N0} regels/s  {megabytesPerSecond:N0} MB/s",
            $"{file}: {percent,5:0.0}%  {rows:N0} rows  {rowsPerSecond:N0} rows/s  {megabytesPerSecond:N0} MB/s");

        /// <summary>What <c>generate</c> prints for each file.</summary>
        public static string Generated(Language l, long rows, int pupils, string schoolType, string year, string path) => l.Format(
            $"{rows:N0} regels, {pupils:N0} leerlingen, {schoolType} {year}: {path}", $"{rows:N0} rows, {pupils:N0} pupils, {schoolType} {year}: {path}");

        public const string SeeHelp = "Zie --help voor het gebruik. / See --help for usage.";

        public static string SeeHelpIn(Language l) => l.Pick("Zie --help voor het gebruik.", "See --help for usage.");

        /// <summary>
        /// System.CommandLine's own words (it ships no Dutch), and their Dutch: the titles of the help and the parse
        /// errors, matched on its English text. A message not in this table is shown as System.CommandLine wrote it.
        /// </summary>
        public static readonly (string English, string Dutch)[] ParserWords =
        [
            (@"^Description:$", "Beschrijving:"),
            (@"^Usage:$", "Gebruik:"),
            (@"^Arguments:$", "Argumenten:"),
            (@"^Options:$", "Opties:"),
            (@"^Commands:$", "Opdrachten:"),
            (@"\[options\]", "[opties]"),
            (@"\[command\]", "[opdracht]"),
            (@"Show help and usage information", "Toon deze hulp"),
            (@"Show version information", "Toon de versie"),
            (@"\(REQUIRED\)", "(verplicht)"),
            (@"\[default: ", "[standaard: "),
            (@"^Option '([^']+)' is required\.$", "De optie $1 is verplicht."),
            (@"^Required argument missing for command: '([^']+)'\.$", "Bij '$1' ontbreekt wat de opdracht leest (de bestanden; bij query de dataset en de vraag): zie --help."),
            (@"^Required argument missing for option: '([^']+)'\.$", "Bij $1 ontbreekt de waarde."),
            (@"^Unrecognized command or argument '([^']*)'\.$", "'$1' is geen opdracht of optie van dit programma."),
            (@"^Required command was not provided\.$", "Geef een opdracht: analyze, validate, generate, collect, query, reconcile, trends, backtest, train of patterns (zie --help)."),
            (@"^Argument '([^']*)' not recognized\. Must be one of:\s*(.*)$", "'$1' kan hier niet; kies uit: $2."),
            (@"^Cannot parse argument '([^']*)' for option '([^']+)' as expected type '[^']+'\.(.*)$", "'$1' is geen geldige waarde voor $2."),
            (@"^Option '([^']+)' expects a single argument but (\d+) were provided\.$", "De optie $1 neemt één waarde, geen $2."),
        ];

        /// <summary>A bug, in both languages at once: the language option may be what failed to parse.</summary>
        public static string InternalError(string type, string message) =>
            $"Interne fout / internal error ({type}): {message}. Meld dit als fout; zet AANWEZIGHEID_DEBUG=1 voor details.";
    }
}

internal static partial class Texts
{
    // ---- the Taskforce: collect and query ----

    public static class Research
    {
        public static string ModelOfOtherKindOfSchool(Language l, bool learnedFromPrimary) => learnedFromPrimary
            ? l.Pick("Let op: het model is getraind op een basisschool (groepen), deze analyse gaat over een school met klassen (VO of MBO): de risicoscores zijn hier niet getoetst.",
                "Note: the model was trained on a primary school (groepen), this analysis is of a school with classes (VO or MBO): its risk scores are untested here.")
            : l.Pick("Let op: het model is getraind op een school met klassen (VO of MBO), deze analyse gaat over een basisschool (groepen): de risicoscores zijn hier niet getoetst.",
                "Note: the model was trained on a school with classes (VO or MBO), this analysis is of a primary school (groepen): its risk scores are untested here.");

        public static string LastYearUnknown(Language l) => l.Pick(
            "Let op: het model is getraind over meer schooljaren en leert ook van het verzuim van vorig schooljaar. Deze analyse kent dat niet en geeft het als onbekend, zoals voor het eerste jaar van de data: de risicoscores kunnen daardoor afwijken van de toetsing in model.md.",
            "Note: the model was trained over several school years and also learns from last school year's absence. This analysis does not know it and gives it as unknown, as for the data's first year: the risk scores may differ from the test in model.md for it.");

        public static Phrase FileOutsideYear(string path, string year, NodaTime.LocalDate asOf) => Phrase.Of(
            $"'{path}' heeft geen enkele regel in schooljaar {year} tot en met {asOf:yyyy-MM-dd}: het is van een ander schooljaar. Geef één --to per bestand, in de volgorde van de bestanden (de peildatum van elk schooljaar).",
            $"'{path}' has no row in school year {year} up to {asOf:yyyy-MM-dd}: it is of another school year. Give one --to per file, in the order of the files (each school year's as-of date).");

        public static Phrase NoPolicy => new("Geef minstens één --policy.", "Give at least one --policy.");

        public static Phrase PolicyTwice => new("Een beleid staat er twee keer: geef elk --policy één keer.", "A policy is there twice: give each --policy once.");

        public static Phrase HorizonRange(int horizon) => Phrase.Of(
            $"--horizon {horizon} kan niet: kies 1 tot en met 52 schoolweken.",
            $"--horizon {horizon} is not possible: choose 1 to 52 school weeks.");

        public static Phrase EveryRange(int every) => Phrase.Of(
            $"--every {every}w kan niet: kies 1w tot en met 20w.",
            $"--every {every}w is not possible: choose 1w to 20w.");

        public static Phrase EveryFormat(string every) => Phrase.Of(
            $"--every '{every}' is geen aantal weken: schrijf bijvoorbeeld 1w of 2w.",
            $"--every '{every}' is not a number of weeks: write for instance 1w or 2w.");

        public static Phrase ToBeforeFrom(NodaTime.LocalDate from, NodaTime.LocalDate to) => Phrase.Of(
            $"--to {to:yyyy-MM-dd} ligt voor --from {from:yyyy-MM-dd}.",
            $"--to {to:yyyy-MM-dd} lies before --from {from:yyyy-MM-dd}.");

        public static Phrase OneSchoolYear(NodaTime.LocalDate from, NodaTime.LocalDate to) => Phrase.Of(
            $"--from {from:yyyy-MM-dd} en --to {to:yyyy-MM-dd} liggen in verschillende schooljaren: een backtest loopt binnen één schooljaar (1 augustus – 31 juli); draai er één per jaar.",
            $"--from {from:yyyy-MM-dd} and --to {to:yyyy-MM-dd} lie in different school years: a backtest runs within one school year (1 August – 31 July); run one per year.");

        public static Phrase NoWeekEndsBetween(NodaTime.LocalDate from, NodaTime.LocalDate to) => Phrase.Of(
            $"Tussen {from:yyyy-MM-dd} en {to:yyyy-MM-dd} eindigt geen schoolweek: een peildatum is de laatste schooldag van een week. Kies een vroegere --from of een latere --to.",
            $"No school week ends between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}: an as-of date is the last school day of a week. Choose an earlier --from or a later --to.");

        public static Phrase BeyondTheLastSchoolYear(NodaTime.LocalDate date) => Phrase.Of(
            $"--to {date:yyyy-MM-dd} ligt na het laatste schooljaar dat het programma kan rekenen (9998-9999).",
            $"--to {date:yyyy-MM-dd} lies after the last school year the program can compute (9998-9999).");

        public static Phrase NoWeekToScore(NodaTime.LocalDate from, NodaTime.LocalDate to, int horizon, NodaTime.LocalDate dataEnd) => Phrase.Of(
            $"Geen peildatum tussen {from:yyyy-MM-dd} en {to:yyyy-MM-dd} is te beoordelen: na elke peildatum zijn {horizon} schoolweken data nodig en de data lopen tot {dataEnd:yyyy-MM-dd}. Kies een vroegere --from of een kleinere --horizon.",
            $"No as-of date between {from:yyyy-MM-dd} and {to:yyyy-MM-dd} can be scored: each needs {horizon} school weeks of data after it and the data run until {dataEnd:yyyy-MM-dd}. Choose an earlier --from or a smaller --horizon.");

        public static Phrase PartialLastWeek(NodaTime.LocalDate dataEnd, NodaTime.LocalDate weekEnd) => Phrase.Of(
            $"De data lopen tot {dataEnd:dddd d MMMM yyyy}, voor het eind van die schoolweek ({weekEnd:yyyy-MM-dd}): die week telt niet mee, want de dagen erna zouden als aanwezig tellen. Exporteer na de laatste schooldag van de week om hem mee te tellen. Was de school die dag dicht (Goede Vrijdag, de vrijdag na Hemelvaart), geef die vrije dag in --calendar; of had op die dag niemand verzuim (een export van alleen verzuim), dan telt die week pas met de export van de week erna mee.",
            $"The data run until {dataEnd:dddd d MMMM yyyy}, before the end of that school week ({weekEnd:yyyy-MM-dd}): that week is left out, as its days after would count as attended. Export after the week's last school day to count it. Was the school closed that day (Good Friday, the Friday after Ascension), give that free day in --calendar; or was nobody absent that day (an absence-only export), the week counts with next week's export.");

        public static Phrase ModelNotOfItsMetrics(string path) => Phrase.Of(
            $"De model.zip in '{path}' is niet het model van de metrics.json ernaast (een andere SHA-256 dan train schreef): de uitkomst, horizon en toets daarin gelden er niet voor. Geef de map zoals train die schreef, of train opnieuw.",
            $"The model.zip in '{path}' is not the model of the metrics.json beside it (another SHA-256 than train wrote): the outcome, horizon and test in it do not hold for it. Give the folder as train wrote it, or train again.");

        public static Phrase LastWeeksUnscored(NodaTime.LocalDate last, int horizon, NodaTime.LocalDate dataEnd) => Phrase.Of(
            $"Peildata na {last:yyyy-MM-dd} zijn niet beoordeeld: daarna zijn er geen {horizon} schoolweken data meer (de data lopen tot {dataEnd:yyyy-MM-dd}).",
            $"As-of dates after {last:yyyy-MM-dd} were not scored: after them there are not {horizon} school weeks of data left (the data run until {dataEnd:yyyy-MM-dd}).");

        public static Phrase NobodyReachedTheOutcome(string outcome, int horizon) => Phrase.Of(
            $"Geen enkele leerling kreeg de uitkomst ({outcome}) nieuw binnen {horizon} schoolweken na een peildatum (wie haar op de peildatum al had, telt niet: een waarschuwing komt dan te laat): precisie en recall zijn niet te berekenen. Kies een andere --outcome, een langere --horizon, eerdere peildata of data van meer leerlingen.",
            $"No pupil newly reached the outcome ({outcome}) within {horizon} school weeks after an as-of date (a pupil who had it at the as-of date does not count: a warning would come too late): precision and recall cannot be computed. Choose another --outcome, a longer --horizon, earlier as-of dates or data of more pupils.");

        public static Phrase TooFewWeeksToTrain(int weeks, int horizon) => Phrase.Of(
            $"Te weinig peildata om te trainen en te toetsen: {weeks} schoolweken, terwijl tussen de trainings- en de toetsweken {horizon} weken (de horizon) moeten liggen. Kies een vroegere --from, een latere --to of een kleinere --horizon.",
            $"Too few as-of dates to train and test: {weeks} school weeks, while {horizon} weeks (the horizon) must lie between the training and the test weeks. Choose an earlier --from, a later --to or a smaller --horizon.");

        public static Phrase NoOutcomeToLearn(string outcome) => Phrase.Of(
            $"In de trainings- of de toetsweken bereikt geen enkele leerling de uitkomst {outcome}: daar valt niets van te leren of te toetsen. Neem meer leerlingen, een langere periode of een andere --outcome.",
            $"In the training or the test weeks no pupil reaches the outcome {outcome}: there is nothing to learn or test. Take more pupils, a longer period or another --outcome.");

        public static string Trained(Language l, int train, int test, double auc, double modelRecall, double rulesRecall) => l.Format(
            $"Getraind op {train:N0} en getoetst op {test:N0} leerling-weken: ROC-AUC {auc:0.000}; recall bij evenveel signalen als de regels: model {modelRecall:P1}, regels (trede 2+) {rulesRecall:P1}.",
            $"Trained on {train:N0} and tested on {test:N0} pupil-weeks: ROC-AUC {auc:0.000}; recall at as many flags as the rules: model {modelRecall:P1}, rules (tier 2+) {rulesRecall:P1}.");

        public static Phrase NoRowsInYear(string year) => new(
            $"De invoer heeft geen enkele regel in schooljaar {year}, dat tussen --from en --to ligt: kies --from en --to in de schooljaren van de data.",
            $"The input holds no row in school year {year}, which lies between --from and --to: choose --from and --to in the school years of the data.");

        public static Phrase TooFewDistinctForPatterns(int pupils, int distinct) => Phrase.Of(
            $"Te weinig verschillende leerlingen om patronen te vinden: de {pupils} leerlingen met verzuim hebben samen {distinct} verschillende profielen, en clusters vragen er meer. Neem meer leerlingen of een langere periode.",
            $"Too few different pupils to find patterns: the {pupils} pupils with absence have {distinct} different profiles between them, and clusters need more. Take more pupils or a longer period.");

        public static Phrase TooFewForPatterns(int pupils, int days) => Phrase.Of(
            $"Te weinig leerlingen met verzuim om patronen te vinden: {pupils} leerling(en) met minstens {days} verzuimdagen. Neem meer data of een langere periode.",
            $"Too few pupils with absence to find patterns: {pupils} pupil(s) with at least {days} days of absence. Take more data or a longer period.");

        public static Phrase NotADate(string option, string text) => new(
            $"{option} '{text}' is geen datum in de vorm jjjj-mm-dd.",
            $"{option} '{text}' is not a date in the form yyyy-MM-dd.");

        public static Phrase OneToPerFile(int files, int dates) => Phrase.Of(
            $"Geef één --to voor alle bestanden, of één per bestand: {files} bestand(en), {dates} keer --to.",
            $"Give one --to for all files, or one per file: {files} file(s), {dates} times --to.");

        public static Phrase NotAModel(string path) => new(
            $"'{path}' is geen model van 'aanwezigheid train' (de map met model.zip en metrics.json).",
            $"'{path}' is not a model of 'aanwezigheid train' (the folder with model.zip and metrics.json).");

        public static Phrase OtherFeatures(string path) => new(
            $"Het model in '{path}' is getraind op andere kenmerken dan deze versie berekent: train het opnieuw met deze versie.",
            $"The model in '{path}' was trained on other features than this version computes: train it again with this version.");

        public static string BacktestTitle(Language l) => l.Pick("Backtest: welke criteria waarschuwen op tijd", "Backtest: which criteria warn in time");

        public static string BacktestExplains(Language l, string outcome, int horizon, NodaTime.LocalDate from, NodaTime.LocalDate to, int dates) => l.Format(
            $"Uitkomst: {outcome} binnen {horizon} schoolweken na de peildatum; {dates} peildata van {from:d MMMM yyyy} tot {to:d MMMM yyyy}. Precisie: het deel van de gesignaleerde leerlingen (die de uitkomst nog niet hadden) dat haar binnen de horizon krijgt. Recall: het deel van de leerlingen die haar krijgen dat vooraf gesignaleerd was. Voorlooptijd: schoolweken tussen het eerste signaal dit schooljaar en de uitkomst.",
            $"Outcome: {outcome} within {horizon} school weeks after the as-of date; {dates} as-of dates from {from:d MMMM yyyy} to {to:d MMMM yyyy}. Precision: the share of flagged pupils (without the outcome yet) who reach it within the horizon. Recall: the share of pupils reaching it who were flagged before. Lead time: school weeks from the first signal this school year to the outcome.");

        public static string FlaggedTitle(Language l) => l.Pick("Gesignaleerde leerlingen per peildatum, per beleid", "Flagged pupils per as-of date, per policy");

        public static string PrecisionRecallTitle(Language l) => l.Pick("Precisie en recall per criterium (alle peildata samen)", "Precision and recall per criterion (all as-of dates pooled)");

        public static string LeadTimesTitle(Language l) => l.Pick("Hoe vroeg waarschuwt elk criterium", "How early each criterion warns");

        public static string[] LeadTimesHeader(Language l) => l == Language.Dutch
            ? ["beleid", "criterium", "leerlingen met de uitkomst", "vooraf gesignaleerd", "voorlooptijd p25 (weken)", "mediaan", "p75"]
            : ["policy", "criterion", "pupils with the outcome", "flagged before", "lead time p25 (weeks)", "median", "p75"];

        public static string RuleWords(Language l, string rule) => rule == "TIER-3" ? l.Pick("trede 3", "tier 3") : l.Pick("trede 2 of 3", "tier 2 or 3");

        public static string PupilsAxis(Language l) => l.Pick("Leerlingen", "Pupils");

        public static string RecallAxis(Language l) => l.Pick("Recall (%)", "Recall (%)");

        public static string PrecisionAxis(Language l) => l.Pick("Precisie (%)", "Precision (%)");

        public static string SyntheticLimits(Language l) => l.Pick(
            "Let op: op synthetische data (aanwezigheid generate) meet een backtest hoe de criteria de patronen van de generator vinden, niet hoe ze werken op echte leerlingen.",
            "Note: on synthetic data (aanwezigheid generate) a backtest measures how the criteria find the generator's patterns, not how they work on real pupils.");
    }

    public static class Taskforce
    {
        public static Phrase WorkingInTrendsFolder(string folder) => new(
            $"Je werkt in '{folder}', de map die trends in zijn geheel vervangt. Start trends vanuit een andere map, of geef --out met een map buiten de dataset.",
            $"You are working in '{folder}', the folder trends replaces whole. Start trends from another folder, or give --out with a folder outside the dataset.");

        public static Phrase OldTrendsPage(string old, string current) => new(
            $"Let op: {old} is de pagina van een eerdere versie en wordt niet meer bijgewerkt; de pagina van nu staat in {current}. Verwijder de oude, zodat niemand die nog opent.",
            $"Note: {old} is the page of an earlier version and is no longer updated; today's page is {current}. Delete the old one, so that nobody opens it any more.");

        public static Phrase ClassYearsWithoutSchoolType(int count) => new(
            $"{count} school/scholen hebben geen schooltype (--schools met een kolom schooltype): voor hen zijn er geen leerjaar-rijen, want leerjaar 1 van een onbekend type kan groep 1, klas 1 of een eerste MBO-jaar zijn.",
            $"{count} school(s) have no school type (--schools with a column schooltype): they have no leerjaar rows, as class year 1 of an unknown type may be groep 1, klas 1 or a first MBO year.");

        public static Phrase SchoolsNotInFile(string file, int count) => new(
            $"Let op: {count} school/scholen van de dataset staan niet in {file}; ze tellen mee onder 'onbekend' (schooltype, gemeente, regio, samenwerkingsverband).",
            $"Note: {count} school(s) of the dataset are not in {file}; they are counted under 'onbekend' (school type, gemeente, region, samenwerkingsverband).");

        public static Phrase FileSchoolsNotInDataset(string file, int count, IReadOnlyList<string> codes) => new(
            $"Let op: {count} school/scholen in {file} staan niet in de dataset{Codes(count, codes)}. Een tikfout in de schoolcode? Die school telt dan onder 'onbekend'.",
            $"Note: {count} school(s) in {file} are not in the dataset{Codes(count, codes)}. A typo in the school code? That school is then counted under 'onbekend'.");

        // The codes that can be shown, at most five; "…" for the rest (and for values that do not look like a code).
        private static string Codes(int count, IReadOnlyList<string> codes) =>
            codes.Count == 0 ? "" : $" ({Listed([.. codes.Take(5)], count)})";

        public static Phrase NotARun(string input) => new(
            $"'{input}' is geen uitvoer van een analyse met --partitioned (geen datasets/_manifest.json). Vraag de school om de map datasets/ van 'aanwezigheid analyze … --partitioned --pseudonymize-key SLEUTEL'.",
            $"'{input}' is not the output of an analysis with --partitioned (no datasets/_manifest.json). Ask the school for the datasets/ folder of 'aanwezigheid analyze … --partitioned --pseudonymize-key KEY'.");

        public static Phrase NotPseudonymised(string input) => new(
            $"'{input}' is niet gepseudonimiseerd: de leerlingnummers van de school staan erin. Niets is overgenomen. Vraag de school de analyse opnieuw te maken met --pseudonymize-key en de sleutel van de regio, en verwijder deze map.",
            $"'{input}' is not pseudonymised: it holds the school's pupil numbers. Nothing was taken. Ask the school to run the analysis again with --pseudonymize-key and the region's key, and delete this folder.");

        public static Phrase OtherKey(string input, string fingerprint, string expected) => new(
            $"'{input}' is met een andere sleutel gemaakt (vingerafdruk {fingerprint}, de dataset heeft {expected}): dezelfde leerling zou twee pseudoniemen krijgen. Niets is overgenomen; de school moet de sleutel van de regio gebruiken.",
            $"'{input}' was made with another key (fingerprint {fingerprint}, the dataset has {expected}): one pupil would get two pseudonyms. Nothing was taken; the school must use the region's key.");

        public static Phrase ListMatchesNoPupil(string list, int pupils) => new(
            $"Geen van de {pupils} leerlingen op '{list}' komt voor in de gegevens: zijn de pseudoniemen van de lijst met een andere sleutel gemaakt, of is het de lijst van een andere regio? Dan zou elke leerling 'alleen op de lijst' staan en elke berekende 'alleen berekend'. Zet leerlingnummers op de lijst en geef de sleutel van de regio met --pseudonymize-key.",
            $"None of the {pupils} pupils on '{list}' is in the data: were the list's pseudonyms made with another key, or is it another region's list? Every pupil would then be 'on the list only' and every computed one 'computed only'. Put pupil numbers on the list and give the region's key with --pseudonymize-key.");

        public static Phrase KeyDoesNotFit(string keyFile, string fingerprint, string expected) => new(
            $"De sleutel '{keyFile}' past niet bij de dataset (vingerafdruk {fingerprint}, de dataset heeft {expected}): met een andere sleutel lijkt geen enkele leerling van de lijst in de data te staan. Niets is vergeleken; geef de sleutel van de regio.",
            $"The key '{keyFile}' does not fit the dataset (fingerprint {fingerprint}, the dataset has {expected}): with another key no pupil on the list would seem to be in the data. Nothing was compared; give the region's key.");

        public static Phrase OtherPolicy(string input, string policy) => new(
            $"'{input}' is met een andere versie van het beleid gemaakt ({policy}) dan de dataset: treden van beide zijn niet te vergelijken. Niets is overgenomen; geef --allow-policy-change als dat bedoeld is.",
            $"'{input}' was made with another version of the policy ({policy}) than the dataset: their tiers do not compare. Nothing was taken; give --allow-policy-change if that is meant.");

        public static Phrase SchoolWithoutCode(string input, int number, int schools) => new(
            $"'{input}': school {number} van de {schools} in datasets/_manifest.json heeft geen schoolcode (de export had geen schoolkolom en de analyse geen --school-id). Zonder code is elke zulke school dezelfde, en zou de ene de week van de andere vervangen. Niets is overgenomen; laat de school de analyse draaien met --school-id (bijvoorbeeld haar BRIN).",
            $"'{input}': school {number} of the {schools} in datasets/_manifest.json has no school code (the export had no school column and the analysis no --school-id). Without a code every such school is the same one, and one would replace another's week. Nothing was taken; ask the school to run the analysis with --school-id (its BRIN, for example).");

        public static Phrase SchoolTooSmall(string input, int number, int schools, long pupils, int least) => new(
            $"'{input}': school {number} van de {schools} in datasets/_manifest.json heeft maar {pupils} leerling(en) op de rol, minder dan {least}. Een schoolkolom met iets anders dan de school (een naam, een BSN) maakt van elke waarde een 'school', en die code zou in de mappen en de catalogus van de dataset komen; zo'n kleine groep is ook niet te beschermen. Niets is overgenomen; vraag de school de schoolkolom na te kijken of de analyse te draaien met --school-id.",
            $"'{input}': school {number} of the {schools} in datasets/_manifest.json has only {pupils} pupil(s) on the roll, fewer than {least}. A school column holding something other than the school (a name, a BSN) makes a 'school' of every value, and that code would stand in the dataset's folders and catalogue; so small a group cannot be protected either. Nothing was taken; ask the school to check the school column or to run the analysis with --school-id.");

        public static Phrase Unreadable(string input, string partition) => new(
            $"'{input}': {partition} is niet te lezen (beschadigd, of niet van dit programma). Niets is overgenomen; vraag de school de map opnieuw aan te leveren.",
            $"'{input}': {partition} cannot be read (damaged, or not made by this tool). Nothing was taken; ask the school to hand the folder over again.");

        public static Phrase PartitionMissing(string input, string partition) => new(
            $"'{input}' mist {partition}: de map is niet compleet overgedragen. Niets is overgenomen.",
            $"'{input}' lacks {partition}: the folder was not handed over whole. Nothing was taken.");

        public static Phrase LinkInRun(string input, string part) => new(
            $"'{input}': {part} is een koppeling (symlink), geen bestand van de run. Niets is overgenomen; lever de map zelf aan, zonder koppelingen.",
            $"'{input}': {part} is a link (symlink), not a file of the run. Nothing was taken; hand over the folder itself, without links.");

        public static Phrase ZipOfRuns(string input, int runs) => new(
            $"'{input}' bevat {runs} runs (elk met een eigen _manifest.json); een zip moet één run zijn. Niets is overgenomen. Pak de zip uit en geef elke run-map, of zip elke week apart.",
            $"'{input}' holds {runs} runs (each with its own _manifest.json); a zip must be one run. Nothing was taken. Unpack the zip and give each run's folder, or zip each week on its own.");

        public static Phrase BadZip(string input) => new(
            $"'{input}' is geen bruikbare zip van één run (beschadigd, te groot, of meer dan één run erin). Niets is overgenomen.",
            $"'{input}' is not a usable zip of one run (damaged, too large, or more than one run in it). Nothing was taken.");

        public static Phrase NotADatasetFolder(string into) => new(
            $"'{into}' kan geen dataset van de Taskforce worden: kies een nieuwe of lege map, of een bestaande dataset (met catalogue.json); niet de hoofdmap, de map waarin je werkt, of de map van een run.",
            $"'{into}' cannot become a Taskforce dataset: choose a new or empty folder, or an existing dataset (with catalogue.json); not the root, the folder you work in, or a run's folder.");

        public static Phrase OutputInDataset(string file) => new(
            $"'{file}' ligt in de map die gelezen wordt (de dataset, of de uitvoer van een analyse); daar wordt niets geschreven. Kies een plek erbuiten.",
            $"'{file}' lies in the folder being read (the dataset, or an analysis's output); nothing is written there. Choose a place outside it.");

        public static Phrase PoliciesMixed(string versions) => new(
            $"Let op: de dataset heeft runs van meer dan één beleidsversie ({versions}; versie, runs): een stijging of daling van treden en criteria kan door het beleid komen, niet door de leerlingen.",
            $"Note: the dataset holds runs of more than one policy version ({versions}; version, runs): a rise or fall in tiers and criteria may come from the policy, not from the pupils.");

        public static Phrase AnswerWouldReplace(string file) => new(
            $"'{file}' bestaat al en is geen eerder antwoord op deze vraag (andere kolommen); het wordt niet overschreven. Kies een andere naam, of verplaats het bestand.",
            $"'{file}' exists and is no earlier answer to this question (other columns); it is not overwritten. Choose another name, or move the file.");

        public static Phrase WouldReplace(string file) => new(
            $"'{file}' bestaat al en is geen eerdere vergelijking van reconcile; het wordt niet overschreven. Kies een andere naam voor --out, of verplaats het bestand.",
            $"'{file}' exists and is not an earlier comparison by reconcile; it is not overwritten. Choose another name for --out, or move the file.");

        public static Phrase KeyWithoutPseudonyms(string computed) => new(
            $"'{computed}' heeft leerlingnummers, geen pseudoniemen (de analyse liep zonder --pseudonymize-key): een sleutel zou niets laten overeenkomen. Laat --pseudonymize-key weg, of vergelijk met een gepseudonimiseerde run.",
            $"'{computed}' holds pupil numbers, not pseudonyms (the analysis ran without --pseudonymize-key): a key would make nothing match. Leave out --pseudonymize-key, or compare with a pseudonymised run.");

        public static Phrase PseudonymsAgainstNumbers(string list, string computed) => new(
            $"De lijst '{list}' heeft pseudoniemen, maar '{computed}' leerlingnummers: niets zou overeenkomen. Vergelijk met een gepseudonimiseerde run of dataset, of met een lijst met leerlingnummers.",
            $"The list '{list}' holds pseudonyms, but '{computed}' pupil numbers: nothing would match. Compare with a pseudonymised run or dataset, or with a list of pupil numbers.");

        public static Phrase ListRowNotASchool(string list, long line) => Phrase.Of(
            $"De lijst '{list}', regel {line}: de kolom van de school heeft geen schoolcode (een BRIN als 12AB; een naam?). Niets is geschreven.",
            $"The list '{list}', line {line}: the school column holds no school code (a BRIN such as 12AB; a name?). Nothing was written.");

        public static Phrase BadDatasetPath(string dataset) => new(
            $"De naam '{dataset}' heeft tekens die DuckDB als patroon leest (* ? [ ] {{ }}). Geef de dataset een naam zonder.",
            $"The name '{dataset}' has characters DuckDB reads as a pattern (* ? [ ] {{ }}). Give the dataset a name without them.");

        public static Phrase SchoolsWithoutId(string path, Phrase found) => new(
            $"Het scholenbestand '{path}' heeft geen kolom school_id of BRIN. Kolommen: {found.Dutch}.",
            $"The schools file '{path}' has no school_id or BRIN column. Columns: {found.English}.");

        public static Phrase SchoolsValueHoldsBsn(string path, long line, string column) => Phrase.Of(
            $"Het scholenbestand '{path}', regel {line}, kolom '{column}': de waarde lijkt een BSN en komt niet op de trendpagina. Verbeter de regel.",
            $"The schools file '{path}', line {line}, column '{column}': the value looks like a BSN and does not go on the trends page. Correct the line.");

        public static Phrase SchoolTypeUnknown(string path, long line, string value) => Phrase.Of(
            $"Het scholenbestand '{path}', regel {line}: schooltype '{value}' bestaat niet; kies PO, SO, VO of MBO (of laat leeg).",
            $"The schools file '{path}', line {line}: school type '{value}' does not exist; choose PO, SO, VO or MBO (or leave it empty).");

        public static Phrase SchoolTwice(string path, long line, string school) => Phrase.Of(
            $"Het scholenbestand '{path}', regel {line}: school {school} staat er twee keer in.",
            $"The schools file '{path}', line {line}: school {school} is listed twice.");

        public static string PageTitle(Language l) => l.Pick("Verzuim in de regio: trends per schoolweek", "Absence in the region: trends per school week");

        public static string PageExplains(Language l, int minCell) => l.Format(
            $"Per schoolweek, uit de laatste run van elke school. Aantallen onder {minCell} leerlingen zijn weggelaten (en zo nodig een tweede, zodat ze niet terug te rekenen zijn: dat kan elk aantal zijn); in de tabel staat dan ×, in de grafieken is het een onderbreking van de lijn, geen nul.",
            $"Per school week, from each school's latest run. Counts under {minCell} pupils are left out (and a second where needed, so that they cannot be worked back: that one may be any number); the table then reads ×, and in the charts it is a break in the line, not a zero.");

        public static string Withheld(Language l, int minCell) => l.Format(
            $"× = weggelaten: minder dan {minCell} leerlingen, of weggelaten zodat een klein aantal niet terug te rekenen is (dan kan het elk aantal zijn).",
            $"× = withheld: fewer than {minCell} pupils, or withheld so that a small count cannot be worked back (then it may be any number).");

        public static string AbsenceByTypeTitle(Language l) => l.Pick("Verzuim per schooltype (% van de geroosterde tijd)", "Absence per school type (% of scheduled time)");

        public static string UnauthorizedByTypeTitle(Language l) => l.Pick("Ongeoorloofd verzuim per schooltype (%)", "Unauthorised absence per school type (%)");

        public static string Tier3ByTypeTitle(Language l) => l.Pick("Leerlingen in trede 3 per schooltype", "Pupils in tier 3 per school type");

        public static string AtHomeTitle(Language l) => l.Pick("Thuiszitters (TZ-0: geen onderwijs, langer dan 4 schoolweken), alle scholen", "At home (TZ-0: no education for over 4 school weeks), all schools");

        public static string PercentAxis(Language l) => l.Pick("% van de geroosterde tijd", "% of scheduled time");

        public static string PupilsAxis(Language l) => l.Pick("Leerlingen", "Pupils");

        public static string PerGemeente(Language l) => l.Pick("Verzuim per gemeente (%)", "Absence per municipality (gemeente, %)");

        public static string LatestWeek(Language l, string week) => l.Format($"De laatste schoolweek (vanaf {week})", $"The latest school week (from {week})");

        public static string[] TableHeader(Language l) => l == Language.Dutch
            ? ["groep", "scholen", "trede 1", "trede 2", "trede 3", "TZ-0", "TZ-LPW", "TZ-3M", "LR-50", "trede hoger", "trede lager", "LPW-16U", "ZZV-SHORT", "ZZV-LONG", "ZZV-MONTH", "ZZV-HOME", "verzuim", "ongeoorloofd"]
            : ["group", "schools", "tier 1", "tier 2", "tier 3", "TZ-0", "TZ-LPW", "TZ-3M", "LR-50", "tier up", "tier down", "LPW-16U", "ZZV-SHORT", "ZZV-LONG", "ZZV-MONTH", "ZZV-HOME", "absence", "unauthorised"];

        public static string WhatRises(Language l) => l.Pick("Wat stijgt", "What rises");

        public static string RiseSentence(Language l, string measure, string group, double before, double after, int weeks, bool againstLastYear, int up, int schools, double p) => l.Format(
            $"{measure} {Group(l, group)}: {before:P1} → {after:P1} ({Change(before, after)}) in de laatste {weeks} schoolweken tegen {(againstLastYear ? "dezelfde weken vorig jaar" : $"de {weeks} ervoor")}; in {up} van {schools} scholen hoger (tekentoets, p = {p:0.###} na correctie).",
            $"{measure} {Group(l, group)}: {before:P1} → {after:P1} ({Change(before, after)}) in the last {weeks} school weeks against {(againstLastYear ? "the same weeks last year" : $"the {weeks} before")}; higher in {up} of {schools} schools (sign test, p = {p:0.###} after correction).");

        public static string AlsoAboveLastYear(Language l, double lastYear, int up, int schools, double p) => l.Format(
            $"Ook hoger dan dezelfde weken vorig jaar ({lastYear:P1}; in {up} van {schools} scholen, p = {p:0.###}).",
            $"Also higher than the same weeks last year ({lastYear:P1}; in {up} of {schools} schools, p = {p:0.###}).");

        private static string Group(Language l, string group) => group == AllSchools(l) ? l.Pick("op alle scholen", "in all schools") : l.Pick("in het " + group, "in " + group);

        // A share shown as 0,0 % (below 0.05 %) gets no relative change: "0,0 % → 0,4 % (+9000%)" reads as nonsense.
        private static string Change(double before, double after) => before >= 0.0005 ? ((after / before) - 1).ToString("+0%;-0%", CultureInfo.InvariantCulture) : "+";

        public static string AllSchools(Language l) => l.Pick("alle scholen", "all schools");

        public static string Unknown(Language l) => l.Pick("onbekend", "unknown");

        public static string ClassYear(Language l, string schoolType, string year) => l.Format($"{schoolType} leerjaar {year}", $"{schoolType} class year {year}");

        public static string DimensionWords(Language l, string dimension) => dimension switch
        {
            "alle" => l.Pick("alle", "all"),
            "schooltype" => l.Pick("schooltype", "school type"),
            "gemeente" => l.Pick("gemeente", "municipality (gemeente)"),
            "regio" => l.Pick("regio", "region"),
            "samenwerkingsverband" => "samenwerkingsverband",
            "leerjaar" => l.Pick("leerjaar", "class year"),
            _ => dimension,
        };

        public static string NothingRises(Language l) => l.Pick(
            "Geen categorie of criterium stijgt aantoonbaar in de laatste 4 of 8 schoolweken.",
            "No category or criterion rises demonstrably in the last 4 or 8 school weeks.");

        public static string TooFewSchools(Language l, string groups) => l.Format(
            $"Te weinig scholen om iets te zeggen (minstens 6 nodig): {groups}.",
            $"Too few schools to say anything (at least 6 needed): {groups}.");

        public static string NoRiseTests(Language l) => l.Pick(
            "Hoe: per groep van minstens 6 scholen een tekentoets op de scholen die stegen, tegen evenveel weken ervoor en dezelfde weken vorig jaar. Deze dataset heeft daarvoor nog te weinig scholen of schoolweken: er is niets getoetst.",
            "How: for each group of at least 6 schools a sign test on the schools that rose, against as many weeks before and the same weeks last year. This dataset has too few schools or school weeks for that yet: nothing was tested.");

        public static string RiseMethod(Language l, int tests) => l.Format(
            $"Hoe: per school het verzuim per categorie en het aandeel leerlingen per trede en per criterium in de laatste 4 en 8 schoolweken, tegen evenveel weken ervoor en tegen dezelfde weken (ISO-weeknummers) vorig jaar als de dataset dat jaar heeft. Als er niets verandert, gaat een school even vaak omhoog als omlaag, dus het aantal scholen dat omhoog ging wordt getoetst met een tekentoets (de school is de eenheid). De Benjamini-Hochberg-correctie over alle {tests} toetsen houdt de kans op een vals alarm in een regio waar niets stijgt onder 5 %, en het verwachte aandeel valse alarmen in deze lijst ook.",
            $"How: per school, absence per category and the share of pupils per tier and per criterion in the last 4 and 8 school weeks, against as many weeks before and against the same weeks (ISO week numbers) last year when the dataset holds that year. If nothing changes, a school goes up as often as down, so the number of schools that went up is tested with a sign test (the school is the unit). The Benjamini-Hochberg correction over all {tests} tests keeps the chance of a false alarm in a region where nothing rises under 5 %, and the expected share of false alarms in this list too.");

        public static string TransitionsTitle(Language l) => l.Pick("Leerlingen die een trede hoger of lager kwamen, per week, alle scholen", "Pupils who went a tier up or down, per week, all schools");

        public static string Up(Language l) => l.Pick("een trede hoger", "a tier up");

        public static string Down(Language l) => l.Pick("een trede lager", "a tier down");

        public static string AgainstLastYearTitle(Language l) => l.Pick("Verzuim, alle scholen: dit schooljaar (doorgetrokken) en dezelfde weken vorig jaar (gestreept)", "Absence, all schools: this school year (solid) and the same weeks last year (dashed)");

        public static string ThisYear(Language l, string measure) => l.Format($"{measure}, dit jaar", $"{measure}, this year");

        public static string LastYear(Language l, string measure) => l.Format($"{measure}, vorig jaar", $"{measure}, last year");

        public static Phrase MinCellBelowDefault(int minCell, int standard) => new(
            $"Let op: met --min-cell {minCell} staan aantallen vanaf {minCell} leerling(en) erin (standaard {standard}). Zo kleine aantallen kunnen samen met wat bekend is over een school een leerling herkenbaar maken: deel deze uitvoer niet buiten de Taskforce.",
            $"Note: with --min-cell {minCell} counts from {minCell} pupil(s) are shown (default {standard}). Counts that small, with what is known of a school, can single out a pupil: do not share this output outside the Taskforce.");

        public static Phrase MinCellTooSmall(int minCell) => Phrase.Of(
            $"--min-cell {minCell} kan niet: het kleinste getal dat gepubliceerd mag worden is minstens 1 (standaard 5).",
            $"--min-cell {minCell} is not possible: the smallest count that may be published is at least 1 (default 5).");

        public static Phrase OneOutput => new("Kies --csv of --parquet, niet beide.", "Choose --csv or --parquet, not both.");

        public static Phrase Busy(string into) => new(
            $"In de dataset '{into}' loopt al een collect of trends. Wacht tot die klaar is.",
            $"A collect or trends is already running in the dataset '{into}'. Wait until it is done.");

        public static Phrase CollectUnfinished(string dataset) => new(
            $"In de dataset '{dataset}' zet een collect zijn runs nog op hun plaats, of is daarbij gestopt. Wacht tot die klaar is; is er geen collect bezig, draai dan trends op deze dataset (of uw volgende collect): die maakt het af.",
            $"In the dataset '{dataset}' a collect is still moving its runs into place, or stopped while doing so. Wait until it is done; if no collect is running, run trends on this dataset (or your next collect): it finishes it.");

        public static Phrase DatasetChanging(string dataset) => new(
            $"De dataset '{dataset}' veranderde drie keer terwijl de vraag werd gelezen: er loopt een collect. Stel de vraag opnieuw als die klaar is.",
            $"The dataset '{dataset}' changed three times while the question was read: a collect is running. Ask again when it is done.");

        public static string Collected(Language l, int added, int unchanged, int replaced, int total, string into) => l.Format(
            $"Overgenomen in {into}: {added} nieuw, {unchanged} al aanwezig, {replaced} vervangen (de school leverde dezelfde week opnieuw aan); {total} {l.Noun(total, "run", "runs", "run", "runs")} (school × peildatum) in de dataset.",
            $"Collected into {into}: {added} new, {unchanged} already there, {replaced} replaced (the school handed the same week over again); {total} {l.Noun(total, "run", "runs", "run", "runs")} (school × as-of date) in the dataset.");

        public static string OlderNotTaken(Language l, int runs) => l.Format(
            $"{runs} {l.Noun(runs, "run", "runs", "run", "runs")} niet overgenomen: de dataset heeft al een latere run van dezelfde school en week (een eerder aangeleverde zip?).",
            $"{runs} {l.Noun(runs, "run", "runs", "run", "runs")} not taken: the dataset already holds a later run of the same school and week (a zip handed over before?).");

        public static string NotInManifest(Language l, string input, int partitions) => l.Format(
            $"Let op: in '{input}' staan {partitions} map(pen) met gegevens die datasets/_manifest.json niet noemt (een andere school of peildatum); die zijn niet overgenomen. Vraag de school om de map datasets/ van één run.",
            $"Note: '{input}' holds {partitions} data folder(s) that datasets/_manifest.json does not name (another school or as-of date); they were not taken. Ask the school for the datasets/ folder of one run.");

        public static Phrase DatasetUnreadable(string dataset, string detail) => new(
            $"De dataset '{dataset}' is beschadigd; DuckDB meldt: {detail}. Neem de run van die school opnieuw op met 'aanwezigheid collect'.",
            $"The dataset '{dataset}' is damaged; DuckDB says: {detail}. Collect that school's run again with 'aanwezigheid collect'.");

        public static Phrase EmptyDataset(string dataset) => new(
            $"De dataset '{dataset}' heeft nog geen enkele run (catalogue.json is leeg): voeg eerst runs toe met 'aanwezigheid collect … --into {dataset}'.",
            $"The dataset '{dataset}' holds no run yet (catalogue.json is empty): add runs first with 'aanwezigheid collect … --into {dataset}'.");

        public static Phrase DatasetPartitionMissing(string dataset, string partition) => new(
            $"De dataset '{dataset}' is beschadigd: catalogue.json noemt een run waarvan de map '{partition}' ontbreekt of leeg is. Neem de run van die school opnieuw op met 'aanwezigheid collect'.",
            $"The dataset '{dataset}' is damaged: catalogue.json lists a run whose folder '{partition}' is missing or empty. Collect that school's run again with 'aanwezigheid collect'.");

        public static Phrase PartitionDamaged(string dataset, string file) => new(
            $"De dataset '{dataset}' is beschadigd: '{file}' is geen leesbaar Parquet-bestand (afgebroken of overschreven?). Neem de run van die school opnieuw op met 'aanwezigheid collect'.",
            $"The dataset '{dataset}' is damaged: '{file}' is not a readable Parquet file (cut off or overwritten?). Collect that school's run again with 'aanwezigheid collect'.");

        public static Phrase NotADataset(string dataset) => new(
            $"'{dataset}' is geen dataset van 'aanwezigheid collect' (geen catalogue.json).",
            $"'{dataset}' is not a dataset of 'aanwezigheid collect' (no catalogue.json).");

        public static Phrase CannotWriteAnswer(string file) => new(
            $"In de map van '{file}' kan het antwoord niet geschreven worden (alleen lezen, of de map bestaat niet). Kies met --parquet een plek waar je mag schrijven.",
            $"The answer cannot be written in the folder of '{file}' (read-only, or it does not exist). Choose with --parquet a place you may write in.");

        public static Phrase OnlyQuestions => new(
            "Alleen één vraag (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, SHOW, PIVOT, UNPIVOT, TABLE, VALUES, EXPLAIN [ANALYZE] van zo'n vraag; -- commentaar erboven mag) zonder puntkomma's ertussen: query leest alleen.",
            "Only one question (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE, SHOW, PIVOT, UNPIVOT, TABLE, VALUES, EXPLAIN [ANALYZE] of such a question; -- comments above it are fine) without semicolons in between: query only reads.");

        public static Phrase ListNeedsKey(string list) => new(
            $"De lijst '{list}' heeft leerlingnummers en de berekende kant pseudoniemen: geef --pseudonymize-key met de sleutel van de regio, dan worden de nummers eerst gepseudonimiseerd.",
            $"The list '{list}' holds pupil numbers and the computed side pseudonyms: give --pseudonymize-key with the region's key, and the numbers are pseudonymised first.");

        public static Phrase ListColumns(string list, Phrase found) => new(
            $"De lijst '{list}' heeft geen kolom met de leerling (leerlingnummer, pseudoniem, pupil_key) of de school (school_id, school, brin). Kolommen: {found.Dutch}.",
            $"The list '{list}' has no column with the pupil (leerlingnummer, pseudoniem, pupil_key) or the school (school_id, school, brin). Columns: {found.English}.");

        public static Phrase ListRowNotAPupil(string list, long line) => Phrase.Of(
            $"De lijst '{list}', regel {line}: de kolom van de leerling heeft geen leerlingnummer of pseudoniem (een naam of een BSN?). Niets is geschreven.",
            $"The list '{list}', line {line}: the pupil column holds no pupil number or pseudonym (a name or a BSN?). Nothing was written.");

        public static Phrase NotComputed(string folder) => new(
            $"'{folder}' is geen dataset van collect en geen uitvoermap van analyze (geen catalogue.json, geen pupils.parquet en signals.parquet).",
            $"'{folder}' is neither a dataset of collect nor an analyze output folder (no catalogue.json, no pupils.parquet and signals.parquet).");

        public static string WhatWeSee(Language l, double? rate, int tier) => rate is { } r
            ? l.Format($"aanwezig {1 - r:P0} in de laatste 8 schoolweken, trede {tier}", $"attended {1 - r:P0} in the last 8 school weeks, tier {tier}")
            : l.Format($"geen geroosterde tijd in de laatste 8 schoolweken, trede {tier}", $"no scheduled time in the last 8 school weeks, tier {tier}");

        public static string NotInOurData(Language l) => l.Pick(
            "niet in onze gegevens: uitgeschreven, op een andere school, of een ander nummer op de lijst?",
            "not in our data: left, at another school, or another number on the list?");

        public static string[] ReconcileHeader(Language l) => l == Language.Dutch
            ? ["groep", "school_id", "leerling", "op_lijst_sinds", "categorie_lijst", "berekend_sinds", "wat_wij_zien"]
            : ["group", "school_id", "pupil", "on_list_since", "list_category", "computed_since", "what_we_see"];

        public static Phrase QueryFailed(string problem) => new($"DuckDB: {problem}", $"DuckDB: {problem}");

        public static string MoreRows(Language l, int shown) => l.Format(
            $"… meer dan {shown} rijen; alle met --csv BESTAND of --parquet BESTAND.",
            $"… more than {shown} rows; all of them with --csv FILE or --parquet FILE.");
    }
}
