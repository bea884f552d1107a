namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// LPW-16U: art. 21a Leerplichtwet; DUO: "in een periode van 4 aaneengesloten schoolweken minimaal 16 uur
/// ongeoorloofd afwezig" — a DUO melding (<see cref="DuoCount"/>) ended in the last 4 school weeks. The value is
/// the hours of the latest melding; the evidence lists every melding of the year so far.
/// </summary>
internal sealed class Lpw16u(Lpw16uSettings settings) : Criterion
{
    public override string Id => CriterionIds.Lpw16u;

    public override double Threshold => settings.Hours;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        var meldingen = facts.Meldingen;
        value = 0;
        if (meldingen.Count == 0)
            return false;
        var latest = meldingen[^1];
        value = Math.Round(latest.Hours, 2);
        return latest.End >= facts.WeeksFrom(settings.ReportedWithinSchoolWeeks);
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var meldingen = facts.Meldingen;
        return new(meldingen[^1].Begin, meldingen[^1].End,
            [.. meldingen.Select(m => new EvidenceItem(facts.Date(m.Begin), facts.Date(m.End), Math.Round(m.Hours, 2)))]);
    }
}

/// <summary>PREV-10U: "tien uur verzuimen in vier weken al bij DUO melden als overig verzuim" — unauthorized absence in the last 4 school weeks ≥ 10 hours.</summary>
internal sealed class Prev10u(Prev10uSettings settings) : Criterion
{
    public override string Id => CriterionIds.Prev10u;

    public override double Threshold => settings.MinHours;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.UnauthorizedMinutes(facts.WeeksFrom(settings.SchoolWeeks)) / 60.0;
        return value >= settings.MinHours;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var items = new List<EvidenceItem>();
        foreach (ref readonly var record in facts.Records)
        {
            if (record.Day >= from && facts.UnauthorizedOf(in record) > 0)
                items.Add(new EvidenceItem(facts.Date(record.Day), facts.Date(record.Day), Math.Round(facts.UnauthorizedOf(in record) / 60.0, 2)));
        }
        return new(from, facts.Last, items);
    }
}

/// <summary>LATE-REP: school policy on repeated lateness — late arrivals in the last 4 school weeks ≥ 3.</summary>
internal sealed class LateRep(LateRepSettings settings) : Criterion
{
    public override string Id => CriterionIds.LateRep;

    public override double Threshold => settings.MinLates;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var lates = 0;
        var records = facts.Records;
        for (var i = records.Length - 1; i >= 0 && records[i].Day >= from; i--)
            lates += records[i].LateArrivals;
        value = lates;
        return lates >= settings.MinLates;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        var items = new List<EvidenceItem>();
        foreach (ref readonly var record in facts.Records)
        {
            if (record.Day >= from && record.LateArrivals > 0)
                items.Add(new EvidenceItem(facts.Date(record.Day), facts.Date(record.Day), record.LateArrivals));
        }
        return new(from, facts.Last, items);
    }
}
