using AanwezigheidsAnalyse.Ledger;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ledger;

/// <summary>Hand-worked ledgers: the vo-standaard timetable schedules lesuur 1-7 of 50 minutes (350 a day).</summary>
public class LedgerBuilderTest
{
    private const string Header = "pupil_id;date;slot;minutes;status\n";

    [Fact]
    public void Build_SlotRows_GiveMinutesPerCategoryOnTheTimetable()
    {
        var ledger = Ingest(Header + """
            1;2025-09-01;1;;late
            1;2025-09-01;3;;sick
            """, D("2025-09-05")).Ledger;
        var day = Midden2025.IndexOf(D("2025-09-01"));
        var record = ledger.RecordOn(Pupil(ledger, "1"), day)!.Value;
        Assert.Equal(350, record.Scheduled);
        Assert.Equal(50, record.Minutes.Of(Category.Late));
        Assert.Equal(50, record.Minutes.Of(Category.Sick));
        Assert.Equal(50, record.Absent);
        Assert.Equal(1, record.LateArrivals);
    }

    [Fact]
    public void Build_SlotRegisteredTwiceWithOneCode_CountsOnce()
    {
        var result = Ingest(Header + "1;2025-09-01;3;;sick\n1;2025-09-01;3;;sick\n", D("2025-09-05"));
        var record = result.Ledger.RecordOn(0, 0)!.Value;
        Assert.Equal(50, record.Minutes.Of(Category.Sick));
        Assert.Equal(1, result.Ingest.Files[0].Duplicates);
    }

    [Theory]
    [InlineData("unauthorized", "sick", Category.Sick)]             // a reported reason replaces "absent, reason unknown"
    [InlineData("sick", "unauthorized", Category.Sick)]             // … in either order
    [InlineData("sick", "sent_home_sick", Category.SentHomeSick)]   // the more specific sickness
    [InlineData("late", "present", Category.Late)]
    [InlineData("sick", "exempt", Category.Exempt)]                 // vrijstelling removes the slot
    [InlineData("unauthorized", "reduced_timetable", Category.ReducedTimetable)]
    public void Build_SlotRegisteredWithTwoCodes_FollowsThePrecedence(string first, string second, Category winner)
    {
        var result = Ingest(Header + $"1;2025-09-01;3;;{first}\n1;2025-09-01;3;;{second}\n", D("2025-09-05"));
        var record = result.Ledger.RecordOn(0, 0)!.Value;
        if (winner == Category.Exempt)
        {
            Assert.Equal(300, record.Scheduled);
            Assert.Equal(0, record.Minutes.Total);
        }
        else
        {
            Assert.Equal(50, record.Minutes.Of(winner));
            Assert.Equal(50, record.Minutes.Total);
        }
        Assert.Equal(1, result.Ingest.Files[0].Conflicts);
    }

    [Fact]
    public void Build_WholeDayRow_CoversTheTimetabledSlots_AndASlotOutsideTheTimetableAddsScheduledTime()
    {
        // The 8th hour is outside the timetable: it adds 50 minutes, and the day's sickness covers it too.
        var ledger = Ingest(Header + "1;2025-09-02;;;sick\n1;2025-09-02;8;;unauthorized\n", D("2025-09-05")).Ledger;
        var record = ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(400, record.Scheduled);
        Assert.Equal(400, record.Minutes.Of(Category.Sick));
        Assert.Equal(0, record.UnauthorizedSlots);
    }

    /// <summary>
    /// A whole-day row and lesson rows of the same day: the precedence decides per lesson, as between two rows for one
    /// lesson. Before, the lesson rows always won: a pupil reported sick for three days, with its lessons marked
    /// absent-reason-unknown, came out at 17,5 unauthorised hours and on the DUO list.
    /// </summary>
    [Theory]
    [InlineData("sick", "unauthorized", 350, 0, 0)]            // the reported reason beats the provisional code
    [InlineData("authorized_other", "unauthorized", 0, 0, 0)]
    [InlineData("unauthorized", "sick", 350, 0, 0)]            // … in either place
    [InlineData("sick", "present", 350, 0, 0)]                 // any absence beats present
    [InlineData("present", "late", 0, 0, 7)]                   // late beats present, lesson by lesson
    [InlineData("exempt", "unauthorized", 0, 0, 0)]            // vrijstelling: nothing scheduled
    public void Build_WholeDayAndLessonRows_FollowThePrecedencePerLesson(string wholeDay, string lessons, int sick, int unauthorized, int late)
    {
        var rows = $"1;2025-09-02;;;{wholeDay}\n" + string.Concat(Enumerable.Range(1, 7).Select(s => $"1;2025-09-02;{s};;{lessons}\n"));
        var record = Ingest(Header + rows, D("2025-09-05")).Ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(wholeDay == "exempt" ? 0 : 350, record.Scheduled);
        Assert.Equal(sick, record.Minutes.Of(Category.Sick));
        Assert.Equal(unauthorized, record.Minutes.Of(Category.Unauthorized));
        Assert.Equal(unauthorized / 50, record.UnauthorizedSlots);
        Assert.Equal(late, record.LateArrivals);
        if (wholeDay == "authorized_other")
            Assert.Equal(350, record.Minutes.Of(Category.AuthorizedOther));
    }

    /// <summary>"Te laat" for the day is one arrival: at the first lesson the pupil attended, or none more when a lesson says it.</summary>
    [Theory]
    [InlineData("", 1, 0)]                              // at the first lesson; the rest of the day attended as timetabled
    [InlineData("1;2025-09-02;1;;unauthorized\n", 1, 50)]    // absent from lesson 1: arrived at a later one
    [InlineData("1;2025-09-02;1;;exempt\n", 1, 0)]
    [InlineData("1;2025-09-02;3;;late\n", 1, 0)]             // the lesson's own late is that arrival
    [InlineData("1;2025-09-02;3;;late\n1;2025-09-02;8;;late\n", 2, 0)] // two lessons late are two, the day adds none
    public void Build_WholeDayLate_IsOneLateArrival(string lessons, int arrivals, int absent)
    {
        var record = Ingest(Header + "1;2025-09-02;;;late\n" + lessons, D("2025-09-05")).Ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(arrivals, record.LateArrivals);
        Assert.Equal(absent, record.Absent);
        Assert.Equal(lessons.Contains("exempt", StringComparison.Ordinal) ? 300 : lessons.Contains(";8;", StringComparison.Ordinal) ? 400 : 350, record.Scheduled);
        Assert.True(record.Minutes.Of(Category.Late) >= 50);
    }

    /// <summary>
    /// Minutes rows (no slot) on a day registered as a whole fall inside that day: the precedence decides, as between
    /// rows of one lesson. Before, they were added on top and the day grew to fit: a day marked unauthorized with
    /// a sickness of 350 minutes was 700 minutes long and still 5,8 hours unauthorised.
    /// </summary>
    [Theory]
    [InlineData("unauthorized", "350;sick", 350, 350, 0, 0)]
    [InlineData("unauthorized", "100;sick", 350, 100, 250, 5)]  // the sickness takes its minutes out of the day's
    [InlineData("sick", "100;unauthorized", 350, 350, 0, 0)]    // the day's sickness covers the provisional code
    [InlineData("exempt", "100;sick", 0, 0, 0, 0)]              // an exempt day: nothing to fall on
    [InlineData("sick", "350;exempt", 0, 0, 0, 0)]              // a vrijstelling beats the sickness
    public void Build_WholeDayAndMinutesRows_FollowThePrecedence(string wholeDay, string minutes, int scheduled, int sick, int unauthorized, int unauthorizedSlots)
    {
        var record = Ingest(Header + $"1;2025-09-02;;;{wholeDay}\n1;2025-09-02;;{minutes}\n", D("2025-09-05")).Ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(scheduled, record.Scheduled);
        Assert.Equal(sick, record.Minutes.Of(Category.Sick));
        Assert.Equal(unauthorized, record.Minutes.Of(Category.Unauthorized));
        Assert.Equal(unauthorizedSlots, record.UnauthorizedSlots);
    }

    /// <summary>From a review: several claimants, the strongest first; a whole day late and one covering no lesson are days too.</summary>
    [Theory]
    [InlineData("unauthorized", "", "300;sick|300;suspended", "suspended:300 sick:50 unauthorized:0", 350)]
    [InlineData("unauthorized", "", "300;sick|300;sent_home_sick", "sent_home_sick:300 sick:50", 350)]
    [InlineData("late", "", "350;sick", "sick:350 late:0", 350)]                 // sick all day: no arrival, no longer day
    [InlineData("late", "", "600;sick", "sick:350", 350)]
    [InlineData("sick", "suspended", "100;unauthorized", "suspended:350 unauthorized:0", 350)] // lessons stronger than both
    public void Build_WholeDayAndMinutesRows_ClaimTheDay_StrongestFirst(string wholeDay, string lessons, string minutes, string expected, int scheduled)
    {
        var rows = $"1;2025-09-02;;;{wholeDay}\n"
            + (lessons.Length > 0 ? string.Concat(Enumerable.Range(1, 7).Select(s => $"1;2025-09-02;{s};;{lessons}\n")) : "")
            + string.Concat(minutes.Split('|').Select(m => $"1;2025-09-02;;{m}\n"));
        var record = Ingest(Header + rows, D("2025-09-05")).Ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(scheduled, record.Scheduled);
        foreach (var pair in expected.Split(' '))
        {
            var (name, value) = (pair.Split(':')[0], int.Parse(pair.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(value, record.Minutes.Of(Enum.GetValues<Category>().Single(c => c.Name() == name)));
        }
        if (wholeDay == "late")
            Assert.Equal(0, record.LateArrivals);
    }

    [Fact]
    public void Build_WholeDayLate_AndALateMinutesRow_AreOneArrival()
    {
        var record = Ingest(Header + "1;2025-09-02;;;late\n1;2025-09-02;;10;late\n", D("2025-09-05")).Ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(1, record.LateArrivals);
    }

    [Fact]
    public void Build_WholeDayLate_InAFullRegister_KeepsTheDaysLessons()
    {
        // A full register: a day without rows has no lessons, but a day registered late as a whole has all of its own.
        var rows = string.Concat(Enumerable.Range(1, 7).Select(s => $"1;2025-09-01;{s};;present\n")) + "1;2025-09-02;;;late\n";
        var result = Ingest(Header + rows, D("2025-09-05"));
        Assert.True(result.Ledger.FullRegister);
        var record = result.Ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-02")))!.Value;
        Assert.Equal(350, record.Scheduled);
        Assert.Equal(1, record.LateArrivals);
        Assert.Equal(0, record.Absent);
    }

    [Fact]
    public void Build_ExemptSlotAndMinutesRow_RemoveAndAddTime()
    {
        var ledger = Ingest(Header + "2;2025-09-03;2;;exempt\n2;2025-09-03;;60;sick\n2;2025-09-03;;60;sick\n", D("2025-09-05")).Ledger;
        var record = ledger.RecordOn(0, Midden2025.IndexOf(D("2025-09-03")))!.Value;
        Assert.Equal(300, record.Scheduled);
        Assert.Equal(60, record.Minutes.Of(Category.Sick));
    }

    [Fact]
    public void Totals_FirstWeek_AddsTimetabledDaysAndRecords()
    {
        // Pupil 1: Monday 1 Sep a late arrival and a sick lesson; Tuesday sick all day plus an unauthorized 8th hour.
        var ledger = Ingest(Header + """
            1;2025-09-01;1;;late
            1;2025-09-01;3;;sick
            1;2025-09-02;;;sick
            1;2025-09-02;8;;unauthorized
            """, D("2025-09-05")).Ledger;
        var totals = ledger.Totals(0, new(0, Midden2025.IndexOf(D("2025-09-05"))));
        Assert.Equal(5 * 350 + 50, totals.Scheduled);
        Assert.Equal(5, totals.ScheduledDays);
        Assert.Equal(50 + 350 + 50, totals.Absent);
        Assert.Equal(0.25, totals.Rate(), 10);
        Assert.Equal(450.0 / 1800, totals.Rate(Category.Sick), 10); // the day's sickness covers the 8th hour
    }

    [Fact]
    public void Build_FullRegister_TakesScheduledTimeFromTheRegister()
    {
        // More than half of the rows say present: a full register. Days without rows are not scheduled.
        var rows = string.Concat(Enumerable.Range(1, 7).Select(s => $"1;2025-09-01;{s};;present\n"))
            + "1;2025-09-02;1;;present\n1;2025-09-02;2;;sick\n";
        var result = Ingest(Header + rows, D("2025-09-05"));
        Assert.True(result.Ledger.FullRegister);
        var totals = result.Ledger.Totals(0, new(0, Midden2025.IndexOf(D("2025-09-05"))));
        Assert.Equal(9 * 50, totals.Scheduled);
        Assert.Equal(2, totals.ScheduledDays);
        Assert.Equal(50, totals.Absent);
    }
}
