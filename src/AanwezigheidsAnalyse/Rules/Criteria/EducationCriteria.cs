using AanwezigheidsAnalyse.Localization;
using NodaTime;
using static AanwezigheidsAnalyse.Rules.EvidenceWords;

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
    public override CriterionId Id => CriterionId.Lr50;

    public override Phrase Label => Phrase.Of(
        $"Minder dan {Counted.Percent(settings.FractionBelow)} onderwijs, langer dan {Counted.SchoolWeeks(Language.Dutch, settings.MoreThanWeeks)} (risicoleerling)",
        $"Under {Counted.Percent(settings.FractionBelow)} of education for over {Counted.Weeks(Language.English, settings.MoreThanWeeks)}");

    public override Owner Owner => Owner.Zorgcoordinator;

    // Leerrecht is the leerplichtambtenaar's to guard too (criteria §6): on both lists.
    public override IReadOnlyList<Owner> Owners { get; } = [Owner.Zorgcoordinator, Owner.Leerplicht];

    public override Phrase PickedUpBy => new("zorgcoördinator + leerplicht (leerrecht)", "care coordinator + attendance officer (right to education)");

    public override double Threshold => settings.MoreThanWeeks;

    // A week without records is attended in full: below a fraction of at most 1 only with absence in it.
    public override bool StartsOnlyWithARecord => settings.FractionBelow <= 1;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.WeeksBelow(settings.FractionBelow);
        return value > settings.MoreThanWeeks;
    }

    // Below a fraction of at most 1, a week has absent minutes: the run needs that many weeks with absence.
    public override bool CanHoldBy(PupilFacts facts) => !(settings.FractionBelow <= 1) || facts.CountWeeksWithAbsence() > settings.MoreThanWeeks;

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
        var kind = share <= settings.GeoorloofdMaxUnauthorizedShare ? AbsenceKind.Geoorloofd
            : share >= settings.OngeoorloofdMinUnauthorizedShare ? AbsenceKind.Ongeoorloofd
            : AbsenceKind.Gemengd;
        return new(From(facts, facts.RunStart(weeks)), WeeksOf(facts, weeks), kind);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{Number(signal.Value, language)} schoolweken onder {Counted.Percent(settings.FractionBelow)} onderwijs ({signal.AbsenceKind?.Code()}); aanwezig per week: {Weeks(signal.Evidence, language)}",
        $"{Number(signal.Value, language)} school weeks under {Counted.Percent(settings.FractionBelow)} education ({signal.AbsenceKind switch { AbsenceKind.Geoorloofd => "authorised", AbsenceKind.Ongeoorloofd => "unauthorised", _ => "mixed" }}); attended per week: {Weeks(signal.Evidence, language)}");
}

/// <summary>TZ-0: as LR-50, with every week of the run at fraction 0 — a thuiszitter in the strict sense: 0 % onderwijs.</summary>
internal sealed class Tz0(WeeksSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.Tz0;

    public override Phrase Label => Phrase.Of($"Thuiszitter: geen onderwijs, langer dan {Counted.SchoolWeeks(Language.Dutch, settings.MoreThanWeeks)}", $"At home: no education for over {Counted.Weeks(Language.English, settings.MoreThanWeeks)}");

    public override Owner Owner => Owner.Leerplicht;

    public override Phrase PickedUpBy => new("leerplicht + samenwerkingsverband", "attendance officer + samenwerkingsverband");

    public override double Threshold => settings.MoreThanWeeks;

    // A week without records has education in it.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.WeeksWithoutEducation();
        return value > settings.MoreThanWeeks;
    }

    // A week without education is all absent.
    public override bool CanHoldBy(PupilFacts facts) => facts.CountWeeksWithAbsence() > settings.MoreThanWeeks;

    public override Explanation Explain(PupilFacts facts)
    {
        var weeks = facts.WeeksWithoutEducation();
        return new(From(facts, facts.RunStart(weeks)), WeeksOf(facts, weeks));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{Number(signal.Value, language)} schoolweken zonder onderwijs, sinds {Day(signal.Evidence[0].First, language)}",
        $"{Number(signal.Value, language)} school weeks without education, since {Day(signal.Evidence[0].First, language)}");
}

/// <summary>
/// TZ-LPW: langdurig relatief verzuim, "langer dan vier weken ongeoorloofd" — &gt; 4 consecutive school weeks,
/// ending with the week of T, each with fraction 0 and unauthorized minutes ≥ 50 % of scheduled.
/// </summary>
internal sealed class TzLpw(TzLpwSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.TzLpw;

    public override Phrase Label => Phrase.Of($"Langdurig relatief verzuim (> {Counted.SchoolWeeks(Language.Dutch, settings.MoreThanWeeks)} ongeoorloofd)", $"Long-term unauthorised absence");

    public override Owner Owner => Owner.Leerplicht;

    public override double Threshold => settings.MoreThanWeeks;

    // A week without records has education in it.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.WeeksWithoutEducation(settings.MinUnauthorizedShare);
        return value > settings.MoreThanWeeks;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.CountWeeksWithAbsence() > settings.MoreThanWeeks;

    public override Explanation Explain(PupilFacts facts)
    {
        var weeks = facts.WeeksWithoutEducation(settings.MinUnauthorizedShare);
        return new(From(facts, facts.RunStart(weeks)), WeeksOf(facts, weeks));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{Number(signal.Value, language)} schoolweken zonder onderwijs, vooral ongeoorloofd, sinds {Day(signal.Evidence[0].First, language)}",
        $"{Number(signal.Value, language)} school weeks without education, mostly unauthorised, since {Day(signal.Evidence[0].First, language)}");
}

/// <summary>
/// TZ-3M: Thuiszitterspact, "geen kind langer dan drie maanden thuis zonder passend aanbod" — TZ-0 or TZ-LPW
/// holds and its run started more than 3 months before T. The value is the run's length in school weeks.
/// </summary>
/// <remarks>The ledger holds one school year: a run that began before the summer is seen from the year's first week.</remarks>
internal sealed class Tz3m(Tz3mSettings settings, WeeksSettings tz0, TzLpwSettings tzLpw) : Criterion
{
    public override CriterionId Id => CriterionId.Tz3m;

    public override Phrase Label => Phrase.Of($"Thuiszitter langer dan {Counted.Months(Language.Dutch, settings.MoreThanMonths)} (Thuiszitterspact)", $"At home for over {Counted.Months(Language.English, settings.MoreThanMonths)}");

    public override Owner Owner => Owner.Leerplicht;

    public override Phrase PickedUpBy => new("leerplicht + samenwerkingsverband, escaleren", "attendance officer + samenwerkingsverband, escalate");

    public override double Threshold => settings.MoreThanMonths;

    public override bool Evaluate(PupilFacts facts, out double value) => Run(facts, out value);

    // Either run is of weeks without education (the unauthorized one a part of the other), all absent.
    public override bool CanHoldBy(PupilFacts facts) => facts.CountWeeksWithAbsence() > Math.Min(tz0.MoreThanWeeks, tzLpw.MoreThanWeeks);

    public override Explanation Explain(PupilFacts facts)
    {
        Run(facts, out var weeks);
        return new(From(facts, facts.RunStart((int)weeks)), WeeksOf(facts, (int)weeks));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"thuis sinds {Day(signal.Evidence[0].First, language)} ({Number(signal.Value, language)} schoolweken)",
        $"at home since {Day(signal.Evidence[0].First, language)} ({Number(signal.Value, language)} school weeks)");

    private bool Run(PupilFacts facts, out double weeks)
    {
        // The date three months back only for a run long enough (most pupils at most week ends have none).
        var zero = facts.WeeksWithoutEducation();
        if (zero > tz0.MoreThanWeeks && facts.Date(facts.RunStart(zero)) < Cutoff(facts))
        {
            weeks = zero;
            return true;
        }
        var unauthorized = facts.WeeksWithoutEducation(tzLpw.MinUnauthorizedShare);
        if (unauthorized > tzLpw.MoreThanWeeks && facts.Date(facts.RunStart(unauthorized)) < Cutoff(facts))
        {
            weeks = unauthorized;
            return true;
        }
        weeks = Math.Max(zero, unauthorized);
        return false;
    }

    private LocalDate Cutoff(PupilFacts facts) => facts.AsOf.Date.PlusMonths(-settings.MoreThanMonths);
}
