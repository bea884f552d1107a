using System.Globalization;
using NodaTime;

namespace AanwezigheidsAnalyse.Localization;

internal static partial class Texts
{
    /// <summary>What a run says as it goes, and its notes, warnings and summary.</summary>
    public static class Run
    {
        public static Phrase NoSchoolDayInCalendar(string year) => new(
            $"De kalender heeft in schooljaar {year} geen enkele schooldag: alle dagen zijn vrij. Controleer de vrije periodes in het kalenderbestand (--calendar), of laat \"replace_builtin\" weg om de vakanties van de regio te houden.",
            $"The calendar has no school day in school year {year}: every day is free. Check the free periods in the calendar file (--calendar), or leave out \"replace_builtin\" to keep the region's holidays.");

        public static Phrase AsOfBeforeFirstSchoolDay(LocalDate asOf, string year, LocalDate? firstSchoolDay)
        {
            var first = firstSchoolDay is { } day ? $" ({Iso(day)})" : "";
            return new(
                $"De peildatum {Iso(asOf)} ligt vóór de eerste schooldag van {year}{first}: er is nog niets te analyseren. Kies een peildatum in het schooljaar, of de laatste dag van het vorige.",
                $"The as-of date {Iso(asOf)} lies before the first school day of {year}{first}: there is nothing to analyse yet. Choose an as-of date in the school year, or the last day of the previous one.");
        }

        public static string Reading(Language l, int files) => files == 1
            ? l.Pick("Inlezen: 1 bestand", "Reading 1 file")
            : l.Format($"Inlezen: {files} bestanden", $"Reading {files} files");

        public static string Evaluating(Language l, int pupils) => pupils == 1
            ? l.Pick("Regels toepassen: 1 leerling", "Applying rules: 1 pupil")
            : l.Format($"Regels toepassen: {pupils:N0} leerlingen", $"Applying rules: {pupils:N0} pupils");

        public static string Writing(Language l) => l.Pick("Uitvoer schrijven", "Writing outputs");

        public static string NoPupilList(Language l) => l.Pick(
            "Alleen-verzuim-export zonder leerlingenlijst: leerlingen zonder enige registratie tellen niet mee (de basis van de piramide ontbreekt). Geef --pupils LEERLINGENLIJST.",
            "Absence-only export without a pupil list: pupils without any registration are not counted (the base of the pyramid is missing). Give --pupils PUPIL_LIST.");

        public static string NotOnPupilList(Language l, int unlisted, int pupils, int inTier2Or3, IReadOnlyList<string> named) => l.Format(
            $"{unlisted} van de {pupils} leerlingen staan in de export maar niet op de leerlingenlijst: hun inschrijving is onbekend, ze tellen vanaf de eerste schooldag. Is de lijst van dezelfde school en van nu, en staan de leerlingnummers in beide hetzelfde?",
            $"{unlisted} of the {pupils} pupils are in the export but not on the pupil list: their enrolment is unknown, they count from the first school day. Is the list of the same school and current, and are the pupil numbers the same in both?")
            + (inTier2Or3 > 0 ? l.Format(
                $" {inTier2Or3} van hen staan in trede 2 of 3 ({Listed(named, inTier2Or3)}): is een van hen uitgeschreven, zet de leerling dan met uitschrijfdatum op de lijst; anders blijft de trede van vóór het vertrek staan.",
                $" {inTier2Or3} of them are in tier 2 or 3 ({Listed(named, inTier2Or3)}): if one of them has left, put the pupil on the list with the leaving date; otherwise the tier of before leaving stays.") : "");

        public static string RowsOutsideEnrolment(Language l, long rows) => l.Format(
            $"{rows:N0} registratie(s) vallen buiten de inschrijving van hun leerling op de leerlingenlijst (vóór de inschrijfdatum of na de uitschrijfdatum) en tellen niet mee; per bestand staan ze in run.json als outside_enrolment. Is een leerling afwezig gemeld na de uitschrijfdatum, klopt die datum dan?",
            $"{rows:N0} registration(s) fall outside their pupil's enrolment on the pupil list (before the enrolment date or after the leaving date) and are not counted; run.json gives them per file as outside_enrolment. If a pupil is registered absent after the leaving date, is that date right?");

        public static string RegistrationsStopped(Language l, int pupils, int weeks, IReadOnlyList<string> named) => l.Format(
            $"Let op: {pupils} leerling(en) hebben in de laatste {weeks} schoolweken geen enkele registratie, terwijl de export doorloopt ({Listed(named, pupils)}). In een volledige registratie telt een dag zonder registratie als een dag zonder lessen: geen verzuim, geen thuiszitter. Zijn ze uitgeschreven (zet dan de uitschrijfdatum op de leerlingenlijst), of worden hun lessen niet meer geregistreerd?",
            $"Note: {pupils} pupil(s) have no registration at all in the last {weeks} school weeks, while the export goes on ({Listed(named, pupils)}). In a full register a day without a registration counts as a day without lessons: no absence, no thuiszitter. Have they left (then put the leaving date on the pupil list), or are their lessons no longer registered?");

        public static string DefaultRegion(Language l) => l.Pick(
            "Vakanties van regio midden (standaard); kies de regio van de school met --region.",
            "Holidays of region midden (the default); choose the school's region with --region.");

        public static string LastWeekReplayed(Language l, LocalDate asOf, bool inDatedFolder) => inDatedFolder
            // Already in a folder named by its date (a first run): no advice to give, only what next week will do.
            ? l.Format(
                $"Vorige week is herberekend uit de export van nu: naast deze map staat geen uitvoer van een eerdere week. Volgende week vergelijkt het programma met deze map.",
                $"Last week was recomputed from this week's export: there is no earlier week's output beside this folder. Next week the tool compares with this folder.")
            : l.Format(
                $"Vorige week is herberekend uit de export van nu. Bewaar elke week in een eigen map met de peildatum als naam (uitvoer/{Iso(asOf)}): dan vergelijkt het programma met de uitvoer van vorige week zelf.",
                $"Last week was recomputed from this week's export. Keep each week in a folder of its own named by its as-of date (output/{Iso(asOf)}): the tool then compares with last week's output itself.");

        public static string MostPupilsLeft(Language l, string school, int left, int pupils, LocalDate asOf) => l.Format(
            $"{(school.Length > 0 ? $"School {school}: " : "")}{left} van de {pupils} leerlingen zijn vóór de week van {Iso(asOf)} uitgeschreven en krijgen geen trede. Klopt de peildatum, en is de leerlingenlijst van nu?",
            $"{(school.Length > 0 ? $"School {school}: " : "")}{left} of the {pupils} pupils left before the week of {Iso(asOf)} and have no tier. Is the as-of date right, and is the pupil list a current one?");

        public static string PupilListRowsRejected(Language l, string path, int rows, IReadOnlyList<long> lines) => l.Format(
            $"Leerlingenlijst {path}: {rows} {l.Noun(rows, "regel", "regels", "row", "rows")} zonder bruikbaar leerlingnummer of schoolcode overgeslagen (leeg, geen cijfer, een naam, een e-mailadres, telefoonnummer of BSN): regel {Listed(lines, rows)}. Die leerlingen tellen alleen mee als ze in de export staan.",
            $"Pupil list {path}: {rows} {l.Noun(rows, "regel", "regels", "row", "rows")} without a usable pupil number or school code skipped (empty, no digit, a name, an e-mail address, a phone number or a BSN): line {Listed(lines, rows)}. Those pupils count only when they are in the export.");


        public static string AsOfInHoliday(Language l, LocalDate asOf, string holiday, LocalDate lastSchoolDay) => l.Format(
            $"De peildatum {asOf.ToString("d MMMM yyyy", l.Culture())} valt in de {holiday}: alles geldt op de laatste schooldag ervoor, {lastSchoolDay.ToString("dddd d MMMM", l.Culture())}.",
            $"The as-of date {asOf.ToString("d MMMM yyyy", l.Culture())} falls in the {holiday}: everything holds as of the last school day before it, {lastSchoolDay.ToString("dddd d MMMM", l.Culture())}.");

        public static string FewWeeksSoFar(Language l, int weeks, LocalDate firstSchoolDay, int minDays) => l.Format(
            $"Het schooljaar is op de peildatum {weeks} {l.Noun(weeks, "schoolweek", "schoolweken", "school week", "school weeks")} oud: '8 wk'{(weeks < 4 ? " en '4 wk'" : "")} {(weeks < 4 ? "gaan" : "gaat")} hier over de weken sinds {firstSchoolDay.ToString("d MMMM", l.Culture())}. Een percentage over minder dan {minDays} schooldagen telt niet voor de trede; daarna wegen een paar dagen nog zwaar: 2 dagen ziek van 10 is 20 %.",
            $"The school year is {weeks} {l.Noun(weeks, "schoolweek", "schoolweken", "school week", "school weeks")} old at the as-of date: '8 wk'{(weeks < 4 ? " and '4 wk'" : "")} here {(weeks < 4 ? "cover" : "covers")} the weeks since {firstSchoolDay.ToString("d MMMM", l.Culture())}. A rate over fewer than {minDays} school days does not count for the tier; after that a few days still weigh heavily: 2 days ill of 10 is 20 %.");

        public static string LastRunLongAgo(Language l, LocalDate then, int schoolWeeks) => l.Format(
            $"Let op: de vorige uitvoer is van {then.ToString("d MMMM yyyy", l.Culture())}, {schoolWeeks} schoolweken voor deze peildatum. 'Nieuw' en 'een trede hoger' gelden sinds die datum, niet sinds vorige week.",
            $"Note: the previous output is of {then.ToString("d MMMM yyyy", l.Culture())}, {schoolWeeks} school weeks before this as-of date. 'New' and 'up a tier' are since that date, not since last week.");

        public static string LastWeekOfAnotherYear(Language l, NodaTime.LocalDate then, string year) => l.Format(
            $"die run is van {Iso(then)}, van een vorig schooljaar; deze run is van schooljaar {year}, waarvan de criteria en treden opnieuw beginnen.",
            $"that run is of {Iso(then)}, of an earlier school year; this run is of school year {year}, whose criteria and tiers start afresh.");

        public static string FoundLastWeekUnusable(Language l, string directory, string why) => l.Format(
            $"De map '{directory}' lijkt van een eerdere week, maar is niet gebruikt: {why} Vorige week is herberekend uit deze export.",
            $"The folder '{directory}' looks like an earlier week's, but was not used: {why} Last week was recomputed from this export.");

        public static string LastWeekMostlyRejected(Language l, string directory, double share) => l.Format(
            $"Let op: de uitvoer van vorige week in '{directory}' is gemaakt uit een export waarvan {share:P0} van de regels is afgekeurd. 'Nieuw' en 'een trede hoger' kunnen daardoor niet kloppen: laat --previous weg om vorige week uit deze export te herberekenen.",
            $"Note: last week's output in '{directory}' was made from an export of which {share:P0} of the rows were rejected. 'New' and 'up a tier' may be wrong because of it: leave out --previous to recompute last week from this export.");

        public static string LastWeekOtherPolicy(Language l, string was, string now) => l.Format(
            $"Let op: vorige week is met {(was == now ? $"een andere versie van beleid '{was}'" : $"beleid '{was}'")} gemaakt, deze week met '{now}'. Een andere trede kan door het beleid komen, niet door de leerling. DUO-meldingen worden niet met die van vorige week vergeleken: 'nu melden' geldt alleen voor meldingen die na vorige week eindigden.",
            $"Note: last week was made with {(was == now ? $"another version of policy '{was}'" : $"policy '{was}'")}, this week with '{now}'. A change of tier may come from the policy, not from the pupil. DUO reports are not compared with last week's: 'report now' holds only for those that ended after last week.");

        public static string LastWeekOtherCalendar(Language l, string was, string now) => l.Format(
            $"Let op: vorige week is met een andere kalender gemaakt ({was}; nu {now}). Een andere trede kan door de kalender komen. DUO-meldingen worden niet met die van vorige week vergeleken: 'nu melden' geldt alleen voor meldingen die na vorige week eindigden.",
            $"Note: last week was made with another calendar ({was}; now {now}). A change of tier may come from the calendar. DUO reports are not compared with last week's: 'report now' holds only for those that ended after last week.");

        public static string LastWeekFrom(Language l, string source) => l.Format($"Vorige week: de uitvoer in map {source}.", $"Last week: the output in folder {source}.");

        public static string PupilListWithoutSchool(Language l, string schools) => l.Format(
            $"De leerlingenlijst heeft geen schoolkolom, de export wel ({schools}): leerlingen uit de lijst tellen apart. Geef --school-id met de code van de school.",
            $"The pupil list has no school column but the export has one ({schools}): pupils from the list count separately. Give --school-id with the school's code.");

        public static string RejectRate(Language l, string path, long rejected, long read, double rate, double max, string top) => l.Format(
            $"'{path}': {rejected} van {read} regels afgekeurd ({rate.ToString("P1", l.Culture())}), meer dan de grens van {max.ToString("P1", l.Culture())}. Meest voorkomend: {top}. Zie rejects.csv voor regel en kolom; pas de export, het profiel (--profile) of de kalender (--region, --calendar) aan, of verhoog --max-reject-rate.",
            $"'{path}': {rejected} of {read} rows rejected ({rate.ToString("P1", l.Culture())}), above the limit of {max.ToString("P1", l.Culture())}. Most common: {top}. See rejects.csv for line and column; fix the export, the profile (--profile) or the calendar (--region, --calendar), or raise --max-reject-rate.");

        public static string MostRowsOutsideYear(Language l, long outside, long rows, LocalDate asOf, string year) => l.Format(
            $"Let op: {outside} van de {rows} regels liggen buiten schooljaar {year} tot en met de peildatum {Iso(asOf)} en tellen niet mee. Klopt de peildatum?",
            $"Note: {outside} of {rows} rows lie outside school year {year} up to the as-of date {Iso(asOf)} and do not count. Is the as-of date right?");

        public static string PupilsMissingSinceLastWeek(Language l, int pupils, int inTier2Or3, IReadOnlyList<string> named) => l.Format(
            $"{pupils} {l.Noun(pupils, "leerling", "leerlingen", "pupil", "pupils")} uit de analyse van vorige week {(pupils == 1 ? "staat" : "staan")} niet in de export en niet op de leerlingenlijst (uitgeschreven zonder datum, een ander leerlingnummer, of een onvolledige export?); het rapport zet ze onder 'Niet meer in de gegevens'.",
            $"{pupils} {l.Noun(pupils, "pupil", "pupils", "pupil", "pupils")} of last week's analysis {(pupils == 1 ? "is" : "are")} neither in the export nor on the pupil list (taken off the roll without a date, another pupil number, or an incomplete export?); the report lists them under 'No longer in the data'.")
            + (inTier2Or3 > 0 ? l.Format(
                $" Vorige week in trede 2 of 3: {inTier2Or3} ({Listed(named, inTier2Or3)}). Ga na waar zij nu naar school gaan.",
                $" In tier 2 or 3 last week: {inTier2Or3} ({Listed(named, inTier2Or3)}). Find out where they now go to school.") : "");

        public static string MeldingenWithdrawn(Language l, int meldingen, int pupils, IReadOnlyList<string> named) => l.Format(
            $"{meldingen} DUO-{l.Noun(meldingen, "melding", "meldingen", "melding", "meldingen")} van vorige week {(meldingen == 1 ? "geldt" : "gelden")} met de gegevens van nu niet meer, want het verzuim is sindsdien gecorrigeerd ({Listed(named, pupils)}). Al gemeld bij DUO? Controleer de correctie en pas de melding aan of trek haar in; het rapport zet ze onder 'DUO-meldingen van vorige week die niet meer gelden'.",
            $"{meldingen} DUO {l.Noun(meldingen, "report", "reports", "report", "reports")} of last week no longer {(meldingen == 1 ? "holds" : "hold")} with this week's data: the absence was corrected since ({Listed(named, pupils)}). Already reported to DUO? Check the correction and change or withdraw the report; the report lists them under 'DUO reports of last week that no longer hold'.");

        public static string GroupsHidden(Language l, int pupils) => l.Format(
            $"Bij {pupils} leerling(en) is de klas niet getoond: de waarde lijkt geen klas (geen cijfer, of lang) en hoort bij minder dan 3 leerlingen, dus kan een getypte naam zijn. Controleer de klaskolom van de export.",
            $"For {pupils} pupil(s) the class is not shown: the value does not look like a class (no digit, or long) and belongs to fewer than 3 pupils, so it may be a typed name. Check the export's class column.");

        public static string NothingUpToAsOf(Language l, long after, LocalDate asOf) => l.Format(
            $"Let op: geen enkele regel van de export valt in het schooljaar tot en met de peildatum {asOf.ToString("d MMMM yyyy", l.Culture())}; {after:N0} {l.Noun(after, "regel ligt", "regels liggen", "row lies", "rows lie")} erna. Alle leerlingen staan daardoor in trede 1. Klopt de peildatum (--as-of)?",
            $"Note: no row of the export falls in the school year up to the as-of date {asOf.ToString("d MMMM yyyy", l.Culture())}; {after:N0} {l.Noun(after, "regel ligt", "regels liggen", "row lies", "rows lie")} after it. Every pupil is in tier 1 because of it. Is the as-of date (--as-of) right?");

        public static string DataEndsBeforeAsOf(Language l, LocalDate end, LocalDate asOf, int schoolDays) => l.Format(
            $"Let op: de gegevens houden op op {Iso(end)}, {schoolDays} schooldagen vóór de peildatum {Iso(asOf)}. Die dagen hebben geen enkele registratie en tellen als aanwezig. Is de export van de hele periode, of klopt de peildatum niet?",
            $"Note: the data end on {Iso(end)}, {schoolDays} school days before the as-of date {Iso(asOf)}. Those days have no registration at all and count as present. Does the export cover the whole period, or is the as-of date wrong?");

        public static string DataStartsAfterYear(Language l, LocalDate start, LocalDate firstSchoolDay, int schoolDays) => l.Format(
            $"Let op: de gegevens beginnen op {Iso(start)}, {schoolDays} schooldagen na de eerste schooldag {Iso(firstSchoolDay)} van de kalender. Die dagen hebben geen enkele registratie en tellen als aanwezig. Mist de export het begin van het schooljaar, of staat de zomervakantie niet in het kalenderbestand?",
            $"Note: the data start on {Iso(start)}, {schoolDays} school days after the calendar's first school day {Iso(firstSchoolDay)}. Those days have no registration at all and count as present. Does the export miss the start of the school year, or does the calendar file lack the summer holiday?");

        public static string DataRange(Language l, LocalDate first, LocalDate last) => l.Format(
            $"Gegevens van {Iso(first)} tot en met {Iso(last)}.", $"Data from {Iso(first)} to {Iso(last)}.");

        public static string RowsSummary(Language l, long read, long accepted, long ignored, long rejected) => l.Format(
            $"Gelezen: {read:N0} regels; geaccepteerd {accepted:N0}, genegeerd {ignored:N0}, afgekeurd {rejected:N0}.",
            $"Read: {read:N0} rows; accepted {accepted:N0}, ignored {ignored:N0}, rejected {rejected:N0}.");

        public static string TiersSummary(Language l, int pupils, int tier1, int tier2, int tier3, int left) => l.Format(
            $"Leerlingen: {pupils:N0}; trede 1: {tier1:N0}, trede 2: {tier2:N0}, trede 3: {tier3:N0}.",
            $"Pupils: {pupils:N0}; tier 1: {tier1:N0}, tier 2: {tier2:N0}, tier 3: {tier3:N0}.")
            + (left > 0 ? l.Format($" Uitgeschreven vóór deze week, zonder trede: {left:N0}.", $" Left before this week, without a tier: {left:N0}.") : "");

        private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>What <c>validate</c> prints.</summary>
    public static class Validate
    {
        public static string HiddenCodes(Language l) => l.Format($"(verborgen: < {Ingestion.Disclosure.MinPupils} leerlingen)", $"(hidden: < {Ingestion.Disclosure.MinPupils} pupils)");

        public static string FileRead(Language l, string profile, string choice, string encoding, string separator, long bytes, string sha256) => l.Format(
            $"  profiel {profile} ({(choice == "detected" ? "herkend" : "gekozen")}), codering {encoding}, scheidingsteken '{separator}', {bytes:N0} bytes, sha256 {sha256}",
            $"  profile {profile} ({choice}), encoding {encoding}, separator '{separator}', {bytes:N0} bytes, sha256 {sha256}");

        public static string Rows(Language l, long read, long accepted, long duplicates, long conflicts, long ignored, long rejected, double rate) => l.Format(
            $"  regels gelezen {read:N0}: geaccepteerd {accepted:N0} (waarvan dubbel {duplicates:N0}, tegenstrijdig {conflicts:N0}), genegeerd {ignored:N0}, afgekeurd {rejected:N0} ({rate:P2})",
            $"  rows read {read:N0}: accepted {accepted:N0} (duplicates {duplicates:N0}, conflicts {conflicts:N0}), ignored {ignored:N0}, rejected {rejected:N0} ({rate:P2})");

        public static string Dates(Language l, LocalDate first, LocalDate last) => l.Format(
            $"  datums {first:yyyy-MM-dd} t/m {last:yyyy-MM-dd}", $"  dates {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");

        public static string Ignored(Language l, string reason, long count) => l.Format($"  genegeerd, {reason}: {count}", $"  ignored, {reason}: {count}");

        public static string Rejected(Language l, string reason, long count) => l.Format($"  afgekeurd, {reason}: {count}", $"  rejected, {reason}: {count}");

        public static string UnknownCodes(Language l, int count, string codes) => l.Format(
            $"  ONBEKENDE CODES ({count}): {codes}. Voeg ze toe aan de codetabel van een eigen profiel (--profile BESTAND).",
            $"  UNKNOWN CODES ({count}): {codes}. Add them to the code table of a profile of your own (--profile FILE).");

        public static string PupilsAndDenominator(Language l, int pupils, string denominator) => l.Format(
            $"Leerlingen: {pupils}. Noemer: {denominator}.", $"Pupils: {pupils}. Denominator: {denominator}.");

        public static string ProfileSuggested(Language l, string export, string path, string template, int mapped, int unmapped, int knownCodes, int unknownCodes, int hiddenCodes, long rows) => rows == 0
            ? l.Format($"Profiel geschreven: {path} (uitgaande van {template}), maar het bestand heeft alleen een kopregel: er staan geen codes in het profiel. Vul de codetabel zelf, of maak het profiel opnieuw van een export met gegevens.",
                $"Profile written: {path} (starting from {template}), but the file has a header row only: the profile holds no codes. Fill in the code table yourself, or make the profile again from an export with data.")
            : l.Format(
            $"Profiel geschreven: {path} (uitgaande van {template}). {mapped} kolommen herkend, {unmapped} nog toe te wijzen; {knownCodes} codes herkend, {unknownCodes} nog in te vullen (category \"?\"){(hiddenCodes > 0 ? $", {hiddenCodes} niet overgenomen (minder dan 3 leerlingen, lijkt op gegevens, te lang, of na de eerste 200): validate noemt ze als onbekend" : "")}. Vul het bestand aan en controleer het met: aanwezigheid validate {export} --profile {path}",
            $"Profile written: {path} (starting from {template}). {mapped} columns recognised, {unmapped} still to map; {knownCodes} codes recognised, {unknownCodes} to fill in (category \"?\"){(hiddenCodes > 0 ? $", {hiddenCodes} left out (fewer than 3 pupils, looks like data, too long, or after the first 200): validate names them as unknown" : "")}. Complete the file and check it with: aanwezigheid validate {export} --profile {path}");

        public static string AsOfFromData(Language l, LocalDate last) => l.Format(
            $"Peildatum: {last:yyyy-MM-dd}, de laatste datum in het schooljaar waar de meeste regels van de export in vallen; dat schooljaar is gecontroleerd (geef --as-of voor een ander).",
            $"As-of date: {last:yyyy-MM-dd}, the last date in the school year most of the export's rows fall in; that school year was checked (give --as-of for another).");

        public static string RejectedRowsIn(Language l, string path) => l.Format($"Afgekeurde regels: {path}", $"Rejected rows: {path}");
    }
}
