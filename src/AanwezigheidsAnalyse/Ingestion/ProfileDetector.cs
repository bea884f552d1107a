using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>Column index per role; -1 when the file lacks the column.</summary>
[InlineArray(RoleCount)]
internal struct Binding
{
    public const int RoleCount = (int)ColumnRole.PresentMinutes + 1;

    private int _first;

    /// <summary>The column of <paramref name="role"/>, or -1. A constant role compiles to one load, no bounds check.</summary>
    public int this[ColumnRole role]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => this[(int)role];
        set => this[(int)role] = value;
    }

    public static Binding None()
    {
        var binding = new Binding();
        ((Span<int>)binding).Fill(-1);
        return binding;
    }
}

/// <summary>
/// Binds a profile's columns to a file's header, and picks the bundled profile whose required headers the file
/// has. When several fit, the one that recognises the most columns wins; a tie, or no fit at all, stops the run
/// with the headers found and the profiles tried.
/// </summary>
internal static class ProfileDetector
{
    /// <summary>Finds each role's column; returns, per required role, whether it was found.</summary>
    public static bool[] Bind(Profile profile, IReadOnlyList<string> headers, out Binding binding)
    {
        binding = Binding.None();
        var folded = headers.Select(Fold.Header).ToArray();
        var personal = profile.PersonalColumns.Select(Fold.Header).ToHashSet(StringComparer.Ordinal);
        foreach (var (role, names) in profile.Columns)
        {
            foreach (var name in names)
            {
                var index = Array.IndexOf(folded, Fold.Header(name));
                if (index >= 0 && !personal.Contains(folded[index]))
                {
                    binding[role] = index;
                    break;
                }
            }
        }
        var b = binding;
        return [.. profile.Required.Select(role => b[role] >= 0)];
    }

    /// <summary>
    /// Refuses a file in which a column the profile reads appears twice under one name (two 'pupil_id' columns, or
    /// 'Status' and 'status'): which one is meant cannot be told, and taking the first would be a guess no one sees.
    /// </summary>
    public static void CheckUnambiguous(string path, IReadOnlyList<string> headers, Binding binding)
    {
        var folded = headers.Select(Fold.Header).ToArray();
        foreach (var role in Enum.GetValues<ColumnRole>())
        {
            if (binding[role] is var column and >= 0 && Array.IndexOf(folded, folded[column], column + 1) is var again and >= 0)
                throw new UserError(Texts.ColumnTwice(path, HeaderRow.Kept([headers[column]])[0], column + 1, again + 1), Setting.Inputs);
        }
        // The pupil number's column in a second role: as the class it put every pupil's number beside its pseudonym in
        // pupils.parquet, undoing --pseudonymize-key (an adversarial pass: a profile mapped "Leerlingcode" to both).
        if (binding[ColumnRole.PupilId] is var pupil and >= 0 && Enum.GetValues<ColumnRole>().FirstOrDefault(r => r != ColumnRole.PupilId && binding[r] == pupil, ColumnRole.PupilId) is var other && other != ColumnRole.PupilId)
            throw new UserError(Texts.PupilColumnInTwoRoles(path, HeaderRow.Kept([headers[pupil]])[0], other.Name()), Setting.Profile);
    }

    /// <summary>True when the file has every column the profile requires.</summary>
    public static bool Matches(Profile profile, IReadOnlyList<string> headers) => Bind(profile, headers, out _).All(found => found);

    public static Profile? Detect(IReadOnlyList<string> headers, out List<(Profile Profile, int Recognised)> candidates)
    {
        candidates = [];
        foreach (var profile in Profile.Bundled)
        {
            if (!Bind(profile, headers, out var binding).All(found => found))
                continue;
            var recognised = Enum.GetValues<ColumnRole>().Count(role => binding[role] >= 0);
            candidates.Add((profile, recognised));
        }
        if (candidates.Count == 0)
            return null;
        var best = candidates.Max(c => c.Recognised);
        var top = candidates.Where(c => c.Recognised == best).ToList();
        return top.Count == 1 ? top[0].Profile : null;
    }

    public static UserError NoMatch(string path, IReadOnlyList<string> headers)
    {
        Detect(headers, out var candidates);
        var found = HeaderRow.Describe(headers);
        if (candidates.Count > 1)
            return new UserError(Texts.SeveralProfilesFit(path, string.Join(", ", candidates.Select(c => c.Profile.Name)), found), Setting.Profile);
        var tried = string.Join("; ", Profile.Bundled.Select(p => $"{p.Name} ({string.Join(", ", p.Required.Select(r => p.Columns[r][0]))})"));
        return new UserError(Texts.NoProfileFits(path, found, tried), Setting.Profile);
    }

    public static UserError MissingColumns(string path, Profile profile, IReadOnlyList<string> headers)
    {
        var found = Bind(profile, headers, out _);
        var missing = string.Join(", ", profile.Required.Where((_, i) => !found[i])
            .Select(r => $"{r.Name()} ({string.Join(" / ", profile.Columns[r])})"));
        return new UserError(Texts.ProfileMissesColumns(path, profile.Name, missing, HeaderRow.Describe(headers, profile.Columns.Values.SelectMany(n => n))), Setting.Profile);
    }
}

/// <summary>
/// The one guard on every file's first line before it reaches a message (exports and pupil list alike). A file
/// without a header row starts with data (names, BSN), which must never be printed. So the line is quoted only
/// when it is recognisably a header: at least one cell is a column name the tool knows, and no cell holds a
/// date or a number. Otherwise it is described, not quoted. Quoted cells are cut to 40 characters, and control
/// characters (a terminal's escape sequences) are shown as '?'.
/// </summary>
internal static class HeaderRow
{
    /// <summary>
    /// A field that holds its own column's name, as a header row repeated below the data does (two exports or lists
    /// put one after the other, the second's BOM included).
    /// </summary>
    public static bool IsItsHeader(ReadOnlySpan<byte> field, string header) =>
        header.Length > 0 && System.Text.Encoding.UTF8.GetString(field).Trim().TrimStart('\uFEFF').Equals(header.Trim().TrimStart('\uFEFF'), StringComparison.OrdinalIgnoreCase);

    private const int MaxCellLength = 40;

    /// <summary>Every column name of the bundled profiles and the pupil list, folded.</summary>
    private static readonly Lazy<HashSet<string>> KnownNames = new(() =>
        [.. Profile.Bundled.SelectMany(p => p.Columns.Values.SelectMany(names => names).Concat(p.PersonalColumns)).Concat(PupilList.ColumnNames).Select(Fold.Header)]);

    /// <summary>True for a column name of a bundled profile or of the pupil list.</summary>
    public static bool IsKnownName(string cell) => KnownNames.Value.Contains(Fold.Header(cell));

    public static Phrase Describe(IReadOnlyList<string> cells, IEnumerable<string>? alsoKnown = null)
    {
        if (cells.Any(LooksLikeData))
            return Texts.FirstLineLooksLikeData;
        var known = alsoKnown?.Select(Fold.Header).ToHashSet() ?? [];
        if (!cells.Any(c => KnownNames.Value.Contains(Fold.Header(c)) || known.Contains(Fold.Header(c))))
            return Texts.FirstLineHasNoKnownColumn(cells.Count);
        var quoted = string.Join(", ", cells.Select(h => $"'{Printable(h)}'"));
        return new(quoted, quoted);
    }

    private static string Printable(string cell)
    {
        var text = cell.Length > MaxCellLength ? cell[..MaxCellLength] + "…" : cell;
        return string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
                span[i] = char.IsControl(t[i]) ? '?' : t[i];
        });
    }

    /// <summary>
    /// The header cells as run.json keeps them: a cell that holds data (a BSN or a pupil number typed beside a name, a
    /// date) is kept as '?', the others cut and made printable as in a message.
    /// </summary>
    public static List<string> Kept(IEnumerable<string> cells) => [.. cells.Select(c => LooksLikeData(c) ? "?" : Printable(c))];

    /// <summary>A number or a date, or a cell holding one: no column name has five digits in it, a BSN or a pupil number has.</summary>
    private static bool LooksLikeData(string cell)
    {
        var text = cell.AsSpan().Trim();
        return text.Length > 0 && ((text.IndexOfAnyExcept("0123456789-/.: ") < 0 && text.IndexOfAnyInRange('0', '9') >= 0) || cell.Count(char.IsAsciiDigit) >= 5);
    }
}
