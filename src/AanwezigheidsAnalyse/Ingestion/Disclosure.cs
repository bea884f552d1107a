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
    /// quotes or control characters, and not a BSN (<see cref="LooksLikeBsn"/>). "Jansen, Piet" or "Piet Jansen"
    /// typed into the column is not one.
    /// </summary>
    public static bool LooksLikePupilId(ReadOnlySpan<byte> utf8)
    {
        if (LooksLikeBsn(utf8))
            return false;
        var digit = false;
        foreach (var b in utf8)
        {
            if (b is <= (byte)' ' or (byte)',' or (byte)';' or (byte)'"' or 0x7F)
                return false;
            digit |= b is >= (byte)'0' and <= (byte)'9';
        }
        return digit;
    }

    /// <summary>A class as schools name them (2B, H4a, groep 7, 1HV2): short, with a digit, letters and digits only, no BSN-long number.</summary>
    public static bool LooksLikeClass(string group) =>
        group.Length is > 0 and <= 12 && group.Any(char.IsAsciiDigit) && MayBeShared(group)
        && group.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '/');

    /// <summary>
    /// Free text that may be shown once enough pupils share it: no comma ("Jansen, Piet" is how exports write a
    /// name) and no run of more than 8 digits (a BSN), whatever the number of pupils.
    /// </summary>
    public static bool MayBeShared(string value)
    {
        if (value.Contains(','))
            return false;
        var run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run > 8)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Nine digits that pass the BSN eleven-test (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11): a BSN, which the tool never
    /// reads. An onderwijsnummer fails the test by design, so it passes here.
    /// </summary>
    public static bool LooksLikeBsn(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length != 9)
            return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (utf8[i] is < (byte)'0' or > (byte)'9')
                return false;
            sum += (utf8[i] - '0') * (i < 8 ? 9 - i : -1);
        }
        return sum % 11 == 0 && sum != 0;
    }
}
