using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using static AanwezigheidsAnalyse.Localization.Texts;

namespace AanwezigheidsAnalyse.Output;

/// <summary>One pupil's row of the tier 2–3 table, as text in the run's language.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Cells">The cells, in the order of <see cref="PupilTable.Headers"/>.</param>
internal sealed record PupilRow(int Pupil, IReadOnlyList<string> Cells);

/// <summary>
/// The pupils in tiers 2 and 3, most urgent first: tier 3 before 2, a pupil who went up before one who stayed, then
/// the highest absence over 8 weeks. The same rows in the page and in the spreadsheet.
/// </summary>
internal static class PupilTable
{
    public const int TierColumn = 2;
    public const int ReasonsColumn = 9;

    public static IReadOnlyList<string> Headers(Language l) =>
    [
        Page.Pupil(l), Page.Class(l), Page.Tier(l), Page.Change(l), Page.WeeksInTier(l),
        Page.Absence8Weeks(l), Page.Sick8Weeks(l), Page.Unauthorized8Weeks(l), Page.MostlyAbsent(l), Page.Reasons(l), Page.PickedUpBy(l),
    ];

    /// <summary>The rows, most urgent first; <paramref name="percent"/> writes a share (the page: "12,5%"; Excel: a number).</summary>
    public static List<PupilRow> Rows(AnalysisRun run, Func<double, string>? percent = null)
    {
        var l = run.Language;
        percent ??= rate => Page.Percent(l, rate);
        return [.. run.Order.Where(p => run.TierOf(p) >= Tier.Two)
            .OrderByDescending(run.TierOf)
            .ThenByDescending(p => run.Transitions.Change(p, run.TierOf(p)) == TierChange.Up)
            .ThenByDescending(p => run.ResultOf(p).Weeks8.Rate())
            .Select(pupil =>
            {
                ref readonly var result = ref run.ResultOf(pupil);
                var tier = run.TierOf(pupil);
                return new PupilRow(pupil,
                [
                    run.Keys[pupil],
                    run.GroupOf(pupil) ?? "",
                    tier.Number().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    run.Transitions.Change(pupil, tier).Words().In(l),
                    run.Transitions.WeeksInTier(pupil).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    percent(result.Weeks8.Rate()),
                    percent(result.Weeks8.Rate(Category.Sick) + result.Weeks8.Rate(Category.SentHomeSick)),
                    percent(result.Weeks8.Rate(Category.Unauthorized)),
                    Mostly(result.Measures.DominantAbsence, l),
                    Report.Reasons(run, pupil),
                    string.Join(", ", run.Evaluation.OwnersOf(pupil).Select(o => o.Name().In(l))),
                ]);
            })];
    }

    /// <summary>
    /// The kind of absence that is most of a pupil's absence: what the sick and unauthorised columns do not say
    /// (lestijdverkorting, schorsing, vrijstelling, ander geoorloofd verzuim).
    /// </summary>
    private static string Mostly(Category category, Language l) => category.IsAbsent() ? category.Label().In(l) : "";
}
