using AanwezigheidsAnalyse.Internals;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Binds a profile's columns to an export's header, and picks the bundled profile whose required headers the
/// export has. When several fit, the one that recognises the most columns wins; a tie, or no fit at all,
/// stops the run with the headers found and the profiles tried.
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
                    binding.Set(role, index);
                    break;
                }
            }
        }
        var b = binding;
        return [.. profile.Required.Select(role => Index(b, role) >= 0)];
    }

    public static Profile? Detect(IReadOnlyList<string> headers, out List<(Profile Profile, int Recognised)> candidates)
    {
        candidates = [];
        foreach (var profile in Profile.Bundled)
        {
            if (!Bind(profile, headers, out var binding).All(found => found))
                continue;
            var recognised = Enum.GetValues<ColumnRole>().Count(role => Index(binding, role) >= 0);
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
        var found = Columns(headers);
        var tried = string.Join("; ", Profile.Bundled.Select(p =>
            $"{p.Name} ({string.Join(", ", p.Required.Select(r => p.Columns[r][0]))})"));
        if (candidates.Count > 1)
        {
            var tie = string.Join(", ", candidates.Select(c => c.Profile.Name));
            return new UserError(
                $"'{path}': meerdere profielen passen even goed ({tie}). Kies er een met --profile. Kolommen in het bestand: {found.Dutch}.",
                $"'{path}': several profiles fit equally well ({tie}). Choose one with --profile. Columns in the file: {found.English}.");
        }
        return new UserError(
            $"'{path}': geen profiel herkent de kolommen van dit bestand. Gevonden kolommen: {found.Dutch}. Geprobeerd (met verplichte kolommen): {tried}. " +
            "Kies een profiel met --profile, of maak een eigen profielbestand (zie README, 'Profiles').",
            $"'{path}': no profile recognises this file's columns. Columns found: {found.English}. Tried (with required columns): {tried}. " +
            "Choose a profile with --profile, or write a profile file of your own (see README, 'Profiles').");
    }

    public static UserError MissingColumns(string path, Profile profile, IReadOnlyList<string> headers)
    {
        var found = Bind(profile, headers, out _);
        var missing = string.Join(", ", profile.Required.Where((_, i) => !found[i])
            .Select(r => $"{r} ({string.Join(" / ", profile.Columns[r])})"));
        var columns = Columns(headers);
        return new UserError(
            $"'{path}': profiel '{profile.Name}' mist verplichte kolommen: {missing}. Kolommen in het bestand: {columns.Dutch}.",
            $"'{path}': profile '{profile.Name}' lacks required columns: {missing}. Columns in the file: {columns.English}.");
    }

    /// <summary>
    /// The first line's cells, for a message. An export without a header row starts with data (names, BSN), which
    /// must never reach a message: a line with a date or a number in it is not quoted but described.
    /// </summary>
    private static (string Dutch, string English) Columns(IReadOnlyList<string> headers)
    {
        if (headers.Any(LooksLikeData))
            return ("(de eerste regel bevat een datum of getal: het lijkt een regel met gegevens, zonder kopregel met kolomnamen; exporteer opnieuw met kolomnamen)",
                "(the first line holds a date or a number: it looks like a row of data, without a header row of column names; export again with column names)");
        var quoted = string.Join(", ", headers.Select(h => $"'{h}'"));
        return (quoted, quoted);
    }

    private static bool LooksLikeData(string cell)
    {
        var text = cell.AsSpan().Trim();
        return text.Length > 0 && text.IndexOfAnyExcept("0123456789-/.: ") < 0 && text.IndexOfAnyInRange('0', '9') >= 0;
    }

    private static int Index(Binding b, ColumnRole role) => role switch
    {
        ColumnRole.PupilId => b.PupilId,
        ColumnRole.Date => b.Date,
        ColumnRole.Code => b.Code,
        ColumnRole.Description => b.Description,
        ColumnRole.Authorized => b.Authorized,
        ColumnRole.SchoolId => b.SchoolId,
        ColumnRole.Group => b.Group,
        ColumnRole.Slot => b.Slot,
        ColumnRole.Minutes => b.Minutes,
        ColumnRole.StartDate => b.StartDate,
        ColumnRole.StartTime => b.StartTime,
        ColumnRole.StartSlot => b.StartSlot,
        ColumnRole.EndDate => b.EndDate,
        ColumnRole.EndTime => b.EndTime,
        ColumnRole.EndSlot => b.EndSlot,
        ColumnRole.ScheduledMinutes => b.ScheduledMinutes,
        _ => b.PresentMinutes,
    };
}
