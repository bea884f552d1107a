namespace AanwezigheidsAnalyse.Localization;

/// <summary>
/// Numbers with what they count, as the criteria's names and the report's headings write a policy's numbers: one
/// home for "1 schoolweek" and "4 schoolweken", so a criterion's name and the heading above its pupils agree.
/// </summary>
internal static class Counted
{
    /// <summary>"2 maanden", "1 maand"; "2 months".</summary>
    public static string Months(Language l, int months) => $"{months} {l.Noun(months, "maand", "maanden", "month", "months")}";

    /// <summary>"de afgelopen maand", "de afgelopen 2 maanden"; "the last 2 months".</summary>
    public static string LastMonths(Language l, int months) => months == 1
        ? l.Pick("de afgelopen maand", "the last month")
        : l.Pick($"de afgelopen {months} maanden", $"the last {months} months");

    /// <summary>"4 schoolweken", "1 schoolweek"; "4 school weeks".</summary>
    public static string SchoolWeeks(Language l, int weeks) => $"{weeks} {l.Noun(weeks, "schoolweek", "schoolweken", "school week", "school weeks")}";

    /// <summary>"2 weken", "1 week"; "2 weeks".</summary>
    public static string Weeks(Language l, int weeks) => $"{weeks} {l.Noun(weeks, "week", "weken", "week", "weeks")}";

    /// <summary>"1–2 dagen", "1 dag": the length of a short sick episode.</summary>
    public static string ShortDays(Language l, int maxDays) => maxDays == 1
        ? l.Pick("1 dag", "1 day")
        : l.Pick($"1–{maxDays} dagen", $"1–{maxDays} days");

    /// <summary>A share as "50 %", "7.5 %", to two decimals; the decimal separator is that of the culture it is formatted in.</summary>
    public static FormattableString Percent(double share) => $"{Math.Round(share * 100, 2)} %";

    /// <summary>An English ordinal: "1st", "2nd", "3rd", "4th", "11th", "22nd".</summary>
    public static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
