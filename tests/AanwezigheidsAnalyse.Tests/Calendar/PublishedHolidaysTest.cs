using AanwezigheidsAnalyse.Calendar;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Calendar;

/// <summary>
/// The built-in calendar against the Rijksoverheid table of school holidays (Regeling vaststelling
/// schoolvakanties; opendata.rijksoverheid.nl), copied here by hand for two school years and every region.
/// </summary>
public class PublishedHolidaysTest
{
    // (school year, region, holiday, first day, last day) as published: Saturday to Sunday, inclusive.
    public static TheoryData<int, string, string, string, string> Published => new()
    {
        { 2024, "noord", "herfstvakantie", "2024-10-26", "2024-11-03" },
        { 2024, "midden", "herfstvakantie", "2024-10-26", "2024-11-03" },
        { 2024, "zuid", "herfstvakantie", "2024-10-19", "2024-10-27" },
        { 2024, "noord", "kerstvakantie", "2024-12-21", "2025-01-05" },
        { 2024, "midden", "kerstvakantie", "2024-12-21", "2025-01-05" },
        { 2024, "zuid", "kerstvakantie", "2024-12-21", "2025-01-05" },
        { 2024, "noord", "voorjaarsvakantie", "2025-02-15", "2025-02-23" },
        { 2024, "midden", "voorjaarsvakantie", "2025-02-22", "2025-03-02" },
        { 2024, "zuid", "voorjaarsvakantie", "2025-02-22", "2025-03-02" },
        { 2024, "noord", "meivakantie", "2025-04-26", "2025-05-04" },
        { 2024, "midden", "meivakantie", "2025-04-26", "2025-05-04" },
        { 2024, "zuid", "meivakantie", "2025-04-26", "2025-05-04" },
        { 2024, "noord", "zomervakantie", "2025-07-12", "2025-08-24" },
        { 2024, "midden", "zomervakantie", "2025-07-19", "2025-08-31" },
        { 2024, "zuid", "zomervakantie", "2025-07-05", "2025-08-17" },
        { 2025, "noord", "herfstvakantie", "2025-10-18", "2025-10-26" },
        { 2025, "midden", "herfstvakantie", "2025-10-18", "2025-10-26" },
        { 2025, "zuid", "herfstvakantie", "2025-10-11", "2025-10-19" },
        { 2025, "noord", "kerstvakantie", "2025-12-20", "2026-01-04" },
        { 2025, "midden", "kerstvakantie", "2025-12-20", "2026-01-04" },
        { 2025, "zuid", "kerstvakantie", "2025-12-20", "2026-01-04" },
        { 2025, "noord", "voorjaarsvakantie", "2026-02-21", "2026-03-01" },
        { 2025, "midden", "voorjaarsvakantie", "2026-02-14", "2026-02-22" },
        { 2025, "zuid", "voorjaarsvakantie", "2026-02-14", "2026-02-22" },
        { 2025, "noord", "meivakantie", "2026-04-25", "2026-05-03" },
        { 2025, "midden", "meivakantie", "2026-04-25", "2026-05-03" },
        { 2025, "zuid", "meivakantie", "2026-04-25", "2026-05-03" },
        { 2025, "noord", "zomervakantie", "2026-07-04", "2026-08-16" },
        { 2025, "midden", "zomervakantie", "2026-07-18", "2026-08-30" },
        { 2025, "zuid", "zomervakantie", "2026-07-11", "2026-08-23" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void BuiltInCalendar_PublishedHoliday_HasNoSchoolDaysAndSchoolOnBothSides(int year, string region, string holiday, string first, string last)
    {
        Assert.True(RegionNames.TryParse(region, out var r));
        var from = Parse(first);
        var to = Parse(last);
        // Summer closes one school year and opens the next: check it in the year it lies in.
        var calendar = CalendarFactory.Create(SchoolYear.Containing(from), r);

        Assert.Equal(IsoDayOfWeek.Saturday, from.DayOfWeek);
        Assert.Equal(IsoDayOfWeek.Sunday, to.DayOfWeek);
        for (var date = from; date <= to; date = date.PlusDays(1))
            Assert.True(calendar.IndexOf(date) < 0, $"{holiday} {region} {year}: {date} must not be a school day");
        var fridayBefore = from.PlusDays(-1);
        Assert.True(calendar.IndexOf(fridayBefore) >= 0, $"{fridayBefore}, the Friday before {holiday}, must be a school day");
        var mondayAfter = to.PlusDays(1);
        if (mondayAfter == Parse("2025-05-05"))
            mondayAfter = mondayAfter.PlusDays(1); // Bevrijdingsdag 2025, a lustrum year, follows the meivakantie
        if (SchoolYear.Containing(mondayAfter) == calendar.Year)
            Assert.True(calendar.IndexOf(mondayAfter) >= 0, $"{mondayAfter}, the Monday after {holiday}, must be a school day");
        else
            Assert.True(CalendarFactory.Create(SchoolYear.Containing(mondayAfter), r).IndexOf(mondayAfter) >= 0);
    }

    [Theory]
    [InlineData("2025-04-21", "Tweede Paasdag 2025")]
    [InlineData("2025-05-05", "Bevrijdingsdag 2025, a lustrum year")]
    [InlineData("2025-05-29", "Hemelvaartsdag 2025")]
    [InlineData("2025-06-09", "Tweede Pinksterdag 2025")]
    [InlineData("2026-04-06", "Tweede Paasdag 2026")]
    [InlineData("2026-05-14", "Hemelvaartsdag 2026")]
    [InlineData("2026-05-25", "Tweede Pinksterdag 2026")]
    [InlineData("2024-04-01", "Tweede Paasdag 2024")]
    public void BuiltInCalendar_PublicHoliday_IsNoSchoolDay(string date, string name)
    {
        var day = Parse(date);
        foreach (var region in Enum.GetValues<Region>())
            Assert.True(CalendarFactory.Create(SchoolYear.Containing(day), region).IndexOf(day) < 0, $"{name} in {region}");
    }

    [Theory]
    [InlineData("2026-05-05", "Bevrijdingsdag outside a lustrum year is a school day")]
    [InlineData("2026-05-15", "the Friday after Hemelvaart is the school's choice (calendar file)")]
    [InlineData("2026-04-03", "Goede Vrijdag is the school's choice (calendar file)")]
    public void BuiltInCalendar_DaySchoolsDecideThemselves_IsASchoolDay(string date, string why)
    {
        var day = Parse(date);
        Assert.True(CalendarFactory.Create(SchoolYear.Containing(day), Region.Midden).IndexOf(day) >= 0, why);
    }

    [Theory]
    [InlineData(Region.Noord, "2025-08-25", "2026-07-03")]
    [InlineData(Region.Midden, "2025-09-01", "2026-07-17")]
    [InlineData(Region.Zuid, "2025-08-18", "2026-07-10")]
    public void BuiltInCalendar_2025_FirstAndLastSchoolDayFollowTheSummers(Region region, string first, string last)
    {
        var calendar = CalendarFactory.Create(new SchoolYear(2025), region);
        Assert.Equal(Parse(first), calendar.Date(0));
        Assert.Equal(Parse(last), calendar.Date(calendar.DayCount - 1));
    }

    [Fact]
    public void BuiltInYears_CoverTheYearsTheIssueAsksFor()
    {
        var years = CalendarFactory.BuiltInYears.Select(y => y.StartYear).ToList();
        Assert.Equal([2023, 2024, 2025, 2026], years);
    }

    [Fact]
    public void Create_YearWithoutBuiltInData_IsAUserErrorThatNamesTheCalendarOption()
    {
        var error = Assert.Throws<UserError>(() => CalendarFactory.Create(new SchoolYear(2030), Region.Midden));
        // The library says which setting; the command line names it by its flag.
        Assert.Contains("--calendar", AanwezigheidsAnalyse.Cli.Messages.Of(error, Language.Dutch));
        Assert.Contains("2030-2031", error.English);
    }

    internal static LocalDate Parse(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
