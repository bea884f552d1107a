using System.Globalization;
using System.Net;
using System.Text;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using static AanwezigheidsAnalyse.Localization.Texts;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// report.html: one self-contained page for the SAT meeting (charts embedded, no network, opens from disk), in
/// Dutch unless --lang en. It leads with what needs action this week, grouped by who picks it up, then the
/// pyramid, the trends, a sortable and filterable list of the pupils in tiers 2 and 3, and the timelines.
/// </summary>
internal static class Report
{
    /// <summary>Rows per table: a school has far fewer; a national run points to the datasets instead.</summary>
    private const int MaxRows = 1000;

    // Numbers in the page's markup (counts, tiers) are written the invariant way; numbers in sentences come from the catalogue.
    private static readonly CultureInfo Markup = CultureInfo.InvariantCulture;

    public static string Write(AnalysisRun run, ChartSet charts, string path)
    {
        File.WriteAllText(path, Html(run, charts));
        return path;
    }

    internal static string Html(AnalysisRun run, ChartSet charts)
    {
        var l = run.Language;
        var asOf = run.AsOf.Date;
        var schools = run.Ledger.Schools.Where((s, i) => run.Ledger.SchoolHasPupils(i)).ToList();
        var schoolName = schools.Count == 1 ? (schools[0].Length > 0 ? schools[0] : Page.TheSchool(l)) : Page.Schools(l, schools.Count);
        var html = new StringBuilder(1 << 16);

        html.Append(Markup, $"""
            <!doctype html>
            <html lang="{l.Pick("nl", "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(Page.Attendance(l))} {E(schoolName)} — {E(asOf.ToString("d MMMM yyyy", l.Culture()))}</title>
            <style>{Style}</style>
            </head>
            <body>
            <header>
            <h1>{E(Page.Attendance(l))} — {E(schoolName)}</h1>
            <p class="meta">{E(Page.AsOf(l, asOf, NodaTime.Calendars.WeekYearRules.Iso.GetWeekOfWeekYear(asOf)))}
             · {E(Page.Pupils(l, run.Ledger.PupilCount))}
             · {E(Page.PolicyWord(l))} {E(run.Policy.Name)} · {E(run.Calendar.Description)}</p>
            <nav><a href="#actie">{E(Page.ActionThisWeek(l))}</a> <a href="#piramide">{E(Page.Pyramid(l))}</a> <a href="#trends">{E(Page.Trends(l))}</a> <a href="#leerlingen">{E(Page.PupilsInTiers2And3(l))}</a> <a href="#tijdlijnen">{E(Page.Timelines(l))}</a> <a href="#criteria">{E(Page.CriteriaLegend(l))}</a> <a href="#verantwoording">{E(Page.About(l))}</a></nav>
            """);
        foreach (var note in run.Notes)
            html.Append(Markup, $"<p class=\"note\">{E(note)}</p>\n");
        foreach (var file in run.Ingest.Files.Where(f => f.Rejected > 0))
            html.Append(Markup, $"<p class=\"warning\">{E(Page.RowsRejected(l, Path.GetFileName(file.Path), file.Rejected, file.RejectRate))}</p>\n");
        html.Append("</header>\n<main>\n");

        // ---- Action this week ----
        var up = run.Order.Where(p => run.Transitions.Change(p, run.TierOf(p)) == TierChange.Up).ToList();
        // A DUO melding that fell due since last week is news to file now, even when LPW-16U held last week too;
        // its signal then carries only those meldingen, the year's earlier ones stay in the DUO table.
        var since = LastWeekEnd(run);
        Signal? DueNow(Signal s) => s.Evidence.Any(e => e.Last > since) ? s with { Evidence = [.. s.Evidence.Where(e => e.Last > since)] } : null;
        var newly = run.Signals
            .Select(s => s.Criterion == CriterionId.Lpw16u ? DueNow(s) ?? (run.Transitions.NewlyMet(s.Pupil, s.Criterion) ? s : null) : run.Transitions.NewlyMet(s.Pupil, s.Criterion) ? s : null)
            .OfType<Signal>().ToList();
        var duo = run.Signals.Where(s => s.Criterion == CriterionId.Lpw16u).OrderBy(s => DueNow(s) is null).ToList();
        var lr50 = run.Signals.Where(s => s.Criterion == CriterionId.Lr50).ToList();
        // Every thuiszitter (TZ-0 or TZ-LPW: no education for more than 4 weeks), longest first; TZ-3M marks those
        // over 3 months, who are a few of them, not all of them.
        var over3Months = run.Signals.Where(s => s.Criterion == CriterionId.Tz3m).Select(s => s.Pupil).ToHashSet();
        var atHome = run.Signals.Where(s => s.Criterion is CriterionId.Tz0 or CriterionId.TzLpw)
            .GroupBy(s => s.Pupil).Select(g => g.First())
            .OrderByDescending(s => run.ResultOf(s.Pupil).Measures.WeeksWithoutEducation).ToList();
        html.Append(Markup, $"""
            <section id="actie">
            <h2>{E(Page.ActionThisWeek(l))}</h2>
            <ul class="counts">
            <li><strong>{up.Count}</strong> {E(Page.MovedUp(l))}</li>
            <li><strong>{newly.Count}</strong> {E(Page.NewSignals(l))}</li>
            <li><strong>{duo.Count}</strong> {E(Page.DuoCount(l))}</li>
            <li><strong>{lr50.Count}</strong> {E(Page.Lr50Count(l))}</li>
            <li><strong>{atHome.Count}</strong> {E(Page.AtHomeCount(l, over3Months.Count))}</li>
            </ul>
            <p class="explain">{E(Page.NewMeans(l, run.Transitions.IsReplay ? null : run.PreviousSource))}</p>
            """);

        // Pupils with news (tier up or a newly met criterion), highest tier first, then in output order.
        var movedUpSet = up.ToHashSet();
        var newlyByPupil = newly.GroupBy(s => s.Pupil).ToDictionary(g => g.Key, g => g.ToList());
        var withNews = run.Order.Where(p => movedUpSet.Contains(p) || newlyByPupil.ContainsKey(p)).OrderByDescending(run.TierOf).ToList();
        // Who acts on what (criteria §6), in the order of Owner: the order a SAT goes through them.
        foreach (var owner in Enum.GetValues<Owner>())
        {
            var rows = new List<string>();
            foreach (var pupil in withNews)
            {
                var mine = newlyByPupil.GetValueOrDefault(pupil)?.Where(s => CriterionOf(run, s).Owner == owner).ToList() ?? [];
                // A pupil that went up goes to every owner of a reason behind its tier, with that owner's reasons.
                var movedUp = movedUpSet.Contains(pupil) && run.Evaluation.OwnersOf(pupil).Contains(owner);
                if (mine.Count == 0 && !movedUp)
                    continue;
                var what = new StringBuilder();
                if (movedUp)
                    what.Append(Markup, $"<div class=\"up\">{E(Page.TierUp(l, (int?)run.Transitions.PreviousTier(pupil), run.TierOf(pupil).Number()))}: {E(Reasons(run, pupil, owner))}</div>");
                foreach (var signal in mine)
                    what.Append(Markup, $"<div><span class=\"id\">{E(signal.Criterion.Code())}</span> {E(CriterionOf(run, signal).Label.In(l))}<br><span class=\"evidence\">{E(Evidence(run, signal))}</span></div>");
                rows.Add(string.Create(Markup, $"<tr><td>{E(run.Keys[pupil])}</td><td>{E(run.GroupOf(pupil) ?? "")}</td><td class=\"tier t{run.TierOf(pupil).Number()}\">{run.TierOf(pupil).Number()}</td><td>{what}</td></tr>"));
            }
            html.Append(Markup, $"<h3>{E(owner.Title().In(l))} <span class=\"n\">({rows.Count})</span></h3>\n");
            if (rows.Count == 0)
            {
                html.Append(Markup, $"<p class=\"none\">{E(Page.NothingNew(l))}</p>\n");
                continue;
            }
            html.Append(Markup, $"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.Tier(l))}</th><th>{E(Page.WhatIsNew(l))}</th></tr></thead><tbody>\n{string.Join("\n", rows.Take(MaxRows))}\n</tbody></table>\n");
            html.Append(Truncated(rows.Count, l));
        }

        html.Append(Markup, $"<h3>{E(Page.DuoHeading(l))} <span class=\"n\">({duo.Count})</span></h3>\n");
        html.Append(DuoTable(run, duo, since));
        html.Append(Markup, $"<h3>{E(Page.Lr50Heading(l))} <span class=\"n\">({lr50.Count})</span></h3>\n");
        html.Append(SignalTable(run, lr50));
        html.Append(Markup, $"<h3>{E(Page.AtHomeHeading(l))} <span class=\"n\">({atHome.Count})</span></h3>\n");
        html.Append(AtHomeTable(run, atHome, over3Months));
        html.Append("</section>\n");

        // ---- Pyramid ----
        var counts = Tiers.All.Select(run.Evaluation.Count).ToArray();
        html.Append(Markup, $"""
            <section id="piramide">
            <h2>{E(Page.Pyramid(l))}</h2>
            {Image(charts, "piramide", Page.PyramidAlt(l, counts[0], counts[1], counts[2]))}
            <table class="small"><thead><tr><th>{E(Page.Tier(l))}</th><th>{E(Chart.Pupils(l))}</th><th>{E(Page.When(l))}</th></tr></thead><tbody>
            <tr><td class="tier t3">3</td><td>{counts[2]}</td><td>{E(TierRule(run, 3))}</td></tr>
            <tr><td class="tier t2">2</td><td>{counts[1]}</td><td>{E(TierRule(run, 2))}</td></tr>
            <tr><td class="tier t1">1</td><td>{counts[0]}</td><td>{E(Page.AllOtherPupils(l))}</td></tr>
            </tbody></table>
            </section>
            <section id="trends">
            <h2>{E(Page.Trends(l))}</h2>
            {Image(charts, "treden-per-week", Chart.TiersPerWeekTitle(l))}
            {Image(charts, "criteria-per-week", Chart.CriteriaPerWeekTitle(l))}
            {Image(charts, "verzuim-weekdag-lesuur", Page.HeatmapAlt(l))}
            {Image(charts, "verdeling-aanwezigheid", Page.DistributionAlt(l))}
            </section>
            """);

        // ---- Pupils in tiers 2 and 3 ----
        html.Append(Markup, $"""
            <section id="leerlingen">
            <h2>{E(Page.PupilsInTiers2And3(l))}</h2>
            <p class="noprint"><label>{E(Page.Search(l))}: <input id="filter" type="search" placeholder="{E(Page.SearchPlaceholder(l))}"></label> <span class="explain">{E(Page.ClickToSort(l))}</span></p>
            <table id="pupils" class="sortable"><thead><tr>
            <th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.Tier(l))}</th><th>{E(Page.Change(l))}</th><th>{E(Page.WeeksInTier(l))}</th>
            <th>{E(Page.Absence8Weeks(l))}</th><th>{E(Page.Sick8Weeks(l))}</th><th>{E(Page.Unauthorized8Weeks(l))}</th><th>{E(Page.MostlyAbsent(l))}</th><th>{E(Page.Reasons(l))}</th><th>{E(Page.PickedUpBy(l))}</th>
            </tr></thead><tbody>

            """);
        var listed = run.Order.Where(p => run.TierOf(p) >= Tier.Two).ToList();
        // The most urgent MaxRows pupils, shown in output order (school, pupil_key) like the datasets.
        var shown = listed.OrderByDescending(run.TierOf).ThenByDescending(p => run.ResultOf(p).Weeks8.Rate()).Take(MaxRows).ToHashSet();
        foreach (var pupil in listed.Where(shown.Contains))
        {
            ref readonly var result = ref run.ResultOf(pupil);
            var tier = run.TierOf(pupil);
            var change = run.Transitions.Change(pupil, tier).Words().In(l);
            var owners = string.Join(", ", run.Evaluation.OwnersOf(pupil).Select(o => o.Name().In(l)));
            html.Append(Markup, $"<tr><td>{E(run.Keys[pupil])}</td><td>{E(run.GroupOf(pupil) ?? "")}</td><td class=\"tier t{tier.Number()}\">{tier.Number()}</td><td>{E(change)}</td><td>{run.Transitions.WeeksInTier(pupil)}</td>"
                + $"<td>{Page.Percent(l, result.Weeks8.Rate())}</td><td>{Page.Percent(l, result.Weeks8.Rate(Category.Sick) + result.Weeks8.Rate(Category.SentHomeSick))}</td><td>{Page.Percent(l, result.Weeks8.Rate(Category.Unauthorized))}</td>"
                + $"<td>{E(Mostly(result.Measures.DominantAbsence, l))}</td><td>{Unbroken(Reasons(run, pupil))}</td><td>{E(owners)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        html.Append(Truncated(listed.Count, l));
        html.Append("</section>\n");

        // ---- Timelines ----
        html.Append(Markup, $"<section id=\"tijdlijnen\">\n<h2>{E(Page.TimelinesHeading(l))}</h2>\n");
        html.Append(Markup, $"<p class=\"explain\">{E(Page.TimelinesExplained(l))}</p>\n");
        if (charts.Tier3Pupils > charts.Timelines.Count)
            html.Append(Markup, $"<p class=\"note\">{E(Page.TimelinesShown(l, charts.Timelines.Count, charts.Tier3Pupils))}</p>\n");
        foreach (var (pupil, png) in charts.Timelines)
            html.Append(Markup, $"<figure class=\"timeline\"><img src=\"{DataUri(png)}\" alt=\"{E(Page.TimelineAlt(l, run.Keys[pupil]))}\"></figure>\n");
        if (charts.Timelines.Count == 0)
            html.Append(Markup, $"<p class=\"none\">{E(Page.NoTier3(l))}</p>\n");
        html.Append("</section>\n");

        // ---- The criteria's ids in words: the reasons column, the "when" table and the charts use the ids ----
        html.Append(Markup, $"<section id=\"criteria\">\n<h2>{E(Page.CriteriaLegend(l))}</h2>\n<table class=\"small legend\"><thead><tr><th>id</th><th>{E(Page.Meaning(l))}</th><th>{E(Page.PickedUpBy(l))}</th><th>{E(Page.Source(l))}</th></tr></thead><tbody>\n");
        foreach (var criterion in run.Evaluation.Engine.Criteria)
            html.Append(Markup, $"<tr><td class=\"id\">{E(criterion.Id.Code())}</td><td>{E(criterion.Label.In(l))}</td><td>{E(criterion.Owner.Name().In(l))}</td><td>{E(criterion.Id.Source().In(l))}</td></tr>\n");
        html.Append("</tbody></table>\n</section>\n");

        // ---- About ----
        html.Append(Markup, $"<section id=\"verantwoording\">\n<h2>{E(Page.About(l))}</h2>\n<table class=\"small\"><tbody>\n");
        foreach (var file in run.Ingest.Files)
            html.Append(Markup, $"<tr><th>{E(Path.GetFileName(file.Path))}</th><td>{E(Page.FileRead(l, file.Profile, file.RowsRead, file.Accepted, file.Ignored, file.Rejected, file.FirstDate, file.LastDate))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Calendar(l))}</th><td>{E(run.Calendar.Description)}; {E(Page.SchoolDaysIn(l, run.Calendar.DayCount, run.Calendar.Year.ToString()))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Denominator(l))}</th><td>{E(run.Ingest.Denominator.In(l))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Policy(l))}</th><td>{E(run.Policy.Name)} ({E(l.Pick(run.Policy.DescriptionNl ?? run.Policy.Description, run.Policy.Description))})</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Privacy(l))}</th><td>{E(Page.PrivacyNote(l, run.Pseudonymised))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.MadeWith(l))}</th><td>aanwezigheid {E(typeof(Report).Assembly.GetName().Version?.ToString(3) ?? "")}</td></tr>\n");
        html.Append("</tbody></table>\n</section>\n</main>\n");
        html.Append(Markup, $"<script>{Script}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string SignalTable(AnalysisRun run, List<Signal> signals)
    {
        var l = run.Language;
        if (signals.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.Since(l))}</th><th>{E(Page.Evidence(l))}</th></tr></thead><tbody>\n");
        foreach (var signal in signals.Take(MaxRows))
            html.Append(Markup, $"<tr><td>{E(run.Keys[signal.Pupil])}</td><td>{E(run.GroupOf(signal.Pupil) ?? "")}</td><td>{E(run.Calendar.Date(signal.FirstMet).ToString("d MMM", l.Culture()))}</td><td>{E(Evidence(run, signal))}</td></tr>\n");
        return html.Append("</tbody></table>\n").Append(Truncated(signals.Count, l)).ToString();
    }

    /// <summary>
    /// The last day "new" compares with, the same "last week" as <c>newly_met</c>: last week's run's as-of date, or
    /// the end of the previous school week of the replay.
    /// </summary>
    private static NodaTime.LocalDate LastWeekEnd(AnalysisRun run) =>
        run.Transitions.LastWeek?.AsOf
        ?? (run.Replay.Weeks >= 2 ? run.Replay.WeekEnd(run.Replay.Weeks - 2) : run.Calendar.Year.FirstDay.PlusDays(-1));

    /// <summary>The DUO meldingen: those to file now (ended since last week) apart from the school year's earlier ones.</summary>
    private static string DuoTable(AnalysisRun run, List<Signal> signals, NodaTime.LocalDate since)
    {
        var l = run.Language;
        if (signals.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.DuoNow(l))}</th><th>{E(Page.DuoEarlier(l))}</th></tr></thead><tbody>\n");
        foreach (var signal in signals.Take(MaxRows))
        {
            var now = signal with { Evidence = [.. signal.Evidence.Where(e => e.Last > since)] };
            var earlier = signal with { Evidence = [.. signal.Evidence.Where(e => e.Last <= since)] };
            // The history in one line (how many, since when; every melding is in signals.parquet): the cell to act
            // on is the one beside it.
            var history = earlier.Evidence.Count == 0 ? "" : Page.DuoHistory(l, earlier.Evidence.Count, earlier.Evidence[0].First, earlier.Evidence[^1].Last);
            html.Append(Markup, $"<tr><td>{E(run.Keys[signal.Pupil])}</td><td>{E(run.GroupOf(signal.Pupil) ?? "")}</td>"
                + $"<td{(now.Evidence.Count > 0 ? " class=\"due\"" : "")}>{(now.Evidence.Count > 0 ? E(Evidence(run, now)) : "")}</td><td>{E(history)}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(signals.Count, l)).ToString();
    }

    /// <summary>The thuiszitters: how many school weeks without education, and whether longer than 3 months (TZ-3M).</summary>
    private static string AtHomeTable(AnalysisRun run, List<Signal> signals, HashSet<int> over3Months)
    {
        var l = run.Language;
        if (signals.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.WeeksAtHome(l))}</th><th>{E(Page.Over3Months(l))}</th><th>{E(Page.Evidence(l))}</th></tr></thead><tbody>\n");
        foreach (var signal in signals.Take(MaxRows))
        {
            var over = over3Months.Contains(signal.Pupil);
            html.Append(Markup, $"<tr{(over ? " class=\"urgent\"" : "")}><td>{E(run.Keys[signal.Pupil])}</td><td>{E(run.GroupOf(signal.Pupil) ?? "")}</td><td>{run.ResultOf(signal.Pupil).Measures.WeeksWithoutEducation}</td><td>{(over ? E(Page.Over3MonthsMark(l)) : "")}</td><td>{E(Evidence(run, signal))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(signals.Count, l)).ToString();
    }

    /// <summary>A list of reasons that breaks between reasons only, never inside "ZZV-SHORT" or "≥ 20 %".</summary>
    private static string Unbroken(string reasons) =>
        string.Join(", ", reasons.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(r => $"<span class=\"nb\">{E(r)}</span>"));

    /// <summary>
    /// The kind of absence that is most of a pupil's absence: what the sick and unauthorised columns do not say
    /// (lestijdverkorting, schorsing, vrijstelling, ander geoorloofd verzuim).
    /// </summary>
    private static string Mostly(Category category, Language l) => category.IsAbsent() ? category.Label().In(l) : "";

    private static string Truncated(int rows, Language l) => rows <= MaxRows ? "" :
        $"<p class=\"note\">{E(Page.Truncated(l, MaxRows, rows))}</p>\n";

    private static Rules.Criteria.Criterion CriterionOf(AnalysisRun run, Signal signal) => run.Evaluation.Engine.Criterion(signal.Criterion);

    /// <summary>The evidence of a signal in words, as its criterion tells it.</summary>
    internal static string Evidence(AnalysisRun run, Signal signal) => CriterionOf(run, signal).Describe(signal, run.Language);

    /// <summary>
    /// tier_reasons for people: rate thresholds in words, criterion ids as they are (the ids are the SAT's shared
    /// vocabulary). A person needs the highest rate threshold per window only ("≥ 20 %" says "≥ 10 %" too).
    /// </summary>
    internal static string Reasons(AnalysisRun run, int pupil, Owner? owner = null)
    {
        var reasons = run.Evaluation.Reasons(pupil);
        return string.Join(", ", reasons
            .Where(r => r.Rate is not { } rate || !reasons.Any(o => o.Rate is { } other && other.Window == rate.Window && other.Percent > rate.Percent))
            .Where(r => owner is null || run.Evaluation.OwnerOf(pupil, r) == owner)
            .Select(r => r.Describe(run.Language)));
    }

    private static string TierRule(AnalysisRun run, int tier)
    {
        var l = run.Language;
        var parts = new List<string>();
        foreach (var rule in run.Policy.Tiers.Where(r => r.Tier == tier))
        {
            if (rule.Rate is { } rate)
                parts.Add(rate.Describe(l, rate.Window.Name()));
            if (rule.Criteria is { Count: > 0 } criteria)
                parts.Add(string.Join(", ", criteria));
        }
        return string.Join(Page.Or(l), parts);
    }

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
        tr.urgent td, td.due { font-weight: 600; background: #fdecea; }
        .nb { white-space: nowrap; }
        #pupils { font-size: 0.85rem; }
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
