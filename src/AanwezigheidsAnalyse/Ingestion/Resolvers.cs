using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using NodaTime;
using NodaTime.Text;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>Where a date falls, for the row's fate: a school day, or the reason it is ignored or rejected.</summary>
internal enum DateFate
{
    SchoolDay,
    Invalid,
    NotASchoolDay,
    BeforeSchoolYear,
    AfterAsOf,
}

/// <summary>
/// Parses date fields once per distinct text (a file holds a few hundred dates) and remembers the school-day
/// index, so that the per-row cost is one lookup. NodaTime's patterns allocate, so they run on the first sight
/// of a text only.
/// </summary>
internal sealed partial class DateResolver
{
    private const int CacheLimit = 100_000; // garbage dates must not grow memory without bound

    private readonly SchoolCalendar _calendar;
    private readonly LocalDate _asOf;
    private readonly LocalDatePattern[] _patterns;
    private readonly Utf8Interner _texts = new();
    private (bool Known, DateFate Fate, int Day, LocalDate Date)[] _results = new (bool, DateFate, int, LocalDate)[512];
    private (bool Known, DateFate Fate, int Day, LocalDate Date) _scratch;

    public DateResolver(SchoolCalendar calendar, LocalDate asOf, IEnumerable<string> formats)
    {
        _calendar = calendar;
        _asOf = asOf;
        _patterns = [.. formats.Select(f => LocalDatePattern.CreateWithInvariantCulture(f))];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DateFate Resolve(ReadOnlySpan<byte> utf8, out int day, out LocalDate date)
    {
        ref readonly var result = ref Lookup(utf8);
        day = result.Day;
        date = result.Date;
        return result.Fate;
    }

    /// <summary>The date of a field, wherever it falls; false when the text is no date.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, out LocalDate date)
    {
        ref readonly var result = ref Lookup(utf8);
        date = result.Date;
        return result.Fate != DateFate.Invalid;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly (bool Known, DateFate Fate, int Day, LocalDate Date) Lookup(ReadOnlySpan<byte> utf8)
    {
        // Every row asks, nearly always for a date it has seen (the row before's): that much is inlined.
        if (utf8.Length <= 40 && _texts.Count < CacheLimit && _texts.GetOrAdd(utf8) is var id && id < _results.Length && _results[id].Known)
            return ref _results[id];
        return ref Learn(utf8);
    }

    private ref readonly (bool Known, DateFate Fate, int Day, LocalDate Date) Learn(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 40 || _texts.Count >= CacheLimit)
        {
            _scratch.Fate = Classify(Parse(Encoding.UTF8.GetString(utf8)), out _scratch.Day, out _scratch.Date);
            return ref _scratch;
        }
        var id = _texts.GetOrAdd(utf8);
        if (id >= _results.Length)
            Array.Resize(ref _results, _results.Length * 2);
        ref var result = ref _results[id];
        if (!result.Known)
        {
            result.Fate = Classify(Parse(_texts[id]), out result.Day, out result.Date);
            result.Known = true;
        }
        return ref result;
    }

    /// <summary>Parses a date text: the formats in order; a time part after a space or 'T' (Excel) is dropped.</summary>
    /// <summary>
    /// A time of day after a date, as exports and databases write it: hours and minutes with ':' or the Dutch '.'
    /// ("08.30"), seconds with up to nine decimals, "uur" or AM/PM, a zone (Z, +01, +01:00, +0100, a space before it):
    /// 0-23 hours (24:00 too), 0-59 minutes and seconds.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?<h>[01]?\d|2[0-3])[:.](?<m>[0-5]\d)|(?<h>24)[:.](?<m>00))(?:[:.](?<s>[0-5]\d)(?:[.,]\d{1,9})?)?\s*(?:uur|u|(?<ap>[AaPp])\.?[Mm]\.?)?\s*(?<zone>Z|(?<sign>[+-])(?<zh>\d{2})(?::?(?<zm>\d{2}))?)?$")]
    private static partial System.Text.RegularExpressions.Regex TimeOfDay();

    private static readonly DateTimeZone Netherlands = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];

    /// <summary>
    /// The time written after the date in <paramref name="text"/> ("27-10-2025 08:30", "…T07:30:00Z"), in Dutch time on
    /// <paramref name="date"/>; null when there is none. 24:00 is the end of the day.
    /// </summary>
    public static LocalTime? TimeAfterDate(string text, LocalDate date)
    {
        var cut = text.IndexOfAny([' ', 'T']);
        if (cut <= 0 || TimeOfDay().Match(text.AsSpan(cut + 1).Trim().ToString()) is not { Success: true } m)
            return null;
        var hour = int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        if (hour == 24)
            return LocalTime.MaxValue;
        if (m.Groups["ap"].Success)
            hour = (char.ToUpperInvariant(m.Groups["ap"].Value[0]), hour) switch { ('P', < 12) => hour + 12, ('A', 12) => 0, _ => hour };
        var time = new LocalTime(hour, int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture), m.Groups["s"].Success ? int.Parse(m.Groups["s"].ValueSpan, CultureInfo.InvariantCulture) : 0);
        if (!m.Groups["zone"].Success)
            return time;
        // A zone says where the clock stood: a time in UTC (Z) or at an offset, read as the Dutch clock that day.
        var minutes = m.Groups["zone"].Value == "Z" ? 0
            : (m.Groups["sign"].Value == "-" ? -1 : 1) * ((int.Parse(m.Groups["zh"].ValueSpan, CultureInfo.InvariantCulture) * 60) + (m.Groups["zm"].Success ? int.Parse(m.Groups["zm"].ValueSpan, CultureInfo.InvariantCulture) : 0));
        return date.At(time).WithOffset(Offset.FromSeconds(minutes * 60)).InZone(Netherlands).TimeOfDay;
    }

    public LocalDate? Parse(string text)
    {
        // NodaTime reads a NUL as the end of the text: "2025-11-07\0\0" would parse. No date holds a control character.
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0)
            return null;
        // A date with its time ("2025-03-04 08:30", "2025-03-04T08:30:00", Excel's "4-3-2025 0:00:00") is that day;
        // anything else after it ("2025-11-24 t/m 2025-12-05", a name, "25:99") is no date, not its first day.
        var cut = text.IndexOfAny([' ', 'T']);
        if (cut > 0)
        {
            if (!TimeOfDay().IsMatch(text.AsSpan(cut + 1).Trim()))
                return null;
            text = text[..cut];
        }
        foreach (var pattern in _patterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
                return result.Value;
        }
        return null;
    }

    public DateFate Classify(LocalDate? parsed, out int day, out LocalDate date)
    {
        day = -1;
        date = parsed ?? default;
        if (parsed is not { } value)
            return DateFate.Invalid;
        if (value > _asOf)
            return DateFate.AfterAsOf;
        if (value < _calendar.Year.FirstDay)
            return DateFate.BeforeSchoolYear;
        day = _calendar.IndexOf(value);
        return day >= 0 ? DateFate.SchoolDay : DateFate.NotASchoolDay;
    }
}

/// <summary>
/// Maps the raw code text of a row (with its "geoorloofd" flag, when the export has one) to a category, and
/// counts rows per code for the accounting. Each distinct raw spelling is folded and looked up once.
/// </summary>
internal sealed class CodeResolver(CodeTable table)
{
    private readonly Utf8Interner _raw = new();
    private readonly List<string> _folded = [];
    private Category[] _byFlag = new Category[3 * 64]; // per raw code: no flag, authorized, unauthorized
    private long[] _rows = new long[3 * 64]; // per raw code and flag, like _byFlag
    private int[][] _pupils = new int[64][]; // per raw code: hashes of the first few pupils seen with it

    public int CodeCount => _raw.Count;

    /// <summary>
    /// The category of a raw code; every call counts a row against the code, and the first few different pupils,
    /// for <see cref="Summary"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Category Resolve(ReadOnlySpan<byte> code, bool? authorized, ReadOnlySpan<byte> pupilId)
    {
        var id = _raw.GetOrAdd(code);
        if (id >= _folded.Count)
            Learn(id);
        var slot = id * 3 + (authorized is null ? 0 : authorized.Value ? 1 : 2);
        var category = _byFlag[slot];
        if (category == Category.None)
        {
            category = table.Lookup(_folded[id], authorized);
            _byFlag[slot] = category == Category.None ? (Category)0xFF : category;
        }
        _rows[slot]++;
        if (_pupils[id][Disclosure.MinPupils - 1] == 0)
            NotePupil(_pupils[id], pupilId);
        return category == (Category)0xFF ? Category.None : category;
    }

    private static void NotePupil(int[] seen, ReadOnlySpan<byte> pupilId)
    {
        var hasher = new HashCode();
        hasher.AddBytes(pupilId);
        NoteHash(seen, (int)((uint)hasher.ToHashCode() | 1u)); // never 0, which marks a free place
    }

    private static void NoteHash(int[] seen, int hash)
    {
        for (var i = 0; i < seen.Length; i++)
        {
            if (seen[i] == hash)
                return;
            if (seen[i] == 0)
            {
                seen[i] = hash;
                return;
            }
        }
    }

    /// <summary>
    /// Rows per code and category as the rows were read, most rows first: the file's code table for run.json and
    /// validate. A code the "geoorloofd" column sends two ways (verlof + ja, verlof + nee) has a line for each
    /// category. An unknown value seen with fewer than <see cref="Disclosure.MinPupils"/> pupils may be a name typed
    /// into the column: such values are counted together under <see cref="HiddenCode"/>, not shown.
    /// </summary>
    public List<CodeCount> Summary()
    {
        var rows = new Dictionary<(string Code, string Category), long>();
        for (var id = 0; id < CodeCount; id++)
        {
            // A number may be shown (a numeric code); a phone number or a date, however many share it, not (a privacy sweep).
            var hidden = Disclosure.LooksPersonal(_folded[id]) || (!Disclosure.IsStructural(_folded[id]) && (_pupils[id][Disclosure.MinPupils - 1] == 0 || !Disclosure.MayBeShared(_folded[id])));
            for (var slot = id * 3; slot < id * 3 + 3; slot++)
            {
                if (_rows[slot] == 0)
                    continue;
                var category = _byFlag[slot] is var c && c != (Category)0xFF ? c : Category.None;
                var key = category != Category.None ? (_folded[id], category.Name()) : hidden ? (HiddenCode, "unknown") : (_folded[id], "unknown");
                rows[key] = rows.GetValueOrDefault(key) + _rows[slot];
            }
        }
        return [.. rows.Select(r => new CodeCount(r.Key.Code, r.Key.Category, r.Value))
            .OrderByDescending(c => c.Rows).ThenBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Category, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Adds the rows and pupils of another resolver of the same code table (one part of a file read on another
    /// core, <see cref="CsvParts"/>): the summary is then the one of reading both parts with one resolver.
    /// </summary>
    public void Absorb(CodeResolver part)
    {
        for (var other = 0; other < part.CodeCount; other++)
        {
            var id = _raw.GetOrAdd(part._raw[other]);
            if (id >= _folded.Count)
                Learn(id);
            for (var flag = 0; flag < 3; flag++)
            {
                if (part._byFlag[other * 3 + flag] != Category.None)
                    _byFlag[id * 3 + flag] = part._byFlag[other * 3 + flag];
                _rows[id * 3 + flag] += part._rows[other * 3 + flag];
            }
            foreach (var hash in part._pupils[other])
            {
                if (hash == 0)
                    break;
                NoteHash(_pupils[id], hash);
            }
        }
    }

    /// <summary>What stands for unknown values seen with too few pupils to be shown.</summary>
    public const string HiddenCode = "(hidden: < 3 pupils)";

    private void Learn(int id)
    {
        _folded.Add(Fold.Code(_raw[id]));
        if (_byFlag.Length < (id + 1) * 3)
        {
            Array.Resize(ref _byFlag, _byFlag.Length * 2);
            Array.Resize(ref _rows, _rows.Length * 2);
        }
        if (_pupils.Length <= id)
            Array.Resize(ref _pupils, _pupils.Length * 2);
        _pupils[id] = new int[Disclosure.MinPupils];
    }
}

/// <summary>
/// Parses slot fields: lesuur numbers, or dagdeel words (ochtend, middag) and numbers. Counts the values of each kind
/// (<see cref="Spelling"/>): a dagdeel word read with a timetable of lesson hours would be lesuur 1 or 2.
/// </summary>
internal sealed class SlotResolver(Profile profile)
{
    private enum Kind : byte { Small, Lesson, Dagdeel }

    private readonly Utf8Interner _texts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(int Slot, Kind Kind)> _slots = [];
    private readonly Dictionary<string, int> _names = new(
        profile.SlotNames.Select(kv => KeyValuePair.Create(Fold.Code(kv.Key), kv.Value)), StringComparer.Ordinal);
    private static readonly HashSet<string> DagdeelWords = [.. Profile.DagdeelWords.Keys.Select(Fold.Code)];
    private long _small, _lessons, _dagdelen;

    /// <summary>The values read so far: 1 and 2 (a lesuur or a dagdeel), other lesson hours, and dagdeel words.</summary>
    public SlotSpelling Spelling => new(_small, _lessons, _dagdelen);

    /// <summary>The slot 0..15, or -1 when the text is no slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Resolve(ReadOnlySpan<byte> utf8)
    {
        // Lesuur numbers are one or two digits: parsed in place.
        if (utf8.Length == 1 && (uint)(utf8[0] - '0') <= 9)
        {
            var digit = utf8[0] - '0';
            Count(digit is 1 or 2 ? Kind.Small : Kind.Lesson);
            return digit;
        }
        if (utf8.Length == 2 && (uint)(utf8[0] - '0') <= 9 && (uint)(utf8[1] - '0') <= 9)
        {
            var value = (utf8[0] - '0') * 10 + (utf8[1] - '0');
            if (value >= Timetable.MaxSlots)
                return -1;
            Count(value is 1 or 2 ? Kind.Small : Kind.Lesson);
            return value;
        }
        if (utf8.Length > 32)
            return -1;
        var id = _texts.GetOrAdd(utf8);
        while (_slots.Count <= id)
            _slots.Add(Learn(_texts[_slots.Count]));
        var (slot, kind) = _slots[id];
        if (slot >= 0)
            Count(kind);
        return slot;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(Kind kind)
    {
        if (kind == Kind.Small)
            _small++;
        else if (kind == Kind.Lesson)
            _lessons++;
        else
            _dagdelen++;
    }

    /// <summary>What may stand around a lesson's number, folded: "3e", "4de uur", "1ste lesuur", "lesuur 4", "u3", "les 5".</summary>
    private static readonly HashSet<string> LessonWords =
    [
        "", "e", "de", "ste", "le", "u", "uur", "les", "lesuur", "e uur", "de uur", "ste uur", "e lesuur", "de lesuur", "ste lesuur", "e les", "de les",
    ];

    private (int Slot, Kind Kind) Learn(string text)
    {
        var folded = Fold.Code(text);
        if (_names.TryGetValue(folded, out var named))
            // A profile's own word is what the profile reads: a dagdeel in a profile of dagdelen ("nm."), else a lesson ("eerste").
            return (named, DagdeelWords.Contains(folded) || profile.SlotKind == SlotKind.Dagdeel ? Kind.Dagdeel : Kind.Lesson);
        // "1e uur", "3e", "lesuur 4", "4de uur", "1ste lesuur", "u3", "les 5"; "3.0" or "3,00" as Excel made a number
        // decimal, as for pupil numbers ("u3" and "4de uur" were rejected as no lesson: an adversarial pass)
        if (System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(\d{1,2})[.,]0+$") is { Success: true } decimalZeros)
            folded = decimalZeros.Groups[1].Value;
        var digits = new string([.. folded.Where(char.IsAsciiDigit)]);
        var slot = digits.Length is 1 or 2
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n < Timetable.MaxSlots
            && LessonWords.Contains(folded.Replace(digits, "").Trim())
            ? n : -1;
        return (slot, Kind.Lesson);
    }
}

/// <summary>Parses yes/no fields ("Geoorloofd": ja/nee, j/n, true/false, 1/0, geoorloofd/ongeoorloofd).</summary>
internal static class Flag
{
    public static bool? Parse(ReadOnlySpan<byte> utf8, out bool valid)
    {
        valid = true;
        if (utf8.IsEmpty)
            return null;
        Span<byte> lower = stackalloc byte[16];
        if (utf8.Length > lower.Length)
        {
            valid = false;
            return null;
        }
        for (var i = 0; i < utf8.Length; i++)
            lower[i] = (byte)(utf8[i] | 0x20);
        var text = lower[..utf8.Length];
        if (text.SequenceEqual("ja"u8) || text.SequenceEqual("j"u8) || text.SequenceEqual("yes"u8) || text.SequenceEqual("y"u8)
            || text.SequenceEqual("true"u8) || text.SequenceEqual("1"u8) || text.SequenceEqual("geoorloofd"u8) || text.SequenceEqual("waar"u8))
            return true;
        if (text.SequenceEqual("nee"u8) || text.SequenceEqual("n"u8) || text.SequenceEqual("no"u8)
            || text.SequenceEqual("false"u8) || text.SequenceEqual("0"u8) || text.SequenceEqual("ongeoorloofd"u8) || text.SequenceEqual("onwaar"u8))
            return false;
        valid = false;
        return null;
    }
}

/// <summary>Parses minute fields: whole minutes, or decimal minutes with a comma or point (rounded).</summary>
internal static class Minutes
{
    /// <summary>A duration in <paramref name="unit"/>, as whole minutes; a day fraction is of <paramref name="dayMinutes"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, DurationUnit unit, int dayMinutes, out int minutes)
    {
        if (unit == DurationUnit.Minutes)
            return TryParse(utf8, out minutes);
        minutes = -1;
        if (!TryParseNumber(utf8, out var value))
            return false;
        var (scaled, max) = unit == DurationUnit.Hours ? (value * 60, 1440.0) : (value * dayMinutes, dayMinutes);
        if (value > (unit == DurationUnit.Hours ? 24 : 1) || scaled > max)
            return false;
        minutes = (int)Math.Round(scaled, MidpointRounding.AwayFromZero);
        return true;
    }

    public static bool TryParse(ReadOnlySpan<byte> utf8, out int minutes)
    {
        if (int.TryParse(utf8, NumberStyles.None, CultureInfo.InvariantCulture, out minutes))
            return minutes <= 1440;
        if (TryParseNumber(utf8, out var value) && value <= 1440)
        {
            minutes = (int)Math.Round(value, MidpointRounding.AwayFromZero);
            return true;
        }
        return false;
    }

    /// <summary>A non-negative number with a decimal point or comma.</summary>
    private static bool TryParseNumber(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        Span<byte> copy = stackalloc byte[24];
        if (utf8.Length > copy.Length)
            return false;
        utf8.CopyTo(copy);
        copy = copy[..utf8.Length];
        copy.Replace((byte)',', (byte)'.');
        // .NET reads "NaN" and "∞" whatever the styles: no duration is either.
        return double.TryParse(copy, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0;
    }
}

/// <summary>Parses clock times of interval exports once per distinct text.</summary>
internal sealed class TimeResolver(IEnumerable<string> formats)
{
    private readonly LocalTimePattern[] _patterns = [.. formats.Select(f => LocalTimePattern.CreateWithInvariantCulture(f))];
    private readonly Utf8Interner _texts = new();
    private readonly List<LocalTime?> _times = [];

    public bool TryParse(ReadOnlySpan<byte> utf8, out LocalTime time)
    {
        time = default;
        if (utf8.Length > 40) // a date with its time and zone fits
            return false;
        var id = _texts.GetOrAdd(utf8);
        while (_times.Count <= id)
            _times.Add(Parse(_texts[_times.Count]));
        if (_times[id] is not { } value)
            return false;
        time = value;
        return true;
    }

    private LocalTime? Parse(string text)
    {
        // "2025-03-04 08:30" or "2025-03-04T08:30:00": the time is the last part.
        var cut = text.LastIndexOfAny([' ', 'T']);
        if (cut >= 0)
            text = text[(cut + 1)..];
        foreach (var pattern in _patterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
                return result.Value;
        }
        return null;
    }
}
