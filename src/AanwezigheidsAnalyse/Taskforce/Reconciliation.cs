using System.Globalization;
using System.Text;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using CsvHelper;

namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>The options of <c>aanwezigheid reconcile</c>.</summary>
public sealed record ReconcileOptions
{
    /// <summary>What was computed: a Taskforce dataset (<c>collect</c>) or one school's analyze output folder.</summary>
    public required string Computed { get; init; }

    /// <summary>The regional thuiszitters list (CSV): pupil number or pseudonym, school, since when, category.</summary>
    public required string List { get; init; }

    /// <summary>The region's key, to pseudonymise a list that holds pupil numbers.</summary>
    public string? PseudonymizeKeyFile { get; init; }

    /// <summary>Where the CSV for Excel goes.</summary>
    public required string Output { get; init; }

    /// <summary>The language of the CSV and messages.</summary>
    public Language Language { get; init; } = Language.Dutch;
}

/// <summary>Which side a pupil is on.</summary>
public enum ReconcileGroup
{
    /// <summary>On the list and computed: agreed.</summary>
    Both,

    /// <summary>Computed (thuiszitter or LR-50) and not on the list: a registration to make, or a reason to ask.</summary>
    OnlyComputed,

    /// <summary>On the list and not computed: the list or the registration may be out of date.</summary>
    OnlyOnList,
}

/// <summary>One pupil of the reconciliation.</summary>
/// <param name="Group">Which side.</param>
/// <param name="SchoolId">The school.</param>
/// <param name="PupilKey">The pupil's key as the datasets write it (a pseudonym in a Taskforce's dataset).</param>
/// <param name="ListSince">Since when, by the list.</param>
/// <param name="ListCategory">The list's category.</param>
/// <param name="Criteria">The criteria computed (TZ-*, LR-50), with since when.</param>
/// <param name="WhatWeSee">What the data say of the pupil, in words.</param>
public sealed record ReconciledPupil(ReconcileGroup Group, string SchoolId, string PupilKey, string ListSince, string ListCategory, string Criteria, string WhatWeSee);

/// <summary>
/// The regional thuiszitters list against the computed thuiszitters (TZ-0, TZ-LPW, TZ-3M) and LR-50 pupils (README,
/// "The Taskforce"): on both, only computed (with the evidence), only on the list (with what the data show: "aanwezig
/// 80 % in de laatste 8 schoolweken"). Matched by school and pupil key at each school's latest as-of date; a list with
/// pupil numbers is pseudonymised with the region's key first, and the output holds keys only.
/// </summary>
public static class Reconciliation
{
    private static readonly string[] PupilColumns = ["pupil_key", "pseudoniem", "pseudonym", "pupil_id", "leerlingnummer", "stamnr", "stamnummer"];
    private static readonly string[] SchoolColumns = ["school_id", "school", "brin", "brinnummer"];
    private static readonly string[] SinceColumns = ["sinds", "since", "vanaf", "datum"];
    private static readonly string[] CategoryColumns = ["categorie", "category", "soort"];

    /// <summary>Reconciles, writes the CSV and returns every pupil, grouped.</summary>
    public static IReadOnlyList<ReconciledPupil> Run(ReconcileOptions options)
    {
        var l = options.Language;
        CheckOutput(options);
        // The schools and dates compared with: a list's school must be one of them or a school code, and its "since"
        // a date of the last few years before them.
        var latest = DatasetQuery.Latest(options.Computed, "SELECT school_id, as_of FROM latest");
        var schools = latest.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var asOf = latest.Select(r => r[1] switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), _ => DateOnly.MinValue }).DefaultIfEmpty(DateOnly.FromDateTime(DateTime.Today)).Max();
        var list = ReadList(options.List, schools, asOf);
        var pseudonymised = DatasetQuery.HoldsPseudonyms(options.Computed);
        if (!pseudonymised)
        {
            // Pupil numbers on the computed side: a key would pseudonymise nothing, and pseudonyms match nothing.
            if (options.PseudonymizeKeyFile is not null)
                throw new UserError(Texts.Taskforce.KeyWithoutPseudonyms(options.Computed), Setting.PseudonymizeKey);
            if (list.Any(e => PupilKeys.IsPseudonym(e.Pupil)))
                throw new UserError(Texts.Taskforce.PseudonymsAgainstNumbers(options.List, options.Computed), Setting.Inputs);
        }
        if (pseudonymised && list.Any(e => !PupilKeys.IsPseudonym(e.Pupil)))
        {
            if (options.PseudonymizeKeyFile is null)
                throw new UserError(Texts.Taskforce.ListNeedsKey(options.List), Setting.PseudonymizeKey);
            var keys = PupilKeys.FromKeyFile(options.PseudonymizeKeyFile);
            // Another key gives other pseudonyms: every listed pupil would seem missing from the data, and every
            // computed one missing from the list, as if that were the answer. A dataset's catalogue and an analyze
            // folder's run.json both say which key made them.
            if (DatasetQuery.KeyFingerprintOf(options.Computed) is { } expected && expected != keys.Fingerprint)
                throw new UserError(Texts.Taskforce.KeyDoesNotFit(options.PseudonymizeKeyFile, keys.Fingerprint!, expected), Setting.PseudonymizeKey);
            list = [.. list.Select(e => PupilKeys.IsPseudonym(e.Pupil) ? e : e with { Pupil = keys.KeyOf(e.School, e.Pupil) })];
        }

        var computed = DatasetQuery.Latest(options.Computed,
            "SELECT s.school_id, s.pupil_key, string_agg(s.criterion_id || ' ' || strftime(s.first_met, '%Y-%m-%d'), ', ' ORDER BY s.criterion_id) " +
            "FROM signals s JOIN latest m ON s.school_id = m.school_id AND s.as_of = m.as_of " +
            "WHERE s.criterion_id IN ('TZ-0', 'TZ-LPW', 'TZ-3M', 'LR-50') GROUP BY ALL")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (string)r[2]!);
        var seen = DatasetQuery.Latest(options.Computed,
            "SELECT p.school_id, p.pupil_key, p.absence_rate_8w, p.tier FROM pupils p JOIN latest m ON p.school_id = m.school_id AND p.as_of = m.as_of")
            .ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (Rate: r[2] is null ? (double?)null : Convert.ToDouble(r[2], CultureInfo.InvariantCulture), Tier: Convert.ToInt32(r[3], CultureInfo.InvariantCulture)));

        // Pseudonyms made with another key match nobody, and no fingerprint says so: the comparison would be all
        // "on the list only" and "computed only", exit 0 (an adversarial pass). A list of a few pupils who all left
        // may match nobody too; from 3 on, none found is taken as the wrong key.
        if (list.Select(e => (e.School, e.Pupil)).Distinct().Count() is >= 3 and var listed && !list.Any(e => seen.ContainsKey((e.School, e.Pupil))))
            throw new UserError(Texts.Taskforce.ListMatchesNoPupil(options.List, listed), Setting.Inputs);
        var result = new List<ReconciledPupil>();
        var onList = new HashSet<(string, string)>();
        foreach (var entry in list)
        {
            // A pupil listed twice (or once as a number and once as its pseudonym) is one pupil, in one group.
            var key = (entry.School, entry.Pupil);
            if (!onList.Add(key))
                continue;
            var criteria = computed.GetValueOrDefault(key);
            var what = seen.TryGetValue(key, out var s) ? Texts.Taskforce.WhatWeSee(l, s.Rate, s.Tier) : Texts.Taskforce.NotInOurData(l);
            result.Add(new ReconciledPupil(criteria is null ? ReconcileGroup.OnlyOnList : ReconcileGroup.Both, entry.School, entry.Pupil, entry.Since, entry.Category, criteria ?? "", what));
        }
        foreach (var ((school, pupil), criteria) in computed.Where(c => !onList.Contains(c.Key)))
        {
            var s = seen.GetValueOrDefault((school, pupil));
            result.Add(new ReconciledPupil(ReconcileGroup.OnlyComputed, school, pupil, "", "", criteria, Texts.Taskforce.WhatWeSee(l, s.Rate, s.Tier)));
        }
        result.Sort((a, b) => a.Group.CompareTo(b.Group) is var g and not 0 ? g : string.CompareOrdinal(a.SchoolId, b.SchoolId) is var sc and not 0 ? sc : string.CompareOrdinal(a.PupilKey, b.PupilKey));
        Write(options.Output, result, l);
        return result;
    }

    /// <summary>A group in the words of the CSV.</summary>
    public static Phrase Words(this ReconcileGroup group) => group switch
    {
        ReconcileGroup.Both => new("op beide", "on both"),
        ReconcileGroup.OnlyComputed => new("alleen berekend: registratie nodig?", "computed only: to register?"),
        _ => new("alleen op de lijst: lijst of registratie verouderd?", "on the list only: list or registration out of date?"),
    };

    private sealed record ListEntry(string Pupil, string School, string Since, string Category);

    /// <summary>
    /// The CSV goes where it harms nothing: not over the list, the key or another input, not into the computed folder
    /// (a dataset's catalogue, an analyze folder's files), and not over a file that is not an earlier comparison.
    /// </summary>
    private static void CheckOutput(ReconcileOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Output))
            throw new UserError(Texts.OutputNameEmpty, Setting.Output);
        // What to compare with first: a missing folder is not "a folder of pupil numbers".
        if (!File.Exists(Path.Combine(options.Computed, Collection.CatalogueName)) && !File.Exists(Path.Combine(options.Computed, "pupils.parquet")))
            throw new UserError(Texts.Taskforce.NotComputed(options.Computed), Setting.Inputs);
        var target = OutputFolder.RealPath(options.Output);
        if (Directory.Exists(target))
            throw new UserError(Texts.IsAFolder(Setting.Output, options.Output), Setting.Output);
        var computed = OutputFolder.RealPath(options.Computed);
        if (OutputFolder.IsInside(target, computed))
            throw new UserError(Texts.Taskforce.OutputInDataset(options.Output), Setting.Output);
        if (new[] { options.List, options.PseudonymizeKeyFile }.OfType<string>().Any(input => OutputFolder.RealPath(input) == target))
            throw new UserError(Texts.OutputIsInput(options.Output), Setting.Output);
        if (File.Exists(target) && !ExcelCsv.HasHeader(target, Texts.Taskforce.ReconcileHeader))
            throw new UserError(Texts.Taskforce.WouldReplace(options.Output), Setting.Output);
    }

    private static List<ListEntry> ReadList(string path, IReadOnlySet<string> schools, DateOnly asOf)
    {
        InputFile.Check(path, Setting.Inputs);
        var encoding = InputSniffer.DetectEncoding(path);
        using var csv = CsvReader.FromFile(path, CsvFiles.Options(encoding.Encoding, trackLineNumbers: true));
        try
        {
            return ReadList(path, csv, schools, asOf);
        }
        catch (CsvFormatException e)
        {
            throw CsvFiles.LineTooLong(path, e, csv, Setting.Inputs);
        }
    }

    private static List<ListEntry> ReadList(string path, CsvReader csv, IReadOnlySet<string> schools, DateOnly asOf)
    {
        var headers = csv.Headers.Select(Fold.Header).ToArray();
        int Find(string[] names) => names.Select(n => Array.IndexOf(headers, Fold.Header(n))).FirstOrDefault(i => i >= 0, -1);
        var (pupil, school, since, category) = (Find(PupilColumns), Find(SchoolColumns), Find(SinceColumns), Find(CategoryColumns));
        if (pupil < 0 || school < 0)
            throw new UserError(Texts.Taskforce.ListColumns(path, HeaderRow.Describe(csv.Headers)), Setting.Inputs);
        var entries = new List<ListEntry>();
        string Field(int column) => column >= 0 && column < csv.FieldCount ? Encoding.UTF8.GetString(CsvFiles.Value(csv.GetSpan(column))).Trim() : "";
        while (CsvFiles.Read(csv))
        {
            // The spelling the datasets key pupils by (a list from Excel drops leading zeros too).
            // A pseudonym in capitals (a spreadsheet's UPPER) is the same pseudonym.
            var given = Field(pupil);
            var id = given.ToLowerInvariant() is var lower && PupilKeys.IsPseudonym(lower) ? lower : Identifiers.PupilNumber(given);
            if (id.Length == 0)
                continue;
            // The same guard as every other pupil number: a name or a BSN in the column is not a pupil.
            if (!Disclosure.LooksLikePupilId(Encoding.UTF8.GetBytes(id)) || (!PupilKeys.IsPseudonym(id) && Disclosure.LooksLikeUserName(Encoding.UTF8.GetBytes(given))))
                throw new UserError(Texts.Taskforce.ListRowNotAPupil(path, csv.LineNumber), Setting.Inputs);
            // A school of the computed side, or a code with a digit (a BRIN): "Piet Jansen" typed there became school
            // PIET JANSEN in the CSV.
            var code = Identifiers.SchoolCode(Field(school));
            if (!schools.Contains(code) && !LooksLikeSchoolCode(code))
                throw new UserError(Texts.Taskforce.ListRowNotASchool(path, csv.LineNumber), Setting.Inputs);
            entries.Add(new ListEntry(id, code, Field(since), Field(category)));
        }
        // What the list says besides pupil and school is copied into the CSV only when it cannot be personal: "since"
        // when it is a date of the four years before the as-of date (a pupil's birth date is older: pupils are four or
        // more), the category when several pupils share it and it has no shape of a name (two capitalised words: Piet
        // Jansen, Mw. J. de Vries), an e-mail address, or digits (a phone number, an address, a BSN).
        var shared = entries.GroupBy(e => e.Category, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(e => (e.School, e.Pupil)).Distinct().Count() >= Disclosure.MinPupils).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. entries.Select(e => e with
        {
            Since = Since(e.Since, asOf),
            Category = shared.Contains(e.Category) && Disclosure.MayBeShared(e.Category) && !e.Category.Contains('@') && !e.Category.Any(char.IsDigit)
                && e.Category.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => char.IsUpper(w[0])) < 2 ? e.Category : "",
        })];
    }

    private static readonly NodaTime.Text.LocalDatePattern[] SinceFormats =
        [.. new[] { "yyyy-M-d", "d-M-yyyy", "d/M/yyyy", "d.M.yyyy", "yyyy/M/d" }.Select(p => NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture(p))];

    /// <summary>"Since" as yyyy-MM-dd when it is a date from four years before <paramref name="asOf"/> to a month after; else empty.</summary>
    private static string Since(string text, DateOnly asOf)
    {
        foreach (var pattern in SinceFormats)
        {
            if (pattern.Parse(text) is { Success: true } parsed && parsed.Value.ToDateOnly() is var date
                && date >= asOf.AddYears(-4) && date <= asOf.AddMonths(1))
                return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return "";
    }

    private static bool LooksLikeSchoolCode(string code) =>
        code.Any(char.IsAsciiDigit) && !code.Contains(' ') && Disclosure.LooksLikeSchoolId(Encoding.UTF8.GetBytes(code));

    private static void Write(string path, List<ReconciledPupil> pupils, Language l)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = ExcelCsv.Create(stream);
            writer.WriteRecord(Texts.Taskforce.ReconcileHeader(l));
            foreach (var p in pupils)
                writer.WriteRecord([p.Group.Words().In(l), p.SchoolId, p.PupilKey, p.ListSince, p.ListCategory, p.Criteria, p.WhatWeSee]);
        });
    }
}
