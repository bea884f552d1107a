using System.Globalization;
using System.Text;
using System.Text.Json;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using CsvHelper;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>What <c>validate --suggest-profile</c> wrote: the file, and what is left for the user to fill in.</summary>
/// <param name="Export">The export it was made from.</param>
/// <param name="Path">The profile file written.</param>
/// <param name="Template">The bundled profile it starts from.</param>
/// <param name="Mapped">Columns mapped to a role.</param>
/// <param name="Unmapped">Columns left for the user to map, or to list as personal.</param>
/// <param name="KnownCodes">Codes found in a bundled code table.</param>
/// <param name="UnknownCodes">Codes written with category "?", for the user to fill in.</param>
/// <param name="HiddenCodes">Distinct codes not written: fewer than three pupils have them (a code column may hold a typed name), they look like data, are longer than 40 characters or come after the first 200.</param>
/// <param name="Rows">Data rows below the header.</param>
internal sealed record SuggestedProfile(string Export, string Path, string Template, int Mapped, int Unmapped, int KnownCodes, int UnknownCodes, int HiddenCodes, long Rows);

/// <summary>
/// A starting profile for an export no bundled profile reads (README, "Profiles"): the bundled profile that recognises
/// most of its columns gives the shape, the column roles it can map and the codes it knows; the rest is written for
/// the user to fill in: unmapped columns in a list, unknown codes with category "?", which the profile loader refuses
/// until filled. Nothing is guessed: a header is mapped only by a name a bundled profile uses.
/// </summary>
internal static class ProfileSuggestion
{
    /// <summary>Codes read to find every code in use; an export has a few dozen, a pupil's typed remark is not one.</summary>
    private const int MaxCodes = 200;

    public static SuggestedProfile Write(string exportPath, string profilePath)
    {
        InputFile.Check(exportPath, Setting.Inputs);
        // A profile the user edited, or the export itself, is never written over.
        if (File.Exists(profilePath) || Directory.Exists(profilePath))
            throw new UserError(Texts.SuggestedProfileExists(profilePath), Setting.SuggestProfile);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(profilePath)) is { } folder && !Directory.Exists(folder))
            throw new UserError(Texts.FolderMissing(Setting.SuggestProfile, folder), Setting.SuggestProfile);
        if (exportPath.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            throw new UserError(Texts.SuggestNeedsCsv(exportPath), Setting.Inputs);
        if (InputFile.Length(exportPath) == 0)
            throw new UserError(Texts.FileEmpty(Setting.Inputs, exportPath), Setting.Inputs);
        var encoding = InputSniffer.DetectEncoding(exportPath);
        using var csv = CsvReader.FromFile(exportPath, CsvFiles.Options(encoding.Encoding, trackLineNumbers: true));
        List<string> headers = [.. csv.Headers.Select(h => h.Trim())];
        // A first line without one known column name may be data (a file without header): names must not go into a file.
        if (!headers.Any(HeaderRow.IsKnownName))
            throw new UserError(Texts.NoHeaderToSuggestFrom(exportPath, HeaderRow.Describe(headers)), Setting.Inputs);

        var template = Profile.Bundled.MaxBy(p => Recognised(p, headers))!;
        ProfileDetector.Bind(template, headers, out var binding);
        var personal = Profile.Bundled.SelectMany(p => p.PersonalColumns).Select(Fold.Header).ToHashSet(StringComparer.Ordinal);
        var mapped = Enum.GetValues<ColumnRole>().Where(r => binding[r] >= 0).ToList();
        var bound = mapped.Select(r => binding[r]).ToHashSet();
        var personalHeaders = headers.Where(h => personal.Contains(Fold.Header(h))).ToList();
        // A column without a role is written for the user to place, unless its header could be data: a BSN, a long
        // number, a comma ("Jansen, Piet") or an overlong cell. Those are counted, never copied.
        var unplaced = headers.Where((h, i) => !bound.Contains(i) && !personal.Contains(Fold.Header(h)) && h.Length > 0).ToList();
        var unmapped = unplaced.Where(h => h.Length <= 40 && Disclosure.MayBeShared(h) && !h.Any(char.IsControl)).ToList();
        var hiddenColumns = unplaced.Count - unmapped.Count;
        // The pupil number and the code column under names no profile knows ("Leerlingcode", "Verzuimcode"): proposed,
        // marked for the user to confirm, so that the codes can be listed per pupil. A pupil number's name has a pupil
        // word and a number word in it ("Leerling" alone may hold the name); a code column's a code word and no pupil
        // word: "Leerlingcode" was proposed as the code column, and the README's own example got no codes (an
        // adversarial pass). Never a column of free text.
        var proposed = new HashSet<int>();
        void Propose(ColumnRole role, Func<string, bool> fits)
        {
            if (binding[role] >= 0 || unmapped.FirstOrDefault(h => fits(Fold.Header(h))) is not { } header)
                return;
            binding[role] = headers.IndexOf(header);
            proposed.Add(binding[role]);
            unmapped.Remove(header);
            mapped.Add(role);
        }
        Propose(ColumnRole.PupilId, h => PupilWords.Any(w => h.Contains(w, StringComparison.Ordinal)) && NumberWords.Any(w => h.EndsWith(w, StringComparison.Ordinal)));
        Propose(ColumnRole.Code, h => CodeWords.Any(w => h.Contains(w, StringComparison.Ordinal)) && !PupilWords.Concat(ClassWords).Any(w => h.Contains(w, StringComparison.Ordinal)));

        // A code a bundled table knows is no personal data however few pupils have it (a suspension, a reduced
        // timetable): it is suggested, not hidden, or the profile would reject what auto-detection reads (an adversarial pass).
        bool Known(string folded) => Profile.Bundled.Prepend(template).Any(p => p.Codes.Any(r => Fold.Code(r.Code) == folded));
        var codes = ReadCodes(exportPath, csv, binding[ColumnRole.Code], binding[ColumnRole.PupilId], Known, out var hidden, out var rows);
        var known = new List<CodeRule>();
        var unknown = new List<string>();
        foreach (var code in codes)
        {
            var folded = Fold.Code(code);
            var source = Profile.Bundled.Prepend(template).FirstOrDefault(p => p.Codes.Any(r => Fold.Code(r.Code) == folded));
            if (source is null)
                unknown.Add(code);
            else
                known.AddRange(source.Codes.Where(r => Fold.Code(r.Code) == folded).Select(r => r with { Code = code }));
        }

        var json = new StringBuilder();
        json.AppendLine("// Een startprofiel, gemaakt door 'aanwezigheid validate --suggest-profile' (README, 'Profiles').");
        json.AppendLine("// Vul aan wat nog open staat: kolommen bij 'columns' of 'personal_columns', en elke code met category \"?\".");
        json.AppendLine("// A starting profile: give the columns listed below a role or list them as personal, and give every code with category \"?\" its category.");
        json.AppendLine("{");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"name\": {Quote(System.IO.Path.GetFileNameWithoutExtension(profilePath))},");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"description\": {Quote($"started from bundled profile {template.Name}")},");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"shape\": {Quote(Snake(template.Shape))},");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"slot_kind\": {Quote(Snake(template.SlotKind))},");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"register\": {Quote(Snake(template.Register))},");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"duration_unit\": {Quote(Snake(template.DurationUnit))}, // minutes, hours or day_fraction (1 = the whole day / de hele dag)");
        json.AppendLine("  \"columns\": {");
        var missing = template.Required.Where(r => !mapped.Contains(r)).ToList();
        json.Append(Lines(mapped.Select(r => ($"    {Quote(Snake(r))}: [{Quote(headers[binding[r]])}]", proposed.Contains(binding[r]) ? "voorgesteld: controleer / proposed: check" : null))
            .Concat(missing.Select(r => ($"    {Quote(Snake(r))}: []", (string?)"verplicht: vul de kolomnaam in / required: fill in the column name")))));
        json.AppendLine("  },");
        if (unmapped.Count > 0)
            json.AppendLine(CultureInfo.InvariantCulture, $"  // Kolommen zonder rol; zet ze bij 'columns' of bij 'personal_columns' / columns without a role: {string.Join(", ", unmapped.Select(Quote))}");
        if (hiddenColumns > 0)
            json.AppendLine(CultureInfo.InvariantCulture, $"  // {hiddenColumns} kolom(men) met een kopregel die gegevens kan zijn (een nummer, een komma) zijn niet overgenomen / not copied");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"required\": [{string.Join(", ", template.Required.Select(r => Quote(Snake(r))))}],");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"personal_columns\": [{string.Join(", ", personalHeaders.Select(Quote))}],");
        json.AppendLine(CultureInfo.InvariantCulture, $"  \"date_formats\": [{string.Join(", ", template.DateFormats.Select(Quote))}],");
        json.AppendLine("  \"codes\": [");
        json.Append(Lines(known.Select(r => ($"    {{ \"code\": {Quote(r.Code)}, \"category\": {Quote(Snake(r.Category))}{(r.Authorized is { } a ? $", \"authorized\": {(a ? "true" : "false")}" : "")} }}", (string?)null))
            .Concat(unknown.Select(c => ($"    {{ \"code\": {Quote(c)}, \"category\": \"?\" }}", (string?)("onbekend / unknown: " + Texts.CategoryChoices))))));
        json.AppendLine("  ]");
        json.AppendLine("}");
        var bytes = Encoding.UTF8.GetBytes(json.ToString());
        AtomicFile.Write(profilePath, stream => stream.Write(bytes));
        return new SuggestedProfile(exportPath, System.IO.Path.GetFullPath(profilePath), template.Name, mapped.Count, unplaced.Count, known.Select(r => r.Code).Distinct().Count(), unknown.Count, hidden, rows);
    }

    private static int Recognised(Profile profile, List<string> headers)
    {
        ProfileDetector.Bind(profile, headers, out var binding);
        return Enum.GetValues<ColumnRole>().Count(r => binding[r] >= 0);
    }

    /// <summary>Every code with at least three pupils (a code one pupil has may be a typed name); the others counted.</summary>
    private static List<string> ReadCodes(string path, CsvReader csv, int codeColumn, int pupilColumn, Func<string, bool> known, out int hidden, out long rows)
    {
        try
        {
            return ReadCodes(csv, codeColumn, pupilColumn, known, out hidden, out rows);
        }
        catch (CsvFormatException e)
        {
            throw CsvFiles.LineTooLong(path, e, csv, Setting.Inputs);
        }
    }

    private static List<string> ReadCodes(CsvReader csv, int codeColumn, int pupilColumn, Func<string, bool> known, out int hidden, out long rows)
    {
        hidden = 0;
        rows = 0;
        if (codeColumn < 0)
        {
            while (CsvFiles.Read(csv))
                rows++;
            return [];
        }
        var beyond = new HashSet<string>(StringComparer.Ordinal); // codes past MaxCodes or too long: counted, not listed
        var pupils = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var spelling = new Dictionary<string, string>(StringComparer.Ordinal);
        while (CsvFiles.Read(csv))
        {
            rows++;
            if (codeColumn >= csv.FieldCount)
                continue;
            var code = Encoding.UTF8.GetString(CsvFiles.Value(csv.GetSpan(codeColumn)));
            if (code.Length == 0)
                continue;
            var folded = Fold.Code(code);
            if (code.Length > 40)
            {
                beyond.Add(folded);
                continue;
            }
            if (!pupils.TryGetValue(folded, out var seen))
            {
                if (pupils.Count == MaxCodes)
                {
                    beyond.Add(folded);
                    continue;
                }
                pupils[folded] = seen = [];
                spelling[folded] = code;
            }
            if (seen.Count < Disclosure.MinPupils)
                seen.Add(pupilColumn >= 0 && pupilColumn < csv.FieldCount ? Encoding.UTF8.GetString(CsvFiles.Value(csv.GetSpan(pupilColumn))) : "");
        }
        var shown = pupils.Where(p => known(p.Key) || (p.Value.Count >= Disclosure.MinPupils && Disclosure.MayBeShared(spelling[p.Key]))).Select(p => spelling[p.Key]).Order(StringComparer.Ordinal).ToList();
        hidden = pupils.Count - shown.Count + beyond.Count;
        return shown;
    }

    /// <summary>JSON entries, one per line, commas between them and a comment after the comma.</summary>
    private static string Lines(IEnumerable<(string Entry, string? Comment)> entries)
    {
        var list = entries.ToList();
        var text = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
            text.Append(list[i].Entry).Append(i < list.Count - 1 ? "," : "").Append(list[i].Comment is { } c ? " // " + c : "").Append('\n');
        return text.ToString();
    }

    /// <summary>Folded parts of a header that names the code column in exports the bundled profiles do not know.</summary>
    private static readonly string[] CodeWords = ["code", "reden", "status", "soort"];

    /// <summary>Folded parts of a header that names the pupil (with a <see cref="NumberWords"/> ending, the pupil number).</summary>
    private static readonly string[] PupilWords = ["leerling", "pupil", "student"]; // not "stam": Stamklascode is a class

    private static readonly string[] NumberWords = ["code", "nummer", "nr", "id"];

    /// <summary>Folded parts of a header that names a class ("Stamklascode"): never the code column.</summary>
    private static readonly string[] ClassWords = ["klas", "groep", "group", "class"];

    private static string Quote(string text) => JsonSerializer.Serialize(text);

    private static string Snake<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
