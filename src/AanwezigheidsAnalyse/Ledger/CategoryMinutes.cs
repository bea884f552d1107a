using System.Runtime.CompilerServices;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// Minutes per counted category (present … reduced_timetable) of one pupil-day, indexed by
/// <see cref="Categories.MinutesIndex"/>. A day has at most 1440 minutes, so a <see cref="ushort"/> each.
/// </summary>
[InlineArray(Categories.Counted)]
public struct CategoryMinutes
{
    private ushort _first;

    /// <summary>The minutes of one category.</summary>
    public readonly int Of(Category category) => this[category.MinutesIndex()];

    /// <summary>Absent minutes (criteria §1): sick, sent home sick, authorized other, unauthorized, suspended, reduced timetable.</summary>
    public readonly int Absent
    {
        get
        {
            var self = this;
            return self[Category.Sick.MinutesIndex()] + self[Category.SentHomeSick.MinutesIndex()]
                + self[Category.AuthorizedOther.MinutesIndex()] + self[Category.Unauthorized.MinutesIndex()]
                + self[Category.Suspended.MinutesIndex()] + self[Category.ReducedTimetable.MinutesIndex()];
        }
    }

    /// <summary>The minutes of every category together.</summary>
    public readonly int Total
    {
        get
        {
            var total = 0;
            foreach (var minutes in this)
                total += minutes;
            return total;
        }
    }
}
