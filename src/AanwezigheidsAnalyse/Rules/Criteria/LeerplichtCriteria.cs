using AanwezigheidsAnalyse.Localization;
using static AanwezigheidsAnalyse.Rules.EvidenceWords;

namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// LPW-16U: art. 21a Leerplichtwet; DUO: "in een periode van 4 aaneengesloten schoolweken minimaal 16 uur
/// ongeoorloofd afwezig" — a DUO melding (<see cref="DuoCount"/>) ended in the last 4 school weeks. The value is
/// the hours of the latest melding; the evidence lists every melding of the year so far.
/// </summary>
internal sealed class Lpw16u(Lpw16uSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.Lpw16u;

    public override Phrase Label => Phrase.Of($"DUO-melding: {settings.Hours} uur ongeoorloofd in {Counted.SchoolWeeks(Language.Dutch, settings.PeriodSchoolWeeks)}", $"Must report to DUO: {settings.Hours} hours in {Counted.SchoolWeeks(Language.English, settings.PeriodSchoolWeeks)}");

    public override Owner Owner => Owner.Leerplicht;

    public override Phrase PickedUpBy => new("leerplicht (DUO-melding)", "attendance officer (DUO report)");

    public override double Threshold => settings.Hours;

    // A melding ends on a day of unauthorized absence.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        var meldingen = facts.Meldingen;
        value = 0;
        if (meldingen.IsEmpty)
            return false;
        var latest = meldingen[^1];
        value = Math.Round(latest.Hours, 2);
        return latest.Last >= facts.WeeksFrom(settings.ReportedWithinSchoolWeeks);
    }

    // The meldingen up to an earlier date are the first of those up to T.
    public override bool CanHoldBy(PupilFacts facts) => !facts.Meldingen.IsEmpty;

    public override Explanation Explain(PupilFacts facts)
    {
        var meldingen = facts.Meldingen;
        var items = facts.NewEvidence();
        foreach (var m in meldingen)
            items.Add(new EvidenceItem(facts.Date(m.First), facts.Date(m.Last), Math.Round(m.Hours, 2)));
        return new(meldingen[^1].Days, items);
    }

    public override string Describe(Signal signal, Language language) => string.Join("; ", signal.Evidence.Select(e => language.Format(
        $"melding {Day(e.First, language)} – {Day(e.Last, language)}: {e.Amount?.ToString("0.#", language.Culture())} uur ongeoorloofd",
        $"report {Day(e.First, language)} – {Day(e.Last, language)}: {e.Amount?.ToString("0.#", language.Culture())} hours unauthorised")));
}

/// <summary>PREV-10U: "tien uur verzuimen in vier weken al bij DUO melden als overig verzuim" — unauthorized absence in the last 4 school weeks ≥ 10 hours.</summary>
internal sealed class Prev10u(Prev10uSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.Prev10u;

    public override Phrase Label => Phrase.Of($"Vroegsignaal: {settings.MinHours} uur ongeoorloofd in {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}", $"Early notice: {settings.MinHours} hours in {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}");

    public override Owner Owner => Owner.Leerplicht;

    public override Phrase PickedUpBy => new("leerplicht (preventief gesprek)", "attendance officer (preventive talk)");

    public override double Threshold => settings.MinHours;

    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.UnauthorizedMinutes(facts.WeeksFrom(settings.SchoolWeeks)) / 60.0;
        return value >= settings.MinHours;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.UnauthorizedMinutes(facts.First) / 60.0 >= settings.MinHours;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var items = facts.NewEvidence();
        var records = facts.Records;
        for (var i = records.FirstFrom(from); i < records.Length; i++)
        {
            if (facts.UnauthorizedOf(records, i) is > 0 and var minutes)
            {
                var date = facts.Date(records.DayOf(i));
                items.Add(new EvidenceItem(date, date, Math.Round(minutes / 60.0, 2)));
            }
        }
        return new(From(facts, from), items);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{Number(signal.Value, language)} uur ongeoorloofd in {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}: {Days(signal.Evidence, language)}",
        $"{Number(signal.Value, language)} hours unauthorised in {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}: {Days(signal.Evidence, language)}");
}

/// <summary>LATE-REP: school policy on repeated lateness — late arrivals in the last 4 school weeks ≥ 3.</summary>
internal sealed class LateRep(LateRepSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.LateRep;

    public override Phrase Label => Phrase.Of($"Herhaald te laat: {settings.MinLates}× in {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}", $"Repeatedly late");

    public override Owner Owner => Owner.Mentor;

    public override double Threshold => settings.MinLates;

    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountLateArrivals(facts.WeeksFrom(settings.SchoolWeeks));
        return value >= settings.MinLates;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.CountLateArrivals(facts.First) >= settings.MinLates;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var items = facts.NewEvidence();
        foreach (var record in facts.Records)
        {
            if (record.Day >= from && record.LateArrivals > 0)
                items.Add(new EvidenceItem(facts.Date(record.Day), facts.Date(record.Day), record.LateArrivals));
        }
        return new(From(facts, from), items);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{Number(signal.Value, language)}× te laat in {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}: {Days(signal.Evidence, language)}",
        $"{Number(signal.Value, language)}× late in {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}: {Days(signal.Evidence, language)}");
}
