using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules.Criteria;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>How the hour-based rules count: clock hours of scheduled time, or one hour per lesson slot (criteria §1).</summary>
public enum HourUnit
{
    /// <summary>Clock hours: minutes ÷ 60.</summary>
    Clock,

    /// <summary>Lesson hours: one unauthorized slot is one hour.</summary>
    Lesson,
}

/// <summary>
/// Every threshold and window of docs/criteria.md §2, and the tier rules (criteria §4), as one JSON document. The default,
/// <c>kearney-nl</c>, is bundled with <c>attendance-works</c> and <c>dfe-england</c>; <c>--policy FILE</c> reads
/// another. A criterion left out of the file keeps its docs/criteria.md default; <c>"enabled": false</c> switches it off.
/// </summary>
public sealed partial record Policy
{
    /// <summary>The policy's name (<c>kearney-nl</c> …).</summary>
    [JsonRequired, JsonInclude]
    public string Name { get; internal set; } = "";

    /// <summary>What the policy is, in English.</summary>
    [JsonInclude]
    public string Description { get; internal set; } = "";

    /// <summary>The description for a Dutch report; the English one when absent.</summary>
    [JsonInclude]
    public string? DescriptionNl { get; internal set; }

    /// <summary>How the hour-based rules count hours.</summary>
    [JsonInclude]
    public HourUnit HourUnit { get; internal set; } = HourUnit.Clock;

    /// <summary>A rate over fewer scheduled school days is reported but not used for tiering (criteria §3).</summary>
    [JsonInclude]
    public int MinScheduledDaysForRate { get; internal set; } = 10;

    /// <summary>Every criterion's parameters; a criterion left out keeps its docs/criteria.md default.</summary>
    [JsonInclude]
    public CriteriaSettings Criteria { get; internal set; } = new();

    /// <summary>Tier rules, highest tier first; the first that holds sets the tier (criteria §4).</summary>
    [JsonRequired, JsonInclude]
    public IReadOnlyList<TierRule> Tiers { get; internal set; } = [];

    /// <summary>SHA-256 of the policy file's bytes (a byte order mark left out: it does not change the policy), for run.json.</summary>
    [JsonIgnore]
    public string Hash { get; internal set; } = "";

    /// <summary>A bundled name or the file's full path.</summary>
    [JsonIgnore]
    public string Source { get; internal set; } = "";

    /// <summary>The policy file's metadata, made at build time (<see cref="Json.ForContext"/>).</summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(Policy))]
    internal sealed partial class PolicyFormat : JsonSerializerContext
    {
        public static PolicyFormat Instance { get; } = new(Json.ForContext());
    }

    /// <summary>The policies that ship with the tool.</summary>
    public static IReadOnlyList<string> BundledNames { get; } = ["kearney-nl", "attendance-works", "dfe-england"];

    /// <summary>The default policy, <c>kearney-nl</c> (criteria §4), read once.</summary>
    public static Policy Default => DefaultPolicy.Value;

    private static readonly Lazy<Policy> DefaultPolicy = new(() => Load("kearney-nl"));

    /// <summary>A bundled policy by name, or a policy file.</summary>
    public static Policy Load(string nameOrPath)
    {
        byte[] bytes;
        string source;
        if (File.Exists(nameOrPath))
        {
            bytes = Json.WholeFile(nameOrPath, Setting.Policy);
            source = Path.GetFullPath(nameOrPath);
        }
        else
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"policies/{nameOrPath}.json")
                ?? throw new UserError(Texts.NeitherFileNorBundled(Setting.Policy, nameOrPath, BundledNames), Setting.Policy);
            bytes = Json.Whole(stream, nameOrPath, Setting.Policy);
            source = nameOrPath;
        }
        var policy = Json.Parse(bytes, source, Setting.Policy, PolicyFormat.Instance.Policy) with
        {
            Hash = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Source = source,
        };
        policy.Validate();
        return policy;
    }

    private void Validate()
    {
        UserError Invalid(Phrase problem) => new(Texts.InvalidFile(Setting.Policy, Source, problem), Setting.Policy);
        if (Tiers.Count == 0)
            throw Invalid(Texts.NoTierRules);
        CheckRange("min_scheduled_days_for_rate", MinScheduledDaysForRate, ParameterRanges.Of(nameof(MinScheduledDaysForRate)));
        foreach (var criterion in typeof(CriteriaSettings).GetProperties())
        {
            var id = criterion.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
            var settings = criterion.GetValue(Criteria)!; // null is refused while reading
            foreach (var parameter in criterion.PropertyType.GetProperties().Where(p => p.PropertyType != typeof(bool)))
                CheckRange($"criteria.{id}.{JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter.Name)}", Convert.ToDouble(parameter.GetValue(settings), CultureInfo.InvariantCulture), ParameterRanges.Of(parameter.Name));
        }
        // Overlapping, a run of half unauthorised absence would read geoorloofd: the first of the two wins.
        if (!(Criteria.Lr50.GeoorloofdMaxUnauthorizedShare < Criteria.Lr50.OngeoorloofdMinUnauthorizedShare))
            throw Invalid(Texts.AbsenceKindsOverlap(Criteria.Lr50.GeoorloofdMaxUnauthorizedShare, Criteria.Lr50.OngeoorloofdMinUnauthorizedShare));
        var switchedOn = 0u;
        foreach (var criterion in Criteria.Create())
            switchedOn |= 1u << (int)criterion.Id;
        foreach (var rule in Tiers)
        {
            if (rule.Tier is < 1 or > 3)
                throw Invalid(Texts.NoSuchTier(rule.Tier));
            // A share outside (0, 1] would place every pupil, or none, without anyone noticing.
            if (rule.Rate is { AtLeast: var share } && !(share > 0 && share <= 1))
                throw Invalid(Texts.NoShare(share));
            foreach (var pattern in rule.Criteria ?? [])
            {
                if (CriterionIds.Matching(pattern).IsEmpty)
                {
                    var meant = CriterionIds.Matching(pattern.ToUpperInvariant()).IsEmpty ? null : pattern.ToUpperInvariant();
                    throw Invalid(Texts.NamesNoCriterion(pattern, meant, CriterionIds.All.Select(id => id.Code())));
                }
            }
            // A rule without a rate whose criteria are all switched off (or that names none) never holds: its tier
            // would be empty, and its pupils a tier lower, without a word (an adversarial pass).
            // Tier 1 is every pupil's without a rule (a review: "{ "tier": 1 }" loaded before and still means nothing).
            if (rule.Tier > 1 && rule.Rate is null && (rule.CriterionSet().Bits & switchedOn) == 0)
                throw Invalid(Texts.TierRuleNeverHolds(rule.Tier, rule.Criteria ?? []));
        }

        void CheckRange(string field, double value, ParameterRange range)
        {
            if (!range.Contains(value))
                throw Invalid(Texts.OutOfRange(field, value, range.Min, range.Max, range.MinExclusive));
        }
    }
}

/// <summary>What a policy parameter may be: a nonsense value (a negative window, a share of 5) is refused, not run.</summary>
internal readonly record struct ParameterRange(double Min, double Max, bool MinExclusive = false)
{
    public bool Contains(double value) => value <= Max && (MinExclusive ? value > Min : value >= Min);
}

/// <summary>
/// The range of every criterion parameter, by its name (docs/criteria.md §5): windows within a school year
/// (40 school weeks, 12 months), counts of at least one, shares in (0, 1], hours above zero.
/// </summary>
internal static class ParameterRanges
{
    private const double SchoolWeeksInAYear = 40;

    public static ParameterRange Of(string parameter) => parameter switch
    {
        "Months" => new(1, 12),
        "MoreThanMonths" => new(0, 12),
        "SchoolWeeks" or "PeriodSchoolWeeks" => new(1, SchoolWeeksInAYear),
        "EndedWithinSchoolWeeks" or "ReportedWithinSchoolWeeks" or "MoreThanWeeks" => new(0, SchoolWeeksInAYear),
        "MinDays" or "MaxEpisodeDays" => new(1, 200),
        "MoreThanDays" or "MinScheduledDaysForRate" => new(0, 200),
        "HolidayMinDays" => new(1, 60),
        "MinEpisodes" or "MinSameWeekday" or "MinAroundHoliday" or "MinLates" => new(1, 1000),
        "GeoorloofdMaxUnauthorizedShare" or "OngeoorloofdMinUnauthorizedShare" => new(0, 1),
        "FractionBelow" or "MinUnauthorizedShare" or "MinAbsentShare" or "DayMinAbsentShare" => new(0, 1, MinExclusive: true),
        "Hours" or "MinHours" => new(0, 1000, MinExclusive: true),
        _ => throw new InvalidOperationException($"Policy parameter {parameter} has no range: give it one here."),
    };
}

/// <summary>One row of the tier table: the tier, a rate threshold, and criteria (ids or prefixes such as <c>ZZV-*</c>).</summary>
/// <param name="Tier">The tier (1–3) the rule sets, as the file writes it (Tiering reads it as a <c>Tier</c>).</param>
/// <param name="Rate">A rate threshold that sets the tier.</param>
/// <param name="Criteria">Criteria that set the tier: ids, or prefixes ending in <c>*</c>.</param>
public sealed record TierRule(int Tier, RateThreshold? Rate = null, IReadOnlyList<string>? Criteria = null)
{
    /// <summary>The criteria the rule names.</summary>
    public CriterionSet CriterionSet()
    {
        var set = Rules.CriterionSet.Empty;
        foreach (var pattern in Criteria ?? [])
            set = new Rules.CriterionSet(set.Bits | CriterionIds.Matching(pattern).Bits);
        return set;
    }
}

/// <summary>An absence rate at or above <see cref="AtLeast"/> over a window.</summary>
/// <param name="Window">The window: <c>ytd</c>, <c>4w</c> or <c>8w</c> in the file.</param>
/// <param name="AtLeast">The share of scheduled time absent, 0–1.</param>
public sealed record RateThreshold(
    [property: JsonRequired, JsonConverter(typeof(RateWindowConverter))] RateWindow Window,
    [property: JsonRequired] double AtLeast)
{
    /// <summary>The threshold as tier_reasons writes it, e.g. <c>RATE-8W-20</c>.</summary>
    [JsonIgnore]
    public string Code => $"RATE-{Window.Name().ToUpperInvariant()}-{Percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The threshold in percent to two decimals, as its code has it: whole percent read 7.5 % as "RATE-8W-8" and
    /// "≥ 8 %", and two rules of 10 % and 10.4 % as one (an adversarial pass).
    /// </summary>
    internal double Percent => Math.Round(AtLeast * 100, 2);

    /// <summary>The threshold for people: "verzuim 8 wk ≥ 20 %", with the window in the words given, or none.</summary>
    public string Describe(Language language, string? window = null)
    {
        var decimals = (decimal)Percent % 1 == 0 ? 0 : (decimal)Percent * 10 % 1 == 0 ? 1 : 2; // as the decimal it is written as
        var share = (Percent / 100).ToString("P" + decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), language.Culture());
        var words = window is null ? "" : " " + window;
        return language.Format($"verzuim{words} ≥ {share}", $"absence{words} ≥ {share}");
    }
}

/// <summary>The rate windows output for every pupil (criteria §3); in files <c>ytd</c>, <c>4w</c>, <c>8w</c>.</summary>
public enum RateWindow
{
    /// <summary>The school year up to T.</summary>
    Ytd,

    /// <summary>The last 4 school weeks.</summary>
    Weeks4,

    /// <summary>The last 8 school weeks.</summary>
    Weeks8,
}

/// <summary>The names of the rate windows.</summary>
public static class RateWindows
{
    /// <summary>The window as files and column names write it: <c>ytd</c>, <c>4w</c>, <c>8w</c>.</summary>
    public static string Name(this RateWindow window) => window switch
    {
        RateWindow.Ytd => "ytd",
        RateWindow.Weeks4 => "4w",
        _ => "8w",
    };

    /// <summary>The window in a sentence: "de laatste 8 schoolweken".</summary>
    public static Phrase Words(this RateWindow window) => window switch
    {
        RateWindow.Ytd => new("het schooljaar tot nu", "the school year so far"),
        RateWindow.Weeks4 => new("de laatste 4 schoolweken", "the last 4 school weeks"),
        _ => new("de laatste 8 schoolweken", "the last 8 school weeks"),
    };

    /// <summary>The window in a reason: "8 wk", "dit schooljaar".</summary>
    public static Phrase Short(this RateWindow window) => window switch
    {
        RateWindow.Ytd => new("dit schooljaar", "this school year"),
        RateWindow.Weeks4 => new("4 wk", "4 wk"),
        _ => new("8 wk", "8 wk"),
    };

    /// <summary>The window a file names (<c>ytd</c>, <c>4w</c>, <c>8w</c>, any case).</summary>
    public static bool TryParse(string text, out RateWindow window)
    {
        foreach (var candidate in Enum.GetValues<RateWindow>())
        {
            if (text.Trim().Equals(candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                window = candidate;
                return true;
            }
        }
        window = default;
        return false;
    }
}

/// <summary>Reads and writes a <see cref="RateWindow"/> by its name; an unknown name is an error that quotes it.</summary>
internal sealed class RateWindowConverter : JsonConverter<RateWindow>
{
    public override RateWindow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? "";
        return RateWindows.TryParse(text, out var window) ? window : throw new JsonValueException(Texts.NoSuchWindow(text));
    }

    public override void Write(Utf8JsonWriter writer, RateWindow value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());
}

/// <summary>The parameters of every criterion; the defaults are docs/criteria.md's.</summary>
public sealed record CriteriaSettings
{
    /// <summary>The criteria these settings switch on, in docs/criteria.md order.</summary>
    internal IEnumerable<Criterion> Create()
    {
        if (ZzvShort.Enabled) yield return new ZzvShort(ZzvShort);
        if (ZzvLong.Enabled) yield return new LongEpisode(CriterionId.ZzvLong, ZzvLong);
        if (ZzvMonth.Enabled) yield return new ZzvMonth(ZzvMonth);
        if (ZzvHome.Enabled) yield return new ZzvHome(ZzvHome);
        if (MazlFreq.Enabled) yield return new MazlFreq(MazlFreq);
        if (MazlLong.Enabled) yield return new LongEpisode(CriterionId.MazlLong, MazlLong);
        if (MazlPattern.Enabled) yield return new MazlPattern(MazlPattern);
        if (Lr50.Enabled) yield return new Lr50(Lr50);
        if (Tz0.Enabled) yield return new Tz0(Tz0);
        if (TzLpw.Enabled) yield return new TzLpw(TzLpw);
        if (Tz3m.Enabled) yield return new Tz3m(Tz3m, Tz0, TzLpw);
        if (Lpw16u.Enabled) yield return new Lpw16u(Lpw16u);
        if (Prev10u.Enabled) yield return new Prev10u(Prev10u);
        if (LateRep.Enabled) yield return new LateRep(LateRep);
        if (Kpa25.Enabled) yield return new Kpa25(Kpa25);
        if (Kpa10In15.Enabled) yield return new Kpa10In15(Kpa10In15);
    }

    /// <summary>ZZV-SHORT.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.ZzvShort)]
    public ZzvShortSettings ZzvShort { get; internal set; } = new();

    /// <summary>ZZV-LONG.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.ZzvLong)]
    public ZzvLongSettings ZzvLong { get; internal set; } = new();

    /// <summary>ZZV-MONTH.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.ZzvMonth)]
    public ZzvMonthSettings ZzvMonth { get; internal set; } = new();

    /// <summary>ZZV-HOME.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.ZzvHome)]
    public ZzvHomeSettings ZzvHome { get; internal set; } = new();

    /// <summary>MAZL-FREQ.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.MazlFreq)]
    public MazlFreqSettings MazlFreq { get; internal set; } = new();

    /// <summary>MAZL-LONG.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.MazlLong)]
    public MazlLongSettings MazlLong { get; internal set; } = new();

    /// <summary>MAZL-PATTERN.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.MazlPattern)]
    public MazlPatternSettings MazlPattern { get; internal set; } = new();

    /// <summary>LR-50.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Lr50)]
    public Lr50Settings Lr50 { get; internal set; } = new();

    /// <summary>TZ-0.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Tz0)]
    public WeeksSettings Tz0 { get; internal set; } = new();

    /// <summary>TZ-LPW.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.TzLpw)]
    public TzLpwSettings TzLpw { get; internal set; } = new();

    /// <summary>TZ-3M.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Tz3m)]
    public Tz3mSettings Tz3m { get; internal set; } = new();

    /// <summary>LPW-16U.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Lpw16u)]
    public Lpw16uSettings Lpw16u { get; internal set; } = new();

    /// <summary>PREV-10U.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Prev10u)]
    public Prev10uSettings Prev10u { get; internal set; } = new();

    /// <summary>LATE-REP.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.LateRep)]
    public LateRepSettings LateRep { get; internal set; } = new();

    /// <summary>KPA-25.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Kpa25)]
    public Kpa25Settings Kpa25 { get; internal set; } = new();

    /// <summary>KPA-10IN15.</summary>
    [JsonInclude, JsonPropertyName(CriterionCodes.Kpa10In15)]
    public Kpa10In15Settings Kpa10In15 { get; internal set; } = new();
}

/// <summary>ZZV-SHORT: at least <see cref="MinEpisodes"/> sick episodes of 1..<see cref="MaxEpisodeDays"/> school days started in the last <see cref="Months"/> months.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="Months">The window in calendar months up to T.</param>
/// <param name="MaxEpisodeDays">The longest episode, in school days, that counts as short.</param>
/// <param name="MinEpisodes">Episodes that make the criterion hold.</param>
public sealed record ZzvShortSettings(bool Enabled = true, int Months = 2, int MaxEpisodeDays = 2, int MinEpisodes = 3);

/// <summary>ZZV-LONG and MAZL-LONG: a sick episode of at least <see cref="MinDays"/> school days (ZZV-LONG's "more than 10" is 11) running at T or ended in the last <see cref="EndedWithinSchoolWeeks"/> school weeks.</summary>
/// <param name="MinDays">School days that make the criterion hold.</param>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="EndedWithinSchoolWeeks">An episode that ended this many school weeks ago or less counts.</param>
public abstract record LongEpisodeSettings(int MinDays, bool Enabled = true, int EndedWithinSchoolWeeks = 4);

/// <summary>
/// ZZV-LONG's settings, more than 10 school days by default: each of the two long-episode criteria has its own
/// default, so that a file can switch one off (<c>{ "enabled": false }</c>) or change one field without the others;
/// with one record for both, <c>min_days</c> was required.
/// </summary>
/// <inheritdoc cref="LongEpisodeSettings"/>
public sealed record ZzvLongSettings(int MinDays = 11, bool Enabled = true, int EndedWithinSchoolWeeks = 4) : LongEpisodeSettings(MinDays, Enabled, EndedWithinSchoolWeeks);

/// <summary>MAZL-LONG's settings: the 7th consecutive school day by default (see <see cref="ZzvLongSettings"/>).</summary>
/// <inheritdoc cref="LongEpisodeSettings"/>
public sealed record MazlLongSettings(int MinDays = 7, bool Enabled = true, int EndedWithinSchoolWeeks = 4) : LongEpisodeSettings(MinDays, Enabled, EndedWithinSchoolWeeks);

/// <summary>ZZV-MONTH: more than <see cref="MoreThanDays"/> sick days in the last <see cref="Months"/> months.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="Months">The window in calendar months up to T.</param>
/// <param name="MoreThanDays">The criterion holds above this many sick days.</param>
public sealed record ZzvMonthSettings(bool Enabled = true, int Months = 1, int MoreThanDays = 4);

/// <summary>ZZV-HOME: at least <see cref="MinDays"/> sent-home-sick days in the last <see cref="Months"/> months.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="Months">The window in calendar months up to T.</param>
/// <param name="MinDays">School days that make the criterion hold.</param>
public sealed record ZzvHomeSettings(bool Enabled = true, int Months = 2, int MinDays = 2);

/// <summary>MAZL-FREQ: at least <see cref="MinEpisodes"/> sick episodes started in the last <see cref="SchoolWeeks"/> school weeks.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="SchoolWeeks">The window in school weeks up to T.</param>
/// <param name="MinEpisodes">Episodes that make the criterion hold.</param>
public sealed record MazlFreqSettings(bool Enabled = true, int SchoolWeeks = 12, int MinEpisodes = 4);

/// <summary>MAZL-PATTERN: of the episodes started in the last <see cref="SchoolWeeks"/> school weeks, ≥ <see cref="MinSameWeekday"/> on one weekday, or ≥ <see cref="MinAroundHoliday"/> touching a holiday of ≥ <see cref="HolidayMinDays"/> days.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="SchoolWeeks">The window in school weeks up to T.</param>
/// <param name="MinSameWeekday">Episodes that started on one weekday that make a pattern.</param>
/// <param name="MinAroundHoliday">Episodes next to a holiday that make a pattern.</param>
/// <param name="HolidayMinDays">The calendar days without school that make a holiday.</param>
public sealed record MazlPatternSettings(bool Enabled = true, int SchoolWeeks = 12, int MinSameWeekday = 3, int MinAroundHoliday = 2, int HolidayMinDays = 7);

/// <summary>LR-50: more than <see cref="MoreThanWeeks"/> consecutive school weeks, ending with the week of T, with attendance below <see cref="FractionBelow"/>.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="FractionBelow">A week counts when its attendance fraction is below this.</param>
/// <param name="MoreThanWeeks">The criterion holds above this many consecutive school weeks.</param>
/// <param name="GeoorloofdMaxUnauthorizedShare">At most this share of the run's absence unauthorized is geoorloofd.</param>
/// <param name="OngeoorloofdMinUnauthorizedShare">At least this share unauthorized is ongeoorloofd.</param>
public sealed record Lr50Settings(bool Enabled = true, double FractionBelow = 0.5, int MoreThanWeeks = 4, double GeoorloofdMaxUnauthorizedShare = 0.2, double OngeoorloofdMinUnauthorizedShare = 0.8);

/// <summary>TZ-0: more than <see cref="MoreThanWeeks"/> consecutive school weeks, ending with the week of T, without any education.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="MoreThanWeeks">The criterion holds above this many consecutive school weeks.</param>
public sealed record WeeksSettings(bool Enabled = true, int MoreThanWeeks = 4);

/// <summary>TZ-LPW: as TZ-0, with unauthorized minutes at least <see cref="MinUnauthorizedShare"/> of scheduled in each week.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="MoreThanWeeks">The criterion holds above this many consecutive school weeks.</param>
/// <param name="MinUnauthorizedShare">The share of scheduled time unauthorized each week of the run needs.</param>
public sealed record TzLpwSettings(bool Enabled = true, int MoreThanWeeks = 4, double MinUnauthorizedShare = 0.5);

/// <summary>TZ-3M: TZ-0 or TZ-LPW holds and its run started more than <see cref="MoreThanMonths"/> months before T.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="MoreThanMonths">The run must have started more than this many months before T.</param>
public sealed record Tz3mSettings(bool Enabled = true, int MoreThanMonths = 3);

/// <summary>LPW-16U: a DUO melding (<see cref="Hours"/> hours unauthorized in a period of <see cref="PeriodSchoolWeeks"/> school weeks) ended in the last <see cref="ReportedWithinSchoolWeeks"/> school weeks.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="Hours">The unauthorized hours that make a DUO melding.</param>
/// <param name="PeriodSchoolWeeks">The school weeks of the DUO period.</param>
/// <param name="ReportedWithinSchoolWeeks">A melding that ended this many school weeks ago or less counts.</param>
public sealed record Lpw16uSettings(bool Enabled = true, double Hours = 16, int PeriodSchoolWeeks = 4, int ReportedWithinSchoolWeeks = 4);

/// <summary>PREV-10U: at least <see cref="MinHours"/> hours unauthorized in the last <see cref="SchoolWeeks"/> school weeks.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="SchoolWeeks">The window in school weeks up to T.</param>
/// <param name="MinHours">The unauthorized hours that make the criterion hold.</param>
public sealed record Prev10uSettings(bool Enabled = true, int SchoolWeeks = 4, double MinHours = 10);

/// <summary>LATE-REP: at least <see cref="MinLates"/> late arrivals in the last <see cref="SchoolWeeks"/> school weeks.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="SchoolWeeks">The window in school weeks up to T.</param>
/// <param name="MinLates">The late arrivals that make the criterion hold.</param>
public sealed record LateRepSettings(bool Enabled = true, int SchoolWeeks = 4, int MinLates = 3);

/// <summary>KPA-25: absent at least <see cref="MinAbsentShare"/> of scheduled time over the last <see cref="SchoolWeeks"/> school weeks.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="SchoolWeeks">The window in school weeks up to T.</param>
/// <param name="MinAbsentShare">The share of scheduled time absent that makes the criterion hold.</param>
public sealed record Kpa25Settings(bool Enabled = true, int SchoolWeeks = 2, double MinAbsentShare = 0.25);

/// <summary>KPA-10IN15: at least <see cref="MinDays"/> absence days (≥ <see cref="DayMinAbsentShare"/> of the day absent) in the last <see cref="SchoolWeeks"/> school weeks.</summary>
/// <param name="Enabled">False switches the criterion off.</param>
/// <param name="SchoolWeeks">The window in school weeks up to T.</param>
/// <param name="MinDays">School days that make the criterion hold.</param>
/// <param name="DayMinAbsentShare">A day counts when at least this share of it is absent.</param>
public sealed record Kpa10In15Settings(bool Enabled = true, int SchoolWeeks = 15, int MinDays = 10, double DayMinAbsentShare = 0.25);
