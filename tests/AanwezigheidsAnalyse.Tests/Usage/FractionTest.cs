using System.Globalization;
using AanwezigheidsAnalyse.Cli;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Usage;

/// <summary>A share on the command line (--max-reject-rate, --noise): a decimal point and a decimal comma read alike.</summary>
public sealed class FractionTest
{
    [Property(MaxTest = 500)]
    public Property APointAndAComma_ReadAlike_AndAPercentIsAHundredth() => Prop.ForAll(
        (from digits in Gen.Choose(0, 100_000) from decimals in Gen.Choose(0, 5) select (digits, decimals)).ToArbitrary(),
        t =>
        {
            var text = (t.digits / Math.Pow(10, t.decimals)).ToString("0.#####", CultureInfo.InvariantCulture);
            var expected = double.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(Fraction.TryParse(text, out var point));
            Assert.True(Fraction.TryParse(text.Replace('.', ','), out var comma));
            Assert.True(Fraction.TryParse(text.Replace('.', ',') + " %", out var percent));
            Assert.Equal((expected, expected, expected / 100), (point, comma, percent));
        });

    [Theory]
    [InlineData("0,01", 0.01)]
    [InlineData(",5", 0.5)]
    [InlineData("1%", 0.01)]
    [InlineData("-0,1", -0.1)] // read, so that the range check can say what is wrong with it
    public void HandWorked(string text, double expected)
    {
        Assert.True(Fraction.TryParse(text, out var value));
        Assert.Equal(expected, value, 12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.000,5")]
    [InlineData("1,000.5")]
    [InlineData("1e-2")]
    [InlineData("NaN")]
    [InlineData("∞")]
    [InlineData("0x10")]
    [InlineData("%")]
    public void NotANumber(string text) => Assert.False(Fraction.TryParse(text, out _));
}
