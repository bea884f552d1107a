using System.Globalization;

namespace AanwezigheidsAnalyse.Localization;

/// <summary>The language of user-facing text: Dutch by default, English with <c>--lang en</c>.</summary>
public enum Language
{
    /// <summary>Nederlands, with the Dutch way of writing numbers and dates (nl-NL).</summary>
    Dutch,

    /// <summary>English, with British numbers and dates (en-GB).</summary>
    English,
}

/// <summary>
/// The one place where a language gets its culture. Every text the tool writes for people formats its numbers and
/// dates with the culture of its language, never with the machine's: the same run gives the same report on any
/// computer.
/// </summary>
public static class Languages
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture numbers and dates of this language are written in.</summary>
    public static CultureInfo Culture(this Language language) => language == Language.Dutch ? Dutch : English;

    /// <summary>The Dutch or the English text.</summary>
    public static string Pick(this Language language, string dutch, string english) => language == Language.Dutch ? dutch : english;

    /// <summary>The noun for <paramref name="count"/> things, in the language: "1 leerling", "2 leerlingen", "0 pupils".</summary>
    internal static string Noun(this Language language, long count, string dutchOne, string dutchMany, string englishOne, string englishMany) =>
        count == 1 ? language.Pick(dutchOne, englishOne) : language.Pick(dutchMany, englishMany);

    /// <summary>The Dutch or the English text, its numbers and dates formatted in the language's culture.</summary>
    public static string Format(this Language language, FormattableString dutch, FormattableString english) =>
        (language == Language.Dutch ? dutch : english).ToString(language.Culture());
}

/// <summary>A text in both languages; which one a person reads is chosen where it is shown.</summary>
/// <param name="Dutch">The Dutch text.</param>
/// <param name="English">The English text.</param>
public readonly record struct Phrase(string Dutch, string English)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language.Pick(Dutch, English);

    /// <summary>A phrase whose numbers and dates are formatted in the culture of each language.</summary>
    public static Phrase Of(FormattableString dutch, FormattableString english) =>
        new(dutch.ToString(Language.Dutch.Culture()), english.ToString(Language.English.Culture()));
}
