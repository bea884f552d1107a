using NodaTime;

namespace AanwezigheidsAnalyse.Calendar;

/// <summary>Days without school, <c>[First..Last]</c> inclusive: a holiday, a public holiday or a studiedag.</summary>
/// <param name="Name">What the days are called ("herfstvakantie", "studiedag").</param>
/// <param name="First">The first free day.</param>
/// <param name="Last">The last free day (inclusive).</param>
public sealed record FreePeriod(string Name, LocalDate First, LocalDate Last)
{
    /// <summary>"herfstvakantie 2025-10-18..2025-10-26", as run.json lists it.</summary>
    public override string ToString() => First == Last
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name} {First:yyyy-MM-dd}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name} {First:yyyy-MM-dd}..{Last:yyyy-MM-dd}");
}
