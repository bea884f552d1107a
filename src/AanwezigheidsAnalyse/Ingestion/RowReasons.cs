using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>Why a row was read but not used: not an attendance fact, or outside the analysis. The school need not fix these.</summary>
public enum IgnoreReason
{
    /// <summary>The code is no attendance fact (the profile maps it to ignore).</summary>
    CodeIgnored,

    /// <summary>An empty row.</summary>
    EmptyRow,

    /// <summary>A footer below the data (Excel totals).</summary>
    Footer,

    /// <summary>Text above the header row.</summary>
    Preamble,

    /// <summary>A date after the as-of date.</summary>
    AfterAsOf,

    /// <summary>A date before the school year of the as-of date.</summary>
    BeforeSchoolYear,

    /// <summary>The pupil was not enrolled that day (pupil list).</summary>
    OutsideEnrolment,

    /// <summary>A notification that covers no school day (a weekend, a holiday).</summary>
    NoSchoolDay,

    /// <summary>The header row again, below the data (two exports put one after the other).</summary>
    HeaderAgain,

    /// <summary>A notification on school days that covers no lesson the timetable has on them (18:00-20:00; a primary school's Wednesday afternoon under a timetable that has it free).</summary>
    NoLesson,
}

/// <summary>Why a row was rejected: a fault the school should fix in its export. Every rejected row is in rejects.csv.</summary>
public enum RejectReason
{
    /// <summary>No pupil number.</summary>
    PupilMissing,

    /// <summary>A pupil number of more than 64 characters.</summary>
    PupilTooLong,

    /// <summary>The pupil number has no digit, or spaces, commas or control characters: a name or a note, not a number.</summary>
    PupilNotANumber,

    /// <summary>The school code is longer than 64 bytes or holds control characters, a comma or a BSN.</summary>
    SchoolInvalid,

    /// <summary>No date.</summary>
    DateMissing,

    /// <summary>No valid date in any of the profile's formats.</summary>
    DateInvalid,

    /// <summary>A date that is no school day of the calendar.</summary>
    NotASchoolDay,

    /// <summary>No code.</summary>
    CodeMissing,

    /// <summary>A code the profile does not know.</summary>
    CodeUnknown,

    /// <summary>No lesson hour (0–15) or dagdeel.</summary>
    SlotInvalid,

    /// <summary>No valid number of minutes.</summary>
    MinutesInvalid,

    /// <summary>No yes/no value in the "geoorloofd" column.</summary>
    AuthorizedInvalid,

    /// <summary>No valid time.</summary>
    TimeInvalid,

    /// <summary>An interval that ends before it starts.</summary>
    IntervalInvalid,

    /// <summary>More absent or present minutes than the day's scheduled minutes (day rows).</summary>
    MinutesOverScheduled,

    /// <summary>A lesson hour the timetable has no times for: it would count for no minutes at all.</summary>
    SlotNotInTimetable,
}

/// <summary>
/// The reasons as run.json and rejects.csv write them (<c>code_unknown</c>: stable keys) and in words for people.
/// </summary>
public static class RowReasons
{
    /// <summary>The stable key: <c>code_ignored</c>, <c>after_as_of</c> … (run.json writes the enum the same way).</summary>
    public static string Code(this IgnoreReason reason) => reason switch
    {
        IgnoreReason.CodeIgnored => "code_ignored",
        IgnoreReason.EmptyRow => "empty_row",
        IgnoreReason.Footer => "footer",
        IgnoreReason.Preamble => "preamble",
        IgnoreReason.AfterAsOf => "after_as_of",
        IgnoreReason.BeforeSchoolYear => "before_school_year",
        IgnoreReason.OutsideEnrolment => "outside_enrolment",
        IgnoreReason.NoSchoolDay => "no_school_day",
        IgnoreReason.HeaderAgain => "header_again",
        IgnoreReason.NoLesson => "no_lesson",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>The stable key: <c>code_unknown</c>, <c>date_invalid</c> …</summary>
    public static string Code(this RejectReason reason) => reason switch
    {
        RejectReason.PupilMissing => "pupil_missing",
        RejectReason.PupilTooLong => "pupil_too_long",
        RejectReason.PupilNotANumber => "pupil_not_a_number",
        RejectReason.SchoolInvalid => "school_invalid",
        RejectReason.DateMissing => "date_missing",
        RejectReason.DateInvalid => "date_invalid",
        RejectReason.NotASchoolDay => "not_a_school_day",
        RejectReason.CodeMissing => "code_missing",
        RejectReason.CodeUnknown => "code_unknown",
        RejectReason.SlotInvalid => "slot_invalid",
        RejectReason.MinutesInvalid => "minutes_invalid",
        RejectReason.MinutesOverScheduled => "minutes_over_scheduled",
        RejectReason.AuthorizedInvalid => "authorized_invalid",
        RejectReason.TimeInvalid => "time_invalid",
        RejectReason.IntervalInvalid => "interval_invalid",
        RejectReason.SlotNotInTimetable => "slot_not_in_timetable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>The reason in words.</summary>
    public static Phrase Describe(this IgnoreReason reason) => reason switch
    {
        IgnoreReason.CodeIgnored => new("code is geen aanwezigheidsfeit (profiel: ignore)", "code is not an attendance fact (profile: ignore)"),
        IgnoreReason.EmptyRow => new("lege regel", "empty row"),
        IgnoreReason.Footer => new("voettekst onder de gegevens (bijv. Excel-totalen)", "footer below the data (e.g. Excel totals)"),
        IgnoreReason.Preamble => new("tekst boven de kopregel", "text above the header row"),
        IgnoreReason.AfterAsOf => new("datum na de peildatum", "date after the as-of date"),
        IgnoreReason.BeforeSchoolYear => new("datum vóór het schooljaar van de peildatum", "date before the school year of the as-of date"),
        IgnoreReason.OutsideEnrolment => new("leerling was die dag niet ingeschreven (leerlingenlijst)", "pupil was not enrolled that day (pupil list)"),
        IgnoreReason.NoSchoolDay => new("melding valt op geen enkele schooldag (weekend of vakantie)", "notification covers no school day (weekend or holiday)"),
        IgnoreReason.NoLesson => new("melding valt op een schooldag, maar op geen les van het rooster", "notification falls on a school day, but on no lesson of the timetable"),
        IgnoreReason.HeaderAgain => new("de kopregel nog eens (twee exports achter elkaar gezet)", "the header row again (two exports put one after the other)"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    /// <summary>The fault in words, with what to do where that helps.</summary>
    public static Phrase Describe(this RejectReason reason) => reason switch
    {
        RejectReason.PupilMissing => new("leerlingnummer ontbreekt", "pupil number missing"),
        RejectReason.PupilTooLong => new("leerlingnummer is langer dan 64 tekens", "pupil number is longer than 64 characters"),
        RejectReason.SchoolInvalid => new("schoolcode is langer dan 64 tekens of bevat stuurtekens, een komma of een BSN", "school code is longer than 64 characters or holds control characters, a comma or a BSN"),
        RejectReason.PupilNotANumber => new("leerlingnummer is geen leerlingnummer (geen cijfer; spaties, komma's, @ of stuurtekens; vijf letters op een rij; een getal als 1,2E+05; of een BSN of telefoonnummer): staat er een naam, e-mailadres, opmerking of BSN?", "pupil number is not a pupil number (no digit; spaces, commas, @ or control characters; five letters in a row; a number like 1.2E+05; or a BSN or phone number): is a name, an e-mail address, a remark or a BSN there?"),
        RejectReason.DateMissing => new("datum ontbreekt", "date missing"),
        RejectReason.DateInvalid => new("geen geldige datum in een van de formaten van het profiel", "not a valid date in any of the profile's formats"),
        RejectReason.NotASchoolDay => new("datum is geen schooldag in de kalender (weekend of vakantie); klopt de regio, of is een kalenderbestand nodig?", "date is not a school day of the calendar (weekend or holiday); is the region right, or is a calendar file needed?"),
        RejectReason.CodeMissing => new("code ontbreekt, of afwezige minuten zonder verzuimcode: zonder reden is verzuim niet in te delen", "code missing, or absent minutes without an absence code: absence without a reason cannot be categorised"),
        RejectReason.CodeUnknown => new("onbekende code: voeg haar toe aan de codetabel van het profiel", "unknown code: add it to the profile's code table"),
        RejectReason.SlotInvalid => new("geen lesuur (0-15) of dagdeel (ochtend/middag)", "not a lesson hour (0-15) or part of day (ochtend/middag)"),
        RejectReason.MinutesInvalid => new("geen geldig aantal minuten (0-1440)", "not a valid number of minutes (0-1440)"),
        RejectReason.MinutesOverScheduled => new("meer minuten dan die dag geroosterd: klopt de kolom met geroosterde minuten?", "more minutes than scheduled that day: is the scheduled-minutes column right?"),
        RejectReason.AuthorizedInvalid => new("geen ja/nee-waarde", "not a yes/no value"),
        RejectReason.TimeInvalid => new("geen geldige tijd (uu:mm)", "not a valid time (hh:mm)"),
        RejectReason.IntervalInvalid => new("einde ligt vóór het begin", "end lies before the start"),
        RejectReason.SlotNotInTimetable => new("lesuur dat het rooster niet kent (geen begin- en eindtijd), dus zonder minuten: geef het rooster van de school met --timetable", "a lesson hour the timetable does not have (no start and end), so without minutes: give the school's timetable with --timetable"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
