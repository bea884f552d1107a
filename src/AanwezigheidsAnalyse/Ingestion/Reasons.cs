namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The reasons a row is ignored or rejected: a stable key for run.json and the words for rejects.csv and the
/// console. Ignored rows are not attendance facts or lie outside the analysis; rejected rows are faults the
/// school should fix in its export.
/// </summary>
public static class Reasons
{
    // Ignored: documented mappings and scope.
    public const string CodeIgnored = "code_ignored";
    public const string EmptyRow = "empty_row";
    public const string Footer = "footer";
    public const string Preamble = "preamble";
    public const string AfterAsOf = "after_as_of";
    public const string BeforeSchoolYear = "before_school_year";
    public const string OutsideEnrolment = "outside_enrolment";
    public const string NoSchoolDay = "no_school_day";

    // Rejected: faults.
    public const string PupilMissing = "pupil_missing";
    public const string PupilTooLong = "pupil_too_long";
    public const string DateMissing = "date_missing";
    public const string DateInvalid = "date_invalid";
    public const string NotASchoolDay = "not_a_school_day";
    public const string CodeMissing = "code_missing";
    public const string CodeUnknown = "code_unknown";
    public const string SlotInvalid = "slot_invalid";
    public const string MinutesInvalid = "minutes_invalid";
    public const string FlagInvalid = "authorized_invalid";
    public const string TimeInvalid = "time_invalid";
    public const string IntervalInvalid = "interval_invalid";
    public const string MalformedRow = "malformed_row";

    public static string Describe(string reason, Language language) => (reason, language) switch
    {
        (CodeIgnored, Language.Dutch) => "code is geen aanwezigheidsfeit (profiel: ignore)",
        (CodeIgnored, _) => "code is not an attendance fact (profile: ignore)",
        (EmptyRow, Language.Dutch) => "lege regel",
        (EmptyRow, _) => "empty row",
        (Footer, Language.Dutch) => "voettekst onder de gegevens (bijv. Excel-totalen)",
        (Footer, _) => "footer below the data (e.g. Excel totals)",
        (Preamble, Language.Dutch) => "tekst boven de kopregel",
        (Preamble, _) => "text above the header row",
        (AfterAsOf, Language.Dutch) => "datum na de peildatum",
        (AfterAsOf, _) => "date after the as-of date",
        (BeforeSchoolYear, Language.Dutch) => "datum vóór het schooljaar van de peildatum",
        (BeforeSchoolYear, _) => "date before the school year of the as-of date",
        (OutsideEnrolment, Language.Dutch) => "leerling was die dag niet ingeschreven (leerlingenlijst)",
        (OutsideEnrolment, _) => "pupil was not enrolled that day (pupil list)",
        (NoSchoolDay, Language.Dutch) => "melding valt op geen enkele schooldag (weekend of vakantie)",
        (NoSchoolDay, _) => "notification covers no school day (weekend or holiday)",
        (PupilMissing, Language.Dutch) => "leerlingnummer ontbreekt",
        (PupilMissing, _) => "pupil number missing",
        (PupilTooLong, Language.Dutch) => "leerlingnummer is langer dan 64 tekens",
        (PupilTooLong, _) => "pupil number is longer than 64 characters",
        (DateMissing, Language.Dutch) => "datum ontbreekt",
        (DateMissing, _) => "date missing",
        (DateInvalid, Language.Dutch) => "geen geldige datum in een van de formaten van het profiel",
        (DateInvalid, _) => "not a valid date in any of the profile's formats",
        (NotASchoolDay, Language.Dutch) => "datum is geen schooldag in de kalender (weekend of vakantie); klopt de regio, of is een kalenderbestand nodig?",
        (NotASchoolDay, _) => "date is not a school day of the calendar (weekend or holiday); is the region right, or is a calendar file needed?",
        (CodeMissing, Language.Dutch) => "code ontbreekt",
        (CodeMissing, _) => "code missing",
        (CodeUnknown, Language.Dutch) => "onbekende code: voeg haar toe aan de codetabel van het profiel",
        (CodeUnknown, _) => "unknown code: add it to the profile's code table",
        (SlotInvalid, Language.Dutch) => "geen lesuur (0-15) of dagdeel (ochtend/middag)",
        (SlotInvalid, _) => "not a lesson hour (0-15) or part of day (ochtend/middag)",
        (MinutesInvalid, Language.Dutch) => "geen geldig aantal minuten (0-1440)",
        (MinutesInvalid, _) => "not a valid number of minutes (0-1440)",
        (FlagInvalid, Language.Dutch) => "geen ja/nee-waarde",
        (FlagInvalid, _) => "not a yes/no value",
        (TimeInvalid, Language.Dutch) => "geen geldige tijd (uu:mm)",
        (TimeInvalid, _) => "not a valid time (hh:mm)",
        (IntervalInvalid, Language.Dutch) => "einde ligt vóór het begin",
        (IntervalInvalid, _) => "end lies before the start",
        (MalformedRow, Language.Dutch) => "regel is niet goed opgebouwd (aanhalingstekens of kolommen)",
        (MalformedRow, _) => "row is malformed (quotes or columns)",
        _ => reason,
    };
}
