namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>
/// A table of counts that leaves the Taskforce (README, "Privacy"): its numbers, cells and totals alike, and the sums
/// that tie them together in the same output ("this total is the sum of these cells"). A reader who has the output
/// knows every published number and every sum.
/// </summary>
public sealed class CountTable
{
    private readonly List<long> _values = [];
    private readonly List<(int Total, int[] Parts)> _sums = [];

    /// <summary>Adds a number (a cell or a total) and returns its index.</summary>
    public int Add(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _values.Add(value);
        return _values.Count - 1;
    }

    /// <summary>Says that number <paramref name="total"/> is the sum of the numbers <paramref name="parts"/>.</summary>
    public void Sum(int total, params int[] parts) => _sums.Add((total, parts));

    /// <summary>The numbers, in the order added.</summary>
    public IReadOnlyList<long> Values => _values;

    /// <summary>The sums.</summary>
    public IReadOnlyList<(int Total, int[] Parts)> Sums => _sums;
}

/// <summary>
/// Small-cell suppression (README, "Privacy"; default fewer than 5 pupils): primary, every number from 1 to
/// <c>minCell - 1</c>; secondary, as long as a suppressed number can be worked out from the published ones by adding
/// and subtracting the table's sums, one more number of such a sum is suppressed, the smallest first. Zero is
/// published: it says nobody, which hides no pupil. "Worked out" is linear algebra over the sums, not only one
/// sum at a time: a suppressed number counts as known when the published numbers fix it through any combination.
/// </summary>
public static class Suppression
{
    /// <summary>The default smallest number that may be published.</summary>
    public const int DefaultMinCell = 5;

    /// <summary>
    /// Which numbers of <paramref name="table"/> to suppress (true) so that none of them can be worked out.
    /// <paramref name="unpublished"/> are numbers the output never shows (a total that only ties two sums together):
    /// hidden from the start, and free to be worked out.
    /// </summary>
    public static bool[] Suppress(CountTable table, int minCell = DefaultMinCell, IReadOnlySet<int>? unpublished = null)
    {
        var values = table.Values;
        var hidden = values.Select((v, i) => (v > 0 && v < minCell) || unpublished?.Contains(i) == true).ToArray();
        while (Determined(table, hidden) is var determined && determined.Where(i => unpublished?.Contains(i) != true).ToHashSet() is { Count: > 0 } known)
        {
            // Hide one more number of a sum that gives one away: the smallest published one, a cell before a total.
            var near = table.Sums.Where(s => known.Contains(s.Total) || s.Parts.Any(known.Contains)).ToList();
            // Fixed through other sums only (its own all hidden): any sum's number will do.
            var candidates = (near.Any(s => !hidden[s.Total] || s.Parts.Any(p => !hidden[p])) ? near : [.. table.Sums])
                .SelectMany(s => s.Parts.Select(p => (Index: p, IsTotal: false)).Append((Index: s.Total, IsTotal: true)))
                .Where(c => !hidden[c.Index])
                .OrderBy(c => values[c.Index] == 0 ? 1 : 0) // a zero hides nothing; only when nothing else is left
                .ThenBy(c => c.IsTotal)
                .ThenBy(c => values[c.Index])
                .ThenBy(c => c.Index)
                .ToList();
            if (candidates.Count == 0)
                break; // every number is hidden: nothing is published, nothing can be worked out
            hidden[candidates[0].Index] = true;
        }
        return hidden;
    }

    /// <summary>
    /// The hidden numbers the published numbers fix. The sums with the published numbers moved to the right are
    /// a linear system in the hidden ones; brought to reduced row echelon form, a hidden number is fixed when its
    /// column holds a pivot whose row has no other hidden number left.
    /// </summary>
    internal static HashSet<int> Determined(CountTable table, bool[] hidden)
    {
        var unknowns = Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).ToArray();
        var determined = new HashSet<int>();
        if (unknowns.Length == 0)
            return determined;
        var column = new Dictionary<int, int>();
        for (var c = 0; c < unknowns.Length; c++)
            column[unknowns[c]] = c;
        var rows = new List<double[]>();
        foreach (var (total, parts) in table.Sums)
        {
            var row = new double[unknowns.Length];
            if (column.TryGetValue(total, out var t))
                row[t] += 1;
            foreach (var part in parts)
            {
                if (column.TryGetValue(part, out var p))
                    row[p] -= 1;
            }
            if (row.Any(x => x != 0))
                rows.Add(row);
        }
        // Gauss-Jordan with partial pivoting; the coefficients stay small integers in exact binary fractions.
        var pivotRowOf = new int[unknowns.Length];
        Array.Fill(pivotRowOf, -1);
        var r = 0;
        for (var c = 0; c < unknowns.Length && r < rows.Count; c++)
        {
            var best = Enumerable.Range(r, rows.Count - r).MaxBy(i => Math.Abs(rows[i][c]));
            if (Math.Abs(rows[best][c]) < 1e-9)
                continue;
            (rows[r], rows[best]) = (rows[best], rows[r]);
            var pivot = rows[r][c];
            for (var k = 0; k < unknowns.Length; k++)
                rows[r][k] /= pivot;
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == r || Math.Abs(rows[i][c]) < 1e-12)
                    continue;
                var factor = rows[i][c];
                for (var k = 0; k < unknowns.Length; k++)
                    rows[i][k] -= factor * rows[r][k];
            }
            pivotRowOf[c] = r++;
        }
        for (var c = 0; c < unknowns.Length; c++)
        {
            if (pivotRowOf[c] < 0)
                continue;
            var row = rows[pivotRowOf[c]];
            if (Enumerable.Range(0, unknowns.Length).All(k => k == c || Math.Abs(row[k]) < 1e-9))
                determined.Add(unknowns[c]);
        }
        return determined;
    }
}
