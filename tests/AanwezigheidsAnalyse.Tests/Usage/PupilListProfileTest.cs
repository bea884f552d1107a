using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Usage;

/// <summary>A school whose system names the pupil list's columns its own way maps them in its profile (issue 14).</summary>
public sealed class PupilListProfileTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-list-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Export() => Write("export.csv", "Leerlingcode;Datum;Status\n1001;2025-11-03;sick\n1002;2025-11-04;sick\n1003;2025-11-04;sick\n");

    private string Profile(bool withList = true) => Write("profiel.json", """
        { "name": "eigen-systeem", "shape": "slots",
          "columns": { "pupil_id": ["Leerlingcode"], "date": ["Datum"], "code": ["Status"] },
          "required": ["pupil_id", "date", "code"],
          "personal_columns": ["Roepnaam"],
          "codes": [ { "code": "sick", "category": "sick" } ]
        """ + (withList ? """
          , "pupil_list": {
            "columns": { "pupil_id": ["Leerlingcode"], "group": ["Stamklas"], "enrolled_from": ["Ingeschreven per"] },
            "personal_columns": ["Leerling"],
            "date_formats": ["dd-MM-yyyy"] }
        """ : "") + "}");

    /// <summary>Five pupils; two were never absent, one came in December (after T).</summary>
    private string List(string header = "Roepnaam;Leerling;Leerlingcode;Stamklas;Ingeschreven per") => Write("leerlingen.csv",
        $"{header}\nPiet;Piet Jansen;1001;2A;01-08-2025\nAnna;Anna Boer;1002;2A;01-08-2025\nJan;Jan Smit;1003;2B;01-08-2025\nEva;Eva Dijk;1004;2B;01-08-2025\nBo;Bo Vos;1005;2B;01-12-2025\n");

    private ValidationReport Validate(string list, string? profile) => Validation.Run(new ValidateOptions
    {
        Inputs = [Export()],
        AsOf = new LocalDate(2025, 11, 28),
        Profile = profile,
        PupilsFile = list,
        RejectsFile = Path.Combine(_dir.FullName, "rejects.csv"),
    });

    [Fact]
    public void TheProfilesListColumns_AreUsedForThePupilList()
    {
        var report = Validate(List(), Profile());

        Assert.Equal(4, report.Pupils); // 1001–1004 enrolled by T; 1005 from December
    }

    /// <summary>Two lists put one after the other: the second header is skipped, not a rejected line.</summary>
    [Fact]
    public void TheHeaderAgain_IsNoRejectedLine()
    {
        var header = "Roepnaam;Leerling;Leerlingcode;Stamklas;Ingeschreven per";
        var list = Write("twee.csv", $"{header}\nPiet;Piet Jansen;1001;2A;01-08-2025\n{header}\nJan;Jan Smit;1003;2B;01-08-2025\n");

        var report = Validate(list, Profile());

        Assert.Equal(3, report.Pupils); // 1001 and 1003 from the list, 1002 from the export
        Assert.DoesNotContain(report.Lines, l => l.Contains("zonder bruikbaar leerlingnummer", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheProfile_TheListIsRefused_WithWhereToMapIt()
    {
        var error = Assert.Throws<UserError>(() => Validate(List(), Profile(withList: false)));

        Assert.Contains("pupil_list", error.In(Language.Dutch));
        Assert.DoesNotContain("Jansen", error.In(Language.Dutch));
    }

    [Fact]
    public void APersonalColumn_IsNeverTaken_WhateverItsName()
    {
        // "Leerling" holds the name in this system, and is listed as personal; the list's real number column is
        // missing, so the list is refused rather than a name read as a pupil number.
        var error = Assert.Throws<UserError>(() => Validate(List("Roepnaam;Leerling;Nummer;Stamklas;Ingeschreven per"), Profile()));

        Assert.DoesNotContain("Piet", error.In(Language.Dutch));
    }

    [Fact]
    public void ABsnColumnMappedAsThePupilNumber_IsRefused()
    {
        var profile = Write("bsn.json", """
            { "name": "bsn", "columns": { "pupil_id": ["Leerlingcode"], "date": ["Datum"], "code": ["Status"] },
              "required": ["pupil_id", "date", "code"], "codes": [ { "code": "sick", "category": "sick" } ],
              "pupil_list": { "columns": { "pupil_id": ["BSN"] } } }
            """);

        var error = Assert.Throws<UserError>(() => Validate(List(), profile));

        Assert.Contains("BSN is geen leerlingnummer", error.In(Language.Dutch));
    }
}
