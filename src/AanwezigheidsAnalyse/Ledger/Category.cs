using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// The canonical attendance categories (README, "Input"). Every school code maps to exactly one.
/// The numeric values are stored in four bits per slot; 0 means "no registration".
/// </summary>
public enum Category : byte
{
    /// <summary>No registration.</summary>
    None = 0,

    /// <summary>Aanwezig.</summary>
    Present = 1,

    /// <summary>Te laat: attended.</summary>
    Late = 2,
    /// <summary>Stage, excursie, onderwijs elders: counts as education.</summary>
    OffSiteEducation = 3,

    /// <summary>Ziek.</summary>
    Sick = 4,
    /// <summary>Ziek naar huis.</summary>
    SentHomeSick = 5,
    /// <summary>Medisch, verlof, religieus, begrafenis …</summary>
    AuthorizedOther = 6,
    /// <summary>Spijbelen, ongeoorloofd, onbekend na termijn.</summary>
    Unauthorized = 7,
    /// <summary>Schorsing.</summary>
    Suspended = 8,
    /// <summary>Lestijdverkorting.</summary>
    ReducedTimetable = 9,
    /// <summary>Vrijstelling: removes the slot from scheduled time.</summary>
    Exempt = 10,
    /// <summary>Not an attendance fact (huiswerk vergeten, boeken vergeten …).</summary>
    Ignore = 11,
}

/// <summary>What each category counts as, its names, and which one wins on a slot registered twice.</summary>
public static class Categories
{
    /// <summary>The categories whose minutes the ledger keeps, in the order of <see cref="CategoryMinutes"/>.</summary>
    public const int Counted = 9;

    /// <summary>The absence categories of criteria §1, in output order.</summary>
    public static readonly Category[] Absent =
    [
        Category.Sick, Category.SentHomeSick, Category.AuthorizedOther,
        Category.Unauthorized, Category.Suspended, Category.ReducedTimetable,
    ];

    private static readonly string[] Names =
    [
        "none", "present", "late", "off_site_education", "sick", "sent_home_sick", "authorized_other",
        "unauthorized", "suspended", "reduced_timetable", "exempt", "ignore",
    ];

    /// <summary>
    /// Which registration wins when one slot is registered twice with different codes (higher wins).
    /// A planned or school-decided state beats a report (lestijdverkorting, vrijstelling, schorsing, elders);
    /// an explained absence beats an unexplained one, because "absent, reason unknown" is the provisional code
    /// that a later report replaces; any absence beats late, and late beats present.
    /// </summary>
    private static readonly byte[] Precedence =
    [
        0, // none
        1, // present
        2, // late
        7, // off_site_education
        5, // sick
        6, // sent_home_sick: more specific than sick
        4, // authorized_other
        3, // unauthorized
        8, // suspended
        9, // reduced_timetable
        10, // exempt
        0, // ignore: never stored
    ];

    /// <summary>The snake_case name used in files and outputs.</summary>
    public static string Name(this Category category) => Names[(int)category];

    /// <summary>The category in words for people: "ziek", "ongeoorloofd"; in English as the pages spell it ("unauthorised").</summary>
    public static Phrase Label(this Category category) => new(DutchLabels[(int)category], EnglishLabels[(int)category]);

    private static readonly string[] EnglishLabels =
    [
        "none", "present", "late", "education elsewhere", "sick", "sent home sick", "other authorised",
        "unauthorised", "suspended", "reduced timetable", "exempt", "ignored",
    ];

    private static readonly string[] DutchLabels =
    [
        "geen", "aanwezig", "te laat", "onderwijs elders", "ziek", "ziek naar huis", "geoorloofd anders",
        "ongeoorloofd", "geschorst", "lestijdverkorting", "vrijstelling", "negeren",
    ];

    /// <summary>The category with the snake_case name <paramref name="text"/> (any case).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Category category)
    {
        for (var i = 1; i < Names.Length; i++)
        {
            if (text.Equals(Names[i], StringComparison.OrdinalIgnoreCase))
            {
                category = (Category)i;
                return true;
            }
        }
        category = Category.None;
        return false;
    }

    /// <summary>Counted in absent minutes (criteria §1).</summary>
    public static bool IsAbsent(this Category category) =>
        category is Category.Sick or Category.SentHomeSick or Category.AuthorizedOther
            or Category.Unauthorized or Category.Suspended or Category.ReducedTimetable;

    /// <summary>Present, late or educated elsewhere (criteria §1).</summary>
    public static bool IsAttended(this Category category) =>
        category is Category.Present or Category.Late or Category.OffSiteEducation;

    /// <summary>The counted categories (present … reduced_timetable), the weakest first: the order of the precedence.</summary>
    internal static readonly Category[] CountedWeakestFirst =
        [.. Enumerable.Range(1, Counted).Select(i => (Category)i).OrderBy(c => Precedence[(int)c])];

    /// <summary>True when <paramref name="candidate"/> replaces <paramref name="current"/> on the same slot.</summary>
    public static bool Beats(this Category candidate, Category current) =>
        Precedence[(int)candidate] > Precedence[(int)current];

    /// <summary>The index of a counted category (present … reduced_timetable) in <see cref="CategoryMinutes"/>.</summary>
    public static int MinutesIndex(this Category category) => (int)category - 1;
}
