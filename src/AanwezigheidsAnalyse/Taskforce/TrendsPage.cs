using System.Globalization;
using System.Net;
using System.Text;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
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
        var charts = new List<(string Title, byte[] Png)>
        {
            Chart(Texts.Taskforce.AbsenceByTypeTitle(l), rows, "schooltype", r => r.AbsenceRate * 100, Texts.Taskforce.PercentAxis(l), l),
            Chart(Texts.Taskforce.UnauthorizedByTypeTitle(l), rows, "schooltype", r => r.UnauthorizedRate * 100, Texts.Taskforce.PercentAxis(l), l),
            Chart(Texts.Taskforce.Tier3ByTypeTitle(l), rows, "schooltype", r => r.Counts[2], Texts.Taskforce.PupilsAxis(l), l),
            Chart(Texts.Taskforce.AtHomeTitle(l), rows, "alle", r => r.Counts[3], Texts.Taskforce.PupilsAxis(l), l),
        };
        // Small multiples, one per gemeente: many lines in one chart cannot be told apart.
        var gemeenten = rows.Where(r => r.Dimension == "gemeente").Select(r => r.Group).Distinct().Order(StringComparer.Ordinal).ToList();
        var multiples = gemeenten.Select(g => (Title: g, Png: Chart(g, rows.Where(r => r.Dimension == "gemeente" && r.Group == g).ToList(), "gemeente", r => r.AbsenceRate * 100, "%", l, small: true).Png)).ToList();

        var latest = rows.Max(r => r.WeekStart);
        var html = new StringBuilder();
        html.Append(Invariant, $$"""
            <!doctype html>
            <html lang="{{l.Pick("nl", "en")}}"><head><meta charset="utf-8"><title>{{E(Texts.Taskforce.PageTitle(l))}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 1rem; color: #222; }
            table { border-collapse: collapse; margin: 0.5rem 0 1rem; } th, td { border: 1px solid #ddd; padding: 0.25rem 0.5rem; text-align: right; }
            th:first-child, td:first-child { text-align: left; } img { max-width: 100%; } .grid { display: flex; flex-wrap: wrap; gap: 0.5rem; }
            .grid figure { margin: 0; width: 260px; } .note { background: #eef4fb; border-left: 4px solid #5b8fd9; padding: 0.4rem 0.7rem; }
            @page { size: A4; margin: 12mm; }
            </style></head><body>
            <h1>{{E(Texts.Taskforce.PageTitle(l))}}</h1>
            <p class="note">{{E(Texts.Taskforce.PageExplains(l, minCell))}}</p>
            """);
        // What rises, first, in words: only what the test supports, and where there are too few schools to say.
        html.Append(Invariant, $"<h2>{E(Texts.Taskforce.WhatRises(l))}</h2>\n<ul>\n");
        var significant = rises.Where(r => r.Significant).OrderBy(r => r.AdjustedP).ToList();
        foreach (var rise in significant)
            html.Append(Invariant, $"<li>{E(Texts.Taskforce.RiseSentence(l, MeasureWords(rise.Measure, l), rise.Group, rise.Before, rise.After, rise.Weeks, rise.SchoolsUp, rise.Schools, rise.AdjustedP))}</li>\n");
        if (significant.Count == 0)
            html.Append(Invariant, $"<li>{E(Texts.Taskforce.NothingRises(l))}</li>\n");
        var tooFew = rises.Where(r => r.TooFew).Select(r => $"{r.Group} ({r.Schools})").Distinct().ToList();
        if (tooFew.Count > 0)
            html.Append(Invariant, $"<li>{E(Texts.Taskforce.TooFewSchools(l, string.Join(", ", tooFew)))}</li>\n");
        html.Append(Invariant, $"</ul>\n<p class=\"note\">{E(Texts.Taskforce.RiseMethod(l))}</p>\n");
        foreach (var (title, png) in charts)
            html.Append(Invariant, $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{E(title)}\"></figure>\n");
        html.Append(Invariant, $"<h2>{E(Texts.Taskforce.PerGemeente(l))}</h2>\n<div class=\"grid\">\n");
        foreach (var (title, png) in multiples)
            html.Append(Invariant, $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" alt=\"{E(title)}\"></figure>\n");
        html.Append("</div>\n");
        html.Append(Invariant, $"<h2>{E(Texts.Taskforce.LatestWeek(l, latest.ToString("d MMMM yyyy", l.Culture())))}</h2>\n<table><thead><tr>");
        foreach (var header in Texts.Taskforce.TableHeader(l))
            html.Append(Invariant, $"<th>{E(header)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var row in rows.Where(r => r.WeekStart == latest && r.Dimension != "school"))
        {
            string Count(long? v) => v is { } n ? n.ToString("N0", l.Culture()) : $"< {minCell}";
            string Rate(double? v) => v is { } r ? r.ToString("P1", l.Culture()) : "–";
            html.Append(Invariant, $"<tr><td>{E(row.Dimension)}: {E(row.Group)}</td><td>{row.Schools}</td>{string.Concat(row.Counts.Select(c => $"<td>{Count(c)}</td>"))}<td>{Rate(row.AbsenceRate)}</td><td>{Rate(row.UnauthorizedRate)}</td></tr>\n");
        }
        html.Append("</tbody></table>\n</body></html>\n");
        var path = Path.Combine(folder, "trends.html");
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private static (string Title, byte[] Png) Chart(string title, IReadOnlyList<TrendRow> rows, string dimension, Func<TrendRow, double?> value, string axis, Language l, bool small = false)
    {
        var plot = Charts.NewPlot(title);
        var palette = new ScottPlot.Palettes.Category10();
        var groups = rows.Where(r => r.Dimension == dimension).GroupBy(r => r.Group).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var weeks = rows.Select(r => r.WeekStart).Distinct().Order().ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var points = groups[g].OrderBy(r => r.WeekStart).Select(r => (X: (double)weeks.IndexOf(r.WeekStart), Y: value(r))).ToList();
            // A suppressed or missing value breaks the line: NaN is a gap, a zero would be a claim.
            var line = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y ?? double.NaN).ToArray());
            if (!small)
                line.LegendText = groups[g].Key;
            line.Color = dimension == "alle" ? Colors.Black : palette.GetColor(g % 10);
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        var step = Math.Max(1, (weeks.Count + 7) / (small ? 3 : 8));
        var ticks = Enumerable.Range(0, weeks.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(i => (double)i)], [.. ticks.Select(i => weeks[i].ToString("d MMM", l.Culture()))]);
        plot.YLabel(axis);
        if (!small && groups.Count > 1)
            plot.ShowLegend(Edge.Bottom);
        var highest = rows.Where(r => r.Dimension == dimension).Select(value).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, highest * 1.15));
        return (title, plot.GetImageBytes(small ? 260 : 900, small ? 180 : 420, ImageFormat.Png));
    }

    private static string MeasureWords(string measure, Language l) => measure switch
    {
        "sick" => l.Pick("Ziekteverzuim", "Sickness absence"),
        "unauthorized" => l.Pick("Ongeoorloofd verzuim", "Unauthorised absence"),
        _ => l.Pick("Verzuim", "Absence"),
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
