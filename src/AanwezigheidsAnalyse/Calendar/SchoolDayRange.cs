namespace AanwezigheidsAnalyse.Calendar;

/// <summary>
/// School days <c>[First..Last]</c>, inclusive, as school-day indexes of a <see cref="SchoolCalendar"/>: an
/// enrolment, a window a criterion looks at, a sick episode. Empty when <see cref="Last"/> &lt; <see cref="First"/>.
/// Every range of school days in the project is one of these, with this one vocabulary.
/// </summary>
/// <param name="First">The first school day of the range.</param>
/// <param name="Last">The last school day of the range (inclusive).</param>
public readonly record struct SchoolDayRange(int First, int Last)
{
    /// <summary>True when the range holds no school day.</summary>
    public bool IsEmpty => Last < First;

    /// <summary>The number of school days in the range.</summary>
    public int Length => IsEmpty ? 0 : (int)Math.Min((long)Last - First + 1, int.MaxValue);

    /// <summary>True when <paramref name="day"/> lies in the range.</summary>
    public bool Contains(int day) => day >= First && day <= Last;

    /// <inheritdoc/>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{First}..{Last}]");
}

/// <summary>The school days between the enrolments of a pupil who left and came back: ranges in date order, rarely more than one.</summary>
internal static class EnrolmentGaps
{
    /// <summary>True when <paramref name="day"/> lies in one of <paramref name="gaps"/>.</summary>
    public static bool Contain(ReadOnlySpan<SchoolDayRange> gaps, int day)
    {
        foreach (var gap in gaps)
        {
            if (gap.Contains(day))
                return true;
        }
        return false;
    }

    /// <summary>True when one of <paramref name="gaps"/> holds a day of <c>[from..to]</c>.</summary>
    public static bool Touch(ReadOnlySpan<SchoolDayRange> gaps, int from, int to)
    {
        foreach (var gap in gaps)
        {
            if (gap.First <= to && gap.Last >= from)
                return true;
        }
        return false;
    }

    /// <summary><paramref name="day"/>, or the school day before the gap it lies in: the last day the pupil was enrolled up to it.</summary>
    public static int LastEnrolledOnOrBefore(ReadOnlySpan<SchoolDayRange> gaps, int day)
    {
        foreach (var gap in gaps)
        {
            if (gap.Contains(day))
                return gap.First - 1;
        }
        return day;
    }
}
