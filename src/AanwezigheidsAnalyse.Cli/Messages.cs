using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Cli;

/// <summary>
/// What the command line adds to the library's messages: the flag of the setting an error is about. The library
/// says what went wrong ("the as-of date 2025-08-29 lies before the first school day"); the CLI says where the user
/// gave it ("--as-of: …").
/// </summary>
internal static class Messages
{
    /// <summary>A user error as the command line prints it.</summary>
    public static string Of(UserError error, Language language, string command = "")
    {
        var message = error.In(language);
        // The research commands' last date is --to: they have no --as-of to name (a regression pass).
        var flag = error.About is Setting.AsOf && command is "backtest" or "train" or "patterns" ? "--to"
            : error.About is { } setting ? Flag(setting) : null;
        return flag is not null ? $"{flag}: {message}" : message;
    }

    /// <summary>
    /// A file that could not be read or written, in the user's language: the runtime's message is English ("Access to
    /// the path … is denied"), so the common cases are said from the catalogue, and only the rare rest quotes it.
    /// </summary>
    public static string OfIo(Exception error, Language language)
    {
        var path = error is FileNotFoundException { FileName: { } name } ? name
            : System.Text.RegularExpressions.Regex.Match(error.Message, "'([^']+)'") is { Success: true } quoted ? quoted.Groups[1].Value : null;
        Phrase? said = error switch
        {
            FileNotFoundException when path is not null => Texts.Cli.FileNotFound(path),
            DirectoryNotFoundException when path is not null => Texts.Cli.FolderNotFound(path),
            UnauthorizedAccessException when path is not null => Texts.Cli.NoAccess(path),
            // ENOSPC on Linux and macOS; ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows.
            IOException io when io.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027)
                || io.Message.Contains("No space left", StringComparison.Ordinal) || io.Message.Contains("not enough space on the disk", StringComparison.Ordinal) => Texts.Cli.DiskFull,
            // EFBIG: .NET reports a file-size limit as an argument out of range of its own file writing.
            ArgumentOutOfRangeException => Texts.Cli.FileTooLarge,
            _ => null,
        };
        return (said ?? Texts.Cli.ReadOrWriteFailed(error.Message)).In(language);
    }

    /// <summary>The flag that gives a setting; null for the input files, which are arguments.</summary>
    public static string? Flag(Setting setting) => setting switch
    {
        Setting.AsOf => "--as-of",
        Setting.Output => "--out",
        Setting.Profile => "--profile",
        Setting.Region => "--region",
        Setting.Calendar => "--calendar",
        Setting.Policy => "--policy",
        Setting.Timetable => "--timetable",
        Setting.PupilList => "--pupils",
        Setting.Previous => "--previous",
        Setting.PseudonymizeKey => "--pseudonymize-key",
        Setting.MaxRejectRate => "--max-reject-rate",
        Setting.SchoolId => "--school-id",
        Setting.GeneratePupils => "--pupils",
        Setting.GenerateYears => "--years",
        Setting.GenerateNoise => "--noise",
        Setting.GenerateSchoolYear => "--school-year",
        Setting.RejectsFile => "--rejects",
        Setting.SuggestProfile => "--suggest-profile",
        Setting.Dataset => "--into",
        Setting.Model => "--model",
        _ => null,
    };

    /// <summary>System.CommandLine's English, in the user's language (<see cref="Texts.Cli.ParserWords"/>), line by line.</summary>
    public static string Translate(string text, Language language)
    {
        if (language == Language.English)
            return text;
        // An error listing choices spans lines ("Must be one of:\n\t'nl'\n\t'en'"): one line of choices first.
        text = System.Text.RegularExpressions.Regex.Replace(text, @"Must be one of:(\s*\n\s*'[^']*')+", m =>
            "Must be one of: " + string.Join(", ", System.Text.RegularExpressions.Regex.Matches(m.Value, "'([^']*)'").Select(c => c.Groups[1].Value)));
        return string.Join('\n', text.Split('\n').Select(line =>
        {
            var trimmed = line.TrimEnd('\r');
            foreach (var (english, dutch) in Texts.Cli.ParserWords)
                trimmed = System.Text.RegularExpressions.Regex.Replace(trimmed, english, dutch);
            return trimmed;
        }));
    }

    /// <summary>The arguments with the value of --lang in lower case: EN is en.</summary>
    public static string[] Normalized(string[] args)
    {
        var normalized = (string[])args.Clone();
        for (var i = 0; i < normalized.Length; i++)
        {
            if (normalized[i] is "--lang" && i + 1 < normalized.Length)
                normalized[i + 1] = normalized[i + 1].ToLowerInvariant();
            else if (normalized[i].StartsWith("--lang=", StringComparison.Ordinal) || normalized[i].StartsWith("--lang:", StringComparison.Ordinal))
                normalized[i] = normalized[i][..7] + normalized[i][7..].ToLowerInvariant();
        }
        return normalized;
    }

    /// <summary>The language asked for on the command line (<see cref="Normalized"/> first), read from the words themselves: a parse error may be about them.</summary>
    public static Language LanguageOf(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--lang" && i + 1 < args.Count)
                return args[i + 1] == "en" ? Language.English : Language.Dutch;
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal))
                return args[i][7..] == "en" ? Language.English : Language.Dutch;
        }
        return Language.Dutch;
    }

    public static UserError NoSuchRegion(string text) => new(Texts.Cli.NoSuchRegion(text), Setting.Region);

    public static UserError NoSuchSchoolType(string text) => new(Texts.Cli.NoSuchSchoolType(text));

    public static UserError NoSuchShape(string text) => new(Texts.Cli.NoSuchShape(text));
}
