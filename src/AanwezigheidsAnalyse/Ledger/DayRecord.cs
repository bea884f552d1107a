namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// One pupil's school day with at least one registration: scheduled minutes and minutes per category.
/// Days without a record were fully attended as the timetable scheduled them (absence-only exports) or not
/// scheduled at all (full registers).
/// </summary>
public struct DayRecord
{
    /// <summary>The school-day index.</summary>
    public ushort Day;

    /// <summary>Scheduled minutes, exempt slots removed.</summary>
    public ushort Scheduled;

    /// <summary>Registered late arrivals (one per late slot or late row).</summary>
    public byte LateArrivals;

    /// <summary>Slots registered unauthorized, for policies that count lesson hours instead of clock hours.</summary>
    public byte UnauthorizedSlots;

    /// <summary>The day's scheduled slots (bit s = slot s), for the weekday × lesuur heatmap; 0 for minute rows.</summary>
    public ushort ScheduledSlots;

    /// <summary>The scheduled slots with an absence category.</summary>
    public ushort AbsentSlots;

    /// <summary>Minutes per category.</summary>
    public CategoryMinutes Minutes;

    /// <summary>Absent minutes (criteria §1).</summary>
    public readonly int Absent => Minutes.Absent;

    /// <summary>Scheduled minus absent minutes.</summary>
    public readonly int Attended => Scheduled - Absent;
}
