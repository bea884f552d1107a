using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using NodaTime;
using Parquet.Serialization;
using System.Text.Json.Serialization;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>Where a pupil's tier went since last week (RULES §5).</summary>
public enum TierChange
{
    New,
    Up,
    Down,
    Same,
}

/// <summary>
/// previous_tier, tier_change, weeks_in_tier and the criteria met last week, per pupil (RULES §5). With
/// <c>--previous DIR</c> they come from last week's output, as the SAT saw it; without it, from the replay of
/// last school week's end on this week's data (which also counts registrations made late).
/// </summary>
public sealed class Transitions
{
    private Transitions(int pupils, string source)
    {
        PreviousTier = new int?[pupils];
        WeeksInTier = new int[pupils];
        PreviousMet = new uint[pupils];
        Source = source;
    }

    public int?[] PreviousTier { get; }

    public int[] WeeksInTier { get; }

    /// <summary>Criteria met last week, as bits of <see cref="CriterionIds.All"/>.</summary>
    public uint[] PreviousMet { get; }

    /// <summary>Where the previous state comes from, in words, for the report and run.json.</summary>
    public string Source { get; }

    /// <summary>True when last week was recomputed by the weekly replay (no --previous).</summary>
    public bool IsReplay => Source == ReplaySource;

    private const string ReplaySource = "replay";

    public TierChange Change(int pupil, int tier) => PreviousTier[pupil] switch
    {
        null => TierChange.New,
        var previous when tier > previous => TierChange.Up,
        var previous when tier < previous => TierChange.Down,
        _ => TierChange.Same,
    };

    /// <summary>Criteria met now that were not met last week.</summary>
    public uint NewlyMet(int pupil, uint met) => met & ~PreviousMet[pupil];

    public static Transitions FromReplay(WeeklyReplay replay, int pupils)
    {
        var transitions = new Transitions(pupils, ReplaySource);
        for (var p = 0; p < pupils; p++)
        {
            transitions.PreviousTier[p] = replay.PreviousTier(p);
            transitions.WeeksInTier[p] = replay.WeeksInTier(p);
            transitions.PreviousMet[p] = replay.PreviousMet[p];
        }
        return transitions;
    }

    /// <summary>Reads last week's pupils.parquet and signals.parquet; pupils are matched by school and pupil_key.</summary>
    public static async Task<Transitions> FromPreviousAsync(string directory, DayLedger ledger, string[] keys, PupilResult[] results, AsOf asOf)
    {
        var pupilsPath = Path.Combine(directory, "pupils.parquet");
        var signalsPath = Path.Combine(directory, "signals.parquet");
        if (!File.Exists(pupilsPath))
            throw new UserError(
                $"--previous '{directory}' bevat geen pupils.parquet: geef de uitvoermap van vorige week.",
                $"--previous '{directory}' has no pupils.parquet: give last week's output directory.");
        IList<PreviousPupil> previous;
        IList<PreviousSignal> signals = [];
        try
        {
            previous = (await ParquetSerializer.DeserializeAsync<PreviousPupil>(pupilsPath)).Data;
            if (File.Exists(signalsPath))
                signals = (await ParquetSerializer.DeserializeAsync<PreviousSignal>(signalsPath)).Data;
        }
        catch (Exception e) when (e is not UserError)
        {
            throw new UserError(
                $"--previous '{directory}': de uitvoer van vorige week is niet te lezen ({e.Message}).",
                $"--previous '{directory}': last week's output cannot be read ({e.Message}).");
        }
        var asOfBefore = previous.Count > 0 ? LocalDate.FromDateOnly(previous[0].AsOf) : asOf.Date;
        var byKey = previous.ToDictionary(p => (p.SchoolId, p.PupilKey));
        var bitOf = CriterionIds.All.Select((id, bit) => (id, bit)).ToDictionary(c => c.id, c => c.bit);
        var metBefore = new Dictionary<(string, string), uint>();
        foreach (var signal in signals)
        {
            if (bitOf.TryGetValue(signal.CriterionId, out var index)) // a criterion this version no longer has is skipped
                metBefore[(signal.SchoolId, signal.PupilKey)] = metBefore.GetValueOrDefault((signal.SchoolId, signal.PupilKey)) | (1u << index);
        }
        // Weeks between the two runs: school weeks when both lie in this school year, else at least one.
        var calendar = ledger.Calendar;
        var before = calendar.LastOnOrBefore(asOfBefore);
        var weeksBetween = before >= 0 && asOf.Week >= 0 ? Math.Max(1, asOf.Week - calendar.WeekOf(before)) : 1;

        var transitions = new Transitions(ledger.PupilCount, $"--previous {Path.GetFullPath(directory)} ({asOfBefore:yyyy-MM-dd})");
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var key = (ledger.SchoolId(p), keys[p]);
            transitions.PreviousMet[p] = metBefore.GetValueOrDefault(key);
            if (byKey.TryGetValue(key, out var row))
            {
                transitions.PreviousTier[p] = row.Tier;
                transitions.WeeksInTier[p] = row.Tier == results[p].Tier ? Math.Max(1, row.WeeksInTier) + weeksBetween : 1;
            }
            else
            {
                transitions.WeeksInTier[p] = 1;
            }
        }
        return transitions;
    }

    private sealed class PreviousPupil
    {
        [JsonPropertyName("school_id")] public string SchoolId { get; set; } = "";
        [JsonPropertyName("pupil_key")] public string PupilKey { get; set; } = "";
        [JsonPropertyName("as_of")] public DateOnly AsOf { get; set; }
        [JsonPropertyName("tier")] public int Tier { get; set; }
        [JsonPropertyName("weeks_in_tier")] public int WeeksInTier { get; set; }
    }

    private sealed class PreviousSignal
    {
        [JsonPropertyName("school_id")] public string SchoolId { get; set; } = "";
        [JsonPropertyName("pupil_key")] public string PupilKey { get; set; } = "";
        [JsonPropertyName("criterion_id")] public string CriterionId { get; set; } = "";
    }
}
