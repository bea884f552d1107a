using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// One hand-worked example per criterion, at its boundary, on the 2025-2026 calendar of region midden
/// (herfstvakantie 18–26 October). The vo-standaard timetable schedules 7 lessons of 50 minutes (350 a day).
/// Each test names the docs/criteria.md sentence it checks.
/// </summary>
public class CriteriaBoundaryTest
{
    /// <summary>Registrations for one pupil, written the way a school would describe them; each evaluation builds a fresh ledger.</summary>
    private sealed class Pupil
    {
        private readonly List<Action<LedgerBuilder, int>> _registrations = [];

        private static int Day(string date)
        {
            var day = Midden2025.IndexOf(D(date));
            Assert.True(day >= 0, $"{date} is no school day");
            return day;
        }

        private Pupil Add(Action<LedgerBuilder, int> registration)
        {
            _registrations.Add(registration);
            return this;
        }

        /// <summary>Sick for <paramref name="schoolDays"/> consecutive school days from <paramref name="first"/>.</summary>
        public Pupil Sick(string first, int schoolDays = 1) => Add((b, p) =>
        {
            for (var d = Day(first); d < Day(first) + schoolDays; d++)
                b.RegisterWholeDay(p, d, Category.Sick);
        });

        public Pupil SentHome(string date) => Add((b, p) =>
        {
            for (var s = 5; s <= 7; s++)
                b.RegisterSlot(p, Day(date), s, Category.SentHomeSick);
        });

        public Pupil Slots(string date, Category category, int count) => Add((b, p) =>
        {
            for (var s = 1; s <= count; s++)
                b.RegisterSlot(p, Day(date), s, category);
        });

        public Pupil Minutes(string date, Category category, int minutes) =>
            Add((b, p) => b.RegisterMinutes(p, Day(date), category, minutes, 0));

        /// <summary>Every school day of <paramref name="weeks"/> school weeks from the Monday <paramref name="monday"/>: lessons <paramref name="firstSlot"/>..<paramref name="lastSlot"/> in <paramref name="category"/>.</summary>
        public Pupil Weeks(string monday, int weeks, Category category, int firstSlot = 1, int lastSlot = 7) => Add((b, p) =>
        {
            var from = Day(monday);
            var week = Midden2025.WeekOf(from);
            for (var d = from; d < Midden2025.DayCount && Midden2025.WeekOf(d) < week + weeks; d++)
            {
                for (var s = firstSlot; s <= lastSlot; s++)
                    b.RegisterSlot(p, d, s, category);
            }
        });

        /// <summary>A whole day of vrijstelling: no scheduled time that day.</summary>
        public Pupil Exempt(string date) => Add((b, p) => b.RegisterWholeDay(p, Day(date), Category.Exempt));

        /// <summary>On the roll from <paramref name="first"/> to the end of the year.</summary>
        public Pupil Enrolled(string first) => Add((b, p) => b.SetEnrolment(p, new AanwezigheidsAnalyse.Calendar.SchoolDayRange(Day(first), Midden2025.DayCount - 1)));

        public bool Meets(string asOf, CriterionId criterion) => Evaluate(asOf).Met.Contains(criterion);

        public PupilResult Evaluate(string asOf) => Evaluate(asOf, out _, out _);

        /// <summary>The signal of a met criterion, as signals.parquet gets it.</summary>
        public Signal Signal(string asOf, CriterionId criterion)
        {
            var result = Evaluate(asOf, out var engine, out var ledger);
            var signals = new List<Signal>();
            new SignalExplainer(engine, ledger).Explain(0, new AsOf(Midden2025, D(asOf)), result.Met, signals);
            return Assert.Single(signals, s => s.Criterion == criterion);
        }

        private PupilResult Evaluate(string asOf, out RulesEngine engine, out DayLedger ledger)
        {
            var builder = new LedgerBuilder(Midden2025);
            var pupil = builder.PupilFor(builder.SchoolFor(""), "1");
            foreach (var registration in _registrations)
                registration(builder, pupil);
            ledger = builder.Build(Timetable.Bundled("vo-standaard"), fullRegister: false);
            engine = new RulesEngine(Policy.Default);
            engine.Evaluate(engine.NewFacts(ledger), 0, new AsOf(Midden2025, D(asOf)), out var result);
            return result;
        }
    }

    [Fact]
    public void ZzvShort_TwoVersusThreeShortEpisodesInTwoMonths()
    {
        // "in een periode van twee maanden drie keer (of meer) één of twee dagen ziek gemeld"
        var two = new Pupil().Sick("2025-10-01").Sick("2025-11-04", 2);
        Assert.False(two.Meets("2025-11-28", CriterionId.ZzvShort));
        Assert.True(two.Sick("2025-11-20").Meets("2025-11-28", CriterionId.ZzvShort));
        // A 3-day episode is not short; an episode that started on T − 2 months (28 Sep) is outside (T − 2 months, T].
        Assert.False(new Pupil().Sick("2025-10-01").Sick("2025-11-04", 2).Sick("2025-11-17", 3).Meets("2025-11-28", CriterionId.ZzvShort));
        Assert.False(new Pupil().Sick("2025-09-26").Sick("2025-11-04").Sick("2025-11-20").Meets("2025-11-26", CriterionId.ZzvShort));
        Assert.True(new Pupil().Sick("2025-09-29").Sick("2025-11-04").Sick("2025-11-20").Meets("2025-11-28", CriterionId.ZzvShort));
    }

    [Fact]
    public void ZzvLong_TenVersusElevenSchoolDaysAcrossAWeekend()
    {
        // "onduidelijk ziekteverzuim van meer dan tien schooldagen achtereen"; weekends do not break the run.
        Assert.False(new Pupil().Sick("2025-11-03", 10).Meets("2025-11-14", CriterionId.ZzvLong));
        Assert.True(new Pupil().Sick("2025-11-03", 11).Meets("2025-11-17", CriterionId.ZzvLong));
        // Ended in the last 4 school weeks still counts; ended before them does not.
        Assert.True(new Pupil().Sick("2025-11-03", 11).Meets("2025-12-12", CriterionId.ZzvLong));
        Assert.False(new Pupil().Sick("2025-09-01", 11).Meets("2025-12-12", CriterionId.ZzvLong));
    }

    [Fact]
    public void AnEpisode_RunsOverThePupilsDaysWithoutScheduledTime_NotOverAPresentDay()
    {
        // Sick every day of 17 November – 5 December but the Wednesdays: free (vrijstelling), one illness of 12 sick
        // days, the "7th consecutive school day" of M@ZL and more than 10 days of ZZV-LONG; not 4 reports in 12 weeks.
        Pupil Ill(bool wednesdaysFree)
        {
            var pupil = new Pupil();
            foreach (var monday in new[] { "2025-11-17", "2025-11-24", "2025-12-01" })
            {
                var date = D(monday);
                pupil.Sick(monday, 2).Sick(date.PlusDays(3).ToString("yyyy-MM-dd", null), 2);
                if (wednesdaysFree)
                    pupil.Exempt(date.PlusDays(2).ToString("yyyy-MM-dd", null));
            }
            return pupil;
        }
        var free = Ill(wednesdaysFree: true).Evaluate("2025-12-05");
        Assert.Contains(CriterionId.MazlLong, free.Met);
        Assert.Contains(CriterionId.ZzvLong, free.Met);
        Assert.DoesNotContain(CriterionId.MazlFreq, free.Met);
        // With the Wednesdays scheduled and attended, four reports: M@ZL's frequency, no long episode.
        var attended = Ill(wednesdaysFree: false).Evaluate("2025-12-05");
        Assert.Contains(CriterionId.MazlFreq, attended.Met);
        Assert.DoesNotContain(CriterionId.MazlLong, attended.Met);
        Assert.Equal(12, Ill(wednesdaysFree: true).Signal("2025-12-05", CriterionId.MazlLong).Value);
    }

    [Fact]
    public void ZzvMonth_FourVersusFiveSickDaysInTheLastMonth()
    {
        // "meer dan vier dagen ziek gemeld verspreid over de afgelopen maand": dates in (28 Oct, 28 Nov]
        var four = new Pupil().Sick("2025-10-29").Sick("2025-11-05").Sick("2025-11-12").Sick("2025-11-19");
        Assert.False(four.Meets("2025-11-28", CriterionId.ZzvMonth));
        Assert.True(four.Sick("2025-11-26").Meets("2025-11-28", CriterionId.ZzvMonth));
        // 28 Oct is T − 1 month for T = 28 Nov, so outside; for T = 27 Nov it lies in (27 Oct, 27 Nov].
        var onTheEdge = new Pupil().Sick("2025-10-28").Sick("2025-11-05").Sick("2025-11-12").Sick("2025-11-19").Sick("2025-11-26");
        Assert.False(onTheEdge.Meets("2025-11-28", CriterionId.ZzvMonth));
        Assert.True(onTheEdge.Meets("2025-11-27", CriterionId.ZzvMonth));
    }

    [Fact]
    public void ZzvHome_OneVersusTwoSentHomeDaysInTwoMonths()
    {
        // "opvallend ziekteverzuim, bijvoorbeeld regelmatig ziek naar huis"
        var once = new Pupil().SentHome("2025-10-08");
        Assert.False(once.Meets("2025-11-28", CriterionId.ZzvHome));
        Assert.True(once.SentHome("2025-11-25").Meets("2025-11-28", CriterionId.ZzvHome));
    }

    [Fact]
    public void MazlFreq_ThreeVersusFourEpisodesInTwelveSchoolWeeks()
    {
        // "de 4e ziekmelding binnen 12 schoolweken": 12 school weeks up to 28 Nov start on 1 Sep (herfst skipped).
        var three = new Pupil().Sick("2025-09-01", 3).Sick("2025-10-06").Sick("2025-11-10", 2);
        Assert.False(three.Meets("2025-11-28", CriterionId.MazlFreq));
        Assert.True(three.Sick("2025-11-24").Meets("2025-11-28", CriterionId.MazlFreq));
        // A week later the episode of 1 September falls out of the 12 school weeks.
        Assert.False(three.Meets("2025-12-05", CriterionId.MazlFreq));
    }

    [Fact]
    public void MazlLong_SixVersusSevenConsecutiveSchoolDays_AcrossTheHerfstvakantie()
    {
        // "de 7e aaneengesloten schooldag ziek": 15–17 Oct and 27–30 Oct are 7 school days in a row.
        Assert.False(new Pupil().Sick("2025-10-15", 6).Meets("2025-10-29", CriterionId.MazlLong));
        Assert.True(new Pupil().Sick("2025-10-15", 7).Meets("2025-10-30", CriterionId.MazlLong));
        Assert.False(new Pupil().Sick("2025-10-15", 7).Meets("2025-10-29", CriterionId.MazlLong)); // the 7th day is not reached yet
    }

    [Fact]
    public void MazlPattern_TwoVersusThreeMondays_AndOneVersusTwoAroundHolidays()
    {
        // "ziekteverzuim op vaste momenten" (our operationalisation): 3 episode starts on one weekday …
        var mondays = new Pupil().Sick("2025-09-29").Sick("2025-11-03");
        Assert.False(mondays.Meets("2025-11-28", CriterionId.MazlPattern));
        Assert.True(mondays.Sick("2025-11-24").Meets("2025-11-28", CriterionId.MazlPattern));
        // … or 2 episodes that include the last school day before or the first after a holiday of a week or more.
        var aroundHerfst = new Pupil().Sick("2025-10-17");
        Assert.False(aroundHerfst.Meets("2025-12-19", CriterionId.MazlPattern));
        Assert.True(aroundHerfst.Sick("2025-12-19").Meets("2025-12-19", CriterionId.MazlPattern)); // the last day before the kerstvakantie
        // Sick on the Friday before and the Monday after the herfstvakantie is one episode (holidays do not break
        // a run), so it counts once: "counting episode starts keeps one long illness from looking like a pattern".
        Assert.False(new Pupil().Sick("2025-10-17").Sick("2025-10-27").Meets("2025-11-28", CriterionId.MazlPattern));
        // The summer counts: the first school day of the year is the first after a holiday.
        Assert.True(new Pupil().Sick("2025-09-01").Sick("2025-10-17").Meets("2025-10-31", CriterionId.MazlPattern));
    }

    [Fact]
    public void Lr50_FourVersusFiveWeeksBelowHalf()
    {
        // "geoorloofd structureel (langer dan vier weken aaneengesloten) minder dan 50 % onderwijs volgen":
        // 4 of 7 lessons authorized absent every day gives 43 % attendance.
        var four = new Pupil().Weeks("2025-11-03", 4, Category.AuthorizedOther, lastSlot: 4);
        Assert.False(four.Meets("2025-11-28", CriterionId.Lr50));
        Assert.Equal(4, four.Evaluate("2025-11-28").Measures.WeeksBelow50);
        var five = new Pupil().Weeks("2025-10-27", 5, Category.AuthorizedOther, lastSlot: 4);
        Assert.True(five.Meets("2025-11-28", CriterionId.Lr50));
        // 3 of 7 lessons absent leaves 57 % attendance: not below 50 %.
        Assert.False(new Pupil().Weeks("2025-10-27", 5, Category.ReducedTimetable, lastSlot: 3).Meets("2025-11-28", CriterionId.Lr50));
    }

    [Fact]
    public void Lr50_AWeekJustBelowHalf_IsShownBelowHalf()
    {
        // Five weeks of 874 of 1750 minutes attended (49.9 %): "aanwezig per week" said 50 % under a rule of "below 50 %".
        var pupil = new Pupil();
        for (var monday = D("2025-11-17"); monday <= D("2025-12-15"); monday = monday.PlusWeeks(1))
        {
            var day = monday.ToString("yyyy-MM-dd", null);
            pupil.Minutes(day, Category.AuthorizedOther, 350)
                .Minutes(monday.PlusDays(1).ToString("yyyy-MM-dd", null), Category.AuthorizedOther, 350)
                .Minutes(monday.PlusDays(2).ToString("yyyy-MM-dd", null), Category.AuthorizedOther, 176);
        }
        var signal = pupil.Signal("2025-12-19", CriterionId.Lr50);
        Assert.All(signal.Evidence, e => Assert.Equal(0.49, e.Amount));
        Assert.DoesNotContain("50%", Criteria().Single(c => c.Id == CriterionId.Lr50).Describe(signal, Language.Dutch).Split(':')[^1]);
    }

    private static IReadOnlyList<AanwezigheidsAnalyse.Rules.Criteria.Criterion> Criteria() => new RulesEngine(Policy.Default).Criteria;

    [Fact]
    public void MazlPattern_MetAroundHolidaysOnly_GivesThatCountAndItsOwnThreshold()
    {
        // Sick on the last school day before the herfstvakantie and before the kerstvakantie: 2 around holidays, the
        // threshold of that test (2), not the same-weekday one (3).
        var signal = new Pupil().Sick("2025-10-17").Sick("2025-12-19").Signal("2025-12-19", CriterionId.MazlPattern);
        Assert.Equal((2.0, 2.0), (signal.Value, signal.Threshold));
        var weekdays = new Pupil().Sick("2025-11-03").Sick("2025-11-10").Sick("2025-11-17").Signal("2025-11-28", CriterionId.MazlPattern);
        Assert.Equal((3.0, 3.0), (weekdays.Value, weekdays.Threshold));

        // In words, the moments show what makes them fixed: the weekday, and a run up to a holiday (first days alone
        // said "8 okt, 30 okt" for two illnesses around holidays: an explainability pass).
        var criterion = Criteria().Single(c => c.Id == CriterionId.MazlPattern);
        Assert.Equal("ziekmeldingen op vaste momenten: ma 3 nov, ma 10 nov, ma 17 nov", criterion.Describe(weekdays, Language.Dutch));
        var runs = new Pupil().Sick("2025-10-15").Sick("2025-10-16").Sick("2025-10-17").Sick("2025-12-18").Sick("2025-12-19").Signal("2025-12-19", CriterionId.MazlPattern);
        Assert.Equal("sick reports on fixed moments: Wed 15 Oct–Fri 17 Oct, Thu 18 Dec–Fri 19 Dec", criterion.Describe(runs, Language.English));
    }

    [Fact]
    public void Tz0_FourVersusFiveWeeksWithoutEducation()
    {
        // "as LR-50, with every week of the run at fraction 0": a thuiszitter in the strict sense.
        Assert.False(new Pupil().Weeks("2025-11-03", 4, Category.Sick).Meets("2025-11-28", CriterionId.Tz0));
        Assert.True(new Pupil().Weeks("2025-10-27", 5, Category.Sick).Meets("2025-11-28", CriterionId.Tz0));
        Assert.False(new Pupil().Weeks("2025-10-27", 5, Category.Sick, lastSlot: 6).Meets("2025-11-28", CriterionId.Tz0));
    }

    [Fact]
    public void TzLpw_FiveWeeksAtZero_UnauthorizedBelowVersusAtHalf()
    {
        // "> 4 consecutive school weeks … each with fraction 0 and unauthorized minutes ≥ 50 % of scheduled":
        // no lesson attended; 3 of 7 lessons unauthorized (the rest sick) is below half, 4 of 7 is above.
        var below = new Pupil().Weeks("2025-10-27", 5, Category.Unauthorized, lastSlot: 3).Weeks("2025-10-27", 5, Category.Sick, firstSlot: 4);
        Assert.True(below.Meets("2025-11-28", CriterionId.Tz0));
        Assert.False(below.Meets("2025-11-28", CriterionId.TzLpw));
        var above = new Pupil().Weeks("2025-10-27", 5, Category.Unauthorized, lastSlot: 4).Weeks("2025-10-27", 5, Category.Sick, firstSlot: 5);
        Assert.True(above.Meets("2025-11-28", CriterionId.TzLpw));
    }

    [Fact]
    public void Tz3m_RunStartingOnVersusBeforeThreeMonthsAgo()
    {
        // "TZ-0 or TZ-LPW holds and its run started more than 3 months before T": T = 19 Dec, T − 3 months = 19 Sep.
        var since22September = new Pupil().Weeks("2025-09-22", 12, Category.Sick);
        Assert.True(since22September.Meets("2025-12-19", CriterionId.Tz0));
        Assert.False(since22September.Meets("2025-12-19", CriterionId.Tz3m));
        Assert.True(new Pupil().Weeks("2025-09-15", 13, Category.Sick).Meets("2025-12-19", CriterionId.Tz3m));
    }

    [Fact]
    public void Tz3m_StartsInTheChristmasHolidayWithoutARecord()
    {
        // The three months move with T: on 2 Jan (T − 3 months = 2 Oct) the run since 22 Sep is long enough, on 19 Dec,
        // the last school day before, not. No school day lies between, so no record: TZ-3M does not start only with a
        // record, and first_met's walk back must evaluate it every day.
        var since22September = new Pupil().Weeks("2025-09-22", 12, Category.Sick);
        Assert.False(since22September.Meets("2025-12-19", CriterionId.Tz3m));
        Assert.True(since22September.Meets("2026-01-02", CriterionId.Tz3m));
        Assert.False(new RulesEngine(Policy.Default).Criterion(CriterionId.Tz3m).StartsOnlyWithARecord);
    }

    [Fact]
    public void Lpw16u_FifteenPointNineVersusSixteenHoursInFourSchoolWeeks()
    {
        // DUO: "in een periode van 4 aaneengesloten schoolweken minimaal 16 uur ongeoorloofd afwezig"
        var under = new Pupil().Minutes("2025-11-03", Category.Unauthorized, 350).Minutes("2025-11-10", Category.Unauthorized, 350)
            .Minutes("2025-11-26", Category.Unauthorized, 254);
        Assert.False(under.Meets("2025-11-28", CriterionId.Lpw16u));
        var at = new Pupil().Minutes("2025-11-03", Category.Unauthorized, 350).Minutes("2025-11-10", Category.Unauthorized, 350)
            .Minutes("2025-11-26", Category.Unauthorized, 260);
        var result = at.Evaluate("2025-11-28");
        Assert.True(result.Met.Contains(CriterionId.Lpw16u));
        Assert.Equal(1, result.Measures.DuoMeldingen);
    }

    [Fact]
    public void Lpw16u_SixteenHoursSpreadOverFiveSchoolWeeks_IsNoMelding()
    {
        // "the period … covers that day's school week and the next three school weeks": 16 hours over five
        // school weeks never reach 16 within one period (the start moves when a day falls past it).
        var spread = new Pupil().Minutes("2025-10-27", Category.Unauthorized, 200).Minutes("2025-11-03", Category.Unauthorized, 200)
            .Minutes("2025-11-10", Category.Unauthorized, 200).Minutes("2025-11-17", Category.Unauthorized, 200)
            .Minutes("2025-11-24", Category.Unauthorized, 200);
        Assert.False(spread.Meets("2025-11-28", CriterionId.Lpw16u));
        // The herfstvakantie week does not count: 13 Oct to 7 Nov is four school weeks, so this is a melding.
        var overHoliday = new Pupil().Minutes("2025-10-13", Category.Unauthorized, 320).Minutes("2025-10-27", Category.Unauthorized, 320)
            .Minutes("2025-11-07", Category.Unauthorized, 320);
        Assert.True(overHoliday.Meets("2025-11-07", CriterionId.Lpw16u));
    }

    [Fact]
    public void Prev10u_NinePointNineVersusTenHoursInFourSchoolWeeks()
    {
        // "tien uur verzuimen in vier weken al bij DUO melden als overig verzuim"
        Assert.False(new Pupil().Minutes("2025-11-05", Category.Unauthorized, 300).Minutes("2025-11-19", Category.Unauthorized, 294).Meets("2025-11-28", CriterionId.Prev10u));
        Assert.True(new Pupil().Minutes("2025-11-05", Category.Unauthorized, 300).Minutes("2025-11-19", Category.Unauthorized, 300).Meets("2025-11-28", CriterionId.Prev10u));
    }

    [Fact]
    public void LateRep_TwoVersusThreeLatesInFourSchoolWeeks()
    {
        // "late arrivals in the last 4 school weeks ≥ 3"
        var two = new Pupil().Slots("2025-11-04", Category.Late, 1).Slots("2025-11-12", Category.Late, 1);
        Assert.False(two.Meets("2025-11-28", CriterionId.LateRep));
        Assert.True(two.Slots("2025-11-27", Category.Late, 1).Meets("2025-11-28", CriterionId.LateRep));
    }

    [Fact]
    public void Kpa25_JustUnderVersusAQuarterAbsentInTwoSchoolWeeks()
    {
        // "missing at least 25 % of total school time for at least 2 weeks": 17–28 Nov schedules 3500 minutes.
        Assert.False(new Pupil().Minutes("2025-11-17", Category.AuthorizedOther, 350).Minutes("2025-11-18", Category.AuthorizedOther, 350)
            .Minutes("2025-11-19", Category.AuthorizedOther, 174).Meets("2025-11-28", CriterionId.Kpa25));
        Assert.True(new Pupil().Minutes("2025-11-17", Category.AuthorizedOther, 350).Minutes("2025-11-18", Category.AuthorizedOther, 350)
            .Minutes("2025-11-19", Category.AuthorizedOther, 175).Meets("2025-11-28", CriterionId.Kpa25));
    }

    [Fact]
    public void Kpa25_NeedsTheWholeTwoWeeks_NotTheFirstDaysOfTheYearOrOfAnEnrolment()
    {
        // "for at least 2 weeks": one sick day on the first school day of the year is all of the time there is, and
        // two sick days of a pupil enrolled on Monday 15 December are 40 % of that week: neither is two weeks.
        Assert.False(new Pupil().Sick("2025-09-01").Meets("2025-09-01", CriterionId.Kpa25));
        Assert.False(new Pupil().Sick("2025-09-01", 3).Meets("2025-09-05", CriterionId.Kpa25));
        Assert.True(new Pupil().Sick("2025-09-01", 3).Meets("2025-09-08", CriterionId.Kpa25)); // 3 of 6 days of two weeks
        var newcomer = new Pupil().Enrolled("2025-12-15").Sick("2025-12-15", 2);
        Assert.False(newcomer.Meets("2025-12-19", CriterionId.Kpa25));
        Assert.True(newcomer.Sick("2026-01-05", 3).Meets("2026-01-07", CriterionId.Kpa25)); // 5 of 8 days, from 15 December
        // A pupil on the roll since the Monday of the week before T's has the whole window.
        Assert.True(new Pupil().Enrolled("2025-12-08").Sick("2025-12-15", 3).Meets("2025-12-19", CriterionId.Kpa25));
    }

    [Fact]
    public void Kpa10In15_NineVersusTenAbsenceDays_AQuarterOfTheDayEach()
    {
        // "absences for at least 10 days … with an absence defined as 25 % or more of school time missed":
        // 2 of 7 lessons (29 %) make an absence day, 1 of 7 (14 %) does not.
        var pupil = new Pupil();
        var days = new[] { "2025-09-29", "2025-10-02", "2025-10-08", "2025-10-14", "2025-10-29", "2025-11-04", "2025-11-11", "2025-11-13", "2025-11-19" };
        foreach (var day in days)
            pupil.Slots(day, Category.AuthorizedOther, 2);
        pupil.Slots("2025-11-25", Category.AuthorizedOther, 1);
        Assert.False(pupil.Meets("2025-11-28", CriterionId.Kpa10In15));
        Assert.True(pupil.Slots("2025-11-26", Category.AuthorizedOther, 2).Meets("2025-11-28", CriterionId.Kpa10In15));
    }
}
