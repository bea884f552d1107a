using System.Globalization;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using static AanwezigheidsAnalyse.Localization.Texts;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// The report's lists for Excel: the action lists and the tier 2–3 table, as CSV with ';', UTF-8 with BOM and the
/// decimals of the run's language (Dutch Excel reads "12,5" as a number), formulas escaped. Written beside the
/// report and offered for download in the page itself.
/// </summary>
internal sealed class Spreadsheets
{
    public const string ActionListsName = "actielijsten.csv";
    public const string PupilsName = "leerlingen-trede-2-3.csv";

    private Spreadsheets(Dictionary<string, byte[]> bytes) => Bytes = bytes;

    /// <summary>The CSV files by name.</summary>
    public IReadOnlyDictionary<string, byte[]> Bytes { get; }

    public static Spreadsheets Of(AnalysisRun run, ActionLists actions)
    {
        var l = run.Language;
        var criteria = run.Evaluation.Policy.Criteria;
        var rows = new List<string[]>();
        // A pupil who left has no tier now: the column stays empty (a DUO melding due in its week of leaving).
        void Add(string list, int pupil, string what) => rows.Add([list, run.Keys[pupil], run.GroupOf(pupil) ?? "", run.Evaluation.Tiers[pupil]?.Number().ToString(CultureInfo.InvariantCulture) ?? "", what]);
        foreach (var (owner, items) in actions.PerOwner)
        {
            foreach (var item in items)
            {
                var what = new List<string>();
                if (item.MovedUp)
                    what.Add($"{Page.TierUp(l, (int?)run.Transitions.PreviousTier(item.Pupil), run.TierOf(item.Pupil).Number())}: {Report.ReasonsUp(run, item.Pupil, owner)}");
                what.AddRange(item.Signals.Select(s => Report.CriterionLine(run, s)));
                Add(owner.Title().In(l), item.Pupil, string.Join(" | ", what));
            }
        }
        foreach (var signal in actions.Duo)
        {
            var now = actions.DueNow(signal);
            var left = run.HasLeft(signal.Pupil) ? Page.LeftMark(l) : "";
            Add(Page.DuoHeading(l, criteria.Lpw16u.Hours, criteria.Lpw16u.PeriodSchoolWeeks), signal.Pupil, string.Join(" | ", new[] { left, now is null ? "" : $"{Page.DuoNow(l)}: {Report.Evidence(run, now)}", Report.DuoHistory(run, actions.Earlier(signal)) }.Where(t => t.Length > 0)));
        }
        foreach (var melding in actions.Withdrawn)
            Add(Page.WithdrawnHeading(l), melding.Pupil, (run.HasLeft(melding.Pupil) ? Page.LeftMark(l) + " | " : "") + Page.WithdrawnWhat(l, melding.First, melding.Last));
        foreach (var signal in actions.Lr50)
            Add(Page.Lr50Heading(l, criteria.Lr50.FractionBelow, criteria.Lr50.MoreThanWeeks), signal.Pupil, Report.Evidence(run, signal));
        foreach (var signal in actions.AtHome)
            Add(Page.AtHomeHeading(l, criteria.Tz0.MoreThanWeeks), signal.Pupil, (actions.Unauthorized.Contains(signal.Pupil) ? Page.UnauthorizedAtHome(l) + " | " : "")
                + (actions.Over3Months.Contains(signal.Pupil) ? Page.Over3MonthsMark(l) + " | " : "") + Report.Evidence(run, signal));
        foreach (var pupil in actions.Down)
            Add(Page.DownHeading(l), pupil, $"{Page.TierDown(l, (int?)run.Transitions.PreviousTier(pupil), run.TierOf(pupil).Number())}: {Report.ReasonsDown(run, pupil)}");
        foreach (var left in actions.Left)
            Add(Page.LeftHeading(l), left.Pupil, Page.LeftWhat(l, left.Tier.Number(), run.Ledger.EnrolledUntil(left.Pupil), Report.Codes(left.Signals)));
        // A pupil this week's inputs do not hold has no class or tier now: last week's are in the text.
        foreach (var pupil in actions.Missing)
            rows.Add([Page.MissingHeading(l), actions.KeyOf(pupil), "", "", Page.MissingWhat(l, pupil.Tier.Number(), Report.Codes(pupil.Met))]);

        // A share as a number in the language's notation, in percent: 12,5 (Dutch) or 12.5 (English).
        string Percent(double rate) => (Page.TenthOfPercentDown(rate) * 100).ToString("0.0", l.Culture());
        return new(new()
        {
            [ActionListsName] = Csv([Page.List(l), Page.Pupil(l), Page.Class(l), Page.Tier(l), Page.WhatIsNew(l)], rows),
            [PupilsName] = Csv([.. PupilTable.Headers(l).Select((h, i) => i is >= 5 and <= 7 ? h + " (%)" : h)], PupilTable.Rows(run, Percent).Select(r => r.Cells.ToArray())),
        });
    }

    /// <summary>Writes the files into the output folder.</summary>
    public IEnumerable<string> Write(string folder)
    {
        foreach (var (name, bytes) in Bytes)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            yield return path;
        }
    }

    private static byte[] Csv(string[] header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = Internals.ExcelCsv.Create(stream))
        {
            writer.WriteRecord(header);
            foreach (var row in rows)
                writer.WriteRecord(row);
        }
        return stream.ToArray();
    }
}
