using System.Globalization;
using NodaTime;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// One piece of evidence behind a signal: a day, or a run of days (an episode, a week, a DUO melding), with an
/// amount where one belongs (hours, a week's attendance fraction). Written as <c>start[/end][=amount]</c>.
/// </summary>
public readonly record struct EvidenceItem(LocalDate Start, LocalDate End, double? Amount = null)
{
    public static EvidenceItem Day(LocalDate date) => new(date, date);

    public override string ToString()
    {
        var text = Start == End ? Iso(Start) : $"{Iso(Start)}/{Iso(End)}";
        return Amount is { } amount ? $"{text}={amount.ToString("0.##", CultureInfo.InvariantCulture)}" : text;
    }

    /// <summary>yyyy-MM-dd through DateOnly's formatter: NodaTime's patterns are slower, and signals carry many dates.</summary>
    private static string Iso(LocalDate date) => date.ToDateOnly().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Why a criterion holds: the window it looked at, the evidence, and for LR-50 the kind of absence.</summary>
public sealed record Explanation(int WindowStart, int WindowEnd, IReadOnlyList<EvidenceItem> Items, string? AbsenceKind = null);
