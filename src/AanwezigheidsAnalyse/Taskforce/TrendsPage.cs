using System.Globalization;
using System.Net;
using System.Text;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using AanwezigheidsAnalyse.Rules;
using ScottPlot;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>
/// trends.html: one self-contained page for the Taskforce's partners (charts embedded, no network), Dutch unless
/// --lang en. Only published numbers are drawn: a suppressed count is a gap in its line, never a zero.
/// </summary>
internal static class TrendsPage
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(IReadOnlyList<TrendRow> rows, IReadOnlyList<Rise> rises, string folder, int minCell, Language l)
    {
        // The charts over time show the latest school year; the year before only as the dashed line it is compared with.
        var yearStart = SchoolYearStart(rows.Max(r => r.WeekStart));
        var thisYear = rows.Where(r => r.WeekStart >= yearStart).ToList();
        var lastYear = rows.Where(r => r.WeekStart < yearStart && r.WeekStart >= yearStart.AddYears(-1)).ToList();
        var charts = new List<(string Title, byte[] Png)>
        {
            Chart(Texts.Taskforce.AbsenceByTypeTitle(l), thisYear, "schooltype", r => r.AbsenceRate * 100, Texts.Taskforce.PercentAxis(l), l),
            Chart(Texts.Taskforce.UnauthorizedByTypeTitle(l), thisYear, "schooltype", r => r.UnauthorizedRate * 100, Texts.Taskforce.PercentAxis(l), l),
        };
        if (lastYear.Any(r => r.Dimension == "alle"))
            charts.Add(AgainstLastYear(thisYear, lastYear, l));
        charts.Add(Chart(Texts.Taskforce.Tier3ByTypeTitle(l), thisYear, "schooltype", r => r.Counts[2], Texts.Taskforce.PupilsAxis(l), l));
        charts.Add(Chart(Texts.Taskforce.TransitionsTitle(l), thisYear, "alle", r => r.Counts[7], Texts.Taskforce.PupilsAxis(l), l,
            series: [(Texts.Taskforce.Up(l), r => r.Counts[7]), (Texts.Taskforce.Down(l), r => r.Counts[8])]));
        charts.Add(Chart(Texts.Taskforce.AtHomeTitle(l), thisYear, "alle", r => r.Counts[3], Texts.Taskforce.PupilsAxis(l), l));
        // Small multiples, one per gemeente: many lines in one chart cannot be told apart. Drawn on every core: a
        // national dataset has some 340 gemeenten.
        var gemeenten = thisYear.Where(r => r.Dimension == "gemeente").ToLookup(r => r.Group);
        var multiples = gemeenten.OrderBy(g => g.Key, StringComparer.Ordinal).AsParallel().AsOrdered().Select(g => (Title: GroupWords(g.Key, l), Png: Chart(GroupWords(g.Key, l), g.ToList(), "gemeente", r => r.AbsenceRate * 100, "%", l, small: true).Png)).ToList();

        var latest = rows.Max(r => r.WeekStart);
        var html = new StringBuilder();
        html.Append(Pages.Head(l, Texts.Taskforce.PageTitle(l), ".grid { display: flex; flex-wrap: wrap; gap: 0.5rem; } .grid figure { margin: 0; width: 260px; } .wide { overflow-x: auto; } @media print { .wide { overflow: visible; } .wide table { font-size: 6.5pt; } }"));
        html.Append(Invariant, $"<p class=\"note\">{E(Texts.Taskforce.PageExplains(l, minCell))}</p>\n");
        // What rises, first, in words: only what the test supports, and where there are too few schools to say.
        html.Append(Invariant, $"<h2>{E(Texts.Taskforce.WhatRises(l))}</h2>\n<ul>\n");
        var significant = rises.Where(r => r.Significant).ToList();
        // One line per measure, group and window: against the weeks before and, where it also holds, against last year.
        foreach (var line in significant.GroupBy(r => (r.Dimension, r.Group, r.Measure, r.Weeks)).OrderBy(g => g.Min(r => r.AdjustedP)))
        {
            var before = line.FirstOrDefault(r => r.Baseline == RiseBaseline.WeeksBefore);
            var year = line.FirstOrDefault(r => r.Baseline == RiseBaseline.LastYear);
            var first = before ?? year!;
            html.Append(Invariant, $"<li>{E(Texts.Taskforce.RiseSentence(l, MeasureWords(first.Measure, l), GroupWords(first, l), first.Before, first.After, first.Weeks, first.Baseline == RiseBaseline.LastYear, first.SchoolsUp, first.Schools, first.AdjustedP))}");
            if (before is not null && year is not null)
                html.Append(Invariant, $" {E(Texts.Taskforce.AlsoAboveLastYear(l, year.Before, year.SchoolsUp, year.Schools, year.AdjustedP))}");
            html.Append("</li>\n");
        }
        if (significant.Count == 0)
            html.Append(Invariant, $"<li>{E(Texts.Taskforce.NothingRises(l))}</li>\n");
        var tooFew = rises.Where(r => r.TooFew).Select(r => $"{GroupWords(r, l)} ({r.Schools})").Distinct().ToList();
        if (tooFew.Count > 0)
            html.Append(Invariant, $"<li>{E(Texts.Taskforce.TooFewSchools(l, string.Join(", ", tooFew)))}</li>\n");
        var tests = rises.Count(r => r.Speaks);
        html.Append(Invariant, $"</ul>\n<p class=\"note\">{E(tests > 0 ? Texts.Taskforce.RiseMethod(l, tests) : Texts.Taskforce.NoRiseTests(l))}</p>\n");
        foreach (var (title, png) in charts)
            html.Append(Invariant, $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{E(title)}\"></figure>\n");
        html.Append(Invariant, $"<h2>{E(Texts.Taskforce.PerGemeente(l))}</h2>\n<div class=\"grid\">\n");
        foreach (var (title, png) in multiples)
            html.Append(Invariant, $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{E(title)}\"></figure>\n");
        html.Append("</div>\n");
        // Nineteen columns: wider than a laptop's screen and an A4 page, so the table scrolls on screen and prints small.
        html.Append(Invariant, $"<h2>{E(Texts.Taskforce.LatestWeek(l, latest.ToString("d MMMM yyyy", l.Culture())))}</h2>\n<div class=\"wide\"><table><thead><tr>");
        foreach (var header in Texts.Taskforce.TableHeader(l))
            html.Append(Invariant, $"<th>{E(header)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows.Where(r => r.WeekStart == latest && r.Dimension != "school"))
        {
            // Not "< 5": a count hidden so that a small one cannot be worked back (secondary suppression) may be any
            // size. CBS's sign for it, explained under the table.
            string Count(long? v) => v is { } n ? n.ToString("N0", l.Culture()) : "×";
            string Rate(double? v) => v is { } r ? r.ToString("P1", l.Culture()) : "–";
            html.Append(Invariant, $"<tr><td>{E(Texts.Taskforce.DimensionWords(l, row.Dimension))}: {E(GroupWords(row.Group, l))}</td><td>{row.Schools}</td>{string.Concat(row.Counts.Select(c => $"<td>{Count(c)}</td>"))}<td>{Rate(row.AbsenceRate)}</td><td>{Rate(row.UnauthorizedRate)}</td></tr>\n");
        }
        html.Append(Invariant, $"</tbody></table></div>\n<p class=\"note\">{E(Texts.Taskforce.Withheld(l, minCell))}</p>\n</body></html>\n");
        var path = Path.Combine(folder, "trends.html");
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private static (string Title, byte[] Png) Chart(string title, IReadOnlyList<TrendRow> rows, string dimension, Func<TrendRow, double?> value, string axis, Language l, bool small = false,
        IReadOnlyList<(string Name, Func<TrendRow, double?> Value)>? series = null)
    {
        var plot = Charts.NewPlot(title, l);
        var palette = new ScottPlot.Palettes.Category10();
        var weeks = rows.Select(r => r.WeekStart).Distinct().Order().ToList();
        // One line per group, or (for one group) one per series.
        var lines = series is null
            ? rows.Where(r => r.Dimension == dimension).GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Name: GroupWords(g.Key, l), Rows: g.ToList(), Value: value)).ToList()
            : [.. series.Select(s => (s.Name, Rows: rows.Where(r => r.Dimension == dimension).ToList(), s.Value))];
        for (var g = 0; g < lines.Count; g++)
        {
            var points = lines[g].Rows.OrderBy(r => r.WeekStart).Select(r => (X: (double)weeks.IndexOf(r.WeekStart), Y: lines[g].Value(r))).ToList();
            // A suppressed or missing value breaks the line: NaN is a gap, a zero would be a claim.
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y ?? double.NaN).ToArray());
            if (!small)
                line.LegendText = lines[g].Name;
            line.Color = dimension == "alle" && series is null ? Colors.Black : palette.GetColor(g % 10);
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        WeekTicks(plot, weeks, small, l);
        // Counts of pupils in whole numbers (an axis of 0.5 steps showed half pupils), and the zero line clear of the axis.
        if (axis == Texts.Taskforce.PupilsAxis(l))
            Charts.CountAxis(plot, axis);
        else
            plot.YLabel(axis);
        if (!small && lines.Count > 1)
            plot.ShowLegend(Edge.Bottom);
        var highest = lines.SelectMany(x => x.Rows.Select(x.Value)).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(-0.02 * Math.Max(1, highest * 1.15), Math.Max(1, highest * 1.15));
        return (title, Charts.Png(plot, small ? 260 : 900, small ? 180 : 420));
    }

    /// <summary>
    /// Absence, sickness and unauthorised absence of all schools this school year (solid) against the same ISO weeks
    /// a year earlier (dashed): the weeks line up by ISO week number, so a holiday that moved shows as a gap, not a dip.
    /// </summary>
    private static (string Title, byte[] Png) AgainstLastYear(List<TrendRow> thisYear, List<TrendRow> lastYear, Language l)
    {
        var title = Texts.Taskforce.AgainstLastYearTitle(l);
        var plot = Charts.NewPlot(title, l);
        var palette = new ScottPlot.Palettes.Category10();
        var weeks = thisYear.Select(r => r.WeekStart).Distinct().Order().ToList();
        var old = lastYear.Where(r => r.Dimension == "alle").ToDictionary(r => IsoWeek(r.WeekStart));
        var now = thisYear.Where(r => r.Dimension == "alle").ToDictionary(r => r.WeekStart);
        var measures = new (string Name, Func<TrendRow, double?> Value)[]
        {
            (MeasureWords("absence", l), r => r.AbsenceRate), (MeasureWords("sick", l), r => r.SickRate), (MeasureWords("unauthorized", l), r => r.UnauthorizedRate),
        };
        var highest = 0.0;
        for (var m = 0; m < measures.Length; m++)
        {
            var xs = Enumerable.Range(0, weeks.Count).Select(i => (double)i).ToArray();
            var current = weeks.Select(w => now.TryGetValue(w, out var r) ? measures[m].Value(r) * 100 ?? double.NaN : double.NaN).ToArray();
            var before = weeks.Select(w => old.TryGetValue(IsoWeek(w), out var r) ? measures[m].Value(r) * 100 ?? double.NaN : double.NaN).ToArray();
            highest = current.Concat(before).Where(double.IsFinite).Append(highest).Max();
            var line = plot.Add.Scatter(xs, current);
            (line.LegendText, line.Color, line.LineWidth, line.MarkerSize) = (Texts.Taskforce.ThisYear(l, measures[m].Name), palette.GetColor(m), 2, 4);
            var dashed = plot.Add.Scatter(xs, before);
            (dashed.LegendText, dashed.Color, dashed.LineWidth, dashed.MarkerSize) = (Texts.Taskforce.LastYear(l, measures[m].Name), palette.GetColor(m), 2, 0);
            dashed.LinePattern = LinePattern.Dashed;
        }
        WeekTicks(plot, weeks, small: false, l);
        plot.YLabel(Texts.Taskforce.PercentAxis(l));
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SetLimitsY(0, Math.Max(1, highest * 1.15));
        return (title, Charts.Png(plot, 900, 460));
    }

    private static void WeekTicks(Plot plot, List<DateOnly> weeks, bool small, Language l)
    {
        var step = Math.Max(1, (weeks.Count + 7) / (small ? 3 : 8));
        var ticks = Enumerable.Range(0, weeks.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(i => (double)i)], [.. ticks.Select(i => weeks[i].ToString("d MMM", l.Culture()))]);
    }

    private static int IsoWeek(DateOnly monday) => ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));

    /// <summary>The school year runs from 1 August to 31 July.</summary>
    private static DateOnly SchoolYearStart(DateOnly date) => new(date.Month >= 8 ? date.Year : date.Year - 1, 8, 1);

    private static string GroupWords(Rise rise, Language l) => GroupWords(rise.Group, l);

    /// <summary>A group as the page's language says it: the data keep "alle scholen" and "onbekend" whatever the language.</summary>
    private static string GroupWords(string group, Language l) => group switch
    {
        "alle scholen" => Texts.Taskforce.AllSchools(l),
        SchoolFact.Unknown => Texts.Taskforce.Unknown(l),
        _ when group.Split(" leerjaar ") is [var type, var year] => Texts.Taskforce.ClassYear(l, GroupWords(type, l), GroupWords(year, l)),
        _ => group,
    };

    private static string MeasureWords(string measure, Language l) => measure switch
    {
        "absence" => l.Pick("Verzuim", "Absence"),
        "sick" => l.Pick("Ziekteverzuim", "Sickness absence"),
        "authorized_other" => l.Pick("Ander geoorloofd verzuim", "Other authorised absence"),
        "unauthorized" => l.Pick("Ongeoorloofd verzuim", "Unauthorised absence"),
        "suspended" => l.Pick("Schorsing", "Suspension"),
        "reduced_timetable" => l.Pick("Lestijdverkorting", "Reduced timetable"),
        "tier_2" => l.Pick("Leerlingen in trede 2", "Pupils in tier 2"),
        "tier_3" => l.Pick("Leerlingen in trede 3", "Pupils in tier 3"),
        _ => l.Format($"Leerlingen met {measure} ({Label(measure, l)})", $"Pupils meeting {measure} ({Label(measure, l)})"),
    };

    /// <summary>A criterion's label under the default policy, for a partner who does not know the codes.</summary>
    private static string Label(string code, Language l) =>
        Labels.Value.FirstOrDefault(c => c.Id.Code() == code)?.Label.In(l) ?? code;

    private static readonly Lazy<IReadOnlyList<Rules.Criteria.Criterion>> Labels = new(() => new RulesEngine(Policy.Default).Criteria);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
