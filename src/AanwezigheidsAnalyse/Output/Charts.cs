using System.Globalization;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using ScottPlot;

namespace AanwezigheidsAnalyse.Output;

/// <summary>The charts a run drew: name → PNG path (an SVG lies beside each), and the tier-3 timelines.</summary>
internal sealed record ChartSet(IReadOnlyDictionary<string, string> Png, IReadOnlyList<(int Pupil, string Png)> Timelines, int Tier3Pupils, IReadOnlyList<string> Files);

/// <summary>
/// The charts of the SAT meeting (ScottPlot), as PNG and SVG, Dutch labels by default: the Kearney pyramid,
/// tiers per school week, absence by weekday and lesuur, the distribution of attendance with the tier
/// thresholds, criteria per week, and a timeline for each tier-3 pupil.
/// </summary>
internal static class Charts
{
    public const int MaxTimelines = 40;

    private static readonly Color Tier1 = Color.FromHex("#4c9a5b");
    private static readonly Color Tier2 = Color.FromHex("#f0a030");
    private static readonly Color Tier3 = Color.FromHex("#c8413a");

    private static readonly Dictionary<Category, Color> CategoryColors = new()
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
        var files = new List<string>();
        var png = new Dictionary<string, string>();
        void Save(string name, Plot plot, int width, int height)
        {
            var pngPath = Path.Combine(directory, name + ".png");
            var svgPath = Path.Combine(directory, name + ".svg");
            AtomicFile.Write(pngPath, stream => stream.Write(plot.GetImageBytes(width, height, ImageFormat.Png)));
            AtomicFile.WriteAllText(svgPath, plot.GetSvgXml(width, height));
            png[name] = pngPath;
            files.Add(pngPath);
            files.Add(svgPath);
        }

        Save("piramide", Pyramid(run), 800, 420);
        Save("treden-per-week", TiersPerWeek(run), 900, 420);
        Save("verzuim-weekdag-lesuur", Heatmap(run), 900, 380);
        Save("verdeling-aanwezigheid", Distribution(run), 900, 420);
        Save("criteria-per-week", CriteriaPerWeek(run), 900, 460);

        var timelines = new List<(int, string)>();
        var tier3 = run.Order.Where(p => run.Results[p].Tier == 3).ToList();
        var timelineDirectory = Path.Combine(directory, "tijdlijnen");
        foreach (var pupil in tier3.OrderByDescending(p => run.Results[p].Weeks8.Rate()).ThenBy(p => run.Keys[p], StringComparer.Ordinal).Take(MaxTimelines))
        {
            Directory.CreateDirectory(timelineDirectory);
            var path = Path.Combine(timelineDirectory, SafeName(run.Keys[pupil]) + ".png");
            AtomicFile.Write(path, stream => stream.Write(Timeline(run, pupil).GetImageBytes(900, 150, ImageFormat.Png)));
            timelines.Add((pupil, path));
            files.Add(path);
        }
        return new ChartSet(png, timelines, tier3.Count, files);
    }

    private static string T(AnalysisRun run, string dutch, string english) => run.Language == Language.Dutch ? dutch : english;

    private static CultureInfo Culture(AnalysisRun run) => CultureInfo.GetCultureInfo(run.Language == Language.Dutch ? "nl-NL" : "en-GB");

    /// <summary>
    /// The pyramid of the praktijkkaart: a triangle in three bands, tier 1 at the base and tier 3 at the top,
    /// each with its pupils and share. The shape is fixed, as in Kearney's model; the numbers are the school's.
    /// </summary>
    private static Plot Pyramid(AnalysisRun run)
    {
        var culture = Culture(run);
        var plot = NewPlot(T(run, "Kearney-piramide: leerlingen per trede", "Kearney pyramid: pupils per tier"));
        var counts = new int[3];
        foreach (var result in run.Results)
            counts[result.Tier - 1]++;
        var total = Math.Max(1, counts.Sum());
        string[] meaning =
        [
            T(run, "komt (bijna) altijd naar school", "(almost) always attends"),
            T(run, "opkomend, mild verzuim", "emerging, mild absence"),
            T(run, "structureel en zwaar verzuim", "chronic and severe absence"),
        ];
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
            var side = plot.Add.Text($"{T(run, "Trede", "Tier")} {t + 1}: {meaning[t]}", HalfWidth(t + 0.5) + 0.15, t + 0.5);
            side.LabelFontSize = 14;
            side.LabelAlignment = Alignment.MiddleLeft;
            side.LabelFontColor = Colors.Black;
        }
        plot.HideGrid();
        plot.Axes.Frameless();
        plot.Axes.SetLimits(-halfBase - 0.2, halfBase + 3.2, -0.1, height + 0.1);
        plot.XLabel(T(run, $"Peildatum {run.AsOf.Date.ToString("d MMMM yyyy", culture)} — {total.ToString("N0", culture)} leerlingen",
            $"As of {run.AsOf.Date.ToString("d MMMM yyyy", culture)} — {total.ToString("N0", culture)} pupils"));
        return plot;
    }

    /// <summary>Tier counts at the end of every school week, stacked.</summary>
    private static Plot TiersPerWeek(AnalysisRun run)
    {
        var plot = NewPlot(T(run, "Leerlingen per trede, per schoolweek", "Pupils per tier, per school week"));
        var weeks = run.Replay.Weeks;
        Color[] colors = [Tier1, Tier2, Tier3];
        var bars = new List<Bar>();
        for (var w = 0; w < weeks; w++)
        {
            double below = 0;
            for (var t = 0; t < 3; t++)
            {
                var count = Enumerable.Range(0, run.Ledger.Schools.Count).Sum(s => run.Replay.Schools[s, w].Tiers[t]);
                bars.Add(new Bar { Position = w, ValueBase = below, Value = below + count, FillColor = colors[t], LineWidth = 0 });
                below += count;
            }
        }
        plot.Add.Bars(bars);
        Legend(plot, [(T(run, "Trede 1", "Tier 1"), Tier1), (T(run, "Trede 2", "Tier 2"), Tier2), (T(run, "Trede 3", "Tier 3"), Tier3)]);
        WeekTicks(run, plot);
        plot.YLabel(T(run, "Leerlingen", "Pupils"));
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Share of scheduled lessons (or dagdelen) absent, by weekday and slot, up to T.</summary>
    private static Plot Heatmap(AnalysisRun run)
    {
        var dagdeel = run.Ledger.Timetable.Kind == SlotKind.Dagdeel;
        var plot = NewPlot(T(run, dagdeel ? "Verzuim per weekdag en dagdeel (% van de geplande dagdelen)" : "Verzuim per weekdag en lesuur (% van de geplande lessen)",
            dagdeel ? "Absence by weekday and part of day (% of scheduled)" : "Absence by weekday and lesson hour (% of scheduled lessons)"));
        var (absent, scheduled) = SlotCounts(run);
        var slots = Enumerable.Range(0, Timetable.MaxSlots).Where(s => Enumerable.Range(0, 5).Any(d => scheduled[d, s] > 0)).ToArray();
        var nothingScheduled = slots.Length == 0; // no pupil with a school day up to T: an empty map of 0 %, not an error
        if (nothingScheduled)
            slots = [1];
        var share = new double[5, slots.Length];
        for (var d = 0; d < 5; d++)
        {
            for (var i = 0; i < slots.Length; i++)
                share[4 - d, i] = scheduled[d, slots[i]] > 0 ? 100.0 * absent[d, slots[i]] / scheduled[d, slots[i]] : nothingScheduled ? 0 : double.NaN;
        }
        var heatmap = plot.Add.Heatmap(share);
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated([Color.FromHex("#fff5eb"), Color.FromHex("#fdae6b"), Color.FromHex("#d94801")]);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "%";
        for (var d = 0; d < 5; d++)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                if (double.IsNaN(share[4 - d, i]))
                    continue;
                var text = plot.Add.Text(share[4 - d, i].ToString("0.0", Culture(run)), i, 4 - d);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 11;
            }
        }
        string[] days = run.Language == Language.Dutch ? ["ma", "di", "wo", "do", "vr"] : ["Mon", "Tue", "Wed", "Thu", "Fri"];
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 1, 2, 3, 4], [.. days.Reverse()]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, slots.Length).Select(i => (double)i)],
            [.. slots.Select(s => dagdeel ? (s == 1 ? T(run, "ochtend", "morning") : s == 2 ? T(run, "middag", "afternoon") : s.ToString(CultureInfo.InvariantCulture)) : s.ToString(CultureInfo.InvariantCulture))]);
        plot.XLabel(dagdeel ? T(run, "Dagdeel", "Part of day") : T(run, "Lesuur", "Lesson hour"));
        return plot;
    }

    /// <summary>Absent and scheduled slots per weekday (Mon = 0) and slot, over the pupils' school days up to T.</summary>
    internal static (long[,] Absent, long[,] Scheduled) SlotCounts(AnalysisRun run)
    {
        var ledger = run.Ledger;
        var calendar = run.Calendar;
        var absent = new long[5, Timetable.MaxSlots];
        var scheduled = new long[5, Timetable.MaxSlots];
        var last = run.AsOf.Day;
        // School days per weekday up to each day, so that a pupil's enrolled days per weekday cost five subtractions.
        var perWeekday = new int[5, calendar.DayCount + 1];
        for (var d = 0; d < calendar.DayCount; d++)
        {
            for (var w = 0; w < 5; w++)
                perWeekday[w, d + 1] = perWeekday[w, d];
            var weekday = (int)calendar.Date(d).DayOfWeek - 1;
            if (weekday < 5)
                perWeekday[weekday, d + 1]++;
        }
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var from = ledger.EnrolFirst(p);
            var to = Math.Min(ledger.EnrolLast(p), last);
            if (from > to)
                continue;
            if (!ledger.FullRegister)
            {
                for (var w = 0; w < 5; w++)
                {
                    var days = perWeekday[w, to + 1] - perWeekday[w, from];
                    var mask = (uint)ledger.Timetable.ScheduledSlots(ledger.Variant(p), (NodaTime.IsoDayOfWeek)(w + 1));
                    for (; mask != 0; mask &= mask - 1)
                        scheduled[w, System.Numerics.BitOperations.TrailingZeroCount(mask)] += days;
                }
            }
            foreach (ref readonly var record in ledger.Records(p))
            {
                if (record.Day > to)
                    break;
                var w = (int)calendar.Date(record.Day).DayOfWeek - 1;
                if (record.ScheduledSlots == 0)
                    continue; // minute rows have no slots
                if (!ledger.FullRegister)
                {
                    var timetabled = (uint)ledger.Timetable.ScheduledSlots(ledger.Variant(p), calendar.Date(record.Day).DayOfWeek);
                    for (var mask = timetabled; mask != 0; mask &= mask - 1)
                        scheduled[w, System.Numerics.BitOperations.TrailingZeroCount(mask)]--;
                }
                for (var mask = (uint)record.ScheduledSlots; mask != 0; mask &= mask - 1)
                    scheduled[w, System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
                for (var mask = (uint)record.AbsentSlots; mask != 0; mask &= mask - 1)
                    absent[w, System.Numerics.BitOperations.TrailingZeroCount(mask)]++;
            }
        }
        return (absent, scheduled);
    }

    /// <summary>Attendance over the tiering window, with the policy's thresholds drawn.</summary>
    private static Plot Distribution(AnalysisRun run)
    {
        var rule = run.Policy.Tiers.FirstOrDefault(t => t.Rate is not null)?.Rate;
        var window = rule is null ? RateWindow.Weeks8 : RateWindows.Parse(rule.Window);
        var name = window.Name();
        var plot = NewPlot(T(run, $"Aanwezigheid over {WindowName(run, window)}", $"Attendance over {WindowName(run, window)}"));
        var bins = new int[41]; // 2.5 % each, 0 … 100
        foreach (var result in run.Results)
        {
            var totals = result.Window(window);
            if (totals.ScheduledDays < run.Policy.MinScheduledDaysForRate || totals.Scheduled <= 0)
                continue;
            var attendance = 100.0 * totals.Attended / totals.Scheduled;
            bins[(int)Math.Clamp(Math.Floor(attendance / 2.5), 0, 40)]++;
        }
        var bars = new List<Bar>();
        for (var i = 0; i < bins.Length; i++)
        {
            var x = i * 2.5 + 1.25;
            var color = run.Policy.Tiers.Where(t => t.Rate is { } r && r.Window == rule?.Window && 100 - x >= 100 * r.AtLeast).Select(t => t.Tier).DefaultIfEmpty(1).Max() switch
            {
                3 => Tier3,
                2 => Tier2,
                _ => Tier1,
            };
            bars.Add(new Bar { Position = Math.Min(x, 100), Value = bins[i], FillColor = color, Size = 2.3, LineWidth = 0 });
        }
        plot.Add.Bars(bars);
        foreach (var tier in run.Policy.Tiers.Where(t => t.Rate is { } r && r.Window == rule?.Window))
        {
            var line = plot.Add.VerticalLine(100 - 100 * tier.Rate!.AtLeast);
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.Color = tier.Tier == 3 ? Tier3 : tier.Tier == 2 ? Tier2 : Colors.Gray;
            line.Text = T(run, $"trede {tier.Tier}", $"tier {tier.Tier}");
            line.LabelBackgroundColor = line.Color;
            line.LabelOppositeAxis = true;
            line.LabelFontSize = 12;
        }
        plot.XLabel(T(run, $"Aanwezig (% van de geplande tijd, {name})", $"Attended (% of scheduled time, {name})"));
        Legend(plot, run.Policy.Tiers.Where(t => t.Rate is { } r && r.Window == rule?.Window && t.Tier >= 2).OrderByDescending(t => t.Tier)
            .Select(t => (T(run, $"trede {t.Tier}: verzuim ≥ {t.Rate!.AtLeast.ToString("P0", Culture(run))}", $"tier {t.Tier}: absence ≥ {t.Rate!.AtLeast.ToString("P0", Culture(run))}"), t.Tier == 3 ? Tier3 : Tier2))
            .Append((T(run, "trede 1", "tier 1"), Tier1)));
        plot.YLabel(T(run, $"Leerlingen (≥ {run.Policy.MinScheduledDaysForRate} geplande dagen)", $"Pupils (≥ {run.Policy.MinScheduledDaysForRate} scheduled days)"));
        plot.Axes.SetLimitsX(0, 101);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>Pupils meeting each criterion at the end of every school week (criteria that ever hold).</summary>
    private static Plot CriteriaPerWeek(AnalysisRun run)
    {
        var plot = NewPlot(T(run, "Leerlingen per criterium, per schoolweek", "Pupils per criterion, per school week"));
        var weeks = run.Replay.Weeks;
        var palette = new ScottPlot.Palettes.Category20();
        var shown = 0;
        for (var c = 0; c < CriterionIds.All.Count; c++)
        {
            var ys = Enumerable.Range(0, weeks).Select(w => (double)Enumerable.Range(0, run.Ledger.Schools.Count).Sum(s => run.Replay.Schools[s, w].Criteria[c])).ToArray();
            if (ys.All(y => y == 0))
                continue;
            var line = plot.Add.Scatter(Enumerable.Range(0, weeks).Select(w => (double)w).ToArray(), ys);
            line.LegendText = CriterionIds.All[c];
            line.Color = palette.GetColor(shown++);
            line.LineWidth = 2;
            line.MarkerSize = 4;
        }
        plot.ShowLegend(Edge.Right);
        WeekTicks(run, plot);
        plot.YLabel(T(run, "Leerlingen", "Pupils"));
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    /// <summary>One pupil's school days so far, each coloured by its largest absence category (grey: attended).</summary>
    private static Plot Timeline(AnalysisRun run, int pupil)
    {
        var result = run.Results[pupil];
        var rate = result.Weeks8.Rate().ToString("P0", Culture(run));
        var plot = NewPlot(T(run,
            $"Leerling {run.Keys[pupil]} ({run.Ledger.Group(pupil) ?? "-"}): verzuim laatste 8 weken {rate}, {result.Measures.WeeksBelow50} weken onder 50 %",
            $"Pupil {run.Keys[pupil]} ({run.Ledger.Group(pupil) ?? "-"}): absence last 8 weeks {rate}, {result.Measures.WeeksBelow50} weeks under 50 %"));
        var ledger = run.Ledger;
        var last = Math.Min(run.AsOf.Day, ledger.EnrolLast(pupil));
        var records = ledger.Records(pupil);
        var r = 0;
        var used = new HashSet<Category>();
        for (var d = Math.Max(0, ledger.EnrolFirst(pupil)); d <= last; d++)
        {
            while (r < records.Length && records[r].Day < d)
                r++;
            var color = Color.FromHex("#d8d8d8");
            if (r < records.Length && records[r].Day == d)
            {
                var largest = Category.None;
                var most = 0;
                foreach (var category in CategoryColors.Keys)
                {
                    var minutes = records[r].Minutes.Of(category);
                    if (minutes > most)
                    {
                        most = minutes;
                        largest = category;
                    }
                }
                if (largest != Category.None)
                {
                    color = CategoryColors[largest];
                    used.Add(largest);
                }
            }
            var rectangle = plot.Add.Rectangle(d, d + 0.9, 0, 1);
            rectangle.FillColor = color;
            rectangle.LineWidth = 0;
        }
        Legend(plot, [.. CategoryColors.Where(kv => used.Contains(kv.Key)).Select(kv => (CategoryName(run, kv.Key), kv.Value))]);
        var monthTicks = Enumerable.Range(0, last + 1).Where(d => d == 0 || run.Calendar.Date(d).Month != run.Calendar.Date(d - 1).Month).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. monthTicks.Select(d => (double)d)], [.. monthTicks.Select(d => run.Calendar.Date(d).ToString("MMM", Culture(run)))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
        plot.Axes.SetLimitsY(-0.1, 1.1);
        plot.Axes.SetLimitsX(0, Math.Max(1, last + 1));
        return plot;
    }

    public static string CategoryName(AnalysisRun run, Category category) => (category, run.Language) switch
    {
        (Category.Sick, Language.Dutch) => "ziek",
        (Category.SentHomeSick, Language.Dutch) => "ziek naar huis",
        (Category.AuthorizedOther, Language.Dutch) => "geoorloofd anders",
        (Category.Unauthorized, Language.Dutch) => "ongeoorloofd",
        (Category.Suspended, Language.Dutch) => "geschorst",
        (Category.ReducedTimetable, Language.Dutch) => "lestijdverkorting",
        (Category.Late, Language.Dutch) => "te laat",
        (Category.Exempt, Language.Dutch) => "vrijstelling",
        (Category.OffSiteEducation, Language.Dutch) => "onderwijs elders",
        (Category.Present, Language.Dutch) => "aanwezig",
        _ => category.Name().Replace('_', ' '),
    };

    private static string WindowName(AnalysisRun run, RateWindow window) => (window, run.Language) switch
    {
        (RateWindow.Ytd, Language.Dutch) => "het schooljaar tot nu",
        (RateWindow.Ytd, _) => "the school year so far",
        (RateWindow.Weeks4, Language.Dutch) => "de laatste 4 schoolweken",
        (RateWindow.Weeks4, _) => "the last 4 school weeks",
        (_, Language.Dutch) => "de laatste 8 schoolweken",
        _ => "the last 8 school weeks",
    };

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title, 16);
        plot.FigureBackground.Color = Colors.White;
        return plot;
    }

    private static void Legend(Plot plot, IEnumerable<(string Text, Color Color)> items)
    {
        foreach (var (text, color) in items)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = text, FillColor = color });
        plot.ShowLegend(Edge.Right);
    }

    private static void WeekTicks(AnalysisRun run, Plot plot)
    {
        var weeks = run.Replay.Weeks;
        var step = Math.Max(1, weeks / 12);
        var positions = Enumerable.Range(0, weeks).Where(w => w % step == 0 || w == weeks - 1).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. positions.Select(w => (double)w)],
            [.. positions.Select(w => run.Calendar.WeekMonday(w).ToString("d MMM", Culture(run)))]);
        plot.XLabel(T(run, "Schoolweek (maandag)", "School week (Monday)"));
    }

    private static string SafeName(string key) =>
        string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
