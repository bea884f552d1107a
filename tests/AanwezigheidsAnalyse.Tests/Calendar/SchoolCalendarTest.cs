using AanwezigheidsAnalyse.Calendar;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Calendar;

public class SchoolCalendarTest
{
    private static readonly SchoolCalendar Midden2025 = CalendarFactory.Create(new SchoolYear(2025), Region.Midden);

    private static LocalDate D(string text) => PublishedHolidaysTest.Parse(text);

    [Fact]
    public void IndexOf_Weekend_IsNoSchoolDay()
    {
        Assert.Equal(-1, Midden2025.IndexOf(D("2025-09-06")));
        Assert.Equal(-1, Midden2025.IndexOf(D("2025-09-07")));
        Assert.Equal(Midden2025.IndexOf(D("2025-09-05")) + 1, Midden2025.IndexOf(D("2025-09-08")));
    }

    [Fact]
    public void WeekOf_HolidayWeek_IsSkipped()
    {
        // "Four weeks" means four consecutive school weeks: the herfstvakantie week (20-24 Oct) is no school week.
        var before = Midden2025.WeekOf(Midden2025.IndexOf(D("2025-10-17")));
        var after = Midden2025.WeekOf(Midden2025.IndexOf(D("2025-10-27")));
        Assert.Equal(before + 1, after);
    }

    /// <summary>"The previous output is n school weeks old": last week's run across the herfstvakantie is 1, not 2.</summary>
    [Theory]
    [InlineData("2025-10-17", "2025-10-31", 1)] // Friday before the herfstvakantie, Friday after it
    [InlineData("2025-10-20", "2025-10-31", 1)] // a run dated in the holiday reads the week before it
    [InlineData("2025-10-10", "2025-10-31", 2)]
    [InlineData("2025-10-27", "2025-10-31", 0)]
    [InlineData("2025-10-31", "2025-11-03", 1)] // Friday to Monday
    [InlineData("2025-06-27", "2025-09-05", 1)] // last year's run: before the first school day
    public void SchoolWeeksBetween_CountsSchoolWeeks(string earlier, string later, int weeks) =>
        Assert.Equal(weeks, Midden2025.SchoolWeeksBetween(D(earlier), D(later)));

    [Fact]
    public void SchoolWeeksWindowStart_AcrossAHoliday_CountsSchoolWeeksOnly()
    {
        // T = Wednesday 5 Nov 2025. The last 4 school weeks are the week of T (3-5 Nov), 27-31 Oct, and,
        // skipping the herfstvakantie, 13-17 Oct and 6-10 Oct.
        var t = Midden2025.IndexOf(D("2025-11-05"));
        Assert.Equal(D("2025-10-06"), Midden2025.Date(Midden2025.SchoolWeeksWindowStart(t, 4)));
        Assert.Equal(D("2025-11-03"), Midden2025.Date(Midden2025.SchoolWeeksWindowStart(t, 1)));
    }

    [Fact]
    public void SchoolWeeksWindowStart_EarlyInTheYear_StopsAtTheFirstSchoolDay()
    {
        var t = Midden2025.IndexOf(D("2025-09-10"));
        Assert.Equal(0, Midden2025.SchoolWeeksWindowStart(t, 8));
    }

    [Fact]
    public void LastOnOrBefore_SaturdayInAHoliday_IsTheFridayBeforeIt()
    {
        Assert.Equal(D("2025-10-17"), Midden2025.Date(Midden2025.LastOnOrBefore(D("2025-10-25"))));
        Assert.Equal(-1, Midden2025.LastOnOrBefore(D("2025-08-15")));
    }

    [Fact]
    public void BreakBoundaries_WeekLongHolidays_MarkTheDaysAroundThem_NotLongWeekends()
    {
        var bits = Midden2025.BreakBoundaries(7).ToArray();
        bool Marked(string date) => Internals.Bits.Test(bits, Midden2025.IndexOf(D(date)));
        Assert.True(Marked("2025-10-17"));   // last day before the herfstvakantie
        Assert.True(Marked("2025-10-27"));   // first day after it
        Assert.True(Marked("2025-09-01"));   // first day after the summer
        Assert.True(Marked("2026-07-17"));   // last day before the summer
        Assert.False(Marked("2026-04-03"));  // Friday before Tweede Paasdag: a 3-day break, not a week
        Assert.False(Marked("2026-05-13"));  // Wednesday before Hemelvaart
        Assert.False(Marked("2025-10-10"));
    }

    [Fact]
    public void CalendarFile_AddsAStudiedag_AndReplaceBuiltinReplacesAll()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var add = Path.Combine(dir.FullName, "studiedag.json");
            File.WriteAllText(add, """{ "free_days": [ { "name": "studiedag", "first": "2025-10-06" } ] }""");
            var withStudiedag = CalendarFactory.Create(new SchoolYear(2025), Region.Midden, add);
            Assert.Equal(-1, withStudiedag.IndexOf(D("2025-10-06")));
            Assert.Equal(Midden2025.DayCount - 1, withStudiedag.DayCount);

            var replace = Path.Combine(dir.FullName, "eigen.json");
            File.WriteAllText(replace, """
                { "replace_builtin": true,
                  "free_days": [ { "name": "zomer", "first": "2025-08-01", "last": "2025-08-31" },
                                 { "name": "zomer", "first": "2026-07-01", "last": "2026-07-31" } ] }
                """);
            var own = CalendarFactory.Create(new SchoolYear(2025), Region.Midden, replace);
            Assert.True(own.IndexOf(D("2025-10-22")) >= 0); // no herfstvakantie any more
            Assert.Equal(D("2025-09-01"), own.Date(0));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void CalendarFile_EndBeforeStart_IsAUserErrorNamingTheEntry()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{ "free_days": [ { "name": "studiedag", "first": "2025-10-06", "last": "2025-10-01" } ] }""");
            var error = Assert.Throws<UserError>(() => CalendarFactory.Create(new SchoolYear(2025), Region.Midden, file));
            Assert.Contains("studiedag", error.English);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
