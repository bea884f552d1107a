using AanwezigheidsAnalyse.Ingestion;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// One file read once per school year (backtest, train): its provenance counts each row once. A later year's file read
/// "0 rows accepted"; a file of two years with unknown codes in both read half of them as ignored.
/// </summary>
public sealed class AcrossYearsTest
{
    /// <summary>A read of a file of 100 rows: so many accepted, rejected for a code (after the date) and for the pupil (before it).</summary>
    private static FileAccount Read(long accepted, int codes, int pupils)
    {
        var read = new FileAccount { Path = "beide.csv", RowsRead = 100, Accepted = accepted };
        for (var i = 0; i < codes; i++)
            read.Reject(RejectReason.CodeUnknown);
        for (var i = 0; i < pupils; i++)
            read.Reject(RejectReason.PupilNotANumber);
        read.Ignore(IgnoreReason.BeforeSchoolYear, 100 - accepted - codes - pupils);
        return read;
    }

    [Fact]
    public void RowsAreCountedOnce_AcceptedAndCodeRejectsAddUp_PupilRejectsDoNot()
    {
        // Year 1: 40 accepted, 6 bad codes; year 2: 45 accepted, 5 bad codes; 4 bad pupil numbers rejected in both reads.
        var merged = Assert.Single(FileAccount.AcrossYears([Read(40, 6, 4), Read(45, 5, 4)]));

        Assert.Equal(85, merged.Accepted);
        Assert.Equal(6 + 5 + 4, merged.Rejected);
        Assert.Equal(100 - 85 - 15, merged.Ignored);
        Assert.True(merged.IsBalanced);
    }
}
