using System.Text;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tests.Support;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>README, "Privacy": names and BSN never reach an output; pseudonyms are stable per key and differ between keys.</summary>
public sealed class PrivacyTest : IDisposable
{
    private static readonly string[] Bsns = ["123456782", "987654321"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-privacy-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A Magister-style export with names, BSN, birth dates and a note, and a rejected row that carries a name.</summary>
    private string Export()
    {
        var path = Path.Combine(_dir.FullName, "export.csv");
        // The last column's header carries a BSN too, as a header typed by hand can: it is not read, nor shown in run.json.
        var rows = new StringBuilder($"Stamnr;Naam;BSN;Geboortedatum;Klas;Datum;Lesuur;Code;Opmerking;Notitie {Bsns[1]}\n");
        var i = 0;
        foreach (var day in new[] { "2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07", "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13", "2025-11-14" })
        {
            foreach (var (pupil, name) in new[] { ("4711", ExportWriter.Names[0]), ("4712", ExportWriter.Names[1]), ("4713", ExportWriter.Names[2]) })
            {
                for (var slot = 1; slot <= 7; slot++)
                    rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{pupil};{name};{Bsns[i % 2]};02-03-2011;2B;{D(day):dd-MM-yyyy};{slot};{(pupil == "4711" ? "Z" : "S")};belde moeder {name}\n");
                i++;
            }
        }
        rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"4714;{ExportWriter.Names[3]};{Bsns[0]};02-03-2011;2B;31-11-2025;1;Z;{ExportWriter.Names[3]}\n"); // no such date
        File.WriteAllText(path, rows.ToString(), new UTF8Encoding(false));
        return path;
    }

    private async Task<string> Analyze(string output, string? key = null)
    {
        string? keyFile = null;
        if (key is not null)
        {
            keyFile = Path.Combine(_dir.FullName, $"key-{key.GetHashCode():x}.txt");
            File.WriteAllText(keyFile, key);
        }
        var directory = Path.Combine(_dir.FullName, output);
        var result = await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Export()],
            AsOf = D("2025-11-14"),
            OutputDirectory = directory,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            PseudonymizeKeyFile = keyFile,
            MaxRejectRate = 0.5,
            Partitioned = true,
        });
        Assert.Equal(0, result.ExitCode);
        return directory;
    }

    [Fact]
    public async Task Analyze_ExportWithNamesAndBsn_NoNameOrBsnInAnyOutput()
    {
        var output = await Analyze("out");
        var forbidden = ExportWriter.Names.Take(4).SelectMany(n => new[] { n, n.Split(' ')[0] }).Concat(Bsns).Append("02-03-2011").Append("belde moeder").ToList();
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("report.html", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("rejects.csv", StringComparison.Ordinal));
        foreach (var file in files)
        {
            if (file.EndsWith(".png", StringComparison.Ordinal))
                continue; // pixels; their text comes from the same strings as the SVGs, which are checked
            var text = file.EndsWith(".parquet", StringComparison.Ordinal)
                ? string.Join("\n", (await ParquetDump.RowsAsync(file)).SelectMany(r => r.Values.Select(ParquetDump.Format)))
                : await File.ReadAllTextAsync(file);
            foreach (var word in forbidden)
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"'{word}' appears in {Path.GetRelativePath(output, file)}");
        }
        // The rejected row is there, by file, line and column, without its personal columns.
        var reject = File.ReadAllLines(Path.Combine(output, "rejects.csv"))[1];
        Assert.StartsWith("export.csv;212;Datum;31-11-2025;date_invalid", reject);
    }

    [Fact]
    public async Task Pseudonymize_SameKeyTwice_SamePseudonyms_OtherKey_OtherPseudonyms()
    {
        var plain = await ParquetDump.RowsAsync(Path.Combine(await Analyze("plain"), "pupils.parquet"));
        var first = await ParquetDump.RowsAsync(Path.Combine(await Analyze("first", "sleutel-van-de-school-0123456789"), "pupils.parquet"));
        var again = await ParquetDump.RowsAsync(Path.Combine(await Analyze("again", "sleutel-van-de-school-0123456789"), "pupils.parquet"));
        var other = await ParquetDump.RowsAsync(Path.Combine(await Analyze("other", "een-andere-sleutel-9876543210"), "pupils.parquet"));

        static HashSet<string> Keys(List<Dictionary<string, object?>> rows) => [.. rows.Select(r => (string)r["pupil_key"]!)];
        Assert.Equal(["4711", "4712", "4713"], Keys(plain).Order());
        Assert.Equal(Keys(first), Keys(again));
        Assert.Empty(Keys(first).Intersect(Keys(other)));
        Assert.Empty(Keys(first).Intersect(Keys(plain)));
        Assert.All(Keys(first), k => Assert.Matches("^[0-9a-f]{32}$", k));
        // The report shows pupil numbers only without a key.
        var report = await File.ReadAllTextAsync(Path.Combine(_dir.FullName, "first", "report.html"));
        Assert.DoesNotContain("4711", report);
    }

    [Fact]
    public void KeyFile_TooShort_IsAUserError()
    {
        var file = Path.Combine(_dir.FullName, "short.txt");
        File.WriteAllText(file, "kort");
        Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Output.PupilKeys.FromKeyFile(file));
    }
}
