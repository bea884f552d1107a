using AanwezigheidsAnalyse.Localization;
using NodaTime;
using static AanwezigheidsAnalyse.Rules.EvidenceWords;

namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// ZZV-SHORT: "in een periode van twee maanden drie keer (of meer) één of twee dagen ziek gemeld" — sick episodes
/// of 1–2 school days that started in the last 2 months ≥ 3. An episode still running at T counts with the
/// length it has reached.
/// </summary>
internal sealed class ZzvShort(ZzvShortSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.ZzvShort;

    public override Phrase Label => Phrase.Of(
        $"Vaak kort ziek: {settings.MinEpisodes}× of vaker {Counted.ShortDays(Language.Dutch, settings.MaxEpisodeDays)} ziek in {Counted.Months(Language.Dutch, settings.Months)}",
        $"Frequent short sickness");

    public override Owner Owner => Owner.Jeugdarts;

    public override double Threshold => settings.MinEpisodes;

    // Episodes are runs of sick days, and sick days are days of records.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountEpisodesStarted(facts.MonthsFrom(settings.Months), settings.MaxEpisodeDays);
        return value >= settings.MinEpisodes;
    }

    // Every episode is short when it starts: the year's episodes of any length bound the short ones at any date.
    public override bool CanHoldBy(PupilFacts facts) => facts.Episodes.Length >= settings.MinEpisodes;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.MonthsFrom(settings.Months);
        return new(From(facts, from), EpisodesFrom(facts, from, settings.MaxEpisodeDays));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{signal.Evidence.Count}× kort ziek ({Counted.ShortDays(Language.Dutch, settings.MaxEpisodeDays)}) in {Counted.Months(Language.Dutch, settings.Months)}: {Days(signal.Evidence, language)}",
        $"{signal.Evidence.Count}× briefly sick ({Counted.ShortDays(Language.English, settings.MaxEpisodeDays)}) in {Counted.Months(Language.English, settings.Months)}: {Days(signal.Evidence, language)}");
}

/// <summary>
/// ZZV-LONG ("onduidelijk ziekteverzuim van meer dan tien schooldagen achtereen": min_days 11) and MAZL-LONG
/// ("de 7e aaneengesloten schooldag ziek": min_days 7): a sick episode of at least min_days school days is
/// running at T or ended in the last 4 school weeks.
/// </summary>
internal sealed class LongEpisode(CriterionId id, LongEpisodeSettings settings) : Criterion
{
    public override CriterionId Id => id;

    public override Phrase Label => id == CriterionId.ZzvLong
        ? Phrase.Of($"Lang ziek: meer dan {settings.MinDays - 1} schooldagen achter elkaar", $"Long sickness")
        : Phrase.Of($"M@ZL: {settings.MinDays}e schooldag aaneengesloten ziek", $"M@ZL: {Counted.Ordinal(settings.MinDays)} consecutive sick day");

    public override Owner Owner => Owner.Jeugdarts;

    public override double Threshold => settings.MinDays;

    // Episodes are runs of sick days, and sick days are days of records.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        var episode = facts.LongestEpisodeEndedFrom(facts.WeeksFrom(settings.EndedWithinSchoolWeeks));
        value = episode?.Length ?? 0;
        return value >= settings.MinDays;
    }

    public override bool CanHoldBy(PupilFacts facts) => (facts.LongestEpisodeEndedFrom(facts.First)?.Length ?? 0) >= settings.MinDays;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.EndedWithinSchoolWeeks);
        var episode = facts.LongestEpisodeEndedFrom(from)!.Value;
        return new(From(facts, from), [new EvidenceItem(facts.Date(episode.First), facts.Date(episode.Last), episode.Length)]);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"ziek {Day(signal.Evidence[0].First, language)} – {Day(signal.Evidence[0].Last, language)}: {Number(signal.Value, language)} schooldagen aaneengesloten",
        $"sick {Day(signal.Evidence[0].First, language)} – {Day(signal.Evidence[0].Last, language)}: {Number(signal.Value, language)} consecutive school days");
}

/// <summary>ZZV-MONTH: "meer dan vier dagen ziek gemeld verspreid over de afgelopen maand" — sick days in the last month &gt; 4.</summary>
internal sealed class ZzvMonth(ZzvMonthSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.ZzvMonth;

    public override Phrase Label => Phrase.Of(
        $"Veel ziek: meer dan {settings.MoreThanDays} dagen ziek in {Counted.LastMonths(Language.Dutch, settings.Months)}", $"Many sick days in {Counted.LastMonths(Language.English, settings.Months)}");

    public override Owner Owner => Owner.Jeugdarts;

    public override double Threshold => settings.MoreThanDays;

    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountSickDays(facts.MonthsFrom(settings.Months));
        return value > settings.MoreThanDays;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.CountSickDays(facts.First) > settings.MoreThanDays;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.MonthsFrom(settings.Months);
        return new(From(facts, from), DaysOf(facts, facts.SickDays, from));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{signal.Evidence.Count} ziektedagen in {Counted.LastMonths(Language.Dutch, settings.Months)}: {Days(signal.Evidence, language)}",
        $"{signal.Evidence.Count} sick days in {Counted.LastMonths(Language.English, settings.Months)}: {Days(signal.Evidence, language)}");
}

/// <summary>ZZV-HOME: "opvallend ziekteverzuim, bijvoorbeeld regelmatig ziek naar huis" — sent-home-sick days in the last 2 months ≥ 2.</summary>
internal sealed class ZzvHome(ZzvHomeSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.ZzvHome;

    public override Phrase Label => new("Regelmatig ziek naar huis", "Often sent home sick");

    public override Owner Owner => Owner.Jeugdarts;

    public override double Threshold => settings.MinDays;

    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountSentHomeDays(facts.MonthsFrom(settings.Months));
        return value >= settings.MinDays;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.CountSentHomeDays(facts.First) >= settings.MinDays;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.MonthsFrom(settings.Months);
        return new(From(facts, from), DaysOf(facts, facts.SentHomeDays, from));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{signal.Evidence.Count}× ziek naar huis in {Counted.Months(Language.Dutch, settings.Months)}: {Days(signal.Evidence, language)}",
        $"{signal.Evidence.Count}× sent home sick in {Counted.Months(Language.English, settings.Months)}: {Days(signal.Evidence, language)}");
}

/// <summary>MAZL-FREQ: "de 4e ziekmelding binnen 12 schoolweken" — sick episodes that started in the last 12 school weeks ≥ 4.</summary>
internal sealed class MazlFreq(MazlFreqSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.MazlFreq;

    public override Phrase Label => Phrase.Of(
        $"M@ZL: {settings.MinEpisodes}e ziekmelding binnen {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}",
        $"M@ZL: {Counted.Ordinal(settings.MinEpisodes)} sick report in {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}");

    public override Owner Owner => Owner.Jeugdarts;

    public override double Threshold => settings.MinEpisodes;

    // Episodes are runs of sick days, and sick days are days of records.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountEpisodesStarted(facts.WeeksFrom(settings.SchoolWeeks));
        return value >= settings.MinEpisodes;
    }

    public override bool CanHoldBy(PupilFacts facts) => facts.Episodes.Length >= settings.MinEpisodes;

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        return new(From(facts, from), EpisodesFrom(facts, from));
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"{signal.Evidence.Count}e ziekmelding binnen {Counted.SchoolWeeks(Language.Dutch, settings.SchoolWeeks)}: {Starts(signal.Evidence, language)}",
        $"sick report no. {signal.Evidence.Count} within {Counted.SchoolWeeks(Language.English, settings.SchoolWeeks)}: {Starts(signal.Evidence, language)}");
}

/// <summary>
/// MAZL-PATTERN: "ziekteverzuim op vaste momenten". No source gives numbers; this is the project's
/// operationalisation (criteria §2): of the sick episodes that started in the last 12 school weeks, ≥ 3 started on
/// the same weekday, or ≥ 2 include the last school day before or the first school day after a holiday of a
/// week or more (summer included). Counting episode starts keeps one long illness from looking like a pattern.
/// The value is the larger of the two counts relative to its threshold; the threshold written is the weekday one.
/// </summary>
internal sealed class MazlPattern(MazlPatternSettings settings) : Criterion
{
    public override CriterionId Id => CriterionId.MazlPattern;

    public override Phrase Label => new("Ziek op vaste momenten (zelfde weekdag, rond vakanties)", "Sickness on fixed moments");

    public override Owner Owner => Owner.Jeugdarts;

    public override double Threshold => settings.MinSameWeekday;

    // Episodes are runs of sick days, and sick days are days of records.
    public override bool StartsOnlyWithARecord => true;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        Count(facts, facts.WeeksFrom(settings.SchoolWeeks), out var sameWeekday, out _, out var aroundHoliday);
        // The value is the count of the test that holds, the same weekday first: it is written beside that test's
        // threshold (AppliedThreshold).
        var byHolidays = sameWeekday < settings.MinSameWeekday && aroundHoliday >= settings.MinAroundHoliday;
        value = byHolidays ? aroundHoliday : sameWeekday;
        return byHolidays || sameWeekday >= settings.MinSameWeekday;
    }

    // Met around holidays only, the value is that count, compared with its own (lower) threshold.
    public override double AppliedThreshold(PupilFacts facts)
    {
        Count(facts, facts.WeeksFrom(settings.SchoolWeeks), out var sameWeekday, out _, out var aroundHoliday);
        return sameWeekday < settings.MinSameWeekday && aroundHoliday >= settings.MinAroundHoliday ? settings.MinAroundHoliday : settings.MinSameWeekday;
    }

    // Both counts over the whole year: an episode cut at an earlier date starts on the same day and has no more days.
    public override bool CanHoldBy(PupilFacts facts)
    {
        Count(facts, facts.First, out var sameWeekday, out _, out var aroundHoliday);
        return aroundHoliday >= settings.MinAroundHoliday || sameWeekday >= settings.MinSameWeekday;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        Count(facts, from, out var sameWeekday, out var weekday, out var aroundHoliday);
        var boundaries = facts.AsOf.Calendar.BreakBoundaries(settings.HolidayMinDays);
        var items = facts.NewEvidence();
        foreach (var episode in facts.Episodes)
        {
            if (episode.First < from)
                continue;
            var byWeekday = sameWeekday >= settings.MinSameWeekday && facts.Weekday(episode.First) == weekday;
            var byHoliday = aroundHoliday >= settings.MinAroundHoliday
                && Internals.Bits.Count(boundaries, episode.First, episode.Last) > 0;
            if (byWeekday || byHoliday)
                items.Add(new EvidenceItem(facts.Date(episode.First), facts.Date(episode.Last)));
        }
        return new(From(facts, from), items);
    }

    public override string Describe(Signal signal, Language language) => language.Format(
        $"ziekmeldingen op vaste momenten: {Moments(signal.Evidence, language)}",
        $"sick reports on fixed moments: {Moments(signal.Evidence, language)}");

    /// <summary>Of the episodes started on or after <paramref name="from"/>: the most on one weekday, and those around a holiday.</summary>
    private void Count(PupilFacts facts, int from, out int sameWeekday, out IsoDayOfWeek weekday, out int aroundHoliday)
    {
        aroundHoliday = 0;
        sameWeekday = 0;
        weekday = IsoDayOfWeek.None;
        var episodes = facts.Episodes;
        if (episodes.IsEmpty || episodes[^1].First < from)
            return; // most pupils at most week ends: nothing to count
        Span<int> perWeekday = stackalloc int[8];
        var boundaries = facts.AsOf.Calendar.BreakBoundaries(settings.HolidayMinDays);
        for (var e = episodes.Length - 1; e >= 0 && episodes[e].First >= from; e--)
        {
            perWeekday[(int)facts.Weekday(episodes[e].First)]++;
            if (Internals.Bits.Count(boundaries, episodes[e].First, episodes[e].Last) > 0)
                aroundHoliday++;
        }
        for (var d = 1; d <= 7; d++)
        {
            if (perWeekday[d] > sameWeekday)
            {
                sameWeekday = perWeekday[d];
                weekday = (IsoDayOfWeek)d;
            }
        }
    }
}
