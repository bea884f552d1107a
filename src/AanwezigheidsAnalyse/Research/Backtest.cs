using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using NodaTime;

namespace AanwezigheidsAnalyse.Research;

/// <summary>What a backtest scores the criteria against (README, "The researcher").</summary>
public enum Outcome
{
    /// <summary>LR-50: more than 4 school weeks below 50 % education.</summary>
    Lr50,

    /// <summary>TZ-0: a thuiszitter, no education for more than 4 school weeks.</summary>
    Thuiszitter,

    /// <summary>Tier 3 under the default policy.</summary>
    Tier3,

    /// <summary>Absence of 10 % or more of the year so far, from a week on to the end of the data.</summary>
    Absence10,
}

/// <summary>An outcome's word, as <c>--outcome</c> takes it and the outputs write it.</summary>
internal static class Outcomes
{
    /// <summary><c>lr50</c>, <c>thuiszitter</c>, <c>tier3</c> or <c>absence10</c>.</summary>
    public static string Word(this Outcome outcome) => outcome.ToString().ToLowerInvariant();
}

/// <summary>The options of <c>aanwezigheid backtest</c>.</summary>
public sealed record BacktestOptions
{
    /// <summary>The data, as <c>analyze</c> reads it (<see cref="LoadOptions.AsOf"/> is ignored: every as-of date is replayed).</summary>
    public required LoadOptions Input { get; init; }

    /// <summary>The first as-of date: the end of its school week is the first replayed.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The last as-of date.</summary>
    public required LocalDate To { get; init; }

    /// <summary>Replay every N school weeks.</summary>
    public int EveryWeeks { get; init; } = 1;

    /// <summary>The policies compared (bundled names or files); the first is the one overlaps are measured against.</summary>
    public IReadOnlyList<string> Policies { get; init; } = ["kearney-nl"];

    /// <summary>What the criteria should warn of.</summary>
    public Outcome Outcome { get; init; } = Outcome.Lr50;

    /// <summary>The outcome counts when it comes within this many school weeks after the as-of date.</summary>
    public int Horizon { get; init; } = 8;
}

/// <summary>One as-of date × policy × criterion of <c>backtest.parquet</c>.</summary>
/// <param name="AsOf">The as-of date (the last school day of its week).</param>
/// <param name="Policy">The policy.</param>
/// <param name="Criterion">A criterion id, or the tier rule: <c>TIER-2+</c> (tier 2 or 3), <c>TIER-3</c>.</param>
/// <param name="Flagged">Pupils meeting it at the as-of date: what <c>analyze</c> at that date counts.</param>
/// <param name="FlaggedEligible">Of those, pupils who had not reached the outcome yet: the ones a warning can still help.</param>
/// <param name="TruePositives">Of those, pupils who reach the outcome within the horizon.</param>
/// <param name="Positives">Pupils without the outcome at the as-of date who reach it within the horizon.</param>
/// <param name="Precision">True positives ÷ flagged eligible; null when nobody is flagged.</param>
/// <param name="Recall">True positives ÷ positives; null when nobody reaches the outcome.</param>
/// <param name="LeadTimeWeeksMedian">For the true positives: school weeks from the first week they met it this year to the outcome, median.</param>
/// <param name="Jaccard">For the tier rules: the overlap with the first policy's pupils under the same rule (|A ∩ B| ÷ |A ∪ B|); null for criteria.</param>
public sealed record BacktestRow(LocalDate AsOf, string Policy, string Criterion, int Flagged, int FlaggedEligible, int TruePositives, int Positives,
    double? Precision, double? Recall, double? LeadTimeWeeksMedian, double? Jaccard);

/// <summary>How early a criterion warned, over every pupil who reached the outcome in the backtest's weeks.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Criterion">The criterion or tier rule.</param>
/// <param name="Pupils">Pupils by lead time: index = school weeks from the first week it was met to the outcome.</param>
/// <param name="Missed">Pupils who reached the outcome without it being met in any week before.</param>
public sealed record LeadTimes(string Policy, string Criterion, int[] Pupils, int Missed);

/// <summary>What a backtest found.</summary>
/// <param name="Rows">One per as-of date, policy and criterion.</param>
/// <param name="LeadTimes">One per policy and criterion.</param>
/// <param name="AsOfDates">The as-of dates replayed.</param>
/// <param name="Notes">What the researcher should know (dates moved, weeks that cannot be scored).</param>
/// <param name="Inputs">Every file read, with its SHA-256 and rows: what a re-run a year later checks it has.</param>
/// <param name="Policies">The policies, with the SHA-256 of each.</param>
public sealed record BacktestResult(IReadOnlyList<BacktestRow> Rows, IReadOnlyList<LeadTimes> LeadTimes, IReadOnlyList<LocalDate> AsOfDates, IReadOnlyList<string> Notes,
    IReadOnlyList<Ingestion.FileAccount> Inputs, IReadOnlyList<(string Name, string Sha256)> Policies);

/// <summary>
/// Replays the rules at every school week's end (README, "The researcher"), for several policies at once, and scores
/// each criterion and tier rule against an outcome that comes later: precision, recall and lead time. The data are
/// read once, with the last school day as the as-of date; every earlier date is evaluated on the same ledger, which
/// is what <c>analyze</c> at that date sees, because the rules read nothing after their as-of date (a test runs
/// <c>analyze</c> date by date against it). Outcomes are always judged under the default policy, so that two
/// policies are scored against the same future. Pupil by pupil, every week, into counts: memory follows the
/// number of weeks, policies and criteria, not pupils.
/// </summary>
public static class Backtest
{
    /// <summary>The tier rules scored beside the criteria.</summary>
    public static readonly string[] TierRules = ["TIER-2+", "TIER-3"];

    /// <summary>
    /// Runs the backtest on the data of <paramref name="options"/>; a range over several school years is replayed
    /// year by year, each as-of date within its own school year (the inputs are read once per year; rows of another
    /// year are that year's). <paramref name="rejectsFile"/> gets a year's suffix when there are several.
    /// </summary>
    public static BacktestResult Run(BacktestOptions options, string? rejectsFile = null)
    {
        if (options.Policies.Count == 0)
            throw new UserError(Texts.Research.NoPolicy, Setting.Policy);
        var policies = options.Policies.Select(Policy.Load).ToList();
        if (policies.Select(p => p.Name).Distinct().Count() < policies.Count)
            throw new UserError(Texts.Research.PolicyTwice, Setting.Policy);
        if (options.To < options.From)
            throw new UserError(Texts.Research.ToBeforeFrom(options.From, options.To), Setting.Period);
        var years = YearReplay.Parts(options.Input, options.From, options.To);
        var results = years.Select(y => RunYear(options with { From = y.From, To = y.To }, policies,
            rejectsFile is null || years.Count == 1 ? rejectsFile : Path.Combine(Path.GetDirectoryName(rejectsFile)!, $"rejects-{SchoolYear.Containing(y.From).StartYear}.csv"))).ToList();
        // Nobody reaching the outcome leaves precision and recall empty and their chart blank: the researcher is told why.
        if (results.All(r => r.Rows.All(row => row.Positives == 0)))
            results[^1] = results[^1] with { Notes = [.. results[^1].Notes, Texts.Research.NobodyReachedTheOutcome(options.Outcome.Word(), options.Horizon).In(options.Input.Language)] };
        if (results.Count == 1)
            return results[0];
        // Lead times add up over the years: the same pupil's outcome in two years is two outcomes.
        var leads = results[0].LeadTimes.Select((t, i) =>
        {
            var all = results.Select(r => r.LeadTimes[i]).ToList();
            var pupils = new int[all.Max(x => x.Pupils.Length)];
            foreach (var x in all)
            {
                for (var w = 0; w < x.Pupils.Length; w++)
                    pupils[w] += x.Pupils[w];
            }
            return t with { Pupils = pupils, Missed = all.Sum(x => x.Missed) };
        }).ToList();
        return new BacktestResult([.. results.SelectMany(r => r.Rows)], leads, [.. results.SelectMany(r => r.AsOfDates)], [.. results.SelectMany(r => r.Notes)],
            FileAccount.AcrossYears(results.SelectMany(r => r.Inputs)), results[0].Policies);
    }

    private static BacktestResult RunYear(BacktestOptions options, List<Policy> policies, string? rejectsFile)
    {
        var year = YearReplay.Load(options.Input, options.From, options.To, options.EveryWeeks, options.Horizon, rejectsFile);
        var (ledger, weekEnds, asOfWeeks, notes) = (year.Ledger, year.WeekEnds, year.AsOfWeeks, year.Notes);
        var weeks = weekEnds.Length;

        var engines = policies.Select(p => (Engine: new RulesEngine(p), Tiers: new TierEvaluator(p))).ToList();
        var outcomeEngine = (Engine: new RulesEngine(Policy.Default), Tiers: new TierEvaluator(Policy.Default));
        var criteria = engines.Select(e => e.Engine.Criteria.Select(c => c.Id.Code()).Concat(TierRules).ToArray()).ToList();
        var tally = new Tally(asOfWeeks.Length, criteria.Select(c => c.Length).ToArray(), weeks);

        PupilRanges.ForEach(ledger.PupilCount, Parallelism.Default,
            () => (Facts: engines.Select(e => e.Engine.NewFacts(ledger)).Append(outcomeEngine.Engine.NewFacts(ledger)).ToArray(), Tally: tally.Empty(), Flags: new Flags(policies.Count, criteria.Max(c => c.Length), weeks)),
            (from, to, worker) =>
            {
                for (var p = from; p < to; p++)
                {
                    var outcome = OutcomeWeek(outcomeEngine, worker.Facts[^1], p, weekEnds, options.Outcome);
                    for (var i = 0; i < engines.Count; i++)
                        worker.Flags.Fill(i, engines[i], worker.Facts[i], p, weekEnds, criteria[i].Length - TierRules.Length);
                    worker.Tally.Add(worker.Flags, outcome, asOfWeeks, options.Horizon);
                }
            },
            worker => tally.Merge(worker.Tally));

        var rows = new List<BacktestRow>();
        for (var j = 0; j < asOfWeeks.Length; j++)
        {
            for (var i = 0; i < policies.Count; i++)
            {
                for (var c = 0; c < criteria[i].Length; c++)
                {
                    var cell = tally.Cell(j, i, c);
                    var tierRule = c >= criteria[i].Length - TierRules.Length;
                    rows.Add(new BacktestRow(weekEnds[asOfWeeks[j]].Date, policies[i].Name, criteria[i][c], cell.Flagged, cell.Eligible, cell.TruePositives, tally.Positives[j],
                        cell.Eligible > 0 ? (double)cell.TruePositives / cell.Eligible : null,
                        tally.Positives[j] > 0 ? (double)cell.TruePositives / tally.Positives[j] : null,
                        Median(cell.Leads),
                        tierRule ? tally.Jaccard(j, i, c - (criteria[i].Length - TierRules.Length)) : null));
                }
            }
        }
        var leads = new List<LeadTimes>();
        for (var i = 0; i < policies.Count; i++)
        {
            for (var c = 0; c < criteria[i].Length; c++)
                leads.Add(new LeadTimes(policies[i].Name, criteria[i][c], tally.Leads(i, c), tally.Missed(i, c)));
        }
        return new BacktestResult(rows, leads, [.. asOfWeeks.Select(w => weekEnds[w].Date)], notes, year.Inputs, [.. policies.Select(p => (p.Name, p.Hash))]);
    }

    /// <summary>The first school week at whose end the outcome holds; -1 when it never does in the data.</summary>
    internal static int OutcomeWeek((RulesEngine Engine, TierEvaluator Tiers) rules, PupilFacts facts, int pupil, AsOf[] weekEnds, Outcome outcome)
    {
        if (outcome == Outcome.Absence10)
        {
            // From the first week on which the absence of the year so far stays at 10 % or more to the end: for a pupil
            // who left, to its last week on the roll.
            var from = -1;
            for (var w = weekEnds.Length - 1; w >= 0; w--)
            {
                rules.Engine.Evaluate(facts, pupil, weekEnds[w], out var result, ResultParts.Ytd);
                if (facts.HasLeft)
                    continue; // a week after leaving
                if (!facts.OnRoll || result.Ytd.Scheduled <= 0 || result.Ytd.Rate() < 0.10)
                    break;
                from = w;
            }
            return from;
        }
        for (var w = 0; w < weekEnds.Length; w++)
        {
            rules.Engine.Evaluate(facts, pupil, weekEnds[w], out var result, rules.Tiers.WindowsRead);
            if (!facts.OnRoll)
                continue;
            var holds = outcome switch
            {
                Outcome.Lr50 => result.Met.Contains(CriterionId.Lr50),
                Outcome.Thuiszitter => result.Met.Contains(CriterionId.Tz0),
                _ => rules.Tiers.Place(in result) == Tier.Three,
            };
            if (holds)
                return w;
        }
        return -1;
    }

    private static double? Median(int[] byLead)
    {
        var n = byLead.Sum();
        if (n == 0)
            return null;
        // The mean of the two middle values when n is even, from the counts per lead.
        int Nth(int k)
        {
            for (int lead = 0, seen = 0; lead < byLead.Length; lead++)
            {
                seen += byLead[lead];
                if (seen > k)
                    return lead;
            }
            return byLead.Length - 1;
        }
        return (Nth((n - 1) / 2) + Nth(n / 2)) / 2.0;
    }

    /// <summary>One pupil's flags per policy, criterion and week, reused pupil after pupil.</summary>
    private sealed class Flags(int policies, int criteria, int weeks)
    {
        private readonly bool[] _on = new bool[policies * criteria * weeks];
        private readonly bool[] _onRoll = new bool[weeks];

        public int Criteria { get; } = criteria;

        public int Weeks { get; } = weeks;

        public int Policies { get; } = policies;

        public bool this[int policy, int criterion, int week] => _on[((policy * Criteria) + criterion) * Weeks + week];

        /// <summary>Whether the pupil was on the roll at the week's end (the same under every policy).</summary>
        public bool OnRoll(int week) => _onRoll[week];

        /// <summary>Evaluates the pupil at every week's end under one policy: its criteria (in the engine's order), then the tier rules.</summary>
        public void Fill(int policy, (RulesEngine Engine, TierEvaluator Tiers) rules, PupilFacts facts, int pupil, AsOf[] weekEnds, int criteria)
        {
            var ids = rules.Engine.Criteria;
            var candidates = rules.Engine.Candidates(facts, pupil, weekEnds[^1]); // those the year cannot meet are known not to hold
            for (var w = 0; w < Weeks; w++)
            {
                rules.Engine.Evaluate(facts, pupil, weekEnds[w], out var result, rules.Tiers.WindowsRead, candidates);
                var has = facts.OnRoll;
                _onRoll[w] = has;
                var tier = has ? rules.Tiers.Place(in result) : Tier.One;
                for (var c = 0; c < criteria; c++)
                    _on[((policy * Criteria) + c) * Weeks + w] = has && result.Met.Contains(ids[c].Id);
                _on[((policy * Criteria) + criteria) * Weeks + w] = has && tier >= Tier.Two;
                _on[((policy * Criteria) + criteria + 1) * Weeks + w] = has && tier == Tier.Three;
            }
        }
    }

    /// <summary>Counts per as-of week, policy and criterion; lead times as counts per week.</summary>
    private sealed class Tally
    {
        private readonly int _asOfs;
        private readonly int[] _criteria;
        private readonly int _weeks;
        private readonly Score[][][] _cells;
        private readonly int[][][] _leads;
        private readonly int[][] _missed;
        private readonly int[][][] _overlap; // per as-of, policy, tier rule: |A ∩ first|, |A ∪ first|

        public Tally(int asOfs, int[] criteria, int weeks)
        {
            (_asOfs, _criteria, _weeks) = (asOfs, criteria, weeks);
            Positives = new int[asOfs];
            _cells = [.. Enumerable.Range(0, asOfs).Select(_ => criteria.Select(n => Enumerable.Range(0, n).Select(_ => new Score(weeks)).ToArray()).ToArray())];
            _leads = [.. criteria.Select(n => Enumerable.Range(0, n).Select(_ => new int[weeks]).ToArray())];
            _missed = [.. criteria.Select(n => new int[n])];
            _overlap = [.. Enumerable.Range(0, asOfs).Select(_ => criteria.Select(_ => new int[TierRules.Length * 2]).ToArray())];
        }

        public int[] Positives { get; }

        public Tally Empty() => new(_asOfs, _criteria, _weeks);

        public Score Cell(int asOf, int policy, int criterion) => _cells[asOf][policy][criterion];

        public int[] Leads(int policy, int criterion) => _leads[policy][criterion];

        public int Missed(int policy, int criterion) => _missed[policy][criterion];

        public double? Jaccard(int asOf, int policy, int rule) =>
            _overlap[asOf][policy][(rule * 2) + 1] is > 0 and var union ? (double)_overlap[asOf][policy][rule * 2] / union : null;

        public void Add(Flags flags, int outcome, int[] asOfWeeks, int horizon)
        {
            for (var j = 0; j < asOfWeeks.Length; j++)
            {
                var t = asOfWeeks[j];
                // A pupil not on the roll at t (not yet come, or gone) can be flagged by nothing: neither eligible nor
                // a positive (it was a positive, and the recall of every criterion lower for it: an adversarial pass).
                var eligible = flags.OnRoll(t) && (outcome < 0 || outcome > t);
                var positive = eligible && outcome >= 0 && outcome <= t + horizon;
                if (positive)
                    Positives[j]++;
                for (var i = 0; i < _criteria.Length; i++)
                {
                    for (var c = 0; c < _criteria[i]; c++)
                    {
                        if (!flags[i, c, t])
                            continue;
                        var cell = _cells[j][i][c];
                        cell.Flagged++;
                        if (eligible)
                            cell.Eligible++;
                        if (positive)
                        {
                            cell.TruePositives++;
                            cell.Leads[outcome - FirstFlag(flags, i, c, t)]++;
                        }
                    }
                    for (var r = 0; r < TierRules.Length; r++)
                    {
                        var (mine, theirs) = (flags[i, _criteria[i] - TierRules.Length + r, t], flags[0, _criteria[0] - TierRules.Length + r, t]);
                        _overlap[j][i][r * 2] += mine && theirs ? 1 : 0;
                        _overlap[j][i][(r * 2) + 1] += mine || theirs ? 1 : 0;
                    }
                }
            }
            // Lead times over the whole backtest: every pupil reaching the outcome after the first as-of week.
            if (outcome > asOfWeeks[0] && outcome <= asOfWeeks[^1] + horizon)
            {
                for (var i = 0; i < _criteria.Length; i++)
                {
                    for (var c = 0; c < _criteria[i]; c++)
                    {
                        if (FirstFlag(flags, i, c, outcome - 1) is var f and >= 0)
                            _leads[i][c][outcome - f]++;
                        else
                            _missed[i][c]++;
                    }
                }
            }
        }

        /// <summary>The first week up to <paramref name="week"/> in which the criterion was met; -1 if none.</summary>
        private static int FirstFlag(Flags flags, int policy, int criterion, int week)
        {
            for (var w = 0; w <= week; w++)
            {
                if (flags[policy, criterion, w])
                    return w;
            }
            return -1;
        }

        public void Merge(Tally other)
        {
            lock (this)
            {
                for (var j = 0; j < _asOfs; j++)
                {
                    Positives[j] += other.Positives[j];
                    for (var i = 0; i < _criteria.Length; i++)
                    {
                        for (var c = 0; c < _criteria[i]; c++)
                            _cells[j][i][c].Add(other._cells[j][i][c]);
                        for (var k = 0; k < _overlap[j][i].Length; k++)
                            _overlap[j][i][k] += other._overlap[j][i][k];
                    }
                }
                for (var i = 0; i < _criteria.Length; i++)
                {
                    for (var c = 0; c < _criteria[i]; c++)
                    {
                        _missed[i][c] += other._missed[i][c];
                        for (var w = 0; w < _weeks; w++)
                            _leads[i][c][w] += other._leads[i][c][w];
                    }
                }
            }
        }
    }

    /// <summary>One as-of week, policy and criterion.</summary>
    private sealed class Score(int weeks)
    {
        public int Flagged;
        public int Eligible;
        public int TruePositives;

        /// <summary>True positives by lead time in weeks.</summary>
        public readonly int[] Leads = new int[weeks];

        public void Add(Score other)
        {
            (Flagged, Eligible, TruePositives) = (Flagged + other.Flagged, Eligible + other.Eligible, TruePositives + other.TruePositives);
            for (var w = 0; w < Leads.Length; w++)
                Leads[w] += other.Leads[w];
        }
    }
}

/// <summary>
/// One school year read for research: the ledger with the last school day as its as-of date, the end of every
/// school week with data, and the as-of weeks from <c>--from</c> to <c>--to</c> that leave <c>horizon</c> weeks of
/// data after them (the outcome is part of every score).
/// </summary>
/// <param name="Ledger">The day ledger of the whole year.</param>
/// <param name="WeekEnds">The last school day of every school week with data.</param>
/// <param name="AsOfWeeks">The as-of weeks, every <c>--every</c> weeks.</param>
/// <param name="Inputs">The files read.</param>
/// <param name="Notes">What the researcher should know.</param>
internal sealed record YearReplay(DayLedger Ledger, AsOf[] WeekEnds, int[] AsOfWeeks, IReadOnlyList<FileAccount> Inputs, List<string> Notes)
{
    /// <summary>The part of <paramref name="from"/> … <paramref name="to"/> in each school year (1 August – 31 July).</summary>
    public static List<(LocalDate From, LocalDate To)> Split(LocalDate from, LocalDate to)
    {
        // The last school year NodaTime can end (9999-07-31): a date after it crashed as an internal error.
        if (SchoolYear.Containing(to).StartYear >= 9999)
            throw new UserError(Texts.Research.BeyondTheLastSchoolYear(to), Setting.Period);
        var parts = new List<(LocalDate, LocalDate)>();
        for (var start = from; start <= to;)
        {
            var yearEnd = new LocalDate(SchoolYear.Containing(start).StartYear + 1, 7, 31);
            parts.Add((start, to < yearEnd ? to : yearEnd));
            start = yearEnd.PlusDays(1);
        }
        return parts;
    }

    /// <summary>
    /// The parts of <see cref="Split"/> in which a school week ends; a range in which none does is a user error. A
    /// range over several years to 20 August failed whole for the next year's fortnight of summer holiday (an
    /// adversarial pass): that part is left out, and the rest scored.
    /// </summary>
    public static List<(LocalDate From, LocalDate To)> Parts(LoadOptions input, LocalDate from, LocalDate to)
    {
        var parts = Split(from, to);
        if (parts.Count > 1)
        {
            parts = parts.Where(p => WeeksEndingIn(CalendarFactory.Create(SchoolYear.Containing(p.From), input.Region ?? Region.Midden, input.CalendarFile), p.From, p.To) is var (first, wanted)
                && wanted >= first).ToList();
        }
        return parts.Count > 0 ? parts : throw new UserError(Texts.Research.NoWeekEndsBetween(from, to), Setting.Period);
    }

    /// <summary>
    /// The weeks whose last school day lies within <paramref name="from"/> … <paramref name="to"/>: a --from in a holiday
    /// took the week before it, a --to on a Wednesday that week's Friday (an adversarial pass). None when
    /// <c>Wanted</c> &lt; <c>First</c>.
    /// </summary>
    private static (int First, int Wanted) WeeksEndingIn(SchoolCalendar calendar, LocalDate from, LocalDate to)
    {
        var firstDay = calendar.FirstAfter(from.PlusDays(-1));
        var first = firstDay < calendar.DayCount ? calendar.WeekOf(firstDay) : int.MaxValue;
        var wanted = calendar.LastOnOrBefore(to) is >= 0 and var toDay ? calendar.WeekOf(toDay) : -1;
        if (wanted >= 0 && calendar.Date(calendar.WeekLastDay(wanted)) > to)
            wanted--;
        return (first, wanted);
    }

    public static YearReplay Load(LoadOptions input, LocalDate from, LocalDate to, int every, int horizon, string? rejectsFile)
    {
        var asked = from;
        if (horizon is < 1 or > 52)
            throw new UserError(Texts.Research.HorizonRange(horizon), Setting.Inputs);
        if (every is < 1 or > 20)
            throw new UserError(Texts.Research.EveryRange(every), Setting.Inputs);
        if (to < from)
            throw new UserError(Texts.Research.ToBeforeFrom(from, to), Setting.Period);
        if (SchoolYear.Containing(from) != SchoolYear.Containing(to))
            throw new UserError(Texts.Research.OneSchoolYear(from, to), Setting.Period);

        // The whole school year is read: the outcome after the last as-of date is part of the score.
        var yearEnd = new LocalDate(SchoolYear.Containing(from).StartYear + 1, 7, 31);
        var loaded = Exports.Load(input with { AsOf = yearEnd }, rejectsFile);
        var ledger = loaded.Ledger;
        var calendar = ledger.Calendar;
        // A part of a range over several years starts on 1 August: the year's first school day is meant.
        if (calendar.DayCount > 0 && from < calendar.Date(0) && SchoolYear.Containing(from) == calendar.Year)
            from = calendar.Date(0);
        Evaluation.CheckAsOf(calendar, from);
        // What the reading warned of (a timetable that is not the school's, present rows of a few pupils) holds for a
        // backtest or a model as for a weekly run: analyze and validate said it, backtest and train did not.
        var notes = new List<string>(loaded.Ingest.Warnings);

        // Weeks 0..weeks-1 have data; as-of weeks need the horizon after them.
        if (loaded.Ingest.DataEnd is not { } dataEnd)
            throw new UserError(Texts.Research.NoRowsInYear(SchoolYear.Containing(from).ToString()), Setting.Inputs);
        var lastDay = calendar.LastOnOrBefore(dataEnd < calendar.Date(calendar.DayCount - 1) ? dataEnd : calendar.Date(calendar.DayCount - 1));
        // A week the data end within is no data yet: its days after the end would count as attended, and outcomes in
        // them be missed (an adversarial pass: an export of a Wednesday scored the week before with half its positives).
        var weeks = lastDay < 0 ? 0 : calendar.WeekOf(lastDay) + (lastDay == calendar.WeekLastDay(calendar.WeekOf(lastDay)) ? 1 : 0);
        if (lastDay >= 0 && calendar.WeekOf(lastDay) == weeks)
            notes.Add(Texts.Research.PartialLastWeek(calendar.Date(lastDay), calendar.Date(calendar.WeekLastDay(weeks))).In(input.Language));
        var (first, wanted) = WeeksEndingIn(calendar, from, to);
        var last = Math.Min(lastDay < 0 ? -1 : wanted, weeks - 1 - horizon);
        if (wanted < first)
            throw new UserError(Texts.Research.NoWeekEndsBetween(asked, to), Setting.Period);
        if (last < first)
            throw new UserError(Texts.Research.NoWeekToScore(from, to, horizon, dataEnd), Setting.Period);
        if (wanted > last)
            notes.Add(Texts.Research.LastWeeksUnscored(calendar.Date(calendar.WeekLastDay(last)), horizon, dataEnd).In(input.Language));
        var asOfWeeks = Enumerable.Range(first, last - first + 1).Where(w => (w - first) % every == 0).ToArray();
        var weekEnds = Enumerable.Range(0, weeks).Select(w => new AsOf(calendar, calendar.Date(calendar.WeekLastDay(w)))).ToArray();
        return new YearReplay(ledger, weekEnds, asOfWeeks, loaded.Ingest.Files, notes);
    }
}
