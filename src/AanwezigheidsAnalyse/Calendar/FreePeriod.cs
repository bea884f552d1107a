using NodaTime;

namespace AanwezigheidsAnalyse.Calendar;

/// <summary>Days without school, <c>[First..Last]</c> inclusive: a holiday, a public holiday or a studiedag.</summary>
public sealed record FreePeriod(string Name, LocalDate First, LocalDate Last)
{
    public bool Contains(LocalDate date) => date >= First && date <= Last;

    public override string ToString() => First == Last ? $"{Name} {First:yyyy-MM-dd}" : $"{Name} {First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
