using System.Globalization;
using CsvHelper;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using NodaTime;

namespace AanwezigheidsAnalyse.Synthetic;

/// <summary>One synthetic registration: a slot of a school day in a category.</summary>
public readonly record struct SyntheticRegistration(int Day, int Slot, Category Category);

/// <summary>One synthetic pupil's year: who, which class, what kind of attender, and the registrations.</summary>
public sealed record SyntheticPupil(string PupilId, string Group, Archetype Archetype, IReadOnlyList<SyntheticRegistration> Registrations);

/// <summary>What <see cref="Generator.Write"/> wrote.</summary>
public sealed record GeneratedFile(string Path, int Pupils, long Rows);

/// <summary>
/// Realistic synthetic attendance (SPEC §7): most pupils rarely absent, a long tail, a winter sickness peak,
/// Monday/Friday and holiday-adjacent effects, sent-home-sick days, clusters of late arrivals, truancy, reduced
/// timetables and a few pupils drifting into long absence. Pupils are generated one at a time from their own
/// seed, so any number can be streamed and the same seed gives the same data.
/// </summary>
public static class Generator
{
    private static readonly double[] SicknessByMonth = [0, 1.5, 1.4, 1.1, 0.9, 0.8, 0.7, 0.6, 0.6, 0.75, 0.9, 1.1, 1.4]; // index = month

    /// <summary>The pupils of a school, generated lazily one by one.</summary>
    public static IEnumerable<SyntheticPupil> Pupils(GeneratorOptions options, SchoolCalendar calendar, Timetable timetable)
    {
        var lastDay = options.Until is { } until ? calendar.LastOnOrBefore(until) : calendar.DayCount - 1;
        for (var i = 0; i < options.Pupils; i++)
        {
            var random = new Random(unchecked(options.Seed * 1_000_003 + i * 7919));
            var archetype = options.Mix.Draw(random);
            var group = $"{1 + random.Next(6)}{(char)('A' + random.Next(4))}";
            var registrations = new List<SyntheticRegistration>();
            new PupilSimulation(random, archetype, calendar, timetable, lastDay, registrations).Run();
            yield return new SyntheticPupil((100_000 + i).ToString(CultureInfo.InvariantCulture), group, archetype, registrations);
        }
    }

    /// <summary>
    /// Writes a canonical CSV of absence-only lesson-hour rows, streaming pupil by pupil, and, when
    /// <paramref name="pupilListPath"/> is given, the school's pupil list (pupil_id, group, enrolment; no names).
    /// </summary>
    public static GeneratedFile Write(GeneratorOptions options, string path, string? pupilListPath = null)
    {
        if (options.Pupils <= 0)
            throw new UserError("--pupils moet groter dan 0 zijn.", "--pupils must be greater than 0.");
        var calendar = CalendarFactory.Create(options.SchoolYear, options.Region);
        var timetable = Timetable.Bundled("vo-standaard");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        long rows = 0;
        var withSchool = options.SchoolId.Length > 0;
        AtomicFile.Write(path, stream =>
        {
            using var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
            writer.WriteRecord(withSchool
                ? ["school_id", "pupil_id", "group", "date", "slot", "status"]
                : ["pupil_id", "group", "date", "slot", "status"]);
            foreach (var pupil in Pupils(options, calendar, timetable))
            {
                foreach (var registration in pupil.Registrations)
                {
                    if (withSchool)
                        writer.WriteField(options.SchoolId);
                    writer.WriteField(pupil.PupilId);
                    writer.WriteField(pupil.Group);
                    writer.WriteField(calendar.Date(registration.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    writer.WriteField(registration.Slot.ToString(CultureInfo.InvariantCulture));
                    writer.WriteField(registration.Category.Name());
                    writer.EndRecord();
                    rows++;
                }
            }
            writer.Flush();
        });
        if (pupilListPath is not null)
        {
            AtomicFile.Write(pupilListPath, stream =>
            {
                using var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
                writer.WriteRecord(withSchool
                    ? ["school_id", "pupil_id", "group", "enrolled_from", "enrolled_until"]
                    : ["pupil_id", "group", "enrolled_from", "enrolled_until"]);
                var first = calendar.Date(0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var last = calendar.Date(calendar.DayCount - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                foreach (var pupil in Pupils(options with { Until = calendar.Date(0) }, calendar, timetable))
                {
                    if (withSchool)
                        writer.WriteField(options.SchoolId);
                    writer.WriteRecord([pupil.PupilId, pupil.Group, first, last]);
                }
                writer.Flush();
            });
        }
        return new GeneratedFile(Path.GetFullPath(path), options.Pupils, rows);
    }

    /// <summary>Walks one pupil's school days and draws what happens on each.</summary>
    private sealed class PupilSimulation(Random random, Archetype archetype, SchoolCalendar calendar, Timetable timetable, int lastDay, List<SyntheticRegistration> output)
    {
        // Per-pupil frailty: a log-normal factor on every rate, which makes the long tail.
        private readonly double _frailty = Math.Exp(0.5 * Gaussian(random) - 0.125);

        public void Run()
        {
            var sickStartRate = archetype switch
            {
                Archetype.FrequentlySick => 0.035,
                Archetype.Truant => 0.018,
                _ => 0.010,
            } * _frailty;
            var lateRate = (archetype == Archetype.Truant ? 0.03 : 0.006) * _frailty;
            var skipRate = archetype == Archetype.Truant ? 0.06 * _frailty : 0.002 * _frailty;
            var truantDayRate = archetype == Archetype.Truant ? 0.012 * _frailty : 0.0004;
            var sentHomeRate = (archetype == Archetype.FrequentlySick ? 0.008 : 0.0015) * _frailty;
            var appointmentRate = 0.005;

            // Archetype events placed in the year.
            var longSickStart = archetype == Archetype.LongSick ? random.Next(Math.Max(1, lastDay - 5)) : -1;
            var longSickLength = 8 + random.Next(18);
            var driftStart = archetype == Archetype.Drifting ? random.Next(Math.Max(1, lastDay / 2)) : -1;
            var driftWeeks = 3 + random.Next(6);
            var driftUnauthorized = random.NextDouble() < 0.6;
            var reducedStart = archetype == Archetype.ReducedTimetable ? random.Next(Math.Max(1, lastDay - 20)) : -1;
            var reducedLength = 20 + random.Next(40);
            var suspendedDay = random.NextDouble() < 0.004 ? random.Next(Math.Max(1, lastDay)) : -1;

            var sickLeft = 0;
            var lateClusterLeft = 0;
            var boundaries = calendar.BreakBoundaries(7);
            for (var day = 0; day <= lastDay; day++)
            {
                var date = calendar.Date(day);
                var slots = timetable.ScheduledSlots(0, date.DayOfWeek);
                var lastSlot = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)slots);

                if (driftStart >= 0 && day >= driftStart)
                {
                    // Drifting: the chance of staying away grows to certainty over a few weeks.
                    var progress = Math.Min(1.0, (day - driftStart) / (5.0 * driftWeeks));
                    if (random.NextDouble() < 0.15 + 0.85 * progress)
                    {
                        WholeDay(day, slots, driftUnauthorized ? Category.Unauthorized : Category.Sick);
                        continue;
                    }
                }
                if (longSickStart >= 0 && day >= longSickStart && day < longSickStart + longSickLength)
                {
                    WholeDay(day, slots, Category.Sick);
                    continue;
                }
                if (day == suspendedDay)
                {
                    WholeDay(day, slots, Category.Suspended);
                    continue;
                }
                if (sickLeft > 0)
                {
                    sickLeft--;
                    WholeDay(day, slots, Category.Sick);
                    continue;
                }

                // A new sick episode: winter peak, Monday and Friday, and around holidays.
                var hazard = sickStartRate * SicknessByMonth[date.Month]
                    * date.DayOfWeek switch { IsoDayOfWeek.Monday => 1.3, IsoDayOfWeek.Friday => 1.15, _ => 0.9 }
                    * (Internals.Bits.Test(boundaries, day) ? 1.6 : 1.0);
                if (random.NextDouble() < hazard)
                {
                    sickLeft = EpisodeLength() - 1;
                    WholeDay(day, slots, Category.Sick);
                    continue;
                }
                if (random.NextDouble() < truantDayRate * (date.DayOfWeek is IsoDayOfWeek.Monday or IsoDayOfWeek.Friday ? 1.5 : 1.0))
                {
                    WholeDay(day, slots, Category.Unauthorized);
                    continue;
                }
                if (random.NextDouble() < sentHomeRate * SicknessByMonth[date.Month])
                {
                    // Came to school, went home ill after a few lessons; often ill the next day too.
                    var from = 2 + random.Next(Math.Max(1, lastSlot - 2));
                    for (var s = from; s <= lastSlot; s++)
                    {
                        if ((slots & (1 << s)) != 0)
                            output.Add(new(day, s, Category.SentHomeSick));
                    }
                    if (random.NextDouble() < 0.5)
                        sickLeft = 1;
                    continue;
                }

                var reduced = reducedStart >= 0 && day >= reducedStart && day < reducedStart + reducedLength;
                for (var s = 0; s < Timetable.MaxSlots; s++)
                {
                    if ((slots & (1 << s)) == 0)
                        continue;
                    if (reduced && s >= lastSlot - 2)
                        output.Add(new(day, s, Category.ReducedTimetable));
                    else if (s == FirstSlot(slots) && random.NextDouble() < (lateClusterLeft > 0 ? 0.25 : lateRate))
                        output.Add(new(day, s, Category.Late));
                    else if (random.NextDouble() < skipRate / 7 * (s >= lastSlot - 1 ? 2.0 : 1.0))
                        output.Add(new(day, s, Category.Unauthorized));
                    else if (random.NextDouble() < appointmentRate / 7)
                        output.Add(new(day, s, Category.AuthorizedOther));
                }
                if (lateClusterLeft > 0)
                    lateClusterLeft--;
                else if (random.NextDouble() < (archetype == Archetype.Truant ? 0.02 : 0.002) * _frailty)
                    lateClusterLeft = 10 + random.Next(10);
            }
        }

        private void WholeDay(int day, ushort slots, Category category)
        {
            for (var s = 0; s < Timetable.MaxSlots; s++)
            {
                if ((slots & (1 << s)) != 0)
                    output.Add(new(day, s, category));
            }
        }

        private int EpisodeLength()
        {
            var x = random.NextDouble();
            return x < 0.48 ? 1 : x < 0.74 ? 2 : x < 0.86 ? 3 : x < 0.95 ? 4 + random.Next(2) : x < 0.99 ? 6 + random.Next(5) : 11 + random.Next(10);
        }

        private static int FirstSlot(ushort slots) => System.Numerics.BitOperations.TrailingZeroCount((uint)slots);

        private static double Gaussian(Random random)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
