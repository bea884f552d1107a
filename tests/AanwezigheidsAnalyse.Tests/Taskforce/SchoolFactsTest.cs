using AanwezigheidsAnalyse.Taskforce;

namespace AanwezigheidsAnalyse.Tests.Taskforce;

/// <summary>The schools file of <c>trends --schools</c>: one spelling per group, whatever the case.</summary>
public sealed class SchoolFactsTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-schools-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void ValuesThatDifferOnlyInCase_AreOneGroup_UnderTheFirstSpelling()
    {
        var path = Path.Combine(_dir.FullName, "scholen.csv");
        // Each column keeps its own first spelling: the region UTRECHT does not change how the gemeente is written.
        File.WriteAllLines(path, ["BRIN;Schooltype;Gemeente;Regio", "00AA;VO;Utrecht;Midden", "00AB;vo;utrecht ;MIDDEN", "00AC;VO;Onbekend;UTRECHT", "00AD;VO;ONBEKEND;midden", "00AE;VO;UTRECHT;utrecht"]);

        var facts = SchoolFacts.Read(path);

        Assert.Equal(["Utrecht", "Utrecht", SchoolFact.Unknown, SchoolFact.Unknown, "Utrecht"], facts.Values.OrderBy(f => f.SchoolId).Select(f => f.Gemeente));
        Assert.Equal(["Midden", "Midden", "UTRECHT", "Midden", "UTRECHT"], facts.Values.OrderBy(f => f.SchoolId).Select(f => f.Region));
        Assert.All(facts.Values, f => Assert.Equal("VO", f.SchoolType));
    }
}
