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
    /// hidden from the start, and free to be worked out. <paramref name="known"/> are numbers the output does not show
    /// but a reader knows from elsewhere (a school's pupils, which DUO publishes): never hidden, and part of every sum
    /// they are in, so that a school's three tier counts are not two published and one worked out from its size.
    /// </summary>
    public static bool[] Suppress(CountTable table, int minCell = DefaultMinCell, IReadOnlySet<int>? unpublished = null, IReadOnlySet<int>? known = null)
    {
        var values = table.Values;
        var hidden = values.Select((v, i) => (v > 0 && v < minCell && known?.Contains(i) != true) || unpublished?.Contains(i) == true).ToArray();
        var sumsOf = values.Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < table.Sums.Count; s++)
        {
            foreach (var member in table.Sums[s].Parts.Append(table.Sums[s].Total).Distinct())
                sumsOf[member].Add(s);
        }
        // The smallest published number first, a cell before a total; a zero hides nothing, so only when nothing else is left.
        int Candidate(IEnumerable<int> sums)
        {
            var (best, bestKey) = (-1, (Zero: 0, Total: 0, Value: 0L, Index: 0));
            foreach (var s in sums)
            {
                foreach (var (index, isTotal) in table.Sums[s].Parts.Select(p => (p, false)).Append((table.Sums[s].Total, true)))
                {
                    var key = (Zero: values[index] == 0 ? 1 : 0, Total: isTotal ? 1 : 0, Value: values[index], Index: index);
                    if (!hidden[index] && known?.Contains(index) != true && (best < 0 || key.CompareTo(bestKey) < 0))
                        (best, bestKey) = (index, key);
                }
            }
            return best;
        }
        while (Exposed(table, hidden, unpublished) is var determined && determined.Where(i => unpublished?.Contains(i) != true).Order().ToList() is { Count: > 0 } workedOut)
        {
            // For every number that can be worked out, one more number of a sum it is in (the smallest published one,
            // a cell before a total), unless a number hidden in this round already shares such a sum with it; then the
            // system is solved again. Sums of more than 64 numbers (all schools of a school type, of the region) are
            // the last resort: they hardly ever give a number away, and a pick in them protects nothing near.
            var round = new HashSet<int>();
            foreach (var k in workedOut)
            {
                var near = sumsOf[k].Where(s => table.Sums[s].Parts.Length <= 64).ToList();
                if (near.Any(s => round.Contains(table.Sums[s].Total) || table.Sums[s].Parts.Any(round.Contains)))
                    continue;
                if ((Candidate(near) is var pick and >= 0) || (Candidate(sumsOf[k]) is var wide and >= 0 && (pick = wide) >= 0))
                {
                    hidden[pick] = true;
                    round.Add(pick);
                }
            }
            if (round.Count > 0)
                continue;
            // Fixed through other sums only (its own all hidden): any sum's number will do.
            var any = Candidate(Enumerable.Range(0, table.Sums.Count));
            if (any < 0)
                break; // every number is hidden: nothing is published, nothing can be worked out
            hidden[any] = true;
        }
        return hidden;
    }

    /// <summary>The hidden numbers a reader can work out: by the sums alone (<see cref="Determined"/>), or by the sums and what a hidden number must be (<see cref="Pinned"/>).</summary>
    private static HashSet<int> Exposed(CountTable table, bool[] hidden, IReadOnlySet<int>? unpublished)
    {
        var exposed = Determined(table, hidden);
        exposed.UnionWith(Pinned(table, hidden, unpublished));
        return exposed;
    }

    /// <summary>
    /// The hidden numbers pinned by their bounds. A reader knows that a hidden count is at least 1, since zero is
    /// shown (a zero hidden as a last resort is only at least 0, and an unpublished total is not seen at all), and
    /// nothing above: a count hidden to protect another can be large. Through a sum those bounds narrow each other:
    /// a total of 5 over five hidden counts makes each of them 1, though the sums alone fix none. The bounds are
    /// narrowed sum by sum until nothing changes (interval propagation); a hidden number whose bounds meet is known.
    /// This finds what adding and subtracting with the bounds finds, not every consequence a linear program could
    /// draw.
    /// </summary>
    internal static HashSet<int> Pinned(CountTable table, bool[] hidden, IReadOnlySet<int>? unpublished = null)
    {
        const long Unbounded = long.MaxValue / 4;
        var values = table.Values;
        var lo = new long[values.Count];
        var hi = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
            (lo[i], hi[i]) = !hidden[i] ? (values[i], values[i]) : (values[i] > 0 && unpublished?.Contains(i) != true ? 1 : 0, Unbounded);
        // Every narrowing keeps the true numbers inside the bounds, so this ends; the cap is for tables whose bounds
        // would shrink by a little per pass over a long way.
        for (var (changed, pass) = (true, 0); changed && pass < 1000; pass++)
        {
            changed = false;
            foreach (var (total, parts) in table.Sums)
            {
                // total = Σ parts: each side bounds the other, and each part is the total less the others. The upper
                // bounds are summed over the bounded parts, with a count of the unbounded ones.
                long partsLo = 0, finiteHi = 0;
                var unbounded = 0;
                foreach (var p in parts)
                {
                    partsLo += lo[p];
                    if (hi[p] >= Unbounded)
                        unbounded++;
                    else
                        finiteHi += hi[p];
                }
                changed |= Narrow(total, partsLo, unbounded > 0 ? Unbounded : finiteHi);
                foreach (var p in parts)
                {
                    var othersLo = partsLo - lo[p];
                    var othersUnbounded = unbounded - (hi[p] >= Unbounded ? 1 : 0) > 0;
                    var othersHi = hi[p] >= Unbounded ? finiteHi : finiteHi - hi[p];
                    changed |= Narrow(p, othersUnbounded ? 0 : lo[total] - othersHi, hi[total] >= Unbounded ? Unbounded : hi[total] - othersLo);
                }
            }
        }
        return [.. Enumerable.Range(0, values.Count).Where(i => hidden[i] && lo[i] == hi[i])];

        bool Narrow(int i, long low, long high)
        {
            var (newLo, newHi) = (Math.Max(lo[i], low), Math.Min(hi[i], high));
            if (newLo == lo[i] && newHi == hi[i])
                return false;
            (lo[i], hi[i]) = (newLo, newHi);
            return true;
        }
    }

    /// <summary>
    /// The hidden numbers the published numbers fix. The sums with the published numbers moved to the right are
    /// a linear system in the hidden ones; brought to reduced row echelon form, a hidden number is fixed when its
    /// column holds a pivot whose row has no other hidden number left. The rows are sparse (a gemeente's sum holds
    /// its own schools only): a national week has some 500 sums over thousands of hidden counts, where dense rows
    /// would cost minutes per week.
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
        var rows = new List<Dictionary<int, double>>();
        var rowsOf = new List<int>[unknowns.Length];
        for (var c = 0; c < rowsOf.Length; c++)
            rowsOf[c] = [];
        foreach (var (total, parts) in table.Sums)
        {
            var row = new Dictionary<int, double>();
            if (column.TryGetValue(total, out var t))
                row[t] = row.GetValueOrDefault(t) + 1;
            foreach (var part in parts)
            {
                if (column.TryGetValue(part, out var p))
                    row[p] = row.GetValueOrDefault(p) - 1;
            }
            foreach (var zero in row.Where(x => x.Value == 0).Select(x => x.Key).ToList())
                row.Remove(zero);
            if (row.Count == 0)
                continue;
            foreach (var c in row.Keys)
                rowsOf[c].Add(rows.Count);
            rows.Add(row);
        }
        // Gauss-Jordan with partial pivoting, row by row only where a column has a coefficient; the coefficients stay
        // small integers in exact binary fractions.
        var pivotRowOf = new int[unknowns.Length];
        Array.Fill(pivotRowOf, -1);
        var used = new bool[rows.Count];
        for (var c = 0; c < unknowns.Length; c++)
        {
            // The shortest row holding the column (Markowitz): pivoting on "all schools = the sum of 8 000 schools"
            // would spread every hidden school into every other sum.
            var best = -1;
            foreach (var r in rowsOf[c])
            {
                if (!used[r] && rows[r].TryGetValue(c, out var v) && Math.Abs(v) > 1e-6 && (best < 0 || rows[r].Count < rows[best].Count))
                    best = r;
            }
            if (best < 0)
                continue;
            used[best] = true;
            pivotRowOf[c] = best;
            var pivot = rows[best];
            var scale = pivot[c];
            foreach (var k in pivot.Keys.ToList())
                pivot[k] /= scale;
            foreach (var r in rowsOf[c].ToList())
            {
                if (r == best || !rows[r].TryGetValue(c, out var factor) || Math.Abs(factor) < 1e-12)
                    continue;
                var row = rows[r];
                foreach (var (k, a) in pivot)
                {
                    var had = row.TryGetValue(k, out var old);
                    var value = old - (factor * a);
                    if (Math.Abs(value) < 1e-9)
                    {
                        row.Remove(k);
                    }
                    else
                    {
                        row[k] = value;
                        if (!had)
                            rowsOf[k].Add(r);
                    }
                }
            }
        }
        for (var c = 0; c < unknowns.Length; c++)
        {
            if (pivotRowOf[c] >= 0 && rows[pivotRowOf[c]].Count == 1)
                determined.Add(unknowns[c]);
        }
        return determined;
    }
}
