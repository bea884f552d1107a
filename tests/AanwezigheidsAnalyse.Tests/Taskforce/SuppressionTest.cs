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
