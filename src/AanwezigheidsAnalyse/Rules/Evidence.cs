using System.Globalization;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Localization;
using NodaTime;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// One piece of evidence behind a signal: a day, or a run of days <c>[First..Last]</c> (an episode, a week, a DUO
/// melding), with an amount where one belongs (hours, a week's attendance fraction). Written as
/// <c>first[/last][=amount]</c>.
/// </summary>
/// <param name="First">The first date.</param>
/// <param name="Last">The last date (inclusive); equal to <paramref name="First"/> for one day.</param>
/// <param name="Amount">Hours, days, lates or an attendance fraction, when the evidence has one.</param>
public readonly record struct EvidenceItem(LocalDate First, LocalDate Last, double? Amount = null) : ISpanFormattable
{
    /// <summary>Evidence of one day.</summary>
    public static EvidenceItem Day(LocalDate date) => new(date, date);

    /// <inheritdoc/>
    public override string ToString()
    {
        Span<char> text = stackalloc char[MaxLength];
        return TryFormat(text, out var written, default, CultureInfo.InvariantCulture) ? new string(text[..written]) : throw new InvalidOperationException("Evidence longer than its longest form.");
    }

    /// <summary>The same text as <see cref="ToString()"/>; <paramref name="format"/> and <paramref name="provider"/> are not used: evidence is written one way.</summary>
    public string ToString(string? format, IFormatProvider? provider) => ToString();

    /// <summary>
    /// Writes <c>first[/last][=amount]</c> into <paramref name="destination"/> (signals.parquet writes millions of items
    /// at a national run: without a string each); false when it does not fit. Format and provider are not used.
    /// </summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        charsWritten = 0;
        if (!Append(destination, ref charsWritten, Iso(First)))
            return false;
        if (First != Last && !(Append(destination, ref charsWritten, "/") && Append(destination, ref charsWritten, Iso(Last))))
            return false;
        if (Amount is not { } amount)
            return true;
        if (!Append(destination, ref charsWritten, "=") || !amount.TryFormat(destination[charsWritten..], out var digits, "0.##", CultureInfo.InvariantCulture))
            return false;
        charsWritten += digits;
        return true;

        static bool Append(Span<char> destination, ref int at, string text)
        {
            if (!text.TryCopyTo(destination[at..]))
                return false;
            at += text.Length;
            return true;
        }
    }

    /// <summary>Room enough for any item: two dates, a slash, "=" and any double with up to two decimals (about 330).</summary>
    internal const int MaxLength = 400;

    /// <summary>
    /// yyyy-MM-dd, each date formatted once: signals.parquet writes about twelve evidence items per signal, nearly all
    /// within the few school years a process reads, so the text of a date is kept by its day number (filled as met;
    /// two threads formatting the same date store equal strings).
    /// </summary>
    private static string Iso(LocalDate date)
    {
        var slot = date.ToDateOnly().DayNumber - IsoFirstDay;
        if ((uint)slot >= (uint)IsoTexts.Length)
            return Format(date);
        return IsoTexts[slot] ??= Format(date);

        static string Format(LocalDate date) => date.ToDateOnly().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The dates whose text is kept: 2015 to 2045, 11 000 days, 88 kB of references.</summary>
    private static readonly int IsoFirstDay = new DateOnly(2015, 1, 1).DayNumber;

    private static readonly string?[] IsoTexts = new string?[new DateOnly(2045, 1, 1).DayNumber - IsoFirstDay];
}

/// <summary>LR-50's kind of absence: how much of the run's absence was unauthorized.</summary>
public enum AbsenceKind
{
    /// <summary>Unauthorized minutes are at most 20 % of the run's absent minutes.</summary>
    Geoorloofd,

    /// <summary>Unauthorized minutes are at least 80 % of the run's absent minutes.</summary>
    Ongeoorloofd,

    /// <summary>In between.</summary>
    Gemengd,
}

/// <summary>The names of <see cref="AbsenceKind"/> as outputs write them.</summary>
public static class AbsenceKinds
{
    /// <summary><c>geoorloofd</c>, <c>ongeoorloofd</c> or <c>gemengd</c>, in every language (the Dutch terms of art).</summary>
    public static string Code(this AbsenceKind kind) => kind switch
    {
        AbsenceKind.Geoorloofd => "geoorloofd",
        AbsenceKind.Ongeoorloofd => "ongeoorloofd",
        _ => "gemengd",
    };
}

/// <summary>Why a criterion holds: the school days it looked at, the evidence, and for LR-50 the kind of absence.</summary>
/// <param name="Window">The window the criterion looked at.</param>
/// <param name="Items">The dates that make it true.</param>
/// <param name="AbsenceKind">LR-50 only: the kind of absence of the run.</param>
internal sealed record Explanation(SchoolDayRange Window, IReadOnlyList<EvidenceItem> Items, AbsenceKind? AbsenceKind = null);

/// <summary>Evidence in words, shared by the criteria's <see cref="Criteria.Criterion.Describe"/>: days and weeks as a person reads them.</summary>
internal static class EvidenceWords
{
    /// <summary>At most this many dates are listed; the rest is "…".</summary>
    public const int MaxListed = 8;

    /// <summary>"3 okt".</summary>
    public static string Day(LocalDate date, Language language) => date.ToString("d MMM", language.Culture());

    /// <summary>"3 okt, 7 okt–9 okt, …": at most <see cref="MaxListed"/>, a run as first–last, each day in <paramref name="format"/>.</summary>
    public static string Days(IEnumerable<EvidenceItem> items, Language language, string format = "d MMM")
    {
        string At(LocalDate date) => date.ToString(format, language.Culture());
        var list = items.ToList();
        var text = string.Join(", ", list.Take(MaxListed).Select(e => e.First == e.Last ? At(e.First) : $"{At(e.First)}–{At(e.Last)}"));
        return list.Count > MaxListed ? text + ", …" : text;
    }

    /// <summary>
    /// Each item with its weekday, a run as first–last: "wo 8 okt, wo 15 okt" or "wo 8 okt–ma 27 okt". What makes
    /// sickness "on fixed moments" is the weekday, or a run that touches a holiday: first days alone showed neither (an
    /// explainability pass: "8 okt, 30 okt" for two illnesses around the herfst- and kerstvakantie).
    /// </summary>
    public static string Moments(IEnumerable<EvidenceItem> items, Language language) => Days(items, language, "ddd d MMM");

    /// <summary>Only the first day of each item: "3 okt, 7 okt".</summary>
    public static string Starts(IEnumerable<EvidenceItem> items, Language language) => Days(items.Select(e => e with { Last = e.First }), language);

    /// <summary>Weeks with their attendance: "3 nov 12%, 10 nov 0%".</summary>
    public static string Weeks(IEnumerable<EvidenceItem> items, Language language) =>
        string.Join(", ", items.Select(e => $"{Day(e.First, language)} {(e.Amount ?? 0).ToString("P0", language.Culture())}"));

    /// <summary>A value as a person reads it: "8", "10,5".</summary>
    public static string Number(double value, Language language) => value.ToString("0.#", language.Culture());
}
