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
        if (_any.TryGetValue(foldedCode, out category))
            return category;
        // Without a flag in the export, a code known only with flags is still known when both flags agree.
        if (authorized is null
            && _flagged.TryGetValue((foldedCode, true), out var yes)
            && _flagged.TryGetValue((foldedCode, false), out var no)
            && yes == no)
            return yes;
        return Category.None;
    }
}
