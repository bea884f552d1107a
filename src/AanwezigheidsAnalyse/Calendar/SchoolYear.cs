using NodaTime;

namespace AanwezigheidsAnalyse.Calendar;

/// <summary>
/// A Dutch school year: 1 August up to and including 31 July, named by the year it starts in
/// (<c>2025</c> is school year 2025-2026).
/// </summary>
/// <param name="StartYear">The calendar year the school year starts in.</param>
public readonly record struct SchoolYear(int StartYear) : IComparable<SchoolYear>
{
    /// <summary>1 August of the year it starts in.</summary>
    public LocalDate FirstDay => new(StartYear, 8, 1);

    /// <summary>31 July of the next year.</summary>
    public LocalDate LastDay => new(StartYear + 1, 7, 31);

    /// <summary>The school year <paramref name="date"/> lies in.</summary>
    public static SchoolYear Containing(LocalDate date) => new(date.Month >= 8 ? date.Year : date.Year - 1);

    /// <summary>True when <paramref name="date"/> lies in this school year.</summary>
    public bool Contains(LocalDate date) => date >= FirstDay && date <= LastDay;

    /// <inheritdoc/>
    public int CompareTo(SchoolYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>"2025-2026".</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{StartYear}-{StartYear + 1}");
}
