using System.Text;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>Runs the real ingestion path on export text written to a temporary file.</summary>
internal static class TestPipeline
{
    public static readonly SchoolCalendar Midden2025 = CalendarFactory.Create(new SchoolYear(2025), Region.Midden);

    public static LocalDate D(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    public sealed record Ingested(DayLedger Ledger, IngestResult Ingest, string Rejects);

    public static Ingested Ingest(string text, LocalDate asOf, string? profile = null, Encoding? encoding = null, SchoolCalendar? calendar = null, string? timetable = null)
        => IngestFiles([text], asOf, profile, encoding, calendar, timetable);

    public static Ingested IngestFiles(IReadOnlyList<string> texts, LocalDate asOf, string? profile = null, Encoding? encoding = null, SchoolCalendar? calendar = null, string? timetable = null)
    {
        var dir = Directory.CreateTempSubdirectory("aanwezigheid-test-");
        try
        {
            var paths = new List<string>();
            for (var i = 0; i < texts.Count; i++)
            {
                var path = Path.Combine(dir.FullName, $"export{i}.csv");
                var enc = encoding ?? new UTF8Encoding(false);
                File.WriteAllBytes(path, [.. enc.GetPreamble(), .. enc.GetBytes(texts[i])]);
                paths.Add(path);
            }
            return IngestPaths(paths, asOf, profile, calendar, Path.Combine(dir.FullName, "rejects.csv"), timetable);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Ingests files already on disk; <c>timetable</c> names a bundled timetable to use instead of the default.</summary>
    /// <remarks><paramref name="parts"/>: how a file is cut into parts read on several cores; by default as a run cuts it.</remarks>
    public static Ingested IngestPaths(IReadOnlyList<string> paths, LocalDate asOf, string? profile, SchoolCalendar? calendar, string rejectsPath, string? timetable = null, PartSettings? parts = null)
    {
        var builder = new LedgerBuilder(calendar ?? Midden2025);
        var settings = new IngestSettings(asOf, profile is null ? null : Profile.Load(profile), "", timetable is null ? null : Timetable.Bundled(timetable), Language.English)
        {
            Parts = parts ?? PartSettings.Default,
        };
        IngestResult result;
        using (var rejects = new RejectSink(rejectsPath, Language.English))
        {
            result = global::AanwezigheidsAnalyse.Ingestion.Ingest.Run(paths, settings, builder, rejects, null);
            rejects.Complete();
        }
        var ledger = builder.Build(result.Timetable, result.FullRegister);
        return new Ingested(ledger, result, File.ReadAllText(rejectsPath));
    }

    public static int Pupil(DayLedger ledger, string id)
    {
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            if (ledger.PupilId(p) == id)
                return p;
        }
        throw new InvalidOperationException($"No pupil {id}");
    }
}
