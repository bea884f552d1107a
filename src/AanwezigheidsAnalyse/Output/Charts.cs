using System.Globalization;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using ScottPlot;
using static AanwezigheidsAnalyse.Localization.Texts;

namespace AanwezigheidsAnalyse.Output;

/// <summary>The charts a run drew: name → PNG path (an SVG lies beside each), and the tier-3 timelines.</summary>
internal sealed record ChartSet(IReadOnlyDictionary<string, string> Png, IReadOnlyList<(int Pupil, string Png)> Timelines, int Tier3Pupils, IReadOnlyList<string> Files)
{
    /// <summary>Each chart's title as drawn, by name: what a chart shows can depend on the data (a weekday map for day rows).</summary>
    public IReadOnlyDictionary<string, string> Titles { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The charts of the SAT meeting (ScottPlot), as PNG and SVG, Dutch labels by default: the Kearney pyramid,
/// tiers per school week, absence by weekday and lesuur, the distribution of attendance with the tier
/// thresholds, criteria per week, and a timeline for each tier-3 pupil.
/// </summary>
internal static partial class Charts
{
    public const int MaxTimelines = 40;

    private static readonly Color Tier1 = Color.FromHex("#4c9a5b");
    private static readonly Color Tier2 = Color.FromHex("#f0a030");
    private static readonly Color Tier3 = Color.FromHex("#c8413a");

    internal static readonly Dictionary<Category, Color> CategoryColors = new()
    {
        [Category.Sick] = Color.FromHex("#d9534f"),
        [Category.SentHomeSick] = Color.FromHex("#f28e8c"),
        [Category.AuthorizedOther] = Color.FromHex("#5b8fd9"),
        [Category.Unauthorized] = Color.FromHex("#7b3fa0"),
        [Category.Suspended] = Color.FromHex("#333333"),
        [Category.ReducedTimetable] = Color.FromHex("#e8c547"),
        [Category.Late] = Color.FromHex("#9ccc65"),
    };

    public static ChartSet Write(AnalysisRun run, string directory)
    {
        Directory.CreateDirectory(directory);
        (string Name, Func<AnalysisRun, Plot> Draw, int Width, int Height)[] charts =
        [
            ("piramide", Pyramid, 800, 420),
            ("treden-per-week", TiersPerWeek, 900, 420),
            ("verzuim-weekdag-lesuur", Heatmap, 900, 380),
            ("verdeling-aanwezigheid", Distribution, 900, 420),
            ("criteria-per-week", CriteriaPerWeek, 900, 460),
            ("verzuim-per-week", AbsencePerWeek, 900, 420),
        ];
        var tier3 = run.Order.Where(p => run.TierOf(p) == Tier.Three).ToList();
        var timelinePupils = tier3.OrderByDescending(p => run.ResultOf(p).Weeks8.Rate()).ThenBy(p => run.Keys[p], StringComparer.Ordinal).Take(MaxTimelines).ToList();
        var timelineDirectory = Path.Combine(directory, "tijdlijnen");
        if (timelinePupils.Count > 0)
            Directory.CreateDirectory(timelineDirectory);
        // The rank makes a timeline's name unique: two schools may share a pupil number, and ids may differ only in
        // characters a file name cannot hold.
        var timelinePaths = timelinePupils.Select((pupil, i) =>
            Path.Combine(timelineDirectory, string.Create(CultureInfo.InvariantCulture, $"{i + 1:00}-{SafeName(run.Keys[pupil])}.png"))).ToArray();

        // Each chart is its own Plot and its own files: drawn on every core, the slowest part of a school's run
        // (the JIT of the chart code and Skia's rendering) is shared out. The lists are put together in a fixed order.
        var titles = new string[charts.Length];
        Parallel.For(0, charts.Length + timelinePupils.Count, i =>
        {
            if (i < charts.Length)
            {
                var (name, draw, width, height) = charts[i];
                var plot = draw(run);
                titles[i] = plot.Axes.Title.Label.Text;
                File.WriteAllBytes(Path.Combine(directory, name + ".png"), Png(plot, width, height));
                File.WriteAllText(Path.Combine(directory, name + ".svg"), Svg(plot, width, height));
            }
            else
            {
                var t = i - charts.Length;
                File.WriteAllBytes(timelinePaths[t], Png(Timeline(run, timelinePupils[t]), 900, 180));
            }
        });
        var png = charts.ToDictionary(c => c.Name, c => Path.Combine(directory, c.Name + ".png"));
        List<string> files = [.. charts.SelectMany(c => new[] { png[c.Name], Path.Combine(directory, c.Name + ".svg") }), .. timelinePaths];
        return new ChartSet(png, [.. timelinePupils.Zip(timelinePaths)], tier3.Count, files)
        {
            Titles = charts.Select((c, i) => (c.Name, Title: titles[i])).ToDictionary(c => c.Name, c => c.Title),
        };
    }

    /// <summary>
    /// The pyramid of the praktijkkaart: a triangle in three bands, tier 1 at the base and tier 3 at the top,
    /// each with its pupils and share. The shape is fixed, as in Kearney's model; the numbers are the school's.
    /// </summary>
    private static Plot Pyramid(AnalysisRun run)
    {
        var language = run.Language;
        var culture = language.Culture();
        var plot = NewPlot(Chart.PyramidTitle(language), language);
        int[] counts = [.. Tiers.All.Select(run.Evaluation.Count)];
        var total = Math.Max(1, counts.Sum());
        Color[] colors = [Tier1, Tier2, Tier3];
        const double height = 3, halfBase = 3;
        double HalfWidth(double y) => halfBase * (1 - y / height);
        for (var t = 0; t < 3; t++)
        {
            double bottom = t, top = t + 1;
            var band = plot.Add.Polygon(
            [
                new Coordinates(-HalfWidth(bottom), bottom), new Coordinates(HalfWidth(bottom), bottom),
                new Coordinates(HalfWidth(top), top), new Coordinates(-HalfWidth(top), top),
            ]);
            band.FillColor = colors[t];
            band.LineColor = Colors.White;
            band.LineWidth = 3;
            var count = plot.Add.Text($"{counts[t].ToString("N0", culture)} ({((double)counts[t] / total).ToString("P1", culture)})", 0, t + (t == 2 ? 0.38 : 0.5));
            count.LabelFontSize = t == 2 ? 15 : 20;
            count.LabelBold = true;
            count.LabelFontColor = Colors.White;
            count.LabelAlignment = Alignment.MiddleCenter;
            var side = plot.Add.Text(Chart.PyramidBand(language, t + 1, Tiers.All[t].Meaning().In(language)), HalfWidth(t + 0.5) + 0.15, t + 0.5);
            side.LabelFontSize = 14;
            side.LabelAlignment = Alignment.MiddleLeft;
            side.LabelFontColor = Colors.Black;
        }
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Axes.SetLimits(-halfBase - 0.2, halfBase + 3.2, -0.1, height + 0.1);
        plot.XLabel(Chart.PyramidAxis(language, run.AsOf.Date, total));
        return plot;
    }

    /// <summary>Tier counts at the end of every school week, stacked.</summary>
    private static Plot TiersPerWeek(AnalysisRun run)
    {
        var language = run.Language;
        var plot = NewPlot(Chart.TiersPerWeekTitle(language), language);
        var weeks = run.Replay.Weeks;
        Color[] colors = [Tier1, Tier2, Tier3];
        var bars = new List<Bar>();
        for (var w = 0; w < weeks; w++)
        {
            double below = 0;
            for (var t = 0; t < 3; t++)
            {
                var count = Enumerable.Range(0, run.Ledger.Schools.Count).Sum(s => run.Replay.PupilsInTier(s, w, Tiers.All[t]));
                bars.Add(new Bar { Position = w, ValueBase = below, Value = below + count, FillColor = colors[t], LineWidth = 0 });
                below += count;
            }
        }
        plot.Add.Bars(bars);
        Legend(plot, [(Chart.Tier(language, 1), Tier1), (Chart.Tier(language, 2), Tier2), (Chart.Tier(language, 3), Tier3)]);
        WeekTicks(run, plot);
        CountAxis(plot, Chart.Pupils(language));
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Share of scheduled lessons (or dagdelen) absent, by weekday and slot, up to T.</summary>
    internal static Plot Heatmap(AnalysisRun run)
    {
        var language = run.Language;
        var dagdeel = run.Ledger.Timetable.Kind == SlotKind.Dagdeel;
        var counts = SlotAbsence.Count(run.Ledger, run.AsOf.Day);
        // An export of day rows (dag-minuten) registers no lessons: a map of lessons was all 0,0 beside a weekly chart
        // of 3–7 % absence. Such a school gets the weekdays alone, from the minutes.
        var daysOnly = counts.DaysOnly;
        var plot = NewPlot(daysOnly ? Chart.HeatmapTitleWeekdays(language) : Chart.HeatmapTitle(language, dagdeel), language);
        var (absent, scheduled) = (counts.Absent, counts.Scheduled);
        var slots = daysOnly ? [0] : Enumerable.Range(0, Timetable.MaxSlots).Where(s => Enumerable.Range(0, 5).Any(d => scheduled[d, s] > 0)).ToArray();
        var nothingScheduled = slots.Length == 0; // no pupil with a school day up to T: an empty map of 0 %, not an error
        if (nothingScheduled)
            slots = [1];
        // Row 0 of a ScottPlot heatmap is its top row: Monday (d = 0) is row 0, drawn at y = 4 like its label and number.
        var share = new double[5, slots.Length];
        for (var d = 0; d < 5; d++)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                share[d, i] = daysOnly ? (counts.ScheduledMinutes[d] > 0 ? 100.0 * counts.AbsentMinutes[d] / counts.ScheduledMinutes[d] : double.NaN)
                    : scheduled[d, slots[i]] > 0 ? 100.0 * absent[d, slots[i]] / scheduled[d, slots[i]] : nothingScheduled ? 0 : double.NaN;
            }
        }
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Color.FromHex("#fff5eb"), Color.FromHex("#fdae6b"), Color.FromHex("#d94801")]);
        // From 0 %, not from the lowest cell: from there a lesson at 3.0 % was as pale as none and one at 3.5 % dark.
        var highest = share.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(highest, 1));
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "%";
        for (var d = 0; d < 5; d++)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                if (double.IsNaN(share[d, i]))
                    continue;
                var text = plot.Add.Text(share[d, i].ToString("0.0", language.Culture()), i, 4 - d);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 11;
            }
        }
        var days = Chart.Weekdays(language);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1, 2, 3, 4], [.. days.Reverse()]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, slots.Length).Select(i => (double)i)],
            [.. slots.Select(s => daysOnly ? Chart.WholeDay(language) : Chart.Slot(language, s, dagdeel))]);
        plot.XLabel(daysOnly ? Chart.DaysOnlyAxis(language) : Chart.SlotAxis(language, dagdeel));
        return plot;
    }

    /// <summary>The attendance chart's bins: 2.5 points of absence each.</summary>
    internal const int AbsenceBins = 40;

    /// <summary>The bin of a pupil's absence over a window (scheduled time required): 0 for [0, 2.5) %, the last for [97.5, 100] %.</summary>
    internal static int AbsenceBin(in WindowTotals totals) => (int)Math.Min(AbsenceBins - 1, (long)AbsenceBins * totals.Absent / totals.Scheduled);

    /// <summary>The tier the policy's rate thresholds over <paramref name="window"/> give the absence at the lower edge of <paramref name="bin"/>: its bar's colour.</summary>
    internal static int BinTier(Policy policy, RateWindow window, int bin) =>
        policy.Tiers.Where(t => t.Rate is { } r && r.Window == window && bin * 100.0 / AbsenceBins >= 100 * r.AtLeast - 1e-9).Select(t => t.Tier).DefaultIfEmpty(1).Max();

    /// <summary>Attendance over the tiering window, with the policy's thresholds drawn.</summary>
    private static Plot Distribution(AnalysisRun run)
    {
        var language = run.Language;
        var rule = run.Policy.Tiers.FirstOrDefault(t => t.Rate is not null)?.Rate;
        var window = rule?.Window ?? RateWindow.Weeks8;
        var name = window.Name();
        var plot = NewPlot(Chart.AttendanceTitle(language, window.Words().In(language)), language);
        // Binned by absence, as the tier rules read it, 2.5 points a bin with the lower edge in: a pupil exactly at a
        // threshold (10,0 % absent: tier 2) is in the first bar of the higher tier's colour, never in the bar below
        // it. The last bin takes 100 % as well, so that no bar sits past the axis.
        var bins = new int[AbsenceBins];
        foreach (var result in run.Evaluation.Results)
        {
            var totals = result.Window(window);
            if (totals.ScheduledDays < run.Policy.MinScheduledDaysForRate || totals.Scheduled <= 0)
                continue;
            bins[AbsenceBin(totals)]++;
        }
        var bars = new List<Bar>();
        for (var i = 0; i < bins.Length; i++)
        {
            var color = BinTier(run.Policy, window, i) switch
            {
                3 => Tier3,
                2 => Tier2,
                _ => Tier1,
            };
            bars.Add(new Bar { Position = 100 - i * 100.0 / AbsenceBins - 1.25, Value = bins[i], FillColor = color, Size = 2.3, LineWidth = 0 });
        }
        plot.Add.Bars(bars);
        foreach (var tier in run.Policy.Tiers.Where(t => t.Rate is { } r && r.Window == rule?.Window))
        {
            var line = plot.Add.VerticalLine(100 - 100 * tier.Rate!.AtLeast);
            line.LineWidth = 2;
            // Solid: SkiaSharp's SVG canvas cannot draw a dash and says so on stderr, once per segment.
            line.Color = tier.Tier == 3 ? Tier3 : tier.Tier == 2 ? Tier2 : Colors.Gray;
            // No text on the line: two thresholds 10 points apart put their tags over each other and the title;
            // the legend names each dashed line by its colour.
        }
        plot.XLabel(Chart.AttendanceAxis(language, name));
        // The bars are coloured by absence alone: the pyramid's tiers come from the criteria too, so the legend says
        // what a colour means ("at least tier 2"), not that its pupils are in that tier (18 of the sample's 68 in
        // tier 2 stood in the green bars of a legend that said "tier 1").
        var rated = run.Policy.Tiers.Where(t => t.Rate is { } r && r.Window == rule?.Window && t.Tier >= 2).OrderByDescending(t => t.Tier).ToList();
        Legend(plot, rated.Select(t => (Chart.AbsenceBand(language, t.Rate!.Describe(language), t.Tier, highest: t.Tier == 3), t.Tier == 3 ? Tier3 : Tier2))
            .Append((Chart.AbsenceBandRest(language), Tier1)), Edge.Bottom);
        CountAxis(plot, Chart.PupilsWithDays(language, run.Policy.MinScheduledDaysForRate));
        plot.Axes.SetLimitsX(0, 101);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>
    /// The school's absence rate per school week (weekly.parquet): all absence, and sick, unauthorised and other
    /// absence apart, as shares of the week's scheduled time.
    /// </summary>
    internal static Plot AbsencePerWeek(AnalysisRun run)
    {
        var language = run.Language;
        var plot = NewPlot(Chart.AbsencePerWeekTitle(language), language);
        var weeks = run.Replay.Weeks;
        var schools = Enumerable.Range(0, run.Ledger.Schools.Count).ToArray();
        double Rate(int week, Func<int, int, long> minutes)
        {
            var scheduled = schools.Sum(s => run.WeekMinutes.Scheduled(s, week));
            return scheduled > 0 ? 100.0 * schools.Sum(s => minutes(s, week)) / scheduled : double.NaN;
        }
        var xs = Enumerable.Range(0, weeks).Select(w => (double)w).ToArray();
        (string Label, Color Color, Func<int, int, long> Minutes, float Width)[] series =
        [
            (Chart.AllAbsence(language), Colors.Black, run.WeekMinutes.Absent, 3),
            (Chart.Sick(language), CategoryColors[Category.Sick], (s, w) => run.WeekMinutes.Minutes(s, w, Category.Sick) + run.WeekMinutes.Minutes(s, w, Category.SentHomeSick), 2),
            (Category.Unauthorized.Label().In(language), CategoryColors[Category.Unauthorized], (s, w) => run.WeekMinutes.Minutes(s, w, Category.Unauthorized), 2),
            (Chart.OtherAbsence(language), CategoryColors[Category.AuthorizedOther], (s, w) => run.WeekMinutes.Absent(s, w)
                - run.WeekMinutes.Minutes(s, w, Category.Sick) - run.WeekMinutes.Minutes(s, w, Category.SentHomeSick) - run.WeekMinutes.Minutes(s, w, Category.Unauthorized), 2),
        ];
        foreach (var (label, color, minutes, width) in series)
        {
            var line = plot.Add.Scatter(xs, [.. xs.Select(w => Rate((int)w, minutes))]);
            line.LegendText = label;
            line.Color = color;
            line.LineWidth = width;
            line.MarkerSize = 4;
        }
        plot.ShowLegend(Edge.Bottom);
        WeekTicks(run, plot);
        plot.YLabel(Chart.ShareOfScheduledTime(language));
        // From zero: a rate read against a cut axis looks larger than it is.
        var highest = Enumerable.Range(0, weeks).Select(w => Rate(w, run.WeekMinutes.Absent)).Where(r => !double.IsNaN(r)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, highest * 1.1));
        return plot;
    }

    /// <summary>Pupils meeting each criterion at the end of every school week (criteria that ever hold).</summary>
    private static Plot CriteriaPerWeek(AnalysisRun run)
    {
        var plot = NewPlot(Chart.CriteriaPerWeekTitle(run.Language), run.Language);
        var weeks = run.Replay.Weeks;
        // Ten well-separated colours; a criterion past the tenth gets one again, thinner and with an open marker of
        // another shape (not dashed: SkiaSharp's SVG canvas cannot draw a dash, and says so on stderr).
        var palette = new ScottPlot.Palettes.Category10();
        MarkerShape[] shapes = [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp];
        var shown = 0;
        foreach (var id in CriterionIds.All)
        {
            var ys = Enumerable.Range(0, weeks).Select(w => (double)Enumerable.Range(0, run.Ledger.Schools.Count).Sum(s => run.Replay.PupilsMeeting(s, w, id))).ToArray();
            if (ys.All(y => y == 0))
                continue;
            var line = plot.Add.Scatter(Enumerable.Range(0, weeks).Select(w => (double)w).ToArray(), ys);
            line.LegendText = id.Code();
            line.Color = palette.GetColor(shown % 10);
            line.MarkerShape = shapes[shown / 10 % shapes.Length];
            line.LineWidth = shown >= 10 ? 1.2f : 2;
            line.MarkerSize = shown >= 10 ? 7 : 5;
            shown++;
        }
        plot.ShowLegend(Edge.Bottom);
        WeekTicks(run, plot);
        CountAxis(plot, Chart.Pupils(run.Language));
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>The height of a late arrival's mark on a timeline's day (of 1).</summary>
    internal const double LateMark = 0.12;

    /// <summary>A timeline's day without scheduled time: an exemption, not a day attended.</summary>
    internal static readonly Color Unscheduled = Color.FromHex("#ffffff");

    private static readonly Color UnscheduledOutline = Color.FromHex("#b0b0b0");

    /// <summary>One pupil's school days so far, each a bar filled with the shares of its absence categories (grey: attended).</summary>
    internal static Plot Timeline(AnalysisRun run, int pupil)
    {
        var language = run.Language;
        ref readonly var result = ref run.ResultOf(pupil);
        // Smaller than other charts' titles: a pseudonym's title at 16 pt was cut off at both ends.
        var plot = NewPlot(Chart.TimelineTitle(language, run.Keys[pupil], run.GroupOf(pupil), result.Weeks8.Rate(), result.Measures.WeeksBelow50), language, 13);
        var ledger = run.Ledger;
        var last = Math.Min(run.AsOf.Day, ledger.Enrolment(pupil).Last);
        var records = ledger.Records(pupil);
        var r = 0;
        var used = new HashSet<Category>();
        var anyUnscheduled = false;
        var gaps = ledger.GapsOf(pupil);
        for (var d = Math.Max(0, ledger.Enrolment(pupil).First); d <= last; d++)
        {
            // Between two enrolments the pupil was not the school's: no bar, as before the first.
            if (AanwezigheidsAnalyse.Calendar.EnrolmentGaps.Contain(gaps, d))
                continue;
            while (r < records.Length && records.DayOf(r) < d)
                r++;
            // The day in grey, and over it each absence category's share of the day's scheduled time, stacked from
            // the bottom: a lesson missed is a sliver, a day ill the whole bar (it was the whole bar for any absence).
            // A late arrival is time present, not missed: a mark of its own on top. A day without scheduled time (an
            // exemption) is white, not the grey of a day attended.
            var record = r < records.Length && records.DayOf(r) == d ? records[r] : (DayRecord?)null;
            // In a full register a day without rows has no scheduled time either (README, "Scheduled time").
            var unscheduled = record is { Scheduled: 0, Absent: 0 } || (record is null && ledger.FullRegister);
            var day = plot.Add.Rectangle(d, d + 0.9, 0, 1);
            day.FillColor = unscheduled ? Unscheduled : Color.FromHex("#d8d8d8");
            day.LineWidth = unscheduled ? 1 : 0;
            day.LineColor = UnscheduledOutline;
            anyUnscheduled |= unscheduled;
            if (record is not { } registered)
                continue;
            var scheduled = (double)Math.Max(registered.Scheduled, registered.Absent);
            var top = 0.0;
            foreach (var (category, color) in CategoryColors)
            {
                var minutes = registered.Minutes.Of(category);
                if (category == Category.Late || minutes <= 0 || scheduled <= 0 || top >= 1)
                    continue;
                var height = Math.Min(1 - top, minutes / scheduled);
                var bar = plot.Add.Rectangle(d, d + 0.9, top, top + height);
                bar.FillColor = color;
                bar.LineWidth = 0;
                top += height;
                used.Add(category);
            }
            if (registered.LateArrivals > 0 || registered.Minutes.Of(Category.Late) > 0)
            {
                var from = Math.Min(top, 1 - LateMark);
                var mark = plot.Add.Rectangle(d, d + 0.9, from, from + LateMark);
                mark.FillColor = CategoryColors[Category.Late];
                mark.LineWidth = 0;
                used.Add(Category.Late);
            }
        }
        // Below the days, not beside them: every pupil's timeline then has the days at the same width, one under the
        // other, and the title (centred over the days) room for a 32-character pseudonym.
        Legend(plot, [.. CategoryColors.Where(kv => used.Contains(kv.Key)).Select(kv => (kv.Key.Label().In(language), kv.Value)),
            .. anyUnscheduled ? [(Chart.NoLessonTime(language), Unscheduled)] : Array.Empty<(string, Color)>()], Edge.Bottom);
        var monthTicks = Enumerable.Range(0, last + 1).Where(d => d == 0 || run.Calendar.Date(d).Month != run.Calendar.Date(d - 1).Month).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. monthTicks.Select(d => (double)d)], [.. monthTicks.Select(d => run.Calendar.Date(d).ToString("MMM", language.Culture()))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
        plot.Axes.SetLimitsY(-0.1, 1.1);
        plot.Axes.SetLimitsX(0, Math.Max(1, last + 1));
        return plot;
    }

    /// <summary>
    /// The chart as SVG. ScottPlot embeds a heatmap as a bitmap of one pixel per cell (7 × 5), which a browser
    /// stretches with smoothing into a blur; drawn pixelated, each cell is a sharp square like in the PNG.
    /// Skia numbers the clip paths and images of its SVG documents from one counter for the whole process, so with
    /// charts drawn side by side the numbers would differ from run to run: they are renumbered per document, in
    /// order of appearance, and a re-run gives the same bytes.
    /// </summary>
    /// <summary>
    /// The plot as PNG: drawn as ScottPlot's <c>GetImageBytes</c> draws it (the same surface, so the same pixels), but
    /// encoded with one row filter and zlib level 3 instead of Skia's default (every filter tried per row, level 6),
    /// which took about 85 % of a chart's time; the files are 16 % larger (the sample's charts: 693 → 804 KB).
    /// </summary>
    /// <summary>
    /// Each plot's language: ScottPlot writes its axes' numbers in the thread's culture ("4.8" on a Dutch chart whose
    /// cells said "4,1"), so a plot is rendered in its own.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, CultureInfo> Cultures = [];

    private static T InCultureOf<T>(Plot plot, Func<T> render)
    {
        var thread = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Cultures.TryGetValue(plot, out var culture) ? culture : thread;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentCulture = thread;
        }
    }

    internal static byte[] Png(Plot plot, int width, int height) => InCultureOf(plot, () => RenderPng(plot, width, height));

    private static byte[] RenderPng(Plot plot, int width, int height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height, SkiaSharp.SKColorType.Rgba8888, SkiaSharp.SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Skia cannot make a {width}×{height} surface.");
        plot.Render(surface.Canvas, width, height);
        using var pixels = surface.PeekPixels();
        using var data = pixels.Encode(PngOptions) ?? throw new InvalidOperationException("Skia could not encode the PNG.");
        return data.ToArray();
    }

    private static readonly SkiaSharp.SKPngEncoderOptions PngOptions = new(SkiaSharp.SKPngEncoderFilterFlags.Sub, 3);

    internal static string Svg(Plot plot, int width, int height)
    {
        var svg = InCultureOf(plot, () => plot.GetSvgXml(width, height)).Replace("<image ", "<image image-rendering=\"pixelated\" style=\"image-rendering:pixelated\" ", StringComparison.Ordinal);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var perKind = new Dictionary<string, int>(StringComparer.Ordinal);
        return SvgIds().Replace(svg, m =>
        {
            var kind = m.Groups[1].Value;
            if (!numbers.TryGetValue(m.Value, out var number))
                numbers[m.Value] = number = perKind[kind] = perKind.GetValueOrDefault(kind, -1) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"{kind}_{number}");
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(cl|img)_([0-9a-f]+)\b")]
    private static partial System.Text.RegularExpressions.Regex SvgIds();

    internal static Plot NewPlot(string title, Language language, float size = 16)
    {
        var plot = new Plot();
        Cultures.AddOrUpdate(plot, language.Culture());
        plot.Title(title, size);
        plot.FigureBackground.Color = Colors.White;
        return plot;
    }

    /// <summary>A left axis of pupils: whole numbers only (a small school's chart would read "0.5 leerlingen").</summary>
    internal static void CountAxis(Plot plot, string label)
    {
        plot.YLabel(label);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, MinorTickGenerator = new WholeMinorTicks() };
    }

    /// <summary>Minor ticks of a pupil-count axis on whole numbers only: none between 0 and 1, every pupil between 0 and 5.</summary>
    internal sealed class WholeMinorTicks : IMinorTickGenerator
    {
        public IEnumerable<double> GetMinorTicks(double[] majorTicks, CoordinateRange visibleRange)
        {
            if (majorTicks.Length < 2 || majorTicks[1] - majorTicks[0] <= 1)
                return [];
            var spacing = majorTicks[1] - majorTicks[0];
            var step = spacing <= 10 ? 1 : spacing / 5;
            var first = Math.Ceiling(visibleRange.Min / step) * step;
            var ticks = new List<double>();
            for (var y = first; y <= visibleRange.Max; y += step)
            {
                if (!majorTicks.Contains(y))
                    ticks.Add(y);
            }
            return ticks;
        }
    }

    private static void Legend(Plot plot, IEnumerable<(string Text, Color Color)> items, Edge edge = Edge.Right)
    {
        foreach (var (text, color) in items)
            plot.Legend.ManualItems.Add(color == Unscheduled
                ? new LegendItem { LabelText = text, FillColor = color, OutlineColor = UnscheduledOutline, OutlineWidth = 1 }
                : new LegendItem { LabelText = text, FillColor = color });
        plot.ShowLegend(edge);
    }

    private static void WeekTicks(AnalysisRun run, Plot plot)
    {
        var positions = WeekTickPositions(run.Replay.Weeks);
        // The week of T counts up to T: on a Monday its point is one day's, and its date says so ("15 dec t/m ma"),
        // where it looked like a week that jumped.
        var day = run.AsOf.Day;
        var partial = day >= 0 && day < run.Calendar.WeekLastDay(run.Calendar.WeekOf(day));
        string Label(int w) => run.Calendar.WeekMonday(w).ToString("d MMM", run.Language.Culture())
            + (partial && w == run.Replay.Weeks - 1 ? Chart.WeekUpTo(run.Language, run.Calendar.Date(day)) : "");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. positions.Select(w => (double)w)],
            [.. positions.Select(Label)]);
        plot.XLabel(Chart.SchoolWeekAxis(run.Language));
    }

    /// <summary>
    /// The weeks that get a date under a chart: about eight fit in 900 pixels without touching ("15 sep" is some 45
    /// pixels). The week of T always has its date; a regular date closer to it than half a step would print over it.
    /// </summary>
    internal static int[] WeekTickPositions(int weeks)
    {
        var step = Math.Max(1, (weeks + 7) / 8);
        return [.. Enumerable.Range(0, weeks).Where(w => w == weeks - 1 || (w % step == 0 && (weeks - 1 - w) * 2 >= step))];
    }

    private static string SafeName(string key) =>
        string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
