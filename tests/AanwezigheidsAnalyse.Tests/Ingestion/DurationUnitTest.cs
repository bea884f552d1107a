using System.Text;
using AanwezigheidsAnalyse.Ledger;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// A duration column in day fractions (Ed-Fi's EventDuration: 1 = whole day) read as minutes made every whole day's
/// absence one minute, and every pupil tier 1 (issue 14). The profile says its unit; a wrong unit is warned about.
/// </summary>
public sealed class DurationUnitTest
{
    private static readonly NodaTime.LocalDate T = D("2025-10-10");

    /// <summary>Twelve pupils, each sick the whole of Monday 6 October and half of Tuesday, in day fractions.</summary>
    private static string DayFractionExport()
    {
        var rows = new StringBuilder("pupil_id;date;status;minutes\n");
        for (var p = 0; p < 12; p++)
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1000 + p};2025-10-06;sick;1\n{1000 + p};2025-10-07;sick;0,5\n");
        return rows.ToString();
    }

    private static string ProfileFile(string unit)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aanwezigheid-profile-").FullName, "profiel.json");
        File.WriteAllText(path, $$"""
            { "name": "edfi-achtig", "shape": "slots", "duration_unit": "{{unit}}",
              "columns": { "pupil_id": ["pupil_id"], "date": ["date"], "code": ["status"], "minutes": ["minutes"] },
              "required": ["pupil_id", "date", "code"],
              "codes": [ { "code": "sick", "category": "sick" } ] }
            """);
        return path;
    }

    private static int SickMinutes(Ingested read, string pupil) =>
        read.Ledger.Totals(Pupil(read.Ledger, pupil), new(0, Midden2025.IndexOf(T))).Minutes[Category.Sick.MinutesIndex()];

    [Fact]
    public void DayFractions_AsMinutes_CountOneMinute_AndAreWarnedAbout()
    {
        var read = Ingest(DayFractionExport(), T, profile: "canonical");

        Assert.Equal(1 + 1, SickMinutes(read, "1000")); // the mistake the warning is for
        Assert.Contains(read.Ingest.Warnings, w => w.Contains("day_fraction", StringComparison.Ordinal));
    }

    [Fact]
    public void DayFractions_InAProfileThatSaysSo_AreShareOfTheTimetabledDay()
    {
        var read = Ingest(DayFractionExport(), T, profile: ProfileFile("day_fraction"));

        // vo-standaard: 7 lessons of 50 minutes on Monday and Tuesday.
        Assert.Equal(350 + 175, SickMinutes(read, "1000"));
        Assert.Empty(read.Ingest.Warnings);
    }

    [Fact]
    public void Hours_InAProfileThatSaysSo_AreSixtyMinutes()
    {
        var read = Ingest("pupil_id;date;status;minutes\n1000;2025-10-06;sick;2,5\n", T, profile: ProfileFile("hours"));

        Assert.Equal(150, SickMinutes(read, "1000"));
    }

    [Theory]
    [InlineData("day_fraction", "1,5")]
    [InlineData("hours", "25")]
    public void ADurationBeyondTheDay_IsRejected(string unit, string value)
    {
        var read = Ingest($"pupil_id;date;status;minutes\n1000;2025-10-06;sick;{value}\n", T, profile: ProfileFile(unit));

        Assert.Equal(1, read.Ingest.Rejected);
    }

    [Fact]
    public void RealMinutes_AreNotWarnedAbout()
    {
        var rows = new StringBuilder("pupil_id;date;status;minutes\n");
        for (var p = 0; p < 12; p++)
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1000 + p};2025-10-06;sick;350\n");
        Assert.Empty(Ingest(rows.ToString(), T, profile: "canonical").Ingest.Warnings);
    }

    [Fact]
    public void DayFractions_InDayRows_AreWarnedAbout()
    {
        var rows = new StringBuilder("Leerlingnummer;Datum;Geroosterde minuten;Afwezige minuten;Reden\n");
        for (var p = 0; p < 12; p++)
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1000 + p};06-10-2025;;1;ziek\n");

        Assert.Contains(Ingest(rows.ToString(), T, profile: "dag-minuten").Ingest.Warnings, w => w.Contains("day_fraction", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("∞")]
    public void NotANumber_IsRejected_InEveryUnit(string value)
    {
        var read = Ingest($"pupil_id;date;status;minutes\n1000;2025-10-06;sick;{value}\n", T, profile: ProfileFile("hours"));

        Assert.Equal(1, read.Ingest.Rejected);
    }
}
