namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// What of a file's contents may be shown in an output or a message (README, "Privacy"). Exports hold names, BSN
/// and remarks, and a value in a mapped column can be one of them when a user typed it there or a row is shifted.
/// So a value is shown only when it cannot be personal text (a date, a time, a number: <see cref="IsStructural"/>)
/// or when at least <see cref="MinPupils"/> pupils share it (a code or a class is shared; a name is one pupil's).
/// </summary>
internal static class Disclosure
{
    /// <summary>The fewest pupils a free-text value (a code, a class) must be seen with before it is shown.</summary>
    public const int MinPupils = 3;

    /// <summary>
    /// Digits and the separators of dates, times and numbers only, starting with a digit, at most 20 characters,
    /// and no run of more than 8 digits (a BSN has nine): a value that cannot name or identify anyone.
    /// </summary>
    public static bool IsStructural(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > 20 || !char.IsAsciiDigit(value[0]))
            return false;
        var run = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++run > 8)
                    return false;
            }
            else if (c is '-' or '/' or '.' or ':' or ',' or ' ' or 'T')
            {
                run = 0;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A pupil number as schools have them (stamnummer, leerlingnummer): at least one digit, no spaces, commas,
    /// quotes or control characters. "Jansen, Piet" or "Piet Jansen" typed into the column is not one.
    /// </summary>
    public static bool LooksLikePupilId(ReadOnlySpan<byte> utf8)
    {
        var digit = false;
        foreach (var b in utf8)
        {
            if (b is <= (byte)' ' or (byte)',' or (byte)';' or (byte)'"' or 0x7F)
                return false;
            digit |= b is >= (byte)'0' and <= (byte)'9';
        }
        return digit;
    }

    /// <summary>A class as schools name them (2B, H4a, groep 7, 1HV2): short, with a digit, letters and digits only.</summary>
    public static bool LooksLikeClass(string group) =>
        group.Length is > 0 and <= 12 && group.Any(char.IsAsciiDigit)
        && group.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '/');
}
