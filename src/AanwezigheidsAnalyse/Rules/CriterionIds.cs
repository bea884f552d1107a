namespace AanwezigheidsAnalyse.Rules;

/// <summary>The stable criterion ids of RULES §2, in the order of RULES.md; they appear in every output.</summary>
public static class CriterionIds
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

    public static IReadOnlyList<string> All { get; } =
    [
        ZzvShort, ZzvLong, ZzvMonth, ZzvHome, MazlFreq, MazlLong, MazlPattern,
        Lr50, Tz0, TzLpw, Tz3m, Lpw16u, Prev10u, LateRep, Kpa25, Kpa10In15,
    ];

    /// <summary>Who picks a case up (RULES §6).</summary>
    public enum Owner
    {
        Jeugdarts,
        Zorgcoordinator,
        Leerplicht,
        Mentor,
    }

    /// <summary>The report's name for a criterion and who picks it up (RULES §6).</summary>
    public static (string Dutch, string English, Owner Owner, string OwnerDutch) Label(string id) => id switch
    {
        ZzvShort => ("Vaak kort ziek: 3× of vaker 1–2 dagen ziek in 2 maanden", "Frequent short sickness", Owner.Jeugdarts, "jeugdarts"),
        ZzvLong => ("Lang ziek: meer dan 10 schooldagen achter elkaar", "Long sickness", Owner.Jeugdarts, "jeugdarts"),
        ZzvMonth => ("Veel ziek: meer dan 4 dagen ziek in de afgelopen maand", "Many sick days this month", Owner.Jeugdarts, "jeugdarts"),
        ZzvHome => ("Regelmatig ziek naar huis", "Often sent home sick", Owner.Jeugdarts, "jeugdarts"),
        MazlFreq => ("M@ZL: 4e ziekmelding binnen 12 schoolweken", "M@ZL: 4th sick report in 12 school weeks", Owner.Jeugdarts, "jeugdarts"),
        MazlLong => ("M@ZL: 7e schooldag aaneengesloten ziek", "M@ZL: 7th consecutive sick day", Owner.Jeugdarts, "jeugdarts"),
        MazlPattern => ("Ziek op vaste momenten (zelfde weekdag, rond vakanties)", "Sickness on fixed moments", Owner.Jeugdarts, "jeugdarts"),
        Kpa25 => ("Problematisch verzuim: ≥ 25 % afwezig in 2 weken (Kearney)", "Problematic absenteeism: ≥ 25 % over 2 weeks", Owner.Zorgcoordinator, "zorgcoördinator"),
        Kpa10In15 => ("Problematisch verzuim: ≥ 10 verzuimdagen in 15 weken (Kearney)", "Problematic absenteeism: ≥ 10 days in 15 weeks", Owner.Zorgcoordinator, "zorgcoördinator"),
        Lr50 => ("Minder dan 50 % onderwijs, langer dan 4 weken (risicoleerling)", "Under 50 % of education for over 4 weeks", Owner.Zorgcoordinator, "zorgcoördinator + leerplicht (leerrecht)"),
        Tz0 => ("Thuiszitter: geen onderwijs, langer dan 4 weken", "At home: no education for over 4 weeks", Owner.Leerplicht, "leerplicht + samenwerkingsverband"),
        TzLpw => ("Langdurig relatief verzuim (> 4 weken ongeoorloofd)", "Long-term unauthorised absence", Owner.Leerplicht, "leerplicht"),
        Tz3m => ("Thuiszitter langer dan 3 maanden (Thuiszitterspact)", "At home for over 3 months", Owner.Leerplicht, "leerplicht + samenwerkingsverband, escaleren"),
        Lpw16u => ("Meldplicht DUO: 16 uur ongeoorloofd in 4 lesweken", "Must report to DUO: 16 hours in 4 school weeks", Owner.Leerplicht, "leerplicht (DUO-melding)"),
        Prev10u => ("Vroegsignaal: 10 uur ongeoorloofd in 4 lesweken", "Early notice: 10 hours in 4 school weeks", Owner.Leerplicht, "leerplicht (preventief gesprek)"),
        LateRep => ("Herhaald te laat: 3× in 4 lesweken", "Repeatedly late", Owner.Mentor, "mentor"),
        _ => (id, id, Owner.Zorgcoordinator, "zorgcoördinator"),
    };
}
