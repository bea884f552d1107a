namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// LR-50: "geoorloofd structureel (langer dan vier weken aaneengesloten) minder dan 50 % onderwijs volgen" — the
/// number of consecutive school weeks, ending with the week of T, whose attendance fraction is &lt; 0.50 is &gt; 4.
/// Lestijdverkorting counts as not following education. A week without scheduled time ends the run.
/// The signal carries absence_kind: geoorloofd (unauthorized ≤ 20 % of the run's absent minutes), ongeoorloofd
/// (≥ 80 %) or gemengd.
/// </summary>
internal sealed class Lr50(Lr50Settings settings) : Criterion
{
    public override string Id => CriterionIds.Lr50;

    public override double Threshold => settings.MoreThanWeeks;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.WeeksBelow(settings.FractionBelow);
        return value > settings.MoreThanWeeks;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var weeks = facts.WeeksBelow(settings.FractionBelow);
        long absent = 0, unauthorized = 0;
        for (var w = facts.AsOf.Week - weeks + 1; w <= facts.AsOf.Week; w++)
        {
            absent += facts.Week(w).Absent;
            unauthorized += facts.Week(w).Unauthorized;
        }
        var share = absent > 0 ? (double)unauthorized / absent : 0;
        var kind = share <= settings.GeoorloofdMaxUnauthorizedShare ? "geoorloofd"
            : share >= settings.OngeoorloofdMinUnauthorizedShare ? "ongeoorloofd"
            : "gemengd";
        return new(facts.RunStart(weeks), facts.Last, WeeksOf(facts, weeks), kind);
    }
}

/// <summary>TZ-0: as LR-50, with every week of the run at fraction 0 — a thuiszitter in the strict sense: 0 % onderwijs.</summary>
internal sealed class Tz0(WeeksSettings settings) : Criterion
{
    public override string Id => CriterionIds.Tz0;

    public override double Threshold => settings.MoreThanWeeks;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.WeeksWithoutEducation();
        return value > settings.MoreThanWeeks;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var weeks = facts.WeeksWithoutEducation();
        return new(facts.RunStart(weeks), facts.Last, WeeksOf(facts, weeks));
    }
}

/// <summary>
/// TZ-LPW: langdurig relatief verzuim, "langer dan vier weken ongeoorloofd" — &gt; 4 consecutive school weeks,
/// ending with the week of T, each with fraction 0 and unauthorized minutes ≥ 50 % of scheduled.
/// </summary>
internal sealed class TzLpw(TzLpwSettings settings) : Criterion
{
    public override string Id => CriterionIds.TzLpw;

    public override double Threshold => settings.MoreThanWeeks;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.WeeksWithoutEducation(settings.MinUnauthorizedShare);
        return value > settings.MoreThanWeeks;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var weeks = facts.WeeksWithoutEducation(settings.MinUnauthorizedShare);
        return new(facts.RunStart(weeks), facts.Last, WeeksOf(facts, weeks));
    }
}

/// <summary>
/// TZ-3M: Thuiszitterspact, "geen kind langer dan drie maanden thuis zonder passend aanbod" — TZ-0 or TZ-LPW
/// holds and its run started more than 3 months before T. The value is the run's length in school weeks.
/// </summary>
/// <remarks>The ledger holds one school year: a run that began before the summer is seen from the year's first week.</remarks>
internal sealed class Tz3m(Tz3mSettings settings, WeeksSettings tz0, TzLpwSettings tzLpw) : Criterion
{
    public override string Id => CriterionIds.Tz3m;

    public override double Threshold => settings.MoreThanMonths;

    public override bool Evaluate(PupilFacts facts, out double value) => Run(facts, out value, out _);

    public override Explanation Explain(PupilFacts facts)
    {
        Run(facts, out var weeks, out _);
        return new(facts.RunStart((int)weeks), facts.Last, WeeksOf(facts, (int)weeks));
    }

    private bool Run(PupilFacts facts, out double weeks, out int start)
    {
        var cutoff = facts.AsOf.Date.PlusMonths(-settings.MoreThanMonths);
        var zero = facts.WeeksWithoutEducation();
        if (zero > tz0.MoreThanWeeks && facts.Date(start = facts.RunStart(zero)) < cutoff)
        {
            weeks = zero;
            return true;
        }
        var unauthorized = facts.WeeksWithoutEducation(tzLpw.MinUnauthorizedShare);
        if (unauthorized > tzLpw.MoreThanWeeks && facts.Date(start = facts.RunStart(unauthorized)) < cutoff)
        {
            weeks = unauthorized;
            return true;
        }
        weeks = Math.Max(zero, unauthorized);
        start = -1;
        return false;
    }
}
