using System.Runtime.CompilerServices;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The one spelling of a pupil number and of a school code, before they are checked or keyed
/// (README, "Reading CSV"). One pupil written 0100346 in one export and 100346 in another (Excel drops leading zeros), 100346.0 (a
/// number Excel made decimal), with an invisible space at an end (U+00A0, U+200B, a BOM) or a letter in the other
/// case is one pupil, not two who each carry part of the absence, and so a lower tier. School codes (BRIN) are
/// compared in upper case, as they are issued.
/// </summary>
internal static class Identifiers
{
    /// <summary>
    /// A pupil number as the ledger keys it: invisible characters at its ends and Excel's leading apostrophe removed;
    /// all digits (with a fraction of zeros, or in groups of three with dots: 100.003) without leading zeros, fraction
    /// or dots; otherwise its ASCII letters in upper case, written to <paramref name="scratch"/> when there are any.
    /// </summary>
    public static ReadOnlySpan<byte> PupilNumber(ReadOnlySpan<byte> id, Span<byte> scratch)
    {
        id = TrimInvisible(id);
        if (!id.IsEmpty && id[0] == (byte)'\'')
            id = id[1..]; // Excel's mark for a number kept as text
        else if (id.StartsWith("\u2019"u8) || id.StartsWith("\u2018"u8))
            id = id[3..]; // the same, turned typographic by a word processor
        var digits = 0;
        while (digits < id.Length && (uint)(id[digits] - '0') <= 9)
            digits++;
        // 100.003 is how Dutch Excel shows 100003 in a column with thousands separators: the same pupil.
        if (digits is >= 1 and <= 3 && digits < id.Length && id[digits] == (byte)'.' && GroupedInThousands(id[digits..]) && id.Length <= scratch.Length)
        {
            digits = 0;
            foreach (var b in id)
            {
                if (b != (byte)'.')
                    scratch[digits++] = b;
            }
            id = scratch[..digits];
        }
        if (digits > 0 && (digits == id.Length || (id[digits] == '.' && digits + 1 < id.Length && id[(digits + 1)..].IndexOfAnyExcept((byte)'0') < 0)))
        {
            var start = 0;
            while (start < digits - 1 && id[start] == '0')
                start++;
            // Nine digits or more written, fewer once the zeros go: if the last nine are a BSN (012345672), they stay
            // nine, for the reader's BSN check to refuse them, instead of passing as an eight-digit pupil number.
            if (digits >= 9 && digits - start < 9 && Disclosure.HoldsBsn(id[(digits - 9)..digits]))
                return id[(digits - 9)..digits];
            // A mobile phone number (06 and eight digits) keeps its zero, for the reader to refuse it.
            if (digits == 10 && start == 1 && id[1] == (byte)'6')
                return id[..digits];
            return id[start..digits];
        }
        return Upper(id, scratch);
    }

    /// <summary>".003", ".345.672": groups of three digits, each after a dot, to the end.</summary>
    private static bool GroupedInThousands(ReadOnlySpan<byte> rest)
    {
        if (rest.Length % 4 != 0)
            return false;
        for (var i = 0; i < rest.Length; i++)
        {
            if (i % 4 == 0 ? rest[i] != (byte)'.' : (uint)(rest[i] - '0') > 9)
                return false;
        }
        return true;
    }

    /// <summary>A school code as the ledger keys it: invisible characters at its ends removed, ASCII letters in upper case.</summary>
    public static ReadOnlySpan<byte> SchoolCode(ReadOnlySpan<byte> code, Span<byte> scratch) => Upper(TrimInvisible(code), scratch);

    /// <summary><see cref="PupilNumber(ReadOnlySpan{byte}, Span{byte})"/> of a text.</summary>
    public static string PupilNumber(string id) => Canonical(id, PupilNumber);

    /// <summary><see cref="SchoolCode(ReadOnlySpan{byte}, Span{byte})"/> of a text.</summary>
    public static string SchoolCode(string code) => Canonical(code, SchoolCode);

    private delegate ReadOnlySpan<byte> Spelling(ReadOnlySpan<byte> value, Span<byte> scratch);

    private static string Canonical(string value, Spelling spelling)
    {
        // Last week's keys are read one by one: a value already in its spelling (nearly all) is returned as it is.
        var utf8 = System.Text.Encoding.UTF8.GetBytes(value);
        var spelled = spelling(utf8, new byte[utf8.Length]);
        return spelled.SequenceEqual(utf8) ? value : System.Text.Encoding.UTF8.GetString(spelled);
    }

    private static ReadOnlySpan<byte> Upper(ReadOnlySpan<byte> value, Span<byte> scratch)
    {
        if (value.IndexOfAnyInRange((byte)'a', (byte)'z') < 0 || value.Length > scratch.Length)
            return value; // a longer value is refused as too long by its reader anyway
        for (var i = 0; i < value.Length; i++)
            scratch[i] = value[i] is >= (byte)'a' and <= (byte)'z' ? (byte)(value[i] - 32) : value[i];
        return scratch[..value.Length];
    }

    /// <summary>
    /// Without spaces, tabs and the invisible Unicode spaces that travel with copied text at either end. Control
    /// characters stay: a value holding one is damaged, and its reader rejects it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimInvisible(ReadOnlySpan<byte> value) =>
        // Nearly every value starts and ends with a visible ASCII character: a comparison at each end, inlined.
        value.IsEmpty || (value[0] is > (byte)' ' and < 0x80 && value[^1] is > (byte)' ' and < 0x80) ? value : TrimInvisibleSlow(value);

    private static ReadOnlySpan<byte> TrimInvisibleSlow(ReadOnlySpan<byte> value)
    {
        while (!value.IsEmpty && (value[0] is (byte)' ' or (byte)'\t' || (value[0] >= 0x80 && InvisibleAt(value) > 0)))
            value = value[(value[0] < 0x80 ? 1 : InvisibleAt(value))..];
        while (!value.IsEmpty && (value[^1] is (byte)' ' or (byte)'\t' || (value[^1] >= 0x80 && InvisibleBefore(value) > 0)))
            value = value[..^(value[^1] < 0x80 ? 1 : InvisibleBefore(value))];
        return value;
    }

    // U+00A0 no-break space (C2 A0), U+2000–U+200D spaces and zero-width characters (E2 80 80–8D), U+202F narrow
    // no-break space (E2 80 AF), U+205F and U+2060 (E2 81 9F, E2 81 A0), U+3000 (E3 80 80), U+FEFF BOM (EF BB BF).
    private static int InvisibleAt(ReadOnlySpan<byte> v) => Length(v.Length >= 3 ? v[..3] : v);

    private static int InvisibleBefore(ReadOnlySpan<byte> v) =>
        v.Length >= 3 && Length(v[^3..]) == 3 ? 3 : v.Length >= 2 && Length(v[^2..]) == 2 ? 2 : 0;

    private static int Length(ReadOnlySpan<byte> c) => c switch
    {
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, >= 0x80 and <= 0x8D or 0xAF] => 3,
        [0xE2, 0x81, 0x9F or 0xA0] => 3,
        [0xE3, 0x80, 0x80] => 3,
        [0xEF, 0xBB, 0xBF] => 3,
        _ => 0,
    };
}
