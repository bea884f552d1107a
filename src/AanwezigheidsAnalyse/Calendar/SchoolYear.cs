using System.Globalization;
using NodaTime;

namespace AanwezigheidsAnalyse.Calendar;

/// <summary>
/// A Dutch school year: 1 August up to and including 31 July, named by the year it starts in
/// (<c>2025</c> is school year 2025-2026).
/// </summary>
public readonly record struct SchoolYear(int StartYear) : IComparable<SchoolYear>
{
    public LocalDate FirstDay => new(StartYear, 8, 1);

    public LocalDate LastDay => new(StartYear + 1, 7, 31);

    public static SchoolYear Containing(LocalDate date) => new(date.Month >= 8 ? date.Year : date.Year - 1);

    public bool Contains(LocalDate date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(SchoolYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => $"{StartYear}-{StartYear + 1}";

    /// <summary>Parses "2025-2026" (also "2025 - 2026", as older Rijksoverheid data writes it).</summary>
    public static bool TryParse(string? text, out SchoolYear year)
    {
        year = default;
        if (text is null)
            return false;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var second)
            || second != first + 1)
            return false;
        year = new SchoolYear(first);
        return true;
    }
}
