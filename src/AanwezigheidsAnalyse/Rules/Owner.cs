using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// Who in the schoolaanwezigheidsteam picks a case up (criteria §6; the praktijkkaart thuiszitters, casus 2: "de ondersteuningscoördinator
/// verwijst door naar jeugdarts (geoorloofd verzuim), leerplichtambtenaar (vermoedelijk ongeoorloofd verzuim) of
/// ZAT-bespreking"). The report groups its action lists by owner, in this order.
/// </summary>
public enum Owner
{
    /// <summary>The youth doctor: sickness absence, M@ZL.</summary>
    Jeugdarts,

    /// <summary>The leerplichtambtenaar: unauthorized absence, the DUO melding, thuiszitters, leerrecht (with the zorgcoördinator).</summary>
    Leerplicht,

    /// <summary>The zorgcoördinator: problematic absence, leerrecht.</summary>
    Zorgcoordinator,

    /// <summary>The mentor: lateness.</summary>
    Mentor,
}

/// <summary>The owners' names, and who picks up a pupil by the kind of absence.</summary>
public static class Owners
{
    /// <summary>
    /// criteria §4: the dominant absence type "says who picks the pupil up: sickness → jeugdarts, unauthorised →
    /// leerplichtambtenaar, anything else → zorgcoördinator". Sent home sick is sickness.
    /// </summary>
    public static Owner OfDominantAbsence(Category category) => category switch
    {
        Category.Sick or Category.SentHomeSick => Owner.Jeugdarts,
        Category.Unauthorized => Owner.Leerplicht,
        _ => Owner.Zorgcoordinator,
    };

    /// <summary>The owner as a heading: "Voor de jeugdarts (ziekteverzuim, M@ZL)".</summary>
    public static Phrase Title(this Owner owner) => owner switch
    {
        Owner.Jeugdarts => new("Voor de jeugdarts (ziekteverzuim, M@ZL)", "For the youth doctor (sickness absence, M@ZL)"),
        Owner.Leerplicht => new("Voor de leerplichtambtenaar (ongeoorloofd verzuim, leerrecht)", "For the attendance officer (unauthorised absence, right to education)"),
        Owner.Zorgcoordinator => new("Voor de zorgcoördinator", "For the care coordinator"),
        _ => new("Voor de mentor (te laat)", "For the mentor (lateness)"),
    };

    /// <summary>The owner in a table cell: "jeugdarts".</summary>
    public static Phrase Name(this Owner owner) => owner switch
    {
        Owner.Jeugdarts => new("jeugdarts", "youth doctor"),
        Owner.Leerplicht => new("leerplicht", "attendance officer"),
        Owner.Zorgcoordinator => new("zorgcoördinator", "care coordinator"),
        _ => new("mentor", "mentor"),
    };
}
