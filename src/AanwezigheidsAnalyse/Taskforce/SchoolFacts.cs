using System.Text;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using CsvHelper;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>What the Taskforce knows of a school, from <c>--schools FILE</c>; "onbekend" where it knows nothing.</summary>
/// <param name="SchoolId">The school_id (BRIN or the code the runs use).</param>
/// <param name="SchoolType">PO, SO, VO or MBO.</param>
/// <param name="Gemeente">The municipality.</param>
/// <param name="Region">The region.</param>
/// <param name="Samenwerkingsverband">The samenwerkingsverband.</param>
public sealed record SchoolFact(string SchoolId, string SchoolType, string Gemeente, string Region, string Samenwerkingsverband)
{
    /// <summary>The word for what is not known: a school without facts is counted under it, never dropped.</summary>
    public const string Unknown = "onbekend";

    /// <summary>The facts of a school the file does not list.</summary>
    public static SchoolFact Of(string schoolId) => new(schoolId, Unknown, Unknown, Unknown, Unknown);
}

/// <summary>Reads a schools file (README, "The Taskforce"): one row per school, by header name.</summary>
public static class SchoolFacts
{
    private static readonly string[] IdColumns = ["school_id", "brin", "brinnummer", "school"];
    private static readonly string[] TypeColumns = ["school_type", "schooltype", "soort", "type"];
    private static readonly string[] GemeenteColumns = ["gemeente", "municipality"];
    private static readonly string[] RegionColumns = ["regio", "region"];
    private static readonly string[] SwvColumns = ["samenwerkingsverband", "swv"];
    private static readonly string[] Types = ["PO", "SO", "VO", "MBO"];

    /// <summary>
    /// The facts per school_id (matched without regard to case or surrounding spaces); a school listed twice, a
    /// missing school column, an unknown school type or a line over the length limit stops it, naming the line.
    /// </summary>
    public static IReadOnlyDictionary<string, SchoolFact> Read(string path)
    {
        InputFile.Check(path, Setting.Inputs);
        var encoding = InputSniffer.DetectEncoding(path);
        using var csv = CsvReader.FromFile(path, CsvFiles.Options(encoding.Encoding, trackLineNumbers: true));
        try
        {
            return Read(path, csv);
        }
        catch (CsvFormatException e)
        {
            throw CsvFiles.LineTooLong(path, e, csv, Setting.Inputs);
        }
    }

    private static Dictionary<string, SchoolFact> Read(string path, CsvReader csv)
    {
        var headers = csv.Headers.Select(Fold.Header).ToArray();
        int Find(string[] names) => names.Select(n => Array.IndexOf(headers, Fold.Header(n))).FirstOrDefault(i => i >= 0, -1);
        var (id, type, gemeente, region, swv) = (Find(IdColumns), Find(TypeColumns), Find(GemeenteColumns), Find(RegionColumns), Find(SwvColumns));
        if (id < 0)
            throw new UserError(Texts.Taskforce.SchoolsWithoutId(path, HeaderRow.Describe(csv.Headers)), Setting.Inputs);
        string Field(int column)
        {
            var text = column >= 0 && column < csv.FieldCount ? Encoding.UTF8.GetString(CsvFiles.Value(csv.GetSpan(column))).Trim() : "";
            // A fact is published on the trends page: a BSN typed into one must never reach it.
            if (Disclosure.HoldsBsn(text.AsSpan()))
                throw new UserError(Texts.Taskforce.SchoolsValueHoldsBsn(path, csv.LineNumber, csv.Headers[column]), Setting.Inputs);
            return text.Length == 0 ? SchoolFact.Unknown : text;
        }
        // "Utrecht" and "utrecht", "Onbekend" and "onbekend" are one group on the trends page: the first spelling
        // of a value in its column stands for all of them.
        var spellings = new Dictionary<int, Dictionary<string, string>>();
        string Category(int column)
        {
            var value = Field(column);
            if (value.Equals(SchoolFact.Unknown, StringComparison.OrdinalIgnoreCase))
                return SchoolFact.Unknown;
            if (!spellings.TryGetValue(column, out var ofColumn))
                spellings[column] = ofColumn = new(StringComparer.OrdinalIgnoreCase);
            if (!ofColumn.TryGetValue(value, out var first))
                ofColumn[value] = first = value;
            return first;
        }
        // "00aa" and "00AA " are one school: a second line for it would silently replace the first.
        var facts = new Dictionary<string, SchoolFact>(StringComparer.OrdinalIgnoreCase);
        while (CsvFiles.Read(csv))
        {
            var school = Field(id);
            if (school == SchoolFact.Unknown)
                continue;
            var kind = Field(type).ToUpperInvariant();
            if (kind != "ONBEKEND" && !Types.Contains(kind))
                throw new UserError(Texts.Taskforce.SchoolTypeUnknown(path, csv.LineNumber, Disclosure.IsStructural(kind) || kind.Length <= 8 ? kind : ""), Setting.Inputs);
            if (!facts.TryAdd(school, new SchoolFact(school, kind == "ONBEKEND" ? SchoolFact.Unknown : kind, Category(gemeente), Category(region), Category(swv))))
                throw new UserError(Texts.Taskforce.SchoolTwice(path, csv.LineNumber, school), Setting.Inputs);
        }
        return facts;
    }
}
