using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using ScottPlot;

namespace AanwezigheidsAnalyse.Research;

/// <summary>
/// The backtest's outputs, one unit in <c>--out</c>: <c>backtest.parquet</c> (one row per as-of date × policy ×
/// criterion), <c>lead_times.parquet</c>, <c>backtest.json</c> (inputs with their SHA-256, options, policies,
/// version: what a re-run a year later needs), <c>rejects.csv</c> and a self-contained <c>backtest.html</c>.
/// </summary>
public static class BacktestOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs the backtest of <paramref name="options"/> and writes its outputs into <paramref name="directory"/>, replacing the folder whole.</summary>
    public static (BacktestResult Result, IReadOnlyList<string> Files) Run(BacktestOptions options, string directory)
    {
        Ingestion.Disclosure.RefusePathWithBsn(directory, Setting.Output); // the console names it
        using var folder = OutputFolder.Open(directory, [.. options.Input.Files, .. Ingestion.LoadOptions.ExistingOf([.. options.Policies])], command: "backtest");
        var result = Backtest.Run(options, folder.PathOf("rejects.csv"));
        var l = options.Input.Language;
        ParquetTable.Write(folder.PathOf("backtest.parquet"),
            "as_of DATE, policy VARCHAR, criterion_id VARCHAR, flagged INTEGER, flagged_eligible INTEGER, true_positives INTEGER, positives INTEGER, " +
            "precision DOUBLE, recall DOUBLE, lead_time_weeks_median DOUBLE, jaccard_with_first_policy DOUBLE",
            "as_of, policy, criterion_id", result.Rows, (line, r) => line.AppendValue(r.AsOf.ToDateOnly()).AppendValue(r.Policy).AppendValue(r.Criterion)
                .AppendValue(r.Flagged).AppendValue(r.FlaggedEligible).AppendValue(r.TruePositives).AppendValue(r.Positives)
                .AppendValue(Round(r.Precision)).AppendValue(Round(r.Recall)).AppendValue(r.LeadTimeWeeksMedian).AppendValue(Round(r.Jaccard)));
        var leads = result.LeadTimes.SelectMany(t => t.Pupils.Select((n, lead) => (t.Policy, t.Criterion, Lead: (int?)lead, Pupils: n)).Where(x => x.Pupils > 0)
            .Append((t.Policy, t.Criterion, Lead: null, Pupils: t.Missed))).ToList();
        ParquetTable.Write(folder.PathOf("lead_times.parquet"), "policy VARCHAR, criterion_id VARCHAR, lead_weeks INTEGER, pupils INTEGER",
            "policy, criterion_id, lead_weeks NULLS LAST", leads, (line, x) => line.AppendValue(x.Policy).AppendValue(x.Criterion).AppendValue(x.Lead).AppendValue(x.Pupils));
        File.WriteAllBytes(folder.PathOf("backtest.json"), JsonSerializer.SerializeToUtf8Bytes(Manifest(options, result), Json.Indented));
        File.WriteAllText(folder.PathOf("backtest.html"), Page(options, result, l));
        folder.Commit();
        return (result, [.. new[] { "backtest.parquet", "lead_times.parquet", "backtest.json", "backtest.html", "rejects.csv" }.Select(f => Path.Combine(directory, f))]);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    /// <summary>What a researcher needs to re-run the backtest a year later and check it is the same.</summary>
    private static object Manifest(BacktestOptions options, BacktestResult result) => new
    {
        Tool = "aanwezigheid backtest",
        Version = typeof(Backtest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        Inputs = result.Inputs.Select(f => new { File = Path.GetFileName(f.Path), f.Sha256, f.RowsRead, f.Accepted, f.Ignored, f.Rejected, f.Profile }),
        From = options.From.ToString("yyyy-MM-dd", Invariant),
        To = options.To.ToString("yyyy-MM-dd", Invariant),
        EveryWeeks = options.EveryWeeks,
        Policies = result.Policies.Select(p => new { p.Name, p.Sha256 }),
        Outcome = options.Outcome.Word(),
        OutcomePolicy = Rules.Policy.Default.Name,
        options.Horizon,
        AsOfDates = result.AsOfDates.Select(d => d.ToString("yyyy-MM-dd", Invariant)),
        Seeds = "none: the backtest is deterministic",
        result.Notes,
    };

    private static string Page(BacktestOptions options, BacktestResult result, Language l)
    {
        var policies = result.Policies.Select(p => p.Name).ToList();
        var html = new StringBuilder();
        html.Append(Pages.Head(l, Texts.Research.BacktestTitle(l), "th:nth-child(2), td:nth-child(2) { text-align: left; }"));
        html.Append(Invariant, $"<p class=\"note\">{E(Texts.Research.BacktestExplains(l, options.Outcome.Word(), options.Horizon, result.AsOfDates[0], result.AsOfDates[^1], result.AsOfDates.Count))}</p>\n");
        foreach (var note in result.Notes)
            html.Append(Invariant, $"<p class=\"note\">{E(note)}</p>\n");
        html.Append(Invariant, $"<figure>{Img(FlaggedOverTheYear(result, policies, l))}</figure>\n");
        html.Append(Invariant, $"<figure>{Img(PrecisionRecall(result, policies, l))}</figure>\n");
        // The lead times, per criterion: how many of the pupils who reached the outcome it warned of, and how early.
        html.Append(Invariant, $"<h2>{E(Texts.Research.LeadTimesTitle(l))}</h2>\n<table><thead><tr>");
        foreach (var header in Texts.Research.LeadTimesHeader(l))
            html.Append(Invariant, $"<th>{E(header)}</th>");
        html.Append("</tr></thead><tbody>\n");
        foreach (var t in result.LeadTimes.OrderBy(t => policies.IndexOf(t.Policy)).ThenByDescending(t => t.Pupils.Sum()))
        {
            var warned = t.Pupils.Sum();
            var total = warned + t.Missed;
            string Quantile(double q) => warned == 0 ? "–" : Nth(t.Pupils, (int)Math.Floor(q * (warned - 1))).ToString(Invariant);
            html.Append(Invariant, $"<tr><td>{E(t.Policy)}</td><td>{E(t.Criterion)}</td><td>{total}</td><td>{(total > 0 ? ((double)warned / total).ToString("P0", l.Culture()) : "–")}</td><td>{Quantile(0.25)}</td><td>{Quantile(0.5)}</td><td>{Quantile(0.75)}</td></tr>\n");
        }
        html.Append(Invariant, $"</tbody></table>\n<p class=\"note\">{E(Texts.Research.SyntheticLimits(l))}</p>\n</body></html>\n");
        return html.ToString();
    }

    private static int Nth(int[] byLead, int k)
    {
        for (int lead = 0, seen = 0; lead < byLead.Length; lead++)
        {
            seen += byLead[lead];
            if (seen > k)
                return lead;
        }
        return byLead.Length - 1;
    }

    /// <summary>Pupils flagged by the tier rules of each policy at every as-of date.</summary>
    private static Plot FlaggedOverTheYear(BacktestResult result, List<string> policies, Language l)
    {
        var plot = Charts.NewPlot(Texts.Research.FlaggedTitle(l), l);
        var palette = new ScottPlot.Palettes.Category10();
        var xs = Enumerable.Range(0, result.AsOfDates.Count).Select(i => (double)i).ToArray();
        for (var i = 0; i < policies.Count; i++)
        {
            foreach (var (rule, pattern) in new[] { ("TIER-2+", LinePattern.Solid), ("TIER-3", LinePattern.Dashed) })
            {
                var ys = result.AsOfDates.Select(d => (double)result.Rows.Single(r => r.AsOf == d && r.Policy == policies[i] && r.Criterion == rule).Flagged).ToArray();
                var line = plot.Add.Scatter(xs, ys);
                (line.LegendText, line.Color, line.LineWidth, line.MarkerSize, line.LinePattern) = ($"{policies[i]}: {Texts.Research.RuleWords(l, rule)}", palette.GetColor(i), 2, 4, pattern);
            }
        }
        var step = Math.Max(1, (result.AsOfDates.Count + 7) / 8);
        var ticks = Enumerable.Range(0, result.AsOfDates.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => result.AsOfDates[i].ToString("d MMM", l.Culture()))]);
        Charts.CountAxis(plot, Texts.Research.PupilsAxis(l));
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SetLimitsY(0, Math.Max(1, result.Rows.Where(r => r.Criterion == "TIER-2+").Select(r => r.Flagged).DefaultIfEmpty(1).Max() * 1.15));
        return plot;
    }

    /// <summary>Per policy and criterion, precision against recall over all as-of dates together (pooled counts).</summary>
    private static Plot PrecisionRecall(BacktestResult result, List<string> policies, Language l)
    {
        var plot = Charts.NewPlot(Texts.Research.PrecisionRecallTitle(l), l);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < policies.Count; i++)
        {
            foreach (var criterion in result.Rows.Where(r => r.Policy == policies[i]).GroupBy(r => r.Criterion))
            {
                var (tp, eligible, positives) = (criterion.Sum(r => r.TruePositives), criterion.Sum(r => r.FlaggedEligible), criterion.Sum(r => r.Positives));
                if (eligible == 0 || positives == 0)
                    continue;
                var (x, y) = ((double)tp / positives * 100, (double)tp / eligible * 100);
                var marker = plot.Add.Marker(x, y);
                (marker.Color, marker.Size) = (palette.GetColor(i), 8);
                var label = plot.Add.Text(criterion.Key, x, y);
                (label.LabelFontSize, label.LabelFontColor, label.OffsetX, label.OffsetY) = (10, palette.GetColor(i), 5, -5);
            }
            var legend = plot.Add.Marker(double.NaN, double.NaN);
            (legend.Color, legend.LegendText) = (palette.GetColor(i), policies[i]);
        }
        plot.XLabel(Texts.Research.RecallAxis(l));
        plot.YLabel(Texts.Research.PrecisionAxis(l));
        plot.Axes.SetLimits(0, 105, 0, 105);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static string Img(Plot plot) => $"<img src=\"data:image/png;base64,{Convert.ToBase64String(Charts.Png(plot, 900, 480))}\" alt=\"\">";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
