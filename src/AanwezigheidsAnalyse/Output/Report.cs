using System.Globalization;
using System.Net;
using System.Text;
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

    /// <summary>The model's probability from which a pupil the rules do not flag is named under "mogelijk risico".</summary>
    private const double RiskToLookAt = 0.10;

    // Numbers in the page's markup (counts, tiers) are written the invariant way; numbers in sentences come from the catalogue.
    private static readonly CultureInfo Markup = CultureInfo.InvariantCulture;

    public static string Write(AnalysisRun run, ChartSet charts, ActionLists actions, Spreadsheets spreadsheets, string path)
    {
        File.WriteAllText(path, Html(run, charts, actions, spreadsheets));
        return path;
    }

    internal static string Html(AnalysisRun run, ChartSet charts, ActionLists actions, Spreadsheets spreadsheets)
    {
        var l = run.Language;
        var criteria = run.Evaluation.Policy.Criteria; // the headings say the policy's numbers
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
             · {E(Page.Pupils(l, run.Evaluation.PupilsOnRoll))}{(run.Evaluation.PupilsLeft > 0 ? " · " + E(Page.PupilsLeft(l, run.Evaluation.PupilsLeft)) : "")}
             · {E(Page.PolicyWord(l))} {E(run.Policy.Name)} · {E(run.Calendar.DescriptionIn(l))}</p>
            <nav><a href="#actie">{E(Page.ActionThisWeek(l))}</a> <a href="#piramide">{E(Page.Pyramid(l))}</a> <a href="#trends">{E(Page.Trends(l))}</a> <a href="#leerlingen">{E(Page.PupilsInTiers2And3(l))}</a> <a href="#tijdlijnen">{E(Page.Timelines(l))}</a> <a href="#criteria">{E(Page.CriteriaLegend(l))}</a> <a href="#verantwoording">{E(Page.About(l))}</a></nav>
            """);
        // The mentor's view: one class in every list of the page.
        var classes = run.Order.Select(run.GroupOf).OfType<string>().Distinct().Order(StringComparer.Create(l.Culture(), CompareOptions.NumericOrdering)).ToList();
        if (classes.Count > 1)
            html.Append(Markup, $"<p class=\"noprint filters\"><label>{E(Page.ClassFilter(l))}: <select id=\"klas\"><option value=\"\">{E(Page.AllClasses(l))}</option>{string.Concat(classes.Select(c => $"<option value=\"{E(c)}\">{E(c)}</option>"))}</select></label> <span id=\"klasnote\" class=\"explain\"></span></p>\n");
        foreach (var warning in run.Warnings)
            html.Append(Markup, $"<p class=\"warning\">{E(warning)}</p>\n");
        foreach (var note in run.Notes)
            html.Append(Markup, $"<p class=\"note\">{E(note)}</p>\n");
        foreach (var file in run.Ingest.Files.Where(f => f.Rejected > 0))
            html.Append(Markup, $"<p class=\"warning\">{E(Page.RowsRejected(l, Path.GetFileName(file.Path), file.Rejected, file.RejectRate))}</p>\n");
        html.Append("</header>\n<main>\n");

        // ---- Action this week ----
        var dueNow = actions.Duo.Select(actions.DueNow).OfType<Signal>().ToList();
        html.Append(Markup, $"""
            <section id="actie">
            <h2>{E(Page.ActionThisWeek(l))}</h2>
            <ul class="counts">
            <li><strong>{actions.Up.Count}</strong> {E(Page.MovedUp(l, actions.Up.Count))}</li>
            <li><strong>{actions.Newly.Count}</strong> {E(Page.NewSignals(l, actions.Newly.Count))}</li>
            <li><strong>{dueNow.Sum(s => s.Evidence.Count)}</strong> {E(Page.DuoCount(l, dueNow.Sum(s => s.Evidence.Count), dueNow.Count, criteria.Lpw16u.Hours))}</li>
            <li><strong>{actions.Lr50.Count}</strong> {E(Page.Lr50Count(l, criteria.Lr50.FractionBelow, criteria.Lr50.MoreThanWeeks))}</li>
            <li><strong>{actions.AtHome.Count}</strong> {E(Page.AtHomeCount(l, actions.AtHome.Count, actions.Over3Months.Count, criteria.Tz0.MoreThanWeeks, criteria.Tz3m.MoreThanMonths))}</li>
            <li><strong>{actions.Down.Count}</strong> {E(Page.MovedDown(l, actions.Down.Count))}</li>{(actions.Left.Count > 0 ? $"\n<li><strong>{actions.Left.Count}</strong> {E(Page.LeftCount(l, actions.Left.Count))}</li>" : "")}{(actions.Missing.Count > 0 ? $"\n<li><strong>{actions.Missing.Count}</strong> {E(Page.MissingCount(l, actions.Missing.Count))}</li>" : "")}
            </ul>
            <p class="explain">{E(Page.NewMeans(l, run.Transitions.IsReplay ? null : run.PreviousFolder))}</p>
            {Download(spreadsheets, Spreadsheets.ActionListsName, Page.DownloadActionLists(l))}
            """);

        foreach (var (owner, items) in actions.PerOwner)
        {
            html.Append(Markup, $"<h3>{E(owner.Title().In(l))} <span class=\"n\">({items.Count})</span></h3>\n");
            if (items.Count == 0)
            {
                html.Append(Markup, $"<p class=\"none\">{E(Page.NothingNew(l))}</p>\n");
                continue;
            }
            html.Append(Markup, $"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.Tier(l))}</th><th>{E(Page.WhatIsNew(l))}</th></tr></thead><tbody>\n");
            foreach (var item in items.Take(MaxRows))
            {
                var pupil = item.Pupil;
                var what = new StringBuilder();
                if (item.MovedUp)
                    what.Append(Markup, $"<div class=\"up\">{E(Page.TierUp(l, (int?)run.Transitions.PreviousTier(pupil), run.TierOf(pupil).Number()))}: {E(ReasonsUp(run, pupil, owner))}</div>");
                foreach (var signal in item.Signals)
                    what.Append(Markup, $"<div><span class=\"id\">{E(signal.Criterion.Code())}</span> {E(CriterionOf(run, signal).Label.In(l))}<br><span class=\"evidence\">{E(Evidence(run, signal))}</span></div>");
                html.Append(Markup, $"<tr{Row(run, pupil)}><td>{E(run.Keys[pupil])}</td><td>{E(run.GroupOf(pupil) ?? "")}</td><td class=\"tier t{run.TierOf(pupil).Number()}\">{run.TierOf(pupil).Number()}</td><td>{what}</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
            html.Append(Truncated(items.Count, l));
        }

        html.Append(Markup, $"<h3>{E(Page.DuoHeading(l, criteria.Lpw16u.Hours, criteria.Lpw16u.PeriodSchoolWeeks))} <span class=\"n\">({actions.Duo.Count})</span></h3>\n");
        if (actions.Duo.Count > 0)
            html.Append(Markup, $"<p class=\"explain\">{E(Page.DuoHowAndWhen(l, criteria.Lpw16u.Hours))}</p>\n");
        html.Append(DuoTable(run, actions));
        if (actions.Withdrawn.Count > 0)
        {
            html.Append(Markup, $"<h3>{E(Page.WithdrawnHeading(l))} <span class=\"n\">({actions.Withdrawn.Count})</span></h3>\n");
            html.Append(WithdrawnTable(run, actions.Withdrawn));
        }
        html.Append(Markup, $"<h3>{E(Page.Lr50Heading(l, criteria.Lr50.FractionBelow, criteria.Lr50.MoreThanWeeks))} <span class=\"n\">({actions.Lr50.Count})</span></h3>\n");
        html.Append(SignalTable(run, actions.Lr50));
        html.Append(Markup, $"<h3>{E(Page.AtHomeHeading(l, criteria.Tz0.MoreThanWeeks))} <span class=\"n\">({actions.AtHome.Count})</span></h3>\n");
        html.Append(AtHomeTable(run, actions));
        html.Append(Markup, $"<h3>{E(Page.DownHeading(l))} <span class=\"n\">({actions.Down.Count})</span></h3>\n");
        html.Append(DownTable(run, actions.Down));
        if (actions.Left.Count > 0)
        {
            html.Append(Markup, $"<h3>{E(Page.LeftHeading(l))} <span class=\"n\">({actions.Left.Count})</span></h3>\n");
            html.Append(LeftTable(run, actions.Left));
        }
        if (actions.Missing.Count > 0)
        {
            html.Append(Markup, $"<h3>{E(Page.MissingHeading(l))} <span class=\"n\">({actions.Missing.Count})</span></h3>\n");
            html.Append(MissingTable(run, actions));
        }
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
            {Image(charts, "verzuim-per-week", Chart.AbsencePerWeekTitle(l))}
            {Image(charts, "criteria-per-week", Chart.CriteriaPerWeekTitle(l))}
            {Image(charts, "verzuim-weekdag-lesuur", charts.Titles.GetValueOrDefault("verzuim-weekdag-lesuur", Page.HeatmapAlt(l)))}
            {Image(charts, "verdeling-aanwezigheid", Page.DistributionAlt(l))}
            </section>
            """);

        // ---- Pupils in tiers 2 and 3, most urgent first ----
        var listed = PupilTable.Rows(run);
        html.Append(Markup, $"""
            <section id="leerlingen">
            <h2>{E(Page.PupilsInTiers2And3(l))}</h2>
            <p class="noprint filters"><label>{E(Page.Search(l))}: <input id="filter" type="search" placeholder="{E(Page.SearchPlaceholder(l))}"></label>
            <label>{E(Page.Tier(l))}: <select id="tier"><option value="">2 + 3</option><option value="3">3</option><option value="2">2</option></select></label>
            <span class="explain">{E(Page.UrgencyOrder(l))} {E(Page.ClickToSort(l))}</span></p>
            {Download(spreadsheets, Spreadsheets.PupilsName, Page.DownloadPupils(l))}
            <table id="pupils" class="sortable"><thead><tr>
            {string.Concat(PupilTable.Headers(l).Select(h => $"<th>{E(h)}</th>"))}
            </tr></thead><tbody>

            """);
        foreach (var row in listed.Take(MaxRows))
        {
            var cells = row.Cells;
            html.Append(Markup, $"<tr{Row(run, row.Pupil)}>");
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = c == PupilTable.ReasonsColumn ? Unbroken(cells[c]) : E(cells[c]);
                html.Append(c == PupilTable.TierColumn ? $"<td class=\"tier t{cells[c]}\">{cell}</td>" : $"<td>{cell}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n");
        html.Append(Truncated(listed.Count, l));
        html.Append("</section>\n");

        // ---- Possible risk: what a model sees that the rules do not (yet): a prompt to look, never a verdict ----
        if (run.Risks is { } risks)
        {
            var watch = run.Order.Where(p => run.TierOf(p) == Tier.One && run.Evaluation.Results[p].Met.IsEmpty && risks.Pupils[p] is { Score: >= RiskToLookAt })
                .OrderByDescending(p => risks.Pupils[p]!.Value.Score).ThenBy(p => run.Keys[p], StringComparer.Ordinal).ToList();
            html.Append(Markup, $"<section id=\"risico\">\n<h2>{E(Page.PossibleRisk(l))} <span class=\"n\">({watch.Count})</span></h2>\n");
            html.Append(Markup, $"<p class=\"explain\">{E(Page.PossibleRiskExplained(l, risks.Outcome, risks.Horizon, RiskToLookAt))}</p>\n");
            html.Append(Markup, $"<table class=\"small\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.RiskScoreHeader(l))}</th><th>{E(Page.RiskWhyHeader(l))}</th></tr></thead><tbody>\n");
            foreach (var pupil in watch.Take(MaxRows))
            {
                var risk = risks.Pupils[pupil]!.Value;
                html.Append(Markup, $"<tr{Row(run, pupil)}><td>{E(run.Keys[pupil])}</td><td>{E(run.GroupOf(pupil) ?? "")}</td><td>{E(risk.Score.ToString("P0", l.Culture()))}</td><td>{E(string.Join("; ", risk.Drivers.Select(d => Page.FeatureWords(l, d)).Distinct()))}</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
            html.Append(Truncated(watch.Count, l));
            html.Append("</section>\n");
        }

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
            html.Append(Markup, $"<tr><td class=\"id\">{E(criterion.Id.Code())}</td><td>{E(criterion.Label.In(l))}</td><td>{E(criterion.PickedUpBy.In(l))}</td><td>{E(criterion.Id.Source().In(l))}</td></tr>\n");
        html.Append("</tbody></table>\n</section>\n");

        // ---- About ----
        html.Append(Markup, $"<section id=\"verantwoording\">\n<h2>{E(Page.About(l))}</h2>\n<table class=\"small\"><tbody>\n");
        foreach (var file in run.Ingest.Files)
            html.Append(Markup, $"<tr><th>{E(Path.GetFileName(file.Path))}</th><td>{E(Page.FileRead(l, file.Profile, file.RowsRead, file.Accepted, file.Ignored, file.Rejected, file.FirstDate, file.LastDate))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Calendar(l))}</th><td>{E(run.Calendar.DescriptionIn(l))}; {E(Page.SchoolDaysIn(l, run.Calendar.DayCount, run.Calendar.Year.ToString()))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Denominator(l))}</th><td>{E(run.Ingest.Denominator.In(l))}</td></tr>\n");
        // A policy file is named with its hash: a changed copy still called kearney-nl read as the bundled one (an adversarial pass).
        var policyFile = Rules.Policy.BundledNames.Contains(run.Policy.Source) ? "" : "; " + Page.PolicyFile(l, Path.GetFileName(run.Policy.Source), run.Policy.Hash);
        html.Append(Markup, $"<tr><th>{E(Page.Policy(l))}</th><td>{E(run.Policy.Name)} ({E(l.Pick(run.Policy.DescriptionNl ?? run.Policy.Description, run.Policy.Description))}){E(policyFile)}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.Privacy(l))}</th><td>{E(Page.PrivacyNote(l, run.Pseudonymised))}</td></tr>\n");
        html.Append(Markup, $"<tr><th>{E(Page.MadeWith(l))}</th><td>aanwezigheid {E(typeof(Report).Assembly.GetName().Version?.ToString(3) ?? "")}</td></tr>\n");
        html.Append("</tbody></table>\n</section>\n</main>\n");
        // The script's words, in the page's language.
        html.Append(Markup, $"<span id=\"texts\" hidden data-empty=\"{E(Page.NoPupilFound(l))}\" data-empty-class=\"{E(Page.ClassNotInList(l))}\" data-note=\"{E(Page.ClassFilterNote(l))}\"></span>\n");
        html.Append(Markup, $"<script>{Script}</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string SignalTable(AnalysisRun run, List<Signal> signals)
    {
        var l = run.Language;
        if (signals.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.HoldsSince(l))}</th><th>{E(Page.Evidence(l))}</th></tr></thead><tbody>\n");
        foreach (var signal in signals.Take(MaxRows))
            html.Append(Markup, $"<tr{Row(run, signal.Pupil)}><td>{E(run.Keys[signal.Pupil])}</td><td>{E(run.GroupOf(signal.Pupil) ?? "")}</td><td>{E(run.Calendar.Date(signal.FirstMet).ToString("d MMM", l.Culture()))}</td><td>{E(Evidence(run, signal))}</td></tr>\n");
        return html.Append("</tbody></table>\n").Append(Truncated(signals.Count, l)).ToString();
    }

    /// <summary>The DUO meldingen: those to file now (ended since last week) apart from the school year's earlier ones.</summary>
    private static string DuoTable(AnalysisRun run, ActionLists actions)
    {
        var l = run.Language;
        if (actions.Duo.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.DuoNow(l))}</th><th>{E(Page.DuoEarlier(l))}</th></tr></thead><tbody>\n");
        foreach (var signal in actions.Duo.Take(MaxRows))
        {
            var now = actions.DueNow(signal);
            var left = run.HasLeft(signal.Pupil) ? $" ({E(Page.LeftMark(l))})" : "";
            html.Append(Markup, $"<tr{Row(run, signal.Pupil)}><td>{E(run.Keys[signal.Pupil])}{left}</td><td>{E(run.GroupOf(signal.Pupil) ?? "")}</td>"
                + $"<td{(now is not null ? " class=\"due\"" : "")}>{(now is not null ? E(Evidence(run, now)) : "")}</td><td>{E(DuoHistory(run, actions.Earlier(signal)))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(actions.Duo.Count, l)).ToString();
    }

    /// <summary>
    /// The school year's earlier meldingen in one line (how many, since when; every melding is in signals.parquet):
    /// the cell to act on is the one beside it.
    /// </summary>
    internal static string DuoHistory(AnalysisRun run, Signal earlier) =>
        earlier.Evidence.Count == 0 ? "" : Page.DuoHistory(run.Language, earlier.Evidence.Count, earlier.Evidence[0].First, earlier.Evidence[^1].Last);

    /// <summary>The pupils who went down a tier: what they still meet, so the plan can be scaled down, not dropped.</summary>
    private static string DownTable(AnalysisRun run, List<int> down)
    {
        var l = run.Language;
        if (down.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.Tier(l))}</th><th>{E(Page.Change(l))}</th><th>{E(Page.Reasons(l))}</th></tr></thead><tbody>\n");
        foreach (var pupil in down.Take(MaxRows))
        {
            var tier = run.TierOf(pupil).Number();
            html.Append(Markup, $"<tr{Row(run, pupil)}><td>{E(run.Keys[pupil])}</td><td>{E(run.GroupOf(pupil) ?? "")}</td><td class=\"tier t{tier}\">{tier}</td>"
                + $"<td>{E(Page.TierDown(l, (int?)run.Transitions.PreviousTier(pupil), tier))}</td><td>{Unbroken(ReasonsDown(run, pupil))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(down.Count, l)).ToString();
    }

    /// <summary>A row's class and tier, for the page's class and tier filters.</summary>
    private static string Row(AnalysisRun run, int pupil) =>
        string.Create(Markup, $" data-class=\"{E(run.GroupOf(pupil) ?? "")}\" data-tier=\"{(run.Evaluation.Tiers[pupil] is { } tier ? tier.Number() : null)}\"");

    /// <summary>
    /// The pupils who left since last week, as they left: the tier and criteria at their last school day, so the SAT
    /// knows whom to hand the case over to.
    /// </summary>
    private static string LeftTable(AnalysisRun run, List<LeftPupil> left)
    {
        var l = run.Language;
        var html = new StringBuilder($"<p class=\"explain\">{E(Page.LeftExplained(l))}</p>\n<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.TierOnLeaving(l))}</th><th>{E(Page.LastSchoolDay(l))}</th><th>{E(Page.CriteriaOnLeaving(l))}</th></tr></thead><tbody>\n");
        foreach (var pupil in left.Take(MaxRows))
        {
            var tier = pupil.Tier.Number();
            html.Append(Markup, $"<tr{Row(run, pupil.Pupil)}><td>{E(run.Keys[pupil.Pupil])}</td><td>{E(run.GroupOf(pupil.Pupil) ?? "")}</td><td class=\"tier t{tier}\">{tier}</td>"
                + $"<td>{E(run.Ledger.EnrolledUntil(pupil.Pupil).ToString("d MMM", l.Culture()))}</td><td>{E(Codes(pupil.Signals))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(left.Count, l)).ToString();
    }

    /// <summary>DUO meldingen of last week that this week's data no longer make: one the team filed may need withdrawing.</summary>
    private static string WithdrawnTable(AnalysisRun run, IReadOnlyList<WithdrawnMelding> withdrawn)
    {
        var l = run.Language;
        var html = new StringBuilder($"<p class=\"explain\">{E(Page.WithdrawnExplained(l))}</p>\n<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.ListedLastWeek(l))}</th></tr></thead><tbody>\n");
        foreach (var melding in withdrawn.Take(MaxRows))
        {
            var left = run.HasLeft(melding.Pupil) ? $" ({E(Page.LeftMark(l))})" : "";
            html.Append(Markup, $"<tr{Row(run, melding.Pupil)}><td>{E(run.Keys[melding.Pupil])}{left}</td><td>{E(run.GroupOf(melding.Pupil) ?? "")}</td><td>{E(Page.Period(l, melding.First, melding.Last))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(withdrawn.Count, l)).ToString();
    }

    /// <summary>
    /// Pupils of last week's run that this week's inputs do not hold: no class or tier now, so their key, last week's
    /// tier and criteria, for the SAT to look up.
    /// </summary>
    private static string MissingTable(AnalysisRun run, ActionLists actions)
    {
        var l = run.Language;
        var missing = actions.Missing;
        var html = new StringBuilder($"<p class=\"explain\">{E(Page.MissingExplained(l))}</p>\n<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.TierLastWeek(l))}</th><th>{E(Page.CriteriaLastWeek(l))}</th></tr></thead><tbody>\n");
        foreach (var pupil in missing.Take(MaxRows))
        {
            var tier = pupil.Tier.Number();
            html.Append(Markup, $"<tr data-tier=\"{tier}\"><td>{E(actions.KeyOf(pupil))}</td><td class=\"tier t{tier}\">{tier}</td><td>{E(Codes(pupil.Met))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(missing.Count, l)).ToString();
    }

    /// <summary>The criteria met, by id, in the order of the criteria.</summary>
    internal static string Codes(CriterionSet met) => string.Join(", ", CriterionIds.All.Where(met.Contains).Select(c => c.Code()));

    /// <summary>The criteria of some signals, by id.</summary>
    internal static string Codes(IEnumerable<Signal> signals) => string.Join(", ", signals.Select(s => s.Criterion.Code()));

    /// <summary>A link that downloads a spreadsheet from the page itself (the page may travel without its folder).</summary>
    private static string Download(Spreadsheets spreadsheets, string name, string text) =>
        $"<p class=\"noprint download\"><a download=\"{name}\" href=\"data:text/csv;charset=utf-8;base64,{Convert.ToBase64String(spreadsheets.Bytes[name])}\">⤓ {E(text)}</a></p>";

    /// <summary>The thuiszitters: how many school weeks without education, and whether longer than 3 months (TZ-3M).</summary>
    private static string AtHomeTable(AnalysisRun run, ActionLists actions)
    {
        var l = run.Language;
        var signals = actions.AtHome;
        if (signals.Count == 0)
            return $"<p class=\"none\">{E(Page.None(l))}</p>\n";
        var html = new StringBuilder($"<table class=\"action\"><thead><tr><th>{E(Page.Pupil(l))}</th><th>{E(Page.Class(l))}</th><th>{E(Page.WeeksAtHome(l))}</th><th>{E(Page.UnauthorizedAtHome(l))}</th><th>{E(Page.Over3Months(l, run.Evaluation.Policy.Criteria.Tz3m.MoreThanMonths))}</th><th>{E(Page.Evidence(l))}</th></tr></thead><tbody>\n");
        foreach (var signal in signals.Take(MaxRows))
        {
            var over = actions.Over3Months.Contains(signal.Pupil);
            var unauthorized = actions.Unauthorized.Contains(signal.Pupil);
            html.Append(Markup, $"<tr{(over ? " class=\"urgent\"" : "")}{Row(run, signal.Pupil)}><td>{E(run.Keys[signal.Pupil])}</td><td>{E(run.GroupOf(signal.Pupil) ?? "")}</td><td>{run.ResultOf(signal.Pupil).Measures.WeeksWithoutEducation}</td><td>{(unauthorized ? E(Page.UnauthorizedMark(l)) : "")}</td><td>{(over ? E(Page.Over3MonthsMark(l)) : "")}</td><td>{E(Evidence(run, signal))}</td></tr>\n");
        }
        return html.Append("</tbody></table>\n").Append(Truncated(signals.Count, l)).ToString();
    }

    /// <summary>A list of reasons that breaks between reasons only, never inside "ZZV-SHORT" or "≥ 20 %".</summary>
    private static string Unbroken(string reasons) =>
        string.Join(", ", reasons.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(r => $"<span class=\"nb\">{E(r)}</span>"));

    private static string Truncated(int rows, Language l) => rows <= MaxRows ? "" :
        $"<p class=\"note\">{E(Page.Truncated(l, MaxRows, rows))}</p>\n";

    private static Rules.Criteria.Criterion CriterionOf(AnalysisRun run, Signal signal) => run.Evaluation.Engine.Criterion(signal.Criterion);

    /// <summary>The evidence of a signal in words, as its criterion tells it.</summary>
    internal static string Evidence(AnalysisRun run, Signal signal) => CriterionOf(run, signal).Describe(signal, run.Language);

    /// <summary>
    /// A criterion on one line: its id and its evidence, which says what holds in words of its own ("MAZL-FREQ 4e
    /// ziekmelding binnen 12 schoolweken: 10 nov, …"). The label before it said most things twice in actielijsten.csv
    /// ("Vaak kort ziek: 3× of vaker 1–2 dagen ziek in 2 maanden: 3× kort ziek (1–2 dagen) in 2 maanden: …"); the
    /// report, which has room, keeps both.
    /// </summary>
    internal static string CriterionLine(AnalysisRun run, Signal signal) => $"{signal.Criterion.Code()} {Evidence(run, signal)}";

    /// <summary>
    /// tier_reasons for people: rate thresholds in words, criterion ids as they are (the ids are the SAT's shared
    /// vocabulary). A person needs the highest rate threshold per window only ("≥ 20 %" says "≥ 10 %" too).
    /// </summary>
    internal static string Reasons(AnalysisRun run, int pupil) => Reasons(run, pupil, run.Evaluation.Reasons(pupil), owner: null);

    /// <summary>Why a pupil went down: the reasons left, or none and its rates over the windows the tier rules read.</summary>
    internal static string ReasonsDown(AnalysisRun run, int pupil)
    {
        if (Reasons(run, pupil) is { Length: > 0 } reasons)
            return reasons;
        var l = run.Language;
        var rates = run.Policy.Tiers.Select(t => t.Rate?.Window).OfType<RateWindow>().Distinct()
            .Select(w => run.ResultOf(pupil).Window(w) is { Scheduled: > 0 } totals ? $"{Page.AbsenceWord(l)} {w.Short().In(l)} {Page.Percent(l, totals.Rate(null))}" : null)
            .OfType<string>();
        return Page.NoReasonLeft(l, string.Join(", ", rates));
    }

    /// <summary>What moved <paramref name="pupil"/> up, for <paramref name="owner"/>: the owner's reasons that set the new tier.</summary>
    internal static string ReasonsUp(AnalysisRun run, int pupil, Owner owner) => Reasons(run, pupil, run.Evaluation.ReasonsForTier(pupil), owner);

    private static string Reasons(AnalysisRun run, int pupil, IReadOnlyList<TierReason> reasons, Owner? owner)
    {
        return string.Join(", ", reasons
            .Where(r => r.Rate is not { } rate || !reasons.Any(o => o.Rate is { } other && other.Window == rate.Window && other.Percent > rate.Percent))
            .Where(r => owner is not { } mine || run.Evaluation.OwnersOf(pupil, r).Contains(mine))
            .Select(r => r.Describe(run.Language)));
    }

    private static string TierRule(AnalysisRun run, int tier)
    {
        var l = run.Language;
        var parts = new List<string>();
        foreach (var rule in run.Policy.Tiers.Where(r => r.Tier == tier))
        {
            if (rule.Rate is { } rate)
                parts.Add(rate.Describe(l, rate.Window.Short().In(l)));
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
        .filters label { margin-right: 1rem; }
        select { padding: 0.25rem; }
        .download a { text-decoration: none; }
        @page { size: A4; margin: 12mm 10mm; }
        @media print {
          body { background: #fff; font-size: 9pt; }
          #pupils, table.action, .evidence, .id { font-size: 7.5pt; }
          .counts strong { font-size: 12pt; }
          .counts li { padding: 0.2rem 0.5rem; }
          th, td { padding: 0.15rem 0.3rem; }
          .download { display: none; }
          a { color: inherit; text-decoration: none; }
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
          var filter = document.getElementById('filter');
          var tier = document.getElementById('tier');
          var klas = document.getElementById('klas');
          var texts = document.getElementById('texts');
          // The class applies to every list of the page; search and tier to the table of pupils.
          function apply() {
            var c = klas ? klas.value : '';
            var q = filter ? filter.value.toLowerCase() : '';
            var t = tier ? tier.value : '';
            Array.prototype.forEach.call(document.querySelectorAll('tr[data-class]'), function (row) {
              var show = (!c || row.getAttribute('data-class') === c);
              if (table && row.parentNode.parentNode === table)
                show = show && (!t || row.getAttribute('data-tier') === t) && row.textContent.toLowerCase().indexOf(q) >= 0;
              row.style.display = show ? '' : 'none';
            });
            // A list left empty by the class says so, and the counts above the lists are the whole school's.
            Array.prototype.forEach.call(document.querySelectorAll('tbody'), function (rows) {
              var listed = rows.querySelectorAll('tr[data-class]');
              if (!listed.length) return;
              var shown = Array.prototype.some.call(listed, function (row) { return row.style.display !== 'none'; });
              var empty = rows.querySelector('tr.empty');
              if (!empty && !shown) {
                empty = rows.insertRow(-1);
                empty.className = 'empty';
                empty.insertCell(0).colSpan = listed[0].cells.length;
              }
              if (empty) {
                empty.cells[0].textContent = texts.getAttribute(c ? 'data-empty-class' : 'data-empty');
                empty.style.display = shown ? 'none' : '';
              }
            });
            var note = document.getElementById('klasnote');
            if (note) note.textContent = c ? texts.getAttribute('data-note') : '';
          }
          [filter, tier, klas].forEach(function (control) {
            if (control) control.addEventListener(control.tagName === 'SELECT' ? 'change' : 'input', apply);
          });
          // report.html#klas=2B opens on one class: a link a mentor keeps. The class is everything after "klas="
          // (a class may hold '&'); a hash that does not decode leaves the page as it is.
          var hash = location.hash.replace(/^#/, '');
          if (klas && hash.indexOf('klas=') === 0) {
            try { klas.value = decodeURIComponent(hash.slice(5)); apply(); } catch (e) { }
          }
          if (!table) return;
          var body = table.tBodies[0];
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
              var rows = Array.prototype.filter.call(body.rows, function (row) { return row.className !== 'empty'; });
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
