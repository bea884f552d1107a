using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// What of a file's contents may be shown in an output or a message (README, "Privacy"). Exports hold names, BSN,
/// birth dates and remarks, and a value in a mapped column can be one of them when a user typed it there or a row
/// is shifted. So a value is shown only when it cannot be personal (a date, a time, a number that is no BSN:
/// <see cref="IsStructural"/>) or when at least <see cref="MinPupils"/> pupils share it and it has no shape of a
/// name or a BSN (<see cref="MayBeShared"/>): a code or a class is shared; a name is one pupil's.
/// </summary>
internal static partial class Disclosure
{
    /// <summary>The fewest pupils a free-text value (a code, a class) must be seen with before it is shown.</summary>
    public const int MinPupils = 3;

    /// <summary>
    /// Digits and the separators of dates, times and numbers only, starting with a digit, at most 20 characters,
    /// no run of more than 8 digits and no BSN however its digits are grouped (123.456.782, 1234 5678 2).
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
        return !HoldsBsn(value);
    }

    /// <summary>
    /// A rejected value rejects.csv may show: structural (<see cref="IsStructural"/>) with no more digits than the
    /// column's own values have: a phone number has ten, however grouped (06-12-34-56-78, 06-1234-5678), where a time
    /// range (08:30-09:20) has eight, and a date with a time (2025/09/01 08:30) starts with a date. Outside a date
    /// column also neither a date (a birth date typed into the slot column) nor a run of more than five digits.
    /// </summary>
    public static bool MayShowRejected(string value, bool dateColumn)
    {
        // A BSN written as a date with a time ("1234-5-6 782") is still a BSN (an adversarial pass).
        if (!IsStructural(value) || HoldsBsn(value.AsSpan()))
            return false;
        if (dateColumn)
            return CountDigits(value) <= 8 || (value.Split(' ', 'T') is [var date, .. var time] && IsDateShaped(date) && CountDigits(string.Concat(time)) <= 6);
        return CountDigits(value) <= 8 && LongestDigitRun(value) <= 5 && !IsDate(value);
    }

    /// <summary>The digits in <paramref name="value"/>, however grouped: a phone number has ten.</summary>
    public static int CountDigits(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
            count += char.IsAsciiDigit(c) ? 1 : 0;
        return count;
    }

    /// <inheritdoc cref="CountDigits(ReadOnlySpan{char})"/>
    private static int CountDigits(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
            count += (uint)(b - '0') <= 9 ? 1 : 0;
        return count;
    }

    /// <summary>Day, month and a four-digit year, either way round: 2025-09-01, 1-9-2025 (not 06-1234-5678).</summary>
    public static bool IsDateShaped(string text) =>
        text.Split('-', '/', '.') is [var a, var b, var c] && new[] { a, b, c }.All(g => g.Length > 0 && g.All(char.IsAsciiDigit))
        && ((a.Length == 4 && b.Length <= 2 && c.Length <= 2) || (a.Length <= 2 && b.Length <= 2 && c.Length == 4));

    /// <summary>The most digits in a row in <paramref name="value"/>: a phone number, a BSN or an account number is a long run.</summary>
    public static int LongestDigitRun(ReadOnlySpan<char> value)
    {
        int run = 0, longest = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    /// <summary>
    /// Free text that may be shown once enough pupils share it: no comma ("Jansen, Piet" is how exports write a
    /// name), no run of more than 8 digits and no BSN in its digits, whatever the number of pupils.
    /// </summary>
    public static bool MayBeShared(string value)
    {
        // An e-mail address or a phone number is a person's, however many rows share it (a suggested profile copied
        // piet@school.nl, its full-width ＠ and 06-12-34-56-78: ten digits, however grouped).
        return !value.Contains(',') && LongestDigitRun(value) <= 8 && !LooksPersonal(value);
    }

    /// <summary>
    /// A value shaped like one person's data, whatever its column and however many pupils share it (siblings share an
    /// address): an e-mail address; ten digits or more however grouped (a phone number); a date with a year
    /// (14-03-2011, 2011-03-14, 14 mrt 2011, 14mrt2011); a year of birth standing alone or beside letters (Piet 2011);
    /// a Dutch postcode (1234 AB); a street and its number (Kanaalweg 7); a BSN. A privacy sweep found each of these
    /// shown as a class, a code or a school.
    /// </summary>
    public static bool LooksPersonal(string value) =>
        IsEmailOrDate(value) || CountDigits(value) >= 10 || PersonalShape().IsMatch(value) || HoldsBsn(value.AsSpan());

    /// <summary>An e-mail address (its full-width at signs too) or a date with a year: no one's class, code or school.</summary>
    private static bool IsEmailOrDate(string value) => value.IndexOfAny(['@', '＠', '﹫']) >= 0 || IsDateShaped(value);

    // A year 1940–2049 not inside a longer number; a postcode; a street word and a number; a day, a month's name and a year.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)(19[4-9]\d|20[0-4]\d)(?!\d)|(?<!\d)\d{4} ?[A-Za-z]{2}(?![A-Za-z])|\p{L}{2,}(straat|weg|laan|plein|singel|gracht|dijk|kade|hof|pad|steeg|dreef|wal|markt) *\d|\d{1,2}[ .-]?(jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|oct|nov|dec)\p{L}*\.?[ .-]?\d{2,4}",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PersonalShape();

    /// <summary>
    /// A pupil number as schools have them (stamnummer, leerlingnummer), in its one spelling
    /// (<see cref="Identifiers.PupilNumber(ReadOnlySpan{byte}, Span{byte})"/>): at least one digit; no spaces, commas,
    /// quotes, @ or control characters; no number Excel wrote as 1.2E+05; no mobile phone number (06-12345678,
    /// +31 6 …); and no BSN (<see cref="HoldsBsn{T}"/>). "Jansen, Piet", "Piet Jansen", "k.bakker7@school.nl" or
    /// "BSN123456782" typed into the column is not one. A user name is told by its lower case, so see
    /// <see cref="LooksLikeUserName"/> too.
    /// </summary>
    public static bool LooksLikePupilId(ReadOnlySpan<byte> utf8)
    {
        var digits = 0;
        Span<byte> number = stackalloc byte[16];
        var other = false;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b is <= (byte)' ' or (byte)',' or (byte)';' or (byte)'"' or (byte)'@' or 0x7F)
                return false;
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (digits < number.Length)
                    number[digits] = b;
                digits++;
                continue;
            }
            other |= b is not ((byte)'-' or (byte)'.' or (byte)'+' or (byte)'(' or (byte)')' or (byte)'/');
            // Excel's 1.00003E+05 lost the digits of a number.
            if (b is (byte)'E' or (byte)'e' && i > 0 && i + 1 < utf8.Length && utf8[i + 1] == (byte)'+' && (uint)(utf8[i - 1] - '0') <= 9)
                return false;
        }
        // A Dutch mobile number however written: 06-12345678, 06.12345678, +31612345678, 0031612345678 (31612345678
        // once its zeros are dropped).
        if (!other && number[..Math.Min(digits, number.Length)] is var n
            && ((digits == 10 && n.StartsWith("06"u8)) || (digits == 11 && n.StartsWith("316"u8)) || (digits == 13 && n.StartsWith("00316"u8))))
            return false;
        // A birth date typed as the number (14-03-2011, 2011.03.14): day, month and year between separators. A
        // privacy sweep found it shown as the pupil, and as a chart's file name.
        if (!other && digits is >= 5 and <= 8 && utf8.IndexOfAny("-/."u8) >= 0 && IsDateShaped(System.Text.Encoding.UTF8.GetString(utf8)))
            return false;
        return digits > 0 && !HoldsBsn(utf8);
    }

    /// <summary>
    /// A user name or a name with digits ("dewitlotte2011", "Jansen2011", "j.smit1"), as typed: five lower-case letters
    /// in a row (é, ë and the other Latin letters count as one each), or a dot between two letters. System codes are upper case (STUDENT001, a ULID), and
    /// hexadecimal ones (a UUID's "deadbeef") are not names. Spaces, invisible characters and Excel's text mark at
    /// the ends are no letters.
    /// </summary>
    public static bool LooksLikeUserName(ReadOnlySpan<byte> raw)
    {
        var letters = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            // Initials and names joined by dots, as school accounts are made: j.smit1, Jan.de.Boer1.
            if (b == (byte)'.' && i > 0 && i + 1 < raw.Length && char.IsAsciiLetter((char)raw[i - 1]) && char.IsAsciiLetter((char)raw[i + 1]))
                return true;
            if (b is >= (byte)'a' and <= (byte)'z')
            {
                letters++;
            }
            else if (b == 0xC3 && i + 1 < raw.Length && raw[i + 1] is >= 0x9F and <= 0xBF)
            {
                letters++; // ß and the lower-case Latin-1 letters: à … ÿ
                i++;
            }
            else
            {
                letters = 0;
            }
            if (letters >= 5)
                return !IsHexadecimal(raw);
        }
        return false;
    }

    /// <summary>Hexadecimal digits and dashes only: a UUID or a hash, whose letters say nothing of a name.</summary>
    private static bool IsHexadecimal(ReadOnlySpan<byte> utf8) => utf8.IndexOfAnyExcept("0123456789abcdefABCDEF-"u8) < 0;

    /// <summary>
    /// A class as schools name them (2B, H4a, groep 7, 1HV2, Combi 3/4): at most 12 characters, a digit, letters and
    /// digits with at most one space, and neither a date (a birth date) nor a BSN.
    /// </summary>
    public static bool LooksLikeClass(string group) =>
        group.Length is > 0 and <= 12 && group.Any(char.IsAsciiDigit) && group.Count(c => c == ' ') <= 1
        && group.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' or '/')
        && !IsDate(group) && MayBeShared(group);

    /// <summary>
    /// A folder or file name of a path with a BSN (<see cref="HoldsBsn{T}"/>). Long hexadecimal runs (a GUID in a
    /// temporary name) are left out first: their digits pass the test by chance.
    /// </summary>
    public static bool PathHoldsBsn(string path) =>
        path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Any(part => HoldsBsn(Hexadecimal().Replace(part, " ").AsSpan()));

    /// <summary>
    /// Refuses a path with a BSN in a folder or file name (<see cref="PathHoldsBsn"/>), without repeating it: a path goes
    /// into run.json, the report, a Taskforce's catalogue and messages.
    /// </summary>
    public static void RefusePathWithBsn(string? path, Setting setting)
    {
        if (path is not null && PathHoldsBsn(path))
            throw new UserError(Texts.PathHoldsBsn(setting), setting);
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-fA-F-]{16,}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Hexadecimal();

    /// <summary>
    /// Nine digits that pass the BSN eleven-test (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11): a BSN, which the tool never
    /// shows. Either the value's only nine digits, however written between other characters (123.456.782), or nine
    /// digits in groups that follow each other with up to three separators between them (<see cref="JoinerWidth"/>),
    /// beside others: 123456782-01, 00AA 123456782, 123.456.782-01, 123–456–782/2025, "123 - 456 - 782 (moeder)".
    /// An onderwijsnummer fails the test by design, so it passes here. Text as characters or as UTF-8 bytes alike.
    /// </summary>
    public static bool HoldsBsn<T>(ReadOnlySpan<T> value)
        where T : System.Numerics.IBinaryInteger<T>
    {
        // A UUID or a hash has runs of digits between its letters by chance (1 in 760 UUIDs one that passes the test).
        var chains = !IsHexWithLetters(value); // groups of digits count, as they do not in a UUID or hash
        Span<int> all = stackalloc int[9];
        // The chain's last nine digits (a ring), and which of its last digits began a group (bit k: k digits ago).
        Span<int> last = stackalloc int[9];
        var (count, length, starts, inGroup) = (0, 0, 0UL, false);
        for (var i = 0; i < value.Length; i++)
        {
            var digit = int.CreateTruncating(value[i]) - '0';
            if ((uint)digit <= 9)
            {
                if (count < 9)
                    all[count] = digit;
                count++;
                starts = (starts << 1) | (inGroup ? 0UL : 1UL);
                last[length++ % 9] = digit;
                inGroup = true;
                continue;
            }
            // A group ends: nine digits back to a group's start make a BSN's place.
            if (chains && inGroup && EndsWithBsn(last, length, starts))
                return true;
            // Up to three separators between two groups ("123 - 456", "123..456"), in whatever a keyboard, Word or
            // Excel writes: the chain goes on.
            var (joined, separators) = (0, 0);
            while (separators < 3 && i + joined < value.Length && JoinerWidth(value, i + joined) is > 0 and var width)
                (joined, separators) = (joined + width, separators + 1);
            if (joined > 0 && inGroup && i + joined < value.Length && (uint)(int.CreateTruncating(value[i + joined]) - '0') <= 9)
            {
                i += joined - 1;
                inGroup = false;
                continue;
            }
            (length, starts, inGroup) = (0, 0UL, false);
        }
        return (chains && inGroup && EndsWithBsn(last, length, starts)) || (count == 9 && PassesElevenTest(all));
    }

    /// <summary>The chain's last nine digits began a group and pass the eleven-test.</summary>
    private static bool EndsWithBsn(ReadOnlySpan<int> last, int length, ulong starts)
    {
        if (length < 9 || (starts & (1UL << 8)) == 0)
            return false;
        Span<int> digits = stackalloc int[9];
        for (var k = 0; k < 9; k++)
            digits[k] = last[(length - 9 + k) % 9];
        return PassesElevenTest(digits);
    }

    /// <summary>
    /// The width of a separator between two groups of digits at <paramref name="i"/>: a dot, dash, underscore, slash, or
    /// space, their typographic kinds (no-break, narrow and thin spaces; hyphens, non-breaking hyphens, en and em dashes,
    /// the minus sign), and what does not show (zero-width spaces and joiners, the soft hyphen, the BOM); two or three
    /// bytes in UTF-8. 0 for anything else.
    /// </summary>
    private static int JoinerWidth<T>(ReadOnlySpan<T> value, int i)
        where T : System.Numerics.IBinaryInteger<T>
    {
        var c = int.CreateTruncating(value[i]);
        var next = i + 1 < value.Length ? int.CreateTruncating(value[i + 1]) : -1;
        var third = i + 2 < value.Length ? int.CreateTruncating(value[i + 2]) : -1;
        return c is '.' or '-' or '_' or '/' or ' ' or 0xA0 or 0xAD or 0x2009 or 0x202F or (>= 0x200B and <= 0x200D) or (>= 0x2010 and <= 0x2014)
                or 0x2060 or 0x2212 or 0xFEFF ? 1
            : c == 0xC2 && next is 0xA0 or 0xAD ? 2
            : c == 0xE2 && next == 0x80 && third is 0x89 or 0xAF or (>= 0x8B and <= 0x8D) or (>= 0x90 and <= 0x94) ? 3
            : c == 0xE2 && ((next == 0x81 && third == 0xA0) || (next == 0x88 && third == 0x92)) ? 3
            : c == 0xEF && next == 0xBB && third == 0xBF ? 3
            : 0;
    }

    /// <summary>
    /// A UUID or a hash: hexadecimal digits and dashes only, at least 16 of them, a letter among them. A school code
    /// with A–F beside a BSN (00AA-123456782) is not one.
    /// </summary>
    private static bool IsHexWithLetters<T>(ReadOnlySpan<T> value)
        where T : System.Numerics.IBinaryInteger<T>
    {
        var (letter, digits) = (false, 0);
        foreach (var c in value)
        {
            var ch = (char)int.CreateTruncating(c);
            if (ch is >= 'a' and <= 'f' or >= 'A' and <= 'F')
                letter = true;
            else if (!char.IsAsciiDigit(ch) && ch != '-')
                return false;
            digits += ch == '-' ? 0 : 1;
        }
        return letter && digits >= 16;
    }

    /// <summary>
    /// A school code (a BRIN, with or without its vestiging): at most 64 bytes, printable, without the comma of a
    /// name or the digits of a BSN. Anything else would be cut, merged with another school, or shown as a school.
    /// A digit is not asked for: pupil lists name the school in a column "School" that may hold its name.
    /// </summary>
    public static bool LooksLikeSchoolId(ReadOnlySpan<byte> utf8) =>
        utf8.Length <= RowReaders.MaxPupilIdLength && utf8.IndexOfAnyInRange((byte)0, (byte)31) < 0
        && utf8.IndexOfAny((byte)0x7F, (byte)',') < 0 && !HoldsBsn(utf8)
        // Nor an e-mail address, a phone number or a date: a privacy sweep saw each go out as a school, into the
        // Taskforce's folders. (A year or a street may be a school's name; a typed person's name cannot be told.)
        // The text is made only for a value that may be one (byte 0xEF starts the full-width at signs).
        && CountDigits(utf8) < 10 && (utf8.IndexOfAny("@-/."u8) < 0 && !utf8.Contains((byte)0xEF) || !IsEmailOrDate(System.Text.Encoding.UTF8.GetString(utf8)));

    private static bool PassesElevenTest(ReadOnlySpan<int> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += digits[i] * (i < 8 ? 9 - i : -1);
        return sum % 11 == 0 && sum != 0;
    }

    /// <summary>A day, a month and a year (12-03-2012, 2012/3/12): a class is never one, a birth date often is.</summary>
    private static bool IsDate(string text)
    {
        var groups = text.Split(['-', '/', '.']);
        return groups.Length == 3 && groups.All(g => g.Length is > 0 and <= 4 && g.All(char.IsAsciiDigit));
    }
}
