using System.Collections;
using System.Numerics;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules.Criteria;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// The criteria of docs/criteria.md §2, in its order. The number of each is its bit in a <see cref="CriterionSet"/>;
/// <see cref="CriterionIds.Code"/> is the stable id every output writes (<c>ZZV-SHORT</c> …). What a criterion
/// means, how it is named and who picks it up is in its class in <c>Rules/Criteria/</c>.
/// </summary>
public enum CriterionId : byte
{
    /// <summary><c>ZZV-SHORT</c>: frequently sick for one or two days.</summary>
    ZzvShort,

    /// <summary><c>ZZV-LONG</c>: sick for more than ten school days in a row.</summary>
    ZzvLong,

    /// <summary><c>ZZV-MONTH</c>: more than four sick days in the last month.</summary>
    ZzvMonth,

    /// <summary><c>ZZV-HOME</c>: often sent home sick.</summary>
    ZzvHome,

    /// <summary><c>MAZL-FREQ</c>: the 4th sick report within 12 school weeks.</summary>
    MazlFreq,

    /// <summary><c>MAZL-LONG</c>: the 7th consecutive school day sick.</summary>
    MazlLong,

    /// <summary><c>MAZL-PATTERN</c>: sick on fixed moments.</summary>
    MazlPattern,

    /// <summary><c>LR-50</c>: under 50 % of education for more than four school weeks.</summary>
    Lr50,

    /// <summary><c>TZ-0</c>: no education for more than four school weeks.</summary>
    Tz0,

    /// <summary><c>TZ-LPW</c>: long-term unauthorized absence.</summary>
    TzLpw,

    /// <summary><c>TZ-3M</c>: at home for more than three months.</summary>
    Tz3m,

    /// <summary><c>LPW-16U</c>: a DUO melding of 16 hours in 4 school weeks.</summary>
    Lpw16u,

    /// <summary><c>PREV-10U</c>: 10 hours unauthorized in 4 school weeks.</summary>
    Prev10u,

    /// <summary><c>LATE-REP</c>: repeatedly late.</summary>
    LateRep,

    /// <summary><c>KPA-25</c>: at least 25 % absent over 2 school weeks.</summary>
    Kpa25,

    /// <summary><c>KPA-10IN15</c>: at least 10 absence days in 15 school weeks.</summary>
    Kpa10In15,
}

/// <summary>The stable ids as text, for the policy file's property names (attributes need constants).</summary>
internal static class CriterionCodes
{
    public const string ZzvShort = "ZZV-SHORT";
    public const string ZzvLong = "ZZV-LONG";
    public const string ZzvMonth = "ZZV-MONTH";
    public const string ZzvHome = "ZZV-HOME";
    public const string MazlFreq = "MAZL-FREQ";
    public const string MazlLong = "MAZL-LONG";
    public const string MazlPattern = "MAZL-PATTERN";
    public const string Lr50 = "LR-50";
    public const string Tz0 = "TZ-0";
    public const string TzLpw = "TZ-LPW";
    public const string Tz3m = "TZ-3M";
    public const string Lpw16u = "LPW-16U";
    public const string Prev10u = "PREV-10U";
    public const string LateRep = "LATE-REP";
    public const string Kpa25 = "KPA-25";
    public const string Kpa10In15 = "KPA-10IN15";
}

/// <summary>The criteria's stable ids as every output writes them, and their names and owners.</summary>
public static class CriterionIds
{
    private static readonly Dictionary<string, CriterionId> ByCode =
        Enum.GetValues<CriterionId>().ToDictionary(Code, StringComparer.Ordinal);

    // The criteria with docs/criteria.md's defaults, for what does not depend on a policy: labels and owners.
    private static readonly Lazy<Criterion[]> Defaults = new(() => [.. new CriteriaSettings().Create().OrderBy(c => c.Id)]);

    /// <summary>Every criterion, in docs/criteria.md order.</summary>
    public static IReadOnlyList<CriterionId> All { get; } = Enum.GetValues<CriterionId>();

    /// <summary>The stable id written in outputs, e.g. <c>ZZV-SHORT</c>.</summary>
    public static string Code(this CriterionId id) => id switch
    {
        CriterionId.ZzvShort => CriterionCodes.ZzvShort,
        CriterionId.ZzvLong => CriterionCodes.ZzvLong,
        CriterionId.ZzvMonth => CriterionCodes.ZzvMonth,
        CriterionId.ZzvHome => CriterionCodes.ZzvHome,
        CriterionId.MazlFreq => CriterionCodes.MazlFreq,
        CriterionId.MazlLong => CriterionCodes.MazlLong,
        CriterionId.MazlPattern => CriterionCodes.MazlPattern,
        CriterionId.Lr50 => CriterionCodes.Lr50,
        CriterionId.Tz0 => CriterionCodes.Tz0,
        CriterionId.TzLpw => CriterionCodes.TzLpw,
        CriterionId.Tz3m => CriterionCodes.Tz3m,
        CriterionId.Lpw16u => CriterionCodes.Lpw16u,
        CriterionId.Prev10u => CriterionCodes.Prev10u,
        CriterionId.LateRep => CriterionCodes.LateRep,
        CriterionId.Kpa25 => CriterionCodes.Kpa25,
        CriterionId.Kpa10In15 => CriterionCodes.Kpa10In15,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "no such criterion"),
    };

    /// <summary>Where the criterion and its default come from, in a few words (criteria §2, "where the default comes from").</summary>
    public static Phrase Source(this CriterionId id) => id switch
    {
        CriterionId.ZzvShort or CriterionId.ZzvLong or CriterionId.ZzvMonth or CriterionId.ZzvHome =>
            new("protocol ziekteverzuim (jeugdgezondheidszorg)", "sickness absence protocol (youth health care)"),
        CriterionId.MazlFreq or CriterionId.MazlLong => new("M@ZL", "M@ZL"),
        CriterionId.MazlPattern => new("M@ZL; de getallen zijn een eigen uitwerking", "M@ZL; the numbers are our own reading"),
        CriterionId.Lr50 or CriterionId.Tz0 or CriterionId.Prev10u => new("regionale aanpak verzuim", "regional absence approach"),
        CriterionId.TzLpw => new("Leerplichtwet: langdurig relatief verzuim", "Compulsory Education Act: long-term unauthorised absence"),
        CriterionId.Tz3m => new("Thuiszitterspact", "Thuiszitterspact (no child at home over 3 months)"),
        CriterionId.Lpw16u => new("art. 21a Leerplichtwet, meldplicht DUO", "art. 21a Compulsory Education Act, DUO reporting duty"),
        CriterionId.LateRep => new("schoolbeleid", "school policy"),
        _ => new("Kearney, problematisch verzuim", "Kearney, problematic absenteeism"),
    };

    /// <summary>The criterion's name for people (criteria §6).</summary>
    public static Phrase Label(this CriterionId id) => Defaults.Value[(int)id].Label;

    /// <summary>Whose action list the criterion lands on first (criteria §6).</summary>
    public static Owner Owner(this CriterionId id) => Defaults.Value[(int)id].Owner;

    /// <summary>Every owner whose action list the criterion lands on, the first one first: two for LR-50 (criteria §6).</summary>
    public static IReadOnlyList<Owner> Owners(this CriterionId id) => Defaults.Value[(int)id].Owners;

    /// <summary>The criterion with the stable id <paramref name="code"/> (exact, as outputs write it).</summary>
    public static bool TryParse(string code, out CriterionId id) => ByCode.TryGetValue(code, out id);

    /// <summary>
    /// The criteria a policy's pattern names: an id (<c>LR-50</c>) or a prefix ending in <c>*</c> (<c>ZZV-*</c>).
    /// </summary>
    public static CriterionSet Matching(string pattern)
    {
        var set = CriterionSet.Empty;
        foreach (var id in All)
        {
            var code = id.Code();
            if (pattern.EndsWith('*') ? code.StartsWith(pattern[..^1], StringComparison.Ordinal) : code == pattern)
                set = set.With(id);
        }
        return set;
    }
}

/// <summary>A set of criteria, one bit each: the criteria a pupil meets, or those a tier rule names.</summary>
/// <param name="Bits">Bit <c>i</c> is <see cref="CriterionId"/> <c>i</c>.</param>
public readonly record struct CriterionSet(uint Bits) : IEnumerable<CriterionId>
{
    /// <summary>No criterion.</summary>
    public static CriterionSet Empty => default;

    /// <summary>True when the set holds no criterion.</summary>
    public bool IsEmpty => Bits == 0;

    /// <summary>The number of criteria in the set.</summary>
    public int Count => BitOperations.PopCount(Bits);

    /// <summary>True when <paramref name="id"/> is in the set.</summary>
    public bool Contains(CriterionId id) => (Bits & (1u << (int)id)) != 0;

    /// <summary>This set and <paramref name="id"/>.</summary>
    public CriterionSet With(CriterionId id) => new(Bits | (1u << (int)id));

    /// <summary>True when the sets share a criterion.</summary>
    public bool Overlaps(CriterionSet other) => (Bits & other.Bits) != 0;

    /// <summary>The criteria in docs/criteria.md order.</summary>
    public Enumerator GetEnumerator() => new(Bits);

    IEnumerator<CriterionId> IEnumerable<CriterionId>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(",", this.Select(id => id.Code()));

    /// <summary>Walks the set bit by bit, lowest first, without allocating.</summary>
    public struct Enumerator(uint bits) : IEnumerator<CriterionId>
    {
        private uint _rest = bits;

        /// <inheritdoc/>
        public CriterionId Current { get; private set; }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            if (_rest == 0)
                return false;
            Current = (CriterionId)BitOperations.TrailingZeroCount(_rest);
            _rest &= _rest - 1;
            return true;
        }

        /// <inheritdoc/>
        public readonly void Reset() => throw new NotSupportedException();

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
