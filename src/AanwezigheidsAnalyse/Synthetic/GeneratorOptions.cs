using AanwezigheidsAnalyse.Calendar;
using NodaTime;

namespace AanwezigheidsAnalyse.Synthetic;

/// <summary>The kind of school: sets the timetable, the classes and how much pupils stay away.</summary>
public enum SchoolType
{
    /// <summary>Primary: dagdelen, groep 1–8, less absence.</summary>
    Po,
    /// <summary>Secondary: lesuren, classes 1–6.</summary>
    Vo,
    /// <summary>Vocational: lesuren, years 1–4, more unauthorised absence.</summary>
    Mbo,
    /// <summary>A mix of schools as in the country: most pupils in PO and VO, some in MBO.</summary>
    Mix,
}

/// <summary>The options of <c>aanwezigheid generate</c> (README, "Synthetic data").</summary>
public sealed record GeneratorOptions
{
    /// <summary>Pupils to generate (spread over the school types of a mix).</summary>
    public int Pupils { get; init; } = 300;

    /// <summary>Schools the pupils are spread over (ids 00AA, 00AB …, or <see cref="SchoolId"/> for one school).</summary>
    public int Schools { get; init; } = 1;

    /// <summary>The kind of school.</summary>
    public SchoolType SchoolType { get; init; } = SchoolType.Vo;

    /// <summary>The (first) school year.</summary>
    public SchoolYear SchoolYear { get; init; } = new(2025);

    /// <summary>School years to generate from <see cref="SchoolYear"/> on; pupils move up a year between them.</summary>
    public int Years { get; init; } = 1;

    /// <summary>The last date in the export; null for the whole school year.</summary>
    public LocalDate? Until { get; init; }

    /// <summary>The same seed gives the same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The holiday region.</summary>
    public Region Region { get; init; } = Region.Midden;

    /// <summary>The school's id for a one-school export; written as the school column when not empty.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>The shape of the export written.</summary>
    public ExportShape Shape { get; init; } = ExportShape.Canonical;

    /// <summary>Export mess (README, "Synthetic data"): the share of rows with a fault (bad dates, unknown codes, duplicates), plus a footer and blank lines.</summary>
    public double Noise { get; init; }

    /// <summary>About 4 % of pupils join late or leave early; the pupil list carries their dates.</summary>
    public bool EnrolmentChanges { get; init; } = true;

    /// <summary>Shares of the pupil archetypes; see <see cref="Archetype"/>. The defaults aim at the README's targets.</summary>
    public ArchetypeMix Mix { get; init; } = ArchetypeMix.Default;
}

/// <summary>
/// What kind of attender a synthetic pupil is. Most pupils are rarely absent; the rest make the long tail
/// (README, "Synthetic data"). The shares are parameters; the figures they aim at are in the README.
/// </summary>
public enum Archetype
{
    /// <summary>A few short sick episodes a year, the odd dentist visit or late arrival.</summary>
    Regular,
    /// <summary>Often ill for a day or two, now and then sent home sick.</summary>
    FrequentlySick,
    /// <summary>One long illness somewhere in the year.</summary>
    LongSick,
    /// <summary>Skips lessons and sometimes whole days; late in clusters.</summary>
    Truant,
    /// <summary>Attendance decays over weeks until the pupil no longer comes (a drifting thuiszitter).</summary>
    Drifting,
    /// <summary>Follows a reduced timetable (lestijdverkorting) for some weeks.</summary>
    ReducedTimetable,
}

/// <summary>Shares of each archetype; they need not add up to one (they are weights).</summary>
/// <param name="Regular">Regular attenders.</param>
/// <param name="FrequentlySick">Frequently sick.</param>
/// <param name="LongSick">One long illness.</param>
/// <param name="Truant">Truants.</param>
/// <param name="Drifting">Drifting into thuiszitten.</param>
/// <param name="ReducedTimetable">On a reduced timetable.</param>
public sealed record ArchetypeMix(double Regular, double FrequentlySick, double LongSick, double Truant, double Drifting, double ReducedTimetable)
{
    /// <summary>VO: the mix the README's figures are measured on.</summary>
    public static ArchetypeMix Default { get; } = new(0.845, 0.08, 0.015, 0.045, 0.008, 0.007);

    /// <summary>MBO: more truancy and more pupils drifting away.</summary>
    public static ArchetypeMix Mbo { get; } = new(0.78, 0.08, 0.015, 0.09, 0.02, 0.015);

    /// <summary>PO: little truancy, hardly any drifting.</summary>
    public static ArchetypeMix Po { get; } = new(0.87, 0.09, 0.015, 0.01, 0.003, 0.012);

    /// <summary>An archetype drawn by its weight.</summary>
    public Archetype Draw(Random random)
    {
        var total = Regular + FrequentlySick + LongSick + Truant + Drifting + ReducedTimetable;
        var x = random.NextDouble() * total;
        if ((x -= Regular) < 0) return Archetype.Regular;
        if ((x -= FrequentlySick) < 0) return Archetype.FrequentlySick;
        if ((x -= LongSick) < 0) return Archetype.LongSick;
        if ((x -= Truant) < 0) return Archetype.Truant;
        if ((x -= Drifting) < 0) return Archetype.Drifting;
        return Archetype.ReducedTimetable;
    }
}
