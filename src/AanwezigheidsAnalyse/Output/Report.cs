using System.Globalization;
using System.Net;
using System.Text;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using NodaTime;

using Owner = AanwezigheidsAnalyse.Rules.CriterionIds.Owner;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// report.html: one self-contained page for the SAT meeting (charts embedded, no network, opens from disk), in
/// Dutch unless --lang en. It leads with what needs action this week, grouped by who picks it up, then the
/// pyramid, the trends, a sortable and filterable list of the pupils in tiers 2 and 3, and the timelines.
/// </summary>
internal static class Report
{
    private const int MaxEvidence = 8;

    /// <summary>Rows per table: a school has far fewer; a national run points to the datasets instead.</summary>
    private const int MaxRows = 1000;

    public static string Write(AnalysisRun run, ChartSet charts, string path)
    {
        AtomicFile.WriteAllText(path, Html(run, charts));
        return path;
    }

    /// <summary>The report's sections of who acts on what (RULES §6), in the order a SAT goes through them.</summary>
    private static readonly Owner[] Owners = [Owner.Jeugdarts, Owner.Leerplicht, Owner.Zorgcoordinator, Owner.Mentor];

    internal static string Html(AnalysisRun run, ChartSet charts)
    {
        var nl = run.Language == Language.Dutch;
        string T(string dutch, string english) => nl ? dutch : english;
        var culture = CultureInfo.GetCultureInfo(nl ? "nl-NL" : "en-GB");
        var asOf = run.AsOf.Date;
        var schools = run.Ledger.Schools.Where((s, i) => run.Ledger.SchoolHasPupils(i)).ToList();
        var schoolName = schools.Count == 1 ? (schools[0].Length > 0 ? schools[0] : T("de school", "the school")) : T($"{schools.Count} scholen", $"{schools.Count} schools");
        var html = new StringBuilder(1 << 16);

        html.Append($"""
            <!doctype html>
            <html lang="{(nl ? "nl" : "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(T("Aanwezigheid", "Attendance"))} {E(schoolName)} — {E(asOf.ToString("d MMMM yyyy", culture))}</title>
            <style>{Style}</style>
            </head>
            <body>
            <header>
            <h1>{E(T("Aanwezigheid", "Attendance"))} — {E(schoolName)}</h1>
            <p class="meta">{E(T($"Peildatum {asOf.ToString("dddd d MMMM yyyy", culture)} (week {WeekYearRules(asOf)})", $"As of {asOf.ToString("dddd d MMMM yyyy", culture)} (week {WeekYearRules(asOf)})"))}
             · {E(T($"{run.Ledger.PupilCount.ToString("N0", culture)} leerlingen", $"{run.Ledger.PupilCount.ToString("N0", culture)} pupils"))}
             · {E(T("beleid", "policy"))} {E(run.Policy.Name)} · {E(run.Calendar.Description)}</p>
            <nav><a href="#actie">{E(T("Actie deze week", "Action this week"))}</a> <a href="#piramide">{E(T("Piramide", "Pyramid"))}</a> <a href="#trends">{E(T("Trends", "Trends"))}</a> <a href="#leerlingen">{E(T("Leerlingen in trede 2 en 3", "Pupils in tiers 2 and 3"))}</a> <a href="#tijdlijnen">{E(T("Tijdlijnen", "Timelines"))}</a> <a href="#verantwoording">{E(T("Verantwoording", "About this report"))}</a></nav>
            """);
        foreach (var note in run.Notes)
            html.Append($"<p class=\"note\">{E(note)}</p>\n");
        foreach (var file in run.Ingest.Files.Where(f => f.Rejected > 0))
            html.Append($"<p class=\"warning\">{E(T(string.Create(culture, $"{Path.GetFileName(file.Path)}: {file.Rejected} regels afgekeurd ({file.RejectRate:P1}); zie rejects.csv."), string.Create(culture, $"{Path.GetFileName(file.Path)}: {file.Rejected} rows rejected ({file.RejectRate:P1}); see rejects.csv.")))}</p>\n");
        html.Append("</header>\n<main>\n");

        // ---- Action this week ----
        var up = run.Order.Where(p => run.Transitions.Change(p, run.Results[p].Tier) == TierChange.Up).ToList();
        var newly = run.Signals.Where(s => run.Transitions.NewlyMet(s.Pupil, 1u << RulesEngine.IndexOf(s.CriterionId)) != 0).ToList();
        var duo = run.Signals.Where(s => s.CriterionId == CriterionIds.Lpw16u).ToList();
        var lr50 = run.Signals.Where(s => s.CriterionId == CriterionIds.Lr50).ToList();
        var tz3m = run.Signals.Where(s => s.CriterionId == CriterionIds.Tz3m).ToList();
        html.Append($"""
            <section id="actie">
            <h2>{E(T("Actie deze week", "Action this week"))}</h2>
            <ul class="counts">
            <li><strong>{up.Count}</strong> {E(T("leerlingen omhoog in trede", "pupils moved up a tier"))}</li>
            <li><strong>{newly.Count}</strong> {E(T("nieuwe signalen", "new signals"))}</li>
            <li><strong>{duo.Count}</strong> {E(T("meldplicht DUO (16 uur)", "to report to DUO (16 hours)"))}</li>
            <li><strong>{lr50.Count}</strong> {E(T("langer dan 4 weken minder dan 50 % onderwijs", "under 50 % education for over 4 weeks"))}</li>
            <li><strong>{tz3m.Count}</strong> {E(T("thuiszitters langer dan 3 maanden", "at home for over 3 months"))}</li>
            </ul>
            <p class="explain">{E(T($"Nieuw = niet gehaald bij de vorige peildatum. Vergeleken met: {(run.Transitions.IsReplay ? "een herberekening van vorige week op de gegevens van nu" : run.Transitions.Source)}.", $"New = not met at the previous as-of date. Compared with: {(run.Transitions.IsReplay ? "last week recomputed on this week's data" : run.Transitions.Source)}."))}</p>
            """);

        // Pupils with news (tier up or a newly met criterion), highest tier first, then in output order.
        var movedUpSet = up.ToHashSet();
        var newlyByPupil = newly.GroupBy(s => s.Pupil).ToDictionary(g => g.Key, g => g.ToList());
        var withNews = run.Order.Where(p => movedUpSet.Contains(p) || newlyByPupil.ContainsKey(p)).OrderByDescending(p => run.Results[p].Tier).ToList();
        foreach (var owner in Owners)
        {
            var rows = new List<string>();
            foreach (var pupil in withNews)
            {
                var mine = newlyByPupil.GetValueOrDefault(pupil)?.Where(s => OwnerOf(s.CriterionId) == owner).ToList() ?? [];
                var movedUp = movedUpSet.Contains(pupil) && OwnerOfPupil(run, pupil) == owner;
                if (mine.Count == 0 && !movedUp)
                    continue;
                var what = new StringBuilder();
                if (movedUp)
                    what.Append($"<div class=\"up\">{E(T($"Omhoog van trede {run.Transitions.PreviousTier[pupil]} naar trede {run.Results[pupil].Tier}", $"Up from tier {run.Transitions.PreviousTier[pupil]} to tier {run.Results[pupil].Tier}"))}: {E(Reasons(run, pupil))}</div>");
                foreach (var signal in mine)
                    what.Append($"<div><span class=\"id\">{E(signal.CriterionId)}</span> {E(Label(run, signal.CriterionId))}<br><span class=\"evidence\">{E(Evidence(run, signal, culture))}</span></div>");
                rows.Add($"<tr><td>{E(run.Keys[pupil])}</td><td>{E(run.Ledger.Group(pupil) ?? "")}</td><td class=\"tier t{run.Results[pupil].Tier}\">{run.Results[pupil].Tier}</td><td>{what}</td></tr>");
            }
            html.Append($"<h3>{E(OwnerTitle(owner, nl))} <span class=\"n\">({rows.Count})</span></h3>\n");
            if (rows.Count == 0)
            {
                html.Append($"<p class=\"none\">{E(T("Niets nieuws.", "Nothing new."))}</p>\n");
                continue;
            }
            html.Append($"<table class=\"action\"><thead><tr><th>{E(T("Leerling", "Pupil"))}</th><th>{E(T("Klas", "Class"))}</th><th>{E(T("Trede", "Tier"))}</th><th>{E(T("Wat is er nieuw", "What is new"))}</th></tr></thead><tbody>\n{string.Join("\n", rows.Take(MaxRows))}\n</tbody></table>\n");
            html.Append(Truncated(rows.Count, nl));
        }

        html.Append($"<h3>{E(T("Meldplicht DUO: 16 uur ongeoorloofd in 4 lesweken (LPW-16U)", "Report to DUO: 16 hours unauthorised in 4 school weeks (LPW-16U)"))} <span class=\"n\">({duo.Count})</span></h3>\n");
        html.Append(SignalTable(run, duo, culture, nl));
        html.Append($"<h3>{E(T("Langer dan 4 weken minder dan 50 % onderwijs (LR-50)", "Under 50 % of education for over 4 weeks (LR-50)"))} <span class=\"n\">({lr50.Count})</span></h3>\n");
        html.Append(SignalTable(run, lr50, culture, nl));
        html.Append($"<h3>{E(T("Thuiszitters langer dan 3 maanden (TZ-3M)", "At home for over 3 months (TZ-3M)"))} <span class=\"n\">({tz3m.Count})</span></h3>\n");
        html.Append(SignalTable(run, tz3m, culture, nl));
        html.Append("</section>\n");

        // ---- Pyramid ----
        var counts = new int[3];
        foreach (var result in run.Results)
            counts[result.Tier - 1]++;
        html.Append($"""
            <section id="piramide">
            <h2>{E(T("Piramide", "Pyramid"))}</h2>
            {Image(charts, "piramide", T($"Kearney-piramide: trede 1 {counts[0]}, trede 2 {counts[1]}, trede 3 {counts[2]} leerlingen", $"Kearney pyramid: tier 1 {counts[0]}, tier 2 {counts[1]}, tier 3 {counts[2]} pupils"))}
            <table class="small"><thead><tr><th>{E(T("Trede", "Tier"))}</th><th>{E(T("Leerlingen", "Pupils"))}</th><th>{E(T("Wanneer", "When"))}</th></tr></thead><tbody>
            <tr><td class="tier t3">3</td><td>{counts[2]}</td><td>{E(TierRule(run, 3, nl))}</td></tr>
            <tr><td class="tier t2">2</td><td>{counts[1]}</td><td>{E(TierRule(run, 2, nl))}</td></tr>
            <tr><td class="tier t1">1</td><td>{counts[0]}</td><td>{E(T("de overige leerlingen", "all other pupils"))}</td></tr>
            </tbody></table>
            </section>
            <section id="trends">
            <h2>{E(T("Trends", "Trends"))}</h2>
            {Image(charts, "treden-per-week", T("Leerlingen per trede, per schoolweek", "Pupils per tier, per school week"))}
            {Image(charts, "criteria-per-week", T("Leerlingen per criterium, per schoolweek", "Pupils per criterion, per school week"))}
            {Image(charts, "verzuim-weekdag-lesuur", T("Verzuim per weekdag en lesuur", "Absence by weekday and lesson hour"))}
            {Image(charts, "verdeling-aanwezigheid", T("Verdeling van de aanwezigheid met de drempels van de treden", "Distribution of attendance with the tier thresholds"))}
            </section>
            """);

        // ---- Pupils in tiers 2 and 3 ----
        html.Append($"""
            <section id="leerlingen">
            <h2>{E(T("Leerlingen in trede 2 en 3", "Pupils in tiers 2 and 3"))}</h2>
            <p class="noprint"><label>{E(T("Zoeken", "Search"))}: <input id="filter" type="search" placeholder="{E(T("leerling, klas, criterium …", "pupil, class, criterion …"))}"></label> <span class="explain">{E(T("Klik op een kolomkop om te sorteren.", "Click a column heading to sort."))}</span></p>
            <table id="pupils" class="sortable"><thead><tr>
            <th>{E(T("Leerling", "Pupil"))}</th><th>{E(T("Klas", "Class"))}</th><th>{E(T("Trede", "Tier"))}</th><th>{E(T("Verandering", "Change"))}</th><th>{E(T("Weken in trede", "Weeks in tier"))}</th>
            <th>{E(T("Verzuim 8 wk", "Absence 8 wk"))}</th><th>{E(T("Ziek 8 wk", "Sick 8 wk"))}</th><th>{E(T("Ongeoorloofd 8 wk", "Unauthorised 8 wk"))}</th><th>{E(T("Redenen", "Reasons"))}</th><th>{E(T("Oppakken door", "Picked up by"))}</th>
            </tr></thead><tbody>

            """);
        var listed = run.Order.Where(p => run.Results[p].Tier >= 2).ToList();
        // The most urgent MaxRows pupils, shown in output order (school, pupil_key) like the datasets.
        var shown = listed.OrderByDescending(p => run.Results[p].Tier).ThenByDescending(p => run.Results[p].Weeks8.Rate()).Take(MaxRows).ToHashSet();
        foreach (var pupil in listed.Where(shown.Contains))
        {
            ref readonly var result = ref run.Results[pupil];
            var change = run.Transitions.Change(pupil, result.Tier) switch
            {
                TierChange.Up => T("omhoog", "up"),
                TierChange.Down => T("omlaag", "down"),
                TierChange.Same => T("gelijk", "same"),
                _ => T("nieuw", "new"),
            };
            html.Append($"<tr><td>{E(run.Keys[pupil])}</td><td>{E(run.Ledger.Group(pupil) ?? "")}</td><td class=\"tier t{result.Tier}\">{result.Tier}</td><td>{E(change)}</td><td>{run.Transitions.WeeksInTier[pupil]}</td>"
                + $"<td>{Percent(result.Weeks8.Rate(), culture)}</td><td>{Percent(result.Weeks8.Rate(Category.Sick) + result.Weeks8.Rate(Category.SentHomeSick), culture)}</td><td>{Percent(result.Weeks8.Rate(Category.Unauthorized), culture)}</td>"
                + $"<td>{E(Reasons(run, pupil))}</td><td>{E(OwnerTitle(OwnerOfPupil(run, pupil), nl, short_: true))}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        html.Append(Truncated(listed.Count, nl));
        html.Append("</section>\n");

        // ---- Timelines ----
        html.Append($"<section id=\"tijdlijnen\">\n<h2>{E(T("Tijdlijnen van de leerlingen in trede 3", "Timelines of the pupils in tier 3"))}</h2>\n");
        html.Append($"<p class=\"explain\">{E(T("Elke schooldag tot de peildatum; de kleur is de grootste verzuimcategorie van die dag, grijs is aanwezig.", "Every school day up to the as-of date; the colour is the day's largest absence category, grey is attended."))}</p>\n");
        if (charts.Tier3Pupils > charts.Timelines.Count)
            html.Append($"<p class=\"note\">{E(T($"De {charts.Timelines.Count} leerlingen met het hoogste verzuim over 8 weken van de {charts.Tier3Pupils} in trede 3.", $"The {charts.Timelines.Count} pupils with the highest 8-week absence of the {charts.Tier3Pupils} in tier 3."))}</p>\n");
        foreach (var (pupil, png) in charts.Timelines)
            html.Append($"<figure class=\"timeline\"><img src=\"{DataUri(png)}\" alt=\"{E(T($"Tijdlijn leerling {run.Keys[pupil]}", $"Timeline of pupil {run.Keys[pupil]}"))}\"></figure>\n");
        if (charts.Timelines.Count == 0)
            html.Append($"<p class=\"none\">{E(T("Geen leerlingen in trede 3.", "No pupils in tier 3."))}</p>\n");
        html.Append("</section>\n");

        // ---- About ----
        html.Append($"<section id=\"verantwoording\">\n<h2>{E(T("Verantwoording", "About this report"))}</h2>\n<table class=\"small\"><tbody>\n");
        foreach (var file in run.Ingest.Files)
        {
            html.Append($"<tr><th>{E(Path.GetFileName(file.Path))}</th><td>{E(T(
                string.Create(culture, $"profiel {file.Profile}; {file.RowsRead:N0} regels gelezen: {file.Accepted:N0} geaccepteerd, {file.Ignored:N0} genegeerd, {file.Rejected:N0} afgekeurd; datums {file.FirstDate:d-M-yyyy} t/m {file.LastDate:d-M-yyyy}"),
                string.Create(culture, $"profile {file.Profile}; {file.RowsRead:N0} rows read: {file.Accepted:N0} accepted, {file.Ignored:N0} ignored, {file.Rejected:N0} rejected; dates {file.FirstDate:yyyy-MM-dd} to {file.LastDate:yyyy-MM-dd}")))}</td></tr>\n");
        }
        html.Append($"<tr><th>{E(T("Kalender", "Calendar"))}</th><td>{E(run.Calendar.Description)}; {E(T($"{run.Calendar.DayCount} schooldagen in {run.Calendar.Year}", $"{run.Calendar.DayCount} school days in {run.Calendar.Year}"))}</td></tr>\n");
        html.Append($"<tr><th>{E(T("Noemer", "Denominator"))}</th><td>{E(run.Ingest.DenominatorIn(run.Language))}</td></tr>\n");
        html.Append($"<tr><th>{E(T("Beleid", "Policy"))}</th><td>{E(run.Policy.Name)} ({E(nl ? run.Policy.DescriptionNl ?? run.Policy.Description : run.Policy.Description)})</td></tr>\n");
        html.Append($"<tr><th>{E(T("Privacy", "Privacy"))}</th><td>{E(run.Pseudonymised
            ? T("Leerlingen staan onder een pseudoniem (HMAC-SHA-256 met de sleutel van de school). Namen worden nooit gelezen.", "Pupils appear under a pseudonym (HMAC-SHA-256 with the school's key). Names are never read.")
            : T("Leerlingen staan onder het leerlingnummer van de school. Namen, adressen en BSN worden nooit gelezen. Deel dit rapport alleen binnen het schoolaanwezigheidsteam.", "Pupils appear under the school's pupil number. Names, addresses and BSN are never read. Share this report within the attendance team only."))}</td></tr>\n");
        html.Append($"<tr><th>{E(T("Gemaakt met", "Made with"))}</th><td>aanwezigheid {E(typeof(Report).Assembly.GetName().Version?.ToString(3) ?? "")}</td></tr>\n");
        html.Append("</tbody></table>\n</section>\n</main>\n");
        html.Append($"<script>{Script}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string SignalTable(AnalysisRun run, List<Signal> signals, CultureInfo culture, bool nl)
    {
        if (signals.Count == 0)
            return $"<p class=\"none\">{E(nl ? "Geen." : "None.")}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(nl ? "Leerling" : "Pupil")}</th><th>{E(nl ? "Klas" : "Class")}</th><th>{E(nl ? "Sinds" : "Since")}</th><th>{E(nl ? "Bewijs" : "Evidence")}</th></tr></thead><tbody>\n");
        foreach (var signal in signals.Take(MaxRows))
        {
            html.Append($"<tr><td>{E(run.Keys[signal.Pupil])}</td><td>{E(run.Ledger.Group(signal.Pupil) ?? "")}</td><td>{E(signal.FirstMet.ToString("d MMM", culture))}</td><td>{E(Evidence(run, signal, culture))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(signals.Count, nl)).ToString();
    }

    private static string Truncated(int rows, bool nl) => rows <= MaxRows ? "" :
        $"<p class=\"note\">{E(nl ? $"De eerste {MaxRows} van {rows}; alle staan in pupils.parquet en signals.parquet." : $"The first {MaxRows} of {rows}; all are in pupils.parquet and signals.parquet.")}</p>\n";

    /// <summary>The evidence of a signal in words ("4e ziekmelding binnen 12 schoolweken: 3 sep, 17 sep, 2 okt, 30 okt").</summary>
    internal static string Evidence(AnalysisRun run, Signal signal, CultureInfo culture)
    {
        var nl = run.Language == Language.Dutch;
        string T(string dutch, string english) => nl ? dutch : english;
        string Day(LocalDate date) => date.ToString("d MMM", culture);
        string Days(IEnumerable<EvidenceItem> items)
        {
            var list = items.ToList();
            var text = string.Join(", ", list.Take(MaxEvidence).Select(e => e.Start == e.End ? Day(e.Start) : $"{Day(e.Start)}–{Day(e.End)}"));
            return list.Count > MaxEvidence ? text + ", …" : text;
        }
        var items = signal.Evidence;
        var n = items.Count;
        var value = signal.Value.ToString("0.#", culture);
        return signal.CriterionId switch
        {
            CriterionIds.ZzvShort => T($"{n}× kort ziek (1–2 dagen) in 2 maanden: {Days(items)}", $"{n}× briefly sick (1–2 days) in 2 months: {Days(items)}"),
            CriterionIds.ZzvLong or CriterionIds.MazlLong => T($"ziek {Day(items[0].Start)} – {Day(items[0].End)}: {value} schooldagen aaneengesloten", $"sick {Day(items[0].Start)} – {Day(items[0].End)}: {value} consecutive school days"),
            CriterionIds.ZzvMonth => T($"{n} ziektedagen in de afgelopen maand: {Days(items)}", $"{n} sick days in the last month: {Days(items)}"),
            CriterionIds.ZzvHome => T($"{n}× ziek naar huis in 2 maanden: {Days(items)}", $"{n}× sent home sick in 2 months: {Days(items)}"),
            CriterionIds.MazlFreq => T($"{n}e ziekmelding binnen 12 schoolweken: {Days(items.Select(e => e with { End = e.Start }))}", $"sick report no. {n} within 12 school weeks: {Days(items.Select(e => e with { End = e.Start }))}"),
            CriterionIds.MazlPattern => T($"ziekmeldingen op vaste momenten: {Days(items.Select(e => e with { End = e.Start }))}", $"sick reports on fixed moments: {Days(items.Select(e => e with { End = e.Start }))}"),
            CriterionIds.Lr50 => T($"{value} schoolweken onder 50 % onderwijs ({signal.AbsenceKind}); aanwezig per week: {Weeks(items, culture)}", $"{value} school weeks under 50 % education ({signal.AbsenceKind}); attended per week: {Weeks(items, culture)}"),
            CriterionIds.Tz0 => T($"{value} schoolweken zonder onderwijs, sinds {Day(items[0].Start)}", $"{value} school weeks without education, since {Day(items[0].Start)}"),
            CriterionIds.TzLpw => T($"{value} schoolweken zonder onderwijs, vooral ongeoorloofd, sinds {Day(items[0].Start)}", $"{value} school weeks without education, mostly unauthorised, since {Day(items[0].Start)}"),
            CriterionIds.Tz3m => T($"thuis sinds {Day(items[0].Start)} ({value} schoolweken)", $"at home since {Day(items[0].Start)} ({value} school weeks)"),
            CriterionIds.Lpw16u => string.Join("; ", items.Select(e => T($"melding {Day(e.Start)} – {Day(e.End)}: {e.Amount?.ToString("0.#", culture)} uur ongeoorloofd", $"melding {Day(e.Start)} – {Day(e.End)}: {e.Amount?.ToString("0.#", culture)} hours unauthorised"))),
            CriterionIds.Prev10u => T($"{value} uur ongeoorloofd in 4 lesweken: {Days(items)}", $"{value} hours unauthorised in 4 school weeks: {Days(items)}"),
            CriterionIds.LateRep => T($"{value}× te laat in 4 lesweken: {Days(items)}", $"{value}× late in 4 school weeks: {Days(items)}"),
            CriterionIds.Kpa25 => T($"{signal.Value.ToString("P0", culture)} afwezig in de laatste 2 schoolweken", $"{signal.Value.ToString("P0", culture)} absent in the last 2 school weeks"),
            CriterionIds.Kpa10In15 => T($"{n} verzuimdagen (≥ 25 % afwezig) in 15 schoolweken: {Days(items)}", $"{n} absence days (≥ 25 % absent) in 15 school weeks: {Days(items)}"),
            _ => string.Join(", ", items),
        };
    }

    private static string Weeks(IReadOnlyList<EvidenceItem> items, CultureInfo culture) =>
        string.Join(", ", items.Select(e => $"{e.Start.ToString("d MMM", culture)} {(e.Amount ?? 0).ToString("P0", culture)}"));

    /// <summary>tier_reasons for people: rate thresholds in words, criterion ids as they are (the ids are the SAT's shared vocabulary).</summary>
    internal static string Reasons(AnalysisRun run, int pupil)
    {
        var nl = run.Language == Language.Dutch;
        var culture = CultureInfo.GetCultureInfo(nl ? "nl-NL" : "en-GB");
        // A person needs the highest rate threshold per window only ("≥ 20 %" says "≥ 10 %" too).
        var reasons = run.Engine.Tiers.Reasons(in run.Results[pupil]);
        reasons = [.. reasons.Where(r => !r.StartsWith("RATE-", StringComparison.Ordinal)
            || !reasons.Any(o => o.StartsWith("RATE-", StringComparison.Ordinal) && o != r && o.Split('-')[1] == r.Split('-')[1]
                && int.Parse(o.Split('-')[2], CultureInfo.InvariantCulture) > int.Parse(r.Split('-')[2], CultureInfo.InvariantCulture)))];
        return string.Join(", ", reasons.Select(reason =>
        {
            if (!reason.StartsWith("RATE-", StringComparison.Ordinal))
                return reason;
            var parts = reason.Split('-');
            var window = parts[1].ToLowerInvariant() switch
            {
                "ytd" => nl ? "dit schooljaar" : "this school year",
                var w => nl ? $"{w.TrimEnd('w')} wk" : $"{w.TrimEnd('w')} wk",
            };
            var share = (double.Parse(parts[2], CultureInfo.InvariantCulture) / 100).ToString("P0", culture);
            return nl ? $"verzuim {window} ≥ {share}" : $"absence {window} ≥ {share}";
        }));
    }

    internal static Owner OwnerOf(string criterionId) => CriterionIds.Label(criterionId).Owner;

    /// <summary>RULES §4: sick → jeugdarts, unauthorized → leerplichtambtenaar, other → zorgcoördinator.</summary>
    internal static Owner OwnerOfPupil(AnalysisRun run, int pupil) => run.Results[pupil].Measures.DominantAbsence switch
    {
        Category.Sick or Category.SentHomeSick => Owner.Jeugdarts,
        Category.Unauthorized => Owner.Leerplicht,
        _ => Owner.Zorgcoordinator,
    };

    private static string OwnerTitle(Owner owner, bool nl, bool short_ = false) => (owner, nl, short_) switch
    {
        (Owner.Jeugdarts, true, false) => "Voor de jeugdarts (ziekteverzuim, M@ZL)",
        (Owner.Jeugdarts, false, false) => "For the youth doctor (sickness absence, M@ZL)",
        (Owner.Leerplicht, true, false) => "Voor de leerplichtambtenaar (ongeoorloofd verzuim)",
        (Owner.Leerplicht, false, false) => "For the attendance officer (unauthorised absence)",
        (Owner.Zorgcoordinator, true, false) => "Voor de zorgcoördinator",
        (Owner.Zorgcoordinator, false, false) => "For the care coordinator",
        (Owner.Mentor, true, false) => "Voor de mentor (te laat)",
        (Owner.Mentor, false, false) => "For the mentor (lateness)",
        (Owner.Jeugdarts, true, true) => "jeugdarts",
        (Owner.Jeugdarts, false, true) => "youth doctor",
        (Owner.Leerplicht, true, true) => "leerplicht",
        (Owner.Leerplicht, false, true) => "attendance officer",
        (Owner.Zorgcoordinator, true, true) => "zorgcoördinator",
        (Owner.Zorgcoordinator, false, true) => "care coordinator",
        _ => "mentor",
    };

    private static string Label(AnalysisRun run, string id) =>
        run.Language == Language.Dutch ? CriterionIds.Label(id).Dutch : CriterionIds.Label(id).English;

    private static string TierRule(AnalysisRun run, int tier, bool nl)
    {
        var parts = new List<string>();
        foreach (var rule in run.Policy.Tiers.Where(r => r.Tier == tier))
        {
            if (rule.Rate is { } rate)
                parts.Add(nl
                    ? string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"verzuim {RateWindows.Parse(rate.Window).Name()} ≥ {rate.AtLeast:P0}")
                    : string.Create(CultureInfo.GetCultureInfo("en-GB"), $"absence {RateWindows.Parse(rate.Window).Name()} ≥ {rate.AtLeast:P0}"));
            if (rule.Criteria is { Count: > 0 } criteria)
                parts.Add(string.Join(", ", criteria));
        }
        return string.Join(nl ? " of " : " or ", parts);
    }

    private static string WeekYearRules(LocalDate date) =>
        NodaTime.Calendars.WeekYearRules.Iso.GetWeekOfWeekYear(date).ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value, CultureInfo culture) => value.ToString("P1", culture);

    private static string Image(ChartSet charts, string name, string alt) =>
        charts.Png.TryGetValue(name, out var path) ? $"<figure><img src=\"{DataUri(path)}\" alt=\"{E(alt)}\"></figure>" : "";

    private static string DataUri(string png) => "data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(png));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #222; background: #fafafa; }
        header, main { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem; }
        header { padding-top: 1rem; }
        h1 { margin: 0.4rem 0; font-size: 1.7rem; }
        h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { margin-top: 1.4rem; }
        .meta { color: #555; margin: 0.2rem 0 0.6rem; }
        nav a { margin-right: 1rem; }
        .note { background: #eef4fb; border-left: 4px solid #5b8fd9; padding: 0.4rem 0.7rem; }
        .warning { background: #fdf1e7; border-left: 4px solid #e07b24; padding: 0.4rem 0.7rem; }
        .counts { display: flex; flex-wrap: wrap; gap: 0.6rem; list-style: none; padding: 0; }
        .counts li { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 0.8rem; }
        .counts strong { font-size: 1.4rem; margin-right: 0.3rem; }
        .explain, .none, .n { color: #666; }
        table { border-collapse: collapse; width: 100%; background: #fff; margin: 0.5rem 0 1rem; }
        th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        table.small { width: auto; }
        .sortable th { cursor: pointer; user-select: none; }
        .sortable th.asc::after { content: " ▲"; }
        .sortable th.desc::after { content: " ▼"; }
        .tier { font-weight: bold; text-align: center; }
        .t1 { background: #e3f1e6; } .t2 { background: #fdefd8; } .t3 { background: #f8dcda; }
        .id { font-family: ui-monospace, monospace; font-size: 0.85rem; background: #eee; padding: 0 0.3rem; border-radius: 3px; }
        .evidence { color: #444; font-size: 0.92rem; }
        .up { font-weight: 600; }
        figure { margin: 0.8rem 0; }
        figure img { max-width: 100%; border: 1px solid #e4e4e4; background: #fff; }
        figure.timeline img { max-width: 100%; }
        input[type=search] { padding: 0.3rem; width: 20rem; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          nav, .noprint { display: none; }
          header, main { max-width: none; }
          section { page-break-before: always; }
          section#actie { page-break-before: avoid; }
          tr, figure { page-break-inside: avoid; }
          th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .t1, .t2, .t3 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;

    private const string Script = """
        (function () {
          var table = document.getElementById('pupils');
          if (!table) return;
          var body = table.tBodies[0];
          var filter = document.getElementById('filter');
          filter.addEventListener('input', function () {
            var q = filter.value.toLowerCase();
            Array.prototype.forEach.call(body.rows, function (row) {
              row.style.display = row.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none';
            });
          });
          function value(cell) {
            var text = cell.textContent.trim();
            var number = parseFloat(text.replace('%', '').replace(/\./g, '').replace(',', '.'));
            return isNaN(number) || !/^[-\d.,\s%]+$/.test(text) ? text.toLowerCase() : number;
          }
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
            th.addEventListener('click', function () {
              var ascending = !th.classList.contains('asc');
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.classList.remove('asc', 'desc'); });
              th.classList.add(ascending ? 'asc' : 'desc');
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = value(a.cells[index]), y = value(b.cells[index]);
                var order = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y), 'nl', { numeric: true });
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        })();
        """;
}
