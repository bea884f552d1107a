namespace AanwezigheidsAnalyse;

/// <summary>
/// A mistake the user can fix (a missing file, a bad option, an export the tool cannot read): the CLI prints
/// the message in the user's language, without a stack trace, and exits with code 2.
/// Messages never contain pupil names or other personal data.
/// </summary>
public sealed class UserError(string dutch, string english) : Exception(english)
{
    public string Dutch { get; } = dutch;

    public string English { get; } = english;

    public string In(Language language) => language == Language.Dutch ? Dutch : English;
}

/// <summary>The language of user-facing text: Dutch by default, English with <c>--lang en</c>.</summary>
public enum Language
{
    Dutch,
    English,
}
