using AanwezigheidsAnalyse.Localization;
using static AanwezigheidsAnalyse.Rules.EvidenceWords;

namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>KPA-25: "missing at least 25 % of total school time for at least 2 weeks" — absent minutes in the last 2 school weeks ≥ 25 % of scheduled.</summary>
internal sealed class Kpa25(Kpa25Settings settings) : Criterion
{
    public override CriterionId Id => CriterionId.Kpa25;

    public override Phrase Label => Phrase.Of(
        $"Problematisch verzuim: ≥ {Counted.Percent(settings.MinAbsentShare)} afwezig in {Counted.Weeks(Language.Dutch, settings.SchoolWeeks)} (Kearney)",
        $"Problematic absenteeism: ≥ {Counted.Percent(settings.MinAbsentShare)} over {Counted.Weeks(Language.English, settings.SchoolWeeks)}");

    public override Owner Owner => Owner.Zorgcoordinator;

    public override double Threshold => settings.MinAbsentShare;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        // The last school weeks are whole weeks (the week of T up to T): the sum of their week totals, kept across as-of dates.
        var (scheduled, absent) = (0, 0);
        for (var w = Math.Max(facts.AsOf.Week - settings.SchoolWeeks + 1, 0); w <= facts.AsOf.Week; w++)
        {
            var week = facts.Week(w);
            scheduled += week.Scheduled;
            absent += week.Absent;
        }
        value = scheduled > 0 ? Math.Round((double)absent / scheduled, 4) : 0;
        return scheduled > 0 && Shares.AtLeast(absent, scheduled, settings.MinAbsentShare) && WholeWindow(facts);
    }

    /// <summary>
    /// "For at least 2 weeks": the pupil was on the roll on every school day of the window. On the first day of the
    /// year, or a few days after enrolling or coming back, one sick day was a quarter of the time and placed the pupil
    /// in tier 2 (docs/criteria.md, "KPA-25 needs the whole window").
    /// </summary>
    private bool WholeWindow(PupilFacts facts) =>
        facts.AsOf.Week - settings.SchoolWeeks + 1 is >= 0 and var firstWeek && facts.EnrolledThroughout(facts.Ledger.Calendar.WeekFirstDay(firstWeek));

    // A share above zero needs absent minutes in the weeks.
    public override bool CanHoldBy(PupilFacts facts) => !(settings.MinAbsentShare > 0) || facts.CountWeeksWithAbsence() > 0;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var items = facts.NewEvidence();
        foreach (var record in facts.Records)
        {
            if (record.Day >= from && record.Absent > 0)
                items.Add(new EvidenceItem(facts.Date(record.Day), facts.Date(record.Day), Math.Round(record.Absent / 60.0, 2)));
        }
        return new(From(facts, from), items);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{signal.Value.ToString("P0", language.Culture())} afwezig in de laatste {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}",
        $"{signal.Value.ToString("P0", language.Culture())} absent in the last {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}");
}

/// <summary>
/// KPA-10IN15: "absences for at least 10 days of school during any 15-week period … with an absence defined as
/// 25 % or more of school time missed" — absence days in the last 15 school weeks ≥ 10.
/// </summary>
internal sealed class Kpa10In15(Kpa10In15Settings settings) : Criterion
{
    public override CriterionId Id => CriterionId.Kpa10In15;

    public override Phrase Label => Phrase.Of(
        $"Problematisch verzuim: ≥ {settings.MinDays} verzuimdagen in {Counted.Weeks(Language.Dutch, settings.SchoolWeeks)} (Kearney)",
        $"Problematic absenteeism: ≥ {settings.MinDays} days in {Counted.Weeks(Language.English, settings.SchoolWeeks)}");

    public override Owner Owner => Owner.Zorgcoordinator;

    public override double Threshold => settings.MinDays;

    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountAbsenceDays(facts.WeeksFrom(settings.SchoolWeeks), settings.DayMinAbsentShare);
        return value >= settings.MinDays;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.CountAbsenceDays(facts.First, settings.DayMinAbsentShare) >= settings.MinDays;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var items = facts.NewEvidence();
        foreach (var record in facts.Records)
        {
            if (record.Day >= from && record.Scheduled > 0 && Shares.AtLeast(record.Absent, record.Scheduled, settings.DayMinAbsentShare))
                items.Add(EvidenceItem.Day(facts.Date(record.Day)));
        }
        return new(From(facts, from), items);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{signal.Evidence.Count} verzuimdagen (≥ {Counted.Percent(settings.DayMinAbsentShare)} afwezig) in {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}: {Days(signal.Evidence, language)}",
        $"{signal.Evidence.Count} absence days (≥ {Counted.Percent(settings.DayMinAbsentShare)} absent) in {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}: {Days(signal.Evidence, language)}");
}
