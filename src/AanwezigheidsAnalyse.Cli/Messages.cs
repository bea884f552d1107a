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
    public static string Of(UserError error, Language language)
    {
        var message = error.In(language);
        return error.About is { } setting && Flag(setting) is { } flag ? $"{flag}: {message}" : message;
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
        _ => null,
    };

    public static UserError NoSuchRegion(string text) => new(Texts.Cli.NoSuchRegion(text), Setting.Region);

    public static UserError NoSuchSchoolType(string text) => new(Texts.Cli.NoSuchSchoolType(text));

    public static UserError NoSuchShape(string text) => new(Texts.Cli.NoSuchShape(text));
}
