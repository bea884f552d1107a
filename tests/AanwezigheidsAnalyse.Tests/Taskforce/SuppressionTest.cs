using System.Numerics;
using AanwezigheidsAnalyse.Taskforce;
using FsCheck;
using FsCheck.Fluent;

namespace AanwezigheidsAnalyse.Tests.Taskforce;

/// <summary>
/// Small-cell suppression (issue 11): no published number from 1 to 4, and no suppressed number can be worked out from
/// the published ones by adding and subtracting the output's sums: checked against an exact reference (fractions of
/// big integers, the plainest Gaussian elimination) on random tables with row, column and grand totals.
/// </summary>
public sealed class SuppressionTest
{
    /// <summary>A table of <paramref name="cells"/> with its row totals, column totals and grand total, as one output publishes it.</summary>
    private static CountTable Table(long[][] cells)
    {
        var table = new CountTable();
        var index = cells.Select(row => row.Select(table.Add).ToArray()).ToArray();
        var rowTotals = cells.Select((row, r) => { var t = table.Add(row.Sum()); table.Sum(t, index[r]); return t; }).ToArray();
        var columns = cells[0].Length;
        for (var c = 0; c < columns; c++)
        {
            var t = table.Add(cells.Sum(row => row[c]));
            table.Sum(t, [.. index.Select(row => row[c])]);
        }
        table.Sum(table.Add(cells.Sum(row => row.Sum())), rowTotals);
        return table;
    }

    [Fact]
    public void OneSmallCellOfATwoByTwoTable_HidesTheRectangle_TotalsStayPublished()
    {
        var table = Table([[3, 10], [7, 20]]);

        var hidden = Suppression.Suppress(table);

        // Cells 0–3 hidden; the totals (13, 27, 10, 30, 40) are published: every sum has two unknowns, and the
        // four sums have rank 3, so no cell is fixed.
        Assert.Equal([true, true, true, true, false, false, false, false, false], hidden);
    }

    [Fact]
    public void AnUnpublishedTotal_StillTiesItsTwoSums_AndIsNeverShown()
    {
        // Class years a, b, c of a school type add up to a total that is not published, which the type's schools
        // d and e (published) also add up to: a = d + e - b - c, unless one more of them is hidden.
        var table = new CountTable();
        int a = table.Add(3), b = table.Add(10), c = table.Add(20), d = table.Add(12), e = table.Add(21), total = table.Add(33);
        table.Sum(total, a, b, c);
        table.Sum(total, d, e);

        var hidden = Suppression.Suppress(table, unpublished: new HashSet<int> { total });

        Assert.True(hidden[a] && hidden[total]);
        Assert.Equal(1, new[] { b, c, d, e }.Count(i => hidden[i]));
        Assert.DoesNotContain(a, Suppression.Determined(table, hidden));
    }

    [Theory]
    [InlineData("2B", "2")]
    [InlineData("H4a", "4")]
    [InlineData("groep 5", "5")]
    [InlineData("ICT-2A", "2")]
    [InlineData("12C", "onbekend")]
    [InlineData("Brugklas", "onbekend")]
    [InlineData(null, "onbekend")]
    public void TheClassYear_IsTheFirstNumberOfTheClassName(string? group, string year)
    {
        Assert.Equal(year, Trends.ClassYear(group));
    }

    [Fact]
    public void ATableWithoutSmallCells_HidesNothing()
    {
        Assert.All(Suppression.Suppress(Table([[5, 10], [0, 20]])), Assert.False);
    }

    private static readonly Gen<long[][]> Tables =
        from rows in Gen.Choose(1, 4)
        from columns in Gen.Choose(1, 5)
        from cells in Gen.Choose(0, 12).Select(v => (long)(v > 8 ? v * 3 : v)).ArrayOf(columns).ArrayOf(rows)
        select cells;

    [Fact]
    public void NoPublishedSmallNumber_AndNoSuppressedNumberCanBeWorkedOut()
    {
        Prop.ForAll(Tables.ToArbitrary(), cells =>
        {
            var table = Table(cells);
            var hidden = Suppression.Suppress(table);
            var published = Enumerable.Range(0, hidden.Length).Where(i => !hidden[i]).Select(i => table.Values[i]);
            return published.All(v => v == 0 || v >= Suppression.DefaultMinCell)
                && Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).All(i => !Reference.Fixed(table, hidden, i));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Fact]
    public void ASmallTotal_OverAsManySmallCells_DoesNotGiveThemAway()
    {
        // "alle" is 5, one school shows 0, five schools are hidden: each hidden count is at least 1, so each is 1, though
        // the sum alone fixes none of them (an adversary found this in a trends output).
        var table = new CountTable();
        var total = table.Add(5);
        int[] schools = [table.Add(0), .. Enumerable.Range(0, 5).Select(_ => table.Add(1))];
        table.Sum(total, schools);

        var hidden = Suppression.Suppress(table);

        Assert.True(hidden.Count(h => h) > 5, "more than the five small counts is hidden");
        Assert.Empty(Reference.Pinned(table, hidden));
    }

    [Fact]
    public void AHiddenTotalAndAHiddenPart_StillBoundEachOther()
    {
        // Found by the property below: a part with no upper bound of its own still has a lower one, the total's lower
        // bound less what the other parts can hold at most; and a column of hidden counts under a hidden total is not
        // pinned by "each at least 1" alone, since nothing bounds a hidden count from above.
        foreach (var cells in new long[][][] { [[1, 0, 4, 2], [1, 36, 8, 1], [1, 4, 27, 8], [1, 8, 0, 33]], [[1, 1, 1, 1], [3, 0, 6, 6]] })
        {
            var table = Table(cells);
            var hidden = Suppression.Suppress(table);
            Assert.Empty(Reference.Pinned(table, hidden));
        }
    }

    /// <summary>
    /// A school of 12 with 10, 0 and 2 pupils in tiers 1 to 3: with 2 hidden alone, its size (DUO publishes it) gave it
    /// away (an adversary found this in a trends output). With the size as a known number, no hidden count is fixed.
    /// </summary>
    [Fact]
    public void TierCounts_WithTheSchoolsSizeKnown_GiveNoHiddenCountAway()
    {
        // Schools of at least 5 pupils: the size of a school of 2 says by itself that its tier counts are 2, or 1 and 1.
        var schools = Gen.Choose(0, 12).Select(v => (long)(v > 8 ? v * 3 : v)).ArrayOf(3).Where(row => row.Sum() >= Suppression.DefaultMinCell);
        Prop.ForAll(schools.ArrayOf().Where(rows => rows.Length is > 0 and < 6).ToArbitrary(), rows =>
        {
            // Per school its three tier counts and its size (known, not shown); per tier the total over the schools (shown).
            var table = new CountTable();
            var known = new HashSet<int>();
            var cells = rows.Select(row => row.Select(table.Add).ToArray()).ToArray();
            for (var r = 0; r < rows.Length; r++)
            {
                var size = table.Add(rows[r].Sum());
                table.Sum(size, cells[r]);
                known.Add(size);
            }
            for (var tier = 0; tier < 3; tier++)
                table.Sum(table.Add(rows.Sum(row => row[tier])), [.. cells.Select(row => row[tier])]);

            var hidden = Suppression.Suppress(table, known: known);

            return known.All(k => !hidden[k])
                && Enumerable.Range(0, hidden.Length).Where(i => !hidden[i] && !known.Contains(i)).All(i => table.Values[i] is 0 or >= Suppression.DefaultMinCell)
                && Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).All(i => !Reference.Fixed(table, hidden, i))
                && Reference.Pinned(table, hidden).Count == 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));

        var school = new CountTable();
        int[] tiers = [school.Add(10), school.Add(0), school.Add(2)];
        var of12 = school.Add(12);
        school.Sum(of12, tiers);
        var hiddenOf12 = Suppression.Suppress(school, known: new HashSet<int> { of12 });
        Assert.Equal([true, false, true, false], hiddenOf12);
    }

    [Fact]
    public void NoSuppressedNumber_IsPinnedByWhatAHiddenNumberMustBe()
    {
        Prop.ForAll(Tables.ToArbitrary(), cells =>
        {
            var table = Table(cells);
            return Reference.Pinned(table, Suppression.Suppress(table)).Count == 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    /// <summary>The slow, exact reference: is a hidden number fixed by the published ones?</summary>
    internal static class Reference
    {
        /// <summary>
        /// Fixed exactly when its unit vector lies in the row space of the sums over the hidden numbers: adding the
        /// row "target = ?" to the system does not raise its rank.
        /// </summary>
        public static bool Fixed(CountTable table, bool[] hidden, int target)
        {
            var unknowns = Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).ToList();
            var rows = table.Sums.Select(s => unknowns.Select(u => new Fraction((u == s.Total ? 1 : 0) - s.Parts.Count(p => p == u))).ToArray()).ToList();
            var unit = unknowns.Select(u => new Fraction(u == target ? 1 : 0)).ToArray();
            return Rank(rows) == Rank([.. rows, unit]);
        }

        /// <summary>
        /// Hidden numbers whose bounds meet, the plain way: a hidden number starts at [1, ∞) (zero is shown; a hidden
        /// zero at [0, ∞)), a published one at its value; then, over and over until nothing changes, every number of
        /// every sum is bounded by the sum's other numbers.
        /// </summary>
        public static List<int> Pinned(CountTable table, bool[] hidden)
        {
            var n = table.Values.Count;
            var lo = new double[n];
            var hi = new double[n];
            for (var i = 0; i < n; i++)
            {
                var v = table.Values[i];
                (lo[i], hi[i]) = !hidden[i] ? ((double)v, (double)v) : (v > 0 ? 1.0 : 0.0, double.PositiveInfinity);
            }
            bool changed;
            do
            {
                changed = false;
                foreach (var (total, parts) in table.Sums)
                {
                    void Bound(int i, double low, double high)
                    {
                        if (low > lo[i] || high < hi[i])
                            (lo[i], hi[i], changed) = (Math.Max(lo[i], low), Math.Min(hi[i], high), true);
                    }
                    Bound(total, parts.Sum(p => lo[p]), parts.Sum(p => hi[p]));
                    foreach (var part in parts)
                    {
                        var others = parts.Where(p => p != part).ToList(); // each sum names a number once
                        Bound(part, lo[total] - others.Sum(p => hi[p]), hi[total] - others.Sum(p => lo[p]));
                    }
                }
            }
            while (changed);
            return [.. Enumerable.Range(0, n).Where(i => hidden[i] && lo[i] == hi[i])];
        }

        private static int Rank(List<Fraction[]> matrix)
        {
            var rows = matrix.Select(r => r.ToArray()).ToList();
            var rank = 0;
            var columns = rows.Count == 0 ? 0 : rows[0].Length;
            for (var c = 0; c < columns && rank < rows.Count; c++)
            {
                var pivot = rows.FindIndex(rank, r => !r[c].IsZero);
                if (pivot < 0)
                    continue;
                (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
                for (var r = 0; r < rows.Count; r++)
                {
                    if (r == rank || rows[r][c].IsZero)
                        continue;
                    var factor = rows[r][c] / rows[rank][c];
                    for (var k = 0; k < columns; k++)
                        rows[r][k] -= factor * rows[rank][k];
                }
                rank++;
            }
            return rank;
        }
    }

    private readonly record struct Fraction(BigInteger Numerator, BigInteger Denominator)
    {
        public Fraction(long value)
            : this(value, BigInteger.One)
        {
        }

        public bool IsZero => Numerator.IsZero;

        private static Fraction Of(BigInteger n, BigInteger d)
        {
            if (d.Sign < 0)
                (n, d) = (-n, -d);
            var g = BigInteger.GreatestCommonDivisor(n, d);
            return g.IsZero ? new(0, 1) : new(n / g, d / g);
        }

        public static Fraction operator -(Fraction a, Fraction b) => Of((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

        public static Fraction operator *(Fraction a, Fraction b) => Of(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

        public static Fraction operator /(Fraction a, Fraction b) => Of(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    }
}
