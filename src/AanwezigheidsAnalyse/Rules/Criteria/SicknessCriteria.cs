using NodaTime;

namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// ZZV-SHORT: "in een periode van twee maanden drie keer (of meer) één of twee dagen ziek gemeld" — sick episodes
/// of 1–2 school days that started in the last 2 months ≥ 3. An episode still running at T counts with the
/// length it has reached.
/// </summary>
internal sealed class ZzvShort(ZzvShortSettings settings) : Criterion
{
    public override string Id => CriterionIds.ZzvShort;

    public override double Threshold => settings.MinEpisodes;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountEpisodesStarted(facts.MonthsFrom(settings.Months), settings.MaxEpisodeDays);
        return value >= settings.MinEpisodes;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.MonthsFrom(settings.Months);
        return new(from, facts.Last, EpisodesFrom(facts, from, settings.MaxEpisodeDays));
    }
}

/// <summary>
/// ZZV-LONG ("onduidelijk ziekteverzuim van meer dan tien schooldagen achtereen": min_days 11) and MAZL-LONG
/// ("de 7e aaneengesloten schooldag ziek": min_days 7): a sick episode of at least min_days school days is
/// running at T or ended in the last 4 school weeks.
/// </summary>
internal sealed class LongEpisode(string id, LongEpisodeSettings settings) : Criterion
{
    public override string Id => id;

    public override double Threshold => settings.MinDays;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        var episode = facts.LongestEpisodeEndedFrom(facts.WeeksFrom(settings.EndedWithinSchoolWeeks));
        value = episode < 0 ? 0 : facts.EpisodeLength(episode);
        return value >= settings.MinDays;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.EndedWithinSchoolWeeks);
        var episode = facts.LongestEpisodeEndedFrom(from);
        return new(from, facts.Last,
            [new EvidenceItem(facts.Date(facts.EpisodeStart(episode)), facts.Date(facts.EpisodeEnd(episode)), facts.EpisodeLength(episode))]);
    }
}

/// <summary>ZZV-MONTH: "meer dan vier dagen ziek gemeld verspreid over de afgelopen maand" — sick days in the last month &gt; 4.</summary>
internal sealed class ZzvMonth(ZzvMonthSettings settings) : Criterion
{
    public override string Id => CriterionIds.ZzvMonth;

    public override double Threshold => settings.MoreThanDays;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountSickDays(facts.MonthsFrom(settings.Months));
        return value > settings.MoreThanDays;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.MonthsFrom(settings.Months);
        return new(from, facts.Last, DaysOf(facts, facts.SickDays, from));
    }
}

/// <summary>ZZV-HOME: "opvallend ziekteverzuim, bijvoorbeeld regelmatig ziek naar huis" — sent-home-sick days in the last 2 months ≥ 2.</summary>
internal sealed class ZzvHome(ZzvHomeSettings settings) : Criterion
{
    public override string Id => CriterionIds.ZzvHome;

    public override double Threshold => settings.MinDays;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountSentHomeDays(facts.MonthsFrom(settings.Months));
        return value >= settings.MinDays;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.MonthsFrom(settings.Months);
        return new(from, facts.Last, DaysOf(facts, facts.SentHomeDays, from));
    }
}

/// <summary>MAZL-FREQ: "de 4e ziekmelding binnen 12 schoolweken" — sick episodes that started in the last 12 school weeks ≥ 4.</summary>
internal sealed class MazlFreq(MazlFreqSettings settings) : Criterion
{
    public override string Id => CriterionIds.MazlFreq;

    public override double Threshold => settings.MinEpisodes;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        value = facts.CountEpisodesStarted(facts.WeeksFrom(settings.SchoolWeeks));
        return value >= settings.MinEpisodes;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        return new(from, facts.Last, EpisodesFrom(facts, from));
    }
}

/// <summary>
/// MAZL-PATTERN: "ziekteverzuim op vaste momenten". No source gives numbers; this is the project's
/// operationalisation (RULES §2): of the sick episodes that started in the last 12 school weeks, ≥ 3 started on
/// the same weekday, or ≥ 2 include the last school day before or the first school day after a holiday of a
/// week or more (summer included). Counting episode starts keeps one long illness from looking like a pattern.
/// The value is the larger of the two counts relative to its threshold; the threshold written is the weekday one.
/// </summary>
internal sealed class MazlPattern(MazlPatternSettings settings) : Criterion
{
    public override string Id => CriterionIds.MazlPattern;

    public override double Threshold => settings.MinSameWeekday;

    public override bool Evaluate(PupilFacts facts, out double value)
    {
        Count(facts, out var sameWeekday, out _, out var aroundHoliday);
        value = sameWeekday;
        if (aroundHoliday >= settings.MinAroundHoliday)
        {
            value = Math.Max(sameWeekday, aroundHoliday);
            return true;
        }
        return sameWeekday >= settings.MinSameWeekday;
    }

    public override Explanation Explain(PupilFacts facts)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        Count(facts, out var sameWeekday, out var weekday, out var aroundHoliday);
        var boundaries = facts.AsOf.Calendar.BreakBoundaries(settings.HolidayMinDays);
        var items = new List<EvidenceItem>();
        for (var e = 0; e < facts.EpisodeCount; e++)
        {
            var start = facts.EpisodeStart(e);
            if (start < from)
                continue;
            var byWeekday = sameWeekday >= settings.MinSameWeekday && facts.Date(start).DayOfWeek == weekday;
            var byHoliday = aroundHoliday >= settings.MinAroundHoliday
                && Internals.Bits.Count(boundaries, start, facts.EpisodeEnd(e)) > 0;
            if (byWeekday || byHoliday)
                items.Add(new EvidenceItem(facts.Date(start), facts.Date(facts.EpisodeEnd(e))));
        }
        return new(from, facts.Last, items);
    }

    private void Count(PupilFacts facts, out int sameWeekday, out IsoDayOfWeek weekday, out int aroundHoliday)
    {
        var from = facts.WeeksFrom(settings.SchoolWeeks);
        Span<int> perWeekday = stackalloc int[8];
        var boundaries = facts.AsOf.Calendar.BreakBoundaries(settings.HolidayMinDays);
        aroundHoliday = 0;
        for (var e = facts.EpisodeCount - 1; e >= 0 && facts.EpisodeStart(e) >= from; e--)
        {
            perWeekday[(int)facts.Date(facts.EpisodeStart(e)).DayOfWeek]++;
            if (Internals.Bits.Count(boundaries, facts.EpisodeStart(e), facts.EpisodeEnd(e)) > 0)
                aroundHoliday++;
        }
        sameWeekday = 0;
        weekday = IsoDayOfWeek.None;
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
