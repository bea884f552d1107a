using NodaTime;

namespace AanwezigheidsAnalyse.Localization;

internal static partial class Texts
{
    /// <summary>The words of report.html.</summary>
    public static class Page
    {
        public static string PossibleRisk(Language l) => l.Pick("Mogelijk risico", "Possible risk");

        public static string PossibleRiskExplained(Language l, string outcome, int horizon, double from) => l.Format(
            $"Leerlingen in trede 1 bij wie de regels niets signaleren, maar bij wie het vroegsignaleringsmodel (--model) een kans van {from:P0} of meer ziet op {OutcomeWords(l, outcome)} binnen {horizon} schoolweken. Dit is een aanleiding om te kijken of er iets speelt, geen oordeel: het model kent alleen patronen uit eerdere data, niet de leerling.",
            $"Pupils in tier 1 whom the rules do not flag, but in whom the early-warning model (--model) sees a chance of {from:P0} or more of {OutcomeWords(l, outcome)} within {horizon} school weeks. A prompt to look whether something is going on, not a verdict: the model knows patterns of earlier data, not the pupil.");

        private static string OutcomeWords(Language l, string outcome) => outcome switch
        {
            "lr50" => l.Pick("meer dan 4 schoolweken onder 50 % onderwijs (LR-50)", "more than 4 school weeks below 50 % education (LR-50)"),
            "thuiszitter" => l.Pick("thuiszitten (TZ-0)", "staying at home (TZ-0)"),
            "tier3" => l.Pick("trede 3", "tier 3"),
            _ => l.Pick("10 % verzuim of meer over het jaar", "10 % absence or more over the year"),
        };

        public static string RiskScoreHeader(Language l) => l.Pick("Kans volgens het model", "Chance by the model");

        public static string RiskWhyHeader(Language l) => l.Pick("Wat het model vooral ziet", "What the model mostly sees");

        public static string FeatureWords(Language l, string feature) => feature switch
        {
            "absence_rate_ytd" => l.Pick("verzuim dit schooljaar", "absence this school year"),
            "absence_rate_8w" => l.Pick("verzuim laatste 8 weken", "absence last 8 weeks"),
            "absence_rate_4w" => l.Pick("verzuim laatste 4 weken", "absence last 4 weeks"),
            "absence_rate_previous_4w" => l.Pick("verzuim de 4 weken daarvoor", "absence the 4 weeks before"),
            "sick_rate_8w" or "sick_rate_4w" => l.Pick("ziekteverzuim", "sickness absence"),
            "unauthorized_rate_8w" or "unauthorized_rate_4w" or "unauthorized_hours_4w" => l.Pick("ongeoorloofd verzuim", "unauthorised absence"),
            "sick_episodes_2m" or "short_sick_episodes_2m" or "sick_episodes_12w" => l.Pick("vaak ziek gemeld", "often reported sick"),
            "longest_sick_episode_days" or "running_sick_episode_days" or "sick_days_1m" => l.Pick("lang ziek", "long sick"),
            "weeks_below_50" => l.Pick("weken onder 50 % aanwezig", "weeks below 50 % attendance"),
            "weeks_without_education" => l.Pick("weken zonder onderwijs", "weeks without education"),
            "late_arrivals_4w" => l.Pick("te laat komen", "late arrivals"),
            "absence_days_15w" => l.Pick("veel verzuimdagen in 15 weken", "many absence days in 15 weeks"),
            "tier" or "weeks_in_tier" => l.Pick("trede en hoe lang al", "tier and for how long"),
            "criteria_met" => l.Pick("aantal criteria", "criteria met"),
            "scheduled_days_ytd" => l.Pick("vroeg in het schooljaar (weinig geroosterde dagen)", "early in the school year (few scheduled days)"),
            "absence_rate_last_year" => l.Pick("verzuim vorig schooljaar", "absence last school year"),
            _ => feature,
        };

        public static string Attendance(Language l) => l.Pick("Aanwezigheid", "Attendance");

        public static string TheSchool(Language l) => l.Pick("de school", "the school");

        public static string Schools(Language l, int count) => l.Format($"{count} scholen", $"{count} schools");

        public static string AsOf(Language l, LocalDate asOf, int isoWeek) => l.Format(
            $"Peildatum {asOf.ToString("dddd d MMMM yyyy", l.Culture())} (week {isoWeek})",
            $"As of {asOf.ToString("dddd d MMMM yyyy", l.Culture())} (week {isoWeek})");

        public static string Pupils(Language l, int pupils) => l.Format(
            $"{pupils.ToString("N0", l.Culture())} leerlingen", $"{pupils.ToString("N0", l.Culture())} pupils");

        public static string PupilsLeft(Language l, int left) => l.Format(
            $"{left.ToString("N0", l.Culture())} eerder dit jaar uitgeschreven (geen trede)", $"{left.ToString("N0", l.Culture())} left earlier this year (no tier)");

        public static string PolicyWord(Language l) => l.Pick("beleid", "policy");

        public static string ActionThisWeek(Language l) => l.Pick("Actie deze week", "Action this week");

        public static string Pyramid(Language l) => l.Pick("Piramide", "Pyramid");

        public static string Trends(Language l) => l.Pick("Trends", "Trends");

        public static string PupilsInTiers2And3(Language l) => l.Pick("Leerlingen in trede 2 en 3", "Pupils in tiers 2 and 3");

        public static string Timelines(Language l) => l.Pick("Tijdlijnen", "Timelines");

        public static string About(Language l) => l.Pick("Verantwoording", "About this report");

        public static string MostlyAbsent(Language l) => l.Pick("Meeste verzuim", "Mostly");

        public static string CriteriaLegend(Language l) => l.Pick("Criteria", "Criteria");

        public static string Meaning(Language l) => l.Pick("Betekenis", "Meaning");

        public static string Source(Language l) => l.Pick("Bron", "Source");

        public static string RowsRejected(Language l, string file, long rejected, double rate) => l.Format(
            $"{file}: {rejected} regels afgekeurd ({rate.ToString("P1", l.Culture())}); zie rejects.csv.",
            $"{file}: {rejected} rows rejected ({rate.ToString("P1", l.Culture())}); see rejects.csv.");

        public static string MovedUp(Language l, int pupils) => l.Noun(pupils, "leerling een trede hoger", "leerlingen een trede hoger", "pupil up a tier", "pupils up a tier");

        public static string NewSignals(Language l, int signals) => l.Noun(signals, "nieuw signaal", "nieuwe signalen", "new signal", "new signals");

        /// <summary>After the number of meldingen due now: what they are, and for how many pupils (a pupil away every day has one every few days).</summary>
        // The numbers of the criteria below are the policy's (LPW-16U's hours, LR-50's share and weeks, TZ-0's weeks,
        // TZ-3M's months): a policy of 12.5 hours said "16 uur" above meldingen made at 12.5 (an adversarial pass).
        public static string DuoCount(Language l, int meldingen, int pupils, double hours) => l.Format(
            $"{l.Noun(meldingen, "DUO-melding", "DUO-meldingen", "DUO report", "DUO reports")} nu te doen ({hours} uur ongeoorloofd){(meldingen > 0 ? $", bij {pupils} {l.Noun(pupils, "leerling", "leerlingen", "pupil", "pupils")}" : "")}",
            $"{l.Noun(meldingen, "DUO-melding", "DUO-meldingen", "DUO report", "DUO reports")} to make now ({hours} hours unauthorised){(meldingen > 0 ? $", for {pupils} {l.Noun(pupils, "leerling", "leerlingen", "pupil", "pupils")}" : "")}");

        public static string Lr50Count(Language l, double fractionBelow, int weeks) => l.Format(
            $"langer dan {Counted.SchoolWeeks(l, weeks)} minder dan {Math.Round(fractionBelow * 100, 2)} % onderwijs", $"under {Math.Round(fractionBelow * 100, 2)} % education for over {Counted.Weeks(l, weeks)}");


        public static string AtHomeCount(Language l, int pupils, int over3Months, int weeks, int months)
        {
            var what = l.Noun(pupils, "thuiszitter", "thuiszitters", "pupil at home", "pupils at home") + l.Format($" (geen onderwijs, langer dan {Counted.SchoolWeeks(l, weeks)})", $" (no education for over {Counted.Weeks(l, weeks)})");
            var overMonths = l.Pick("langer dan ", "for over ") + Counted.Months(l, months);
            return pupils == 0 ? what : what + (over3Months == 0
                ? l.Noun(pupils, $", niet {overMonths}", $", van wie niemand {overMonths}", $", not {overMonths}", $", none of them {overMonths}")
                : pupils == 1 ? $", {overMonths}"
                : l.Format($", van wie {over3Months} {overMonths}", $", {over3Months} of them {overMonths}"));
        }

        /// <summary>What "new" is compared with; <paramref name="source"/> is null for the replay.</summary>
        public static string NewMeans(Language l, string? source) => source is null
            ? l.Pick("Nieuw = niet gehaald bij de vorige peildatum, of een DUO-melding die sinds dan viel (ook als LPW-16U al gold). Vergeleken met: een herberekening van vorige week op de gegevens van nu.",
                "New = not met at the previous as-of date, or a DUO report that fell due since then (also when LPW-16U already held). Compared with: last week recomputed on this week's data.")
            : l.Format($"Nieuw = niet gehaald bij de vorige peildatum, of een DUO-melding die sinds dan viel (ook als LPW-16U al gold). Vergeleken met: de uitvoer in map {source}.",
                $"New = not met at the previous as-of date, or a DUO report that fell due since then (also when LPW-16U already held). Compared with: the output in folder {source}.");

        public static string TierUp(Language l, int? from, int to) => l.Format($"Een trede hoger: van {from} naar {to}", $"Up a tier: from {from} to {to}");

        public static string MovedDown(Language l, int pupils) => l.Noun(pupils, "leerling een trede lager", "leerlingen een trede lager", "pupil moved down a tier", "pupils moved down a tier");

        public static string DownHeading(Language l) => l.Pick("Een trede lager: afschalen, niet loslaten", "Down a tier: scale the plan down, do not drop it");

        /// <summary>A pupil down in tier 1: no reason holds any more, and how far below the thresholds it now is.</summary>
        public static string AbsenceWord(Language l) => l.Pick("verzuim", "absence");

        public static string NoReasonLeft(Language l, string rates) => l.Format($"geen reden meer ({rates})", $"no reason left ({rates})");

        public static string TierDown(Language l, int? from, int to) => l.Format($"Een trede lager: van {from} naar {to}", $"Down a tier: from {from} to {to}");

        public static string LeftCount(Language l, int pupils) => l.Noun(pupils, "leerling uitgeschreven sinds vorige week", "leerlingen uitgeschreven sinds vorige week", "pupil who left since last week", "pupils who left since last week");

        public static string LeftHeading(Language l) => l.Pick("Uitgeschreven sinds vorige week", "Left since last week");

        public static string LeftExplained(Language l) => l.Pick(
            "Deze leerlingen staan niet meer ingeschreven en krijgen geen trede meer: ze tellen niet mee, en staan alleen nog bij de DUO-meldingen als LPW-16U bij vertrek gold (een melding uit de week van vertrek moet nog gedaan worden). Trede en criteria zijn die op de laatste schooldag. Ga na of de leerling op een andere school is ingeschreven. Vertrok de leerling in trede 2 of 3, draag het verzuimbeeld dan over aan de nieuwe school of de leerplichtambtenaar.",
            "These pupils are no longer enrolled and have no tier any more: they are not counted, and are on the DUO list only when LPW-16U held on leaving (a melding of the week of leaving must still be filed). Tier and criteria are those of the last school day. Check that the pupil is enrolled at another school. If the pupil left in tier 2 or 3, hand the attendance history over to the new school or the leerplichtambtenaar.");

        public static string TierOnLeaving(Language l) => l.Pick("Trede bij vertrek", "Tier on leaving");

        public static string LastSchoolDay(Language l) => l.Pick("Laatste schooldag", "Last school day");

        public static string CriteriaOnLeaving(Language l) => l.Pick("Criteria bij vertrek", "Criteria on leaving");

        public static string LeftMark(Language l) => l.Pick("uitgeschreven", "left");

        public static string LeftWhat(Language l, int tier, LocalDate lastDay, string criteria) => l.Format(
            $"Uitgeschreven, laatste schooldag {lastDay.ToString("d MMMM yyyy", l.Culture())}; trede {tier} bij vertrek{(criteria.Length > 0 ? ": " + criteria : "")}",
            $"Left, last school day {lastDay.ToString("d MMMM yyyy", l.Culture())}; tier {tier} on leaving{(criteria.Length > 0 ? ": " + criteria : "")}");

        public static string DownloadActionLists(Language l) => l.Pick("Actielijsten als spreadsheet (Excel, CSV)", "Action lists as a spreadsheet (Excel, CSV)");

        public static string DownloadPupils(Language l) => l.Pick("Deze tabel als spreadsheet (Excel, CSV)", "This table as a spreadsheet (Excel, CSV)");

        public static string UrgencyOrder(Language l) => l.Pick("Volgorde: meest urgent eerst (trede 3, dan wie een trede hoger ging, dan het meeste verzuim).",
            "Order: most urgent first (tier 3, then who went up a tier, then the most absence).");

        public static string ClassFilter(Language l) => l.Pick("Klas", "Class");

        public static string AllClasses(Language l) => l.Pick("alle klassen", "all classes");

        public static string NoPupilFound(Language l) => l.Pick("Geen leerling gevonden met deze keuze.", "No pupil found with this choice.");

        public static string ClassNotInList(Language l) => l.Pick("Geen leerling van deze klas in deze lijst.", "No pupil of this class in this list.");

        public static string ClassFilterNote(Language l) => l.Pick("De lijsten tonen deze klas; de aantallen in de koppen en blokken gelden voor de hele school.", "The lists show this class; the counts in headings and boxes are the whole school's.");

        public static string List(Language l) => l.Pick("Lijst", "List");

        public static string NothingNew(Language l) => l.Pick("Niets nieuws.", "Nothing new.");

        public static string Pupil(Language l) => l.Pick("Leerling", "Pupil");

        public static string Class(Language l) => l.Pick("Klas", "Class");

        public static string Tier(Language l) => l.Pick("Trede", "Tier");

        public static string WhatIsNew(Language l) => l.Pick("Wat is er nieuw", "What is new");

        public static string DuoHowAndWhen(Language l, double hours) => l.Format(
            $"Meld onverwijld, binnen 5 werkdagen na de einddatum (Inspectie van het Onderwijs), in het verzuimloket van DUO of via het administratiepakket: begindatum de eerste verzuimdag, einddatum de dag waarop de {hours} uur bereikt werd.",
            $"Report without delay, within 5 working days of the end date (Inspectie van het Onderwijs), in DUO's verzuimloket or through the school's administration system: begin date the first day of absence, end date the day the {hours} hours were reached.");

        public static string DuoNow(Language l) => l.Pick("Nu melden bij DUO (sinds vorige week)", "To report to DUO now (since last week)");

        public static string DuoHistory(Language l, int meldingen, NodaTime.LocalDate first, NodaTime.LocalDate last) => l.Format(
            $"{meldingen} {l.Noun(meldingen, "melding", "meldingen", "report", "reports")}, van {first.ToString("d MMM", l.Culture())} tot {last.ToString("d MMM", l.Culture())}",
            $"{meldingen} {l.Noun(meldingen, "melding", "meldingen", "report", "reports")}, from {first.ToString("d MMM", l.Culture())} to {last.ToString("d MMM", l.Culture())}");

        public static string DuoEarlier(Language l) => l.Pick("Eerder dit schooljaar", "Earlier this school year");

        public static string WithdrawnHeading(Language l) => l.Pick("DUO-meldingen van vorige week die niet meer gelden", "DUO reports of last week that no longer hold");

        public static string WithdrawnExplained(Language l) => l.Pick(
            "Vorige week stonden deze meldingen op de DUO-lijst; met de gegevens van nu komen ze niet meer uit: het verzuim is sindsdien gecorrigeerd (bijvoorbeeld ongeoorloofd werd ziek, of een registratie verdween). Staan dezelfde dagen nu in een andere melding, dan staat die hierboven bij 'Nu melden'. Al gemeld bij DUO? Ga na of de correctie klopt en pas de melding in het verzuimloket aan of trek haar in.",
            "Last week these reports were on the DUO list; with this week's data they no longer come out: the absence was corrected since (unauthorised became sick, for example, or a registration disappeared). Where the same days are now in another report, that one is above under 'To report now'. Already reported to DUO? Check that the correction is right, and change or withdraw the report in the verzuimloket.");

        public static string ListedLastWeek(Language l) => l.Pick("Melding van vorige week", "Report of last week");

        public static string Period(Language l, NodaTime.LocalDate first, NodaTime.LocalDate last) => l.Format(
            $"{first.ToString("d MMM", l.Culture())} t/m {last.ToString("d MMM yyyy", l.Culture())}",
            $"{first.ToString("d MMM", l.Culture())} to {last.ToString("d MMM yyyy", l.Culture())}");

        public static string WithdrawnWhat(Language l, NodaTime.LocalDate first, NodaTime.LocalDate last) => l.Format(
            $"Melding van vorige week ({Period(l, first, last)}) geldt niet meer: al gemeld? Controleer de correctie",
            $"Report of last week ({Period(l, first, last)}) no longer holds: already reported? Check the correction");

        public static string MissingCount(Language l, int pupils) => l.Noun(pupils, "leerling van vorige week niet meer in de gegevens", "leerlingen van vorige week niet meer in de gegevens", "pupil of last week no longer in the data", "pupils of last week no longer in the data");

        public static string MissingHeading(Language l) => l.Pick("Niet meer in de gegevens", "No longer in the data");

        public static string MissingExplained(Language l) => l.Pick(
            "Deze leerlingen stonden vorige week in de analyse, maar staan nu niet in de export en niet op de leerlingenlijst: ze hebben geen trede meer en staan op geen andere lijst. Zijn ze uitgeschreven zonder uitschrijfdatum, hebben ze een ander leerlingnummer gekregen, of ontbreekt een deel van de export? Ga na waar een leerling nu naar school gaat; stond hij of zij in trede 2 of 3, draag het verzuimbeeld dan over aan de nieuwe school of de leerplichtambtenaar.",
            "These pupils were in last week's analysis, but are now neither in the export nor on the pupil list: they have no tier any more and are on no other list. Were they taken off the roll without a leaving date, given another pupil number, or is part of the export missing? Find out where a pupil now goes to school; for one in tier 2 or 3, hand the attendance history over to the new school or the leerplichtambtenaar.");

        public static string TierLastWeek(Language l) => l.Pick("Trede vorige week", "Tier last week");

        public static string CriteriaLastWeek(Language l) => l.Pick("Criteria vorige week", "Criteria last week");

        public static string MissingWhat(Language l, int tier, string criteria) => l.Format(
            $"Niet meer in export of leerlingenlijst; trede {tier} vorige week{(criteria.Length > 0 ? ": " + criteria : "")}",
            $"No longer in the export or pupil list; tier {tier} last week{(criteria.Length > 0 ? ": " + criteria : "")}");

        public static string PolicyFile(Language l, string file, string hash) => l.Format(
            $"uit het bestand {file}, SHA-256 {hash[..Math.Min(12, hash.Length)]}… (heel in run.json)", $"from the file {file}, SHA-256 {hash[..Math.Min(12, hash.Length)]}… (whole in run.json)");

        public static string DuoHeading(Language l, double hours, int weeks) => l.Format($"DUO-melding: {hours} uur ongeoorloofd in {Counted.SchoolWeeks(l, weeks)} (LPW-16U)", $"Report to DUO: {hours} hours unauthorised in {Counted.SchoolWeeks(l, weeks)} (LPW-16U)");

        public static string Lr50Heading(Language l, double fractionBelow, int weeks) => l.Format(
            $"Langer dan {Counted.Weeks(l, weeks)} minder dan {Math.Round(fractionBelow * 100, 2)} % onderwijs (LR-50)", $"Under {Math.Round(fractionBelow * 100, 2)} % of education for over {Counted.Weeks(l, weeks)} (LR-50)");

        public static string AtHomeHeading(Language l, int weeks) => l.Format($"Thuiszitters: geen onderwijs, langer dan {Counted.SchoolWeeks(l, weeks)} (TZ-0, TZ-LPW)", $"At home: no education for over {Counted.Weeks(l, weeks)} (TZ-0, TZ-LPW)");

        public static string WeeksAtHome(Language l) => l.Pick("Schoolweken zonder onderwijs", "School weeks without education");

        public static string UnauthorizedAtHome(Language l) => l.Pick("Ongeoorloofd: leerplicht (TZ-LPW)", "Unauthorised: attendance officer (TZ-LPW)");

        public static string UnauthorizedMark(Language l) => l.Pick("ja", "yes");

        public static string Over3Months(Language l, int months) => l.Pick("Langer dan ", "Over ") + Counted.Months(l, months) + " (TZ-3M)";

        public static string Over3MonthsMark(Language l) => l.Pick("ja, escaleren", "yes, escalate");

        public static string PyramidAlt(Language l, int tier1, int tier2, int tier3) => l.Format(
            $"Kearney-piramide: trede 1 {tier1}, trede 2 {tier2}, trede 3 {tier3} leerlingen",
            $"Kearney pyramid: tier 1 {tier1}, tier 2 {tier2}, tier 3 {tier3} pupils");

        public static string When(Language l) => l.Pick("Wanneer", "When");

        public static string AllOtherPupils(Language l) => l.Pick("de overige leerlingen", "all other pupils");

        public static string HeatmapAlt(Language l) => l.Pick("Verzuim per weekdag en lesuur", "Absence by weekday and lesson hour");

        public static string DistributionAlt(Language l) => l.Pick("Verdeling van de aanwezigheid met de drempels van de treden", "Distribution of attendance with the tier thresholds");

        public static string Search(Language l) => l.Pick("Zoeken", "Search");

        public static string SearchPlaceholder(Language l) => l.Pick("leerling, klas, criterium …", "pupil, class, criterion …");

        public static string ClickToSort(Language l) => l.Pick("Klik op een kolomkop om te sorteren.", "Click a column heading to sort.");

        public static string Change(Language l) => l.Pick("Verandering", "Change");

        public static string WeeksInTier(Language l) => l.Pick("Weken in trede", "Weeks in tier");

        public static string Absence8Weeks(Language l) => l.Pick("Verzuim 8 wk", "Absence 8 wk");

        public static string Sick8Weeks(Language l) => l.Pick("Ziek 8 wk", "Sick 8 wk");

        public static string Unauthorized8Weeks(Language l) => l.Pick("Ongeoorloofd 8 wk", "Unauthorised 8 wk");

        public static string Reasons(Language l) => l.Pick("Redenen", "Reasons");

        public static string PickedUpBy(Language l) => l.Pick("Oppakken door", "Picked up by");

        public static string TimelinesHeading(Language l) => l.Pick("Tijdlijnen van de leerlingen in trede 3", "Timelines of the pupils in tier 3");

        public static string TimelinesExplained(Language l) => l.Pick(
            "Elke schooldag tot de peildatum is een staafje: gekleurd het deel van de geroosterde tijd dat de leerling per verzuimcategorie miste (een hele dag ziek vult het staafje, één lesuur van zeven een zevende), grijs de rest. Te laat is een vast streepje erboven; een dag zonder lestijd (vrijstelling) is wit.",
            "Every school day up to the as-of date is a bar: coloured, the share of the scheduled time the pupil missed per absence category (a whole day ill fills the bar, one lesson of seven a seventh); grey, the rest. Late is a fixed mark above it; a day without lesson time (exemption) is white.");

        public static string TimelinesShown(Language l, int shown, int tier3) => l.Format(
            $"De {shown} leerlingen met het hoogste verzuim over 8 schoolweken van de {tier3} in trede 3.",
            $"The {shown} pupils with the highest 8-week absence of the {tier3} in tier 3.");

        public static string TimelineAlt(Language l, string pupil) => l.Format($"Tijdlijn leerling {pupil}", $"Timeline of pupil {pupil}");

        public static string NoTier3(Language l) => l.Pick("Geen leerlingen in trede 3.", "No pupils in tier 3.");

        public static string FileRead(Language l, string profile, long read, long accepted, long ignored, long rejected, LocalDate? first, LocalDate? last) => l.Format(
            $"profiel {profile}; {read:N0} regels gelezen: {accepted:N0} geaccepteerd, {ignored:N0} genegeerd, {rejected:N0} afgekeurd; datums {first:d-M-yyyy} t/m {last:d-M-yyyy}",
            $"profile {profile}; {read:N0} rows read: {accepted:N0} accepted, {ignored:N0} ignored, {rejected:N0} rejected; dates {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");

        public static string Calendar(Language l) => l.Pick("Kalender", "Calendar");

        public static string SchoolDaysIn(Language l, int days, string year) => l.Format($"{days} schooldagen in {year}", $"{days} school days in {year}");

        public static string Denominator(Language l) => l.Pick("Noemer", "Denominator");

        public static string Policy(Language l) => l.Pick("Beleid", "Policy");

        public static string Privacy(Language l) => l.Pick("Privacy", "Privacy");

        public static string PrivacyNote(Language l, bool pseudonymised) => pseudonymised
            ? l.Pick("Leerlingen staan onder een pseudoniem (HMAC-SHA-256 met de sleutel van de school). Namen worden nooit gelezen.",
                "Pupils appear under a pseudonym (HMAC-SHA-256 with the school's key). Names are never read.")
            : l.Pick("Leerlingen staan onder het leerlingnummer van de school. Namen, adressen en BSN worden nooit gelezen. Deel dit rapport alleen binnen het schoolaanwezigheidsteam.",
                "Pupils appear under the school's pupil number. Names, addresses and BSN are never read. Share this report within the attendance team only.");

        public static string MadeWith(Language l) => l.Pick("Gemaakt met", "Made with");

        public static string None(Language l) => l.Pick("Geen.", "None.");

        /// <summary>The day a criterion began to hold (first_met): LR-50's is the fifth week below 50 %, not the first, which the evidence lists.</summary>
        public static string HoldsSince(Language l) => l.Pick("Criterium geldt sinds", "Criterion holds since");

        public static string Evidence(Language l) => l.Pick("Bewijs", "Evidence");

        public static string Truncated(Language l, int shown, int rows) => l.Format(
            $"De eerste {shown} van {rows}; alle staan in pupils.parquet en signals.parquet.",
            $"The first {shown} of {rows}; all are in pupils.parquet and signals.parquet.");

        public static string Or(Language l) => l.Pick(" of ", " or ");

        /// <summary>
        /// A share to one decimal, rounded down: 19,96 % beside a threshold of 20 % read "20,0%" in tier 2, and 9,96 %
        /// "10,0%" beside "no reason left" (an explainability pass). The small term keeps a share that is exactly a
        /// tenth of a percent (0,2 as 0,19999…) from losing it to binary rounding.
        /// </summary>
        public static double TenthOfPercentDown(double value) => Math.Floor(value * 1000 + 1e-9) / 1000;

        public static string Percent(Language l, double value) => TenthOfPercentDown(value).ToString("P1", l.Culture());
    }
}
