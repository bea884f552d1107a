using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// Everything the outputs of one weekly analysis are written from, in memory: how the exports were read, the
/// evaluation at T, the weekly replay of the year so far, last week's transitions, the signals with their evidence,
/// and how pupils are named in outputs. <see cref="Analysis"/> makes it; the datasets, charts, report and manifest
/// only read it.
/// </summary>
public sealed class AnalysisRun : IDisposable
{
    /// <summary>How the exports were read: the accounting of every file and where scheduled time came from.</summary>
    public required IngestResult Ingest { get; init; }

    /// <summary>The school's pupil list, when one was read.</summary>
    public required PupilListSummary? PupilList { get; init; }

    /// <summary>Every pupil at the as-of date: results and tiers.</summary>
    public required Evaluation Evaluation { get; init; }

    /// <summary>The year so far, week by week.</summary>
    public required WeeklyReplay Replay { get; init; }

    /// <summary>Minutes per category per school and week.</summary>
    public required WeekMinutes WeekMinutes { get; init; }

    /// <summary>Last week's tiers and criteria per pupil.</summary>
    public required Transitions Transitions { get; init; }

    /// <summary>Each pupil's pupil_key, by ledger index: the pupil number or its pseudonym.</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>The pupils on the roll at T in output order, by ledger index: by school, then pupil_key (ordinal).</summary>
    public required IReadOnlyList<int> Order { get; init; }

    /// <summary>Met criteria with their evidence, in output order; made when first asked for, then kept.</summary>
    public IReadOnlyList<Signal> Signals
    {
        get
        {
            if (Volatile.Read(ref _signals) is { } made)
                return made;
            lock (_signalsMade)
                return _signals ??= Evaluation.Explain(Order, Internals.Parallelism.Default);
        }
    }

    /// <summary>
    /// The signals for one pass in output order: those kept when something asked for them already (a school's report
    /// reads them several times), else made as they are read and let go (a national run's datasets: see
    /// <see cref="Evaluation.ExplainAsRead"/>).
    /// </summary>
    internal IEnumerable<Signal> SignalsOnce
    {
        get => Volatile.Read(ref _signals) ?? Evaluation.ExplainAsRead(Order, Internals.Parallelism.Default);
    }

    private IReadOnlyList<Signal>? _signals;
    private readonly Lock _signalsMade = new();

    /// <summary>With <c>--model</c>: each pupil's risk (null without a school day), and the outcome the model warns of; null without a model.</summary>
    public (IReadOnlyList<Risk?> Pupils, string Outcome, int Horizon)? Risks { get; init; }

    /// <summary>With --model: which model made the risks.</summary>
    public ModelInfo? Model { get; init; }

    /// <summary>True when pupil_key is a pseudonym.</summary>
    public required bool Pseudonymised { get; init; }

    /// <summary>The fingerprint of the pseudonymisation key (never the key), or null without one.</summary>
    public string? KeyFingerprint { get; init; }

    /// <summary>What the reader of the report and run.json should know about this run, in its language.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>
    /// What went wrong in reading that did not stop the run (a timetable that may not be the school's, pupil-list rows
    /// skipped, classes hidden), in its language: in run.json and on the console, and at the top of the report, where
    /// the team reads (they were in run.json and on the console only).
    /// </summary>
    public List<string> Warnings { get; } = [];

    /// <summary>The language of the report, charts and notes.</summary>
    public required Language Language { get; init; }

    /// <summary>Where the rejected rows were written while the exports were read.</summary>
    public required string RejectsFile { get; init; }

    /// <summary>The folder of a run prepared apart from its output folder, holding its rejected rows; removed by <see cref="Dispose"/>.</summary>
    internal string? TemporaryFolder { get; set; }

    /// <summary>Removes the temporary copy of the rejected rows of a run prepared apart (<see cref="Analysis.PrepareAsync"/>).</summary>
    public void Dispose()
    {
        if (TemporaryFolder is { } folder && Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        TemporaryFolder = null;
        Disposed = true;
    }

    /// <summary>True once disposed: a run prepared apart can no longer be written then (its rejected rows are gone).</summary>
    internal bool Disposed { get; private set; }

    /// <summary>How long each stage up to the outputs took, for run.json.</summary>
    internal IReadOnlyDictionary<string, long> Durations { get; init; } = new Dictionary<string, long>();

    /// <summary>The ledger evaluated.</summary>
    public DayLedger Ledger => Evaluation.Ledger;

    /// <summary>The school calendar.</summary>
    public Calendar.SchoolCalendar Calendar => Evaluation.Ledger.Calendar;

    /// <summary>The policy applied.</summary>
    public Policy Policy => Evaluation.Policy;

    internal AsOf AsOf => Evaluation.Day;

    /// <summary>Where last week's tiers came from, in words: <c>replay</c>, or last week's directory and date.</summary>
    public string PreviousSource => SourceOf(Transitions, Evaluation.AsOf);

    /// <summary>Last week's run as a person reads it: the folder's name and its as-of date, no path.</summary>
    internal string PreviousFolder => FolderOf(Transitions, Evaluation.AsOf);

    /// <inheritdoc cref="PreviousFolder"/>
    internal static string FolderOf(Transitions transitions, NodaTime.LocalDate asOf) => transitions.LastWeek is { } lastWeek
        ? Texts.LastWeekSource(Path.GetFileName(lastWeek.Directory.TrimEnd(Path.DirectorySeparatorChar)), lastWeek.AsOf ?? asOf)
        : "replay";

    internal static string SourceOf(Transitions transitions, NodaTime.LocalDate asOf) => transitions.LastWeek is { } lastWeek
        ? Texts.LastWeekSource(lastWeek.Directory, lastWeek.AsOf ?? asOf)
        : "replay";

    /// <summary>
    /// A pupil's class as the outputs show it (README, "Privacy"): one that looks like a class, or that at least
    /// three pupils share; null otherwise, as a class column may hold a typed name.
    /// </summary>
    public string? GroupOf(int pupil) => Ledger.Group(pupil) is { } group && Shown(pupil, group) ? group : null;

    /// <summary>Pupils whose class is not shown, for a warning.</summary>
    public int PupilsWithHiddenGroup => Enumerable.Range(0, Ledger.PupilCount).Count(p => Ledger.Group(p) is { } g && !Shown(p, g));

    /// <summary>
    /// A class is shown when it looks like one or enough pupils share it; of fewer, never when it is the pupil's own
    /// number, nor a number of five digits or more: a class column holding pupil numbers (a profile mapping one header
    /// to both, a list or export whose class repeats the number, with a zero in front or not) put each pupil's number
    /// beside its pseudonym (an adversarial pass). A class that several pupils share tells nothing of one of them
    /// (group 7, of pupils numbered 1 to 60).
    /// </summary>
    private bool Shown(int pupil, string group) =>
        Groups.TryGetValue(group, out var g) && g.Shown && (g.Pupils >= Ingestion.Disclosure.MinPupils || Ingestion.Identifiers.PupilNumber(group) != Ledger.PupilId(pupil));

    /// <summary>Per class, its pupils and whether it may be shown at all; decided once per class, not per pupil.</summary>
    private Dictionary<string, (int Pupils, bool Shown)> Groups => _groups ??= Enumerable.Range(0, Ledger.PupilCount)
        .Select(Ledger.Group).OfType<string>()
        .GroupBy(g => g, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => (g.Count(), g.Count() >= Ingestion.Disclosure.MinPupils
            ? Ingestion.Disclosure.LooksLikeClass(g.Key) || Ingestion.Disclosure.MayBeShared(g.Key)
            : Ingestion.Disclosure.LooksLikeClass(g.Key) && Ingestion.Disclosure.LongestDigitRun(g.Key) < 5), StringComparer.Ordinal);

    private Dictionary<string, (int Pupils, bool Shown)>? _groups;

    /// <summary>True for a pupil of the ledger who left before the week of T: no tier, and no row (criteria §1).</summary>
    public bool HasLeft(int pupil) => Evaluation.Tiers[pupil] is null;

    /// <summary>The tier at T of a pupil on the roll (of <see cref="Order"/>).</summary>
    public Tier TierOf(int pupil) => Evaluation.Tiers[pupil] ?? throw new ArgumentOutOfRangeException(nameof(pupil), pupil, "not on the roll at T: no tier");

    /// <summary>A pupil's result at T.</summary>
    public ref readonly PupilResult ResultOf(int pupil) => ref Evaluation.Results[pupil];
}
