using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Maps the codes of an export onto categories. Codes are folded (case, accents, spacing) before they are
/// looked up; a rule with an <c>authorized</c> flag wins over one without when the export has a "geoorloofd"
/// column. A code no rule names is unknown: its rows are rejected and counted, never guessed.
/// </summary>
internal sealed class CodeTable
{
    private readonly Dictionary<string, Category> _any = [];
    private readonly Dictionary<(string Code, bool Authorized), Category> _flagged = [];

    public CodeTable(IEnumerable<CodeRule> rules)
    {
        foreach (var rule in rules)
        {
            var code = Fold.Code(rule.Code);
            if (rule.Authorized is { } authorized)
                _flagged[(code, authorized)] = rule.Category;
            else
                _any[code] = rule.Category;
        }
    }

    /// <summary>The category of a folded code, or <see cref="Category.None"/> when the code is unknown.</summary>
    public Category Lookup(string foldedCode, bool? authorized)
    {
        if (authorized is { } flag && _flagged.TryGetValue((foldedCode, flag), out var category))
            return category;
        // The export's own "geoorloofd: nee" on leave or another excused absence without a rule of its own is the
        // school's word that it was not excused (verlof refused: luxe verzuim): unauthorized, as DUO counts it. Read
        // as the code's category it was authorized_other, and a pupil's 17 hours gave no DUO melding (an adversarial
        // pass). Sickness stays sickness: a school that means otherwise gives the code a rule with "authorized": false.
        if (_any.TryGetValue(foldedCode, out category))
            return authorized == false && category == Category.AuthorizedOther ? Category.Unauthorized : category;
        // Without a flag in the export, a code known only with flags is still known when both flags agree.
        if (authorized is null
            && _flagged.TryGetValue((foldedCode, true), out var yes)
            && _flagged.TryGetValue((foldedCode, false), out var no)
            && yes == no)
            return yes;
        return Category.None;
    }
}
