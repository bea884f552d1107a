using AanwezigheidsAnalyse.Ingestion;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// One pupil, however an export spells its number (a leading zero Excel dropped or kept, a ".0" it added, an invisible
/// space copied along, a letter in the other case), is one pupil: split in two, each half carries part of the absence
/// and the pupil lands in a lower tier without anyone being told.
/// </summary>
public sealed class IdentifiersTest
{
    private static string Pupil(string id) => Identifiers.PupilNumber(id);

    [Theory]
    [InlineData("100346", "100346")]
    [InlineData("0100346", "100346")]
    [InlineData("000100346", "100346")]
    [InlineData("100346.0", "100346")]
    [InlineData("0100346.00", "100346")]
    [InlineData("100346\u00a0", "100346")]
    [InlineData("\u200b100346", "100346")]
    [InlineData("\ufeff100346", "100346")]
    [InlineData("\u202f100346\u3000", "100346")]
    [InlineData("0", "0")]
    [InlineData("000", "0")]
    [InlineData("a100000", "A100000")]
    [InlineData("0a1", "0A1")]           // not all digits: the zero is part of the number
    [InlineData("100346.5", "100346.5")] // not a number Excel padded: left as it is
    [InlineData("1.003.46", "1.003.46")]
    [InlineData("leerling 7", "LEERLING 7")]
    [InlineData("1\u0001", "1\u0001")]      // a control character is damage, for the reader to reject, not to hide
    [InlineData("012345672", "012345672")]   // nine digits whose zeros would leave eight: a BSN, kept for the BSN check
    [InlineData("0012345672", "012345672")]
    [InlineData("100.003", "100003")]        // Dutch Excel's thousands separators: one pupil with 100003
    [InlineData("1.234.567", "1234567")]
    [InlineData("100.000", "100000")]        // read as thousands, not as 100 with three zero decimals
    [InlineData("12.345.672", "12345672")]   // a BSN without its zero: for the column's BSN check (PupilNumberCheck)
    [InlineData("100.0034", "100.0034")]     // not groups of three
    [InlineData("1000.003", "1000.003")]
    [InlineData("'100003", "100003")]        // Excel's mark for text
    [InlineData("\u2019100003", "100003")]   // turned typographic
    [InlineData("0612345678", "0612345678")] // a mobile phone number keeps its zero, for the reader to refuse
    [InlineData("00612345678", "612345678")]
    public void APupilNumber_HasOneSpelling(string given, string canonical) => Assert.Equal(canonical, Pupil(given));

    /// <summary>Any number as Dutch Excel shows it with thousands separators is that number.</summary>
    [Property(MaxTest = 300)]
    public Property ANumberWithThousandsSeparators_IsTheNumber() => Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), n =>
        Pupil(n.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))) == Pupil(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("100346", true)]
    [InlineData("A12345", true)]
    [InlineData("LLN12345", true)]
    [InlineData("s1234567", true)]
    [InlineData("k.bakker7@leerling.nl", false)] // an e-mail address
    [InlineData("dewitlotte2011", false)]        // a user name: five letters or more in a row
    [InlineData("ZOË2011X", true)]
    [InlineData("zoëlla2011", false)]            // ë counts as a letter
    [InlineData("\u00a0ab12", true)]             // an invisible space is no letter
    [InlineData("\u2019ab12", true)]
    [InlineData("0612345678", false)]            // a mobile phone number
    [InlineData("0512345678", true)]
    [InlineData("1.00003E+05", false)]           // Excel's scientific notation lost the digits
    [InlineData("1.2E+3", false)]
    [InlineData("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", true)] // a UUID: its hexadecimal letters are no name
    [InlineData("deadbeef01", true)]
    [InlineData("12E4", true)]
    [InlineData("Jansen, Piet", false)]
    [InlineData("STUDENT001", true)]             // system codes are upper case
    [InlineData("LEERL001", true)]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAV", true)] // a ULID
    [InlineData("X9KQMZP2", true)]
    [InlineData("Jansen2011", false)]            // a name with digits, as typed
    [InlineData("j.smit1", false)]               // initials and names joined by dots
    [InlineData("Jan.de.Boer1", false)]
    [InlineData("J.SMIT1", false)]
    [InlineData("100.003", true)]                // Dutch Excel's thousands separator
    [InlineData("H4.12345", true)]
    [InlineData("06-12345678", false)]           // mobile numbers however written
    [InlineData("06.12345678", false)]
    [InlineData("+31612345678", false)]
    [InlineData("0031612345678", false)]
    public void APupilNumber_LooksLikeOne(string id, bool looksLikeOne) =>
        Assert.Equal(looksLikeOne, Disclosure.LooksLikePupilId(System.Text.Encoding.UTF8.GetBytes(Pupil(id))) && !Disclosure.LooksLikeUserName(System.Text.Encoding.UTF8.GetBytes(id)));

    [Theory]
    [InlineData("99zz", "99ZZ")]
    [InlineData("99ZZ\u00a0", "99ZZ")]
    [InlineData(" 00aa ", "00AA")]
    public void ASchoolCode_HasOneSpelling(string given, string canonical) => Assert.Equal(canonical, Identifiers.SchoolCode(given));

    private static readonly string[] Invisible = ["", " ", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u202f", "\u2060", "\u3000"];

    /// <summary>Against a slow, obvious reference: strip what is invisible, then the zeros a number of digits starts with.</summary>
    [Property(MaxTest = 500)]
    public Property EverySpellingOfANumber_IsTheSameNumber()
    {
        var cases =
            from digits in Gen.Choose(0, 9).ArrayOf().Where(d => d.Length is > 0 and < 20)
            from zeros in Gen.Choose(0, 4)
            from before in Gen.Elements(Invisible)
            from after in Gen.Elements(Invisible)
            from fraction in Gen.Elements("", ".0", ".00")
            select (Number: string.Concat(digits), zeros, before, after, fraction);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var written = new string('0', c.zeros) + c.Number;
            var reference = c.Number.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0";
            // Unless nine digits or more were written and the last nine, zeros and all, are a BSN: those stay nine.
            if (written.Length >= 9 && reference.Length < 9 && Disclosure.HoldsBsn(written[^9..].AsSpan()))
                reference = written[^9..];
            // And a mobile phone number keeps its zero, for the reader to refuse.
            if (written.Length == 10 && written.StartsWith("06", StringComparison.Ordinal))
                reference = written;
            var spelled = c.before + written + c.fraction + c.after;
            return Pupil(spelled) == reference && Pupil(reference) == reference;
        });
    }

    [Fact]
    public void OnePupilSpelledTwoWays_InTwoExports_IsOnePupilWithEveryRegistration()
    {
        const string header = "school_id,pupil_id,group,date,slot,status\n";
        var first = header + "00AA,0100346,2B,2025-11-03,1,sick\n00AA,0100346,2B,2025-11-03,2,sick\n";
        var second = header + "00aa,100346\u00a0,2B,2025-11-04,1,unauthorized\n00AA,100346.0,2B,2025-11-05,3,late\n";

        var ingested = IngestFiles([first, second], D("2025-11-07"));

        Assert.Equal(1, ingested.Ledger.PupilCount);
        Assert.Equal("00AA", ingested.Ledger.SchoolId(0));
        Assert.DoesNotContain("00aa", ingested.Ledger.Schools);
        Assert.Equal("100346", ingested.Ledger.PupilId(0));
        Assert.Equal(3, ingested.Ledger.Records(0).Length);
    }

    [Fact]
    public async Task TheSchoolIdOption_HasTheSpellingOfTheSchoolColumn()
    {
        // --school-id 12ab for the rows without a school, 12ab in the column of the others: one school, one pupil.
        var dir = Directory.CreateTempSubdirectory("aanwezigheid-test-");
        try
        {
            var export = Path.Combine(dir.FullName, "e.csv");
            File.WriteAllText(export, "school_id,pupil_id,date,slot,status\n12ab,7,2025-11-03,1,sick\n,7,2025-11-04,1,sick\n");
            using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-07"), SchoolId = "12ab", OutputDirectory = "unused" });

            Assert.Equal(1, run.Ledger.PupilCount);
            Assert.Equal("12AB", run.Ledger.SchoolId(0));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ABsnBehindALeadingZero_IsStillABsn()
    {
        // 111222333 passes the eleven-test; written with a leading zero it has ten digits, but it is the same number.
        // 012345672 passes it with its zero: without the zero it would be an eight-digit pupil number.
        var ingested = Ingest("school_id,pupil_id,group,date,slot,status\n00AA,0111222333,2B,2025-11-03,1,sick\n00AA,012345672,2B,2025-11-03,1,sick\n", D("2025-11-07"));

        Assert.Equal(0, ingested.Ledger.PupilCount);
        Assert.DoesNotContain("111222333", ingested.Rejects, StringComparison.Ordinal);
        Assert.DoesNotContain("12345672", ingested.Rejects, StringComparison.Ordinal);
    }

    /// <summary>
    /// Personal data typed into a column that is read (a class, a code, a school, the pupil number) and shared by too
    /// few pupils to hide, or shared by several (siblings share an address), was shown: a privacy sweep planted these
    /// and found them in the report, run.json and the Taskforce's folders. What schools write there still passes.
    /// </summary>
    [Theory]
    [InlineData("Piet 2011"), InlineData("Kanaalweg 7"), InlineData("kanariestraat 5"), InlineData("1234AB 5"), InlineData("1234 AB")]
    [InlineData("14mrt2011"), InlineData("14 maart 2011"), InlineData("14-03-2011"), InlineData("2011.03.14"), InlineData("06-12345678")]
    [InlineData("06-1234-5678"), InlineData("piet@school.nl"), InlineData("PIET2011"), InlineData("123456782")]
    public void PersonalShapes_AreNeitherAClassNorShared(string value)
    {
        Assert.True(Disclosure.LooksPersonal(value));
        Assert.False(Disclosure.MayBeShared(value));
        Assert.False(Disclosure.LooksLikeClass(value));
    }

    [Theory]
    [InlineData("2B"), InlineData("H4a"), InlineData("groep 7"), InlineData("Combi 3/4"), InlineData("1HV2"), InlineData("4VWO"), InlineData("Groep 8a")]
    [InlineData("tl4b"), InlineData("M3"), InlineData("Klas 1A"), InlineData("ZIEK"), InlineData("verlof"), InlineData("1"), InlineData("AO"), InlineData("3.2")]
    public void WhatSchoolsWrite_IsNotPersonal(string value)
    {
        Assert.False(Disclosure.LooksPersonal(value));
        Assert.True(Disclosure.MayBeShared(value));
    }

    /// <summary>A birth date, an e-mail address or a phone number is no pupil number and no school code; a pupil number with dashes that is no date still is one.</summary>
    [Theory]
    [InlineData("14-03-2011", false), InlineData("2011.03.14", false), InlineData("14/3/2011", false), InlineData("2025-1234", true), InlineData("100-2345", true), InlineData("4711", true)]
    public void ABirthDate_IsNoPupilNumber(string value, bool pupil) =>
        Assert.Equal(pupil, Disclosure.LooksLikePupilId(System.Text.Encoding.UTF8.GetBytes(value)));

    [Theory]
    [InlineData("canary@school.nl", false), InlineData("2011-03-14", false), InlineData("0612345678", false), InlineData("06-1234-5678", false)]
    [InlineData("99ZZ", true), InlineData("12AB00", true), InlineData("De Regenboog", true), InlineData("Kanaalweg", true), InlineData("2015", true)]
    public void ASchoolCode_IsNoEmailDateOrPhone(string value, bool school) =>
        Assert.Equal(school, Disclosure.LooksLikeSchoolId(System.Text.Encoding.UTF8.GetBytes(value)));
}
